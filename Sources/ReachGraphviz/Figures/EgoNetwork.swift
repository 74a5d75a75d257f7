import ReachGraph
import ReachGraphCore

/// The ego network of one account: every account within `radius` hops of it (following edges in
/// both directions by default), the ego drawn with a heavy outline, a bold name and black ties.
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
        let recipe = NetworkFigureBuilder.Recipe(
            title: "Ego network of \(account.name ?? account.id) (\(account.id)): \(hops), \(directions)",
            candidates: ball, ego: ego, preferredEngine: .twopi, encodingNote: "heavy outline: the ego"
        )
        return try NetworkFigureBuilder.figure(of: dataset, graph: graph, recipe: recipe, options: options)
    }
}
