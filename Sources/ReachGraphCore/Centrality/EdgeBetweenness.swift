/// Settings for ``DirectedGraph/edgeBetweennessCentrality(_:)``; defaults are NetworkX's.
public struct EdgeBetweennessOptions: Sendable, Hashable {
    /// Divide by the number of ordered pairs, `n (n − 1)`. NetworkX `normalized`, default `true`.
    public var normalized: Bool
    /// What makes a path short. Default ``PathLength/hops``.
    public var pathLength: PathLength
    /// The most threads to use, at most ``Parallelism/threadCount`` (the library-wide setting),
    /// which `nil` uses; a value can only lower that setting, never raise it. The result is
    /// identical for any value.
    public var maxConcurrency: Int?

    public init(normalized: Bool = true, pathLength: PathLength = .hops, maxConcurrency: Int? = nil) {
        self.normalized = normalized
        self.pathLength = pathLength
        self.maxConcurrency = maxConcurrency
    }
}

extension DirectedGraph {
    /// Shortest-path betweenness of every edge: how much shortest-path traffic uses each
    /// repost tie.
    ///
    /// `c_B(e) = Σ_{s ≠ t} σ(s, t | e) / σ(s, t)` over ordered pairs, where `σ(s, t | e)` counts
    /// shortest `s → t` paths using edge `e`. Paths follow edge direction (information flow,
    /// source → amplifier). The result is indexed like `outgoing.neighbors`: entry `i` belongs to
    /// the edge from the row owning position `i` to `outgoing.neighbors[i]`, which is also the order
    /// of ``edges``.
    ///
    /// Same numbers as NetworkX's `edge_betweenness_centrality(G, normalized=, weight=)` on a
    /// `DiGraph`: normalised values are multiplied by `1 / (n (n − 1))` (NetworkX always counts
    /// endpoints for edges), unchanged when `n < 2`. Parallel edges were merged when the graph was
    /// built, so each merged edge gets the whole share NetworkX would give the `DiGraph` edge.
    ///
    /// Algorithm: Brandes (2008), "On variants of shortest-path betweenness centrality and their
    /// generic computation", Social Networks 30(2): in the dependency pass each shortest-path edge
    /// `v → w` receives `σ(v) · (1 + δ(w)) / σ(w)`. Sources run in parallel.
    ///
    /// Edge cases: self-loops and unusable edges (see ``PathLength``) score 0; a graph without
    /// edges gives an empty array.
    ///
    /// - Complexity: O(n·m) time for hops, O(n·m log n) for weighted lengths (binary heap); O(n) memory per
    ///   thread plus one array of m values per thread.
    public func edgeBetweennessCentrality(_ options: EdgeBetweennessOptions = EdgeBetweennessOptions()) -> [Double] {
        let nodes = nodeCount
        let forward = MeasuredAdjacency(outgoing, pathLength: options.pathLength)
        var centrality = ShortestPathParallelism.sum(itemCount: nodes, resultCount: edgeCount, maxConcurrency: options.maxConcurrency) { sources, partial in
            var scratch = ShortestPathScratch(nodeCount: nodes, weighted: forward.lengths != nil)
            let coefficient = UnsafeMutableBufferPointer<Double>.allocate(capacity: nodes)
            coefficient.initialize(repeating: 0)
            defer { coefficient.deallocate() }
            forward.withBuffers { graph in
                for source in sources {
                    scratch.search(from: Int32(source), in: graph, countingPaths: true)
                    accumulateEdgeDependencies(scratch: scratch, graph: graph, coefficient: coefficient, into: partial)
                }
            }
        }
        if options.normalized && nodes >= 2 {
            let scale = 1 / (Double(nodes) * Double(nodes - 1))
            for index in centrality.indices { centrality[index] *= scale }
        }
        return centrality
    }
}

/// Brandes' dependency pass for one source, crediting each shortest-path edge `v → w` with
/// `σ(v) · (1 + δ(w)) / σ(w)`; `coefficient` holds `(1 + δ(w)) / σ(w)` per node.
private func accumulateEdgeDependencies(
    scratch: borrowing ShortestPathScratch,
    graph: LengthBuffers,
    coefficient: UnsafeMutableBufferPointer<Double>,
    into centrality: UnsafeMutableBufferPointer<Double>
) {
    let distance = scratch.distance
    let pathCount = scratch.pathCount
    let order = scratch.order
    let offsets = graph.offsets
    let targets = graph.targets
    for position in stride(from: scratch.orderCount - 1, through: 0, by: -1) {
        let node = Int(order[position])
        let nodeDistance = distance[node]
        let paths = pathCount[node]
        var dependency = 0.0
        if let lengths = graph.lengths {
            for edge in offsets[node] ..< offsets[node + 1] {
                let neighbor = Int(targets[edge])
                if distance[neighbor] == nodeDistance + lengths[edge] {
                    let share = paths * coefficient[neighbor]
                    centrality[edge] += share
                    dependency += share
                }
            }
        } else {
            let next = nodeDistance + 1
            for edge in offsets[node] ..< offsets[node + 1] {
                let neighbor = Int(targets[edge])
                if distance[neighbor] == next {
                    let share = paths * coefficient[neighbor]
                    centrality[edge] += share
                    dependency += share
                }
            }
        }
        coefficient[node] = (1 + dependency) / paths
    }
}
