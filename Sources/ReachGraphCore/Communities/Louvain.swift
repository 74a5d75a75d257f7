/// Communities found by the Louvain method, with the modularity they reach.
public struct LouvainCommunities: Sendable, Equatable {
    /// The community of every node, numbered in order of each community's lowest node.
    public let partition: ComponentLabels
    /// Modularity of ``partition`` on the input graph (same resolution).
    public let modularity: Double
    /// Aggregation levels that moved at least one node.
    public let levels: Int
}

extension DirectedGraph {
    /// Communities by the Louvain method (Blondel, Guillaume, Lambiotte & Lefebvre 2008, "Fast
    /// unfolding of communities in large networks", J. Stat. Mech. P10008), on this graph read as
    /// undirected and weighted.
    ///
    /// Follows NetworkX's `louvain_communities`: each level visits the nodes in a seeded random
    /// order and moves each to the neighbouring community with the largest strictly positive
    /// modularity gain, repeating passes until no node moves; communities are then merged into
    /// single nodes (internal weight becomes a self-loop) and the next level runs on that graph.
    /// It stops when a level moves nothing or raises modularity by at most `threshold`, and returns
    /// the last partition. The random stream differs from Python's, so partitions can differ from
    /// NetworkX's for the same seed; their modularity is comparable (tests pin that).
    ///
    /// The graph must be symmetric, as ``modularity(of:resolution:)`` requires (use
    /// ``symmetrized()`` on a directed graph). A graph without edge weight gives every node its own
    /// community and modularity 0.
    ///
    /// - Parameters:
    ///   - resolution: `γ` of the modularity; above 1 favours smaller communities.
    ///   - threshold: the smallest modularity gain for which another level is run.
    ///   - seed: seeds the node order; the same seed gives the same communities on any machine.
    /// - Complexity: O(E) per pass, with few passes and levels in practice; O(V + E) memory.
    public func louvainCommunities(resolution: Double = 1, threshold: Double = 1e-7, seed: UInt64 = 0) -> LouvainCommunities {
        var level = LouvainLevel(self)
        var membership = (0 ..< Int32(nodeCount)).map { $0 }
        let total = level.totalWeight
        var levels = 0
        if total > 0 {
            var random = SplitMix64(seed: seed)
            var quality = level.modularity(of: Array(0 ..< Int32(level.nodeCount)), count: level.nodeCount, total: total, resolution: resolution)
            while true {
                guard let moved = level.movedNodes(total: total, resolution: resolution, random: &random) else { break }
                let dense = denseLabels(moved)
                for node in membership.indices { membership[node] = dense.labels[Int(membership[node])] }
                levels += 1
                let next = level.modularity(of: dense.labels, count: dense.count, total: total, resolution: resolution)
                if next - quality <= threshold { break }
                quality = next
                level = level.aggregated(by: dense.labels, count: dense.count)
            }
        }
        // Labels are dense after every level (and the identity before any), so max + 1 counts them.
        let partition = ComponentLabels(canonicalizing: membership, count: Int(membership.max() ?? -1) + 1)
        return LouvainCommunities(partition: partition, modularity: modularity(of: partition.labels, resolution: resolution), levels: levels)
    }
}

/// One level of the Louvain method: the (aggregated) graph as symmetric CSR rows without
/// self-loops, with self-loop weights and weighted degrees kept apart.
private struct LouvainLevel {
    var offsets: [Int]
    var neighbors: [Int32]
    var weights: [Double]
    /// Self-loop weight per node (internal weight of the community a node stands for).
    var loops: [Double]
    /// Weighted degree per node, self-loops counted twice.
    var degrees: [Double]

    /// Passes per level before giving up on convergence. Every move raises modularity, so passes
    /// end on their own; the cap only guards against rounding making two moves undo each other.
    static let passLimit = 1000

    var nodeCount: Int { loops.count }

    /// Total edge weight `m`: each tie once, each self-loop once.
    var totalWeight: Double { degrees.reduce(0, +) / 2 }

    init(_ graph: DirectedGraph) {
        let count = graph.nodeCount
        var offsets = [Int](repeating: 0, count: count + 1)
        var neighbors: [Int32] = []
        var weights: [Double] = []
        neighbors.reserveCapacity(graph.edgeCount)
        weights.reserveCapacity(graph.edgeCount)
        var loops = [Double](repeating: 0, count: count)
        var degrees = [Double](repeating: 0, count: count)
        for node in 0 ..< count {
            for edge in graph.outgoing.offsets[node] ..< graph.outgoing.offsets[node + 1] {
                let neighbor = graph.outgoing.neighbors[edge]
                let weight = graph.outgoing.weight(at: edge)
                if Int(neighbor) == node {
                    loops[node] += weight
                    degrees[node] += 2 * weight
                } else {
                    neighbors.append(neighbor)
                    weights.append(weight)
                    degrees[node] += weight
                }
            }
            offsets[node + 1] = neighbors.count
        }
        self.init(offsets: offsets, neighbors: neighbors, weights: weights, loops: loops, degrees: degrees)
    }

