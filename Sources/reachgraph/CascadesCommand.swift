import ArgumentParser
import ReachGraph

extension CascadeGrouping: ExpressibleByArgument {}

struct CascadesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cascades",
        abstract: "Rebuild cascades from posts and measure size, depth, breadth, structural virality, speed, reach and stage path.",
        discussion: """
            Without parent_post, reposts are attributed by --attribution: root (a star), follow-graph \
            (the most recent earlier participant the reposter follows, from --follows FILE with \
            follower,followee rows), or probabilistic (DeVerna et al. 2024; --gamma, --alpha, --samples, --seed). \
            With --trees, INPUT is a folder of Twitter15/16 propagation-tree files.
            """
    )

    enum Attribution: String, ExpressibleByArgument, CaseIterable {
        case root
        case followGraph = "follow-graph"
        case probabilistic
    }

    @OptionGroup var input: InputOptions

    @Flag(help: "Read INPUT as a folder of Twitter15/16 propagation trees.")
    var trees = false

    @Option(help: "How to attach reposts whose parent post is unknown: root, follow-graph or probabilistic.")
    var attribution: Attribution = .root

    @Option(help: "follower,followee CSV: attribution by --attribution follow-graph, and unique reach (distinct followers of the participants).")
    var follows: String?

    @Flag(help: "List every participant with its amplification factor (followers of its subtree / followers of its parent) instead of one row per cascade.")
    var participants = false

    @Option(help: "Probabilistic attribution: weight of follower counts against recency (0–1).")
    var gamma = 0.5

    @Option(help: "Probabilistic attribution: power-law exponent of the delay term.")
    var alpha = 1.0

    @Option(help: "Probabilistic attribution: trees sampled per cascade.")
    var samples = 20

    @Option(help: "Seed for probabilistic attribution.")
    var seed: UInt64 = 1

    @Option(help: "List only cascades with at least this many participants.")
    var minSize = 2

    @Option(help: "Grouping, not a measure: aggregate cascades by root account, kind or province instead of one row per cascade.")
    var by: CascadeGrouping?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if !(0 ... 1).contains(gamma) { throw ValidationError("--gamma must be between 0 and 1") }
        if !alpha.isFinite || alpha < 0 { throw ValidationError("--alpha must be a number, 0 or more") }
        if samples < 1 { throw ValidationError("--samples must be at least 1") }
        if attribution == .followGraph && follows == nil { throw ValidationError("--attribution follow-graph needs --follows FILE") }
        if trees && by != nil { throw ValidationError("--by needs a dataset with accounts; propagation trees have none") }
    }

    func run() throws {
        let progress = Progress(quiet: output.quiet)
        if trees {
            progress.begin("reading propagation trees")
            let items = try PropagationTreeReader.readFolder(input.input)
            progress.finish()
            reportWarnings(items.reduce(Diagnostics()) { $0.merging($1.diagnostics) }, quiet: output.quiet)
            try output.emit([items.filter { $0.tree.size >= minSize }.cascadeTable()])
            return
        }
        // Cascades read posts only: relations derived from them would go unused.
        let dataset = try input.load(progress: progress, derivingRelations: false)
        var diagnostics = dataset.diagnostics
        let followGraph = try follows.map { try FollowGraph.read($0, for: dataset, diagnostics: &diagnostics) }
        let policy: AttributionPolicy
        switch attribution {
        case .root: policy = .root
        case .followGraph: policy = .followGraph(followGraph ?? FollowGraph(accountCount: dataset.accounts.count, pairs: []))
        case .probabilistic: policy = .probabilistic(ProbabilisticAttribution(gamma: gamma, alpha: alpha, samples: samples, seed: seed))
        }
        progress.begin("rebuilding cascades")
        let analysis = CascadeAnalysis(dataset: dataset, policy: policy, minimumSize: minSize, follows: followGraph, participants: participants)
        progress.finish()
        reportWarnings(diagnostics, quiet: output.quiet)
        reportWarnings(analysis.diagnostics, quiet: output.quiet)
        if output.format == .csv && output.table == nil && !participants && by == nil {
            // The same bytes as the table's CSV, without holding the table.
            try output.write(utf8: analysis.cascadeCSVBytes(dataset: dataset))
            return
        }
        let table = participants
            ? analysis.participantTable(dataset: dataset)
            : by.map { analysis.aggregateTable(dataset: dataset, by: $0) } ?? analysis.cascadeTable(dataset: dataset)
        try output.emit([table])
    }
}
