/// Why a centrality measure could not produce scores.
public enum CentralityError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A power iteration did not meet its tolerance within `iterations` steps; NetworkX raises
    /// `PowerIterationFailedConvergence` in the same situations.
    case failedToConverge(iterations: Int)
    /// An option is outside its domain; the text names the option and the rule it breaks.
    case invalidOption(String)

    public var description: String {
        switch self {
        case .failedToConverge(let iterations): "power iteration did not converge within \(iterations) iterations"
        case .invalidOption(let reason): "invalid option: \(reason)"
        }
    }
}

/// Checks an optional per-node vector and scales it to sum 1, as NetworkX normalises
/// personalisation, dangling and start vectors.
///
/// Entries must be finite and non-negative with a positive sum; NetworkX accepts negative entries
/// too, but they have no meaning as probabilities and would only hide a data error.
func normalizedDistribution(_ values: [Double]?, nodeCount: Int, option: String) throws -> [Double]? {
    guard let values else { return nil }
    let total = try checkedSum(values, nodeCount: nodeCount, option: option)
    guard total > 0 else { throw CentralityError.invalidOption("\(option) must have a positive sum") }
    return values.map { $0 / total }
}

/// The sum of a per-node vector after checking its length and that every entry is finite and ≥ 0.
func checkedSum(_ values: [Double], nodeCount: Int, option: String) throws -> Double {
    guard values.count == nodeCount else {
        throw CentralityError.invalidOption("\(option) has \(values.count) entries for \(nodeCount) nodes")
    }
    var total = 0.0
    for value in values {
        guard value.isFinite, value >= 0 else {
            throw CentralityError.invalidOption("\(option) entries must be finite and non-negative")
        }
        total += value
    }
    return total
}
