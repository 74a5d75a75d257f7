/// A diffusion tree: who got the content from whom.
///
/// Nodes are stored in topological order: node 0 is the root and every other node's parent has
/// a smaller index (reconstruction adds participants in time order, which guarantees it). Times
/// are seconds after the root's post.
public struct CascadeTree: Sendable, Equatable {
    /// Parent of each node; `-1` for the root.
    public let parents: [Int32]
    /// Seconds after the root's post, per node (the root's is 0).
    public let times: [Double]

    /// Errors in a tree given from outside.
    public enum ShapeError: Error, Equatable {
        case empty
        case rootHasParent
        case parentNotEarlier(node: Int)
        case lengthMismatch
    }

    /// A tree from parent indices in topological order.
    public init(parents: [Int32], times: [Double]) throws {
        guard !parents.isEmpty else { throw ShapeError.empty }
        guard parents.count == times.count else { throw ShapeError.lengthMismatch }
        guard parents[0] < 0 else { throw ShapeError.rootHasParent }
        for node in 1 ..< parents.count where parents[node] < 0 || Int(parents[node]) >= node {
            throw ShapeError.parentNotEarlier(node: node)
        }
        self.parents = parents
        self.times = times
    }

    /// A tree whose shape the caller guarantees (root first, parents earlier); used by
    /// reconstruction, which builds trees that way.
    package init(uncheckedParents parents: [Int32], times: [Double]) {
        self.parents = parents
        self.times = times
    }

    /// The number of participants, root included.
    public var size: Int { parents.count }

    /// Hop distance of each node from the root.
    /// - Complexity: O(n).
    public var depths: [Int32] {
        var depths = [Int32](repeating: 0, count: size)
        for node in 1 ..< size { depths[node] = depths[Int(parents[node])] + 1 }
        return depths
    }

    /// Nodes in the subtree of each node, itself included.
    /// - Complexity: O(n): children come after parents, so one backward pass suffices.
    public var subtreeSizes: [Int] {
        var sizes = [Int](repeating: 1, count: size)
        for node in stride(from: size - 1, through: 1, by: -1) { sizes[Int(parents[node])] += sizes[node] }
        return sizes
    }
}
