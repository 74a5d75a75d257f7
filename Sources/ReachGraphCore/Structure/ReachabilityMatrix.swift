/// Which nodes reach which along edge direction, as one bit row per node.
///
/// Reflexive: every node reaches itself (a path of length 0), as sna's `reachability` counts it,
/// which Krackhardt's least upper bound needs (a boss is an upper bound of itself and its
/// subordinate).
///
/// - Complexity: O(V · (V + E)) time by one breadth-first search per node; O(V² / 64) words of
///   memory. Meant for structure-sized graphs (a province's roster), not whole networks.
public struct ReachabilityMatrix: Sendable {
    public let nodeCount: Int
    /// 64-bit words per row.
    let wordsPerRow: Int
    /// Row `i` holds the nodes reachable from `i`.
    let bits: [UInt64]

    public init(_ graph: DirectedGraph) {
        let count = graph.nodeCount
        let words = (count + 63) / 64
        var bits = [UInt64](repeating: 0, count: count * words)
        var queue = [Int32](repeating: 0, count: count)
        var seen = [Int](repeating: -1, count: count)
        for source in 0 ..< count {
            var head = 0, tail = 1
            queue[0] = Int32(source)
            seen[source] = source
            while head < tail {
                let node = Int(queue[head])
                head += 1
                bits[source * words + node / 64] |= 1 << UInt64(node % 64)
                for edge in graph.outgoing.offsets[node] ..< graph.outgoing.offsets[node + 1] {
                    let next = Int(graph.outgoing.neighbors[edge])
                    if seen[next] != source {
                        seen[next] = source
                        queue[tail] = Int32(next)
                        tail += 1
                    }
                }
            }
        }
        nodeCount = count
        wordsPerRow = words
        self.bits = bits
    }

    /// Whether `target` is reachable from `source` (always true when they are equal).
    @inline(__always)
    public func reaches(_ source: Int, _ target: Int) -> Bool {
        bits[source * wordsPerRow + target / 64] & (1 << UInt64(target % 64)) != 0
    }
}
