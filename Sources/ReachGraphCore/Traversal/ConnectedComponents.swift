/// A partition of the nodes into components.
public struct ComponentLabels: Sendable, Equatable {
    /// The component of each node, `0 ..< count`, numbered in order of each component's lowest node.
    public let labels: [Int32]
    /// The number of nodes in each component.
    public let sizes: [Int]
    /// The number of components.
    public var count: Int { sizes.count }
    /// The size of the largest component (0 for an empty graph).
    public var largestSize: Int { sizes.max() ?? 0 }

    /// Members of every component, each ascending.
    public var members: [[Int32]] {
        var result = sizes.map { size -> [Int32] in
            var members: [Int32] = []
            members.reserveCapacity(size)
            return members
        }
        for (node, label) in labels.enumerated() { result[Int(label)].append(Int32(node)) }
        return result
    }

    /// Renumbers labels so components are numbered by their lowest node.
    init(canonicalizing raw: [Int32], count: Int) {
        var renumber = [Int32](repeating: -1, count: count)
        var next: Int32 = 0
        var labels = raw
        var sizes = [Int](repeating: 0, count: count)
        for node in labels.indices {
            let old = Int(labels[node])
            if renumber[old] < 0 {
                renumber[old] = next
                next += 1
            }
            labels[node] = renumber[old]
            sizes[Int(renumber[old])] += 1
        }
        self.labels = labels
        self.sizes = sizes
    }
}

extension DirectedGraph {
    /// Weakly connected components: maximal sets joined by paths that ignore edge direction.
    ///
    /// Same partition as NetworkX's `weakly_connected_components`.
    /// - Complexity: O(V + E) time, O(V) memory; iterative breadth-first search.
    public func weaklyConnectedComponents() -> ComponentLabels {
        var labels = [Int32](repeating: -1, count: nodeCount)
        var queue = [Int32](repeating: 0, count: nodeCount)
        var count: Int32 = 0
        labels.withUnsafeMutableBufferPointer { label in
            queue.withUnsafeMutableBufferPointer { queue in
                for start in 0 ..< nodeCount where label[start] < 0 {
                    label[start] = count
                    queue[0] = Int32(start)
                    var head = 0
                    var tail = 1
                    while head < tail {
                        let node = queue[head]
                        head += 1
                        let visit = { (neighbor: Int32) in
                            if label[Int(neighbor)] < 0 {
                                label[Int(neighbor)] = count
                                queue[tail] = neighbor
                                tail += 1
                            }
                        }
                        visitNeighbors(outgoing, of: node, visit)
                        visitNeighbors(incoming, of: node, visit)
                    }
                    count += 1
                }
            }
        }
        return ComponentLabels(canonicalizing: labels, count: Int(count))
    }

    /// Strongly connected components: maximal sets in which every node reaches every other along
    /// edge direction.
    ///
    /// Tarjan's algorithm (Tarjan 1972) with an explicit stack, so a path of a million nodes does
    /// not overflow the call stack. Same partition as NetworkX's `strongly_connected_components`.
    /// - Complexity: O(V + E) time, O(V) memory.
    public func stronglyConnectedComponents() -> ComponentLabels {
        let count = nodeCount
        var index = [Int32](repeating: -1, count: count)
        var lowLink = [Int32](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var labels = [Int32](repeating: -1, count: count)
        var componentStack: [Int32] = []
        var callStack: [(node: Int32, edge: Int)] = []
        var nextIndex: Int32 = 0
        var componentCount: Int32 = 0
        let offsets = outgoing.offsets
        let neighbors = outgoing.neighbors

        for root in 0 ..< count where index[root] < 0 {
            index[root] = nextIndex
            lowLink[root] = nextIndex
            nextIndex += 1
            componentStack.append(Int32(root))
            onStack[root] = true
            callStack.append((Int32(root), offsets[root]))
            while let frame = callStack.last {
                let node = Int(frame.node)
                if frame.edge < offsets[node + 1] {
                    callStack[callStack.count - 1].edge += 1
                    let neighbor = Int(neighbors[frame.edge])
                    if index[neighbor] < 0 {
                        index[neighbor] = nextIndex
                        lowLink[neighbor] = nextIndex
                        nextIndex += 1
                        componentStack.append(Int32(neighbor))
                        onStack[neighbor] = true
                        callStack.append((Int32(neighbor), offsets[neighbor]))
                    } else if onStack[neighbor] {
                        lowLink[node] = min(lowLink[node], index[neighbor])
                    }
                    continue
                }
                callStack.removeLast()
                if let parent = callStack.last {
                    lowLink[Int(parent.node)] = min(lowLink[Int(parent.node)], lowLink[node])
                }
                if lowLink[node] == index[node] {
                    while let member = componentStack.popLast() {
                        onStack[Int(member)] = false
                        labels[Int(member)] = componentCount
                        if Int(member) == node { break }
                    }
                    componentCount += 1
                }
            }
        }
        return ComponentLabels(canonicalizing: labels, count: Int(componentCount))
    }
}
