/// Breadth-first searches specialised for hop lengths, used by betweenness and closeness when
/// every edge is one hop (``PathLength/hops``), which is their default.
///
/// ``ShortestPathScratch`` serves both hops and weighted lengths with `Double` distances. With hops
/// the distances are small integers, and the two measures need less than it records; these
/// searches keep only what each measure reads and give bit-for-bit the results of the general
/// path. Brandes' search handles every edge without a branch on which case applies (that depends
/// on the data, so such a branch is mispredicted often); closeness's search skips most edges.

/// One thread's working memory for Brandes' algorithm with hops, reused across sources.
///
/// The forward search records, for every reached node in breadth-first order, its out-edges that
/// lie on a shortest path (to a node one hop farther) as a run of `successors`. The backward
/// accumulation then reads those runs instead of rescanning every out-edge and comparing
/// distances, and the runs are in out-edge order, so the sums are the same as the rescan's.
///
/// The edge loop has no branch that depends on the data: every neighbour is written at the end of
/// the successor run and of the queue, and whether it is a successor, or new, advances each by 0
/// or 1; its σ gains `σ(v) · 0` or `σ(v) · 1`, and a new node's distance is chosen by masks.
/// Written as conditions (`if known == next`, or `paths` and `0` chosen per edge), the compiler
/// emits branches that follow the data, mispredicted on a large share of the edges; without them
/// the search on the 50k-edge Chung–Lu benchmark file takes about a quarter less time
/// (BENCHMARKS.md, "Exact betweenness on one thread"). Each σ receives the same additions in the
/// same order, so the results are bit for bit those of the branching loop.
struct BrandesHopScratch: ~Copyable {
    /// Hops from the source; -1 for nodes not reached.
    private let distance: UnsafeMutableBufferPointer<Int32>
    /// Number of shortest paths from the source (σ); 0 for nodes not reached.
    let pathCount: UnsafeMutableBufferPointer<Double>
    /// Reached nodes in breadth-first order, plus one slot: the search writes every neighbour at
    /// the end of the queue and advances only for a new one.
    let order: UnsafeMutableBufferPointer<Int32>
    /// `successors[successorStart[i] ..< successorStart[i + 1]]` are the shortest-path successors
    /// of `order[i]`.
    let successorStart: UnsafeMutableBufferPointer<Int>
    let successors: UnsafeMutableBufferPointer<Int32>
    /// How many entries of `order` the last search filled.
    private(set) var reachedCount = 0

    /// Scratch for a graph of `nodeCount` nodes and `edgeCount` edges: each edge is a successor
    /// at most once per search.
    init(nodeCount: Int, edgeCount: Int) {
        distance = .allocate(capacity: nodeCount)
        distance.initialize(repeating: -1)
        pathCount = .allocate(capacity: nodeCount)
        pathCount.initialize(repeating: 0)
        order = .allocate(capacity: nodeCount + 1)
        order.initialize(repeating: 0)
        successorStart = .allocate(capacity: nodeCount + 1)
        successorStart.initialize(repeating: 0)
        successors = .allocate(capacity: max(edgeCount, 1))
        successors.initialize(repeating: 0)
    }

    deinit {
        distance.deallocate()
        pathCount.deallocate()
        order.deallocate()
        successorStart.deallocate()
        successors.deallocate()
    }

    /// Shortest paths from `source` along `targets`, counting them and recording successors.
    mutating func search(from source: Int32, offsets: UnsafeBufferPointer<Int>, targets: UnsafeBufferPointer<Int32>) {
        for position in 0 ..< reachedCount {
            let node = Int(order[position])
            distance[node] = -1
            pathCount[node] = 0
        }
        distance[Int(source)] = 0
        pathCount[Int(source)] = 1
        order[0] = source
        var head = 0
        var tail = 1
        var successorCount = 0
        // `&+` below: positions stay below the node and edge counts, so they cannot overflow.
        // A node's path count is final once every node one hop nearer has been expanded, which
        // has happened by the time the node itself comes off the queue.
        while head < tail {
            let node = Int(order[head])
            successorStart[head] = successorCount
            head &+= 1
            let next = distance[node] &+ 1
            let paths = pathCount[node]
            for edge in offsets[node] ..< offsets[node + 1] {
                let neighbor = targets[edge]
                let known = distance[Int(neighbor)]
                // 1 when the neighbour is new (distance -1), else 0; and 1 when it is new or
                // already one hop farther (a successor), else 0: integer arithmetic, which the
                // compiler keeps branch-free, where comparisons become branches.
                let unseen = UInt32(bitPattern: known) >> 31
                let farther = UInt32(truncatingIfNeeded: (UInt64(UInt32(bitPattern: known ^ next)) &- 1) >> 63)
                let successor = Int(truncatingIfNeeded: farther | unseen)
                successors[successorCount] = neighbor
                successorCount &+= successor
                // σ gains `paths` or exactly 0.
                pathCount[Int(neighbor)] += paths * Double(successor)
                order[tail] = neighbor
                tail &+= Int(truncatingIfNeeded: unseen)
                // `next` for a new neighbour, `known` otherwise.
                distance[Int(neighbor)] = known ^ (Int32(bitPattern: 0 &- unseen) & (known ^ next))
            }
        }
        successorStart[tail] = successorCount
        reachedCount = tail
    }
}

