/// Settings for ``DirectedGraph/harmonicCentrality(_:)``.
public struct HarmonicOptions: Sendable, Hashable {
    /// What makes a path short. Default ``PathLength/hops``.
    public var pathLength: PathLength
    /// The most threads to use, at most ``Parallelism/threadCount`` (the library-wide setting),
    /// which `nil` uses; a value can only lower that setting, never raise it.
    public var maxConcurrency: Int?

    public init(pathLength: PathLength = .hops, maxConcurrency: Int? = nil) {
        self.pathLength = pathLength
        self.maxConcurrency = maxConcurrency
    }
}

extension DirectedGraph {
    /// Harmonic centrality of every node: `H(u) = Σ_{v ≠ u} 1 / d(v, u)`, where unreachable pairs
    /// add 0 (1/∞). Unnormalised, as NetworkX returns it.
    ///
    /// Orientation: like closeness, NetworkX sums over distances *to* `u` (`harmonic_centrality`
    /// runs shortest paths from every source `v` and credits each reached `u`), and so does this
    /// method. With edges drawn source → amplifier a high score marks an account that content from
    /// many places reaches in few hops. For the source view call it on ``reversed()``.
    ///
    /// Same numbers as NetworkX's `harmonic_centrality(G, distance=)` (to rounding). Computed as
    /// one search per node on the reversed graph, so each node's sum is independent and the work
    /// runs in parallel without shared writes.
    /// Reference: Boldi & Vigna (2014), "Axioms for centrality", Internet Mathematics 10(3–4).
    ///
    /// Edge cases: isolated nodes give 0; self-loops never shorten a path; unusable edges (see
    /// ``PathLength``) are ignored — NetworkX instead skips pairs at distance 0, which only
    /// zero-length edges could create.
    ///
    /// - Complexity: O(n·m) time for hops, O(n·m log n) for weighted lengths (binary heap); O(n) memory per
    ///   thread.
    public func harmonicCentrality(_ options: HarmonicOptions = HarmonicOptions()) -> [Double] {
        let nodes = nodeCount
        let backward = MeasuredAdjacency(incoming, pathLength: options.pathLength)
        return ShortestPathParallelism.fill(count: nodes, maxConcurrency: options.maxConcurrency) { targets, result in
            var scratch = ShortestPathScratch(nodeCount: nodes, weighted: backward.lengths != nil)
            backward.withBuffers { graph in
                for target in targets {
                    scratch.search(from: Int32(target), in: graph, countingPaths: false)
                    var sum = 0.0
                    // Position 0 is the node itself, at distance 0.
                    for position in 1 ..< scratch.orderCount { sum += 1 / scratch.distance[Int(scratch.order[position])] }
                    result[target] = sum
                }
            }
        }
    }
}
