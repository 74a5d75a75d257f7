/// Collects edges and compresses them into a ``DirectedGraph``.
///
/// Building groups edges by target with a stable counting sort into the in-adjacency, sorts each
/// of its rows by source, stably (``RowSort``), so that parallel edges are adjacent, merges
/// parallel edges there by summing their weights, and transposes back into the out-adjacency
/// (rows sorted by target). Every pass is stable, so parallel edges' weights are summed in input
/// order. The two counting sorts and the row sort run in fixed chunks of edges on up to
/// ``Parallelism/threadCount`` threads (``ChunkedCountingSort``); the graph is byte for byte the
/// one-thread build's.
///
/// Hand-written on unsafe buffers because, once parsing was fast, building was 40% of loading a
/// large edge list; and laid out for memory: the input's sources are freed once grouped and its
/// targets and weights are written over by the last pass, so the peak stays near the finished
/// graph's size plus the input. With
/// `EdgeList.takeGraph()` handing over its arrays, a 10M-edge load peaks at 311 MiB instead of
/// 501 MiB (BENCHMARKS.md). Counters in the passes add with `&+`: each is bounded by the edge
/// count, so the overflow check a plain `+` keeps in release builds can never fire.
///
/// Node indices are checked as they come in: a negative index, a negative node count or edge
/// arrays of different lengths stop the program with a precondition failure naming the problem
/// (see ``GraphInputError``), since any of them would make the unchecked passes below write
/// outside their arrays.
///
/// - Complexity: O(V + E) time; peak memory about one finished graph.
public final class GraphBuilder {
    private var sources: [Int32] = []
    private var targets: [Int32] = []
    /// Stays `nil` until some edge weighs other than 1.
    private var weights: [Double]?
    /// The number of nodes the graph will have; grows to cover every endpoint seen.
    public private(set) var nodeCount: Int
    /// Whether the graph gets weights; see ``init(nodeCount:expectedEdgeCount:weighted:)``.
    public let weighted: Bool

    /// A builder for a graph with at least `nodeCount` nodes (`nodeCount` ≥ 0).
    ///
    /// With `weighted` false the graph has no weights: edge weights are ignored and parallel
    /// edges become one edge without being counted, which is all that counts, components and
    /// searches by hops need. (Weighted, an edge list without weights still gets weights when it
    /// has parallel edges: each merged edge weighs their number, 16 bytes more per edge at 10M
    /// edges.)
    public init(nodeCount: Int = 0, expectedEdgeCount: Int = 0, weighted: Bool = true) {
        if let error = GraphInputError.nodeCount(nodeCount) { preconditionFailure("GraphBuilder: \(error)") }
        self.nodeCount = nodeCount
        self.weighted = weighted
        sources.reserveCapacity(expectedEdgeCount)
        targets.reserveCapacity(expectedEdgeCount)
    }

    /// A builder holding the edges `sources[i] → targets[i]` with `weights[i]` (1 when `nil`), as if
    /// each had been passed to ``addEdge(from:to:weight:)`` in order.
    ///
    /// The arrays are taken as they are, not copied: when the caller keeps no other reference to
    /// them (see `EdgeList.takeGraph()`), ``build()`` frees each as soon as it is used and a large
    /// load never holds two copies of its edges. The arrays have equal lengths (`weights` when
    /// given) and hold no negative index; the graph grows to cover the largest. `weighted` as in
    /// ``init(nodeCount:expectedEdgeCount:weighted:)``.
    public init(nodeCount: Int = 0, sources: [Int32], targets: [Int32], weights: [Double]?, weighted: Bool = true) {
        if let error = GraphInputError.nodeCount(nodeCount) ?? GraphInputError.edgeArrays(sources: sources, targets: targets, weights: weights) {
            preconditionFailure("GraphBuilder: \(error)")
        }
        var largest: Int32 = -1
        for array in [sources, targets] {
            array.withUnsafeBufferPointer { nodes in
                for node in nodes { largest = max(largest, node) }
            }
        }
        self.nodeCount = max(nodeCount, Int(largest) + 1)
        self.weighted = weighted
        self.sources = sources
        self.targets = targets
        // As with addEdge, weights exist only when some edge weighs other than 1.
        self.weights = weighted && weights?.contains { $0 != 1 } == true ? weights : nil
    }

    /// The number of edges added so far (before merging).
    public var addedEdgeCount: Int { sources.count }

    /// Makes sure the graph has at least `count` nodes (isolated nodes included).
    public func ensureNodeCount(_ count: Int) {
        if count > nodeCount { nodeCount = count }
    }

