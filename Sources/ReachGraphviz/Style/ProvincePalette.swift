/// Fill colours for provinces when the engine draws no cluster boxes (`sfdp`, `neato`, `circo`,
/// `twopi`): Tableau 10, assigned to the provinces with the most accounts in the dataset first
/// (ties by name), so that a province keeps its colour from figure to figure (the overview, an
/// ego network, a trimmed drawing). Provinces beyond the tenth share grey, and accounts without a
/// province are white; shape still tells the kind.
public struct ProvincePalette: Sendable {
    static let colors = ["#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948", "#B07AA1", "#FF9DA7", "#9C755F", "#BAB0AC"]
    /// The colour of provinces beyond the palette.
    public static let remainder = "#D9D9D9"
    /// The colour of accounts without a province.
    public static let none = "#FFFFFF"

    /// The drawn provinces with their own colour, most accounts in the dataset first.
    public let assigned: [(province: String, color: String)]
    /// Whether some drawn provinces share ``remainder``.
    public let hasRemainder: Bool
    private let lookup: [String: String]

    /// A palette ranking the provinces of every account (`all`: `nil` or empty for none), whose
    /// legend lists the provinces of the drawn accounts (`drawn`).
    /// - Complexity: O(n + p log p) for n accounts in p provinces.
    public init(provinces all: [String?], drawn: [String?]) {
        var counts: [String: Int] = [:]
        for case let province? in all where !province.isEmpty { counts[province, default: 0] += 1 }
        let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        let lookup = Dictionary(uniqueKeysWithValues: zip(ranked, Self.colors).map { ($0, $1) })
        var shown = Set<String>()
        for case let province? in drawn where !province.isEmpty { shown.insert(province) }
        assigned = zip(ranked, Self.colors).filter { shown.contains($0.0) }.map { (province: $0, color: $1) }
        hasRemainder = shown.contains { lookup[$0] == nil }
        self.lookup = lookup
    }

    /// The fill for an account in `province`.
    public func color(of province: String?) -> String {
        guard let province, !province.isEmpty else { return Self.none }
        return lookup[province] ?? Self.remainder
    }
}
