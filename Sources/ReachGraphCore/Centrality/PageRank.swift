import Dispatch

/// Options of ``DirectedGraph/pageRank(_:)``, with NetworkX's defaults.
public struct PageRankOptions: Sendable, Equatable {
    /// The probability of following an edge rather than teleporting (NetworkX's `alpha`), in 0...1.
    public var damping: Double
    /// Teleport distribution, one non-negative entry per node, scaled to sum 1; `nil` is uniform.
    public var personalization: [Double]?
    /// Where the rank of dangling nodes goes, one entry per node, scaled to sum 1; `nil` uses the
    /// personalisation vector (uniform when that is `nil` too).
    public var dangling: [Double]?
    /// The most power-iteration steps before giving up.
    public var maxIterations: Int
    /// Convergence when the L1 change of one step is below `nodeCount × tolerance`.
    public var tolerance: Double
    /// Start vector, one non-negative entry per node, scaled to sum 1; `nil` is uniform.
    public var start: [Double]?
    /// Whether edge weights (repost counts) set the transition probabilities; `false` treats every
    /// edge as weight 1 (NetworkX's `weight=None`).
    public var weighted: Bool

    public init(
        damping: Double = 0.85,
        personalization: [Double]? = nil,
        dangling: [Double]? = nil,
        maxIterations: Int = 100,
        tolerance: Double = 1e-6,
        start: [Double]? = nil,
        weighted: Bool = true
    ) {
        self.damping = damping
        self.personalization = personalization
        self.dangling = dangling
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.start = start
        self.weighted = weighted
    }
}

extension DirectedGraph {
    /// PageRank (Page, Brin, Motwani & Winograd 1999), the same numbers as NetworkX's
    /// `pagerank` to 1e-6.
    ///
    /// Definition: the stationary distribution of a walk that, with probability `d` (damping),
    /// follows an out-edge `u → v` chosen with probability `w(u, v) / s⁺(u)` (s⁺ the out-strength,
    /// so each node's out-weights are normalised as in NetworkX's `stochastic_graph`), and
    /// otherwise jumps to a node drawn from the personalisation vector `p`. A dangling node (zero
    /// out-strength) hands all its rank on through the dangling vector. Power iteration:
    ///
    ///     x'(v) = d · (Σ_{u→v} x(u) w(u,v) / s⁺(u) + D · δ(v)) + (1 − d) · p(v),  D = Σ_{dangling u} x(u)
    ///
    /// stopping when `Σ |x' − x| < n · tolerance`. The scores sum to 1.
    ///
    /// Orientation: rank flows along edges, from source to amplifier. On a graph drawn
    /// source → amplifier, `pageRank()` rewards accounts that repost well-ranked accounts
    /// ("amplifier rank"); `reversed().pageRank()` rewards accounts reposted by well-ranked
    /// accounts ("source rank"). Each step pulls over ``incoming`` with precomputed `1/s⁺`.
    ///
    /// Edge cases: an empty graph gives `[]` (as NetworkX); isolated nodes are dangling and keep
    /// only teleported and dangling rank; a self-loop keeps part of a node's rank with it, as in
    /// NetworkX; zero-weight edges carry nothing, and a node whose out-weights sum to 0 is dangling.
    ///
    /// - Throws: ``CentralityError/failedToConverge(iterations:)`` when `maxIterations` steps do not
    ///   reach the tolerance (NetworkX's `PowerIterationFailedConvergence`);
    ///   ``CentralityError/invalidOption(_:)`` for a damping outside 0...1, a vector of the wrong
    ///   length, with negative or non-finite entries or summing to 0, a negative iteration count
    ///   or tolerance.
    /// - Complexity: O(V + E) per iteration, at most `maxIterations` iterations; O(V) extra
    ///   memory. Large graphs run each step on all cores.
    public func pageRank(_ options: PageRankOptions = PageRankOptions()) throws -> [Double] {
        let damping = options.damping
        guard damping.isFinite, damping >= 0, damping <= 1 else {
            throw CentralityError.invalidOption("damping must lie in 0...1")
        }
        let iteration = try PowerIteration(maxIterations: options.maxIterations, tolerance: options.tolerance, perNode: nodeCount)
        guard nodeCount > 0 else { return [] }
        let count = nodeCount
        let teleport = try normalizedDistribution(options.personalization, nodeCount: count, option: "personalization")
        let danglingShare = try normalizedDistribution(options.dangling, nodeCount: count, option: "dangling") ?? teleport
        var rank = try normalizedDistribution(options.start, nodeCount: count, option: "start")
            ?? [Double](repeating: 1 / Double(count), count: count)

        var inverseStrength = [Double](repeating: 0, count: count)
        var danglingNodes: [Int32] = []
        for node in 0 ..< Int32(count) {
            let strength = options.weighted ? outStrength(of: node) : Double(outDegree(of: node))
            if strength != 0 {
                inverseStrength[Int(node)] = 1 / strength
            } else {
                danglingNodes.append(node)
            }
        }
        // What each node hands to each of its out-edges per unit of weight, for the first step;
        // every later step computes it as it writes the new rank.
        var scaled = [Double](repeating: 0, count: count)
        for node in 0 ..< count { scaled[node] = rank[node] * inverseStrength[node] }
        var nextScaled = [Double](repeating: 0, count: count)

        let weights = options.weighted ? incoming.weights : nil
        try iteration.run {
            var danglingMass = 0.0
            for node in danglingNodes { danglingMass += rank[Int(node)] }
            let change = withRows(incoming) { offsets, neighbors in
                PageRankStep.run(
                    offsets: offsets, neighbors: neighbors, weights: weights, scaled: scaled, inverseStrength: inverseStrength,
                    teleport: teleport, danglingShare: danglingShare, damping: damping, danglingMass: danglingMass,
                    rank: &rank, nextScaled: &nextScaled
                )
            }
            swap(&scaled, &nextScaled)
            return change
        }
        return rank
    }
}

