extension DirectedGraph {
    /// An upper bound on the vertex diameter: the most nodes on any shortest path.
    ///
    /// Riondato & Kornaropoulos (2016) bound undirected vertex diameters by twice a breadth-first
    /// eccentricity, but on a directed graph a shortest path can be far longer than any
    /// undirected distance (a directed cycle of n nodes has paths of n − 1 hops and undirected
    /// radius n / 2), so that bound is unsafe here. This one is safe for directed graphs:
    ///
    /// A shortest path never returns to a strongly connected component it has left (that would
    /// close a cycle through the condensation), so it crosses a chain of components in the
    /// condensation DAG, visiting each in one contiguous stretch. The stretch in component `C` is
    /// itself a shortest path between two nodes of `C`, so it has at most `|C|` nodes; for hop
    /// lengths also at most `ecc⁺(r) + ecc⁻(r) + 1` for any `r` in `C`, since
    /// `d(x, y) ≤ d(x, r) + d(r, y)`. The bound is the heaviest chain of the condensation DAG with
    /// these per-component weights, never more than the size of the largest weakly connected
    /// component.
    ///
    /// - Parameter hops: whether paths are counted in hops; weighted shortest paths can take more
    ///   hops than the unweighted distance, so only the component sizes bound them.
    /// - Complexity: O(n + m) time and memory.
    func vertexDiameterUpperBound(hops: Bool) -> Int {
        guard nodeCount > 0 else { return 0 }
        let components = stronglyConnectedComponents()
        let labels = components.labels
        let componentCount = components.count

        // Members of each component, contiguous, by a counting sort on labels.
        var memberOffsets = [Int](repeating: 0, count: componentCount + 1)
        for label in labels { memberOffsets[Int(label) + 1] += 1 }
        for component in 0 ..< componentCount { memberOffsets[component + 1] += memberOffsets[component] }
        var members = [Int32](repeating: 0, count: nodeCount)
        var cursor = memberOffsets
        for node in 0 ..< nodeCount {
            let label = Int(labels[node])
            members[cursor[label]] = Int32(node)
            cursor[label] += 1
        }

        var stretchBound = components.sizes
        if hops {
            var distance = [Int32](repeating: -1, count: nodeCount)
            var queue = [Int32](repeating: 0, count: nodeCount)
            // A component of one or two nodes cannot beat its size; skip the searches.
            for component in 0 ..< componentCount where components.sizes[component] > 2 {
                let root = members[memberOffsets[component]]
                let outward = eccentricity(from: root, within: labels, along: outgoing, distance: &distance, queue: &queue)
                let inward = eccentricity(from: root, within: labels, along: incoming, distance: &distance, queue: &queue)
                stretchBound[component] = min(components.sizes[component], outward + inward + 1)
            }
        }

        // Heaviest chain through the condensation DAG, in topological order (Kahn 1962).
        var pendingPredecessors = [Int](repeating: 0, count: componentCount)
        for source in 0 ..< nodeCount {
            for edge in outgoing.offsets[source] ..< outgoing.offsets[source + 1] {
                let target = Int(outgoing.neighbors[edge])
                if labels[target] != labels[source] { pendingPredecessors[Int(labels[target])] += 1 }
            }
        }
        var heaviest = stretchBound
        var ready = (0 ..< componentCount).filter { pendingPredecessors[$0] == 0 }
        var bound = 0
        while let component = ready.popLast() {
            bound = max(bound, heaviest[component])
            for member in members[memberOffsets[component] ..< memberOffsets[component + 1]] {
                for edge in outgoing.offsets[Int(member)] ..< outgoing.offsets[Int(member) + 1] {
                    let next = Int(labels[Int(outgoing.neighbors[edge])])
                    if next == component { continue }
                    heaviest[next] = max(heaviest[next], heaviest[component] + stretchBound[next])
                    pendingPredecessors[next] -= 1
                    if pendingPredecessors[next] == 0 { ready.append(next) }
                }
            }
        }
        return bound
    }

    /// Hops from `root` to the farthest node of its own component along `adjacency`, by a
    /// breadth-first search that never leaves the component. Leaves `distance` all -1 again.
    private func eccentricity(
        from root: Int32,
        within labels: [Int32],
        along adjacency: Adjacency,
        distance: inout [Int32],
        queue: inout [Int32]
    ) -> Int {
        let component = labels[Int(root)]
        distance[Int(root)] = 0
        queue[0] = root
        var head = 0
        var tail = 1
        while head < tail {
            let node = Int(queue[head])
            head += 1
            for edge in adjacency.offsets[node] ..< adjacency.offsets[node + 1] {
                let neighbor = Int(adjacency.neighbors[edge])
                if distance[neighbor] < 0 && labels[neighbor] == component {
                    distance[neighbor] = distance[node] + 1
                    queue[tail] = Int32(neighbor)
                    tail += 1
                }
            }
        }
        // Breadth-first order ends at the farthest node.
        let farthest = Int(distance[Int(queue[tail - 1])])
        for position in 0 ..< tail { distance[Int(queue[position])] = -1 }
        return farthest
    }
}
