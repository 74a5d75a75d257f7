extension DirectedGraph {
    /// Expected reach of `seeds` under either diffusion model: dispatches to
    /// ``simulateIndependentCascade(from:model:runs:seed:recordingActivationProbabilities:parallelism:)``
    /// or ``simulateLinearThreshold(from:model:runs:seed:recordingActivationProbabilities:parallelism:)``,
    /// whose documentation gives the definitions, errors and complexity.
    public func simulate(
        from seeds: [Int32], model: DiffusionModel, runs: Int = 10_000, seed: UInt64, parallelism: Parallelism = .automatic
    ) throws(DiffusionError) -> SpreadEstimate {
        switch model {
        case .independentCascade(let cascade):
            return try simulateIndependentCascade(from: seeds, model: cascade, runs: runs, seed: seed, parallelism: parallelism)
        case .linearThreshold(let threshold):
            return try simulateLinearThreshold(from: seeds, model: threshold, runs: runs, seed: seed, parallelism: parallelism)
        }
    }
}
