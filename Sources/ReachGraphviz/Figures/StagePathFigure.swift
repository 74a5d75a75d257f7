import Foundation
import ReachGraph

/// How cascades move between account kinds, Sankey-like: for a set of cascades, the stages of
/// their stage paths (``CascadeMetrics/stagePath``: kinds in order of first appearance, the
/// root's kind first) as columns from left to right, and an arrow for every step from one stage
/// to the next.
///
/// - A node is a kind at a stage position (column n: the nth kind to appear), drawn as a card
///   (``KindNodeLabel``) with the cascades that reached it and the share of all cascades'
///   potential reach its participants added (``CascadeMetrics/stageReach``).
/// - An arrow `kind A (stage n) → kind B (stage n + 1)` counts the cascades whose path has that
///   step; its width is proportional to the count, its label gives the count and the reach share
///   stage n + 1 added in those cascades.
/// - Engine: `dot` with `rankdir=LR`: stage positions only increase, so the graph is a layered
///   DAG of at most 8 × 8 nodes (8 kinds), well inside `dot`'s budget. When there are more than
///   twice as many stages as kinds in the fullest stage (a few long paths), columns would make a
///   ribbon, so stages are rows instead (`rankdir=TB`).
/// - Edge cases: cascades of one participant count at stage 1 but take no step; steps taken by
///   fewer than ``Options/minimumCascades`` cascades are left out (with nodes that keep no arrow),
///   and so are all but the ``Options/maxSteps`` steps taken by most cascades (with tiers, kinds
///   times stages give hundreds of steps, which at page width is a tangle of 5 px labels); the
///   caption says how many; an empty analysis is an error.
/// - Complexity: O(total stage-path length) plus sorting the at most 64 nodes.
public enum StagePathFigure {
    /// What the caller chooses.
    public struct Options: Sendable {
        /// Steps taken by fewer cascades are not drawn (at least 1).
        public var minimumCascades: Int
        /// At most this many steps are drawn, those taken by most cascades (ties: earlier stage,
        /// then kind); `nil`: all. The default keeps the figure legible at page width.
        public var maxSteps: Int?
        public var caption: CaptionOptions

        public init(minimumCascades: Int = 1, maxSteps: Int? = 30, caption: CaptionOptions = CaptionOptions()) {
            self.minimumCascades = max(1, minimumCascades)
            self.maxSteps = maxSteps.map { max(1, $0) }
            self.caption = caption
        }
    }

    /// A kind (a media centre with its tier) at a stage position (0-based).
    private struct Stage: Hashable, Comparable {
        var position: Int
        var kind: CascadeStage

        static func < (lhs: Stage, rhs: Stage) -> Bool { (lhs.position, lhs.kind) < (rhs.position, rhs.kind) }

        var id: String { "s\(position)_\(kind.rawValue)" }
    }

    /// Cascades and the reach they added, per node or step.
    private struct Tally {
        var cascades = 0
        var reach = 0.0
    }

    private struct Step: Hashable {
        var from: Stage
        var to: Stage
    }

