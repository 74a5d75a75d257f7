import Foundation

extension DirectedGraph {
    /// IMM (Tang, Shi & Xiao, SIGMOD 2015) with fresh RR sets for node selection (Chen 2018);
    /// see ``maximizeInfluence(k:model:method:seed:parallelism:)``. `k` is at most `nodeCount`.
    ///
    /// The sampling phase draws its sets from stream 0 of `seed` and the selection phase from
    /// stream 1, so the two collections are independent, as Chen's fix requires. Each phase draws
    /// its sets through ``drawBounded(_:into:sampler:memoryLimit:streamSeed:parallelism:)``, which
    /// stops before a batch whose projected memory is over `memoryLimit`; under the limit the sets
    /// are those an unbounded draw gives.
    func selectSeedsByIMM(
        k: Int,
        sampler: ReverseReachableSampler,
        epsilon: Double,
        ell: Double,
        memoryLimit: Int,
        seed: UInt64,
        parallelism: Parallelism
    ) throws(DiffusionError) -> InfluenceMaximizationResult {
        guard k > 0 else { return InfluenceMaximizationResult(seeds: [], estimatedSpread: 0, marginalGains: [], sampleCount: 0) }
        let n = Double(nodeCount)
        // The logarithms of n are floored at n = 2 so a one-node graph does not divide by ln 1 = 0.
        let logN = log(max(n, 2))
        let log2N = log2(max(n, 2))
        let logBinomial = lgamma(n + 1) - lgamma(Double(k) + 1) - lgamma(n - Double(k) + 1)
        // Two phases may each fail with probability 1/n^ℓ; raising ℓ makes the union 1/n^ℓ.
        let ell = ell * (1 + log(2) / logN)
        let oneMinusInverseE = 1 - exp(-1.0)

        // Sampling phase (their Algorithm 2): halve a guess x of the optimum until the greedy
        // coverage of λ'/x sets certifies OPT ≥ x, giving the lower bound LB.
        let epsilonPrime = 2.0.squareRoot() * epsilon
        let lambdaPrime = (2 + 2 * epsilonPrime / 3) * (logBinomial + ell * logN + log(log2N)) * n / (epsilonPrime * epsilonPrime)
        let samplingSeed = phaseSeed(seed, phase: 0)
        var sets = ReverseReachableSets()
        var lowerBound = 1.0
        var halving = 1.0
        while halving <= log2N - 1 {
            let guess = n / pow(2, halving)
            let target = max(sets.count, try sampleCount(lambdaPrime / guess))
            try drawBounded(sets.count ..< target, into: &sets, sampler: sampler, memoryLimit: memoryLimit, streamSeed: samplingSeed, parallelism: parallelism)
            let coverage = Double(sets.greedyMaxCoverage(nodeCount: nodeCount, k: k).covered) / Double(sets.count)
            if n * coverage >= (1 + epsilonPrime) * guess {
                lowerBound = n * coverage / (1 + epsilonPrime)
                break
            }
            halving += 1
        }
        let meanSetSize = Double(sets.members.count) / Double(max(1, sets.count))
        sets = ReverseReachableSets()

        // Node selection (their Algorithm 3 with Chen's fix): θ = λ*/LB fresh sets.
        let alpha = (ell * logN + log(2)).squareRoot()
        let beta = (oneMinusInverseE * (logBinomial + ell * logN + log(2))).squareRoot()
        let lambdaStar = 2 * n * pow(oneMinusInverseE * alpha + beta, 2) / (epsilon * epsilon)
        let theta = try sampleCount(lambdaStar / lowerBound)
        let selectionSeed = phaseSeed(seed, phase: 1)
        // The sampling phase's sets, drawn from the same distribution, project this phase's size
        // before any of its sets exist.
        let projected = Self.projectedBytes(sets: theta, members: meanSetSize * Double(theta))
        guard projected <= Double(memoryLimit) else {
            throw .memoryLimitExceeded(projectedBytes: projected, limit: memoryLimit, meanSetSize: meanSetSize)
        }
        try drawBounded(0 ..< theta, into: &sets, sampler: sampler, memoryLimit: memoryLimit, streamSeed: selectionSeed, parallelism: parallelism)
        let selection = sets.greedyMaxCoverage(nodeCount: nodeCount, k: k)
        let gains = selection.newlyCovered.map { n * Double($0) / Double(theta) }
        return InfluenceMaximizationResult(
            seeds: selection.seeds,
            estimatedSpread: n * Double(selection.covered) / Double(theta),
            marginalGains: gains,
            sampleCount: theta
        )
    }

    /// Sets drawn first, alone, when a collection is empty: enough for a mean size to project
    /// from, few enough that giant sets (a supercritical model) stay far below any sensible limit.
    static let projectionSampleSize = 64

    /// What `sets` RR sets of `members` members in all hold with the coverage index
    /// (``ReverseReachableSets/greedyMaxCoverage(nodeCount:k:)``): each member once in the sets
    /// and once in the index (`Int32`), each set an offset (`Int`) and a covered flag.
    static func projectedBytes(sets: Int, members: Double) -> Double {
        8 * members + 9 * Double(sets)
    }

    /// Appends the sets of `indices` to `sets` unless their projected memory is over
    /// `memoryLimit`: an empty collection first draws ``projectionSampleSize`` sets to measure
    /// the mean size, then the rest is projected at that mean and drawn, or refused. The check
    /// runs again on what was drawn.
    private func drawBounded(
        _ indices: Range<Int>, into sets: inout ReverseReachableSets, sampler: ReverseReachableSampler, memoryLimit: Int, streamSeed: UInt64,
        parallelism: Parallelism
    ) throws(DiffusionError) {
        var start = indices.lowerBound
        if sets.count == 0 && !indices.isEmpty {
            let end = min(indices.upperBound, start + Self.projectionSampleSize)
            sampler.append(start ..< end, to: &sets, graph: self, streamSeed: streamSeed, parallelism: parallelism)
            start = end
        }
        let meanSetSize = Double(sets.members.count) / Double(max(1, sets.count))
        let projected = Self.projectedBytes(sets: indices.upperBound, members: meanSetSize * Double(indices.upperBound))
        guard projected <= Double(memoryLimit) else {
            throw .memoryLimitExceeded(projectedBytes: projected, limit: memoryLimit, meanSetSize: meanSetSize)
        }
        sampler.append(start ..< indices.upperBound, to: &sets, graph: self, streamSeed: streamSeed, parallelism: parallelism)
        let held = Self.projectedBytes(sets: sets.count, members: Double(sets.members.count))
        guard held <= Double(memoryLimit) else {
            throw .memoryLimitExceeded(projectedBytes: held, limit: memoryLimit, meanSetSize: Double(sets.members.count) / Double(sets.count))
        }
    }

    /// `required` rounded up to a whole number of RR sets, or an error when set ids would not fit
    /// in `Int32`.
    private func sampleCount(_ required: Double) throws(DiffusionError) -> Int {
        let rounded = required.rounded(.up)
        guard rounded.isFinite && rounded <= Double(Int32.max) else { throw .sampleLimitExceeded(required: required) }
        return max(1, Int(rounded))
    }
}
