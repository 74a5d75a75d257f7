/// How shortest-path measures turn an edge into a length.
///
/// Weights in ReachGraph are strengths (repost counts): a heavier edge is a *closer* tie, so a
/// weight cannot be used as a distance without saying so. Every shortest-path measure takes this
/// explicit choice.
///
/// An edge whose length is not positive and finite is left out of every shortest path:
/// - under ``inverseWeight`` a weight of 0 means no traffic, so the edge carries nothing
///   (its length 1/0 would be infinite); a negative weight is meaningless as a strength;
/// - under ``weight`` a zero or negative length would make "shortest" ill-defined (zero-length
///   cycles give unboundedly many shortest paths, negative cycles give none). NetworkX would
///   instead run Dijkstra over zero-length edges with path counts that depend on visit order.
///
/// On an unweighted graph all three choices give the same lengths (every edge is 1).
public enum PathLength: Sendable, Hashable, CaseIterable {
    /// Every edge is one hop; weights are ignored (NetworkX `weight=None`).
    case hops
    /// An edge of weight `w` has length `1 / w`: strong ties are short.
    case inverseWeight
    /// The weight itself is the length, as NetworkX reads `weight="weight"`.
    case weight
}

extension PathLength {
    /// The length of every edge of `adjacency`, parallel to its `neighbors`, or `nil` when every
    /// edge is one hop (so callers can run breadth-first search instead of Dijkstra).
    ///
    /// Unusable edges get NaN: NaN compares false with everything, so such an edge never relaxes
    /// a distance and never satisfies `d(v) + ℓ == d(w)`, without a branch in the search loops.
    func edgeLengths(of adjacency: Adjacency) -> [Double]? {
        guard self != .hops, let weights = adjacency.weights else { return nil }
        let inverts = self == .inverseWeight
        return weights.map { weight in
            let length = inverts ? 1 / weight : weight
            return length > 0 && length.isFinite ? length : .nan
        }
    }
}
