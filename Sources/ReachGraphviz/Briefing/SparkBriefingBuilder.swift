import Foundation
import ReachGraph

/// The briefing of a dataset too large to load whole, written from the Spark program's tables
/// (`reachgraph brief EXPORT --scores DIR`, see `docs/scaling.md`).
///
/// ReachGraph reads only the export's accounts, the relations among the accounts it draws, and
/// the Spark tables (`run.json`, `scores/`, `components/`, `cascades/`, `coordination_edges/`).
/// The sections are the ones those tables support — dataset, network, central accounts,
/// cascades, coordination — with findings written from them; the analyses that need every post or
/// edge in memory (the key-opinion-leader composite with betweenness and bootstrap, local
/// pickup, 1+N structure, who to reach, the communication power index) are listed as skipped
/// with the reason, on the page, in `brief.md` and in ``BriefingDocument/degradations``.
public struct SparkBriefingBuilder {
    /// The folder `reachgraph export --to spark` wrote.
    public let export: String
    /// The Spark program's output folder for that export.
    public let output: String
    public let options: BriefingBuilder.Options
    /// Progress callback: the name of the step that starts.
    public var onStep: @Sendable (String) -> Void = { _ in }

    /// Where ``build()`` renders the figures' PNGs, when ``BriefingBuilder/Options/png`` asks for them.
    private let pngs: BackgroundPNGs?

    public init(export: String, output: String, options: BriefingBuilder.Options = .init()) {
        self.export = export
        self.output = output
        self.options = options
        pngs = options.png ? BackgroundPNGs() : nil
    }

    /// Reads the tables and writes every section they support.
    /// - Throws: ``InputError`` when the export or the run cannot be read, or the two do not
    ///   match (an account of one missing from the other). Sections themselves never throw: a
    ///   missing table skips its section with the reason.
    public func build() throws -> BriefingDocument {
        onStep("reading \(output)")
        let run = try SparkRunOutput(folder: output)
        let accounts = try SparkExportReader.accounts(in: export)
        // Raw degrees (figures size nodes by them); PageRank is taken as written either way.
        let scores = try SparkScores.scores([.pageRank, .outDegree, .inDegree], in: output, for: accounts, normalized: false)
        let pageRank = scores[0], outDegree = scores[1], inDegree = scores[2]
        var sections: [BriefingSection] = []
        func add(_ title: String, _ make: () throws -> BriefingSection) { sections.append(title, orSkip: make) }
        add("Dataset") { try datasetSection(run) }
        add("The network") { try networkSection(accounts, pageRank: pageRank) }
        add("Central accounts") { centralSection(accounts, pageRank: pageRank, outDegree: outDegree, inDegree: inDegree) }
        if run.analyses.contains("cascades") { add("Cascades") { try cascadeSection(run, accounts: accounts) } }
        if run.analyses.contains("coordination") { add("Coordination") { try coordinationSection(run, accounts: accounts) } }
        sections.append(BriefingSection(
            title: "Not in this briefing",
            paragraphs: ["These analyses need every post and edge in one machine's memory, which this dataset was exported to Spark to avoid. Run `reachgraph brief` on a slice (a store's `--period`, or a province's accounts) for them."],
            notes: Self.wholeDatasetSections.map { "skipped: \($0) needs the whole dataset in memory" }
        ))
        pngs?.attach(to: &sections)
        let title = (isSynthetic ? "Synthetic data — " : "") + "Amplification briefing: \((export as NSString).lastPathComponent) (from Spark)"
        let provenance = [
            "Source: the Spark export \(export) and the Spark program's tables in \(output): \(groupedDigits(run.accountCount)) accounts, \(groupedDigits(run.edgeCount)) distinct edges.",
            "Degrees, components, PageRank, cascades and co-action pairs were computed by spark/reachgraph_spark.py (the same numbers as ReachGraph's, checked by Tests/SparkTests); ReachGraph read only the accounts and the ties among the accounts it draws.",
        ] + (isSynthetic ? ["\(CaptionOptions.syntheticNotice)."] : []) + [
            "Edges run in the direction information flows: a repost of A's post by B is the edge A → B.",
        ]
        return BriefingDocument(title: title, provenance: provenance, warnings: [], sections: sections)
    }

    /// The sections of ``BriefingBuilder`` that a briefing from Spark tables leaves out.
    static let wholeDatasetSections = [
        "the key-opinion-leader composite (betweenness and bootstrap)", "local creation → influencer pickup → community spread",
        "1+N structure", "who to reach", "communication power index",
    ]

    private var isSynthetic: Bool { options.isSynthetic ?? false }

