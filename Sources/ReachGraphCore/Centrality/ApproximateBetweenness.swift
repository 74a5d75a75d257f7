import Foundation

/// Settings for ``DirectedGraph/approximateBetweennessCentrality(_:)``.
public struct ApproximateBetweennessOptions: Sendable, Hashable {
    /// ε: the largest absolute error allowed on any node, on NetworkX's normalised scale
    /// (``BetweennessOptions/normalized``, no endpoints). Must lie in (0, 1). Default 0.01.
    public var maximumError: Double
    /// δ: the probability that some node misses ``maximumError``. Must lie in (0, 1). Default 0.1.
    public var failureProbability: Double
    /// Seeds the sampling; the same seed and graph give the same result at any thread count.
    public var seed: UInt64
    /// What makes a path short. Default ``PathLength/hops``.
    public var pathLength: PathLength
    /// The most threads to use, at most ``Parallelism/threadCount`` (the library-wide setting),
    /// which `nil` uses; a value can only lower that setting, never raise it. The result is
    /// identical for any value.
    public var maxConcurrency: Int?

    public init(
        maximumError: Double = 0.01,
        failureProbability: Double = 0.1,
        seed: UInt64 = 0,
        pathLength: PathLength = .hops,
        maxConcurrency: Int? = nil
    ) {
        self.maximumError = maximumError
        self.failureProbability = failureProbability
        self.seed = seed
        self.pathLength = pathLength
        self.maxConcurrency = maxConcurrency
    }
}

/// Estimated betweenness with the sampling effort behind it.
public struct ApproximateBetweenness: Sendable, Hashable {
    /// Estimated normalised betweenness per node, on NetworkX's scale.
    public let values: [Double]
    /// How many (source, target) pairs were sampled.
    public let sampleSize: Int
    /// The upper bound on the vertex diameter (most nodes on a shortest path) that set the sample size.
    public let vertexDiameterBound: Int
    /// ε, the error bound the sample size was set for.
    public let maximumError: Double

    /// The difference between the k-th and the (k + 1)-th highest estimate among `candidates`
    /// (all nodes when `nil`); `nil` when there are at most k candidates.
    public func topGap(_ k: Int, candidates: [Bool]? = nil) -> Double? {
        let order = topNodes(of: values, count: k + 1, candidates: candidates)
        guard k >= 1, order.count == k + 1 else { return nil }
        return values[Int(order[k - 1])] - values[Int(order[k])]
    }

    /// Whether the guarantee tells the top k from the rest: every estimate may be off by ε, so
    /// the k-th and (k + 1)-th must lie more than 2ε apart. True when nothing was sampled (the
    /// zeros are exact) or there are at most k candidates.
    public func separatesTop(_ k: Int, candidates: [Bool]? = nil) -> Bool {
        guard sampleSize > 0, let gap = topGap(k, candidates: candidates) else { return true }
        return gap > 2 * maximumError
    }
}

/// Why ``DirectedGraph/approximateBetweennessCentrality(_:)`` refused its options.
public enum ApproximateBetweennessError: Error, Hashable {
    /// ``ApproximateBetweennessOptions/maximumError`` is not in (0, 1).
    case maximumErrorOutOfRange(Double)
    /// ``ApproximateBetweennessOptions/failureProbability`` is not in (0, 1).
    case failureProbabilityOutOfRange(Double)
    /// The guarantee asked for needs more samples than can be run (given: the number needed).
    case sampleSizeTooLarge(Double)
}

