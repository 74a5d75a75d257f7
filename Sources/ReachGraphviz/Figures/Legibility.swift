/// How a figure keeps a big graph readable: which nodes and edges to draw at most, and how to
/// choose them.
public struct Legibility: Sendable, Equatable {
    /// How nodes are chosen when there are more than ``maxNodes``.
    public enum Strategy: Sendable, Equatable {
        /// The ``maxNodes`` nodes with the highest score (ties: earlier node first).
        case topScores
        /// The smallest k whose k-core fits both budgets, as Hoaxy trims its network view, and the
        /// highest-scoring other nodes in the places it leaves (the centres of big stars, which a
        /// core misses); when even the innermost core is too big, its top-scoring nodes.
        case kCore
    }

    public var maxNodes: Int
    /// Beyond this, only the heaviest edges among the chosen nodes are drawn.
    public var maxEdges: Int
    public var strategy: Strategy

    public init(maxNodes: Int, maxEdges: Int = .max, strategy: Strategy = .kCore) {
        self.maxNodes = max(1, maxNodes)
        self.maxEdges = max(0, maxEdges)
        self.strategy = strategy
    }

    /// Draw everything (the engine's budget still applies when rendering).
    public static let everything = Legibility(maxNodes: .max)
}
