extension DirectedGraph {
    /// Krackhardt's efficiency: how few edges the graph has beyond the minimum that keeps each
    /// weak component connected, `1 − (m − Σ_c (s_c − 1)) / Σ_c (s_c (s_c − 1) − (s_c − 1))`, with
    /// `m` the directed edges other than self-loops and `s_c` the component sizes.
    ///
    /// 1 for an out-tree (exactly `n − 1` edges); 0 for a complete digraph. Krackhardt (1994);
    /// same value as sna's `efficiency` (`diag = FALSE`), which counts directed edges against the
    /// `s (s − 1)` a component could hold. Weights are ignored.
    /// - Returns: `nil` when no component has two nodes (no possible excess; sna gives NaN).
    /// - Complexity: O(V + E).
    public var krackhardtEfficiency: Double? {
        let sizes = weaklyConnectedComponents().sizes
        let required = sizes.reduce(0.0) { $0 + Double($1 - 1) }
        let maximumExcess = sizes.reduce(0.0) { $0 + Double($1) * Double($1 - 1) - Double($1 - 1) }
        guard maximumExcess > 0 else { return nil }
        let edges = Double(edgeCount - selfLoopCount)
        return 1 - (edges - required) / maximumExcess
    }
}
