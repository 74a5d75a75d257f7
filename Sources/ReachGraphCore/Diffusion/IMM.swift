import Foundation

extension DirectedGraph {
    /// IMM (Tang, Shi & Xiao, SIGMOD 2015) with fresh RR sets for node selection (Chen 2018);
    /// see ``maximizeInfluence(k:model:method:seed:parallelism:)``. `k` is at most `nodeCount`.
    ///
    /// The sampling phase draws its sets from stream 0 of `seed` and the selection phase from
    /// stream 1, so the two collections are independent, as Chen's fix requires.
    func selectSeedsByIMM(
        k: Int,
        sampler: ReverseReachableSampler,
        epsilon: Double,
        ell: Double,
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
            sampler.append(sets.count ..< target, to: &sets, graph: self, streamSeed: samplingSeed, parallelism: parallelism)
            let coverage = Double(sets.greedyMaxCoverage(nodeCount: nodeCount, k: k).covered) / Double(sets.count)
            if n * coverage >= (1 + epsilonPrime) * guess {
                lowerBound = n * coverage / (1 + epsilonPrime)
                break
            }
            halving += 1
        }
        sets = ReverseReachableSets()

        // Node selection (their Algorithm 3 with Chen's fix): θ = λ*/LB fresh sets.
        let alpha = (ell * logN + log(2)).squareRoot()
        let beta = (oneMinusInverseE * (logBinomial + ell * logN + log(2))).squareRoot()
        let lambdaStar = 2 * n * pow(oneMinusInverseE * alpha + beta, 2) / (epsilon * epsilon)
        let theta = try sampleCount(lambdaStar / lowerBound)
        let selectionSeed = phaseSeed(seed, phase: 1)
        sampler.append(0 ..< theta, to: &sets, graph: self, streamSeed: selectionSeed, parallelism: parallelism)
        let selection = sets.greedyMaxCoverage(nodeCount: nodeCount, k: k)
        let gains = selection.newlyCovered.map { n * Double($0) / Double(theta) }
        return InfluenceMaximizationResult(
            seeds: selection.seeds,
            estimatedSpread: n * Double(selection.covered) / Double(theta),
            marginalGains: gains,
            sampleCount: theta
        )
    }

    /// `required` rounded up to a whole number of RR sets, or an error when set ids would not fit
    /// in `Int32`.
    private func sampleCount(_ required: Double) throws(DiffusionError) -> Int {
        let rounded = required.rounded(.up)
        guard rounded.isFinite && rounded <= Double(Int32.max) else { throw .sampleLimitExceeded(required: required) }
        return max(1, Int(rounded))
    }
}
