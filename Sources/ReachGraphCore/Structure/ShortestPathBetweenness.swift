/// Betweenness of every node on unweighted shortest paths, as a raw count (not normalised): for
/// each node `v`, `Σ_{s ≠ v ≠ t} σ_st(v) / σ_st` over ordered pairs along the rows given.
///
/// Brandes' algorithm (2001, "A faster algorithm for betweenness centrality", J. Math. Sociol.
/// 25): a breadth-first search per source, then dependencies accumulated in reverse order.
/// Self-loops are skipped. Serial and small on purpose: it serves the centralization measures here
/// and stays in this one file to be reconciled with the library's betweenness.
/// - Complexity: O(V E) time, O(V + E) memory.
func unweightedBetweenness(offsets: [Int], neighbors: [Int32]) -> [Double] {
    let count = offsets.count - 1
    var scores = [Double](repeating: 0, count: count)
    var order = [Int32](repeating: 0, count: count)
    var distance = [Int](repeating: -1, count: count)
    var paths = [Double](repeating: 0, count: count)
    var dependency = [Double](repeating: 0, count: count)
    for source in 0 ..< count {
        for node in 0 ..< count {
            distance[node] = -1
            paths[node] = 0
            dependency[node] = 0
        }
        distance[source] = 0
        paths[source] = 1
        order[0] = Int32(source)
        var head = 0, tail = 1
        while head < tail {
            let node = Int(order[head])
            head += 1
            for edge in offsets[node] ..< offsets[node + 1] {
                let next = Int(neighbors[edge])
                if next == node { continue }
                if distance[next] < 0 {
                    distance[next] = distance[node] + 1
                    order[tail] = Int32(next)
                    tail += 1
                }
                if distance[next] == distance[node] + 1 { paths[next] += paths[node] }
            }
        }
        for index in stride(from: tail - 1, to: 0, by: -1) {
            let node = Int(order[index])
            for edge in offsets[node] ..< offsets[node + 1] {
                let next = Int(neighbors[edge])
                if distance[next] == distance[node] + 1 {
                    dependency[node] += paths[node] / paths[next] * (1 + dependency[next])
                }
            }
            scores[node] += dependency[node]
        }
    }
    return scores
}
