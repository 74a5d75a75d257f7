/// The key-opinion-leader table as `reachgraph kol` and the briefing show it: every account's
/// roles and composite score, ranked, cut at the top N (ties at the cut kept), and optionally how
/// stable that top N is under a Poisson bootstrap of the amplification relations.
///
/// - Complexity: one ``KeyOpinionLeaders`` computation, plus `bootstrapReplicates` times the
///   score on a resampled graph.
public struct KeyOpinionLeaderRanking: Sendable {
    public let leaders: KeyOpinionLeaders
    /// The ranked accounts that pass the filter, up to `top` (ties at the cut kept).
    public let ranked: [RankedAccount]
    /// The rank intervals of the top N, when bootstrap replicates were asked for.
    public let bootstrap: RankBootstrap?

    /// - Parameters:
    ///   - top: the rank cut N; also the k of the bootstrap's "stays in the top k".
    ///   - bootstrapReplicates: 0 turns the bootstrap off.
    ///   - seed: the bootstrap's seed.
    ///   - budget: when betweenness is exact; its `topCount` is replaced by `top`.
    ///   - onStep: called with the name of each step as it starts (for progress display).
    public init(
        dataset: Dataset, grouping: KeyOpinionLeaders.Grouping = .kind, filter: AccountFilter = AccountFilter(), top: Int,
        bootstrapReplicates: Int = 0, seed: UInt64 = 1, budget: KeyOpinionLeaders.BetweennessBudget = .init(),
        onStep: (String) -> Void = { _ in }
    ) throws {
        onStep("computing roles")
        var budget = budget
        budget.topCount = top
        let replicateBudget = budget
        leaders = try KeyOpinionLeaders(dataset: dataset, grouping: grouping, budget: budget)
        ranked = Ranking.rank(leaders.profiles.map(\.score), in: dataset, filter: filter, limit: top)
        if bootstrapReplicates > 0 {
            onStep("bootstrap, \(bootstrapReplicates) replicates")
            bootstrap = try RankBootstrap(
                dataset: dataset, top: ranked, k: top, replicates: bootstrapReplicates, seed: seed, types: KeyOpinionLeaders.amplificationTypes
            ) { try KeyOpinionLeaders.scores(on: $0, budget: replicateBudget) }
        } else {
            bootstrap = nil
        }
    }

    /// The `key_opinion_leaders` table.
    public func table(dataset: Dataset) -> ResultTable {
        RankingTable.roles(ranked, leaders: leaders, dataset: dataset, bootstrap: bootstrap)
    }
}