    /// Adds the edge `source → target` (non-negative indices; the graph grows to cover them);
    /// repeats are merged by summing weights when built.
    public func addEdge(from source: Int32, to target: Int32, weight: Double = 1) {
        if let error = GraphInputError.endpoints(source, target, edge: sources.count, nodeCount: nil) {
            preconditionFailure("GraphBuilder.addEdge: \(error)")
        }
        if weighted, weight != 1, weights == nil {
            weights = [Double](repeating: 1, count: sources.count)
            weights?.reserveCapacity(sources.capacity)
        }
        sources.append(source)
        targets.append(target)
        weights?.append(weight)
        let larger = Int(max(source, target)) + 1
        if larger > nodeCount { nodeCount = larger }
    }

    /// Compresses the collected edges. The builder is empty afterwards.
    public func build() -> DirectedGraph {
        build(chunkCount: ChunkedCountingSort.chunkCount(edgeCount: sources.count))
    }

    /// ``build()`` with its counting sorts split into `chunkCount` chunks (the result does not
    /// depend on it; tests set it).
    package func build(chunkCount: Int) -> DirectedGraph {
        // Below 2^31 edges the sorts' cursors and the grouping's offsets fit in `Int32`: half the
        // memory of the build's per-node arrays, which keeps a chunked build's peak at the
        // one-chunk build's.
        sources.count <= Int(Int32.max) ? build(chunkCount: chunkCount, positions: Int32.self) : build(chunkCount: chunkCount, positions: Int.self)
    }

    private func build<Position: FixedWidthInteger>(chunkCount: Int, positions: Position.Type) -> DirectedGraph {
        let nodes = nodeCount
        // Move the arrays out, so each is freed as soon as a pass is done with it.
        var edgeSources = sources
        var edgeTargets = targets
        var edgeWeights = weights
        sources = []
        targets = []
        weights = nil

        // Pass 1: group by target, stably: the in-adjacency's rows, each in input order. Sources
        // and weights are grouped in one pass over the targets.
        let bounds = ChunkedCountingSort.bounds(edgeCount: edgeSources.count, chunkCount: chunkCount)
        var (byTarget, starts) = ChunkedCountingSort.positions(counting: edgeTargets, nodeCount: nodes, bounds: bounds, as: (Int.self, Position.self))
        // The targets and the ungrouped weights are kept, not freed, to hold the out-adjacency
        // (pass 3): reusing their pages saves the kernel zeroing 12 bytes an edge of new ones,
        // and the row sort below never holds more than the grouping did.
        var spareWeights: [Double] = []
        if let unsorted = edgeWeights {
            edgeWeights = nil
            let grouped = ChunkedCountingSort.group(edgeSources, unsorted, byKeys: edgeTargets, offsets: &byTarget, starts: &starts, bounds: bounds)
            edgeSources = grouped.0
            edgeWeights = grouped.1
            spareWeights = unsorted
        } else {
            edgeSources = ChunkedCountingSort.group(edgeSources, byKeys: edgeTargets, offsets: &byTarget, starts: &starts, bounds: bounds)
        }
        starts = []

        // Pass 2: sort each row by source, stably, so that parallel edges are next to each other
        // in input order.
        var incoming = Rows(offsets: byTarget, neighbors: edgeSources, weights: edgeWeights)
        byTarget = []
        edgeSources = []
        edgeWeights = nil
        RowSort.sortRows(&incoming, chunkCount: chunkCount)

        // Merge parallel edges in place, summing weights.
        let selfLoops = Self.mergeParallelEdges(&incoming, counting: weighted)

        // Pass 3: the out-adjacency, rows sorted by target.
        let outgoing = ChunkedCountingSort.transpose(
            offsets: incoming.offsets, neighbors: incoming.neighbors, weights: incoming.weights, nodeCount: nodes, chunkCount: chunkCount,
            positions: Position.self, spareNeighbors: &edgeTargets, spareWeights: &spareWeights
        )
        return DirectedGraph(
            nodeCount: nodes,
            outgoing: Adjacency(checkedOffsets: outgoing.offsets, neighbors: outgoing.neighbors, weights: outgoing.weights),
            incoming: Adjacency(checkedOffsets: incoming.offsets, neighbors: incoming.neighbors, weights: incoming.weights),
            selfLoopCount: selfLoops
        )
    }

    /// The three arrays of one adjacency while it is being built.
    struct Rows {
        var offsets: [Int]
        var neighbors: [Int32]
        var weights: [Double]?
    }

    /// The reverse of the adjacency given by `offsets`, `neighbors` and `weights`; its rows come out
    /// sorted because rows are visited in order.
    static func transpose(offsets: [Int], neighbors: [Int32], weights: [Double]?, nodeCount: Int) -> Rows {
        let chunkCount = ChunkedCountingSort.chunkCount(edgeCount: neighbors.count)
        var noNeighbors: [Int32] = [], noWeights: [Double] = []
        return neighbors.count <= Int(Int32.max)
            ? ChunkedCountingSort.transpose(
                offsets: offsets, neighbors: neighbors, weights: weights, nodeCount: nodeCount, chunkCount: chunkCount, positions: Int32.self,
                spareNeighbors: &noNeighbors, spareWeights: &noWeights
            )
            : ChunkedCountingSort.transpose(
                offsets: offsets, neighbors: neighbors, weights: weights, nodeCount: nodeCount, chunkCount: chunkCount, positions: Int.self,
                spareNeighbors: &noNeighbors, spareWeights: &noWeights
            )
    }

