/// The subgraph induced by a set of nodes, renumbered densely.
public struct InducedSubgraph: Sendable {
    /// The subgraph; node `i` is `originalNodes[i]` of the parent graph.
    public let graph: DirectedGraph
    /// Parent-graph index of each subgraph node, ascending.
    public let originalNodes: [Int32]
}

extension DirectedGraph {
    /// The subgraph on `nodes` with every edge of this graph between two of them, weights kept.
    ///
    /// Nodes are renumbered in ascending order of their parent index; repeats and out-of-range
    /// indices in `nodes` are ignored.
    /// - Complexity: O(V + E).
    public func inducedSubgraph(on nodes: some Sequence<Int32>) -> InducedSubgraph {
        var newIndex = [Int32](repeating: -1, count: nodeCount)
        for node in nodes where node >= 0 && Int(node) < nodeCount { newIndex[Int(node)] = 0 }
        var originalNodes: [Int32] = []
        for node in 0 ..< nodeCount where newIndex[node] == 0 {
            newIndex[node] = Int32(originalNodes.count)
            originalNodes.append(Int32(node))
        }
        let builder = GraphBuilder(nodeCount: originalNodes.count)
        for (index, original) in originalNodes.enumerated() {
            for edge in outgoing.offsets[Int(original)] ..< outgoing.offsets[Int(original) + 1] {
                let target = newIndex[Int(outgoing.neighbors[edge])]
                if target >= 0 { builder.addEdge(from: Int32(index), to: target, weight: outgoing.weight(at: edge)) }
            }
        }
        return InducedSubgraph(graph: builder.build(), originalNodes: originalNodes)
    }

    /// The undirected (symmetrised) version of this graph as a directed graph with both directions.
    ///
    /// Each unordered pair joined in either direction becomes the two edges `u → v` and `v → u`
    /// with weight `w(u→v) + w(v→u)`, so strengths keep all the traffic between the two. (NetworkX's
    /// `to_undirected` instead keeps one of the two weights.) A self-loop stays a single self-loop.
    /// - Complexity: O(V + E).
    public func symmetrized() -> DirectedGraph {
        let builder = GraphBuilder(nodeCount: nodeCount, expectedEdgeCount: 2 * edgeCount)
        for source in 0 ..< Int32(nodeCount) {
            for edge in outgoing.offsets[Int(source)] ..< outgoing.offsets[Int(source) + 1] {
                let target = outgoing.neighbors[edge]
                let weight = outgoing.weight(at: edge)
                builder.addEdge(from: source, to: target, weight: weight)
                if target != source { builder.addEdge(from: target, to: source, weight: weight) }
            }
        }
        return builder.build()
    }
}
