/// Settings for ``DirectedGraph/betweennessCentrality(_:)``; defaults are NetworkX's.
public struct BetweennessOptions: Sendable, Hashable {
    /// Divide by the number of ordered pairs that could route through a node: `(n − 1)(n − 2)`,
    /// or `n (n − 1)` with ``endpoints``. NetworkX `normalized`, default `true`.
    public var normalized: Bool
    /// Count a path's source and target as lying on it. NetworkX `endpoints`, default `false`.
    public var endpoints: Bool
    /// What makes a path short. Default ``PathLength/hops``.
    public var pathLength: PathLength
    /// The most threads to use, at most ``Parallelism/threadCount`` (the library-wide setting),
    /// which `nil` uses; a value can only lower that setting, never raise it. The result is
    /// identical for any value.
    public var maxConcurrency: Int?

    public init(normalized: Bool = true, endpoints: Bool = false, pathLength: PathLength = .hops, maxConcurrency: Int? = nil) {
        self.normalized = normalized
        self.endpoints = endpoints
        self.pathLength = pathLength
        self.maxConcurrency = maxConcurrency
    }
}

extension DirectedGraph {
    /// Shortest-path betweenness of every node: how much of the shortest-path traffic between
    /// other accounts runs through it.
    ///
    /// `c_B(v) = Σ_{s ≠ v ≠ t} σ(s, t | v) / σ(s, t)` over ordered pairs, where `σ(s, t)` counts
    /// shortest paths from `s` to `t` and `σ(s, t | v)` those through `v`; pairs with no path add
    /// nothing. Paths follow edge direction, which is the direction information flows
    /// (source → amplifier), so a high value marks a *bridge* that relays content between
    /// otherwise distant parts of the network.
    ///
    /// Same numbers as NetworkX's `betweenness_centrality(G, normalized=, endpoints=, weight=)` on a
    /// `DiGraph` (to rounding): with ``BetweennessOptions/normalized`` the sum is multiplied by
    /// `1 / (N (N − 1))` with `N = n − 1` (or `N = n` with ``BetweennessOptions/endpoints``), and
    /// left alone when `N < 2`; unnormalised values are the raw directed sums. With endpoints,
    /// each source also gains one per node it reaches and each reached node one per such path.
    /// NetworkX's `k`/`seed` source sampling is not offered: it gives no error bound; use
    /// ``approximateBetweennessCentrality(_:)``, which does.
    ///
    /// Algorithm: Brandes (2001), "A faster algorithm for betweenness centrality", J. Math. Sociol.
    /// 25(2); breadth-first search for hops, Dijkstra for weighted lengths. Dependencies are
    /// accumulated by pulling from successors (`d(w) = d(v) + ℓ(v, w)`): for hops the search
    /// records each node's successors as it meets them (`BrandesHopScratch`), for weighted
    /// lengths they are found by scanning out-edges again. Sources run in parallel; see
    /// ``BetweennessOptions/maxConcurrency``.
    ///
    /// With hops and without endpoints, the degree-one reduction runs first (see
    /// `BetweennessReduction`; Baglioni et al. 2012, "Fast exact computation of betweenness
    /// centrality in social networks", ASONAM): accounts with one in-edge and no out-edge leave the
    /// graph and are counted on the account they hang from, and each account with no in-edge and
    /// one out-edge is folded into that neighbour's search, whose dependencies are added once per
    /// account it stands for. In a repost network these are most accounts. The result is exact; it
    /// differs from the unreduced sums only in the order of floating-point additions (about 1e-15
    /// relative), and it is the same at any thread count.
    ///
    /// Edge cases: `n ≤ 2` gives all zeros (no node can lie strictly between two others) unless
    /// `endpoints`; isolated nodes score 0; self-loops never lie on a shortest path; edges that
    /// ``PathLength`` deems unusable (zero or negative weight, see there) are ignored.
    ///
    /// - Complexity: O(n·m) time for hops, O(n·m log n) for weighted lengths (binary heap); O(n + m)
    ///   memory per thread for hops (the successor runs), O(n) for weighted lengths, plus one
    ///   result array per thread.
    public func betweennessCentrality(_ options: BetweennessOptions = BetweennessOptions()) -> [Double] {
        let nodes = nodeCount
        let endpoints = options.endpoints
        var centrality: [Double]
        let forward = MeasuredAdjacency(outgoing, pathLength: options.pathLength)
        if forward.lengths == nil {
            // Lengths that the graph's weights cannot give are hops, but without the reduction.
            let reduction = options.pathLength == .hops && !endpoints ? BetweennessReduction(self) : BetweennessReduction(unreduced: self)
            centrality = ShortestPathParallelism.sum(itemCount: reduction.sources.count, resultCount: nodes, maxConcurrency: options.maxConcurrency) { items, partial in
                accumulateReducedHopDependencies(items: items, reduction: reduction, endpoints: endpoints, into: partial)
            }
        } else {
            centrality = ShortestPathParallelism.sum(itemCount: nodes, resultCount: nodes, maxConcurrency: options.maxConcurrency) { sources, partial in
                accumulateWeightedDependencies(from: sources, graph: forward, endpoints: endpoints, into: partial)
            }
        }
        let pairBase = endpoints ? nodes : nodes - 1
        if options.normalized && pairBase >= 2 {
            // Multiply by the reciprocal, as NetworkX does, rather than divide.
            let scale = 1 / (Double(pairBase) * Double(pairBase - 1))
            for index in centrality.indices { centrality[index] *= scale }
        }
        return centrality
    }
}

