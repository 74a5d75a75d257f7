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

    /// - Parameters:
    ///   - top: the rank cut (ties at the cut kept); the bootstrap needs one.
    ///   - bootstrapReplicates: 0 turns the bootstrap off; it is also off without `top`.
    ///   - seed: the bootstrap's seed (the measure's own seed is in `settings`).
    ///   - onStep: called with the name of each step as it starts (for progress display).
    public init(
        dataset: Dataset, measure: RankingMeasure, settings: RankingMeasure.Settings = .init(), filter: AccountFilter = AccountFilter(),
        top: Int? = nil, bootstrapReplicates: Int = 0, seed: UInt64 = 1, onStep: (String) -> Void = { _ in }
    ) throws {
        self.measure = measure
        onStep("computing \(measure.rawValue)")
        let scores = try measure.scores(on: dataset.graph(), settings: settings)
        ranked = Ranking.rank(scores, in: dataset, filter: filter, limit: top)
        if bootstrapReplicates > 0, let top {
            onStep("bootstrap, \(bootstrapReplicates) replicates")
            bootstrap = try RankBootstrap(dataset: dataset, top: ranked, k: top, replicates: bootstrapReplicates, seed: seed) { graph in
                try measure.scores(on: graph, settings: settings)
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
