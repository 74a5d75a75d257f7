/// The strongly connected components of a graph as a DAG: parents per component, a topological
/// order, and which components reach which (reflexive), as bit rows.
///
/// - Complexity: O(V + E log E) to build the DAG, O(D · C / 64) for the reach rows (D edges
///   between the C components, each ORs a child's row into its parent's); O(C² / 64) words.
struct Condensation {
    /// The strong component of each node.
    let component: [Int32]
    /// Nodes in each component.
    let sizes: [Int]
    /// Components, every one after all that reach it.
    let topologicalOrder: [Int32]
    private let parentOffsets: [Int]
    private let parentList: [Int32]
    private let words: Int
    private let reach: [UInt64]

    var count: Int { sizes.count }

    init(_ graph: DirectedGraph) {
        let strong = graph.stronglyConnectedComponents()
        component = strong.labels
        sizes = strong.sizes
        let count = strong.count
        // Distinct parent components of each component (edges between components only).
        var pairs: [(parent: Int32, child: Int32)] = []
        for node in 0 ..< graph.nodeCount {
            let from = strong.labels[node]
            for edge in graph.outgoing.offsets[node] ..< graph.outgoing.offsets[node + 1] {
                let to = strong.labels[Int(graph.outgoing.neighbors[edge])]
                if to != from { pairs.append((from, to)) }
            }
        }
        pairs.sort { $0.child != $1.child ? $0.child < $1.child : $0.parent < $1.parent }
        var offsets = [Int](repeating: 0, count: count + 1)
        var list: [Int32] = []
        var children = [[Int32]](repeating: [], count: count)
        var inDegree = [Int](repeating: 0, count: count)
        for (index, pair) in pairs.enumerated() where index == 0 || pairs[index - 1] != pair {
            list.append(pair.parent)
            offsets[Int(pair.child) + 1] += 1
            children[Int(pair.parent)].append(pair.child)
            inDegree[Int(pair.child)] += 1
        }
        for index in 0 ..< count { offsets[index + 1] += offsets[index] }
        parentOffsets = offsets
        parentList = list
        // Kahn's algorithm; ties by component number, so the order is deterministic.
        var order: [Int32] = (0 ..< Int32(count)).filter { inDegree[Int($0)] == 0 }
        var head = 0
        while head < order.count {
            for child in children[Int(order[head])] {
                inDegree[Int(child)] -= 1
                if inDegree[Int(child)] == 0 { order.append(child) }
            }
            head += 1
        }
        topologicalOrder = order
        // Reach rows, children before parents: a component reaches itself and what its children reach.
        words = (count + 63) / 64
        var reach = [UInt64](repeating: 0, count: count * words)
        let rowWords = words
        reach.withUnsafeMutableBufferPointer { bits in
            for component in order.reversed() {
                let row = Int(component) * rowWords
                bits[row + Int(component) / 64] |= 1 << UInt64(Int(component) % 64)
                for child in children[Int(component)] {
                    let childRow = Int(child) * rowWords
                    for word in 0 ..< rowWords { bits[row + word] |= bits[childRow + word] }
                }
            }
        }
        self.reach = reach
    }

    /// The distinct parent components of `component`.
    func parents(of component: Int) -> ArraySlice<Int32> {
        parentList[parentOffsets[component] ..< parentOffsets[component + 1]]
    }

    /// Whether `source` reaches `target` (always true when they are equal).
    @inline(__always)
    func reaches(_ source: Int, _ target: Int) -> Bool {
        reach[source * words + target / 64] & (1 << UInt64(target % 64)) != 0
    }
}
