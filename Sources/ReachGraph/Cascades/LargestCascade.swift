import ReachGraphCore

extension CascadeAnalysis {
    /// The largest cascade measured: the most participants, ties broken by the smallest root post
    /// id (so the choice does not depend on file order). The one `render --figure cascade` and the
    /// briefing draw when no root is named. `nil` when there are no cascades.
    /// - Complexity: O(cascades).
    public var largest: CascadeMetrics? {
        cascades.min { $0.size != $1.size ? $0.size > $1.size : $0.rootPostID < $1.rootPostID }
    }
}

extension CascadeReconstruction {
    /// The cascade whose root post is `postID`, each repost attached to its parent post when the
    /// data names one and to the root otherwise (the `root` policy, which draws nothing at
    /// random); `nil` when that post is not a root.
    /// - Complexity: O(cascades) to find it, then that of ``cascade(_:policy:random:recordingIssues:)``.
    public mutating func rootAttributedCascade(ofRoot postID: String) -> Cascade? {
        guard let index = cascadeIndex(ofRoot: postID) else { return nil }
        var random = SplitMix64(seed: 0)
        return cascade(index, policy: .root, random: &random)
    }
}