    /// Merges runs of equal neighbours in each (sorted) row into one entry weighing their sum,
    /// compacting in place; with `counting`, gives an unweighted adjacency weights (1 before
    /// merging) when it has a run to merge, otherwise it stays unweighted. Returns the number of
    /// self-loops, counted after merging.
    static func mergeParallelEdges(_ rows: inout Rows, counting: Bool = true) -> Int {
        let nodeCount = rows.offsets.count - 1
        let edgeTotal = rows.neighbors.count
        let parallel = rows.weights != nil || hasParallelEdges(rows)
        if counting && rows.weights == nil && parallel {
            rows.weights = [Double](repeating: 1, count: edgeTotal)
        }
        var selfLoops = 0
        var write = 0
        rows.offsets.withUnsafeMutableBufferPointer { offsets in
            rows.neighbors.withUnsafeMutableBufferPointer { neighbors in
                guard var weights = rows.weights else {
                    guard parallel else {
                        // No parallel edges: only self-loops to count.
                        for node in 0 ..< nodeCount {
                            for edge in offsets[node] ..< offsets[node + 1] where neighbors[edge] == Int32(node) { selfLoops += 1 }
                        }
                        write = edgeTotal
                        return
                    }
                    var rowStart = 0
                    for node in 0 ..< nodeCount {
                        let rowEnd = offsets[node + 1]
                        offsets[node] = write
                        for read in rowStart ..< rowEnd where read == rowStart || neighbors[read] != neighbors[read - 1] {
                            neighbors[write] = neighbors[read]
                            if neighbors[read] == Int32(node) { selfLoops += 1 }
                            write += 1
                        }
                        rowStart = rowEnd
                    }
                    offsets[nodeCount] = write
                    return
                }
                rows.weights = nil // keeps `weights` uniquely referenced while it is written
                weights.withUnsafeMutableBufferPointer { weights in
                    var rowStart = 0
                    for node in 0 ..< nodeCount {
                        let rowEnd = offsets[node + 1]
                        offsets[node] = write
                        var read = rowStart
                        while read < rowEnd {
                            let neighbor = neighbors[read]
                            var total = weights[read]
                            var next = read + 1
                            while next < rowEnd && neighbors[next] == neighbor {
                                total += weights[next]
                                next += 1
                            }
                            neighbors[write] = neighbor
                            weights[write] = total
                            if neighbor == Int32(node) { selfLoops += 1 }
                            write += 1
                            read = next
                        }
                        rowStart = rowEnd
                    }
                    offsets[nodeCount] = write
                }
                rows.weights = weights
            }
        }
        if write < edgeTotal {
            rows.neighbors.removeLast(edgeTotal - write)
            rows.weights?.removeLast(edgeTotal - write)
        }
        return selfLoops
    }

    /// Whether some row holds the same neighbour twice (rows are sorted).
    static func hasParallelEdges(_ rows: Rows) -> Bool {
        rows.offsets.withUnsafeBufferPointer { offsets in
            rows.neighbors.withUnsafeBufferPointer { neighbors in
                for node in 0 ..< offsets.count - 1 where offsets[node + 1] - offsets[node] > 1 {
                    for edge in offsets[node] + 1 ..< offsets[node + 1] where neighbors[edge] == neighbors[edge - 1] { return true }
                }
                return false
            }
        }
    }
}

extension DirectedGraph {
    /// A graph with `nodeCount` nodes and the given edges (weight 1).
    ///
    /// Every index lies in `0 ..< nodeCount`; one outside stops the program with a precondition
    /// failure naming the edge (``GraphInputError/nodeOutOfRange(edge:node:nodeCount:)``).
    public init(nodeCount: Int, edges: [(Int32, Int32)]) {
        self.init(nodeCount: nodeCount, weightedEdges: edges.map { ($0.0, $0.1, 1) })
    }

    /// A graph with `nodeCount` nodes and the given weighted edges; indices as in
    /// ``init(nodeCount:edges:)``.
    public init(nodeCount: Int, weightedEdges: [(Int32, Int32, Double)]) {
        if let error = GraphInputError.nodeCount(nodeCount) { preconditionFailure("DirectedGraph: \(error)") }
        let builder = GraphBuilder(nodeCount: nodeCount, expectedEdgeCount: weightedEdges.count)
        for (index, (source, target, weight)) in weightedEdges.enumerated() {
            if let error = GraphInputError.endpoints(source, target, edge: index, nodeCount: nodeCount) {
                preconditionFailure("DirectedGraph: \(error)")
            }
            builder.addEdge(from: source, to: target, weight: weight)
        }
        self = builder.build()
    }
}