    private var caption: CaptionOptions { CaptionOptions(isSynthetic: isSynthetic) }

    private func name(_ account: Account) -> String { account.label }

    private func datasetSection(_ run: SparkRunOutput) throws -> BriefingSection {
        var paragraphs = ["\(groupedDigits(run.accountCount)) accounts are tied by \(groupedDigits(run.edgeCount)) distinct directed edges."]
        var tables: [ResultTable] = []
        if run.analyses.contains("components") {
            let components = try run.components()
            if let largest = components.first, run.accountCount > 0 {
                let share = Double(largest.size) / Double(run.accountCount)
                paragraphs.append(
                    "They form \(groupedDigits(components.count)) weakly connected part\(components.count == 1 ? "" : "s"); the largest holds \(groupedDigits(largest.size)) accounts (\(percentText(share)))"
                        + (components.count > 1 ? ", the next \(groupedDigits(components[1].size))." : ".")
                )
            }
            var table = ResultTable(name: "components", title: "Weakly connected components, largest first", columns: ["component", "size"])
            table.rows = components.map { [.text($0.label), .integer($0.size)] }
            tables.append(table)
        }
        return BriefingSection(title: "Dataset", paragraphs: paragraphs, tables: tables, rowsShown: 10)
    }

    private func networkSection(_ accounts: Dataset, pageRank: [Double]) throws -> BriefingSection {
        onStep("drawing the network")
        let count = options.overviewNodes
        let top = try SparkScores.topSubgraph(count: count, of: accounts, scores: pageRank, export: export)
        var figureOptions = NetworkFigureOptions()
        figureOptions.scores = NodeScores(name: "pagerank", values: top.scores)
        figureOptions.legibility = Legibility(maxNodes: count, maxEdges: 4 * count, strategy: .topScores)
        figureOptions.caption = CaptionOptions(notes: ["PageRank computed by Spark over the whole dataset; drawn: its top \(count) accounts and the ties among them"], isSynthetic: isSynthetic)
        var notes: [String] = []
        onStep("rendering overview")
        let overview = BriefingFigure.rendered("overview", pngs: pngs, notes: &notes) { try NetworkOverview.figure(of: top.dataset, options: figureOptions) }
        return BriefingSection(
            title: "The network",
            paragraphs: ["The \(count) accounts with the highest PageRank and the ties among them, sized by PageRank and drawn by kind (see the legend)."],
            figures: overview.map { [$0] } ?? [], notes: notes
        )
    }

    private func centralSection(_ dataset: Dataset, pageRank: [Double], outDegree: [Double], inDegree: [Double]) -> BriefingSection {
        let accounts = dataset.accounts
        func ranked(_ values: [Double]) -> [Int] {
            values.indices.sorted { values[$0] != values[$1] ? values[$0] > values[$1] : accounts[$0].id < accounts[$1].id }
        }
        let byPageRank = Array(ranked(pageRank).prefix(options.top))
        var paragraphs: [String] = []
        if let first = byPageRank.first {
            var sentence = "\(name(accounts[first])) (\(accounts[first].kind.rawValue)) has the highest PageRank, \(formatNumber(pageRank[first], digits: 3))"
            if byPageRank.count > 1 {
                let second = byPageRank[1]
                sentence += ", \(formatNumber(pageRank[first] / max(pageRank[second], .leastNonzeroMagnitude), digits: 3))× that of \(name(accounts[second]))"
            }
            paragraphs.append(sentence + ": a random walk that follows content from author to reposter ends at it more often than anywhere else.")
        }
        if let widest = ranked(outDegree).first, outDegree[widest] > 0 {
            paragraphs.append("\(name(accounts[widest])) reaches the most accounts directly: its ties run to \(groupedDigits(Int(outDegree[widest]))) distinct accounts (for reposts, the accounts that reposted it).")
        }
        paragraphs.append("How: PageRank with NetworkX's defaults (damping 0.85) on the weighted graph whose edges run from author to reposter; out-degree counts the distinct accounts a tie runs to, in-degree those it comes from. The composite key-opinion-leader score (with betweenness and a bootstrap interval) needs the whole graph in memory and is not in this briefing.")
        var table = ResultTable(
            name: "central_accounts", title: "Accounts by PageRank (Spark)",
            columns: ["rank", "account", "name", "kind", "pagerank", "out_degree", "in_degree"]
        )
        for (position, index) in byPageRank.enumerated() {
            let account = accounts[index]
            table.rows.append([
                .integer(position + 1), .text(account.id), .text(name(account)), .text(account.kind.rawValue),
                .number(pageRank[index]), .integer(Int(outDegree[index])), .integer(Int(inDegree[index])),
            ])
        }
        return BriefingSection(title: "Central accounts", paragraphs: paragraphs, tables: [table], rowsShown: options.top, headline: paragraphs.first)
    }

