/// What exact betweenness would cost on a graph, estimated from a few searches.
public struct BetweennessCost: Sendable, Hashable {
    /// Sources that can add anything to betweenness (see
    /// ``AdaptiveBetweenness/contributingSources``); exact Brandes needs one search from each.
    public let contributingSources: Int
    /// Sources searched for the estimate.
    public let sampledSources: Int
    /// Estimated nodes reached plus edges scanned by all the searches of exact Brandes with hops.
    public let estimatedVisits: Double
}

extension DirectedGraph {
    /// Estimates the work of ``betweennessCentrality(_:)`` with hops, so a caller can choose
    /// between it and ``adaptiveBetweennessCentrality(_:)`` before spending it.
    ///
    /// Runs a breadth-first search from `sampleSize` contributing sources drawn without
    /// replacement in a seeded order (all of them when there are fewer), counts the nodes each
    /// reaches and the out-edges it scans, and scales the mean by the number of contributing
    /// sources. A search's cost follows its reach, which in a repost network ranges from a few
    /// accounts to most of the graph, so `n · m` would overstate the work by orders of magnitude.
    /// The estimate is deterministic (same seed, same number); it counts hops, and weighted
    /// lengths cost about a factor `log n` more.
    ///
    /// - Complexity: O(sampleSize · (n + m)) at worst, O(m) to find the contributing sources.
    public func exactBetweennessCost(sampleSize: Int = 64, seed: UInt64 = 0) -> BetweennessCost {
        var sources = nodeCount > 2 ? contributingSources() : []
        let population = sources.count
        guard population > 0 else { return BetweennessCost(contributingSources: 0, sampledSources: 0, estimatedVisits: 0) }
        let count = min(max(1, sampleSize), population)
        var random = SplitMix64(seed: seed)
        for index in 0 ..< count {
            sources.swapAt(index, index + Int(random.next(below: UInt64(population - index))))
        }
        var scratch = BrandesHopScratch(nodeCount: nodeCount, edgeCount: outgoing.neighbors.count)
        let visits = withRows(outgoing) { offsets, targets in
            var visits = 0
            for source in sources.prefix(count) {
                scratch.search(from: source, offsets: offsets, targets: targets)
                visits += scratch.reachedCount
                for position in 0 ..< scratch.reachedCount {
                    let node = Int(scratch.order[position])
                    visits += offsets[node + 1] - offsets[node]
                }
            }
            return visits
        }
        return BetweennessCost(
            contributingSources: population, sampledSources: count,
            estimatedVisits: Double(visits) / Double(count) * Double(population)
        )
    }
}
