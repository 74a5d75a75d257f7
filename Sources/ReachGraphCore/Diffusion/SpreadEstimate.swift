/// The expected reach of a seed set, estimated by Monte Carlo simulation.
public struct SpreadEstimate: Sendable, Equatable {
    /// The mean number of active nodes at the end of a run, seeds included.
    public let expectedReach: Double
    /// The sample standard deviation of the number of active nodes (denominator `runs - 1`;
    /// 0 when `runs == 1`).
    public let standardDeviation: Double
    /// The number of simulated runs.
    public let runs: Int
    /// The fraction of runs in which each node ended active, indexed by node; `nil` unless asked
    /// for. Seeds have probability 1.
    public let activationProbabilities: [Double]?

    /// The standard error of ``expectedReach``: `standardDeviation / √runs`.
    public var standardError: Double { standardDeviation / Double(runs).squareRoot() }

    /// A 95% confidence interval for the expected reach by the normal approximation,
    /// `expectedReach ± 1.96 · standardError`. It has zero width when every run reached the same
    /// number of nodes (or `runs == 1`), and is only as good as the central limit theorem is for
    /// `runs` samples of a possibly heavy-tailed reach.
    public var confidenceInterval: ClosedRange<Double> {
        let halfWidth = 1.959_963_984_540_054 * standardError
        return (expectedReach - halfWidth) ... (expectedReach + halfWidth)
    }

    /// Summarises the reach of each run, taken in run order so the floating-point result does
    /// not depend on which thread simulated which run.
    init(reachPerRun: [Int32], activationCounts: [Int]?) {
        let runs = reachPerRun.count
        var total = 0
        for reach in reachPerRun { total += Int(reach) }
        let mean = runs > 0 ? Double(total) / Double(runs) : 0
        var squares = 0.0
        for reach in reachPerRun {
            let deviation = Double(reach) - mean
            squares += deviation * deviation
        }
        self.expectedReach = mean
        self.standardDeviation = runs > 1 ? (squares / Double(runs - 1)).squareRoot() : 0
        self.runs = runs
        self.activationProbabilities = activationCounts.map { counts in counts.map { Double($0) / Double(runs) } }
    }
}
