extension DirectedGraph {
    /// CELF (Leskovec et al., KDD 2007) over `runs` fixed live-edge samples; see
    /// ``maximizeInfluence(k:model:method:seed:parallelism:)``. `k` is at most `nodeCount`.
    func selectSeedsByCELF(
        k: Int,
        model: DiffusionModel,
        runs: Int,
        seed: UInt64,
        parallelism: Parallelism
    ) throws(DiffusionError) -> InfluenceMaximizationResult {
        switch model {
        case .independentCascade(let cascade):
            switch try cascadeProbabilities(cascade) {
            case .uniform(let probability):
                return lazyGreedy(k: k, rule: UniformCascadeEdges(probability: probability), runs: runs, seed: seed, parallelism: parallelism)
            case .perEdge(let probabilities):
                return PerEdgeCascadeEdges.withRule(probabilities: probabilities, graph: self) { rule in
                    lazyGreedy(k: k, rule: rule, runs: runs, seed: seed, parallelism: parallelism)
                }
            }
        case .linearThreshold(let threshold):
            let bounds = ThresholdLiveEdges.sliceBounds(of: try thresholdWeights(threshold), in: self)
            return bounds.lower.withUnsafeBufferPointer { lower in
                bounds.upper.withUnsafeBufferPointer { upper in
                    lazyGreedy(k: k, rule: ThresholdLiveEdges(lower: lower, upper: upper), runs: runs, seed: seed, parallelism: parallelism)
                }
            }
        }
    }

    /// Lazy greedy over the live-edge samples of `rule`: the estimate of σ(S) is the mean over
    /// samples of the number of nodes reached from S. It is submodular, so a node's last computed
    /// gain bounds its current one, and a node whose fresh gain tops every bound is the greedy
    /// choice (Minoux 1978's accelerated greedy). Gains are compared as integer totals over the
    /// samples, so ties are exact and go to the lower index, as in plain greedy.
    func lazyGreedy<Rule: LiveEdgeRule>(k: Int, rule: Rule, runs: Int, seed: UInt64, parallelism: Parallelism) -> InfluenceMaximizationResult {
        let coverage = SampleCoverage(graph: self, rule: rule, runs: runs, seed: seed)
        // Round 0: every node's gain on its own, parallel over nodes.
        var initialGains = [Int](repeating: 0, count: nodeCount)
        initialGains.withUnsafeMutableBufferPointer { gains in
            _ = forEachChunk(
                of: nodeCount, chunkSize: parallelism.chunkSize(for: nodeCount, minimum: 1), parallelism: parallelism,
                makeScratch: { TraversalScratch(nodeCount: nodeCount) },
                body: { scratch, nodes in
                    for node in nodes { gains[node] = coverage.gain(of: Int32(node), runs: 0 ..< runs, scratch: scratch) }
                }
            )
        }
        var queue = LazyGainQueue(gains: initialGains)
        var seeds: [Int32] = []
        var gains: [Int] = []
        while seeds.count < k, let top = queue.popMax() {
            if top.round == seeds.count {
                coverage.cover(top.node, parallelism: parallelism)
                seeds.append(top.node)
                gains.append(top.gain)
            } else {
                let gain = coverage.gain(of: top.node, parallelism: parallelism)
                queue.insert((gain, top.node, seeds.count))
            }
        }
        return InfluenceMaximizationResult(
            seeds: seeds,
            estimatedSpread: Double(gains.reduce(0, +)) / Double(runs),
            marginalGains: gains.map { Double($0) / Double(runs) },
            sampleCount: runs
        )
    }
}

/// The nodes the chosen seeds reach in each live-edge sample, as one bit row per sample.
///
/// A node reached in a sample makes everything it reaches reached too, so a new node's gain in
/// that sample is the search from it that stops at reached nodes.
private final class SampleCoverage<Rule: LiveEdgeRule> {
    // Shared by worker threads: they read `bits` concurrently while measuring gains and write disjoint rows
    // (one per sample) while covering; the two never overlap in time. The rows live in memory
    // the class owns, not an array, so concurrent row writes never touch shared array state.
    private let graph: DirectedGraph
    private let rule: Rule
    private let keys: [UInt64]
    private let wordsPerRow: Int
    private let bits: UnsafeMutableBufferPointer<UInt64>