/// One thread's working memory for the hop-distance sums of closeness, reused across sources.
///
/// Direction-optimising breadth-first search (Beamer, Asanović & Patterson 2012, "Direction-
/// optimizing breadth-first search", SC '12): while the frontier is small each level expands it
/// top-down, over its nodes' edges; once the frontier's edges outnumber a fraction of those still
/// unexplored, each level instead checks every unreached node for one parent in the frontier,
/// stopping at the first, which in a small-world graph skips most edges of the big middle levels.
/// Closeness needs only how many nodes each level holds, which both directions give exactly.
struct HopDistanceScratch: ~Copyable {
    /// Hops from the source; -1 for nodes not reached. Reset after each search from `queue`.
    private let distance: UnsafeMutableBufferPointer<Int32>
    /// Reached nodes, level after level.
    private let queue: UnsafeMutableBufferPointer<Int32>
    /// The nodes not reached yet, while searching bottom-up.
    private let unreached: UnsafeMutableBufferPointer<Int32>

    /// Beamer et al.'s switching constants: go bottom-up when the frontier's edges exceed 1/α of
    /// the unexplored ones, back to top-down when the frontier holds fewer than n/β nodes.
    private static let alpha = 14
    private static let beta = 24

    init(nodeCount: Int) {
        distance = .allocate(capacity: nodeCount)
        distance.initialize(repeating: -1)
        queue = .allocate(capacity: nodeCount)
        queue.initialize(repeating: 0)
        unreached = .allocate(capacity: nodeCount)
        unreached.initialize(repeating: 0)
    }

    deinit {
        distance.deallocate()
        queue.deallocate()
        unreached.deallocate()
    }

    /// The nodes reached from `source` along the rows of `forward` (the source included), the
    /// sum of their hop distances from it, and the out-edges of the reached nodes (the edges a
    /// top-down search would scan); `backward` is the transpose of `forward`.
    mutating func distanceSum(
        from source: Int32,
        forward: (offsets: UnsafeBufferPointer<Int>, targets: UnsafeBufferPointer<Int32>),
        backward: (offsets: UnsafeBufferPointer<Int>, targets: UnsafeBufferPointer<Int32>)
    ) -> (reached: Int, total: Int, outEdges: Int) {
        let nodeCount = distance.count
        let offsets = forward.offsets
        func degree(_ node: Int) -> Int { offsets[node + 1] - offsets[node] }
        distance[Int(source)] = 0
        queue[0] = source
        var levelStart = 0
        var tail = 1
        var level: Int32 = 0
        var total = 0
        var frontierEdges = degree(Int(source))
        var outEdges = frontierEdges
        var unexploredEdges = forward.targets.count - frontierEdges
        var bottomUp = false
        var unreachedCount = -1  // -1: the list is not built (or stale after top-down levels)
        while levelStart < tail {
            let levelEnd = tail
            let next = level + 1
            if bottomUp {
                bottomUp = levelEnd - levelStart >= nodeCount / Self.beta
            } else {
                bottomUp = frontierEdges * Self.alpha > unexploredEdges
            }
            if bottomUp {
                if unreachedCount < 0 {
                    unreachedCount = 0
                    for node in 0 ..< nodeCount where distance[node] < 0 {
                        unreached[unreachedCount] = Int32(node)
                        unreachedCount += 1
                    }
                }
                var kept = 0
                for index in 0 ..< unreachedCount {
                    let node = unreached[index]
                    var found = false
                    for edge in backward.offsets[Int(node)] ..< backward.offsets[Int(node) + 1]
                    where distance[Int(backward.targets[edge])] == level {
                        found = true
                        break
                    }
                    if found {
                        distance[Int(node)] = next
                        queue[tail] = node
                        tail += 1
                    } else {
                        unreached[kept] = node
                        kept += 1
                    }
                }
                unreachedCount = kept
            } else {
                unreachedCount = -1
                for position in levelStart ..< levelEnd {
                    let node = Int(queue[position])
                    for edge in offsets[node] ..< offsets[node + 1] {
                        let neighbor = Int(forward.targets[edge])
                        if distance[neighbor] < 0 {
                            distance[neighbor] = next
                            queue[tail] = Int32(neighbor)
                            tail += 1
                        }
                    }
                }
            }
            frontierEdges = 0
            for position in levelEnd ..< tail { frontierEdges += degree(Int(queue[position])) }
            outEdges += frontierEdges
            unexploredEdges -= frontierEdges
            total += Int(next) * (tail - levelEnd)
            levelStart = levelEnd
            level = next
        }
        for position in 0 ..< tail { distance[Int(queue[position])] = -1 }
        return (tail, total, outEdges)
    }
}
