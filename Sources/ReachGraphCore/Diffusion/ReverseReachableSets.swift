import Foundation

/// Reverse-reachable (RR) sets stored flat: set `i` is `members[offsets[i] ..< offsets[i + 1]]`.
///
/// An RR set is the set of nodes that would have activated a uniformly random root in one
/// random live-edge graph. A seed set's expected spread is `nodeCount` times the chance that it
/// meets a random RR set (Borgs, Brautbar, Chayes & Lucier, SODA 2014), which is what IMM
/// estimates. Two flat arrays instead of an array per set keep millions of tiny sets cheap.
struct ReverseReachableSets {
    var offsets: [Int] = [0]
    var members: [Int32] = []

    var count: Int { offsets.count - 1 }
}

/// Draws RR sets for one diffusion model, with the model's data in `incoming.neighbors` order.
enum ReverseReachableSampler {
    /// IC with one probability: a reverse breadth-first search from the root keeps each in-edge
    /// with probability `p`.
    case uniformCascade(Double)
    /// IC with a probability per edge: the same search, each in-row's coins tossed by
    /// ``DescendingCoins``, built once here (a sort of every in-row) for every batch of sets.
    case perEdgeCascade(DescendingCoins)
    /// LT: a reverse random walk from the root that picks, at each node `v`, in-neighbour `u`
    /// with probability `b(u, v)` (stopping with the remaining probability, or on a node already
    /// in the set). `cumulative` holds each in-row's running sums of `b`.
    case threshold(cumulative: [Double])

    /// The sampler for `model` on `graph`, with the model checked.
    init(model: DiffusionModel, graph: DirectedGraph) throws(DiffusionError) {
        switch model {
        case .independentCascade(let cascade):
            switch try graph.cascadeProbabilities(cascade) {
            case .uniform(let probability): self = .uniformCascade(probability)
            case .perEdge(let values): self = .perEdgeCascade(DescendingCoins(graph.incoming, probabilities: graph.incomingOrder(of: values)))
            }
        case .linearThreshold(let threshold):
            var cumulative = graph.incomingOrder(of: try graph.thresholdWeights(threshold))
            for node in 0 ..< graph.nodeCount {
                var running = 0.0
                for slot in graph.incoming.offsets[node] ..< graph.incoming.offsets[node + 1] {
                    running += cumulative[slot]
                    cumulative[slot] = running
                }
            }
            self = .threshold(cumulative: cumulative)
        }
    }

    /// Appends the RR sets with indices `indices` to `sets`; set `i` is drawn from
    /// `SplitMix64(seed: streamSeed).split(i)`, so the collection is the same whatever the
    /// parallelism, and growing it later in steps gives the same sets as drawing them at once.
    /// - Complexity: O(total size of the sets + the in-edges their members scan) time.
    func append(_ indices: Range<Int>, to sets: inout ReverseReachableSets, graph: DirectedGraph, streamSeed: UInt64, parallelism: Parallelism) {
        switch self {
        case .uniformCascade(let probability):
            append(indices, to: &sets, graph: graph, streamSeed: streamSeed, parallelism: parallelism) { scratch, generator in
                reverseSearch(graph: graph, scratch: scratch, generator: &generator, keeps: UniformTrials(probability: probability))
            }
        case .perEdgeCascade(let coins):
            coins.withRows { coins in
                append(indices, to: &sets, graph: graph, streamSeed: streamSeed, parallelism: parallelism) { scratch, generator in
                    reverseSearch(graph: graph, scratch: scratch, generator: &generator, keeps: coins)
                }
            }
        case .threshold(let cumulative):
            cumulative.withUnsafeBufferPointer { cumulative in
                append(indices, to: &sets, graph: graph, streamSeed: streamSeed, parallelism: parallelism) { scratch, generator in
                    reverseWalk(graph: graph, scratch: scratch, generator: &generator, cumulative: cumulative)
                }
            }
        }
    }

