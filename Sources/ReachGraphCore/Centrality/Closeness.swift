/// Settings for ``DirectedGraph/closenessCentrality(_:)``; defaults are NetworkX's.
public struct ClosenessOptions: Sendable, Hashable {
    /// Scale by the share of other nodes that reach the node, `(r − 1) / (n − 1)`, so nodes that
    /// only a few accounts reach do not look central (Wasserman & Faust 1994). NetworkX
    /// `wf_improved`, default `true`.
    public var wassermanFaustScaling: Bool
    /// What makes a path short. Default ``PathLength/hops``.
    public var pathLength: PathLength
    /// The most threads to use, at most ``Parallelism/threadCount`` (the library-wide setting),
    /// which `nil` uses; a value can only lower that setting, never raise it.
    public var maxConcurrency: Int?

    public init(wassermanFaustScaling: Bool = true, pathLength: PathLength = .hops, maxConcurrency: Int? = nil) {
        self.wassermanFaustScaling = wassermanFaustScaling
        self.pathLength = pathLength
        self.maxConcurrency = maxConcurrency
    }
}

extension DirectedGraph {
    /// Closeness of every node to the accounts that reach it.
    ///
    /// `C(u) = (r − 1) / Σ_v d(v, u)`, summed over the `r − 1` other nodes `v` that have a path *to*
    /// `u`; with ``ClosenessOptions/wassermanFaustScaling`` it is multiplied by `(r − 1) / (n − 1)`.
    /// A node no other node reaches scores 0.
    ///
    /// Orientation: NetworkX measures *incoming* distance on a `DiGraph` (it reverses the graph
    /// internally), and so does this method. With edges drawn source → amplifier, `d(v, u)` is how
    /// many hops content from `v` needs to arrive at `u`, so a high score marks an account that
    /// content from everywhere reaches quickly — an aggregator or amplifier. For the source view
    /// (how quickly an account's own content reaches everyone) call it on ``reversed()``.
    ///
    /// Same numbers as NetworkX's `closeness_centrality(G, distance=, wf_improved=)` (to rounding).
    /// References: Freeman (1979), "Centrality in social networks: conceptual clarification",
    /// Social Networks 1; Wasserman & Faust (1994), *Social Network Analysis*.
    ///
    /// Edge cases: `n ≤ 1` and isolated nodes give 0; self-loops never shorten a path; unusable
    /// edges (see ``PathLength``) are ignored, so no distance is ever 0 between distinct nodes.
    ///
    /// - Complexity: O(n·m) time for hops, O(n·m log n) for weighted lengths (binary heap), one search per
    ///   node in parallel; O(n) memory per thread. With hops the searches are direction-optimising
    ///   (`HopDistanceScratch`), which on small-world graphs examines far fewer than m edges.
    public func closenessCentrality(_ options: ClosenessOptions = ClosenessOptions()) -> [Double] {
        let nodes = nodeCount
        // Distances *to* u are distances from u in the reversed graph, whose out-edges are our in-edges.
        let backward = MeasuredAdjacency(incoming, pathLength: options.pathLength)
        let scales = options.wassermanFaustScaling
        return ShortestPathParallelism.fill(count: nodes, maxConcurrency: options.maxConcurrency) { targets, result in
            func closeness(reached: Int, totalDistance: Double) -> Double {
                guard totalDistance > 0 && nodes > 1 else { return 0 }
                // The same operations, in the same order, as NetworkX.
                var closeness = Double(reached - 1) / totalDistance
                if scales { closeness *= Double(reached - 1) / Double(nodes - 1) }
                return closeness
            }
            guard backward.lengths != nil else {
                // Hops: only the count and the distance sum are needed. The sum of whole hop
                // counts is exact in an Int and in a Double alike, so this equals the general path.
                var scratch = HopDistanceScratch(nodeCount: nodes)
                withRows(incoming) { inOffsets, inNeighbors in
                    withRows(outgoing) { outOffsets, outNeighbors in
                        for target in targets {
                            let (reached, total, _) = scratch.distanceSum(
                                from: Int32(target), forward: (inOffsets, inNeighbors), backward: (outOffsets, outNeighbors)
                            )
                            result[target] = closeness(reached: reached, totalDistance: Double(total))
                        }
                    }
                }
                return
            }
            var scratch = ShortestPathScratch(nodeCount: nodes, weighted: true)
            backward.withBuffers { graph in
                for target in targets {
                    scratch.search(from: Int32(target), in: graph, countingPaths: false)
                    let reached = scratch.orderCount
                    var totalDistance = 0.0
                    for position in 0 ..< reached { totalDistance += scratch.distance[Int(scratch.order[position])] }
                    result[target] = closeness(reached: reached, totalDistance: totalDistance)
                }
            }
        }
    }
}
