/// How ``DirectedGraph/maximizeInfluence(k:model:method:seed:parallelism:)`` searches.
public enum InfluenceMaximizationMethod: Sendable, Equatable {
    /// IMM (Tang, Shi & Xiao 2015) over reverse-reachable sets: a (1 − 1/e − ε)-approximation
    /// with probability at least 1 − 1/n^ℓ, in near-linear time. `epsilon` in (0, 1) trades
    /// accuracy for samples; `ell` > 0 sets the confidence. The number of RR sets is about
    /// 2n·((1 − 1/e)·α + β)² / (ε² · OPT), so it grows as 1/ε² and as n / OPT: when the best
    /// seeds reach only a small share of the graph, IMM needs many sets (memory is linear in
    /// their total size), and a larger ε is the lever. `memoryLimit` bounds, in bytes, what the
    /// sets and the coverage index over them would hold (8 bytes per member and 9 per set),
    /// projected from the sets drawn so far before each batch is drawn: over it, IMM stops with
    /// ``DiffusionError/memoryLimitExceeded(projectedBytes:limit:meanSetSize:)`` instead of
    /// growing into swap. Under a model where a random account's content reaches a large part of
    /// the graph (uniform probabilities on a graph with a giant strongly connected component),
    /// every set holds that part and the limit is what answers.
    case imm(epsilon: Double = 0.1, ell: Double = 1, memoryLimit: Int = 512 << 20)
    /// CELF (Leskovec et al. 2007): greedy over Monte Carlo estimates from `runs` live-edge
    /// samples, with lazy re-evaluation. Exact greedy on those samples; for small graphs.
    case celf(runs: Int = 10_000)
}

/// The seeds chosen by influence maximization.
public struct InfluenceMaximizationResult: Sendable, Equatable {
    /// The chosen nodes, in the order they were selected.
    public let seeds: [Int32]
    /// The estimated expected reach of all of `seeds` (seeds included): for IMM `nodeCount`
    /// times the fraction of the final RR sets they cover; for CELF the mean reach over the runs.
    public let estimatedSpread: Double
    /// The estimated reach each seed added when it was chosen; they sum to `estimatedSpread`.
    public let marginalGains: [Double]
    /// For IMM, the number of reverse-reachable sets in the final selection phase; for CELF, the
    /// number of Monte Carlo runs.
    public let sampleCount: Int
}

extension DirectedGraph {
    /// Chooses `k` seed nodes whose content would reach the most nodes under `model`.
    ///
    /// The objective is the expected reach σ(S) of the seed set (as in
    /// ``simulateIndependentCascade(from:model:runs:seed:recordingActivationProbabilities:parallelism:)``
    /// and ``simulateLinearThreshold(from:model:runs:seed:recordingActivationProbabilities:parallelism:)``).
    /// Maximising it is NP-hard, but σ is monotone and submodular under both models, so greedy
    /// choice is within 1 − 1/e of the optimum (Kempe, Kleinberg & Tardos 2003). Both methods are
    /// greedy over a sampled estimate of σ:
    ///
    /// - ``InfluenceMaximizationMethod/imm(epsilon:ell:)`` (default): Tang, Shi & Xiao, "Influence
    ///   Maximization in Near-Linear Time: A Martingale Approach", SIGMOD 2015. A sampling phase
    ///   finds a lower bound on the optimum, which fixes how many RR sets θ are needed; greedy
    ///   maximum coverage over θ sets picks the seeds. Following Chen, "An Issue in the Martingale
    ///   Analysis of the Influence Maximization Algorithm IMM" (CSoNet 2018), the θ sets of the
    ///   selection phase are freshly drawn rather than reusing the sampling phase's, which
    ///   restores the (1 − 1/e − ε) guarantee with probability 1 − 1/n^ℓ.
    /// - ``InfluenceMaximizationMethod/celf(runs:)``: Leskovec et al., "Cost-effective Outbreak
    ///   Detection in Networks", KDD 2007. σ is estimated on `runs` fixed live-edge samples
    ///   (common random numbers, so marginal gains of different nodes are comparable and the
    ///   estimate stays submodular); lazy evaluation then selects exactly what plain greedy would.
    ///   Under IC the samples are those of `simulateIndependentCascade` with the same seed, so
    ///   `estimatedSpread` equals that simulation of the chosen seeds. Under LT the samples are
    ///   Kempe et al.'s equivalent live-edge form (each node keeps one in-edge, chosen by weight),
    ///   because with fixed thresholds the per-sample reach is not submodular.
    ///
    /// Ties are broken toward the lower node index. When fewer than `k` nodes add anything, the
    /// remaining picks add nothing and come in index order.
    ///
    /// - Parameters:
    ///   - k: the number of seeds; more than `nodeCount` selects every node; 0 selects none.
    ///   - model: the diffusion model.
    ///   - method: IMM (default, ε = 0.1, ℓ = 1, 512 MiB of RR sets) or CELF.
    ///   - seed: the random seed; RR set `i` and run `r` draw from `SplitMix64(seed:).split(i)`
    ///     streams, so the result is the same at any thread count.
    ///   - parallelism: threads and chunking; the result does not depend on it.
    /// - Throws: ``DiffusionError/invalidSeedCount(_:)`` for negative `k`; the model's errors;
    ///   ``DiffusionError/invalidEpsilon(_:)``, ``DiffusionError/invalidEll(_:)``,
    ///   ``DiffusionError/invalidMemoryLimit(_:)``, ``DiffusionError/sampleLimitExceeded(required:)``,
    ///   ``DiffusionError/memoryLimitExceeded(projectedBytes:limit:meanSetSize:)`` for IMM;
    ///   ``DiffusionError/invalidRunCount(_:)`` for CELF.
    /// - Complexity: IMM: O((k + ℓ)(V + E) log V / ε²) expected time (Tang et al.'s bound), memory
    ///   linear in the total size of the RR sets, at most about `memoryLimit`. CELF: O(runs × V/64) memory for per-sample
    ///   coverage bits, and in the worst case O(k · V · runs · (V + E)) time; lazy evaluation
    ///   usually re-evaluates few nodes per round, but the first round simulates every node.
    public func maximizeInfluence(
        k: Int,
        model: DiffusionModel,
        method: InfluenceMaximizationMethod = .imm(),
        seed: UInt64,
        parallelism: Parallelism = .automatic
    ) throws(DiffusionError) -> InfluenceMaximizationResult {
        guard k >= 0 else { throw .invalidSeedCount(k) }
        switch method {
        case .imm(let epsilon, let ell, let memoryLimit):
            guard epsilon > 0 && epsilon < 1 else { throw .invalidEpsilon(epsilon) }
            guard ell > 0 && ell.isFinite else { throw .invalidEll(ell) }
            guard memoryLimit > 0 else { throw .invalidMemoryLimit(memoryLimit) }
            let sampler = try ReverseReachableSampler(model: model, graph: self)
            return try selectSeedsByIMM(
                k: min(k, nodeCount), sampler: sampler, epsilon: epsilon, ell: ell, memoryLimit: memoryLimit, seed: seed, parallelism: parallelism
            )
        case .celf(let runs):
            guard runs >= 1 else { throw .invalidRunCount(runs) }
            return try selectSeedsByCELF(k: min(k, nodeCount), model: model, runs: runs, seed: seed, parallelism: parallelism)
        }
    }
}
