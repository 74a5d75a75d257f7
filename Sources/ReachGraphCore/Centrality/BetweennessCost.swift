import Foundation

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
    /// Bytes the searches keep touching: ``bytesPerNode`` per node and ``bytesPerEdge`` per edge
    /// of the reduced graph. Sets ``visitsPerSecond``.
    public let workingSetBytes: Int

    public init(contributingSources: Int, sampledSources: Int, estimatedVisits: Double, workingSetBytes: Int = 0) {
        self.contributingSources = contributingSources
        self.sampledSources = sampledSources
        self.estimatedVisits = estimatedVisits
        self.workingSetBytes = workingSetBytes
    }

    /// Per node: hops (`Int32`), path count, coefficient, the search order (`Int32`), the
    /// successor run's start (`Int`), the sums and squares of the sampler and the row offset and
    /// pendant count of the reduced graph (`Int`, `Double`).
    public static let bytesPerNode = 64
    /// Per edge: the reduced graph's target and the search's successor entry (`Int32` each).
    public static let bytesPerEdge = 8

    /// Visits per second of one thread when the working set fits in a core's cache: about 220 µs
    /// per search of the 5,000-node, 50,000-edge benchmark graph (BENCHMARKS.md), rounded down.
    public static let cachedVisitsPerSecond = 2.0e8
    /// The working set up to which ``cachedVisitsPerSecond`` holds: a core's L2 on the machines
    /// the rate was measured on (1 MiB).
    public static let cachedBytes = 1 << 20
    /// How fast the rate falls with the working set beyond ``cachedBytes``: as
    /// `(workingSetBytes / cachedBytes)^−exponent`. Past the cache every visit of a node waits on
    /// memory for its slots in several node-sized arrays, in the order of the search rather than
    /// of the arrays. Fitted to the 2.5M IRA-sized posts' graph (242,489 nodes, a 26 MiB working
    /// set), where one thread searched 7.6·10⁷ visits per second, 0.38 of the cached rate
    /// (BENCHMARKS.md, "kol's betweenness budget and seeds on 2.5M IRA-sized posts").
    public static let slowdownExponent = 0.3

    /// Nodes reached plus edges scanned per second by one thread of Brandes with hops on this
    /// working set. Fixed by the graph's size rather than timed, so the choice between exact and
    /// sampled betweenness, and the sample, are the same on every machine and under any load.
    public var visitsPerSecond: Double {
        guard workingSetBytes > Self.cachedBytes else { return Self.cachedVisitsPerSecond }
        return Self.cachedVisitsPerSecond * pow(Double(workingSetBytes) / Double(Self.cachedBytes), -Self.slowdownExponent)
    }

    /// Exact betweenness's estimated time on one thread, at ``visitsPerSecond``.
    public var estimatedSeconds: Double { estimatedVisits / visitsPerSecond }

    /// How many searches fit in `seconds` of one thread at the mean cost of a search.
    public func searches(within seconds: Double) -> Int {
        guard estimatedVisits > 0, contributingSources > 0 else { return contributingSources }
        let perSearch = estimatedSeconds / Double(contributingSources)
        return Int(min(Double(Int.max / 2), (seconds / perSearch).rounded(.down)))
    }
}

extension DirectedGraph {
    /// Estimates the work of ``betweennessCentrality(_:)`` with hops, so a caller can choose
    /// between it and ``adaptiveBetweennessCentrality(_:)`` before spending it.
    ///
    /// Runs a breadth-first search from `sampleSize` contributing searches drawn without
    /// replacement in a seeded order (all of them when there are fewer) on the reduced graph exact
    /// betweenness searches, counts the nodes each reaches and their out-edges (what a Brandes search scans), and scales
    /// the mean by the number of contributing searches. A search's cost follows its reach, which in a repost network ranges from a few
    /// accounts to most of the graph, so `n · m` would overstate the work by orders of magnitude.
    /// The estimate is deterministic (same seed, same number); it counts hops, and weighted
    /// lengths cost about a factor `log n` more. The working set sets the rate that turns visits
    /// into seconds (``BetweennessCost/visitsPerSecond``).
    ///
    /// - Complexity: O(sampleSize · (n + m)) at worst, O(m) to find the contributing sources.
    public func exactBetweennessCost(sampleSize: Int = 64, seed: UInt64 = 0) -> BetweennessCost {
        guard nodeCount > 2 else { return BetweennessCost(contributingSources: 0, sampledSources: 0, estimatedVisits: 0) }
        let searches = BetweennessSearches(self, pathLength: .hops)
        let workingSet = BetweennessCost.bytesPerNode * nodeCount + BetweennessCost.bytesPerEdge * searches.searchedEdgeCount
        var items = searches.contributing
        let population = items.count
        guard population > 0 else {
            return BetweennessCost(contributingSources: 0, sampledSources: 0, estimatedVisits: 0, workingSetBytes: workingSet)
        }
        let count = min(max(1, sampleSize), population)
        var random = SplitMix64(seed: seed)
        for index in 0 ..< count {
            items.swapAt(index, index + Int(random.next(below: UInt64(population - index))))
        }
        let visits = searches.visits(of: items.prefix(count).map(Int.init))
        return BetweennessCost(
            contributingSources: population, sampledSources: count,
            estimatedVisits: Double(visits) / Double(count) * Double(population), workingSetBytes: workingSet
        )
    }
}