    init(offsets: [Int], neighbors: [Int32], weights: [Double], loops: [Double], degrees: [Double]) {
        self.offsets = offsets
        self.neighbors = neighbors
        self.weights = weights
        self.loops = loops
        self.degrees = degrees
    }

    /// Local moving: the community of each node after passes in a seeded random order, or `nil`
    /// when no node moved.
    ///
    /// The passes run on a copy of the level laid out in that order (node `order[p]` at position
    /// `p`, its row's neighbours renamed to their positions, in the same row order), so a pass
    /// reads the rows front to back instead of at random: on the 2.5M posts' repost graph the
    /// random row reads were about a fifth of Louvain's time. Renaming changes no decision (the
    /// candidates are met in the same order, every sum is taken in the same order), and the
    /// communities are renamed back: the partition is the one the random order gives in place.
    func movedNodes(total: Double, resolution: Double, random: inout SplitMix64) -> [Int32]? {
        let count = nodeCount
        var order = (0 ..< Int32(count)).map { $0 }
        for index in stride(from: count - 1, to: 0, by: -1) {
            // Lemire's multiply-high maps a 64-bit draw to 0 ... index without a division.
            let pick = Int(UInt64(index + 1).multipliedFullWidth(by: random.next()).high)
            order.swapAt(index, pick)
        }
        let visiting = laidOut(in: order)
        let moving = LocalMoving(degrees: visiting.degrees)
        defer { moving.deallocate() }
        let movedAny = visiting.offsets.withUnsafeBufferPointer { offsets in
            visiting.neighbors.withUnsafeBufferPointer { neighbors in
                visiting.weights.withUnsafeBufferPointer { weights in
                    visiting.degrees.withUnsafeBufferPointer { degrees in
                        moving.run(
                            offsets: offsets, neighbors: neighbors, weights: weights, degrees: degrees,
                            total: total, scale: resolution / (2 * total * total)
                        )
                    }
                }
            }
        }
        guard movedAny else { return nil }
        var community = [Int32](repeating: 0, count: count)
        for position in 0 ..< count { community[Int(order[position])] = order[Int(moving.community[position])] }
        return community
    }

    /// This level with node `order[p]` at position `p`: rows in that order, neighbours renamed to
    /// positions, each row's entries in their order here. Loops and weights go with their nodes.
    private func laidOut(in order: [Int32]) -> LouvainLevel {
        var position = [Int32](repeating: 0, count: nodeCount)
        for (index, node) in order.enumerated() { position[Int(node)] = Int32(index) }
        var newOffsets = [Int](repeating: 0, count: nodeCount + 1)
        var newNeighbors = [Int32](repeating: 0, count: neighbors.count)
        var newWeights = [Double](repeating: 0, count: neighbors.count)
        var newLoops = [Double](repeating: 0, count: nodeCount)
        var newDegrees = [Double](repeating: 0, count: nodeCount)
        var next = 0
        for (index, node) in order.enumerated() {
            let node = Int(node)
            for edge in offsets[node] ..< offsets[node + 1] {
                newNeighbors[next] = position[Int(neighbors[edge])]
                newWeights[next] = weights[edge]
                next += 1
            }
            newOffsets[index + 1] = next
            newLoops[index] = loops[node]
            newDegrees[index] = degrees[node]
        }
        return LouvainLevel(offsets: newOffsets, neighbors: newNeighbors, weights: newWeights, loops: newLoops, degrees: newDegrees)
    }

    /// Modularity of dense `labels` (`0 ..< count`) on this level's graph.
    func modularity(of labels: [Int32], count: Int, total: Double, resolution: Double) -> Double {
        var inside = [Double](repeating: 0, count: count)
        var degreeSums = [Double](repeating: 0, count: count)
        for node in 0 ..< nodeCount {
            let community = Int(labels[node])
            degreeSums[community] += degrees[node]
            inside[community] += loops[node]
            for edge in offsets[node] ..< offsets[node + 1] where Int(labels[Int(neighbors[edge])]) == community {
                inside[community] += weights[edge] / 2
            }
        }
        var quality = 0.0
        for community in 0 ..< count {
            let fraction = degreeSums[community] / (2 * total)
            quality += inside[community] / total - resolution * fraction * fraction
        }
        return quality
    }

