/// A directed, weighted graph in compressed sparse row form, with both out- and in-adjacency.
///
/// Nodes are the dense indices `0 ..< nodeCount` (`Int32`). Edges are unique per ordered pair:
/// parallel edges given to ``GraphBuilder`` are merged into one whose weight is the sum of theirs
/// (weights are strengths, such as repost counts, so summing keeps the total). Self-loops are kept
/// and counted in ``selfLoopCount``.
///
/// The type is a value of a few arrays; every algorithm is a free function over it, in the manner
/// of igraph's C core. Copies share storage, so ``reversed()`` costs nothing.
public struct DirectedGraph: Sendable {
    /// The number of nodes.
    public let nodeCount: Int
    /// Edges leaving each node.
    public let outgoing: Adjacency
    /// Edges entering each node; `incoming.neighbors` holds the sources.
    public let incoming: Adjacency
    /// The number of edges `v → v`.
    public let selfLoopCount: Int

    /// The graph whose out-adjacency is `outgoing`; the in-adjacency and the self-loop count are
    /// derived from it, so the two directions always hold the same edges.
    ///
    /// For arrays a program already holds in CSR form (``Adjacency/init(offsets:neighbors:weights:)``
    /// checks them); ``GraphBuilder`` builds from an edge list.
    /// - Complexity: O(V + E).
    public init(outgoing: Adjacency) {
        let nodes = outgoing.nodeCount
        let reverse = GraphBuilder.transpose(offsets: outgoing.offsets, neighbors: outgoing.neighbors, weights: outgoing.weights, nodeCount: nodes)
        var loops = 0
        for node in 0 ..< nodes {
            for edge in outgoing.offsets[node] ..< outgoing.offsets[node + 1] where outgoing.neighbors[edge] == Int32(node) { loops += 1 }
        }
        self.init(
            nodeCount: nodes, outgoing: outgoing,
            incoming: Adjacency(checkedOffsets: reverse.offsets, neighbors: reverse.neighbors, weights: reverse.weights),
            selfLoopCount: loops
        )
    }

    /// Two directions that hold the same edges, as ``GraphBuilder`` and ``reversed()`` produce.
    init(nodeCount: Int, outgoing: Adjacency, incoming: Adjacency, selfLoopCount: Int) {
        self.nodeCount = nodeCount
        self.outgoing = outgoing
        self.incoming = incoming
        self.selfLoopCount = selfLoopCount
    }

    /// The number of distinct directed edges (after merging parallel edges).
    public var edgeCount: Int { outgoing.neighbors.count }

    /// Whether any edge weight differs from 1.
    public var isWeighted: Bool { outgoing.weights != nil }

    /// The same graph with every edge turned around, sharing this graph's storage.
    ///
    /// Used by measures that reward *being amplified* rather than amplifying: with edges drawn
    /// source → amplifier, PageRank on the reversed graph ranks sources.
    /// - Complexity: O(1).
    public func reversed() -> DirectedGraph {
        DirectedGraph(nodeCount: nodeCount, outgoing: incoming, incoming: outgoing, selfLoopCount: selfLoopCount)
    }

    /// Out-degree of `node` (a self-loop counts once).
    @inlinable public func outDegree(of node: Int32) -> Int { outgoing.degree(of: node) }
    /// In-degree of `node` (a self-loop counts once).
    @inlinable public func inDegree(of node: Int32) -> Int { incoming.degree(of: node) }
    /// In-degree plus out-degree, as NetworkX's `DiGraph.degree` (a self-loop counts twice).
    @inlinable public func degree(of node: Int32) -> Int { outDegree(of: node) + inDegree(of: node) }
    /// Summed weight of the edges leaving `node`.
    public func outStrength(of node: Int32) -> Double { outgoing.strength(of: node) }
    /// Summed weight of the edges entering `node`.
    public func inStrength(of node: Int32) -> Double { incoming.strength(of: node) }

    /// The weight of edge `source → target`, or `nil` when there is no such edge.
    /// - Complexity: O(log d) with d the out-degree of `source` (rows are sorted).
    public func weight(from source: Int32, to target: Int32) -> Double? {
        let start = outgoing.offsets[Int(source)]
        var low = start
        var high = outgoing.offsets[Int(source) + 1]
        while low < high {
            let middle = (low + high) / 2
            let value = outgoing.neighbors[middle]
            if value == target { return outgoing.weight(at: middle) }
            if value < target { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// Whether the edge `source → target` exists.
    public func hasEdge(from source: Int32, to target: Int32) -> Bool {
        weight(from: source, to: target) != nil
    }

    /// Every edge as `(source, target, weight)`, in source order then target order.
    public var edges: [(source: Int32, target: Int32, weight: Double)] {
        var result: [(source: Int32, target: Int32, weight: Double)] = []
        result.reserveCapacity(edgeCount)
        for source in 0 ..< Int32(nodeCount) {
            for edge in outgoing.offsets[Int(source)] ..< outgoing.offsets[Int(source) + 1] {
                result.append((source, outgoing.neighbors[edge], outgoing.weight(at: edge)))
            }
        }
        return result
    }
}
