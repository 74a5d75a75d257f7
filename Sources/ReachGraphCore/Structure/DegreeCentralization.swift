extension DirectedGraph {
    /// Freeman degree centralization with igraph's theoretical maximum (`centr_degree`,
    /// `normalized = TRUE`): 1 for a star in the chosen direction.
    ///
    /// Degrees count distinct edges (parallel edges were merged on building). The maximum for `n`
    /// nodes is `(n − 1)²` out or in and `2 (n − 1)(n − 2)` for both directions without
    /// self-loops; `n (n − 1)` and `2 (n − 1)²` with them (igraph's `centr_degree_tmax`).
    /// - Parameters:
    ///   - direction: out-degree (a hub sending to all: 1 for an out-star), in-degree, or both.
    ///   - countingLoops: whether a self-loop adds to degree (once out or in, twice for both), as
    ///     igraph's `loops`.
    /// - Returns: `nil` when the maximum is 0 (one node, or two nodes for both directions without
    ///   loops).
    /// - Complexity: O(V).
    public func degreeCentralization(direction: EdgeDirection = .outgoing, countingLoops: Bool = false) -> Double? {
        let n = Double(nodeCount)
        let maximum: Double
        switch direction {
        case .outgoing, .incoming: maximum = countingLoops ? n * (n - 1) : (n - 1) * (n - 1)
        case .both: maximum = countingLoops ? 2 * (n - 1) * (n - 1) : 2 * (n - 1) * (n - 2)
        }
        guard nodeCount > 0 else { return nil }
        let scores = (0 ..< Int32(nodeCount)).map { node -> Double in
            let loop = hasEdge(from: node, to: node) ? 1 : 0
            switch direction {
            case .outgoing: return Double(outDegree(of: node) - (countingLoops ? 0 : loop))
            case .incoming: return Double(inDegree(of: node) - (countingLoops ? 0 : loop))
            case .both: return Double(degree(of: node) - (countingLoops ? 0 : 2 * loop))
            }
        }
        return freemanCentralization(scores, theoreticalMaximum: maximum)
    }
}
