/// One direction of a graph's adjacency together with the length of every edge.
///
/// Built once per measure and shared read-only by all threads.
struct MeasuredAdjacency: Sendable {
    let adjacency: Adjacency
    /// Edge lengths parallel to `adjacency.neighbors` (NaN marks an unusable edge), or `nil` when
    /// every edge is one hop.
    let lengths: [Double]?

    init(_ adjacency: Adjacency, pathLength: PathLength) {
        self.adjacency = adjacency
        lengths = pathLength.edgeLengths(of: adjacency)
    }

    /// Calls `body` with raw views of the arrays; the views are valid only during the call.
    func withBuffers<Result>(_ body: (LengthBuffers) -> Result) -> Result {
        adjacency.offsets.withUnsafeBufferPointer { offsets in
            adjacency.neighbors.withUnsafeBufferPointer { targets in
                guard let lengths else {
                    return body(LengthBuffers(offsets: offsets, targets: targets, lengths: nil))
                }
                return lengths.withUnsafeBufferPointer { lengths in
                    body(LengthBuffers(offsets: offsets, targets: targets, lengths: lengths))
                }
            }
        }
    }
}

/// Raw views of a ``MeasuredAdjacency`` for the search loops, which would otherwise pay for
/// bounds checks and copy-on-write checks on every edge.
struct LengthBuffers {
    let offsets: UnsafeBufferPointer<Int>
    let targets: UnsafeBufferPointer<Int32>
    /// `nil`: every edge is one hop.
    let lengths: UnsafeBufferPointer<Double>?
}

/// One thread's working memory for single-source shortest-path searches, reused across sources.
///
/// A search touches only the nodes it reaches, and the next search resets only those, so a source
/// in a small component costs time proportional to that component rather than to the graph.
/// Unweighted searches are breadth-first; weighted ones are Dijkstra's algorithm with an indexed
/// binary heap keyed on `distance` (decrease-key in place, so the heap never exceeds n entries).
struct ShortestPathScratch: ~Copyable {
    /// Distance from the source; +∞ for nodes not reached.
    let distance: UnsafeMutableBufferPointer<Double>
    /// Number of shortest paths from the source (σ in Brandes 2001); 0 for nodes not reached.
    let pathCount: UnsafeMutableBufferPointer<Double>
    /// Reached nodes in non-decreasing distance (breadth-first or settling order).
    let order: UnsafeMutableBufferPointer<Int32>
    /// How many entries of `order` the last search filled. After a search that ran to the end this
    /// is every reached node; after an early stop a breadth-first search also counts nodes
    /// discovered but not yet expanded.
    private(set) var orderCount = 0
    private let heap: UnsafeMutableBufferPointer<Int32>
    /// Index of each node in `heap`, or -1 when it is not there.
    private let heapPosition: UnsafeMutableBufferPointer<Int32>
    private var heapCount = 0

    /// Scratch for a graph of `nodeCount` nodes; `weighted` adds the heap Dijkstra needs.
    init(nodeCount: Int, weighted: Bool) {
        distance = .allocate(capacity: nodeCount)
        distance.initialize(repeating: .infinity)
        pathCount = .allocate(capacity: nodeCount)
        pathCount.initialize(repeating: 0)
        order = .allocate(capacity: nodeCount)
        order.initialize(repeating: 0)
        let heapCapacity = weighted ? nodeCount : 0
        heap = .allocate(capacity: heapCapacity)
        heap.initialize(repeating: 0)
        heapPosition = .allocate(capacity: heapCapacity)
        heapPosition.initialize(repeating: -1)
    }

    deinit {
        distance.deallocate()
        pathCount.deallocate()
        order.deallocate()
        heap.deallocate()
        heapPosition.deallocate()
    }

    /// Shortest paths from `source` along the edges of `graph`.
    ///
    /// - Parameters:
    ///   - countingPaths: also count shortest paths into `pathCount` (closeness does not need them).
    ///   - target: stop as soon as this node's distance and path count are final; -1 runs to the end.
    mutating func search(from source: Int32, in graph: LengthBuffers, countingPaths: Bool, stoppingAt target: Int32 = -1) {
        reset()
        if let lengths = graph.lengths {
            dijkstra(from: source, graph: graph, lengths: lengths, countingPaths: countingPaths, target: target)
        } else {
            breadthFirst(from: source, graph: graph, countingPaths: countingPaths, target: target)
        }
    }

