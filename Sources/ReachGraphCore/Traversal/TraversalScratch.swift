// Traversal buffers and the breadth-first search they serve: Monte Carlo runs, reverse-reachable
// sets, CELF and the betweenness cost estimate all walk the graph this way.

/// Per-thread buffers for one traversal at a time: a visited stamp per node and a queue, plus
/// the linear-threshold simulation's per-node influence and threshold when asked for.
///
/// Stamps avoid clearing node-sized arrays between runs: a node is visited in the current
/// traversal (and its `influence` and `threshold` are meaningful) when its stamp equals
/// ``current``.
final class TraversalScratch {
    var stamps: [UInt32]
    var queue: [Int32]
    var influence: [Double]
    var threshold: [Double]
    private(set) var current: UInt32 = 0

    init(nodeCount: Int, thresholdBuffers: Bool = false) {
        stamps = [UInt32](repeating: 0, count: nodeCount)
        queue = [Int32](repeating: 0, count: nodeCount)
        influence = thresholdBuffers ? [Double](repeating: 0, count: nodeCount) : []
        threshold = thresholdBuffers ? [Double](repeating: 0, count: nodeCount) : []
    }

    /// Starts a traversal and returns its stamp: afterwards no node counts as visited.
    ///
    /// Takes the stamp array as the pointer the caller already holds, so starting a traversal
    /// never re-enters `stamps` while it is being accessed.
    @inline(__always)
    func beginTraversal(stamps: UnsafeMutableBufferPointer<UInt32>) -> UInt32 {
        current &+= 1
        if current == 0 {
            stamps.update(repeating: 0)
            current = 1
        }
        return current
    }

    /// Starts a traversal from `seeds` (without repeats): stamps them and puts them at the head
    /// of the queue, in order. Returns the stamp.
    @inline(__always)
    func beginTraversal<Seeds: Collection<Int32>>(
        from seeds: Seeds,
        stamps: UnsafeMutableBufferPointer<UInt32>,
        queue: UnsafeMutableBufferPointer<Int32>
    ) -> UInt32 {
        let stamp = beginTraversal(stamps: stamps)
        for (index, node) in seeds.enumerated() {
            stamps[Int(node)] = stamp
            queue[index] = node
        }
        return stamp
    }

    /// Calls `body` with `adjacency`'s rows and this scratch's stamps and queue as pointers, the
    /// way every traversal holds them.
    @inline(__always)
    func withBuffers<Result>(
        walking adjacency: Adjacency,
        _ body: (
            _ offsets: UnsafeBufferPointer<Int>,
            _ neighbors: UnsafeBufferPointer<Int32>,
            _ stamps: UnsafeMutableBufferPointer<UInt32>,
            _ queue: UnsafeMutableBufferPointer<Int32>
        ) -> Result
    ) -> Result {
        adjacency.offsets.withUnsafeBufferPointer { offsets in
            adjacency.neighbors.withUnsafeBufferPointer { neighbors in
                stamps.withUnsafeMutableBufferPointer { stamps in
                    queue.withUnsafeMutableBufferPointer { queue in body(offsets, neighbors, stamps, queue) }
                }
            }
        }
    }
}

/// Breadth-first search from the `tail` nodes already in `queue[0 ..< tail]` (and stamped):
/// `expand` is called with each node in turn, a test for nodes not yet stamped and a function
/// that stamps a node and appends it to the queue. Returns the new tail: `queue[0 ..< result]`
/// is everything reached.
@inline(__always)
func breadthFirstSearch(
    stamps: UnsafeMutableBufferPointer<UInt32>,
    stamp: UInt32,
    queue: UnsafeMutableBufferPointer<Int32>,
    tail start: Int,
    expand: (_ node: Int, _ isNew: (Int32) -> Bool, _ enqueue: (Int32) -> Void) -> Void
) -> Int {
    var head = 0
    var tail = start
    while head < tail {
        let node = Int(queue[head])
        head += 1
        expand(
            node,
            { stamps[Int($0)] != stamp },
            { next in
                stamps[Int(next)] = stamp
                queue[tail] = next
                tail += 1
            }
        )
    }
    return tail
}