    init(graph: DirectedGraph, rule: Rule, runs: Int, seed: UInt64) {
        self.graph = graph
        self.rule = rule
        // Run r uses the same key as run r of `simulateIndependentCascade` with this seed.
        keys = (0 ..< runs).map { runKey(seed: seed, index: $0) }
        wordsPerRow = (graph.nodeCount + 63) / 64
        bits = .allocate(capacity: runs * wordsPerRow)
        bits.initialize(repeating: 0)
    }

    deinit {
        bits.deallocate()
    }

    /// The total over all samples of the nodes `node` would newly reach, parallel over samples.
    func gain(of node: Int32, parallelism: Parallelism) -> Int {
        let partials = forEachChunk(
            of: keys.count, chunkSize: parallelism.chunkSize(for: keys.count, minimum: 64), parallelism: parallelism,
            makeScratch: { (scratch: TraversalScratch(nodeCount: graph.nodeCount), total: 0) },
            body: { worker, runs in worker.total += gain(of: node, runs: runs, scratch: worker.scratch) }
        )
        return partials.reduce(0) { $0 + $1.total }
    }

    /// The total over samples `runs` of the nodes `node` would newly reach.
    func gain(of node: Int32, runs: Range<Int>, scratch: TraversalScratch) -> Int {
        var total = 0
        for run in runs { total += search(from: node, run: run, scratch: scratch, marking: false) }
        return total
    }

    /// Marks everything `node` reaches as reached in every sample, parallel over samples.
    func cover(_ node: Int32, parallelism: Parallelism) {
        _ = forEachChunk(
            of: keys.count, chunkSize: parallelism.chunkSize(for: keys.count, minimum: 64), parallelism: parallelism,
            makeScratch: { TraversalScratch(nodeCount: graph.nodeCount) },
            body: { scratch, runs in
                for run in runs { _ = search(from: node, run: run, scratch: scratch, marking: true) }
            }
        )
    }

    /// The number of nodes not yet reached in sample `run` that `node` reaches there, marking
    /// them as reached when `marking`.
    private func search(from node: Int32, run: Int, scratch: TraversalScratch, marking: Bool) -> Int {
        let bits = bits
        let row = run * wordsPerRow
        let isReached = { (node: Int32) -> Bool in bits[row + Int(node) >> 6] & (1 << UInt64(node & 63)) != 0 }
        guard !isReached(node) else { return 0 }
        return scratch.withBuffers(walking: graph.outgoing) { offsets, neighbors, stamps, queue in
            let stamp = scratch.beginTraversal(from: CollectionOfOne(node), stamps: stamps, queue: queue)
            let reached = spreadAlongLiveEdges(
                rule: rule, key: keys[run], offsets: offsets, neighbors: neighbors,
                stamps: stamps, stamp: stamp, queue: queue, tail: 1, isBlocked: isReached
            )
            if marking {
                for index in 0 ..< reached {
                    let member = queue[index]
                    bits[row + Int(member) >> 6] |= 1 << UInt64(member & 63)
                }
            }
            return reached
        }
    }
}

/// A max-heap of CELF entries: a node, its last computed gain, and the number of seeds chosen
/// when that gain was computed. Larger gains come first, then lower node indices.
private struct LazyGainQueue {
    private var heap: [(gain: Int, node: Int32, round: Int)]

    init(gains: [Int]) {
        heap = gains.enumerated().map { (gain: $0.element, node: Int32($0.offset), round: 0) }
        for index in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
    }

    mutating func insert(_ entry: (gain: Int, node: Int32, round: Int)) {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard precedes(child, parent) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    mutating func popMax() -> (gain: Int, node: Int32, round: Int)? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let top = heap.removeLast()
        siftDown(0)
        return top
    }

    private func precedes(_ a: Int, _ b: Int) -> Bool {
        heap[a].gain != heap[b].gain ? heap[a].gain > heap[b].gain : heap[a].node < heap[b].node
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            var best = parent
            for child in [2 * parent + 1, 2 * parent + 2] where child < heap.count && precedes(child, best) { best = child }
            guard best != parent else { return }
            heap.swapAt(parent, best)
            parent = best
        }
    }
}
