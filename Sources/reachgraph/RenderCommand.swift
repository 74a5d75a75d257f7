import ArgumentParser
import Foundation
import ReachGraph
import ReachGraphCore
import ReachGraphviz

extension LayoutEngine: ExpressibleByArgument {}

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw a figure of the network with Graphviz: SVG, PNG, PDF or DOT (from the output's extension).",
        discussion: """
            overview: the accounts, kinds as shapes and colours, node area by --by, edge width by \
            log weight, provinces as boxes (fdp, dot) or colours (other layouts), legend and caption; \
            without --top or --max-nodes, a network of more than 150 accounts is trimmed to the \
            smallest k-core that fits 150, as in the briefing (--max-nodes N draws more). \
            ego: the accounts within --radius hops of --account, in both directions, the ego \
            highlighted. Big networks: --top N keeps the N highest-scoring accounts; --max-nodes N \
            keeps the smallest k-core that fits (as Hoaxy does); the caption says what was cut. \
            The default layout is fdp (overview) or twopi (ego) when the figure is small enough, \
            else sfdp; dot is only run on trees and layered graphs (on other graphs of over 100 \
            nodes it takes minutes) and is replaced by sfdp with a warning. An INPUT ending in .dot \
            or .gv is rendered as it is (--layout, or its layout attribute, or dot), with the same \
            engine checks.
            cascade: the cascade of --root POST_ID (default: the largest) as a tree, dot, top to \
            bottom (twopi, radial, when a level is wider than 12), levels by hop and each account's \
            time after the root post; --max-nodes N (or --top N) keeps the N participants heading \
            the largest subtrees, so depth survives (default 100). Parents come from parent_post; reposts \
            without one are attached to the root. \
            stages: a Sankey-like summary of the stage paths (kinds in order of first appearance) of \
            every cascade with at least 2 participants, dot, left to right. \
            structure: the 1+N diagram of --province P (default: the first), dot, hub on top, a box \
            per spoke (its declared units below it) in rows, declared ties solid or dashed (never \
            observed), undeclared observed ties summarised in the caption; more than --max-nodes \
            (default 48) accounts are drawn in parts (--part K). \
            coordination: the co-action network of shares of the same reposted post within \
            --window, its --groups (components or louvain), the --max-groups largest \
            boxed (fdp; sfdp with colours when too big); --max-nodes N (or --top N) draws whole \
            groups while they fit N accounts (a bigger first group: its strongest members) and the \
            --max-edges heaviest ties (default 3 × N). ego: without --top or --max-nodes, the 150 \
            accounts with the heaviest ties toward the ego, hop by hop.
            """
    )

    enum FigureKind: String, ExpressibleByArgument, CaseIterable {
        case overview
        case ego
        case cascade
        case stages
        case structure
        case coordination
    }

    @OptionGroup var input: InputOptions

    @Option(help: "The figure: overview, ego, cascade, stages, structure or coordination.")
    var figure: FigureKind = .overview

    @Option(help: "The ego account's id (with --figure ego).")
    var account: String?

    @Option(help: "Hops from the ego (with --figure ego).")
    var radius = 1

    @Option(help: ArgumentHelp("The root post of the cascade to draw (with --figure cascade; default: the largest cascade).", valueName: "POST_ID"))
    var root: String?

    @Option(help: "The province whose 1+N structure is drawn (with --figure structure; default: the first).")
    var province: String?

    @Option(help: ArgumentHelp("Which part of a 1+N structure drawn in several parts (with --figure structure).", valueName: "K"))
    var part = 1

    @Option(help: ArgumentHelp("With --figure coordination (required): the co-action window, shares of one post at most this far apart. With --figure structure: the time after a hub post within which a spoke's repost counts, as structure --window (default: 72h). \(durationSyntax).", valueName: "DURATION"), transform: duration)
    var window: TimeSpan?

    @Option(help: "Coordination groups: components or louvain (with --figure coordination).")
    var groups: CoordinationGrouping = .components

    @Option(name: .customLong("max-groups"), help: ArgumentHelp("The largest N coordination groups are drawn.", valueName: "N"))
    var maxGroups = 8

    @Option(help: ArgumentHelp("Draw only the N highest-scoring accounts (by --by).", valueName: "N"))
    var top: Int?

    @Option(name: .customLong("max-nodes"), help: ArgumentHelp("Draw the smallest k-core with at most N accounts (and --max-edges ties).", valueName: "N"))
    var maxNodes: Int?

    @Option(name: .customLong("max-edges"), help: ArgumentHelp("Tie budget for --top and --max-nodes (default 4 × N; 3 × N for coordination); the heaviest ties are kept.", valueName: "N"))
    var maxEdges: Int?

    @Option(help: ArgumentHelp("overview: take --by from the Spark program's scores in DIR (spark/README.md); INPUT is then the `export --to spark` folder, of which only the accounts and the ties among the --top N (default 200) are read.", valueName: "DIR"))
    var scores: String?

    @Option(name: .customLong("color-by"), help: ArgumentHelp("Fill colour of an overview or ego figure: province, kind, community (Louvain, --seed) or an account column (platform, country, city, tier, or any extra column), with a legend; shape shows the kind.", valueName: "WHAT"))
    var colorBy: String?

    @Option(help: "Seed of --color-by community.")
    var seed: UInt64 = 1

    @Option(help: "Layout engine: dot, neato, fdp, sfdp, circo or twopi.")
    var layout: LayoutEngine?

    @Option(help: "The measure for node size and ranking: any measure `reachgraph rank --by` takes (see `reachgraph rank --help`).")
    var by: RankingMeasure = .strength

    @Option(help: ArgumentHelp("How many of the highest-scoring accounts are numbered in their node and named in the caption (default 25; coordination 12).", valueName: "N"))
    var labels: Int?

    @Flag(help: "Mark the figure as synthetic data in its caption even if the dataset does not say so (a folder whose README says it is synthetic, or a store holding one, is marked without it).")
    var synthetic = false

    @Option(help: ArgumentHelp("A caption line (filters, sources); repeatable.", valueName: "TEXT"))
    var note: [String] = []

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The figure file: .svg, .png, .pdf or .dot.", valueName: "FILE"))
    var output: String

    @Flag(help: "Print no progress or warnings on standard error.")
    var quiet = false

    /// Accounts an ego figure draws without --top or --max-nodes: those with the heaviest ties.
    static let defaultEgoNodes = 150

    /// Whether INPUT is DOT text to render as it is.
    private var inputIsDOT: Bool { ["dot", "gv"].contains((input.input as NSString).pathExtension.lowercased()) }

    func validate() throws {
        let fileExtension = (output as NSString).pathExtension.lowercased()
        guard fileExtension == "dot" || RenderFormat(pathExtension: fileExtension) != nil else {
            throw ValidationError("cannot tell the format of \"\(output)\": use a .svg, .png, .pdf or .dot file name")
        }
        if scores != nil && (figure != .overview || maxNodes != nil) {
            throw ValidationError("--scores draws the overview of the top accounts: use it with --figure overview and --top N, not --max-nodes")
        }
        if inputIsDOT {
            if fileExtension == "dot" { throw ValidationError("INPUT is DOT already: render it to .svg, .png or .pdf") }
            if account != nil || top != nil || maxNodes != nil || figure != .overview {
                throw ValidationError("a DOT INPUT is rendered as it is: only --layout, -o and --quiet apply")
            }
            return
        }
        try validateFigureOptions()
        if top != nil && maxNodes != nil { throw ValidationError("give --top or --max-nodes, not both") }
        for (name, value) in [("--top", top), ("--max-nodes", maxNodes), ("--max-edges", maxEdges)] {
            if let value, value < 1 { throw ValidationError("\(name) must be at least 1") }
        }
        if maxEdges != nil && top == nil && maxNodes == nil { throw ValidationError("--max-edges needs --top or --max-nodes") }
        if let labels, labels < 0 { throw ValidationError("--labels must not be negative") }
        switch figure {
        case .ego:
            guard account != nil else { throw ValidationError("--figure ego needs --account ID") }
            if radius < 0 { throw ValidationError("--radius must not be negative") }
        case .overview, .cascade, .stages, .structure, .coordination:
            if account != nil { throw ValidationError("--account is for --figure ego") }
        }
    }

    /// Options that belong to one figure are refused with the others.
    private func validateFigureOptions() throws {
        let figureOnly: [(name: String, given: Bool, figure: FigureKind)] = [
            ("--root", root != nil, .cascade), ("--province", province != nil, .structure), 
        ]
        for option in figureOnly where option.given && figure != option.figure {
            throw ValidationError("\(option.name) is for --figure \(option.figure.rawValue)")
        }
        if window != nil && figure != .coordination && figure != .structure { throw ValidationError("--window is for --figure coordination and structure") }
        if maxGroups < 1 { throw ValidationError("--max-groups must be at least 1") }
        if colorBy != nil && figure != .overview && figure != .ego { throw ValidationError("--color-by is for --figure overview and ego") }
        switch figure {
        case .overview, .ego:
            return
        case .coordination:
            guard window != nil else { throw ValidationError("--figure coordination needs --window DURATION") }
        case .cascade, .stages, .structure:
            if layout != nil && layout != .dot { throw ValidationError("--figure \(figure.rawValue) is laid out with dot") }
        }
        if figure == .stages && (top != nil || maxNodes != nil || maxEdges != nil) {
            throw ValidationError("--figure stages draws account kinds, not accounts: --top, --max-nodes and --max-edges do not apply")
        }
        if figure == .structure && maxEdges != nil { throw ValidationError("--max-edges does not apply to a 1+N structure") }
        if part != 1 && figure != .structure { throw ValidationError("--part is for --figure structure") }
        if part < 1 { throw ValidationError("--part must be at least 1") }
        if figure == .cascade && maxEdges != nil { throw ValidationError("--max-edges does not apply to a cascade tree (one edge per participant)") }
    }

    func run() throws {
        if inputIsDOT { return try renderDOTFile() }
        let progress = Progress(quiet: quiet)
        let dataset: Dataset
        var sparkNodeScores: NodeScores?
        var top = self.top
        var note = self.note
        if let sparkScores = self.scores, let measure = RankingMeasure(rawValue: by.rawValue) {
            let count = top ?? 200
            top = count
            progress.begin("reading the top \(count) accounts of \(input.input)")
            let subgraph = try SparkScores.topSubgraph(measure, count: count, scores: sparkScores, export: input.input, normalized: false)
            dataset = subgraph.dataset
            sparkNodeScores = NodeScores(name: by.rawValue, values: subgraph.scores)
            note.insert("\(by.rawValue) computed by Spark over the whole dataset; drawn: its top \(count) accounts and the ties among them", at: 0)
        } else {
            dataset = try input.load(progress: progress)
        }
        progress.begin("drawing \(figure.rawValue)")
        let legibility: Legibility
        if let top {
            legibility = Legibility(maxNodes: top, maxEdges: maxEdges ?? 4 * top, strategy: .topScores)
        } else if let maxNodes {
            legibility = Legibility(maxNodes: maxNodes, maxEdges: maxEdges ?? 4 * maxNodes, strategy: .kCore)
        } else if figure == .ego {
            legibility = Legibility(maxNodes: Self.defaultEgoNodes, maxEdges: maxEdges ?? 4 * Self.defaultEgoNodes, strategy: .topScores)
        } else if figure == .overview {
            legibility = Legibility(maxNodes: NetworkOverview.legibleNodes)
        } else {
            legibility = .everything
        }
        let caption = CaptionOptions(notes: note, isSynthetic: synthetic || dataset.isSynthetic)
        // Only the network figures size nodes, so only they compute the measure.
        func networkOptions() throws -> NetworkFigureOptions {
            progress.begin("computing \(by.rawValue)")
            var options = NetworkFigureOptions(
                engine: layout, scores: try sparkNodeScores ?? NodeScores(by, of: dataset.graph()), legibility: legibility, labelCount: labels ?? 25, caption: caption
            )
            options.colorBy = colorBy.map { NodeColoring($0, seed: seed) }
            options.seed = seed
            options.isLaidOut = RenderFormat(pathExtension: (output as NSString).pathExtension) != nil
            return options
        }
        let drawn: Figure
        switch figure {
        case .overview:
            drawn = try NetworkOverview.figure(of: dataset, options: networkOptions())
        case .ego:
            drawn = try EgoNetwork.figure(of: dataset, around: account ?? "", radius: radius, options: networkOptions())
        case .cascade:
            drawn = try cascadeFigure(dataset, caption: caption)
        case .stages:
            let analysis = CascadeAnalysis(dataset: dataset, minimumSize: 2, thresholds: [], participants: false)
            var stagesCaption = caption
            stagesCaption.notes.insert("cascades with at least 2 participants; parents from parent_post, else the root post", at: 0)
            drawn = try StagePathFigure.figure(of: analysis, dataset: dataset, options: .init(caption: stagesCaption))
        case .structure:
            drawn = try structureFigure(dataset, caption: caption)
        case .coordination:
            let network = CoActionNetwork(log: ShareLog(posts: dataset.posts, object: .parent), options: CoActionOptions(window: window?.seconds ?? 0))
            let grouping = CoordinationGroups(network: network, method: groups, seed: 1)
            drawn = try CoordinationFigure.figure(
                of: network, groups: grouping, dataset: dataset,
                options: .init(
                    maxGroups: maxGroups, engine: layout, labelCount: labels ?? 12, caption: caption,
                    maxNodes: top ?? maxNodes ?? .max, maxEdges: maxEdges ?? (top ?? maxNodes).map { 3 * $0 } ?? .max
                )
            )
        }
        if let notice = drawn.notice, !quiet { Console.error("warning: \(notice)") }
        progress.begin("laying out \(drawn.shape.nodeCount) nodes with \(drawn.engine.rawValue)")
        if let format = RenderFormat(pathExtension: (output as NSString).pathExtension) {
            try drawn.render(as: format, to: output)
        } else {
            try AtomicFile.write(drawn.dot, to: output)
        }
        progress.finish()
        reportWarnings(dataset.diagnostics, quiet: quiet)
    }

    /// The cascade of --root, or the largest (ties: smallest root post id), rebuilt with the root
    /// attribution policy.
    private func cascadeFigure(_ dataset: Dataset, caption: CaptionOptions) throws -> Figure {
        let rootID: String
        if let root {
            rootID = root
        } else {
            let analysis = CascadeAnalysis(dataset: dataset, minimumSize: 2, thresholds: [], participants: false)
            guard let largest = analysis.largest else {
                let orphans = analysis.diagnostics.counts[CascadeReconstruction.missingRootCategory] ?? 0
                let reason = dataset.posts.count == 0 ? "has no posts"
                    : orphans > 0 ? "has no repost of a post it holds (\(orphans) lead back to posts not in the data)"
                    : "has no repost of a post it holds"
                throw FigureError(message: "\(input.input) \(reason), so no cascade to draw")
            }
            rootID = largest.rootPostID
        }
        var reconstruction = CascadeReconstruction(dataset: dataset)
        guard let cascade = reconstruction.rootAttributedCascade(ofRoot: rootID) else {
            throw FigureError(message: "post \"\(rootID)\" is not the root post of a cascade in \(input.input)")
        }
        return try CascadeTreeFigure.figure(of: cascade, dataset: dataset, options: .init(maxNodes: top ?? maxNodes ?? 100, caption: caption))
    }

    /// The 1+N diagram of --province, or of the first structure (provinces sorted by name).
    private func structureFigure(_ dataset: Dataset, caption: CaptionOptions) throws -> Figure {
        // The figure uses no synchronisation numbers, so no shuffles are run.
        var options = StructureOptions(shuffles: 0, province: province)
        if let window { options.responseWindow = window.seconds }
        let analysis = StructureAnalysis(dataset: dataset, options: options)
        if let province, let leftOut = analysis.leftOut.first(where: { $0.name == province }) {
            throw FigureError(message: "\(province) is left out of the 1+N structure in \(input.input): \(leftOut.reason)")
        }
        guard let scorecard = analysis.scorecards.first else {
            let known = StructureAnalysis(dataset: dataset, options: StructureOptions(shuffles: 0)).scorecards.map(\.structure.name)
            let list = known.isEmpty ? "it declares no 1+N structure" : "structures: " + known.joined(separator: ", ")
            throw FigureError(message: "no structure \"\(province ?? "")\" in \(input.input) (\(list))")
        }
        let parts = try StructureFigure.figures(of: scorecard, dataset: dataset, options: .init(caption: caption, maxCards: top ?? maxNodes ?? 48))
        guard (1 ... parts.count).contains(part) else {
            throw FigureError(message: "\(scorecard.structure.name) is drawn in \(parts.count) part\(parts.count == 1 ? "" : "s"); --part \(part) does not exist")
        }
        if parts.count > 1 && !quiet {
            Console.error("note: \(scorecard.structure.name) is drawn in \(parts.count) parts to stay legible; this is part \(part) (--part N for the others)")
        }
        return parts[part - 1]
    }

    /// Renders INPUT's DOT text in-process.
    private func renderDOTFile() throws {
        guard let data = FileManager.default.contents(atPath: input.input) else {
            throw InputError(file: input.input, message: "cannot read the file")
        }
        let format = RenderFormat(pathExtension: (output as NSString).pathExtension) ?? .svg
        let rendering = try GraphvizRenderer.render(
            dot: String(decoding: data, as: UTF8.self), format: format, to: output,
            options: GraphvizRenderer.Options(engine: layout, policy: .fallBackToSFDP)
        )
        if let notice = rendering.notice, !quiet { Console.error("warning: \(notice)") }
    }
}