/// One PageRank step fused into a single pass over the in-adjacency: each node pulls its rank,
/// mixes in the dangling and teleport shares, records its change, and writes what it will hand on
/// in the next step (rank × 1/s⁺) into a second buffer, since other rows still read this step's.
///
/// One pass instead of three (scale, multiply, update) moves the O(V) vectors once and runs all
/// of it on the threads of the multiply. Each node's value is the same sequence of operations as
/// in the unfused form, whatever the split; the L1 change is summed per fixed chunk and the chunk
/// sums added in chunk order, so the result does not depend on the number of threads either.
private struct PageRankStep: @unchecked Sendable {
    // Unchecked: threads read the shared inputs and write disjoint node ranges of `rank`,
    // `nextScaled` and `changes`; every buffer outlives `concurrentPerform`.
    let offsets: UnsafeBufferPointer<Int>
    let neighbors: UnsafeBufferPointer<Int32>
    let weights: UnsafeBufferPointer<Double>?
    let scaled: UnsafeBufferPointer<Double>
    let inverseStrength: UnsafeBufferPointer<Double>
    /// `nil`: uniform, 1/n for every node.
    let teleport: UnsafeBufferPointer<Double>?
    let danglingShare: UnsafeBufferPointer<Double>?
    let damping: Double
    let danglingMass: Double
    let rank: UnsafeMutableBufferPointer<Double>
    let nextScaled: UnsafeMutableBufferPointer<Double>
    let changes: UnsafeMutableBufferPointer<Double>

    /// Nodes per chunk; fixed so the split, and so the change sum, depends on the graph only.
    static let chunkSize = 4096
    /// Below this many edges a step takes microseconds and threads only add overhead.
    static let parallelEdgeThreshold = 1 << 17

    /// Runs one step over all nodes and returns its L1 change.
    static func run(
        offsets: UnsafeBufferPointer<Int>, neighbors: UnsafeBufferPointer<Int32>, weights: [Double]?, scaled: [Double],
        inverseStrength: [Double], teleport: [Double]?, danglingShare: [Double]?, damping: Double, danglingMass: Double,
        rank: inout [Double], nextScaled: inout [Double]
    ) -> Double {
        let count = rank.count
        let chunks = (count + chunkSize - 1) / chunkSize
        var changes = [Double](repeating: 0, count: chunks)
        withOptionalBuffer(weights) { weights in
            withOptionalBuffer(teleport) { teleport in
                withOptionalBuffer(danglingShare) { danglingShare in
                    scaled.withUnsafeBufferPointer { scaled in
                        inverseStrength.withUnsafeBufferPointer { inverseStrength in
                            rank.withUnsafeMutableBufferPointer { rank in
                                nextScaled.withUnsafeMutableBufferPointer { nextScaled in
                                    changes.withUnsafeMutableBufferPointer { changes in
                                        let step = PageRankStep(
                                            offsets: offsets, neighbors: neighbors, weights: weights, scaled: scaled,
                                            inverseStrength: inverseStrength, teleport: teleport, danglingShare: danglingShare,
                                            damping: damping, danglingMass: danglingMass, rank: rank, nextScaled: nextScaled, changes: changes
                                        )
                                        if chunks > 1 && neighbors.count >= parallelEdgeThreshold {
                                            Parallelism.forEach(chunks) { chunk in step.update(chunk: chunk) }
                                        } else {
                                            for chunk in 0 ..< chunks { step.update(chunk: chunk) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        var change = 0.0
        for value in changes { change += value }
        return change
    }

    func update(chunk: Int) {
        let start = chunk * Self.chunkSize
        let end = min(start + Self.chunkSize, rank.count)
        if let weights {
            update(start ..< end, chunk: chunk) { edge in weights[edge] * scaled[Int(neighbors[edge])] }
        } else {
            update(start ..< end, chunk: chunk) { edge in scaled[Int(neighbors[edge])] }
        }
    }

    /// The step for `nodes`, with `term(edge)` the rank arriving along an in-edge; specialised
    /// per weighting so the inner loop carries no optional check.
    @inline(__always)
    private func update(_ nodes: Range<Int>, chunk: Int, term: (Int) -> Double) {
        let uniform = 1 / Double(rank.count)
        let teleportWeight = 1 - damping
        var change = 0.0
        for node in nodes {
            var pulled = 0.0
            for edge in offsets[node] ..< offsets[node + 1] { pulled += term(edge) }
            let share = danglingShare?[node] ?? uniform
            let jump = teleport?[node] ?? uniform
            let value = damping * (pulled + danglingMass * share) + teleportWeight * jump
            change += abs(value - rank[node])
            rank[node] = value
            nextScaled[node] = value * inverseStrength[node]
        }
        changes[chunk] = change
    }
}

/// Calls `body` with a raw view of `array`, or `nil` when there is no array.
@inline(__always)
private func withOptionalBuffer<Result>(_ array: [Double]?, _ body: (UnsafeBufferPointer<Double>?) -> Result) -> Result {
    guard let array else { return body(nil) }
    return array.withUnsafeBufferPointer { body($0) }
}
