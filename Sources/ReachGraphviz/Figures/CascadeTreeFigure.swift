import Foundation
import ReachGraph
import ReachGraphCore

/// One cascade as a tree: the root post's author at the top, each reposter below the account it
/// reposted from (arrows source → reposter), laid out by `dot` top to bottom.
///
/// - Time: levels are **hops** from the root (`dot` ranks by the tree); each node's card shows
///   its **time after the root post** ("+2 h 15 min"), the root's card the root post's date.
///   Ranking by hop keeps the tree's shape readable; a time axis would stretch fast and slow
///   branches apart and hide the depth that structural virality measures.
/// - Nodes are cards (``KindNodeLabel``): the kind's glyph on its fill, the account's name (else
///   its id), the time. The root's card has a heavy border.
/// - Engine: `dot`, the layered engine, since a cascade is a tree; every drawn tree fits the
///   guard's tree budget because ``Options/maxNodes`` is capped at `dot`'s node budget.
/// - Large cascades: the first ``Options/maxNodes`` participants in the tree's order are drawn,
///   which for reconstructed cascades is time order (participants are added by time, parents
///   first), so every drawn node's parent is drawn too; the caption says how many later
///   participants were cut and when the last drawn one joined.
/// - The caption measures the whole cascade (not just the drawn part): size, depth, structural
///   virality, potential reach and stage path (``CascadeMetrics``).
public enum CascadeTreeFigure {
    /// What the caller chooses.
    public struct Options: Sendable {
        /// At most this many participants are drawn, root included (at least 1, at most `dot`'s
        /// node budget).
        public var maxNodes: Int
        public var caption: CaptionOptions

        public init(maxNodes: Int = 150, caption: CaptionOptions = CaptionOptions()) {
            self.maxNodes = min(max(1, maxNodes), LayoutEngine.dot.budget.nodes)
            self.caption = caption
        }
    }

    /// The tree figure of `cascade`, whose accounts index `dataset.accounts`.
    /// - Throws: ``FigureError`` when the cascade's accounts do not match its tree or the dataset.
    /// - Complexity: O(n) for the drawn nodes, plus O(N log N) for the caption's measures of the
    ///   whole cascade of N participants.
    public static func figure(of cascade: Cascade, dataset: Dataset, options: Options = Options()) throws -> Figure {
        let size = cascade.tree.size
        guard size > 0, cascade.accounts.count == size, cascade.tree.times.count == size else {
            throw FigureError(message: "cascade \(cascade.rootPostID) has \(cascade.accounts.count) accounts for a tree of \(size) nodes")
        }
        guard cascade.accounts.allSatisfy({ $0 >= 0 && Int($0) < dataset.accounts.count }) else {
            throw FigureError(message: "cascade \(cascade.rootPostID) names accounts that are not in \(FigureCaption.name(of: dataset))")
        }
        let drawn = min(size, options.maxNodes)
        let metrics = CascadeMetrics(cascade: cascade, dataset: dataset)
        let caption = captionLines(cascade: cascade, metrics: metrics, dataset: dataset, drawn: drawn, options: options.caption)
        let kinds = cascade.accounts.prefix(drawn).map { dataset.accounts[Int($0)].kind }

        var writer = DOTWriter(name: "cascade", reservingCapacity: 600 * drawn + 4096)
        var graph = FigureLabel.graphAttributes(caption: caption, legends: [FigureLabel.kindEntries(kinds)])
        graph.set("rankdir", "TB")
        graph.set("nodesep", 0.15)
        graph.set("ranksep", 0.45)
        writer.graphAttributes(graph)
        writer.nodeDefaults(["fontname": .string(FontFamily.cjk), "fontsize": 9])
        writer.edgeDefaults(["fontname": .string(FontFamily.cjk), "color": "#555555", "arrowsize": 0.6, "penwidth": 0.9])
        for node in 0 ..< drawn {
            let account = dataset.accounts[Int(cascade.accounts[node])]
            let time = node == 0 ? "root · " + iso8601String(fromUnixSeconds: cascade.startTime) : elapsedText(cascade.tree.times[node])
            let tooltip = "\(account.name ?? account.id) (\(account.id)) · \(account.kind.rawValue) · \(time)"
            writer.node("n\(node)", KindNodeLabel.attributes(kind: account.kind, lines: [shortName(account), time], tooltip: tooltip, highlighted: node == 0))
        }
        var edges: [(Int, Int)] = []
        for node in 1 ..< drawn {
            let parent = Int(cascade.tree.parents[node])
            guard parent >= 0, parent < node else { continue }
            edges.append((parent, node))
            let from = dataset.accounts[Int(cascade.accounts[parent])].id, to = dataset.accounts[Int(cascade.accounts[node])].id
            writer.edge(from: "n\(parent)", to: "n\(node)", ["tooltip": .string("\(from) → \(to)")])
        }
        let ids = Set(cascade.accounts.prefix(drawn)).sorted().map { dataset.accounts[Int($0)].id }
        return Figure(
            dot: writer.finish(), caption: caption, engine: .dot, notice: nil, shape: GraphShape(nodeCount: drawn, edges: edges), accountIDs: ids
        )
    }

    /// Title, root, measures, stage path, what was cut, attribution, encoding, notes, notice.
    private static func captionLines(cascade: Cascade, metrics: CascadeMetrics, dataset: Dataset, drawn: Int, options: CaptionOptions) -> [String] {
        let root = dataset.accounts[Int(cascade.accounts[0])]
        let size = cascade.tree.size
        var lines = [
            options.title ?? "Cascade of post \(cascade.rootPostID) by \(root.name ?? root.id) (\(root.id))",
            "root posted \(iso8601String(fromUnixSeconds: cascade.startTime))",
            "size \(groupedDigits(size)) · depth \(Int(metrics.depth)) · structural virality \(String(format: "%.2f", metrics.structuralVirality))"
                + " · potential reach \(groupedDigits(Int(metrics.potentialReach.rounded()))) followers",
            "stage path: " + metrics.stagePath.map(\.rawValue).joined(separator: " → "),
        ]
        if drawn < size {
            lines.append(
                "showing the first \(groupedDigits(drawn)) of \(groupedDigits(size)) participants by time (up to \(elapsedText(cascade.tree.times[drawn - 1]))); "
                    + "the \(groupedDigits(size - drawn)) later ones are cut"
            )
        } else {
            lines.append("all \(groupedDigits(size)) participants")
        }
        if cascade.attributedNodes > 0 {
            lines.append("\(groupedDigits(cascade.attributedNodes)) parents inferred by the attribution policy (parent post unknown)")
        }
        lines.append("levels: hops from the root; under each name: time after the root post; arrows: source → reposter; glyph and colour: kind")
        return lines + FigureLabel.closingLines(options)
    }

    /// The account's name (else id), cut to 28 characters so one long name does not widen a level.
    private static func shortName(_ account: Account) -> String {
        let name = account.name ?? account.id
        return name.count > 28 ? String(name.prefix(27)) + "…" : name
    }
}