    /// Clears what the previous search wrote.
    private mutating func reset() {
        for index in 0 ..< orderCount {
            let node = Int(order[index])
            distance[node] = .infinity
            pathCount[node] = 0
        }
        // After an early stop, nodes still queued in the heap were reached but never settled.
        for index in 0 ..< heapCount {
            let node = Int(heap[index])
            distance[node] = .infinity
            pathCount[node] = 0
            heapPosition[node] = -1
        }
        orderCount = 0
        heapCount = 0
    }

    private mutating func breadthFirst(from source: Int32, graph: LengthBuffers, countingPaths: Bool, target: Int32) {
        let offsets = graph.offsets
        let targets = graph.targets
        distance[Int(source)] = 0
        pathCount[Int(source)] = 1
        order[0] = source
        var head = 0
        var tail = 1
        // `&+` below: positions stay below the node count, so they cannot overflow.
        // A node's path count is final once every node one hop nearer has been expanded, which
        // has happened by the time the node itself comes off the queue.
        while head < tail {
            let node = order[head]
            head &+= 1
            if node == target { break }
            let next = distance[Int(node)] + 1
            let paths = pathCount[Int(node)]
            for edge in offsets[Int(node)] ..< offsets[Int(node) + 1] {
                let neighbor = Int(targets[edge])
                let known = distance[neighbor]
                if known == .infinity {
                    distance[neighbor] = next
                    pathCount[neighbor] = paths
                    order[tail] = Int32(truncatingIfNeeded: neighbor)
                    tail &+= 1
                } else if countingPaths && known == next {
                    pathCount[neighbor] += paths
                }
            }
        }
        orderCount = tail
    }

    private mutating func dijkstra(from source: Int32, graph: LengthBuffers, lengths: UnsafeBufferPointer<Double>, countingPaths: Bool, target: Int32) {
        let offsets = graph.offsets
        let targets = graph.targets
        distance[Int(source)] = 0
        pathCount[Int(source)] = 1
        push(source)
        while heapCount > 0 {
            let node = popMinimum()
            order[orderCount] = node
            orderCount += 1
            if node == target { break }
            let reached = distance[Int(node)]
            let paths = pathCount[Int(node)]
            for edge in offsets[Int(node)] ..< offsets[Int(node) + 1] {
                let neighbor = Int(targets[edge])
                // NaN lengths (unusable edges) fail both comparisons below.
                let candidate = reached + lengths[edge]
                let known = distance[neighbor]
                if candidate < known {
                    distance[neighbor] = candidate
                    pathCount[neighbor] = paths
                    let slot = Int(heapPosition[neighbor])
                    if slot < 0 { push(Int32(neighbor)) } else { siftUp(from: slot) }
                } else if countingPaths && candidate == known {
                    // Exact equality, as NetworkX tests `vw_dist == seen[w]`, so both count the
                    // same set of tied paths.
                    pathCount[neighbor] += paths
                }
            }
        }
    }

    private mutating func push(_ node: Int32) {
        heap[heapCount] = node
        heapPosition[Int(node)] = Int32(heapCount)
        heapCount += 1
        siftUp(from: heapCount - 1)
    }

    private mutating func popMinimum() -> Int32 {
        let minimum = heap[0]
        heapPosition[Int(minimum)] = -1
        heapCount -= 1
        if heapCount > 0 {
            let last = heap[heapCount]
            siftDown(last, from: 0)
        }
        return minimum
    }

    private func siftUp(from start: Int) {
        var slot = start
        let node = heap[slot]
        let key = distance[Int(node)]
        while slot > 0 {
            let parentSlot = (slot - 1) / 2
            let parent = heap[parentSlot]
            if distance[Int(parent)] <= key { break }
            heap[slot] = parent
            heapPosition[Int(parent)] = Int32(slot)
            slot = parentSlot
        }
        heap[slot] = node
        heapPosition[Int(node)] = Int32(slot)
    }

    private func siftDown(_ node: Int32, from start: Int) {
        var slot = start
        let key = distance[Int(node)]
        while true {
            let left = 2 * slot + 1
            if left >= heapCount { break }
            var child = left
            let right = left + 1
            if right < heapCount && distance[Int(heap[right])] < distance[Int(heap[left])] { child = right }
            let childNode = heap[child]
            if distance[Int(childNode)] >= key { break }
            heap[slot] = childNode
            heapPosition[Int(childNode)] = Int32(slot)
            slot = child
        }
        heap[slot] = node
        heapPosition[Int(node)] = Int32(slot)
    }
}
