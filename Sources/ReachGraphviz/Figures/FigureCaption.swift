import Foundation
import ReachGraph

/// Assembles the caption lines every network figure carries, in this order: title; the period
/// the data covers; what is shown (and what was cut); the visual encoding; the numbered accounts'
/// names; relation filters; the caller's notes; the synthetic-data notice.
enum FigureCaption {
    static func lines(
        title: String, dataset: Dataset, shown: String, encoding: String, names: [String] = [], relationTypes: Set<RelationType>?, options: CaptionOptions
    ) -> [String] {
        var lines = [options.title ?? title]
        if let period = period(of: dataset) { lines.append(period) }
        lines.append(shown)
        lines.append(encoding)
        lines += names
        if let relationTypes {
            lines.append("relations: " + RelationType.allCases.filter(relationTypes.contains).map(\.rawValue).joined(separator: ", "))
        }
        lines += options.notes
        if options.isSynthetic { lines.append(CaptionOptions.syntheticNotice) }
        return lines
    }

    /// "posts from 2025-03-01 to 2025-05-31", from post times, else from relation dates.
    static func period(of dataset: Dataset) -> String? {
        func day(_ seconds: Double) -> String { String(iso8601String(fromUnixSeconds: seconds).prefix(10)) }
        if let first = dataset.posts.times.min(), let last = dataset.posts.times.max() {
            return "posts from \(day(first)) to \(day(last))"
        }
        let firstSeen = (dataset.relations.firstSeen ?? []).compactMap { $0 }
        let lastSeen = (dataset.relations.lastSeen ?? []).compactMap { $0 }
        guard let first = (firstSeen + lastSeen).min(), let last = (firstSeen + lastSeen).max() else { return nil }
        return "relations seen from \(day(first)) to \(day(last))"
    }

    /// "4,012 accounts, 9,876 ties" for an untrimmed figure.
    static func counts(nodes: Int, edges: Int) -> String {
        "\(groupedDigits(nodes)) accounts, \(groupedDigits(edges)) ties"
    }

    /// The dataset's name as a caption shows it: the last path component.
    static func name(of dataset: Dataset) -> String { (dataset.name as NSString).lastPathComponent }
}
