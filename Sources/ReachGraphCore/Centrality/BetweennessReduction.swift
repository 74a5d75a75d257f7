/// Exact shortcuts for Brandes with hops that remove the work of degree-one accounts: pendant
/// sinks leave the graph and pendant sources are folded into the one account they lead to.
///
/// In a repost network most accounts touch a single edge. Two kinds never need their own search
/// or a place in anyone else's (self-loops are ignored throughout, as they never lie on a shortest
/// path):
///
/// - A **pendant sink** `x` (out-degree 0, in-degree 1, in-neighbour `u`) is reached only through
///   `u`, by exactly the shortest paths that reach `u`, and lies inside no path. Every search that
///   reaches `u ≠ s` therefore credits `u` with exactly 1 for `x` (`σ(u)/σ(x) · (1 + δ(x))` with
///   `σ(x) = σ(u)`, `δ(x) = 0`). Removing `x` and starting `u`'s dependency at the number of its
///   pendant sinks, `δ(u) = p(u) + σ(u) Σ_w (1 + δ(w))/σ(w)`, gives the same dependencies for
///   every other node. `x` itself scores 0 and, having no out-edge, adds nothing as a source.
/// - A **pendant source** `s` (in-degree 0 and, once pendant sinks are gone, one out-neighbour
///   `v`) reaches every other node through `v` and is reached by no one, so `σ_s(w) = σ_v(w)` and
///   `d_s(w) = 1 + d_v(w)` for every `w ≠ s`: `δ_s(w) = δ_v(w)` for `w ≠ v`, and
///   `δ_s(v) = R(v) − 1` with `R(v)` the number of nodes `v` reaches, itself included (pendant
///   sinks counted through `p`). One search from `v` then serves `v` and its `f(v)` pendant
///   sources: its dependencies are added `1 + f(v)` times and `v` gains `f(v)·(R(v) − 1)`.
///   Pendant sinks hung on `s` add nothing from `s` (no node lies between them).
///
/// This is the degree-one reduction of Baglioni, Geraci, Pellegrini & Lastres (2012), "Fast exact
/// computation of betweenness centrality in social networks" (ASONAM 2012), and of Sariyüce,
/// Saule, Kaya & Çatalyürek (2013), "Shattering and compressing networks for betweenness
/// centrality" (SDM 2013), written for directed graphs, where the in- and out-degrees play the
/// roles that one degree plays there. Neither pendant kind chains (a pendant source has in-degree
/// 0, so its neighbour is not one), and the result is exact; it differs from the unreduced sums
/// only in the order of floating-point additions (the pendant terms come first, the folded
/// sources' terms as one product).
///
/// - Complexity: O(n + m) time and memory to build.
struct BetweennessReduction: Sendable {
    /// The out-adjacency without edges into pendant sinks and without self-loops (same node ids;
    /// pendant sinks stay as nodes without in-edges).
    let adjacency: Adjacency
    /// `p(u)`: the pendant sinks whose one in-neighbour is `u`, per node.
    let pendantSinks: [Double]
    /// The sources a full computation searches, in increasing order: every node with an
    /// out-edge left except pendant sources, and every node pendant sources were folded into.
    let sources: [Int32]
    /// `f(v)`: the pendant sources folded into each of ``sources``.
    let foldedSources: [Int32]

    init(_ graph: DirectedGraph) {
        let nodes = graph.nodeCount
        let outgoing = graph.outgoing
        let incoming = graph.incoming
        func degree(_ adjacency: Adjacency, _ node: Int) -> Int {
            var count = 0
            for edge in adjacency.offsets[node] ..< adjacency.offsets[node + 1] where Int(adjacency.neighbors[edge]) != node { count += 1 }
            return count
        }
        var inDegree = [Int](repeating: 0, count: nodes)
        var isPendantSink = [Bool](repeating: false, count: nodes)
        var pendantSinks = [Double](repeating: 0, count: nodes)
        for node in 0 ..< nodes {
            inDegree[node] = degree(incoming, node)
            guard inDegree[node] == 1, degree(outgoing, node) == 0 else { continue }
            isPendantSink[node] = true
            for edge in incoming.offsets[node] ..< incoming.offsets[node + 1] where Int(incoming.neighbors[edge]) != node {
                pendantSinks[Int(incoming.neighbors[edge])] += 1
            }
        }
        var offsets = [Int](repeating: 0, count: nodes + 1)
        var neighbors: [Int32] = []
        neighbors.reserveCapacity(outgoing.neighbors.count)
        for node in 0 ..< nodes {
            for edge in outgoing.offsets[node] ..< outgoing.offsets[node + 1] {
                let target = Int(outgoing.neighbors[edge])
                if target != node && !isPendantSink[target] { neighbors.append(Int32(target)) }
            }
            offsets[node + 1] = neighbors.count
        }
        var folded = [Int32](repeating: 0, count: nodes)
        var isFolded = [Bool](repeating: false, count: nodes)
        for node in 0 ..< nodes where inDegree[node] == 0 && offsets[node + 1] - offsets[node] == 1 {
            isFolded[node] = true
            folded[Int(neighbors[offsets[node]])] += 1
        }
        var sources: [Int32] = []
        var foldedSources: [Int32] = []
        for node in 0 ..< nodes where !isFolded[node] && (offsets[node + 1] > offsets[node] || folded[node] > 0) {
            sources.append(Int32(node))
            foldedSources.append(folded[node])
        }
        adjacency = Adjacency(checkedOffsets: offsets, neighbors: neighbors, weights: nil)
        self.pendantSinks = pendantSinks
        self.sources = sources
        self.foldedSources = foldedSources
    }

