extension DirectedGraph {
    /// Estimates how many nodes content posted by `seeds` reaches under the independent cascade
    /// model, by Monte Carlo simulation.
    ///
    /// Each run starts with the seeds active. Every newly active node `u` gets one chance to
    /// activate each inactive out-neighbour `v`, succeeding with probability `p(u, v)` from
    /// `model`; the run ends when a round activates nobody. The reach of a run is the number of
    /// active nodes, seeds included; the estimate is its mean over `runs` runs with a 95%
    /// confidence interval (see ``SpreadEstimate``). Edges point the way content flows
    /// (source → amplifier), so this is the expected audience of a post by the seeds.
    ///
    /// Run `r` is fixed by a key from `SplitMix64(seed: seed).split(r)`, and whether an edge is
    /// live is a fixed function of that key and the edge, whatever order the traversal meets
    /// edges in: with per-edge probabilities edge `e` uses the `e`-th number of the run's stream;
    /// with a uniform probability each node's out-row skips from live edge to live edge by
    /// geometric gaps drawn from a stream of its own, which costs O(1 + p · degree) per node
    /// instead of O(degree). Each run is therefore one sample of Kempe et al.'s live-edge graph,
    /// the same seed gives the same result at any thread count and chunking, and two seed sets
    /// simulated with the same seed see the same live-edge graphs (common random numbers), as
    /// CELF (``maximizeInfluence(k:model:method:seed:parallelism:)``) does.
    ///
    /// Reference: Kempe, Kleinberg & Tardos, "Maximizing the Spread of Influence through a Social
    /// Network", KDD 2003.
    ///
    /// - Parameters:
    ///   - seeds: the initially active nodes; repeats count once; empty gives reach 0.
    ///   - model: the edge probabilities (uniform, per edge, or weighted cascade).
    ///   - runs: the number of simulated runs, at least 1.
    ///   - seed: the random seed.
    ///   - recordingActivationProbabilities: also estimate each node's chance of ending active.
    ///   - parallelism: threads and chunking; the result does not depend on it.
    /// - Throws: ``DiffusionError/seedOutOfRange(node:nodeCount:)``,
    ///   ``DiffusionError/invalidRunCount(_:)``, and the probability errors of `model`.
    /// - Complexity: O(runs × (reached nodes + their out-edges)) time (with a uniform
    ///   probability, O(runs × (reached nodes + live edges among their out-edges))), O(V) memory per thread
    ///   (plus O(V) per thread when recording probabilities) and O(runs) for the per-run reaches.
    public func simulateIndependentCascade(
        from seeds: [Int32],
        model: IndependentCascadeModel,
        runs: Int = 10_000,
        seed: UInt64,
        recordingActivationProbabilities: Bool = false,
        parallelism: Parallelism = .automatic
    ) throws(DiffusionError) -> SpreadEstimate {
        guard runs >= 1 else { throw .invalidRunCount(runs) }
        return try independentCascadeRuns(
            from: seeds, model: model, runs: 0 ..< runs, seed: seed, recording: recordingActivationProbabilities, parallelism: parallelism
        ).estimate
    }

    /// The runs `runs` (run indices) of ``simulateIndependentCascade(from:model:runs:seed:recordingActivationProbabilities:parallelism:)``.
    func independentCascadeRuns(
        from seeds: [Int32], model: IndependentCascadeModel, runs: Range<Int>, seed: UInt64, recording: Bool, parallelism: Parallelism
    ) throws(DiffusionError) -> SimulatedRuns {
        let seeds = try validatedSeeds(seeds)
        switch try cascadeProbabilities(model) {
        case .uniform(let probability):
            return simulateLiveEdges(
                from: seeds, rule: UniformCascadeEdges(probability: probability), runs: runs, seed: seed, recording: recording, parallelism: parallelism
            )
        case .perEdge(let probabilities):
            return PerEdgeCascadeEdges.withRule(probabilities: probabilities, graph: self) { rule in
                simulateLiveEdges(
                    from: seeds, rule: rule, runs: runs, seed: seed, recording: recording,
                    parallelism: parallelism
                )
            }
        }
    }

    /// Monte Carlo reach of `seeds` (valid, without repeats) over the live-edge graphs of `rule`;
    /// run `r` uses the key `runKey(seed:index: r)`.
    func simulateLiveEdges<Rule: LiveEdgeRule>(
        from seeds: [Int32],
        rule: Rule,
        runs: Range<Int>,
        seed: UInt64,
        recording: Bool,
        parallelism: Parallelism
    ) -> SimulatedRuns {
        monteCarloSpread(from: seeds, runs: runs, seed: seed, recording: recording, parallelism: parallelism) { _, key, stamp, offsets, neighbors, stamps, queue in
            spreadAlongLiveEdges(
                rule: rule, key: key, offsets: offsets, neighbors: neighbors,
                stamps: stamps, stamp: stamp, queue: queue, tail: seeds.count
            )
        }
    }
}
