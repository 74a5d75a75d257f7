import ReachGraph
import ReachGraphCore

/// The pipeline both network recipes share: graph → scores → trim to the budgets → engine →
/// drawing → caption → ``Figure``.
enum NetworkFigureBuilder {
    /// What differs between recipes.
    struct Recipe {
        var title: String
        /// Nodes eligible for drawing; `nil`: all.
        var candidates: [Int32]?
        /// A node drawn highlighted and always kept.
        var ego: Int32?
        /// The engine used when the caller names none and the drawn graph fits its budget.
        var preferredEngine: LayoutEngine
        /// Appended to the caption's encoding line.
        var encodingNote: String?
        /// What the recipe itself cut from the candidates before the legibility trim.
        var cut: String? = nil
    }

    /// The figure of `dataset` (already restricted to `graph`'s relation types) for `recipe`.
    /// - Throws: ``FigureError`` when the scores do not have one value per account.
    /// - Complexity: O(V log V + E log E).
    static func figure(of dataset: Dataset, graph: DirectedGraph, recipe: Recipe, options: NetworkFigureOptions) throws -> Figure {
        let scores = try validatedScores(options.scores, graph: graph)
        let trim = LegibilityTrim(graph: graph, candidates: recipe.candidates, scores: scores, legibility: options.legibility, keep: recipe.ego)
        let shape = drawnShape(trim)
        let cuts = [recipe.cut, trim.note].compactMap { $0 }
        let trimmed = cuts.isEmpty ? nil : cuts.joined(separator: "; ")
        let requested = options.engine ?? (EngineGuard.problem(with: recipe.preferredEngine, shape: shape) == nil ? recipe.preferredEngine : .sfdp)
        // Unless the figure is to be laid out, its DOT text is always produced (writing it runs no
        // layout); an engine still over budget after the policy makes Figure.render throw.
        let decision = options.isLaidOut
            ? try EngineGuard.decide(requested: requested, shape: shape, policy: options.policy)
            : (try? EngineGuard.decide(requested: requested, shape: shape, policy: options.policy)) ?? EngineGuard.Decision(engine: requested, notice: nil)
        let coloring = options.colorBy ?? NodeColoring.automatic(for: dataset, seed: options.seed)
        let drawing = NetworkDrawing(
            dataset: dataset, nodes: trim.nodes, edges: trim.edges, scores: scores, engine: decision.engine, ego: recipe.ego, labelCount: options.labelCount,
            coloring: coloring, categories: try coloring?.categories(of: dataset, graph: graph)
        )
        let caption = FigureCaption.lines(
            title: recipe.title, dataset: dataset,
            shown: trimmed ?? FigureCaption.counts(nodes: trim.nodes.count, edges: trim.edges.count),
            encoding: drawing.encodingLine + (recipe.encodingNote.map { "; " + $0 } ?? ""), names: drawing.numberedNames,
            relationTypes: options.relationTypes, options: options.caption
        )
        return Figure(
            dot: drawing.dot(caption: caption), caption: caption, engine: decision.engine, notice: decision.notice, shape: shape,
            accountIDs: trim.nodes.map { dataset.accounts[Int($0)].id }, trimmed: trimmed
        )
    }

    /// `scores`, or strength when `nil`; throws when they do not cover every node.
    private static func validatedScores(_ scores: NodeScores?, graph: DirectedGraph) throws -> NodeScores {
        guard let scores else { return NodeScores(name: RankingMeasure.strength.rawValue, values: graph.strengths(.both)) }
        guard scores.values.count == graph.nodeCount else {
            throw FigureError(message: "\(scores.name) has \(scores.values.count) values for \(graph.nodeCount) accounts")
        }
        return scores
    }

    /// The shape of the trimmed graph, for the engine guard.
    private static func drawnShape(_ trim: LegibilityTrim) -> GraphShape {
        var local: [Int32: Int] = [:]
        for (index, node) in trim.nodes.enumerated() { local[node] = index }
        let edges = trim.edges.compactMap { edge -> (Int, Int)? in
            guard let source = local[edge.source], let target = local[edge.target] else { return nil }
            return (source, target)
        }
        return GraphShape(nodeCount: trim.nodes.count, edges: edges)
    }
}
