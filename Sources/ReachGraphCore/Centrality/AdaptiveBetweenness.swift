import Foundation

/// Settings for ``DirectedGraph/adaptiveBetweennessCentrality(_:)``.
public struct AdaptiveBetweennessOptions: Sendable, Hashable {
    /// k: how many of the highest-scoring nodes must come out right (as a set). Default 20.
    public var topCount: Int
    /// Sources in the first round; every later round doubles the sample. Default 256.
    public var initialSampleSize: Int
    /// z: how many estimated standard errors must separate the top k from every other node.
    /// Default 2 (each side's interval is ±2 standard errors, so a pair is about 2.8 apart).
    public var separation: Double
    /// Nodes that take part in the ranking (`nil`: all); the others are still estimated.
    public var candidates: [Bool]?
    /// Seeds the order in which sources are drawn; the same seed and graph give the same result
    /// at any thread count.
    public var seed: UInt64
    /// What makes a path short. Default ``PathLength/hops``.
    public var pathLength: PathLength
    /// The most threads to use, at most ``Parallelism/threadCount`` (the library-wide setting),
    /// which `nil` uses: it can only lower that setting. The result is identical for any value.
    public var maxConcurrency: Int?

    public init(
        topCount: Int = 20,
        initialSampleSize: Int = 256,
        separation: Double = 2,
        candidates: [Bool]? = nil,
        seed: UInt64 = 0,
        pathLength: PathLength = .hops,
        maxConcurrency: Int? = nil
    ) {
        self.topCount = topCount
        self.initialSampleSize = initialSampleSize
        self.separation = separation
        self.candidates = candidates
        self.seed = seed
        self.pathLength = pathLength
        self.maxConcurrency = maxConcurrency
    }
}

/// Betweenness estimated until its top k is settled, with the sampling effort behind it.
public struct AdaptiveBetweenness: Sendable, Hashable {
    /// Estimated normalised betweenness per node, on NetworkX's scale; exact (to rounding) when
    /// ``isExact``.
    public let values: [Double]
    /// The estimated standard error of each value (0 when ``isExact``).
    public let standardErrors: [Double]
    /// The top k by estimate, highest first (ties by node index).
    public let top: [Int32]
    /// Sources whose shortest paths were followed.
    public let sampledSources: Int
    /// Sources that can add anything: those with a path of two hops to a third node. The others
    /// add exactly 0 and are never sampled.
    public let contributingSources: Int
    /// Sampling rounds run.
    public let rounds: Int

    /// Whether every contributing source was followed, so the values are Brandes' exact ones.
    public var isExact: Bool { sampledSources == contributingSources }
}

/// Why ``DirectedGraph/adaptiveBetweennessCentrality(_:)`` refused its options.
public enum AdaptiveBetweennessError: Error, Hashable {
    /// ``AdaptiveBetweennessOptions/topCount`` is below 1.
    case topCountOutOfRange(Int)
    /// ``AdaptiveBetweennessOptions/initialSampleSize`` is below 2 (no variance from one source).
    case initialSampleSizeOutOfRange(Int)
    /// ``AdaptiveBetweennessOptions/separation`` is negative or not finite.
    case separationOutOfRange(Double)
    /// ``AdaptiveBetweennessOptions/candidates`` does not have one entry per node.
    case candidateCountMismatch(expected: Int, got: Int)
}

