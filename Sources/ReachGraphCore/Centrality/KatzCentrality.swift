/// The baseline score every node receives in Katz centrality (NetworkX's `beta`).
public enum KatzBaseline: Sendable, Equatable {
    /// The same value for every node.
    case uniform(Double)
    /// One value per node.
    case perNode([Double])
}

/// Options of ``DirectedGraph/katzCentrality(_:)``, with NetworkX's defaults.
public struct KatzCentralityOptions: Sendable, Equatable {
    /// The attenuation factor per hop (NetworkX's `alpha`); the series converges only when it is
    /// below `1 / λ_max` of the adjacency matrix.
    public var attenuation: Double
    /// The baseline score (NetworkX's `beta`).
    public var baseline: KatzBaseline
    /// The most iteration steps before giving up.
    public var maxIterations: Int
    /// Convergence when the L1 change of one step is below `nodeCount × tolerance`.
    public var tolerance: Double
    /// Start vector, one finite entry per node, used as given; `nil` is all zeros.
    public var start: [Double]?
    /// Whether to scale the result to Euclidean norm 1.
    public var normalized: Bool
    /// Whether edge weights enter the product; NetworkX's default (`weight=None`) ignores them.
    public var weighted: Bool

    public init(
        attenuation: Double = 0.1,
        baseline: KatzBaseline = .uniform(1),
        maxIterations: Int = 1000,
        tolerance: Double = 1e-6,
        start: [Double]? = nil,
        normalized: Bool = true,
        weighted: Bool = false
    ) {
        self.attenuation = attenuation
        self.baseline = baseline
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.start = start
        self.normalized = normalized
        self.weighted = weighted
    }
}

extension DirectedGraph {
    /// Katz centrality (Katz 1953), the same numbers as NetworkX's `katz_centrality` to 1e-6.
    ///
    /// Definition: `x = α Aᵀx + β`, i.e. `x = β Σ_k (αAᵀ)ᵏ 1`: every walk that ends at a node adds
    /// `αᵏ` per edge of length `k`. Iterated as NetworkX does, `x' = α Aᵀx + β` from `start`
    /// (zeros by default), stopping when `Σ |x' − x| < n · tolerance`; with `normalized` the
    /// result is divided by its Euclidean norm (left as is when that norm is 0).
    ///
    /// Orientation: uses in-edges, pulling over ``incoming``. On a graph drawn source → amplifier
    /// it counts the walks that bring content to a node; on ``reversed()`` the walks that carry a
    /// node's content out.
    ///
    /// Edge cases: an empty graph gives `[]`; isolated nodes score `β` before normalisation;
    /// self-loops count as edges (a walk may stay put).
    ///
    /// - Throws: ``CentralityError/failedToConverge(iterations:)`` when `maxIterations` steps do not
    ///   reach the tolerance (typically when `attenuation ≥ 1 / λ_max`);
    ///   ``CentralityError/invalidOption(_:)`` for a non-finite attenuation or baseline, a
    ///   per-node baseline or start vector of the wrong length, a negative iteration count or
    ///   tolerance.
    /// - Complexity: O(V + E) per iteration, at most `maxIterations` iterations; O(V) memory.
    public func katzCentrality(_ options: KatzCentralityOptions = KatzCentralityOptions()) throws -> [Double] {
        let iteration = try PowerIteration(maxIterations: options.maxIterations, tolerance: options.tolerance, perNode: nodeCount)
        let attenuation = options.attenuation
        guard attenuation.isFinite else { throw CentralityError.invalidOption("attenuation must be finite") }
        let count = nodeCount
        let baseline: [Double]
        switch options.baseline {
        case .uniform(let value): baseline = [Double](repeating: value, count: count)
        case .perNode(let values):
            guard values.count == count else {
                throw CentralityError.invalidOption("baseline has \(values.count) entries for \(count) nodes")
            }
            baseline = values
        }
        guard baseline.allSatisfy(\.isFinite) else { throw CentralityError.invalidOption("baseline must be finite") }
        var centrality = options.start ?? [Double](repeating: 0, count: count)
        guard centrality.count == count, centrality.allSatisfy(\.isFinite) else {
            throw CentralityError.invalidOption("start must have one finite entry per node")
        }
        guard count > 0 else { return [] }

        var pulled = [Double](repeating: 0, count: count)
        try iteration.run {
            multiplyRows(of: incoming, weighted: options.weighted, by: centrality, into: &pulled)
            var change = 0.0
            for node in 0 ..< count {
                let value = attenuation * pulled[node] + baseline[node]
                change += abs(value - centrality[node])
                centrality[node] = value
            }
            return change
        }
        if options.normalized {
            let norm = centrality.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if norm > 0 { scaleEntries(of: &centrality, by: 1 / norm) }
        }
        return centrality
    }
}
