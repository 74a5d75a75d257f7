import ReachGraph
import ReachGraphCore

/// The ego network of one account: every account within `radius` hops of it (following edges in
/// both directions by default), the ego drawn with a heavy outline, a bold name and black ties.
/// Drawn like ``NetworkOverview``; laid out radially around the ego (`twopi`) by default.
public enum EgoNetwork {
    public struct Options: Sendable {
        /// Hops from the ego (0 draws the ego alone).
        public var radius: Int
        /// Which edges count as a hop.
        public var direction: EdgeDirection
        /// `nil`: `twopi` rooted at the ego when the drawn graph fits its budget, else `sfdp`.
        public var engine: LayoutEngine?
        /// What to do when the engine is over budget for the drawn graph: fall back to `sfdp`, or
        /// keep the engine and let ``Figure/render(as:)`` refuse.
        public var policy: EnginePolicy
        /// Node sizes and trimming ranks; `nil`: strength.
        public var scores: NodeScores?
        /// Budgets for a big neighbourhood; the ego is always kept.
        public var legibility: Legibility
        public var labelCount: Int
        public var relationTypes: Set<RelationType>?
        public var caption: CaptionOptions

        public init(
            radius: Int = 1, direction: EdgeDirection = .both, engine: LayoutEngine? = nil, policy: EnginePolicy = .fallBackToSFDP,
            scores: NodeScores? = nil, legibility: Legibility = .everything, labelCount: Int = 25, relationTypes: Set<RelationType>? = nil,
            caption: CaptionOptions = CaptionOptions()
        ) {
            self.radius = radius
            self.direction = direction
            self.engine = engine
            self.policy = policy
            self.scores = scores
            self.legibility = legibility
            self.labelCount = labelCount
            self.relationTypes = relationTypes
            self.caption = caption
        }
    }

    /// The ego network of the account `accountID` in `dataset`.
    /// - Throws: ``FigureError`` for an unknown account, a negative radius or scores that do not fit.
    /// - Complexity: O(V log V + E log E).
    public static func figure(of dataset: Dataset, around accountID: String, options: Options = Options()) throws -> Figure {
        guard let ego = dataset.index(ofAccount: accountID) else {
            throw FigureError(message: "account \"\(accountID)\" is not in \(FigureCaption.name(of: dataset))")
        }
        guard options.radius >= 0 else { throw FigureError(message: "radius \(options.radius) is negative") }
        let graph = dataset.graph(types: options.relationTypes)
        let scores = try NetworkOverview.validatedScores(options.scores, graph: graph)
        let distances = graph.breadthFirstDistances(from: ego, direction: options.direction)
        let ball = (0 ..< Int32(graph.nodeCount)).filter { distances[Int($0)] >= 0 && distances[Int($0)] <= options.radius }
        let trim = LegibilityTrim(graph: graph, candidates: ball, scores: scores, legibility: options.legibility, keep: ego)
        let shape = NetworkOverview.drawnShape(trim)
        let requested = options.engine ?? (EngineGuard.problem(with: .twopi, shape: shape) == nil ? .twopi : .sfdp)
        let decision = NetworkOverview.engine(requested: requested, shape: shape, policy: options.policy)
        let drawing = NetworkDrawing(
            dataset: dataset, nodes: trim.nodes, edges: trim.edges, scores: scores, engine: decision.engine, ego: ego, labelCount: options.labelCount
        )
        let account = dataset.accounts[Int(ego)]
        let hops = options.radius == 1 ? "1 hop" : "\(options.radius) hops"
        let directions: String
        switch options.direction {
        case .outgoing: directions = "along reposts"
        case .incoming: directions = "against reposts"
        case .both: directions = "both directions"
        }
        let caption = FigureCaption.lines(
            title: "Ego network of \(account.name ?? account.id) (\(account.id)): \(hops), \(directions)", dataset: dataset,
            shown: trim.note ?? FigureCaption.counts(nodes: trim.nodes.count, edges: trim.edges.count),
            encoding: drawing.encodingLine + "; heavy outline: the ego", relationTypes: options.relationTypes, options: options.caption
        )
        return Figure(
            dot: drawing.dot(caption: caption), caption: caption, engine: decision.engine, notice: decision.notice, shape: shape,
            accountIDs: trim.nodes.map { dataset.accounts[Int($0)].id }
        )
    }
}