    private func cascadeSection(_ run: SparkRunOutput, accounts dataset: Dataset) throws -> BriefingSection {
        let cascades = try run.cascades()
        var paragraphs: [String] = []
        func author(_ cascade: SparkRunOutput.Cascade) -> String {
            dataset.index(ofAccount: cascade.rootAccount).map { name(dataset.accounts[Int($0)]) } ?? cascade.rootAccount
        }
        if let largest = cascades.first {
            let mean = Double(cascades.reduce(0) { $0 + $1.size }) / Double(cascades.count)
            paragraphs.append(
                "\(groupedDigits(cascades.count)) \(cascades.count == 1 ? "post was" : "posts were") reposted by at least one other account; a cascade has \(formatNumber(mean, digits: 3)) participants on average. "
                    + "The largest, post \(largest.rootPost) by \(author(largest)), reached \(groupedDigits(largest.size)) accounts at depth \(largest.depth)."
            )
            if let deepest = cascades.max(by: { ($0.depth, $1.size) < ($1.depth, $0.size) }), deepest.depth > largest.depth {
                paragraphs.append("The deepest, post \(deepest.rootPost) by \(author(deepest)), travelled \(deepest.depth) reposts away from its author (\(groupedDigits(deepest.size)) accounts).")
            }
        } else {
            paragraphs.append("No post was reposted by another account.")
        }
        paragraphs.append("How: one node per account (its first post in the cascade), under the author of the post it reposted; depth is the longest chain from the root's author.")
        var table = ResultTable(name: "cascades", title: "Largest cascades (Spark)", columns: ["root_post", "root_account", "name", "size", "depth"])
        table.rows = cascades.map { [.text($0.rootPost), .text($0.rootAccount), .text(author($0)), .integer($0.size), .integer($0.depth)] }
        return BriefingSection(title: "Cascades", paragraphs: paragraphs, tables: [table], rowsShown: options.top, headline: paragraphs.first)
    }

    private func coordinationSection(_ run: SparkRunOutput, accounts dataset: Dataset) throws -> BriefingSection {
        var edges = try run.coordinationEdges()
        let window = run.coordinationWindow.map { formatNumber($0) } ?? "?"
        guard let a = edges.columns.firstIndex(of: "account_a"), let b = edges.columns.firstIndex(of: "account_b"),
              let weight = edges.columns.firstIndex(of: "weight"), let objects = edges.columns.firstIndex(of: "objects") else {
            throw BriefingSkip("the coordination_edges table lacks account_a, account_b, weight or objects")
        }
        func label(_ cell: Cell) -> String {
            let id = cell.formatted
            return dataset.index(ofAccount: id).map { name(dataset.accounts[Int($0)]) } ?? id
        }
        func count(_ cell: Cell) -> Int { if case .integer(let value) = cell { return value } else { return 0 } }
        // Distinct posts, not co-reposts, as the briefing counts them: one account reposting a post
        // twice beside another is one post in common.
        let least = Int(CoActionOptions.repeatedPairs(window: 0).minWeight)
        let repeated = edges.rows.filter { count($0[objects]) >= least }
        var paragraphs = [
            "\(groupedDigits(edges.rows.count)) pairs of accounts reposted the same post within \(window) seconds of each other; \(groupedDigits(repeated.count)) of them did so for at least \(least) different posts.",
        ]
        if let heaviest = edges.rows.first {
            paragraphs.append("The most frequent pair is \(label(heaviest[a])) and \(label(heaviest[b])): \(groupedDigits(count(heaviest[weight]))) co-reposts within the window.")
        }
        paragraphs.append("Frequent, fast co-reposting by the same pairs suggests coordination, but popular posts draw fast reposts from organic accounts too: check the heaviest pairs against a shuffled baseline with `reachgraph coordination --shuffles` on a slice that fits in memory.")
        let kept = max(options.top, 1) * 20
        if edges.rows.count > kept {
            edges.title = "Heaviest \(groupedDigits(kept)) co-action edges (Spark; all \(groupedDigits(edges.rows.count)) in \(output)/coordination_edges)"
            edges.rows = Array(edges.rows.prefix(kept))
        }
        return BriefingSection(title: "Coordination", paragraphs: paragraphs, tables: [edges], rowsShown: options.top, headline: paragraphs.first)
    }
}
