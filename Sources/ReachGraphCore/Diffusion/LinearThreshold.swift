extension DirectedGraph {
    /// Estimates how many nodes content posted by `seeds` reaches under the linear threshold
    /// model, by Monte Carlo simulation.
    ///
    /// Each run gives every node `v` a threshold θ_v drawn uniformly from (0, 1] and starts with
    /// the seeds active; `v` becomes active as soon as the influence weights `b(u, v)` of its
    /// active in-neighbours sum to at least θ_v, and the run ends when nobody new activates. The
    /// reach of a run is the number of active nodes, seeds included; the estimate is its mean
    /// over `runs` runs with a 95% confidence interval (see ``SpreadEstimate``).
    ///
    /// Run `r` is fixed by `SplitMix64(seed: seed).split(r)`; the threshold of node `v` is the
    /// `v`-th number of that run's stream and is drawn only when an active in-neighbour first
    /// reaches `v`, so a run costs nothing for nodes the content never gets near. The same seed
    /// gives the same result at any thread count and chunking.
    ///
    /// Reference: Kempe, Kleinberg & Tardos, "Maximizing the Spread of Influence through a Social
    /// Network", KDD 2003 (after Granovetter 1978).
    ///
    /// - Parameters:
    ///   - seeds: the initially active nodes; repeats count once; empty gives reach 0.
    ///   - model: the influence weights; by default `1 / inDegree(v)`.
    ///   - runs: the number of simulated runs, at least 1.
    ///   - seed: the random seed.
    ///   - recordingActivationProbabilities: also estimate each node's chance of ending active.
    ///   - parallelism: threads and chunking; the result does not depend on it.
    /// - Throws: ``DiffusionError/seedOutOfRange(node:nodeCount:)``,
    ///   ``DiffusionError/invalidRunCount(_:)``, and the weight errors of `model`.
    /// - Complexity: O(runs × (reached nodes + their out-edges)) time, O(V) memory per thread
    ///   (plus O(V) per thread when recording probabilities) and O(runs) for the per-run reaches.
    public func simulateLinearThreshold(
        from seeds: [Int32],
        model: LinearThresholdModel = .inverseInDegree,
        runs: Int = 10_000,
        seed: UInt64,
        recordingActivationProbabilities: Bool = false,
        parallelism: Parallelism = .automatic
    ) throws(DiffusionError) -> SpreadEstimate {
        guard runs >= 1 else { throw .invalidRunCount(runs) }
        return try linearThresholdRuns(
            from: seeds, model: model, runs: 0 ..< runs, seed: seed, recording: recordingActivationProbabilities, parallelism: parallelism
        ).estimate
    }

    /// The runs `runs` (run indices) of ``simulateLinearThreshold(from:model:runs:seed:recordingActivationProbabilities:parallelism:)``.
    func linearThresholdRuns(
        from seeds: [Int32], model: LinearThresholdModel, runs: Range<Int>, seed: UInt64, recording: Bool, parallelism: Parallelism
    ) throws(DiffusionError) -> SimulatedRuns {
        let seeds = try validatedSeeds(seeds)
        let weights = try thresholdWeights(model)
        return monteCarloSpread(
            from: seeds, runs: runs, seed: seed, recording: recording, thresholdBuffers: true, parallelism: parallelism
        ) { scratch, key, stamp, offsets, neighbors, stamps, queue in
            weights.withUnsafeBufferPointer { weights in
                scratch.influence.withUnsafeMutableBufferPointer { influence in
                    scratch.threshold.withUnsafeMutableBufferPointer { threshold in
                        // Active nodes carry infinite influence, so no edge changes them again.
                        for node in seeds { influence[Int(node)] = .infinity }
                        var head = 0
                        var tail = seeds.count
                        while head < tail {
                            let node = Int(queue[head])
                            head += 1
                            for edge in offsets[node] ..< offsets[node + 1] {
                                let target = Int(neighbors[edge])
                                if stamps[target] != stamp {
                                    stamps[target] = stamp
                                    influence[target] = 0
                                    threshold[target] = 1 - streamUnit(key: key, index: target)
                                }
                                let level = influence[target] + weights[edge]
                                if level >= threshold[target] && level.isFinite {
                                    influence[target] = .infinity
                                    queue[tail] = Int32(target)
                                    tail += 1
                                } else {
                                    influence[target] = level
                                }
                            }
                        }
                        return tail
                    }
                }
            }
        }
    }
}
