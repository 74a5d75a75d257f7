extension DirectedGraph {
    /// Krackhardt's connectedness: the share of unordered pairs of nodes joined by a semipath
    /// (a path ignoring edge direction), `Σ_c s_c (s_c − 1) / (n (n − 1))` over weak components of
    /// sizes `s_c`.
    ///
    /// 1 when the graph is weakly connected (an out-tree included), 0 when it has no edge.
    /// Krackhardt (1994), "Graph theoretical dimensions of informal organizations", in Carley &
    /// Prietula (eds.), *Computational Organization Theory*; same value as sna's `connectedness`.
    /// - Returns: `nil` for fewer than two nodes (no pairs).
    /// - Complexity: O(V + E).
    public var krackhardtConnectedness: Double? {
        guard nodeCount > 1 else { return nil }
        let components = weaklyConnectedComponents()
        let joined = components.sizes.reduce(0.0) { $0 + Double($1) * Double($1 - 1) }
        return joined / (Double(nodeCount) * Double(nodeCount - 1))
    }
}
