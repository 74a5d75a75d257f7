/// Why arrays or edges handed to a graph initialiser do not describe a graph, or a per-node array
/// does not fit its graph.
///
/// The kernels read a graph's CSR arrays through unchecked buffer pointers, so one node index
/// outside `0 ..< nodeCount` would read or write outside the arrays. Every way in checks once,
/// in O(V + E), and the kernels need not:
///
/// - ``Adjacency/init(offsets:neighbors:weights:)`` takes arrays a program assembled, often from
///   a file; it throws this error.
/// - ``GraphBuilder`` and ``DirectedGraph/init(nodeCount:edges:)`` take node indices the caller
///   already holds; a negative or out-of-range index is a programming error and stops the
///   program with a precondition failure whose message is this error's description, as an array
///   index out of range does.
/// - ``DirectedGraph/modularity(of:resolution:)`` takes one community label per node; a label
///   array of another length fails its precondition the same way.
public enum GraphInputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A node count below 0.
    case negativeNodeCount(Int)
    /// Edge number `edge` (0-based, in the order given) names `node`, which is negative or, when
    /// the node count is fixed, not below `nodeCount`.
    case nodeOutOfRange(edge: Int, node: Int, nodeCount: Int?)
    /// Edge arrays of different lengths.
    case edgeArrayLengths(sources: Int, targets: Int, weights: Int?)
    /// CSR offsets that do not start at 0, decrease, or do not end at the number of neighbours.
    case invalidOffsets(String)
    /// A weight array whose length is not the number of neighbours.
    case weightCount(weights: Int, neighbors: Int)
    /// A row whose neighbours are not strictly ascending (out of order or repeated).
    case unsortedRow(node: Int)
    /// A per-node label array with `labels` entries for a graph of `nodeCount` nodes.
    case labelCount(labels: Int, nodeCount: Int)

    public var description: String {
        switch self {
        case .negativeNodeCount(let count):
            "node count \(count) is negative"
        case .nodeOutOfRange(let edge, let node, let nodeCount?):
            "edge \(edge) names node \(node), outside 0..<\(nodeCount)"
        case .nodeOutOfRange(let edge, let node, nil):
            "edge \(edge) names node \(node); node indices are non-negative"
        case .edgeArrayLengths(let sources, let targets, let weights?):
            "edge arrays differ in length: \(sources) sources, \(targets) targets, \(weights) weights"
        case .edgeArrayLengths(let sources, let targets, nil):
            "edge arrays differ in length: \(sources) sources, \(targets) targets"
        case .invalidOffsets(let reason):
            "invalid CSR offsets: \(reason)"
        case .weightCount(let weights, let neighbors):
            "\(weights) weights for \(neighbors) neighbours"
        case .unsortedRow(let node):
            "the neighbours of node \(node) are not strictly ascending"
        case .labelCount(let labels, let nodeCount):
            "\(labels) labels for \(nodeCount) nodes; give one per node"
        }
    }
}

extension GraphInputError {
    /// The error for edge number `edge`, `source → target`, in a graph of `nodeCount` nodes (`nil`:
    /// any non-negative index is allowed and grows the graph), or `nil` when the edge is valid.
    @inline(__always)
    static func endpoints(_ source: Int32, _ target: Int32, edge: Int, nodeCount: Int?) -> GraphInputError? {
        let limit = nodeCount ?? Int(Int32.max) + 1
        if source < 0 || Int(source) >= limit { return .nodeOutOfRange(edge: edge, node: Int(source), nodeCount: nodeCount) }
        if target < 0 || Int(target) >= limit { return .nodeOutOfRange(edge: edge, node: Int(target), nodeCount: nodeCount) }
        return nil
    }

    /// The error for `labels` per-node labels in a graph of `nodeCount` nodes, or `nil`.
    static func labels(_ labels: Int, nodeCount: Int) -> GraphInputError? {
        labels == nodeCount ? nil : .labelCount(labels: labels, nodeCount: nodeCount)
    }

    /// The error for a node count below 0, or `nil`.
    static func nodeCount(_ count: Int) -> GraphInputError? {
        count < 0 ? .negativeNodeCount(count) : nil
    }

    /// The first error in parallel edge arrays: unequal lengths, then a negative node index (any
    /// non-negative index is allowed: the graph grows to cover it); `nil` when they are valid.
    /// - Complexity: O(E).
    static func edgeArrays(sources: [Int32], targets: [Int32], weights: [Double]?) -> GraphInputError? {
        guard sources.count == targets.count && (weights?.count ?? sources.count) == sources.count else {
            return .edgeArrayLengths(sources: sources.count, targets: targets.count, weights: weights?.count)
        }
        // One pass for the smallest index; only a failure looks for which edge it was.
        var smallest: Int32 = 0
        for array in [sources, targets] {
            array.withUnsafeBufferPointer { nodes in
                for node in nodes { smallest = min(smallest, node) }
            }
        }
        guard smallest < 0 else { return nil }
        let edge = sources.indices.first { sources[$0] < 0 || targets[$0] < 0 } ?? 0
        return .nodeOutOfRange(edge: edge, node: Int(sources[edge] < 0 ? sources[edge] : targets[edge]), nodeCount: nil)
    }

    /// The first reason the arrays do not form an ``Adjacency`` of `offsets.count − 1` nodes, or
    /// `nil` when they do.
    /// - Complexity: O(V + E).
    static func adjacency(offsets: [Int], neighbors: [Int32], weights: [Double]?) -> GraphInputError? {
        guard let first = offsets.first, let last = offsets.last else {
            return .invalidOffsets("there must be nodeCount + 1 offsets, at least one")
        }
        guard first == 0 else { return .invalidOffsets("the first offset is \(first), not 0") }
        guard last == neighbors.count else {
            return .invalidOffsets("the last offset is \(last), not the number of neighbours \(neighbors.count)")
        }
        if let weights, weights.count != neighbors.count {
            return .weightCount(weights: weights.count, neighbors: neighbors.count)
        }
        let nodeCount = offsets.count - 1
        guard nodeCount <= Int(Int32.max) else { return .invalidOffsets("\(nodeCount) nodes do not fit Int32 indices") }
        return offsets.withUnsafeBufferPointer { offsets in
            neighbors.withUnsafeBufferPointer { neighbors in
                for node in 0 ..< nodeCount {
                    let start = offsets[node], end = offsets[node + 1]
                    guard start <= end else {
                        return .invalidOffsets("offset \(node + 1) (\(end)) is below offset \(node) (\(start))")
                    }
                    var previous: Int32 = -1
                    for edge in start ..< end {
                        let neighbor = neighbors[edge]
                        guard neighbor >= 0 && Int(neighbor) < nodeCount else {
                            return .nodeOutOfRange(edge: edge, node: Int(neighbor), nodeCount: nodeCount)
                        }
                        guard neighbor > previous else { return .unsortedRow(node: node) }
                        previous = neighbor
                    }
                }
                return nil
            }
        }
    }
}