extension DirectedGraph {
    /// Betweenness estimated from sampled shortest paths, with a stated error bound: with
    /// probability at least `1 − δ`, every node's estimate is within `ε` of
    /// ``betweennessCentrality(_:)`` with default options (NetworkX's normalised scale).
    ///
    /// An absolute ε says nothing about the ranking: on a 256k-node retweet network ε = 0.01 was
    /// more than 12 times the largest true score, and the top 20 came out 15/20 right. When the top k is
    /// what matters use ``adaptiveBetweennessCentrality(_:)``, and check a fixed ε with
    /// ``ApproximateBetweenness/separatesTop(_:candidates:)``.
    ///
    /// Algorithm: Riondato & Kornaropoulos (2016), "Fast approximation of betweenness centrality
    /// through sampling", Data Min. Knowl. Disc. 30(2). Each sample draws an ordered pair `(u, v)`,
    /// `u ≠ v`, uniformly, finds shortest paths from `u` (stopping once `v` is settled), and if `v`
    /// is reachable walks back one shortest path chosen uniformly (each predecessor `p` of `w` with
    /// probability `σ(p) / σ(w)`), crediting every interior node. The paper's estimate is
    /// normalised by `n (n − 1)`; the returned values are multiplied by `n / (n − 2)` to NetworkX's
    /// `(n − 1)(n − 2)` scale. The sample size is
    /// `r = ⌈(c / ε'²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉` with `c = 0.5` and `ε' = ε (n − 2) / n`, so the
    /// paper's guarantee at `ε'` is exactly `ε` on the returned scale. `VD` is a safe upper bound
    /// on the vertex diameter of a *directed* graph (see ``ApproximateBetweenness/vertexDiameterBound``):
    /// the heaviest chain of strongly connected components, each weighted by its size or, for hops,
    /// by a two-sided breadth-first eccentricity bound.
    ///
    /// Orientation as ``betweennessCentrality(_:)``: paths follow information flow.
    ///
    /// Determinism: sample `i` draws from its own stream ``SplitMix64/init(seed:stream:)``, and
    /// counts are whole numbers, so the result depends only on the seed and the graph. Unlike
    /// NetworkX's `k` sampling the random numbers do not match NetworkX's.
    ///
    /// Edge cases: with `n ≤ 2` or a vertex-diameter bound below 3 no shortest path has an
    /// interior node, so every value is exactly 0 and nothing is sampled. Self-loops and unusable
    /// edges (see ``PathLength``) never lie on a shortest path. When `r` exceeds `n`, exact
    /// Brandes is usually cheaper.
    ///
    /// - Throws: ``ApproximateBetweennessError`` when ε or δ is outside (0, 1), or the sample
    ///   size would not fit in 32 bits.
    /// - Complexity: O(n + m) for the bound, then one truncated search per sample: O(r·(n + m))
    ///   time for hops, O(r·m log n) weighted; O(n) memory per thread. `r` does not grow with the
    ///   graph, only with log `VD`. A truncated search still explores most of a small-world graph
    ///   before it meets its target, so a sample costs about as much as one source of the exact
    ///   algorithm.
    public func approximateBetweennessCentrality(
        _ options: ApproximateBetweennessOptions = ApproximateBetweennessOptions()
    ) throws(ApproximateBetweennessError) -> ApproximateBetweenness {
        let epsilon = options.maximumError
        let delta = options.failureProbability
        guard epsilon > 0 && epsilon < 1 else { throw .maximumErrorOutOfRange(epsilon) }
        guard delta > 0 && delta < 1 else { throw .failureProbabilityOutOfRange(delta) }
        let nodes = nodeCount
        let forward = MeasuredAdjacency(outgoing, pathLength: options.pathLength)
        let diameterBound = vertexDiameterUpperBound(hops: forward.lengths == nil)
        guard nodes > 2 && diameterBound >= 3 else {
            return ApproximateBetweenness(values: [Double](repeating: 0, count: nodes), sampleSize: 0, vertexDiameterBound: diameterBound, maximumError: epsilon)
        }

        let paperEpsilon = epsilon * Double(nodes - 2) / Double(nodes)
        let logTerm = Double(Int.bitWidth - 1 - (diameterBound - 2).leadingZeroBitCount)  // ⌊log₂(VD − 2)⌋
        let exactSamples = (0.5 / (paperEpsilon * paperEpsilon) * (logTerm + 1 + log(1 / delta))).rounded(.up)
        guard exactSamples <= Double(Int32.max) else { throw .sampleSizeTooLarge(exactSamples) }
        let sampleSize = Int(exactSamples)

        let backward = MeasuredAdjacency(incoming, pathLength: options.pathLength)
        let seed = options.seed
        var values = ShortestPathParallelism.sum(itemCount: sampleSize, resultCount: nodes, maxConcurrency: options.maxConcurrency) { samples, counts in
            var scratch = ShortestPathScratch(nodeCount: nodes, weighted: forward.lengths != nil)
            forward.withBuffers { forwardGraph in
                backward.withBuffers { backwardGraph in
                    for sample in samples {
                        var random = SplitMix64(seed: seed, stream: UInt64(sample))
                        let source = Int32(random.next(below: UInt64(nodes)))
                        var target = Int32(random.next(below: UInt64(nodes - 1)))
                        if target >= source { target += 1 }
                        scratch.search(from: source, in: forwardGraph, countingPaths: true, stoppingAt: target)
                        creditInteriorNodes(ofRandomPathFrom: source, to: target, scratch: scratch, backward: backwardGraph, random: &random, into: counts)
                    }
                }
            }
        }
        let scale = Double(nodes) / (Double(nodes - 2) * Double(sampleSize))
        for index in values.indices { values[index] *= scale }
        return ApproximateBetweenness(values: values, sampleSize: sampleSize, vertexDiameterBound: diameterBound, maximumError: epsilon)
    }
}

/// Walks back from `target` to `source` along one shortest path drawn uniformly at random and
/// adds 1 to `counts` for every node strictly between them; does nothing if `target` is unreachable.
///
/// Predecessors are found by scanning in-edges instead of storing lists. Requiring
/// `d(p) < d(w)` as well as `d(p) + ℓ(p, w) == d(w)` keeps the walk strictly descending, so it
/// ends even if rounding made a longer edge look like a zero-length one.
private func creditInteriorNodes(
    ofRandomPathFrom source: Int32,
    to target: Int32,
    scratch: borrowing ShortestPathScratch,
    backward: LengthBuffers,
    random: inout SplitMix64,
    into counts: UnsafeMutableBufferPointer<Double>
) {
    let distance = scratch.distance
    let pathCount = scratch.pathCount
    guard distance[Int(target)] < .infinity else { return }
    let offsets = backward.offsets
    let predecessors = backward.targets
    var node = Int(target)
    while node != Int(source) {
        let nodeDistance = distance[node]
        let threshold = random.nextUnitInterval() * pathCount[node]
        var chosen = -1
        var cumulative = 0.0
        for edge in offsets[node] ..< offsets[node + 1] {
            let candidate = Int(predecessors[edge])
            let candidateDistance = distance[candidate]
            let length = backward.lengths?[edge] ?? 1
            guard candidateDistance < nodeDistance && candidateDistance + length == nodeDistance else { continue }
            chosen = candidate
            cumulative += pathCount[candidate]
            if cumulative > threshold { break }
        }
        // Rounding can leave the cumulative sum just short of σ(w), and then the last predecessor
        // seen is kept. A reached node other than the source always has a predecessor.
        guard chosen >= 0 else { return }
        if chosen != Int(source) { counts[chosen] += 1 }
        node = chosen
    }
}
