import ReachGraph

/// What every network figure (``NetworkOverview``, ``EgoNetwork``) lets the caller choose.
public struct NetworkFigureOptions: Sendable {
    /// `nil`: the recipe's default (`fdp` for an overview, `twopi` for an ego network) when the
    /// drawn graph fits its budget, else `sfdp`.
    public var engine: LayoutEngine?
    /// What to do when the engine is over budget for the drawn graph: fall back to `sfdp`, or
    /// keep the engine and let ``Figure/render(as:)`` refuse.
    public var policy: EnginePolicy
    /// Node sizes and trimming ranks, one per account; `nil`: strength (weighted in- plus out-degree).
    public var scores: NodeScores?
    /// Budgets for a big network (an ego is always kept).
    public var legibility: Legibility
    /// How many of the highest-scoring accounts are named in the figure.
    public var labelCount: Int
    /// Relation types drawn; `nil`: all.
    public var relationTypes: Set<RelationType>?
    public var caption: CaptionOptions
    /// What fill colour shows (`--color-by`), with a legend; `nil`: ``NodeColoring/automatic(for:seed:)``
    /// (provinces, as boxes when the engine draws them, else as colours; kinds; or communities
    /// when the accounts carry neither). Shape shows the kind either way.
    public var colorBy: NodeColoring? = nil
    /// The Louvain seed when fill shows communities by default.
    public var seed: UInt64 = 1
    /// Whether the figure will be laid out (rendered as SVG, PNG or PDF) rather than written as
    /// DOT text: then a drawn graph that no engine may lay out throws at once, before its colours
    /// and DOT text are made (on 242k accounts they took 20 s, and Graphviz then parsed that text
    /// for another 20 s, only for the engine guard to refuse it).
    public var isLaidOut = false

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
