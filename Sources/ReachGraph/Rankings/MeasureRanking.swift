import ReachGraphCore

/// Accounts ranked by one centrality measure, as `reachgraph rank` shows them: the measure on the
/// whole graph, the accounts that pass the filter ranked (ties share a rank), cut at the top N,
/// and optionally how stable that top N is under a Poisson bootstrap of the relations.
///
/// - Complexity: one measure computation, plus `bootstrapReplicates` times the measure on a
///   resampled graph.
public struct MeasureRanking: Sendable {
    public let measure: RankingMeasure
    public let ranked: [RankedAccount]
    public let bootstrap: RankBootstrap?
    /// Why the scores may not be what was asked for (see ``RankingMeasure/Scores/warnings``).
    public let warnings: [String]
    /// How the scores were obtained, when that is not obvious (see ``RankingMeasure/Scores/notes``),
    /// and the ties the cut left out (``Ranking/Cut/note(option:)``).
    public let notes: [String]

    /// - Parameters:
    ///   - top: the rank cut (ties at the cut kept, up to `top` more); the bootstrap needs one. It is also the k that
    ///     `betweenness-approx` settles (20 without a cut), among the accounts `filter` passes.
    ///   - bootstrapReplicates: 0 turns the bootstrap off; it is also off without `top`.
    ///   - seed: the bootstrap's seed (the measure's own seed is in `settings`).
    ///   - onStep: called with the name of each step as it starts (for progress display).
    public init(
        dataset: Dataset, measure: RankingMeasure, settings: RankingMeasure.Settings = .init(), filter: AccountFilter = AccountFilter(),
        top: Int? = nil, bootstrapReplicates: Int = 0, seed: UInt64 = 1, onStep: (String) -> Void = { _ in }
    ) throws {
        self.measure = measure
        onStep("computing \(measure.rawValue)")
        var adjusted = settings
        if measure == .approximateBetweenness {
            adjusted.topCount = top ?? settings.topCount
            if filter != AccountFilter() { adjusted.candidates = dataset.accounts.map(filter.accepts) }
        }
        let measureSettings = adjusted
        let evaluated = try measure.evaluate(on: dataset.graph(), settings: measureSettings)
        warnings = evaluated.warnings
        let scores = evaluated.values
        let cut = Ranking.cut(scores, in: dataset, filter: filter, limit: top)
        ranked = cut.ranked
        notes = evaluated.notes + [cut.note()].compactMap { $0 }
        if bootstrapReplicates > 0, let top {
            onStep("bootstrap, \(bootstrapReplicates) replicates")
            bootstrap = try RankBootstrap(dataset: dataset, top: ranked, k: top, replicates: bootstrapReplicates, seed: seed) { graph in
                // A replicate keeps the candidates: the graph has every account of the dataset.
                try measure.scores(on: graph, settings: measureSettings)
            }
        } else {
            bootstrap = nil
        }
    }

    /// The `ranking` table: `rank,id,score`, the account attributes, bootstrap columns when run.
    public func table(dataset: Dataset) -> ResultTable {
        RankingTable.make(ranked, measure: measure.rawValue, dataset: dataset, bootstrap: bootstrap)
    }
}
