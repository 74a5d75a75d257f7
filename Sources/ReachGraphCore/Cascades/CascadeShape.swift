/// Size, depth, breadth and structural virality of a diffusion tree.
public struct CascadeShape: Sendable, Equatable {
    /// Participants, root included.
    public let size: Int
    /// The largest hop distance from the root (0 for a lone post).
    public let depth: Int
    /// Nodes at each depth, index 0 being the root's level.
    public let breadthByLevel: [Int]
    /// The widest level.
    public var maxBreadth: Int { breadthByLevel.max() ?? 0 }
    /// Structural virality ν (Goel, Anderson, Hofman & Watts, "The Structural Virality of Online
    /// Diffusion", Management Science 2016): the mean shortest-path distance over all pairs of
    /// nodes of the tree read as undirected; 0 for a single node.
    public let structuralVirality: Double

    /// Measures `tree`.
    ///
    /// ν is computed from subtree sizes rather than all pairs: the edge above a subtree of `s`
    /// nodes lies on the path of exactly `s (n − s)` pairs, so the Wiener index is Σ s (n − s)
    /// and ν = 2 W / (n (n − 1)).
    /// - Complexity: O(n).
    public init(of tree: CascadeTree) {
        size = tree.size
        let depths = tree.depths
        let deepest = Int(depths.max() ?? 0)
        depth = deepest
        var breadth = [Int](repeating: 0, count: deepest + 1)
        for level in depths { breadth[Int(level)] += 1 }
        breadthByLevel = breadth
        guard size > 1 else {
            structuralVirality = 0
            return
        }
        let subtree = tree.subtreeSizes
        var wiener = 0.0
        for node in 1 ..< size { wiener += Double(subtree[node]) * Double(size - subtree[node]) }
        structuralVirality = 2 * wiener / (Double(size) * Double(size - 1))
    }
}

extension CascadeTree {
    /// Seconds until the cascade had `count` participants (root included), or `nil` if it never did.
    public func timeToReach(_ count: Int) -> Double? {
        guard count >= 1, count <= size else { return nil }
        return times.sorted()[count - 1]
    }

    /// Seconds until some participant was `depth` hops from the root, or `nil` if none was.
    public func timeToDepth(_ depth: Int) -> Double? {
        let depths = self.depths
        var best: Double?
        for node in 0 ..< size where Int(depths[node]) == depth {
            best = min(best ?? times[node], times[node])
        }
        return best
    }
}
