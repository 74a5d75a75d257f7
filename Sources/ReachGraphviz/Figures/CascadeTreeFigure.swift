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
///   guard's tree budget because ``Options/maxNodes`` is capped at `dot`'s node budget. When one
///   level holds more than ``Options/maxLevelWidth`` drawn accounts (a broadcast: one account
///   reposted by dozens), a layered drawing would be a ribbon many times wider than tall, so the
///   tree is drawn radially instead (`twopi`, root in the centre, one ring per hop).
/// - Large cascades: the ``Options/maxNodes`` participants heading the largest subtrees are
///   drawn (ties: earlier first). A parent's subtree is larger than each child's, so every drawn
///   node's parent is drawn too, and the deep branches survive the cut where a cut by time would
///   keep the early, shallow star. A drawn account with cut reposters says how many ("+12 more");
///   the caption says how many participants and levels were cut.
/// - The caption measures the whole cascade (not just the drawn part): size, depth, structural
///   virality, potential reach and stage path (``CascadeMetrics``).
public enum CascadeTreeFigure {
    /// What the caller chooses.
    public struct Options: Sendable {
        /// At most this many participants are drawn, root included (at least 1, at most `dot`'s
        /// node budget).
        public var maxNodes: Int
        public var caption: CaptionOptions
        /// More drawn accounts than this on one level make the drawing radial (`twopi`).
        public var maxLevelWidth: Int

        public init(maxNodes: Int = 150, caption: CaptionOptions = CaptionOptions(), maxLevelWidth: Int = 12) {
            self.maxNodes = min(max(1, maxNodes), LayoutEngine.dot.budget.nodes)
            self.caption = caption
            self.maxLevelWidth = max(1, maxLevelWidth)
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
        let kept = largestSubtrees(cascade.tree, count: options.maxNodes)
        var position = [Int](repeating: -1, count: size)
        for (index, node) in kept.enumerated() { position[node] = index }
        let depths = cascade.tree.depths
        var levelWidth: [Int32: Int] = [:]
        for node in kept { levelWidth[depths[node], default: 0] += 1 }
        let radial = (levelWidth.values.max() ?? 0) > options.maxLevelWidth
        var cutChildren = [Int](repeating: 0, count: size)
        for node in 1 ..< size where position[node] < 0 {
            let parent = Int(cascade.tree.parents[node])
            if parent >= 0, position[parent] >= 0 { cutChildren[parent] += 1 }
        }
        let metrics = CascadeMetrics(cascade: cascade, dataset: dataset)
        let keptDepth = kept.map { Int(depths[$0]) }.max() ?? 0
        let caption = captionLines(
            cascade: cascade, metrics: metrics, dataset: dataset, drawn: kept.count, keptDepth: keptDepth, radial: radial, options: options.caption
        )
        let kinds = kept.map { dataset.accounts[Int(cascade.accounts[$0])].kind }

        var writer = DOTWriter(name: "cascade", reservingCapacity: 600 * kept.count + 4096)
        var graph = FigureLabel.graphAttributes(caption: caption, legends: [FigureLabel.kindEntries(kinds)])
        if radial {
            graph.set("root", "n0")
            graph.set("ranksep", 1.1)
            graph.set("overlap", "false")
        } else {
            graph.set("rankdir", "TB")
            graph.set("nodesep", 0.15)
            graph.set("ranksep", 0.45)
        }
        writer.graphAttributes(graph)
        writer.nodeDefaults(["fontname": .string(FontFamily.cjk), "fontsize": 9])
        writer.edgeDefaults(["fontname": .string(FontFamily.cjk), "color": "#555555", "arrowsize": 0.6, "penwidth": 0.9])
        for node in kept {
            let account = dataset.accounts[Int(cascade.accounts[node])]
            let time = node == 0 ? "root · " + iso8601String(fromUnixSeconds: cascade.startTime) : elapsedText(cascade.tree.times[node])
            var lines = [shortName(account), time]
            if cutChildren[node] > 0 { lines.append("+\(groupedDigits(cutChildren[node])) more not drawn") }
            let tooltip = "\(account.label) (\(account.id)) · \(account.kind.rawValue) · \(time)"
            writer.node("n\(position[node])", KindNodeLabel.attributes(kind: account.kind, lines: lines, tooltip: tooltip, highlighted: node == 0))
        }
        var edges: [(Int, Int)] = []
        for node in kept.dropFirst() {
            let parent = Int(cascade.tree.parents[node])
            guard parent >= 0, position[parent] >= 0 else { continue }
            edges.append((position[parent], position[node]))
            let from = dataset.accounts[Int(cascade.accounts[parent])].id, to = dataset.accounts[Int(cascade.accounts[node])].id
            writer.edge(from: "n\(position[parent])", to: "n\(position[node])", ["tooltip": .string("\(from) → \(to)")])
        }
        let ids = Set(kept.map { cascade.accounts[$0] }).sorted().map { dataset.accounts[Int($0)].id }
        return Figure(
            dot: writer.finish(), caption: caption, engine: radial ? .twopi : .dot, notice: nil, shape: GraphShape(nodeCount: kept.count, edges: edges),
            accountIDs: ids, trimmed: kept.count < size ? caption.first { $0.hasPrefix("showing ") } : nil
        )
    }