    /// No reduction: the whole out-adjacency, no pendant sinks, every node a source standing for
    /// itself alone. What Brandes with endpoints searches, where a pendant sink is a path's end
    /// and so cannot leave the graph.
    init(unreduced graph: DirectedGraph) {
        let nodes = graph.nodeCount
        adjacency = graph.outgoing
        pendantSinks = [Double](repeating: 0, count: nodes)
        sources = (0 ..< Int32(nodes)).map { $0 }
        foldedSources = [Int32](repeating: 0, count: nodes)
    }
}

/// Brandes with hops on a ``BetweennessReduction``: for each of `reduction.sources[item]`, its
/// dependencies `(1 + f) · δ_v(w)` to `centrality[w]` and `f · (R(v) − 1)` to `centrality[v]`;
/// with `squares`, the square of that whole per-search contribution (the sampler's variance).
/// With `endpoints` (only on ``BetweennessReduction/init(unreduced:)``, whose `f` and pendant
/// counts are 0), every node reached also gains 1 and the source one per node it reaches.
func accumulateReducedHopDependencies<Items: Sequence<Int>>(
    items: Items,
    reduction: BetweennessReduction,
    endpoints: Bool = false,
    into centrality: UnsafeMutableBufferPointer<Double>,
    squares: UnsafeMutableBufferPointer<Double>? = nil,
    tracking: DependencyTracking? = nil
) {
    let nodes = centrality.count
    var scratch = BrandesHopScratch(nodeCount: nodes, edgeCount: reduction.adjacency.neighbors.count)
    let coefficient = UnsafeMutableBufferPointer<Double>.allocate(capacity: nodes)
    coefficient.initialize(repeating: 0)
    defer { coefficient.deallocate() }
    let endpointBonus = endpoints ? 1.0 : 0.0
    reduction.pendantSinks.withUnsafeBufferPointer { pendantSinks in
        withRows(reduction.adjacency) { offsets, targets in
            for item in items {
                let source = Int(reduction.sources[item])
                let folded = Double(reduction.foldedSources[item])
                let multiplicity = 1 + folded
                scratch.search(from: Int32(source), offsets: offsets, targets: targets)
                let order = scratch.order
                let pathCount = scratch.pathCount
                let successorStart = scratch.successorStart
                let successors = scratch.successors
                var reached = 0.0
                for position in stride(from: scratch.reachedCount - 1, through: 0, by: -1) {
                    let node = Int(order[position])
                    var successorSum = 0.0
                    for index in successorStart[position] ..< successorStart[position + 1] {
                        successorSum += coefficient[Int(successors[index])]
                    }
                    let paths = pathCount[node]
                    let pendants = pendantSinks[node]
                    let dependency = pendants + paths * successorSum
                    coefficient[node] = (1 + dependency) / paths
                    reached += 1 + pendants
                    guard node != source else { continue }
                    let contribution = multiplicity * dependency
                    centrality[node] += contribution + endpointBonus
                    if let squares { squares[node] += contribution * contribution }
                    if let tracking, tracking.slots[node] >= 0 { tracking.current[Int(tracking.slots[node])] = contribution }
                }
                if endpoints { centrality[source] += reached - 1 }
                if folded > 0 {
                    let contribution = folded * (reached - 1)
                    centrality[source] += contribution
                    if let squares { squares[source] += contribution * contribution }
                    if let tracking, tracking.slots[source] >= 0 { tracking.current[Int(tracking.slots[source])] = contribution }
                }
                tracking?.addProducts()
            }
        }
    }
}

