import ReachGraphCore

/// The core number of every node: the largest k such that the node belongs to the k-core, the
/// maximal subgraph in which every node has degree at least k.
///
/// Degree is in-degree plus out-degree with self-loops left out, as NetworkX's `core_number` counts
/// it on a directed graph (a mutual pair counts twice). Batagelj and Zaversnik's bucket peeling
/// (2003). Kept private to figure trimming; a general k-core belongs in ReachGraphCore.
/// - Complexity: O(V + E) time and memory.
func coreNumbers(of graph: DirectedGraph) -> [Int] {
    let count = graph.nodeCount
    var degree = [Int](repeating: 0, count: count)
    for node in 0 ..< Int32(count) {
        var total = 0
        for neighbor in graph.outgoing.neighbors(of: node) where neighbor != node { total += 1 }
        for neighbor in graph.incoming.neighbors(of: node) where neighbor != node { total += 1 }
        degree[Int(node)] = total
    }
    let maxDegree = degree.max() ?? 0
    // Nodes sorted by degree in `order`; `start[d]` is where degree d begins; `position` inverts `order`.
    var start = [Int](repeating: 0, count: maxDegree + 2)
    for value in degree { start[value + 1] += 1 }
    for value in 0 ... maxDegree { start[value + 1] += start[value] }
    var order = [Int](repeating: 0, count: count)
    var position = [Int](repeating: 0, count: count)
    var cursor = start
    for node in 0 ..< count {
        position[node] = cursor[degree[node]]
        order[position[node]] = node
        cursor[degree[node]] += 1
    }
    for index in 0 ..< count {
        let node = order[index]
        let visit = { (neighbor: Int32) in
            let other = Int(neighbor)
            guard other != node, degree[other] > degree[node] else { return }
            // Move `other` to the front of its bucket, then shrink its degree by one.
            let otherDegree = degree[other]
            let front = start[otherDegree]
            let swapped = order[front]
            if swapped != other {
                order[position[other]] = swapped
                position[swapped] = position[other]
                order[front] = other
                position[other] = front
            }
            start[otherDegree] += 1
            degree[other] -= 1
        }
        for neighbor in graph.outgoing.neighbors(of: Int32(node)) { visit(neighbor) }
        for neighbor in graph.incoming.neighbors(of: Int32(node)) { visit(neighbor) }
    }
    return degree
}
