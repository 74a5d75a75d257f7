import ArgumentParser
import ReachGraph

extension SharedObjectKey: ExpressibleByArgument {}
extension CoActionWeight: ExpressibleByArgument {}
extension CoordinationGrouping: ExpressibleByArgument {}
extension ShuffleMethod: ExpressibleByArgument {}

struct CoordinationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coordination",
        abstract: "Co-action (coordination) networks: accounts that share the same objects within a time window, and their groups.",
        discussion: """
            Pairs of shares of one object with |Δt| ≤ --window (CooRTweet and QUT semantics), or in the same \
            --window-wide bin from the object's first share (--bins, CooRnet). Every posts row is a share \
            (repeated post ids included, as CooRTweet reads them). Tables (--table NAME): coordination_summary, \
            coordination_edges, coordination_groups, coordination_members. Edge columns: weight (by --weight), co_shares, \
            objects, messages_a / messages_b (QUT's directed weight: distinct messages of one account matched by \
            the other), symmetry (min/max of the two), mean_delta_seconds. --shuffles adds the shuffled baseline, R \
            copies: each account's activity circularly shifted, or (--shuffle-method object) each object's \
            share times permuted among its shares.
            Example (CooRTweet's data): reachgraph coordination russian_coord_tweets.csv --window 10 \
            --min-participation 5 --map post_id=content_id,author=account_id,parent_post=object_id,time=timestamp_share
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: ArgumentHelp("The largest |Δt| of a pair, or the bin width with --bins: \(durationSyntax).", valueName: "DURATION"), transform: duration)
    var window: TimeSpan

    @Flag(help: "Fixed bins of --window from each object's first share (CooRnet) instead of pairwise |Δt|.")
    var bins = false

    @Option(help: "The shared object: parent (reposted post; root_post when no parent), url, content-hash or hashtag-set. Default: parent when the posts repost anything, else the first of url, content-hash and hashtag-set that they carry (a link-sharing export: url); the choice is said on standard error.")
    var object: SharedObjectKey?

    @Option(help: "Drop accounts with fewer shares, and pairs of accounts that took part fewer times (CooRTweet). 1 turns it off.")
    var minParticipation = 1

    @Option(help: "Edge weight: co-shares (pairs), objects (distinct) or messages (QUT's directed count, larger side).")
    var weight: CoActionWeight = .coShares

    @Option(help: "Drop edges lighter than this.")
    var minWeight = 1.0

    @Flag(help: "Keep an account's pairs with itself (repeated shares) as self-loops.")
    var selfLoops = false

    @Option(help: ArgumentHelp("Keep only the K heaviest edges.", valueName: "K"))
    var topEdges: Int?

    @Option(help: "Keep only edges heavier than this percentile (0–100) of edge weights (CooRTweet); with --bins, also those at it (CooRnet).")
    var percentile: Double?

    @Option(help: "Group accounts by connected components or Louvain communities.")
    var groups: CoordinationGrouping = .components

    @Option(help: "Shuffled baseline: number of shuffles R (0: none).")
    var shuffles = 0

    @Option(help: "How a shuffle is drawn: circular (each account's times shifted; breaks popularity curves, so organic virality also scores above it) or object (each object's share times permuted among its shares; keeps its popularity curve).")
    var shuffleMethod: ShuffleMethod = .circular

    @Option(help: "Seed for shuffles and Louvain.")
    var seed: UInt64 = 1

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if bins && window.seconds <= 0 { throw ValidationError("--bins needs a --window above 0") }
        if minParticipation < 0 { throw ValidationError("--min-participation must be 0 or more") }
        if !minWeight.isFinite { throw ValidationError("--min-weight must be a number") }
        if topEdges != nil && percentile != nil { throw ValidationError("give --top-edges or --percentile, not both") }
        if let topEdges, topEdges < 0 { throw ValidationError("--top-edges must be 0 or more") }
        if let percentile, !(0 ... 100).contains(percentile) { throw ValidationError("--percentile must be between 0 and 100") }
        if shuffles < 0 { throw ValidationError("--shuffles must be 0 or more") }
    }

    func run() throws {
        let progress = Progress(quiet: output.quiet)
        let log = try input.loadShares(object: object, progress: progress)
        var filter = CoActionEdgeFilter.none
        if let topEdges { filter = .top(topEdges) }
        if let percentile { filter = .percentile(percentile) }
        let options = CoActionOptions(
            window: window.seconds, matching: bins ? .bins : .pairwise, minParticipation: minParticipation, selfLoops: selfLoops,
            weight: weight, minWeight: minWeight, edgeFilter: filter
        )
        progress.begin("matching shares")
        let network = CoActionNetwork(log: log, options: options)
        progress.begin("grouping")
        let grouping = CoordinationGroups(network: network, method: groups, seed: seed)
        var baseline: ShuffleBaseline?
        if shuffles > 0 {
            progress.begin("shuffling times (\(shuffles)×)")
            baseline = ShuffleBaseline(log: log, network: network, shuffles: shuffles, seed: seed, method: shuffleMethod)
        }
        progress.finish()
        reportWarnings(log.diagnostics, quiet: output.quiet)
        if object == nil && !output.quiet { Console.error("shared object: \(log.object.rawValue) (chosen from the data; --object to choose)") }
        try output.emit([
            network.summaryTable(groups: grouping, baseline: baseline), network.edgeTable(baseline: baseline),
            grouping.groupTable(network: network), grouping.memberTable(network: network),
        ])
    }
}
