import ReachGraph

/// What the index section says about activity: the unit with the most interactions in total set
/// against the one with the most interactions per post among the top of the composite, and the
/// fastest follower growth, so a reader sees whether volume or rate carries a rank.
/// - Complexity: O(top).
enum IndexFindings {
    static func activitySentence(_ report: IndexReport, top: Int = 10) -> String? {
        let leaders = report.composite.top(top)
        func best(_ value: (IndexActivity) -> Double?) -> (IndexEntry, Double)? {
            leaders.compactMap { entry in value(entry.activity).map { (entry, $0) } }.max { $0.1 < $1.1 }
        }
        guard let volume = best(\.interactions), volume.1 > 0 else { return nil }
        let posts = volume.0.activity.posts.map { Int($0.rounded()) }
        var sentence = "Among the top \(leaders.count), \(volume.0.unit.label) drew the most interactions (\(groupedDigits(Int(volume.1.rounded())))"
        if let posts { sentence += " on \(groupedDigits(posts)) posts" }
        if let rate = volume.0.activity.interactionsPerPost { sentence += ", \(rateText(rate)) per post" }
        sentence += ")"
        if let rate = best(\.interactionsPerPost) {
            if rate.0.unit == volume.0.unit {
                sentence += " and also the most per post"
            } else {
                sentence += "; \(rate.0.unit.label) drew the most per post (\(rateText(rate.1)) on \(groupedDigits(Int((rate.0.activity.posts ?? 0).rounded()))) posts)"
            }
        }
        if let growth = best(\.followerGrowth), growth.1 > 0 {
            sentence += "; \(growth.0.unit.label) grew its followers fastest (+\(rateText(growth.1 * 100))%)"
        }
        return sentence + "."
    }

    /// A rate as a sentence shows it: whole and grouped from 100 up (`10,462`), else three
    /// significant digits (`2.75`).
    static func rateText(_ value: Double) -> String {
        abs(value) >= 100 ? groupedDigits(Int(value.rounded())) : formatNumber(value, digits: 3)
    }
}
