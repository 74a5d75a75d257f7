/// Degree and strength of every node, and NetworkX's normalised degree centrality.
///
/// With edges drawn source → amplifier, out-degree counts the distinct accounts that repost a
/// node and in-degree the distinct accounts it reposts; strengths count reposts (summed weights).
///
/// Definitions, per `direction`:
/// - `.outgoing`: `k⁺(v)`, the number of edges `v → u` (row `v` of ``DirectedGraph/outgoing``).
/// - `.incoming`: `k⁻(v)`, the number of edges `u → v` (row `v` of ``DirectedGraph/incoming``).
/// - `.both`: `k⁺(v) + k⁻(v)`, NetworkX's `DiGraph.degree`; a reciprocated pair adds 2 to each
///   end and a self-loop adds 2 (once as out-edge, once as in-edge).
///
/// Parallel edges are already merged by ``GraphBuilder``, so degrees count distinct neighbours
/// while strengths keep every repost. Isolated nodes have degree and strength 0.
extension DirectedGraph {
    /// The degree of every node in `direction`.
    /// - Complexity: O(V).
    public func degrees(_ direction: EdgeDirection = .both) -> [Int] {
        (0 ..< Int32(nodeCount)).map { node in
            switch direction {
            case .outgoing: outDegree(of: node)
            case .incoming: inDegree(of: node)
            case .both: degree(of: node)
            }
        }
    }

    /// The summed edge weight of every node in `direction` (equal to ``degrees(_:)`` when the
    /// graph is unweighted), as NetworkX's `DiGraph.out_degree(weight="weight")` and its siblings.
    /// - Complexity: O(V + E).
    public func strengths(_ direction: EdgeDirection = .both) -> [Double] {
        (0 ..< Int32(nodeCount)).map { node in
            switch direction {
            case .outgoing: outStrength(of: node)
            case .incoming: inStrength(of: node)
            case .both: outStrength(of: node) + inStrength(of: node)
            }
        }
    }

    /// Degree centrality: the degree in `direction` divided by `n − 1`, the most neighbours a node
    /// can have without self-loops.
    ///
    /// Matches NetworkX's `degree_centrality` (`.both`), `in_degree_centrality` (`.incoming`) and
    /// `out_degree_centrality` (`.outgoing`), including their values above 1 when self-loops or
    /// reciprocated pairs push `.both` past `n − 1`, and their convention that the only node of a
    /// one-node graph scores 1. An empty graph gives an empty array.
    /// - Complexity: O(V).
    public func degreeCentrality(_ direction: EdgeDirection = .both) -> [Double] {
        guard nodeCount > 1 else { return [Double](repeating: 1, count: nodeCount) }
        let scale = 1 / Double(nodeCount - 1)
        return degrees(direction).map { Double($0) * scale }
    }
}