/// The per-source searches betweenness sums, as the sampler draws them: with hops, those of the
/// degree-one reduction (``BetweennessReduction``); with weighted lengths, one per source (hops without the
/// reduction when the graph has no weights: there items and nodes coincide).
struct BetweennessSearches: Sendable {
    private let reduction: BetweennessReduction?
    private let forward: MeasuredAdjacency
    /// The searches that can add anything, in increasing order: indices into the reduction's
    /// sources with hops, node indices otherwise.
    let contributing: [Int32]

    init(_ graph: DirectedGraph, pathLength: PathLength) {
        forward = MeasuredAdjacency(graph.outgoing, pathLength: pathLength)
        let sources = graph.contributingSources()
        guard pathLength == .hops else {
            // A weighted length on a graph without weights is hops, searched unreduced.
            reduction = forward.lengths == nil ? BetweennessReduction(unreduced: graph) : nil
            contributing = sources
            return
        }
        let reduction = BetweennessReduction(graph)
        var contributes = [Bool](repeating: false, count: graph.nodeCount)
        for source in sources { contributes[Int(source)] = true }
        let offsets = reduction.adjacency.offsets
        // A searched node also stands for its folded pendant sources, which credit it with every
        // node it reaches.
        contributing = reduction.sources.indices.compactMap { item in
            let node = Int(reduction.sources[item])
            let reaches = offsets[node + 1] > offsets[node] || reduction.pendantSinks[node] > 0
            return contributes[node] || (reduction.foldedSources[item] > 0 && reaches) ? Int32(item) : nil
        }
        self.reduction = reduction
    }

    /// Adds the contributions of `items` (entries of ``contributing``'s kind) to `centrality`, their
    /// squares to `squares` and the tracked products to `tracking`.
    func accumulate<Items: Sequence<Int>>(
        _ items: Items, into centrality: UnsafeMutableBufferPointer<Double>, squares: UnsafeMutableBufferPointer<Double>,
        tracking: DependencyTracking?
    ) {
        if let reduction {
            accumulateReducedHopDependencies(items: items, reduction: reduction, into: centrality, squares: squares, tracking: tracking)
        } else {
            accumulateWeightedDependencies(from: items, graph: forward, endpoints: false, into: centrality, squares: squares, tracking: tracking)
        }
    }
}

extension BetweennessSearches {
    /// Edges the searches scan: the reduced graph's with hops, the whole graph's otherwise.
    var searchedEdgeCount: Int { (reduction?.adjacency ?? forward.adjacency).neighbors.count }

    /// Nodes reached plus out-edges scanned by the hop searches of `items`, on up to
    /// ``Parallelism/threadCount`` threads (a whole count: the same on any number of them).
    ///
    /// Both counts depend only on which nodes a search reaches, so a direction-optimising
    /// breadth-first search (``HopDistanceScratch``) finds them without the path counts and
    /// successor lists of a Brandes search, and without scanning most edges of the large middle
    /// levels: on the 2.5M IRA-sized posts' graph the cost estimate's 64 searches took about a
    /// third of the time of plain breadth-first searches (same counts).
    func visits(of items: [Int]) -> Int {
        let adjacency = reduction?.adjacency ?? forward.adjacency
        let transpose = GraphBuilder.transpose(
            offsets: adjacency.offsets, neighbors: adjacency.neighbors, weights: nil, nodeCount: adjacency.nodeCount
        )
        let workers = Parallelism.workerCount(items: items.count)
        let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: workers)
        counts.initialize(repeating: 0)
        defer { counts.deallocate() }
        // Each worker writes only its own entry, read after the loop returns.
        nonisolated(unsafe) let sharedCounts = counts
        let sources = items.map { reduction?.sources[$0] ?? Int32($0) }
        Parallelism.forEach(workers, maxConcurrency: workers) { worker in
            var scratch = HopDistanceScratch(nodeCount: adjacency.nodeCount)
            withRows(adjacency) { offsets, targets in
                transpose.offsets.withUnsafeBufferPointer { backwardOffsets in
                    transpose.neighbors.withUnsafeBufferPointer { backwardTargets in
                        var visits = 0
                        for index in stride(from: worker, to: sources.count, by: workers) {
                            let search = scratch.distanceSum(
                                from: sources[index], forward: (offsets, targets), backward: (backwardOffsets, backwardTargets)
                            )
                            visits += search.reached + search.outEdges
                        }
                        sharedCounts[worker] = visits
                    }
                }
            }
        }
        return counts.reduce(0, +)
    }
}
