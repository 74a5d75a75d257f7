/// What exact betweenness would cost on a graph, estimated from a few searches.
public struct BetweennessCost: Sendable, Hashable {
    /// Searches that can add anything to betweenness (see
    /// ``AdaptiveBetweenness/contributingSources``), after the degree-one reduction of
    /// ``DirectedGraph/betweennessCentrality(_:)``; exact Brandes runs each once.
    public let contributingSources: Int
    /// Sources searched for the estimate.
    public let sampledSources: Int
    /// Estimated nodes reached plus edges scanned by all the searches of exact Brandes with hops.
    public let estimatedVisits: Double

    public init(contributingSources: Int, sampledSources: Int, estimatedVisits: Double) {
        self.contributingSources = contributingSources
        self.sampledSources = sampledSources
        self.estimatedVisits = estimatedVisits
    }
}

extension DirectedGraph {
    /// Estimates the work of ``betweennessCentrality(_:)`` with hops, so a caller can choose
    /// between it and ``adaptiveBetweennessCentrality(_:)`` before spending it.
    ///
    /// Runs a breadth-first search from `sampleSize` contributing searches drawn without
    /// replacement in a seeded order (all of them when there are fewer) on the reduced graph exact
    /// betweenness searches, counts the nodes each reaches and the out-edges it scans, and scales
    /// the mean by the number of contributing searches. A search's cost follows its reach, which in a repost network ranges from a few
    /// accounts to most of the graph, so `n · m` would overstate the work by orders of magnitude.
    /// The estimate is deterministic (same seed, same number); it counts hops, and weighted
    /// lengths cost about a factor `log n` more.
    ///
    /// - Complexity: O(sampleSize · (n + m)) at worst, O(m) to find the contributing sources.
    public func exactBetweennessCost(sampleSize: Int = 64, seed: UInt64 = 0) -> BetweennessCost {
        guard nodeCount > 2 else { return BetweennessCost(contributingSources: 0, sampledSources: 0, estimatedVisits: 0) }
        let searches = BetweennessSearches(self, pathLength: .hops)
        var items = searches.contributing
        let population = items.count
        guard population > 0 else { return BetweennessCost(contributingSources: 0, sampledSources: 0, estimatedVisits: 0) }
        let count = min(max(1, sampleSize), population)
        var random = SplitMix64(seed: seed)
        for index in 0 ..< count {
            items.swapAt(index, index + Int(random.next(below: UInt64(population - index))))
        }
        let visits = searches.visits(of: items.prefix(count).map(Int.init))
        return BetweennessCost(
            contributingSources: population, sampledSources: count,
            estimatedVisits: Double(visits) / Double(count) * Double(population)
        )
    }
}