    /// Draws the sets in parallel chunks and concatenates them in index order. `draw` leaves one
    /// set in `scratch.queue[0 ..< result]`.
    private func append(
        _ indices: Range<Int>,
        to sets: inout ReverseReachableSets,
        graph: DirectedGraph,
        streamSeed: UInt64,
        parallelism: Parallelism,
        draw: (TraversalScratch, inout SplitMix64) -> Int
    ) {
        guard !indices.isEmpty, graph.nodeCount > 0 else { return }
        let chunkSize = parallelism.chunkSize(for: indices.count, minimum: 1024)
        let chunkCount = (indices.count + chunkSize - 1) / chunkSize
        var chunks = [ReverseReachableSets?](repeating: nil, count: chunkCount)
        chunks.withUnsafeMutableBufferPointer { chunks in
            _ = forEachChunk(
                of: indices.count, chunkSize: chunkSize, parallelism: parallelism,
                makeScratch: { TraversalScratch(nodeCount: graph.nodeCount) },
                body: { scratch, range in
                    var chunk = ReverseReachableSets()
                    chunk.offsets.reserveCapacity(range.count + 1)
                    for index in range {
                        var generator = runGenerator(seed: streamSeed, index: indices.lowerBound + index)
                        let size = draw(scratch, &generator)
                        chunk.members.append(contentsOf: scratch.queue[0 ..< size])
                        chunk.offsets.append(chunk.members.count)
                    }
                    chunks[range.lowerBound / chunkSize] = chunk
                }
            )
        }
        sets.offsets.reserveCapacity(sets.offsets.count + indices.count)
        for index in chunks.indices {
            guard let chunk = chunks[index] else { continue }
            chunks[index] = nil // release each chunk once copied, keeping the peak near one copy
            let base = sets.members.count
            sets.members.append(contentsOf: chunk.members)
            for offset in chunk.offsets.dropFirst() { sets.offsets.append(base + offset) }
        }
    }
}

/// Decides which in-edges of a node a reverse search keeps.
private protocol InEdgeCoins {
    /// Calls `offer` with the source of every kept in-edge among `slots` (indices into
    /// `incoming.neighbors`), drawing from `generator`; `wanted` lets a rule skip drawing for
    /// sources already in the set.
    func forEachKept(
        _ slots: Range<Int>,
        neighbors: UnsafeBufferPointer<Int32>,
        using generator: inout SplitMix64,
        wanted: (Int32) -> Bool,
        offer: (Int32) -> Void
    )
}

/// One probability for every edge: geometric jumps between kept edges, so a hub's in-row costs
/// draws in proportion to what it keeps (as in ``UniformCascadeEdges``).
extension UniformTrials: InEdgeCoins {}

/// A probability per edge (in `incoming.neighbors` order): the in-row's coins tossed by
/// ``DescendingCoins`` from the set's generator, about two draws per member under the weighted
/// cascade (whose in-probabilities sum to 1) instead of one per in-edge.
extension DescendingCoins.Rows: InEdgeCoins {
    @inline(__always)
    func forEachKept(
        _ slots: Range<Int>,
        neighbors _: UnsafeBufferPointer<Int32>,
        using generator: inout SplitMix64,
        wanted: (Int32) -> Bool,
        offer: (Int32) -> Void
    ) {
        forEachKept(slots, using: &generator, wanted: wanted, offer: offer)
    }
}

/// One IC RR set: a random root, then a breadth-first search against edge direction keeping
/// each in-edge with its probability. Each in-row is decided once, when its node joins the set,
/// which is the live-edge sample restricted to what matters.
@inline(__always)
private func reverseSearch<Coins: InEdgeCoins>(graph: DirectedGraph, scratch: TraversalScratch, generator: inout SplitMix64, keeps coins: Coins) -> Int {
    let root = Int32(generator.nextIndex(below: graph.nodeCount))
    return scratch.withBuffers(walking: graph.incoming) { offsets, neighbors, stamps, queue in
        let stamp = scratch.beginTraversal(from: CollectionOfOne(root), stamps: stamps, queue: queue)
        return breadthFirstSearch(stamps: stamps, stamp: stamp, queue: queue, tail: 1) { node, isNew, enqueue in
            coins.forEachKept(offsets[node] ..< offsets[node + 1], neighbors: neighbors, using: &generator, wanted: isNew, offer: enqueue)
        }
    }
}

/// One LT RR set: a random root, then a reverse random walk choosing one in-neighbour by weight
/// (binary search in the in-row's running sums) until it stops or revisits the set.
@inline(__always)
private func reverseWalk(graph: DirectedGraph, scratch: TraversalScratch, generator: inout SplitMix64, cumulative: UnsafeBufferPointer<Double>) -> Int {
    let root = Int32(generator.nextIndex(below: graph.nodeCount))
    return scratch.withBuffers(walking: graph.incoming) { offsets, neighbors, stamps, queue in
        let stamp = scratch.beginTraversal(from: CollectionOfOne(root), stamps: stamps, queue: queue)
        var tail = 1
        var node = Int(root)
        while true {
            let start = offsets[node]
            let end = offsets[node + 1]
            guard start < end else { break }
            let draw = generator.nextUnitInterval()
            guard draw < cumulative[end - 1] else { break }
            var low = start
            var high = end - 1
            while low < high { // first slot whose running sum exceeds the draw
                let middle = (low + high) / 2
                if cumulative[middle] > draw { high = middle } else { low = middle + 1 }
            }
            let source = neighbors[low]
            guard stamps[Int(source)] != stamp else { break }
            stamps[Int(source)] = stamp
            queue[tail] = source
            tail += 1
            node = Int(source)
        }
        return tail
    }
}
