extension DirectedGraph {
    /// Newman–Girvan modularity of a partition of this graph read as an undirected weighted graph.
    ///
    /// `Q = Σ_c [ L_c / m − γ · (D_c / 2m)² ]`, where `m` is the total edge weight, `L_c` the
    /// weight of the edges inside community `c` and `D_c` the summed weighted degree of its nodes
    /// (Newman 2006, "Modularity and community structure in networks", PNAS 103; with the
    /// resolution `γ` of Reichardt & Bornholdt 2006). Same value as NetworkX's
    /// `community.modularity` on the undirected graph.
    ///
    /// The graph must be symmetric: each undirected tie `u–v` stored as `u → v` and `v → u` with
    /// the same weight and a self-loop stored once, as ``symmetrized()`` produces. A self-loop
    /// counts once in `m` and in `L_c` and twice in its node's degree, as in NetworkX.
    ///
    /// - Parameters:
    ///   - communities: the community of each node (any `Int32` labels; need not be dense), one
    ///     per node; another count stops the program with a precondition failure
    ///     (``GraphInputError/labelCount(labels:nodeCount:)``).
    ///   - resolution: `γ`; above 1 favours smaller communities.
    /// - Returns: the modularity, or 0 for a graph without edge weight (NetworkX raises there).
    /// - Complexity: O(V + E) time, O(V) memory.
    public func modularity(of communities: [Int32], resolution: Double = 1) -> Double {
        if let error = GraphInputError.labels(communities.count, nodeCount: nodeCount) { preconditionFailure("modularity(of:): \(error)") }
        let dense = denseLabels(communities)
        var inside = [Double](repeating: 0, count: dense.count)
        var degreeSums = [Double](repeating: 0, count: dense.count)
        var total = 0.0
        for node in 0 ..< nodeCount {
            let community = Int(dense.labels[node])
            for edge in outgoing.offsets[node] ..< outgoing.offsets[node + 1] {
                let neighbor = Int(outgoing.neighbors[edge])
                let weight = outgoing.weight(at: edge)
                // A tie u–v appears twice (u → v, v → u), a self-loop once: halve the former so
                // each undirected edge weighs in once, and count the self-loop twice in degree.
                let share = neighbor == node ? weight : weight / 2
                total += share
                degreeSums[community] += neighbor == node ? 2 * weight : weight
                if Int(dense.labels[neighbor]) == community { inside[community] += share }
            }
        }
        guard total > 0 else { return 0 }
        var quality = 0.0
        for community in 0 ..< dense.count {
            let fraction = degreeSums[community] / (2 * total)
            quality += inside[community] / total - resolution * fraction * fraction
        }
        return quality
    }
}

/// Renumbers arbitrary labels to `0 ..< count` in order of first appearance.
///
/// A lookup array when the labels span a small range (the usual case: node or community
/// indices), a dictionary otherwise, so sparse labels such as `Int32.max` cost no memory.
func denseLabels(_ labels: [Int32]) -> (labels: [Int32], count: Int) {
    guard let smallest = labels.min(), let largest = labels.max() else { return ([], 0) }
    var result = labels
    var next: Int32 = 0
    let span = Int(largest) - Int(smallest) + 1
    if span <= 2 * labels.count + 16 {
        var renumber = [Int32](repeating: -1, count: span)
        for index in result.indices {
            let slot = Int(result[index]) - Int(smallest)
            if renumber[slot] < 0 {
                renumber[slot] = next
                next += 1
            }
            result[index] = renumber[slot]
        }
    } else {
        var renumber: [Int32: Int32] = [:]
        for index in result.indices {
            if let known = renumber[result[index]] {
                result[index] = known
            } else {
                renumber[result[index]] = next
                result[index] = next
                next += 1
            }
        }
    }
    return (result, Int(next))
}
