/// Which edges a traversal follows.
public enum EdgeDirection: String, Sendable, CaseIterable {
    /// Along the edges: where information flows to.
    case outgoing
    /// Against the edges: where information came from.
    case incoming
    /// Both ways, as in the undirected graph.
    case both
}
