import ReachGraph
import ReachGraphCore

/// A named score per node that sizes nodes and ranks them for trimming. Any measure plugs in:
/// pass its values in node order (`dataset.accounts` order) with a name for captions.
public struct NodeScores: Sendable, Equatable {
    /// How captions name the measure ("strength", "PageRank").
    public var name: String
    /// One value per node; negative, NaN and infinite values count as 0.
    public var values: [Double]

    public init(name: String, values: [Double]) {
        self.name = name
        self.values = values
    }

    /// `measure` of every node of `graph`, named as the CLI names it: any measure accounts can
    /// be ranked by can size a figure's nodes.
    /// - Complexity: that of the measure (O(V + E) for degrees and strengths).
    public init(_ measure: RankingMeasure, of graph: DirectedGraph, settings: RankingMeasure.Settings = .init()) throws {
        self.init(name: measure.rawValue, values: try measure.scores(on: graph, settings: settings))
    }

    /// The value of `node`, clamped to a finite, non-negative number (0 for a missing node).
    func value(of node: Int32) -> Double {
        guard Int(node) < values.count else { return 0 }
        let value = values[Int(node)]
        return value.isFinite && value > 0 ? value : 0
    }
}