extension DirectedGraph {
    /// Betweenness sampled until the top k nodes are settled: the default when the ranking is
    /// what matters, which on large graphs costs a fraction of ``betweennessCentrality(_:)``.
    ///
    /// Source sampling after Brandes & Pich (2007), "Centrality estimation in large networks",
    /// Int. J. Bifurcation and Chaos 17(7), with a stopping rule aimed at the ranking in the
    /// spirit of KADABRA (Borassi & Natale 2016, "KADABRA is an ADaptive Algorithm for Betweenness
    /// via Random Approximation", ESA), which samples paths until the top k is separated. Sources are drawn without replacement in a seeded order, in rounds
    /// that double the sample (``AdaptiveBetweennessOptions/initialSampleSize``, then as many
    /// again each round). Every drawn source `s` runs one Brandes search and adds its whole
    /// dependency vector `δ_s(·)`; the estimate of `c_B(v) = Σ_s δ_s(v)` is `N/r · Σ_sampled δ_s(v)`
    /// for `r` of `N` contributing sources, normalised as ``betweennessCentrality(_:)`` with
    /// default options. Its standard error is `N · √((1 − r/N) s_v² / r)` with `s_v²` the sample
    /// variance of `δ_s(v)` (finite-population correction: sampling without replacement).
    ///
    /// Sampling stops after a round when (1) the set of the top k equals the previous round's
    /// and (2) the lowest `value − z·error` in the top k lies above the highest
    /// `value + z·error` outside it, `z` = ``AdaptiveBetweennessOptions/separation``; or when
    /// every contributing source has been followed, which gives Brandes' exact values. The
    /// errors are estimates from the sample: a node that only a few rare sources route through
    /// can still be missed while no drawn source has reached it, which is why two rounds must
    /// agree. The rule settles which nodes make the top k, not their order inside it: nodes
    /// within each other's errors are listed by estimate, and ``AdaptiveBetweenness/standardErrors``
    /// says how close they are. Ties at the k-th place can never be separated, so they run to
    /// the exact result.
    ///
    /// Orientation and path lengths as ``betweennessCentrality(_:)``. Sources without a path of
    /// two hops to a third node add nothing (no node lies strictly inside any of their shortest
    /// paths) and are left out of `N`: in a repost network most accounts are such leaves.
    ///
    /// Determinism: the source order is a Fisher–Yates shuffle drawn from
    /// ``SplitMix64/init(seed:)``, and each round sums its sources in fixed chunks, so the result
    /// depends only on the seed and the graph, never on the thread count. NetworkX's
    /// `betweenness_centrality(k=, seed=)` samples sources the same way (with `n/k` scaling) but
    /// with a fixed `k` and without a stopping rule.
    ///
    /// Edge cases: `n ≤ 2` or no contributing source gives all zeros, exactly. `topCount` at or
    /// above the number of candidates asks for the whole order, which usually runs to the exact
    /// result.
    ///
    /// - Throws: ``AdaptiveBetweennessError`` for a `topCount` below 1, an `initialSampleSize`
    ///   below 2, a negative `separation` or a candidate mask of the wrong length.
    /// - Complexity: one Brandes search per sampled source, O(r·m) for hops and O(r·m log n)
    ///   weighted, r ≤ N ≤ n; plus O(n log n) per round for the ranking and O(m) to find the
    ///   contributing sources. Memory: two result arrays per thread.
    public func adaptiveBetweennessCentrality(
        _ options: AdaptiveBetweennessOptions = AdaptiveBetweennessOptions()
    ) throws(AdaptiveBetweennessError) -> AdaptiveBetweenness {
        let nodes = nodeCount
        guard options.topCount >= 1 else { throw .topCountOutOfRange(options.topCount) }
        guard options.initialSampleSize >= 2 else { throw .initialSampleSizeOutOfRange(options.initialSampleSize) }
        guard options.separation >= 0 && options.separation.isFinite else { throw .separationOutOfRange(options.separation) }
        if let candidates = options.candidates, candidates.count != nodes {
            throw .candidateCountMismatch(expected: nodes, got: candidates.count)
        }
        let zeros = [Double](repeating: 0, count: nodes)
        var order = nodes > 2 ? contributingSources() : []
        guard !order.isEmpty else {
            let top = topNodes(of: zeros, count: options.topCount, candidates: options.candidates)
            return AdaptiveBetweenness(values: zeros, standardErrors: zeros, top: top, sampledSources: 0, contributingSources: 0, rounds: 0)
        }
        // Fisher–Yates written out rather than `shuffle(using:)`, whose draws the standard
        // library does not promise to keep across versions.
        var random = SplitMix64(seed: options.seed)
        for index in stride(from: order.count - 1, to: 0, by: -1) {
            order.swapAt(index, Int(random.next(below: UInt64(index + 1))))
        }

        let forward = MeasuredAdjacency(outgoing, pathLength: options.pathLength)
        let population = order.count
        let normalization = 1 / (Double(nodes - 1) * Double(nodes - 2))
        let z = options.separation
        // The first `nodes` entries sum δ_s(v), the next `nodes` δ_s(v)².
        var sums = [Double](repeating: 0, count: 2 * nodes)
        var values = zeros
        var errors = zeros
        var sampled = 0
        var rounds = 0
        var roundSize = min(population, options.initialSampleSize)
        var previousTop: [Int32]?
        while true {
            let batch = Array(order[sampled ..< sampled + roundSize])
            let roundSums = ShortestPathParallelism.sum(itemCount: batch.count, resultCount: 2 * nodes, maxConcurrency: options.maxConcurrency) { items, partial in
                accumulateBrandesDependencies(
                    from: items.lazy.map { Int(batch[$0]) }, graph: forward, endpoints: false,
                    into: UnsafeMutableBufferPointer(rebasing: partial[0 ..< nodes]),
                    squares: UnsafeMutableBufferPointer(rebasing: partial[nodes ..< 2 * nodes])
                )
            }
            for index in sums.indices { sums[index] += roundSums[index] }
            sampled += batch.count
            rounds += 1
            if sampled == population {
                for node in 0 ..< nodes { values[node] = sums[node] * normalization }
                errors = zeros
                break
            }
            let r = Double(sampled)
            let scale = Double(population) / r * normalization
            let remaining = 1 - r / Double(population)
            for node in 0 ..< nodes {
                let total = sums[node]
                values[node] = total * scale
                let variance = max(0, (sums[nodes + node] - total * total / r) / (r - 1))
                errors[node] = Double(population) * normalization * (remaining * variance / r).squareRoot()
            }
            let top = topNodes(of: values, count: options.topCount, candidates: options.candidates).sorted()
            if top == previousTop && Self.separates(top, values: values, errors: errors, z: z, candidates: options.candidates) { break }
            previousTop = top
            roundSize = min(sampled, population - sampled)
        }
        let top = topNodes(of: values, count: options.topCount, candidates: options.candidates)
        return AdaptiveBetweenness(
            values: values, standardErrors: errors, top: top, sampledSources: sampled, contributingSources: population, rounds: rounds
        )
    }

