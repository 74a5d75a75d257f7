/// How one platform entered the index in a period.
public struct IndexPlatformSummary: Sendable, Equatable {
    public var name: String
    /// The weight the weights file gives the platform.
    public var weight: Double
    /// Its weight in the composite after platforms left out are removed and the rest rescaled
    /// to sum to 1; 0 when left out.
    public var compositeWeight: Double
    /// Accounts with a metrics row on the platform in the period (whatever the grouping).
    public var accountCount: Int
    /// Units (accounts or cities) ranked on the platform.
    public var unitCount: Int
    /// Why the platform is left out of the composite; `nil` when it is in.
    public var exclusionReason: String?
    /// The G/I/U weights used, after the weight of a dimension without data moved to the others.
    public var dimensionWeights: [IndexDimension: Double]
    /// The indicator weights used inside each dimension, after the weight of an indicator empty
    /// in every row moved to the others of its dimension.
    public var indicatorWeights: [IndexIndicator: Double]

    /// Whether the platform counts in the composite.
    public var isInComposite: Bool { exclusionReason == nil }
}

/// One platform's ranking: the units present on it.
public struct IndexPlatformRanking: Sendable, Equatable {
    public var platform: IndexPlatformSummary
    public var entries: [IndexEntry]
}

/// The communication power index of one period: the composite ranking, a ranking per platform,
/// and what the method had to do with the data (``notes``).
public struct IndexReport: Sendable, Equatable {
    public var period: String
    /// The period the changes compare with; `nil` for the earliest period.
    public var previousPeriod: String?
    public var grouping: IndexGrouping
    public var weights: IndexWeights
    /// Every unit with metrics in the period, by composite rank. Empty when no platform enters
    /// the composite.
    public var composite: [IndexEntry]
    /// One ranking per platform of the weights, in their order.
    public var platforms: [IndexPlatformRanking]
    /// Whether any row of the period has a qualitative score; without one the scores are 100%
    /// quantitative.
    public var hasQualitative: Bool
    /// Data handling worth telling the reader: platforms left out, indicators without data,
    /// empty cells counted as 0, rows not indexed.
    public var notes: [String]

    /// The ranking of `platform` (any case).
    public func ranking(of platform: String) -> IndexPlatformRanking? {
        let key = platform.lowercased()
        return platforms.first { $0.platform.name == key }
    }
}
