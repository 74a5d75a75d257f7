extension DirectedGraph {
    /// Hop distances from `source` by breadth-first search; `-1` marks unreachable nodes.
    ///
    /// - Parameters:
    ///   - source: the start node.
    ///   - direction: follow out-edges (reach of content posted at `source`), in-edges, or both.
    /// - Complexity: O(V + E) time, O(V) memory; iterative.
    public func breadthFirstDistances(from source: Int32, direction: EdgeDirection = .outgoing) -> [Int32] {
        var distances = [Int32](repeating: -1, count: nodeCount)
        guard source >= 0 && Int(source) < nodeCount else { return distances }
        var queue = [Int32](repeating: 0, count: nodeCount)
        distances.withUnsafeMutableBufferPointer { distance in
            queue.withUnsafeMutableBufferPointer { queue in
                var head = 0
                var tail = 1
                queue[0] = source
                distance[Int(source)] = 0
                while head < tail {
                    let node = queue[head]
                    head += 1
                    let next = distance[Int(node)] + 1
                    let visit = { (neighbor: Int32) in
                        if distance[Int(neighbor)] < 0 {
                            distance[Int(neighbor)] = next
                            queue[tail] = neighbor
                            tail += 1
                        }
                    }
                    if direction != .incoming { visitNeighbors(outgoing, of: node, visit) }
                    if direction != .outgoing { visitNeighbors(incoming, of: node, visit) }
                }
            }
        }
        return distances
    }
}

@inline(__always)
func visitNeighbors(_ adjacency: Adjacency, of node: Int32, _ body: (Int32) -> Void) {
    adjacency.neighbors.withUnsafeBufferPointer { neighbors in
        for edge in adjacency.offsets[Int(node)] ..< adjacency.offsets[Int(node) + 1] { body(neighbors[edge]) }
    }
}
