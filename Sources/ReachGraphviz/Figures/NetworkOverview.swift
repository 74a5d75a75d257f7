import ReachGraph
import ReachGraphCore

/// The network overview of a dataset: every account (or the legible part of a big network) with
/// kinds as shapes and colours, node area by a score, edge width by log weight, provinces as
/// boxes (`fdp`, `dot`) or colours (other engines), a legend and a caption.
/// See ``NetworkDrawing`` for the encoding and ``AccountKindStyle`` for the palette.
public enum NetworkOverview {
    public struct Options: Sendable {
        /// `nil`: `fdp` (province boxes) when the drawn graph fits its budget, else `sfdp`.
        public var engine: LayoutEngine?
        /// What to do when the engine is over budget for the drawn graph: fall back to `sfdp`, or
        /// keep the engine and let ``Figure/render(as:)`` refuse.
        public var policy: EnginePolicy
        /// Node sizes and trimming ranks; `nil`: strength (weighted in- plus out-degree).
        public var scores: NodeScores?
        public var legibility: Legibility
        /// How many of the highest-scoring accounts are named in the figure.
        public var labelCount: Int
        /// Relation types drawn; `nil`: all.
        public var relationTypes: Set<RelationType>?
        public var caption: CaptionOptions

        public init(
            engine: LayoutEngine? = nil, policy: EnginePolicy = .fallBackToSFDP, scores: NodeScores? = nil, legibility: Legibility = .everything,
            labelCount: Int = 25, relationTypes: Set<RelationType>? = nil, caption: CaptionOptions = CaptionOptions()
        ) {
            self.engine = engine
            self.policy = policy
            self.scores = scores
            self.legibility = legibility
            self.labelCount = labelCount
            self.relationTypes = relationTypes
            self.caption = caption
        }
    }

    /// The overview figure of `dataset`.
    /// - Throws: ``FigureError`` when the scores do not have one value per account.
    /// - Complexity: O(V log V + E log E).
    public static func figure(of dataset: Dataset, options: Options = Options()) throws -> Figure {
        let graph = dataset.graph(types: options.relationTypes)
        let scores = try validatedScores(options.scores, graph: graph)
        let trim = LegibilityTrim(graph: graph, scores: scores, legibility: options.legibility)
        let shape = drawnShape(trim)
        let requested = options.engine ?? (EngineGuard.problem(with: .fdp, shape: shape) == nil ? .fdp : .sfdp)
        let decision = engine(requested: requested, shape: shape, policy: options.policy)
        let drawing = NetworkDrawing(
            dataset: dataset, nodes: trim.nodes, edges: trim.edges, scores: scores, engine: decision.engine, ego: nil, labelCount: options.labelCount
        )
        let caption = FigureCaption.lines(
            title: "Amplification network: \(FigureCaption.name(of: dataset))", dataset: dataset,
            shown: trim.note ?? FigureCaption.counts(nodes: trim.nodes.count, edges: trim.edges.count),
            encoding: drawing.encodingLine, relationTypes: options.relationTypes, options: options.caption
        )
        return Figure(
            dot: drawing.dot(caption: caption), caption: caption, engine: decision.engine, notice: decision.notice, shape: shape,
            accountIDs: trim.nodes.map { dataset.accounts[Int($0)].id }
        )
    }

    /// The engine a figure is styled for: the request, or `sfdp` when the request is over budget
    /// and the policy allows falling back. A figure's DOT text is always produced (writing it runs no
    /// layout); an engine still over budget makes ``Figure/render(as:)`` throw.
    static func engine(requested: LayoutEngine, shape: GraphShape, policy: EnginePolicy) -> EngineGuard.Decision {
        (try? EngineGuard.decide(requested: requested, shape: shape, policy: policy)) ?? EngineGuard.Decision(engine: requested, notice: nil)
    }

    /// `scores`, or strength when `nil`; throws when they do not cover every node.
    static func validatedScores(_ scores: NodeScores?, graph: DirectedGraph) throws -> NodeScores {
        guard let scores else { return NodeScores(.strength, of: graph) }
        guard scores.values.count == graph.nodeCount else {
            throw FigureError(message: "\(scores.name) has \(scores.values.count) values for \(graph.nodeCount) accounts")
        }
        return scores
    }

    /// The shape of the trimmed graph, for the engine guard.
    static func drawnShape(_ trim: LegibilityTrim) -> GraphShape {
        var local: [Int32: Int] = [:]
        for (index, node) in trim.nodes.enumerated() { local[node] = index }
        let edges = trim.edges.compactMap { edge -> (Int, Int)? in
            guard let source = local[edge.source], let target = local[edge.target] else { return nil }
            return (source, target)
        }
        return GraphShape(nodeCount: trim.nodes.count, edges: edges)
    }
}
