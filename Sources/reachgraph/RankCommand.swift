import ArgumentParser
import Foundation
import ReachGraph
import ReachGraphCore

extension RankingMeasure: ExpressibleByArgument {}
extension KeyOpinionLeaders.Grouping: ExpressibleByArgument {}
extension AccountKind: ExpressibleByArgument {}
extension Tier: ExpressibleByArgument {}

extension PathLength: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument {
        case "hops": self = .hops
        case "inverse-weight": self = .inverseWeight
        case "weight": self = .weight
        default: return nil
        }
    }

    public static var allValueStrings: [String] { ["hops", "inverse-weight", "weight"] }
}

/// Filters shared by the ranking commands.
struct FilterOptions: ParsableArguments {
    @Option(help: "List only accounts of these kinds (repeatable).")
    var kind: [AccountKind] = []

    @Option(help: "List only accounts of these tiers (repeatable).")
    var tier: [Tier] = []

    @Option(help: "List only accounts of these provinces (repeatable).")
    var province: [String] = []

    @Option(help: "List only accounts on these platforms (repeatable).")
    var platform: [String] = []

    @Option(help: "How many accounts to list (accounts tied at the cut too, when they are at most as many again; else a note counts them).")
    var top: Int?

    @Option(help: "Bootstrap replicates for rank intervals and the chance of staying in the top N (0: off).")
    var bootstrap = 0

    @Option(help: "Seed for bootstrap and sampling.")
    var seed: UInt64 = 1

    var filter: AccountFilter {
        AccountFilter(kinds: Set(kind), tiers: Set(tier), provinces: Set(province), platforms: Set(platform))
    }

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        if bootstrap < 0 { throw ValidationError("--bootstrap must be 0 or more") }
        if bootstrap > 0 && top == nil { throw ValidationError("--bootstrap needs --top N: it reports how stable the top N is") }
    }
}

struct RankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank",
        abstract: "Rank accounts by a centrality measure.",
        discussion: "Measures:\n" + RankingMeasure.allCases.map { "  \($0.rawValue): \($0.meaning)" }.joined(separator: "\n")
    )

    @OptionGroup var input: InputOptions

    @Option(help: "The measure to rank accounts by (see below); in cascades, index and trend --by groups rows instead.")
    var by: RankingMeasure

    @OptionGroup var filters: FilterOptions

    @Option(help: "PageRank damping (NetworkX's alpha).")
    var damping = 0.85

    @Option(help: "Personalise PageRank: a CSV file of id,weight or a comma-separated list of account ids.")
    var personalize: String?

    @Flag(help: "Ignore edge weights in PageRank, HITS and strength.")
    var unweighted = false

    @Option(help: "Path lengths for betweenness, closeness, harmonic: hops, inverse-weight (1/weight) or weight.")
    var pathLength: PathLength = .hops

    @Option(help: "betweenness-approx: a fixed sample with this largest absolute error ε on NetworkX's scale (Riondato–Kornaropoulos), with a warning when ε cannot separate the top N. Without it, sources are sampled until the top N (--top, default 20) is settled.")
    var epsilon: Double?

    @Option(help: "betweenness-approx with --epsilon: probability δ that the error bound fails.")
    var delta = 0.1

    @Option(help: ArgumentHelp("betweenness-approx without --epsilon: when exact betweenness is estimated to take longer than this on one thread (\(durationSyntax); default \(String(format: "%g", RankingMeasure.Settings.defaultSamplingBudget)) s, about half that on two threads), the sampler stops after as many searches as fit in it, with a warning that the top N is not settled.", valueName: "DURATION"), transform: duration)
    var samplingBudget: TimeSpan?

    @Option(help: ArgumentHelp("Take the scores from the Spark program's output folder (spark/README.md); INPUT is then the `export --to spark` folder, of which only the accounts are read.", valueName: "DIR"))
    var scores: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if scores != nil {
            guard SparkScores.columns(for: by) != nil else {
                throw ValidationError("--scores gives \(SparkScores.measures.map(\.rawValue).joined(separator: ", ")), not \(by.rawValue)")
            }
            if filters.bootstrap > 0 || personalize != nil || unweighted || damping != 0.85 {
                throw ValidationError("--scores reads finished scores: --bootstrap, --personalize, --unweighted and --damping belong to the Spark run")
            }
        }
        guard (0 ... 1).contains(damping) else { throw ValidationError("--damping must be between 0 and 1") }
        guard (epsilon ?? 0.5) > 0 && (epsilon ?? 0.5) < 1, delta > 0 && delta < 1 else { throw ValidationError("--epsilon and --delta must be between 0 and 1") }
        if samplingBudget != nil && (by != .approximateBetweenness || epsilon != nil) {
            throw ValidationError("--sampling-budget bounds betweenness-approx without --epsilon")
        }
    }

    func run() throws {
        if let scores {
            let dataset = try SparkExportReader.accounts(in: input.input)
            let values = try SparkScores.scores(by, in: scores, for: dataset)
            let ranked = Ranking.rank(values, in: dataset, filter: filters.filter, limit: filters.top)
            return try output.emit([RankingTable.make(ranked, measure: by.rawValue, dataset: dataset)])
        }
        let progress = Progress(quiet: output.quiet)
        let dataset = try input.load(progress: progress)
        reportWarnings(dataset.diagnostics, quiet: output.quiet)
        var settings = RankingMeasure.Settings()
        settings.damping = damping
        settings.weighted = !unweighted
        settings.pathLength = pathLength
        settings.maximumError = epsilon
        settings.failureProbability = delta
        if let samplingBudget { settings.samplingBudget = samplingBudget.seconds }
        settings.seed = filters.seed
        if let personalize { settings.personalization = try Personalization.weights(from: personalize, dataset: dataset) }
        let ranking = try MeasureRanking(
            dataset: dataset, measure: by, settings: settings, filter: filters.filter, top: filters.top,
            bootstrapReplicates: filters.bootstrap, seed: filters.seed, onStep: progress.begin
        )
        progress.finish()
        reportLines(ranking.warnings, as: "warning", quiet: output.quiet)
        reportLines(ranking.notes, as: "note", quiet: output.quiet)
        try output.emit([ranking.table(dataset: dataset)])
    }
}

