/// The key-opinion-leader table as `reachgraph kol` and the briefing show it: every account's
/// roles and composite score, ranked, cut at the top N (ties at the cut kept, up to N more: ``Ranking/cut(_:in:filter:limit:)``), and optionally how
/// stable that top N is under a Poisson bootstrap of the amplification relations.
///
/// - Complexity: one ``KeyOpinionLeaders`` computation, plus `bootstrapReplicates` times the
///   score on a resampled graph.
public struct KeyOpinionLeaderRanking: Sendable {
    public let leaders: KeyOpinionLeaders
    /// The ranked accounts that pass the filter, up to `top` (with the ties at the cut, up to `top` more).
    public let ranked: [RankedAccount]
    /// The rank intervals of the top N, when bootstrap replicates were asked for and fit the
    /// bootstrap's budget.
    public let bootstrap: RankBootstrap?
    /// Accounts tied at the cut and left out of ``ranked`` (``Ranking/Cut/tiedLeftOut``).
    public let tiedLeftOut: Int
    /// Why the bootstrap asked for did not run (its estimated cost is over `bootstrapBudget`);
    /// `nil` when it ran or was not asked for.
    public let bootstrapNote: String?

    /// - Parameters:
    ///   - top: the rank cut N; also the k of the bootstrap's "stays in the top k".
    ///   - bootstrapReplicates: 0 turns the bootstrap off.
    ///   - seed: the bootstrap's seed.
    ///   - budget: when betweenness is exact; its `topCount` is replaced by `top`.
    ///   - bootstrapBudget: seconds of one thread the bootstrap may take, priced before it runs as
    ///     `bootstrapReplicates` times the observed graph's betweenness step
    ///     (``KeyOpinionLeaders/betweennessSeconds``); over it, no replicate runs and
    ///     ``bootstrapNote`` says why. `nil`: no limit.
    ///   - onStep: called with the name of each step as it starts (for progress display).
    public init(
        dataset: Dataset, grouping: KeyOpinionLeaders.Grouping = .kind, filter: AccountFilter = AccountFilter(), top: Int,
        bootstrapReplicates: Int = 0, seed: UInt64 = 1, budget: KeyOpinionLeaders.BetweennessBudget = .init(),
        bootstrapBudget: Double? = nil, onStep: (String) -> Void = { _ in }
    ) throws {
        onStep("computing roles")
        var budget = budget
        budget.topCount = top
        let replicateBudget = budget
        leaders = try KeyOpinionLeaders(dataset: dataset, grouping: grouping, budget: budget)
        let cut = Ranking.cut(leaders.profiles.map(\.score), in: dataset, filter: filter, limit: top)
        ranked = cut.ranked
        tiedLeftOut = cut.tiedLeftOut
        let bootstrapSeconds = Double(bootstrapReplicates) * leaders.betweennessSeconds
        if bootstrapReplicates > 0, let bootstrapBudget, bootstrapSeconds > bootstrapBudget {
            bootstrap = nil
            bootstrapNote = "rank intervals skipped: \(bootstrapReplicates) bootstrap replicates would take an estimated "
                + "\(groupedDigits(Int(bootstrapSeconds.rounded(.up)))) s on one thread (betweenness alone), over the budget of \(String(format: "%g", bootstrapBudget)) s"
        } else if bootstrapReplicates > 0 {
            bootstrapNote = nil
            onStep("bootstrap, \(bootstrapReplicates) replicates")
            bootstrap = try RankBootstrap(
                dataset: dataset, top: ranked, k: top, replicates: bootstrapReplicates, seed: seed, types: KeyOpinionLeaders.amplificationTypes
            ) { try KeyOpinionLeaders.scores(on: $0, budget: replicateBudget) }
        } else {
            bootstrap = nil
            bootstrapNote = nil
        }
    }

    /// The ties at the cut left out of ``ranked``, in one line naming `option` as what lists them
    /// (``Ranking/Cut/note(option:)``); `nil` when the cut kept every tie.
    public func cutNote(option: String = "--top") -> String? {
        Ranking.Cut(ranked: ranked, tiedLeftOut: tiedLeftOut).note(option: option)
    }

    /// The `key_opinion_leaders` table.
    public func table(dataset: Dataset) -> ResultTable {
        RankingTable.roles(ranked, leaders: leaders, dataset: dataset, bootstrap: bootstrap)
    }
}
