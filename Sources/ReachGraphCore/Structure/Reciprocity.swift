extension DirectedGraph {
    /// Edgewise reciprocity: the share of edges `u → v` (u ≠ v) whose reverse `v → u` also exists.
    ///
    /// Same value as NetworkX's `overall_reciprocity`: `2·(reciprocated pairs) / m`, with the
    /// denominator counting every edge, self-loops included (a self-loop is never reciprocated).
    /// Returns `nil` for a graph without edges, where NetworkX raises.
    /// - Complexity: O(E log d), d the largest out-degree (rows are sorted, lookups are binary).
    public var reciprocity: Double? {
        guard edgeCount > 0 else { return nil }
        var reciprocated = 0
        for source in 0 ..< Int32(nodeCount) {
            for edge in outgoing.offsets[Int(source)] ..< outgoing.offsets[Int(source) + 1] {
                let target = outgoing.neighbors[edge]
                if target != source && hasEdge(from: target, to: source) { reciprocated += 1 }
            }
        }
        return Double(reciprocated) / Double(edgeCount)
    }
}
