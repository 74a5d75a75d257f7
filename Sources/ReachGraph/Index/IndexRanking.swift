/// A rank in standard competition ranking ("1224"): tied units share the best position of their
/// group and the next unit's position skips the places they take, so scores 90, 80, 80, 70 rank
/// 1, 2=, 2=, 4.
public struct IndexRank: Sendable, Equatable, CustomStringConvertible {
    /// 1 for the highest score.
    public var position: Int
    /// Whether another unit shares this position.
    public var isTied: Bool

    public init(position: Int, isTied: Bool = false) {
        self.position = position
        self.isTied = isTied
    }

    /// `2` or, when tied, `2=` as monitoring reports print it.
    public var description: String { isTied ? "\(position)=" : "\(position)" }
}

/// Competition ranking of scores with a tolerance, so two units with the same data never get
/// different ranks from floating-point noise.
enum CompetitionRanking {
    /// Scores tie when they differ by at most this, relative to the larger magnitude (and
    /// absolute below 1). Far below any difference a report would print.
    static let relativeTolerance = 1e-9

    static func tie(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= relativeTolerance * Swift.max(1, abs(a), abs(b))
    }

    /// The order to list the items (score descending; ties by id ascending, which decides the
    /// listing order only) and each listed item's rank. A tie group is the run of scores within
    /// the tolerance of the group's first (highest) score, so groups never chain.
    /// - Complexity: O(n log n).
    static func rank(scores: [Double], ids: [String]) -> [(index: Int, rank: IndexRank)] {
        let byScore = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : ids[$0] < ids[$1] }
        var ranked: [(index: Int, rank: IndexRank)] = []
        ranked.reserveCapacity(scores.count)
        var start = 0
        while start < byScore.count {
            var end = start + 1
            while end < byScore.count, tie(scores[byScore[start]], scores[byScore[end]]) { end += 1 }
            let rank = IndexRank(position: start + 1, isTied: end - start > 1)
            for index in byScore[start ..< end].sorted(by: { ids[$0] < ids[$1] }) { ranked.append((index, rank)) }
            start = end
        }
        return ranked
    }
}
