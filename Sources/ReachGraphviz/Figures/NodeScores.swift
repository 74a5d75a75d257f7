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

    /// The built-in measures the CLI offers with `--by`.
    public enum Measure: String, Sendable, CaseIterable {
        /// In- plus out-degree (distinct neighbours each way).
        case degree
        /// Summed weight of all edges in and out (repost counts).
        case strength
        /// Edges entering a node: how many sources it amplifies.
        case inDegree = "in-degree"
        /// Edges leaving a node: how many accounts amplify it.
        case outDegree = "out-degree"
    }

    /// `measure` of every node of `graph`.
    /// - Complexity: O(V + E).
    public init(_ measure: Measure, of graph: DirectedGraph) {
        let nodes = 0 ..< Int32(graph.nodeCount)
        switch measure {
        case .degree: self.init(name: "degree", values: nodes.map { Double(graph.degree(of: $0)) })
        case .strength: self.init(name: "strength", values: nodes.map { graph.inStrength(of: $0) + graph.outStrength(of: $0) })
        case .inDegree: self.init(name: "in-degree", values: nodes.map { Double(graph.inDegree(of: $0)) })
        case .outDegree: self.init(name: "out-degree", values: nodes.map { Double(graph.outDegree(of: $0)) })
        }
    }

    /// The value of `node`, clamped to a finite, non-negative number (0 for a missing node).
    func value(of node: Int32) -> Double {
        guard Int(node) < values.count else { return 0 }
        let value = values[Int(node)]
        return value.isFinite && value > 0 ? value : 0
    }
}