    /// The `count` nodes heading the largest subtrees, ascending (so parents come first).
    /// - Complexity: O(n log n).
    static func largestSubtrees(_ tree: CascadeTree, count: Int) -> [Int] {
        guard tree.size > count else { return Array(0 ..< tree.size) }
        let sizes = tree.subtreeSizes
        let ranked = (0 ..< tree.size).sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
        return ranked.prefix(count).sorted()
    }

    /// Title, root, measures, stage path, what was cut, attribution, encoding, notes, notice.
    private static func captionLines(
        cascade: Cascade, metrics: CascadeMetrics, dataset: Dataset, drawn: Int, keptDepth: Int, radial: Bool, options: CaptionOptions
    ) -> [String] {
        let root = dataset.accounts[Int(cascade.accounts[0])]
        let size = cascade.tree.size
        var lines = [
            options.title ?? "Cascade of post \(cascade.rootPostID) by \(root.label) (\(root.id))",
            "root posted \(iso8601String(fromUnixSeconds: cascade.startTime))",
            "size \(groupedDigits(size)) · depth \(Int(metrics.depth)) · structural virality \(String(format: "%.2f", metrics.structuralVirality))"
                + " · potential reach \(groupedDigits(Int(metrics.potentialReach.rounded()))) followers",
            "stage path: " + metrics.stagePath.map(\.rawValue).joined(separator: " → "),
        ]
        if drawn < size {
            let depth = Int(metrics.depth)
            lines.append(
                "showing \(groupedDigits(drawn)) of \(groupedDigits(size)) participants: those heading the largest subtrees"
                    + (keptDepth < depth ? ", down to level \(keptDepth) of \(depth)" : ", every level")
                    + "; \(groupedDigits(size - drawn)) cut (\"+N more\" under an account)"
            )
        } else {
            lines.append("all \(groupedDigits(size)) participants")
        }
        if cascade.attributedNodes > 0 {
            lines.append("\(groupedDigits(cascade.attributedNodes)) parents inferred by the attribution policy (parent post unknown)")
        }
        lines.append(
            (radial ? "rings" : "levels") + ": hops from the root" + (radial ? " (drawn radially: one level is too wide for rows)" : "")
                + "; under each name: time after the root post; arrows: source → reposter; glyph and colour: kind"
        )
        return lines + FigureLabel.closingLines(options)
    }

    /// The account's name (else id), cut to 28 characters so one long name does not widen a level.
    private static func shortName(_ account: Account) -> String {
        FigureLabel.shortened(account.label, to: 28)
    }
}
