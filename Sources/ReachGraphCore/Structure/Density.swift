extension DirectedGraph {
    /// Density `m / (n (n − 1))` of a directed graph, as NetworkX's `density`.
    ///
    /// `m` counts distinct edges including self-loops, so a graph with self-loops can exceed 1.
    /// Graphs with fewer than two nodes have density 0.
    /// - Complexity: O(1).
    public var density: Double {
        guard nodeCount > 1 else { return 0 }
        return Double(edgeCount) / (Double(nodeCount) * Double(nodeCount - 1))
    }
}
