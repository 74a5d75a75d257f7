import ArgumentParser
import Foundation
import ReachGraph
import ReachGraphviz

extension LayoutEngine: ExpressibleByArgument {}
extension NodeScores.Measure: ExpressibleByArgument {}

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw a figure of the network with Graphviz: SVG, PNG, PDF or DOT (from the output's extension).",
        discussion: """
            overview: every account, kinds as shapes and colours, node area by --by, edge width by \
            log weight, provinces as boxes (fdp, dot) or colours (other layouts), legend and caption. \
            ego: the accounts within --radius hops of --account, in both directions, the ego \
            highlighted. Big networks: --top N keeps the N highest-scoring accounts; --max-nodes N \
            keeps the smallest k-core that fits (as Hoaxy does); the caption says what was cut. \
            The default layout is fdp (overview) or twopi (ego) when the figure is small enough, \
            else sfdp; dot is only run on trees and layered graphs (on other graphs of over 100 \
            nodes it takes minutes) and is replaced by sfdp with a warning. An INPUT ending in .dot \
            or .gv is rendered as it is (--layout, or its layout attribute, or dot), with the same \
            engine checks.
            """
    )

    enum FigureKind: String, ExpressibleByArgument, CaseIterable {
        case overview
        case ego
    }

    @OptionGroup var input: InputOptions

    @Option(help: "The figure: overview or ego.")
    var figure: FigureKind = .overview

    @Option(help: "The ego account's id (with --figure ego).")
    var account: String?

    @Option(help: "Hops from the ego (with --figure ego).")
    var radius = 1

    @Option(help: ArgumentHelp("Draw only the N highest-scoring accounts (by --by).", valueName: "N"))
    var top: Int?

    @Option(name: .customLong("max-nodes"), help: ArgumentHelp("Draw the smallest k-core with at most N accounts (and --max-edges ties).", valueName: "N"))
    var maxNodes: Int?

    @Option(name: .customLong("max-edges"), help: ArgumentHelp("Tie budget for --top and --max-nodes (default 4 × N); the heaviest ties are kept.", valueName: "N"))
    var maxEdges: Int?

    @Option(help: "Layout engine: dot, neato, fdp, sfdp, circo or twopi.")
    var layout: LayoutEngine?

    @Option(help: "Node size and ranking: degree, strength, in-degree or out-degree.")
    var by: NodeScores.Measure = .strength

    @Option(help: ArgumentHelp("How many of the highest-scoring accounts are named.", valueName: "N"))
    var labels = 25

    @Flag(help: "Mark the figure as synthetic data in its caption (every sample dataset is).")
    var synthetic = false

    @Option(help: ArgumentHelp("A caption line (filters, sources); repeatable.", valueName: "TEXT"))
    var note: [String] = []

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The figure file: .svg, .png, .pdf or .dot.", valueName: "FILE"))
    var output: String

    @Flag(help: "Print no progress or warnings on standard error.")
    var quiet = false

    /// Whether INPUT is DOT text to render as it is.
    private var inputIsDOT: Bool { ["dot", "gv"].contains((input.input as NSString).pathExtension.lowercased()) }

    func validate() throws {
        let fileExtension = (output as NSString).pathExtension.lowercased()
        guard fileExtension == "dot" || RenderFormat(pathExtension: fileExtension) != nil else {
            throw ValidationError("cannot tell the format of \"\(output)\": use a .svg, .png, .pdf or .dot file name")
        }
        if inputIsDOT {
            if fileExtension == "dot" { throw ValidationError("INPUT is DOT already: render it to .svg, .png or .pdf") }
            if account != nil || top != nil || maxNodes != nil || figure == .ego {
                throw ValidationError("a DOT INPUT is rendered as it is: only --layout, -o and --quiet apply")
            }
            return
        }
        if top != nil && maxNodes != nil { throw ValidationError("give --top or --max-nodes, not both") }
        for (name, value) in [("--top", top), ("--max-nodes", maxNodes), ("--max-edges", maxEdges)] {
            if let value, value < 1 { throw ValidationError("\(name) must be at least 1") }
        }
        if maxEdges != nil && top == nil && maxNodes == nil { throw ValidationError("--max-edges needs --top or --max-nodes") }
        if labels < 0 { throw ValidationError("--labels must not be negative") }
        switch figure {
        case .ego:
            guard account != nil else { throw ValidationError("--figure ego needs --account ID") }
            if radius < 0 { throw ValidationError("--radius must not be negative") }
        case .overview:
            if account != nil { throw ValidationError("--account is for --figure ego") }
        }
    }

    func run() throws {
        if inputIsDOT { return try renderDOTFile() }
        let progress = Progress(quiet: quiet)
        let dataset = try input.load(progress: progress)
        progress.begin("drawing \(figure.rawValue)")
        let scores = NodeScores(by, of: dataset.graph())
        let legibility: Legibility
        if let top {
            legibility = Legibility(maxNodes: top, maxEdges: maxEdges ?? 4 * top, strategy: .topScores)
        } else if let maxNodes {
            legibility = Legibility(maxNodes: maxNodes, maxEdges: maxEdges ?? 4 * maxNodes, strategy: .kCore)
        } else {
            legibility = .everything
        }
        let options = NetworkFigureOptions(
            engine: layout, scores: scores, legibility: legibility, labelCount: labels, caption: CaptionOptions(notes: note, isSynthetic: synthetic)
        )
        let drawn: Figure
        switch figure {
        case .overview:
            drawn = try NetworkOverview.figure(of: dataset, options: options)
        case .ego:
            drawn = try EgoNetwork.figure(of: dataset, around: account ?? "", radius: radius, options: options)
        }
        if let notice = drawn.notice, !quiet { Console.error("warning: \(notice)") }
        progress.begin("laying out \(drawn.shape.nodeCount) accounts with \(drawn.engine.rawValue)")
        if let format = RenderFormat(pathExtension: (output as NSString).pathExtension) {
            try drawn.render(as: format, to: output)
        } else {
            try AtomicFile.write(drawn.dot, to: output)
        }
        progress.finish()
        reportWarnings(dataset, quiet: quiet)
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
