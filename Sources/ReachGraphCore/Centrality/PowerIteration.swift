/// The outer loop of every power iteration in this folder: PageRank, Katz, eigenvector
/// centrality and HITS.
///
/// Each measure supplies one step, which updates its vectors and returns the L1 change it made;
/// the loop runs steps until a change falls below the threshold, and throws
/// ``CentralityError/failedToConverge(iterations:)`` (NetworkX's `PowerIterationFailedConvergence`)
/// when `maxIterations` steps do not get there. The threshold follows NetworkX: `n × tolerance`
/// for PageRank, Katz and eigenvector centrality, `tolerance` itself for HITS. The step owns its
/// arithmetic, so each measure keeps NetworkX's exact sequence of operations.
struct PowerIteration {
    let maxIterations: Int
    /// A step whose L1 change is below this ends the iteration.
    let threshold: Double

    /// Checks the budget and tolerance (non-negative, tolerance finite); the threshold is
    /// `tolerance × nodeCount`, or `tolerance` when `nodeCount` is `nil`.
    init(maxIterations: Int, tolerance: Double, perNode nodeCount: Int?) throws {
        guard maxIterations >= 0 else { throw CentralityError.invalidOption("maxIterations must be non-negative") }
        guard tolerance.isFinite, tolerance >= 0 else {
            throw CentralityError.invalidOption("tolerance must be finite and non-negative")
        }
        self.maxIterations = maxIterations
        threshold = nodeCount.map { Double($0) * tolerance } ?? tolerance
    }

    /// Runs `step` until it returns a change below ``threshold`` (a step that must end the
    /// iteration early returns `-.infinity`).
    /// - Complexity: at most `maxIterations` steps.
    func run(_ step: () throws -> Double) throws {
        for _ in 0 ..< maxIterations {
            if try step() < threshold { return }
        }
        throw CentralityError.failedToConverge(iterations: maxIterations)
    }
}
