/// Options of ``DirectedGraph/hits(_:)``, with NetworkX's defaults.
public struct HITSOptions: Sendable, Equatable {
    /// The most power-iteration steps before giving up.
    public var maxIterations: Int
    /// Convergence when the L1 change of the max-normalised hub vector is below this.
    public var tolerance: Double
    /// Start hub vector, one non-negative entry per node, scaled to sum 1; `nil` is uniform.
    public var start: [Double]?
    /// Whether to scale both results to sum 1 (otherwise their largest entry is 1).
    public var normalized: Bool
    /// Whether edge weights enter the products; NetworkX always uses them, `false` treats every
    /// edge as weight 1.
    public var weighted: Bool

    public init(maxIterations: Int = 100, tolerance: Double = 1e-8, start: [Double]? = nil, normalized: Bool = true, weighted: Bool = true) {
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.start = start
        self.normalized = normalized
        self.weighted = weighted
    }
}

/// Hub and authority scores, indexed by node.
public struct HITSScores: Sendable, Equatable {
    public let hubs: [Double]
    public let authorities: [Double]
}

extension DirectedGraph {
    /// Hubs and authorities (Kleinberg 1999), the same numbers as NetworkX's `hits` to 1e-6.
    ///
    /// Definition: with `A` the weighted adjacency matrix (`A[u][v] = w(u → v)`), authorities are
    /// `a ∝ Aᵀh` and hubs `h ∝ Aa`; the fixed point is the leading left and right singular vector
    /// pair of `A`. The iteration is NetworkX's reference `_hits_python`: from `h₀` (uniform or
    /// `start`), each step computes `a = Aᵀh`, `h = Aa` and divides each by its largest entry;
    /// it stops when `Σ |h − h_prev| < tolerance` and finally scales each vector to sum 1 when
    /// `normalized`. NetworkX's public `hits` computes the same singular vectors with ARPACK, so
    /// the two agree wherever the leading singular value is simple; where it is not (for example
    /// two disconnected parts with equal top singular values) ARPACK's answer depends on its
    /// random start and this deterministic iteration is the reference.
    ///
    /// Orientation: on a graph drawn source → amplifier, a good hub is a source reposted by good
    /// authorities and a good authority an amplifier that reposts good hubs. Authorities pull over
    /// ``incoming``, hubs over ``outgoing``.
    ///
    /// Edge cases: an empty graph gives two empty arrays; isolated nodes score 0 in both; a graph
    /// without edges (or whose start vector only covers nodes without out-edges) leaves nothing to
    /// normalise, and every score is 0 where NetworkX divides by zero; self-loops count as edges.
    ///
    /// - Throws: ``CentralityError/failedToConverge(iterations:)`` when `maxIterations` steps do not
    ///   reach the tolerance; ``CentralityError/invalidOption(_:)`` for a bad start vector, a
    ///   negative iteration count or tolerance.
    /// - Complexity: O(V + E) per iteration, at most `maxIterations` iterations; O(V) memory.
    public func hits(_ options: HITSOptions = HITSOptions()) throws -> HITSScores {
        let iteration = try PowerIteration(maxIterations: options.maxIterations, tolerance: options.tolerance, perNode: nil)
        guard nodeCount > 0 else { return HITSScores(hubs: [], authorities: []) }
        let count = nodeCount
        var hubs = try normalizedDistribution(options.start, nodeCount: count, option: "start")
            ?? [Double](repeating: 1 / Double(count), count: count)
        var authorities = [Double](repeating: 0, count: count)
        var nextHubs = [Double](repeating: 0, count: count)
        var vanished = false
        try iteration.run {
            multiplyRows(of: incoming, weighted: options.weighted, by: hubs, into: &authorities)
            multiplyRows(of: outgoing, weighted: options.weighted, by: authorities, into: &nextHubs)
            let hubMaximum = nextHubs.max() ?? 0
            let authorityMaximum = authorities.max() ?? 0
            guard hubMaximum > 0, authorityMaximum > 0 else {
                // Nothing left to normalise: -∞ is below any threshold, so the iteration ends
                // here, and the scores are zeros.
                vanished = true
                return -.infinity
            }
            scaleEntries(of: &nextHubs, by: 1 / hubMaximum)
            scaleEntries(of: &authorities, by: 1 / authorityMaximum)
            var change = 0.0
            for node in 0 ..< count { change += abs(nextHubs[node] - hubs[node]) }
            swap(&hubs, &nextHubs)
            return change
        }
        if vanished {
            let zeros = [Double](repeating: 0, count: count)
            return HITSScores(hubs: zeros, authorities: zeros)
        }
        if options.normalized {
            scaleEntries(of: &authorities, by: 1 / authorities.reduce(0, +))
            scaleEntries(of: &hubs, by: 1 / hubs.reduce(0, +))
        }
        return HITSScores(hubs: hubs, authorities: authorities)
    }
}
