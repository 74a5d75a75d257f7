/// Why a briefing section was left out: shown on the page in place of the section's content.
struct BriefingSkip: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
