/// Why a diffusion simulation or influence maximization refused its input.
///
/// Every check happens before any work starts, so a thrown error never leaves partial results.
public enum DiffusionError: Error, Equatable, Sendable {
    /// A seed is negative or not below the graph's node count.
    case seedOutOfRange(node: Int32, nodeCount: Int)
    /// An activation probability is not a number in [0, 1]; `edge` indexes `outgoing.neighbors`,
    /// or is `nil` for a uniform probability.
    case probabilityOutOfRange(edge: Int?, value: Double)
    /// A per-edge array does not run parallel to `outgoing.neighbors`.
    case edgeValueCountMismatch(expected: Int, actual: Int)
    /// A linear-threshold weight is negative or not finite; `edge` indexes `outgoing.neighbors`.
    case thresholdWeightOutOfRange(edge: Int, value: Double)
    /// The linear-threshold weights entering `node` sum to more than 1, so they are not a
    /// probability distribution over its in-neighbours.
    case thresholdWeightsExceedOne(node: Int32, sum: Double)
    /// The number of Monte Carlo runs is below 1.
    case invalidRunCount(Int)
    /// The number of seeds to select is negative.
    case invalidSeedCount(Int)
    /// IMM's ε is not in (0, 1).
    case invalidEpsilon(Double)
    /// IMM's ℓ is not positive.
    case invalidEll(Double)
    /// IMM would need more reverse-reachable sets than it can index (set ids are `Int32`).
    case sampleLimitExceeded(required: Double)
    /// The relative half-width an adaptive simulation aims at is not in (0, 1).
    case invalidPrecision(Double)
    /// IMM's memory limit is not positive.
    case invalidMemoryLimit(Int)
    /// IMM's reverse-reachable sets would hold about `projectedBytes` (with the coverage index),
    /// more than `limit`; `meanSetSize` is the mean number of nodes per set drawn so far.
    case memoryLimitExceeded(projectedBytes: Double, limit: Int, meanSetSize: Double)
}

extension DiffusionError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .seedOutOfRange(let node, let count): return "seed node \(node) is outside the graph's \(count) nodes"
        case .probabilityOutOfRange(let edge, let value):
            return "probability \(value)\(edge.map { " of edge \($0)" } ?? "") is outside 0…1"
        case .edgeValueCountMismatch(let expected, let actual): return "expected \(expected) per-edge values, got \(actual)"
        case .thresholdWeightOutOfRange(let edge, let value): return "threshold weight \(value) of edge \(edge) is outside 0…1"
        case .thresholdWeightsExceedOne(let node, let sum): return "the in-weights of node \(node) sum to \(sum), above 1"
        case .invalidRunCount(let runs): return "runs must be at least 1 (got \(runs))"
        case .invalidSeedCount(let count): return "the number of seeds must be at least 0 (got \(count))"
        case .invalidEpsilon(let epsilon): return "ε must be between 0 and 1 (got \(epsilon))"
        case .invalidEll(let ell): return "ℓ must be above 0 (got \(ell))"
        case .sampleLimitExceeded(let required):
            return "IMM would need \(Int(required)) reverse-reachable sets, more than fit; raise ε"
        case .invalidPrecision(let share): return "the relative precision must be between 0 and 1 (got \(share))"
        case .invalidMemoryLimit(let limit): return "the memory limit must be above 0 bytes (got \(limit))"
        case .memoryLimitExceeded(let projected, let limit, let meanSetSize):
            let mebibytes = { (bytes: Double) in String(format: bytes >= 10 * 1_048_576 ? "%.0f MiB" : "%.2g MiB", bytes / 1_048_576) }
            return "IMM would hold about \(mebibytes(projected)) of reverse-reachable sets, over its limit of \(mebibytes(Double(limit))): "
                + "under this model the content of \(String(format: "%.0f", meanSetSize)) accounts on average reaches a random account "
                + "(the mean set size); use a model whose cascades stay small (weighted cascade), smaller probabilities, a larger ε, "
                + "or a higher limit"
        }
    }
}