/// Brandes with weighted lengths for a run of sources, adding each source's dependencies
/// `δ_s(v)` to `centrality[v]` and, when `squares` is given, `δ_s(v)²` to `squares[v]` (the
/// sampled estimators' variance). Hops go through ``accumulateReducedHopDependencies(items:reduction:endpoints:into:squares:tracking:)``,
/// which records successors instead of rescanning out-edges.
func accumulateWeightedDependencies<Sources: Sequence<Int>>(
    from sources: Sources,
    graph forward: MeasuredAdjacency,
    endpoints: Bool,
    into centrality: UnsafeMutableBufferPointer<Double>,
    squares: UnsafeMutableBufferPointer<Double>? = nil,
    tracking: DependencyTracking? = nil
) {
    let nodes = centrality.count
    var scratch = ShortestPathScratch(nodeCount: nodes, weighted: true)
    let coefficient = UnsafeMutableBufferPointer<Double>.allocate(capacity: nodes)
    coefficient.initialize(repeating: 0)
    defer { coefficient.deallocate() }
    forward.withBuffers { graph in
        guard let lengths = graph.lengths else { preconditionFailure("hop searches run through accumulateReducedHopDependencies") }
        for source in sources {
            scratch.search(from: Int32(source), in: graph, countingPaths: true)
            accumulateDependencies(
                of: Int32(source), scratch: scratch, offsets: graph.offsets, targets: graph.targets, lengths: lengths, coefficient: coefficient,
                endpoints: endpoints, into: centrality, squares: squares, tracking: tracking
            )
            tracking?.addProducts()
        }
    }
}

/// The sums of products `Σ_s δ_s(a) δ_s(b)` over a run of sources for a few tracked nodes `a`,
/// `b`: what the variance of a difference of two sampled estimates needs.
struct DependencyTracking {
    /// Per node, its column among the tracked nodes, or -1.
    let slots: UnsafeBufferPointer<Int32>
    /// The current source's dependency of each tracked node; zero between sources.
    let current: UnsafeMutableBufferPointer<Double>
    /// `width × width` sums, row-major; only `a ≤ b` is filled.
    let products: UnsafeMutableBufferPointer<Double>

    var width: Int { current.count }

    /// Adds the current source's products and clears it for the next.
    func addProducts() {
        let width = self.width
        for a in 0 ..< width {
            let value = current[a]
            guard value != 0 else { continue }
            for b in a ..< width { products[a * width + b] += value * current[b] }
        }
        for a in 0 ..< width { current[a] = 0 }
    }
}

/// Brandes' dependency accumulation for one weighted search, adding `δ_s(v)` to `centrality[v]`.
///
/// Walks nodes from farthest to nearest. For each node `v`, the dependency is
/// `δ(v) = σ(v) · Σ_w (1 + δ(w)) / σ(w)` over successors `w` on shortest paths; the factor
/// `(1 + δ(w)) / σ(w)` is stored per node in `coefficient` so each edge costs one addition.
private func accumulateDependencies(
    of source: Int32,
    scratch: borrowing ShortestPathScratch,
    offsets: UnsafeBufferPointer<Int>,
    targets: UnsafeBufferPointer<Int32>,
    lengths: UnsafeBufferPointer<Double>,
    coefficient: UnsafeMutableBufferPointer<Double>,
    endpoints: Bool,
    into centrality: UnsafeMutableBufferPointer<Double>,
    squares: UnsafeMutableBufferPointer<Double>?,
    tracking: DependencyTracking?
) {
    let distance = scratch.distance
    let pathCount = scratch.pathCount
    let order = scratch.order
    let reachedCount = scratch.orderCount
    let endpointBonus = endpoints ? 1.0 : 0.0
    for position in stride(from: reachedCount - 1, through: 0, by: -1) {
        let node = Int(order[position])
        let nodeDistance = distance[node]
        var successorSum = 0.0
        for edge in offsets[node] ..< offsets[node + 1] {
            let neighbor = Int(targets[edge])
            if distance[neighbor] == nodeDistance + lengths[edge] { successorSum += coefficient[neighbor] }
        }
        let paths = pathCount[node]
        let dependency = paths * successorSum
        coefficient[node] = (1 + dependency) / paths
        if node != Int(source) {
            centrality[node] += dependency + endpointBonus
            if let squares { squares[node] += dependency * dependency }
            if let tracking, tracking.slots[node] >= 0 { tracking.current[Int(tracking.slots[node])] = dependency }
        }
    }
    if endpoints { centrality[Int(source)] += Double(reachedCount - 1) }
}
