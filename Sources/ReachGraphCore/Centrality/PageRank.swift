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
        try validateIteration(maxIterations: options.maxIterations, tolerance: options.tolerance)
        guard nodeCount > 0 else { return [] }
        let count = nodeCount
        let uniform = [Double](repeating: 1 / Double(count), count: count)
        let teleport = try normalizedDistribution(options.personalization, nodeCount: count, option: "personalization") ?? uniform
        let danglingShare = try normalizedDistribution(options.dangling, nodeCount: count, option: "dangling") ?? teleport
        var rank = try normalizedDistribution(options.start, nodeCount: count, option: "start") ?? uniform

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

        let tolerance = Double(count) * options.tolerance
        var scaled = [Double](repeating: 0, count: count)
        var pulled = [Double](repeating: 0, count: count)
        for _ in 0 ..< options.maxIterations {
            var danglingMass = 0.0
            for node in danglingNodes { danglingMass += rank[Int(node)] }
            for node in 0 ..< count { scaled[node] = rank[node] * inverseStrength[node] }
            multiplyRows(of: incoming, weighted: options.weighted, by: scaled, into: &pulled)
            var change = 0.0
            rank.withUnsafeMutableBufferPointer { rank in
                for node in 0 ..< count {
                    let value = damping * (pulled[node] + danglingMass * danglingShare[node]) + (1 - damping) * teleport[node]
                    change += abs(value - rank[node])
                    rank[node] = value
                }
            }
            if change < tolerance { return rank }
        }
        throw CentralityError.failedToConverge(iterations: options.maxIterations)
    }
}
