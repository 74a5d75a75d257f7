extension DirectedGraph {
    /// Freeman betweenness centralization with igraph's theoretical maximum (`centr_betw`,
    /// `normalized = TRUE`), on unweighted shortest paths.
    ///
    /// Directed: betweenness over directed paths, maximum `(n − 1)² (n − 2)` (an out-star scores 0:
    /// no path runs through its centre). Undirected: over the graph with directions ignored, each
    /// unordered pair once, maximum `(n − 1)² (n − 2) / 2` (any star scores 1). Self-loops and
    /// weights are ignored.
    /// - Returns: `nil` for fewer than three nodes (maximum 0).
    /// - Complexity: O(V E) (Brandes 2001).
    public func betweennessCentralization(directed: Bool = true) -> Double? {
        let n = Double(nodeCount)
        let maximum = (n - 1) * (n - 1) * (n - 2) / (directed ? 1 : 2)
        guard nodeCount > 2 else { return nil }
        var scores: [Double]
        if directed {
            scores = betweennessCentrality(BetweennessOptions(normalized: false))
        } else {
            // Each unordered pair is counted from both ends on the symmetric graph.
            scores = symmetrized().betweennessCentrality(BetweennessOptions(normalized: false)).map { $0 / 2 }
        }
        return freemanCentralization(scores, theoreticalMaximum: maximum)
    }
}
