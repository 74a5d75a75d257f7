/// How shares of one object are matched into co-action pairs.
public enum CoActionMatching: String, Sendable, CaseIterable {
    /// Every two shares at most `window` seconds apart, `|Δt| ≤ window` (CooRTweet, QUT).
    case pairwise
    /// Shares in the same fixed interval of `window` seconds counted from the object's first share
    /// (CooRnet, Giglietto et al. 2020): `⌊(t − t_first) / window⌋` equal.
    case bins
}

/// Which count an edge is weighed, filtered and ranked by.
public enum CoActionWeight: String, Sendable, CaseIterable {
    /// Co-action pairs between the two accounts (CooRTweet's `weight`).
    case coShares = "co-shares"
    /// Distinct objects both shared within the window.
    case objects
    /// The larger of the two directed message counts (QUT's directed weight: distinct messages of
    /// one account matched by the other), so a threshold keeps an edge when either direction
    /// passes it, as QUT's directed table read as an undirected graph does.
    case messages
}

/// Which edges survive after the minimum weight, by rank.
public enum CoActionEdgeFilter: Sendable, Equatable {
    /// All edges.
    case none
    /// The `k` heaviest edges (ties broken by account ids, so the count is exact).
    case top(Int)
    /// Edges heavier than the given percentile (0–100) of all edge weights, interpolated linearly
    /// as R's default `quantile` (type 7): CooRTweet's `edge_weight = p / 100`. With
    /// ``CoActionMatching/bins``, edges at the percentile stay too, as CooRnet's
    /// `percentile_edge_weight` keeps them (with most edges of weight 1 the 90th percentile is 1,
    /// and CooRnet keeps every edge).
    case percentile(Double)
}

/// Settings of co-action (coordination) detection.
public struct CoActionOptions: Sendable, Equatable {
    /// Seconds: the largest `|Δt|` of a pair, or the bin width.
    public var window: Double
    public var matching: CoActionMatching
    /// Accounts with fewer shares are dropped first, and after matching only pairs touching an
    /// account with at least this many matched shares are kept (CooRTweet's `min_participation`,
    /// both steps); 1 or less turns both off.
    public var minParticipation: Int
    /// Keep pairs of one account with itself (repeated shares of an object: self-loop edges),
    /// and pairs CooRTweet's `remove_loops` would drop (a share paired with itself, an original
    /// paired as a share of itself). QUT's toolkit also matches every message with itself, so its
    /// self-loops count every message an account posted; here a self-loop needs two shares.
    public var selfLoops: Bool
    public var weight: CoActionWeight
    /// Edges lighter than this (in ``weight``) are dropped.
    public var minWeight: Double
    public var edgeFilter: CoActionEdgeFilter

    public init(
        window: Double, matching: CoActionMatching = .pairwise, minParticipation: Int = 1, selfLoops: Bool = false,
        weight: CoActionWeight = .coShares, minWeight: Double = 1, edgeFilter: CoActionEdgeFilter = .none
    ) {
        self.window = window
        self.matching = matching
        self.minParticipation = minParticipation
        self.selfLoops = selfLoops
        self.weight = weight
        self.minWeight = minWeight
        self.edgeFilter = edgeFilter
    }
}

extension CoActionOptions {
    /// Pairs of accounts with at least 2 objects in common within `window` seconds (weighed by
    /// distinct objects): the coordination of the briefing and of the month-over-month change.
    /// Counted by co-shares instead, one account sharing a viral post three times beside 146
    /// accounts sharing it once made 146 pairs "at least twice" (the Weibo CED export).
    public static func repeatedPairs(window: Double) -> CoActionOptions {
        CoActionOptions(window: window, weight: .objects, minWeight: 2)
    }
}
