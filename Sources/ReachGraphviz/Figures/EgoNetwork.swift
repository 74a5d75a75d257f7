import ReachGraph
import ReachGraphCore

/// The ego network of one account: every account within `radius` hops of it (following edges in
/// both directions by default), the ego drawn with a heavy outline and black ties, named in the title.
/// Drawn like ``NetworkOverview``; laid out radially around the ego (`twopi`) by default.
public enum EgoNetwork {
    /// The ego network of the account `accountID` in `dataset`.
    /// - Parameters:
    ///   - radius: hops from the ego (0 draws the ego alone).
    ///   - direction: which edges count as a hop.
    /// - Throws: ``FigureError`` for an unknown account, a negative radius or scores that do not fit.
    /// - Complexity: O(V log V + E log E).
    public static func figure(
        of dataset: Dataset, around accountID: String, radius: Int = 1, direction: EdgeDirection = .both,
        options: NetworkFigureOptions = NetworkFigureOptions()
    ) throws -> Figure {
        guard let ego = dataset.index(ofAccount: accountID) else {
            throw FigureError(message: "account \"\(accountID)\" is not in \(FigureCaption.name(of: dataset))")
        }
        guard radius >= 0 else { throw FigureError(message: "radius \(radius) is negative") }
        let graph = dataset.graph(types: options.relationTypes)
        let distances = graph.breadthFirstDistances(from: ego, direction: direction)
        let ball = (0 ..< Int32(graph.nodeCount)).filter { distances[Int($0)] >= 0 && distances[Int($0)] <= radius }
        let account = dataset.accounts[Int(ego)]
        let hops = radius == 1 ? "1 hop" : "\(radius) hops"
        let directions: String
        switch direction {
        case .outgoing: directions = "along reposts"
        case .incoming: directions = "against reposts"
        case .both: directions = "both directions"
        }
        var candidates = ball
        var cut: String?
        if ball.count > options.legibility.maxNodes {
            candidates = heaviestTies(graph: graph, ego: ego, distances: distances, ball: ball, count: options.legibility.maxNodes)
            cut = "showing \(groupedDigits(candidates.count)) of \(groupedDigits(ball.count)) accounts: the heaviest ties, hop by hop from the ego"
        }
        var recipe = NetworkFigureBuilder.Recipe(
            title: "Ego network of \(account.label)" + (account.label == account.id ? "" : " (\(account.id))") + ": \(hops), \(directions)",
            candidates: candidates, ego: ego, preferredEngine: .twopi, encodingNote: "heavy outline: the ego"
        )
        recipe.cut = cut
        return try NetworkFigureBuilder.figure(of: dataset, graph: graph, recipe: recipe, options: options)
    }

    /// The ego and the `count − 1` accounts of `ball` with the heaviest ties toward it: nearer
    /// hops first, and within a hop by the weight (both directions summed) of the account's
    /// heaviest tie to an account one hop nearer, so every kept account has a kept path to the ego.
    /// - Complexity: O(E + V log V) over the ball.
    static func heaviestTies(graph: DirectedGraph, ego: Int32, distances: [Int32], ball: [Int32], count: Int) -> [Int32] {
        var pull = [Double](repeating: 0, count: graph.nodeCount)
        for node in ball where node != ego {
            let hop = Int(distances[Int(node)])
            var best = 0.0
            for (adjacency, reverse) in [(graph.outgoing, graph.incoming), (graph.incoming, graph.outgoing)] {
                let range = adjacency.offsets[Int(node)] ..< adjacency.offsets[Int(node) + 1]
                for edge in range where Int(distances[Int(adjacency.neighbors[edge])]) == hop - 1 {
                    let other = adjacency.neighbors[edge]
                    let back = (reverse.offsets[Int(node)] ..< reverse.offsets[Int(node) + 1]).first { reverse.neighbors[$0] == other }
                    best = max(best, adjacency.weight(at: edge) + (back.map { reverse.weight(at: $0) } ?? 0))
                }
            }
            pull[Int(node)] = best
        }
        let ranked = ball.filter { $0 != ego }.sorted { left, right in
            let (a, b) = (distances[Int(left)], distances[Int(right)])
            if a != b { return a < b }
            return pull[Int(left)] != pull[Int(right)] ? pull[Int(left)] > pull[Int(right)] : left < right
        }
        return ([ego] + ranked.prefix(max(0, count - 1))).sorted()
    }
}
