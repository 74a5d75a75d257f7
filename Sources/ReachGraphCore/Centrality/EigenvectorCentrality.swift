/// Options of ``DirectedGraph/eigenvectorCentrality(_:)``, with NetworkX's defaults.
public struct EigenvectorCentralityOptions: Sendable, Equatable {
    /// The most power-iteration steps before giving up.
    public var maxIterations: Int
    /// Convergence when the L1 change of one step is below `nodeCount × tolerance`.
    public var tolerance: Double
    /// Start vector, one non-negative entry per node, scaled to sum 1; `nil` is uniform.
    public var start: [Double]?
    /// Whether edge weights enter the product; NetworkX's default (`weight=None`) ignores them.
    public var weighted: Bool

    public init(maxIterations: Int = 100, tolerance: Double = 1e-6, start: [Double]? = nil, weighted: Bool = false) {
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.start = start
        self.weighted = weighted
    }
}

extension DirectedGraph {
    /// Eigenvector centrality (Bonacich 1972), the same numbers as NetworkX's
    /// `eigenvector_centrality` to 1e-6.
    ///
    /// Definition: the left Perron eigenvector of the adjacency matrix, `λx = Aᵀx`, i.e. a node is
    /// central when the nodes pointing at it are. As in NetworkX the iteration is run on `A + I`
    /// (same eigenvectors, but periodic graphs such as a directed cycle still converge):
    /// `x' = (x + Aᵀx) / ‖x + Aᵀx‖₂`, from the uniform vector (or `start` scaled to sum 1),
    /// stopping when `Σ |x' − x| < n · tolerance`. The result has Euclidean norm 1.
    ///
    /// Orientation: uses in-edges, pulling over ``incoming``. On a graph drawn source → amplifier
    /// it rewards amplifiers of central sources; call it on ``reversed()`` to reward sources
    /// reposted by central amplifiers.
    ///
    /// Edge cases: an empty graph gives `[]` (NetworkX raises `NetworkXPointlessConcept`); on
    /// graphs that are not strongly connected the limit concentrates on the dominant strongly
    /// connected part, nodes reached by no cycle tend to 0, and convergence can be slow enough to
    /// throw, exactly as in NetworkX; self-loops count as edges.
    ///
    /// - Throws: ``CentralityError/failedToConverge(iterations:)`` when `maxIterations` steps do not
    ///   reach the tolerance; ``CentralityError/invalidOption(_:)`` for a bad start vector (NetworkX
    ///   also rejects an all-zero one), a negative iteration count or tolerance.
    /// - Complexity: O(V + E) per iteration, at most `maxIterations` iterations; O(V) memory.
    public func eigenvectorCentrality(_ options: EigenvectorCentralityOptions = EigenvectorCentralityOptions()) throws -> [Double] {
        let iteration = try PowerIteration(maxIterations: options.maxIterations, tolerance: options.tolerance, perNode: nodeCount)
        guard nodeCount > 0 else { return [] }
        let count = nodeCount
        var centrality = try normalizedDistribution(options.start, nodeCount: count, option: "start")
            ?? [Double](repeating: 1 / Double(count), count: count)
        var pulled = [Double](repeating: 0, count: count)
        try iteration.run {
            multiplyRows(of: incoming, weighted: options.weighted, by: centrality, into: &pulled)
            var squares = 0.0
            for node in 0 ..< count {
                pulled[node] += centrality[node]
                squares += pulled[node] * pulled[node]
            }
            // NetworkX falls back to 1 so that an all-zero vector stays finite.
            let norm = squares > 0 ? squares.squareRoot() : 1
            var change = 0.0
            for node in 0 ..< count {
                let value = pulled[node] / norm
                change += abs(value - centrality[node])
                centrality[node] = value
            }
            return change
        }
        return centrality
    }
}