    /// The graph of communities: one node per label, summed weights between them, and each
    /// community's internal weight as its self-loop.
    func aggregated(by labels: [Int32], count: Int) -> LouvainLevel {
        let builder = GraphBuilder(nodeCount: count, expectedEdgeCount: neighbors.count)
        var loops = [Double](repeating: 0, count: count)
        var degrees = [Double](repeating: 0, count: count)
        for node in 0 ..< nodeCount {
            let source = labels[node]
            loops[Int(source)] += self.loops[node]
            degrees[Int(source)] += self.degrees[node]
            for edge in offsets[node] ..< offsets[node + 1] {
                let target = labels[Int(neighbors[edge])]
                // Each tie appears in both rows; half from each makes the internal weight whole.
                if target == source { loops[Int(source)] += weights[edge] / 2 } else { builder.addEdge(from: source, to: target, weight: weights[edge]) }
            }
        }
        let rows = builder.build().outgoing
        let weights = rows.weights ?? [Double](repeating: 1, count: rows.neighbors.count)
        return LouvainLevel(offsets: rows.offsets, neighbors: rows.neighbors, weights: weights, loops: loops, degrees: degrees)
    }
}

/// The state of one level's local moving, in buffers of the level's node count: the pass loop
/// tests and updates a neighbour's community for every edge, so it runs on pointers.
private struct LocalMoving {
    let community: UnsafeMutableBufferPointer<Int32>
    /// Summed degree of each community's members.
    let totals: UnsafeMutableBufferPointer<Double>
    /// Weight from the node being moved to each community, nonzero only for `touched` ones.
    let linkWeight: UnsafeMutableBufferPointer<Double>
    /// The neighbouring communities of the node being moved, in first-seen order.
    let touched: UnsafeMutableBufferPointer<Int32>
    let isTouched: UnsafeMutableBufferPointer<Bool>

    /// Every node in a community of its own.
    init(degrees: [Double]) {
        let count = degrees.count
        community = .allocate(capacity: count)
        for node in 0 ..< count { community[node] = Int32(node) }
        totals = .allocate(capacity: count)
        _ = totals.initialize(from: degrees)
        linkWeight = .allocate(capacity: count)
        linkWeight.initialize(repeating: 0)
        touched = .allocate(capacity: count)
        touched.initialize(repeating: 0)
        isTouched = .allocate(capacity: count)
        isTouched.initialize(repeating: false)
    }

    func deallocate() {
        community.deallocate()
        totals.deallocate()
        linkWeight.deallocate()
        touched.deallocate()
        isTouched.deallocate()
    }

    /// Passes over the nodes in index order until none moves (or ``LouvainLevel/passLimit``), each
    /// moved to the neighbouring community of largest strictly positive gain. Returns whether any
    /// moved.
    func run(
        offsets: UnsafeBufferPointer<Int>,
        neighbors: UnsafeBufferPointer<Int32>,
        weights: UnsafeBufferPointer<Double>,
        degrees: UnsafeBufferPointer<Double>,
        total: Double,
        scale: Double
    ) -> Bool {
        var movedAny = false
        var passes = 0
        var moves = 1
        while moves > 0 && passes < LouvainLevel.passLimit {
            moves = 0
            passes += 1
            for index in 0 ..< degrees.count {
                var touchedCount = 0
                for edge in offsets[index] ..< offsets[index + 1] {
                    let target = Int(community[Int(neighbors[edge])])
                    if !isTouched[target] {
                        isTouched[target] = true
                        touched[touchedCount] = Int32(target)
                        touchedCount += 1
                    }
                    linkWeight[target] += weights[edge]
                }
                let degree = degrees[index]
                let own = Int(community[index])
                totals[own] -= degree
                let removal = -linkWeight[own] / total + totals[own] * degree * scale
                var best = own
                var bestGain = 0.0
                for candidate in touched[..<touchedCount] {
                    let target = Int(candidate)
                    let gain = removal + linkWeight[target] / total - totals[target] * degree * scale
                    if gain > bestGain {
                        bestGain = gain
                        best = target
                    }
                }
                totals[best] += degree
                if best != own {
                    community[index] = Int32(best)
                    moves += 1
                    movedAny = true
                }
                for candidate in touched[..<touchedCount] {
                    linkWeight[Int(candidate)] = 0
                    isTouched[Int(candidate)] = false
                }
            }
        }
        return movedAny
    }
}
