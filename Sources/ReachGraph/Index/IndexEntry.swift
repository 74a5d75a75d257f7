/// How a unit's rank and score compare with the previous period.
public enum IndexChange: Sendable, Equatable {
    /// The data has no earlier period.
    case notCompared
    /// The unit was not ranked in this table in the previous period.
    case new
    /// The unit's rank in the previous period, and its score now minus its score then. Scores
    /// are normalised within each period, so the delta measures a change of standing among the
    /// units, not growth in absolute numbers.
    case ranked(previousRank: Int, scoreDelta: Double)
}

/// One unit's line in a ranking: the composite or one platform.
public struct IndexEntry: Sendable, Equatable {
    public var unit: IndexUnit
    public var rank: IndexRank
    /// The ranked score: the platform score, or the composite.
    public var score: Double
    /// The quantitative part of ``score`` before the split is applied.
    public var quantitative: Double
    /// The qualitative part of ``score`` before the split is applied.
    public var qualitative: Double
    /// Platform entries: the G, I and U sub-index scores. Empty for composite entries.
    public var dimensions: [IndexDimension: Double]
    /// Composite entries: the unit's score on every indexed platform, including platforms left
    /// out of the composite and platforms where the unit is absent (scored as zero activity).
    /// Empty for platform entries.
    public var platformScores: [String: Double]
    /// The raw activity behind the score: on the platform for platform entries; summed over the
    /// platforms in the composite for composite entries.
    public var activity: IndexActivity
    public var change: IndexChange

    public init(
        unit: IndexUnit, rank: IndexRank, score: Double, quantitative: Double, qualitative: Double,
        dimensions: [IndexDimension: Double] = [:], platformScores: [String: Double] = [:], activity: IndexActivity = IndexActivity(),
        change: IndexChange = .notCompared
    ) {
        self.unit = unit
        self.rank = rank
        self.score = score
        self.quantitative = quantitative
        self.qualitative = qualitative
        self.dimensions = dimensions
        self.platformScores = platformScores
        self.activity = activity
        self.change = change
    }

    /// Places gained since the previous period (positive: moved up); `nil` when new or not compared.
    public var rankChange: Int? {
        guard case .ranked(let previous, _) = change else { return nil }
        return previous - rank.position
    }

    /// `↑2`, `↓1`, `=` (same rank), `new`, or empty when there is no previous period.
    public var changeLabel: String {
        switch change {
        case .notCompared: return ""
        case .new: return "new"
        case .ranked(let previous, _):
            let gained = previous - rank.position
            return gained > 0 ? "↑\(gained)" : gained < 0 ? "↓\(-gained)" : "="
        }
    }
}

extension Array where Element == IndexEntry {
    /// The entries ranked `top` or better, so units tied at the cut are all kept (all entries
    /// when `top` is `nil`).
    public func top(_ top: Int?) -> [IndexEntry] {
        guard let top else { return self }
        return filter { $0.rank.position <= top }
    }
}