    /// Whether every node of `top` lies more than `z` errors above every other candidate, each
    /// side's interval counted on its own.
    private static func separates(_ top: [Int32], values: [Double], errors: [Double], z: Double, candidates: [Bool]?) -> Bool {
        var inTop = [Bool](repeating: false, count: values.count)
        var lowest = Double.infinity
        for node in top {
            inTop[Int(node)] = true
            lowest = min(lowest, values[Int(node)] - z * errors[Int(node)])
        }
        for node in values.indices where !inTop[node] && candidates?[node] ?? true {
            if values[node] + z * errors[node] >= lowest { return false }
        }
        return true
    }

    /// The nodes that can lie strictly inside a shortest path from them: those with an out-edge
    /// to some `w` that has an out-edge to a third node. In increasing order.
    func contributingSources() -> [Int32] {
        withRows(outgoing) { offsets, targets in
            var sources: [Int32] = []
            for source in 0 ..< nodeCount {
                search: for edge in offsets[source] ..< offsets[source + 1] {
                    let middle = Int(targets[edge])
                    guard middle != source else { continue }
                    for next in offsets[middle] ..< offsets[middle + 1] where Int(targets[next]) != source && Int(targets[next]) != middle {
                        sources.append(Int32(source))
                        break search
                    }
                }
            }
            return sources
        }
    }
}

/// The `count` highest of `values` among `candidates` (all when `nil`), highest first, ties by
/// node index; fewer when there are fewer candidates.
func topNodes(of values: [Double], count: Int, candidates: [Bool]?) -> [Int32] {
    var nodes = values.indices.filter { candidates?[$0] ?? true }
    nodes.sort { values[$0] != values[$1] ? values[$0] > values[$1] : $0 < $1 }
    return nodes.prefix(count).map(Int32.init)
}