    /// The stage-path summary of `analysis`, whose root accounts index `dataset.accounts`.
    /// - Throws: ``FigureError`` when the analysis holds no cascade.
    public static func figure(of analysis: CascadeAnalysis, dataset: Dataset, options: Options = Options()) throws -> Figure {
        guard !analysis.cascades.isEmpty else {
            throw FigureError(message: "no cascades in \(FigureCaption.name(of: dataset)) to summarise")
        }
        var stages: [Stage: Tally] = [:]
        var steps: [Step: Tally] = [:]
        for cascade in analysis.cascades {
            for (position, kind) in cascade.stagePath.enumerated() {
                let stage = Stage(position: position, kind: kind)
                let reach = position < cascade.stageReach.count ? cascade.stageReach[position] : 0
                stages[stage, default: Tally()].cascades += 1
                stages[stage, default: Tally()].reach += reach
                guard position > 0 else { continue }
                let step = Step(from: Stage(position: position - 1, kind: cascade.stagePath[position - 1]), to: stage)
                steps[step, default: Tally()].cascades += 1
                steps[step, default: Tally()].reach += reach
            }
        }
        var kept = steps.filter { $0.value.cascades >= options.minimumCascades }
        var threshold = options.minimumCascades
        let overBudget = options.maxSteps.map { kept.count > $0 } ?? false
        if let maxSteps = options.maxSteps, overBudget {
            let heaviest = kept.sorted { $0.value.cascades != $1.value.cascades ? $0.value.cascades > $1.value.cascades : ($0.key.from, $0.key.to) < ($1.key.from, $1.key.to) }
                .prefix(maxSteps)
            kept = Dictionary(uniqueKeysWithValues: heaviest.map { ($0.key, $0.value) })
            threshold = heaviest.last?.value.cascades ?? threshold
        }
        var linked = Set(kept.keys.flatMap { [$0.from, $0.to] })
        // Past the first stage, a node whose steps were all left out would stand alone.
        for (stage, tally) in stages where tally.cascades >= threshold && (stage.position == 0 || !overBudget) { linked.insert(stage) }
        let nodes = stages.keys.filter(linked.contains).sorted()
        let orderedSteps = kept.keys.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
        let totalReach = analysis.cascades.reduce(0) { $0 + $1.potentialReach }
        let share = { (reach: Double) in totalReach > 0 ? reach / totalReach : 0 }

        let fullest = Dictionary(grouping: nodes, by: \.position).values.map(\.count).max() ?? 1
        let rows = Set(nodes.map(\.position)).count > 2 * fullest
        var caption = [
            options.caption.title ?? "Stage paths of \(groupedDigits(analysis.cascades.count)) cascades: \(FigureCaption.name(of: dataset))",
            "each cascade's stage path lists account kinds (media centres by tier) in the order they first took part, the root's kind first;"
                + " \(rows ? "row" : "column") n holds the nth stage, and an arrow counts the cascades that went from one stage to the next",
            "arrow width: cascades; percentages: share of all cascades' potential reach (\(groupedDigits(Int(totalReach.rounded()))) followers) added at that stage",
        ]
        if kept.count < steps.count || nodes.count < stages.count {
            let rule = overBudget
                ? "all but the \(kept.count) steps taken by most cascades (\(groupedDigits(threshold)) or more)"
                : "steps taken by fewer than \(options.minimumCascades) cascades"
            caption.append("left out: \(steps.count - kept.count) of \(steps.count) steps and \(stages.count - nodes.count) of \(stages.count) stages, \(rule)")
        }
        caption += FigureLabel.closingLines(options.caption)

        var writer = DOTWriter(name: "stages", reservingCapacity: 16_384)
        var graph = FigureLabel.graphAttributes(caption: caption, legends: [FigureLabel.kindEntries(nodes.map(\.kind.kind))])
        graph.set("rankdir", rows ? "TB" : "LR")
        graph.set("nodesep", 0.25)
        graph.set("ranksep", rows ? 0.6 : 1.1)
        writer.graphAttributes(graph)
        writer.nodeDefaults(["fontname": .string(FontFamily.cjk), "fontsize": 10])
        writer.edgeDefaults(["fontname": .string(FontFamily.cjk), "fontsize": 9, "color": "#4D4D4D99"])
        // One column per stage position, whatever the arrows would let dot do.
        for position in Set(nodes.map(\.position)).sorted() {
            writer.beginSubgraph(attributes: ["rank": "same"])
            for stage in nodes where stage.position == position {
                let tally = stages[stage] ?? Tally()
                let kind = stage.kind.rawValue.replacingOccurrences(of: "_", with: " ")
                let lines = [kind, "stage \(position + 1) · \(groupedDigits(tally.cascades)) cascades", "\(percentText(share(tally.reach))) of reach"]
                writer.node(stage.id, KindNodeLabel.attributes(kind: stage.kind.kind, lines: lines, tooltip: lines.joined(separator: " · ")))
            }
            writer.endSubgraph()
        }
        let maxCount = Double(kept.values.map(\.cascades).max() ?? 1)
        for step in orderedSteps {
            let tally = kept[step] ?? Tally()
            let width = 1 + 14 * Double(tally.cascades) / maxCount
            let label = "\(groupedDigits(tally.cascades)) · \(percentText(share(tally.reach)))"
            writer.edge(from: step.from.id, to: step.to.id, [
                // Graphviz scales arrowheads with the pen; keep wide arrows' heads small.
                "penwidth": .number((width * 10).rounded() / 10), "arrowsize": .number(((0.7 * min(1, 3 / width)) * 100).rounded() / 100),
                "label": .string(label),
                "tooltip": .string("\(step.from.kind.rawValue) → \(step.to.kind.rawValue): \(label) of reach"),
            ])
        }
        let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1, $0) })
        let edges = orderedSteps.compactMap { step in index[step.from].flatMap { from in index[step.to].map { (from, $0) } } }
        return Figure(
            dot: writer.finish(), caption: caption, engine: .dot, notice: nil, shape: GraphShape(nodeCount: nodes.count, edges: edges),
            accountIDs: []  // kinds are drawn, not accounts
        )
    }
}
