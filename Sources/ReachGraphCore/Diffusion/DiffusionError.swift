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
}