struct KeyOpinionLeadersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kol",
        abstract: "Key opinion leaders: source, amplifier and bridge roles and a composite score.",
        discussion: """
            Computed on repost and quote relations (edges source → amplifier). Score = \
            max(0.4·P(source_rank) + 0.3·P(distinct_reposters) + 0.3·P(betweenness), \
            (0.4·P(source_rank) + 0.3·P(distinct_reposters)) / 0.7): bridging counts where it raises \
            the score. P = percentile rank among the accounts with a repost or quote tie (the others \
            score 0); betweenness among those with betweenness above 0. \
            Roles: source (P(source_rank) ≥ 0.9, ≥ 2 reposters), amplifier (≥ 3 distinct sources, \
            reposts/(reposts+originals) ≥ 0.5), bridge (P(betweenness) ≥ 0.9 and brokerage between \
            groups > 0: kinds, provinces or Louvain communities, --brokerage). Betweenness is exact when its estimated time on one thread fits \
            --exact-betweenness-budget, otherwise sampled until the top N is settled or as many \
            searches as fit in the budget have run; a note on standard error says which. The \
            budget is seconds of one thread, estimated from the graph's size (deterministic, not \
            timed): on T threads the step takes about budget / T.
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var filters: FilterOptions

    @Option(help: "Groups for brokerage: kind, province or community (Louvain). Default: kind when the accounts carry at least two kinds, else community, as the briefing chooses.")
    var brokerage: KeyOpinionLeaders.Grouping?

    @Option(help: ArgumentHelp("Compute betweenness exactly when its estimated time on one thread is at most this (\(durationSyntax)); above it, sample until the top N is settled or as many searches as fit in it have run (at least \(KeyOpinionLeaders.BetweennessBudget.minimumSearches)). 0 always samples. Default: \(formatNumber(KeyOpinionLeaders.BetweennessBudget.defaultSeconds, digits: 3))s (rank's --sampling-budget, for one measure alone, is larger).", valueName: "DURATION"), transform: duration)
    var exactBetweennessBudget = TimeSpan(seconds: KeyOpinionLeaders.BetweennessBudget.defaultSeconds)

    @OptionGroup var output: OutputOptions

    func run() throws {
        let progress = Progress(quiet: output.quiet)
        let dataset = try input.load(progress: progress)
        reportWarnings(dataset.diagnostics, quiet: output.quiet)
        let budget = KeyOpinionLeaders.BetweennessBudget(seconds: exactBetweennessBudget.seconds)
        let ranking = try KeyOpinionLeaderRanking(
            dataset: dataset, grouping: brokerage ?? .automatic(for: dataset), filter: filters.filter, top: filters.top ?? 20,
            bootstrapReplicates: filters.bootstrap, seed: filters.seed, budget: budget, onStep: progress.begin
        )
        progress.finish()
        reportLines([ranking.leaders.betweennessNote, ranking.cutNote()].compactMap { $0 }, as: "note", quiet: output.quiet)
        try output.emit([ranking.table(dataset: dataset)])
    }
}
