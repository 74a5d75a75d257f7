/// One direction of a compressed sparse row (CSR) adjacency.
///
/// The neighbours of node `v` are `neighbors[offsets[v] ..< offsets[v + 1]]`, sorted ascending
/// and free of repeats; `weights`, when present, runs parallel to `neighbors`. A `nil` weight
/// array means every edge weighs exactly 1, which keeps unweighted graphs at half the memory.
public struct Adjacency: Sendable {
    /// `nodeCount + 1` positions into `neighbors`.
    public let offsets: [Int]
    /// Neighbour indices, row after row.
    public let neighbors: [Int32]
    /// Edge weights parallel to `neighbors`, or `nil` when all weights are 1.
    public let weights: [Double]?

    /// An adjacency of `offsets.count − 1` nodes from arrays assembled elsewhere, after checking
    /// that they form one: the offsets start at 0, never decrease and end at `neighbors.count`;
    /// every neighbour lies in `0 ..< nodeCount`; each row is strictly ascending; `weights`, when
    /// given, has one entry per neighbour.
    ///
    /// - Throws: ``GraphInputError`` naming the first problem found.
    /// - Complexity: O(V + E).
    public init(offsets: [Int], neighbors: [Int32], weights: [Double]?) throws(GraphInputError) {
        if let error = GraphInputError.adjacency(offsets: offsets, neighbors: neighbors, weights: weights) { throw error }
        self.init(checkedOffsets: offsets, neighbors: neighbors, weights: weights)
    }

    /// Arrays that already satisfy the checks of ``init(offsets:neighbors:weights:)``: built by
    /// ``GraphBuilder`` or derived from a checked adjacency.
    init(checkedOffsets offsets: [Int], neighbors: [Int32], weights: [Double]?) {
        self.offsets = offsets
        self.neighbors = neighbors
        self.weights = weights
    }

    /// The number of nodes (rows).
    public var nodeCount: Int { offsets.count - 1 }

    /// The neighbour indices of `node`.
    @inlinable
    public func neighbors(of node: Int32) -> ArraySlice<Int32> {
        neighbors[offsets[Int(node)] ..< offsets[Int(node) + 1]]
    }

    /// The number of neighbours of `node`.
    @inlinable
    public func degree(of node: Int32) -> Int {
        offsets[Int(node) + 1] - offsets[Int(node)]
    }

    /// The weight at position `edge` of `neighbors`.
    @inlinable
    public func weight(at edge: Int) -> Double {
        weights?[edge] ?? 1
    }

    /// The summed weight of the edges of `node`.
    public func strength(of node: Int32) -> Double {
        guard let weights else { return Double(degree(of: node)) }
        var total = 0.0
        for edge in offsets[Int(node)] ..< offsets[Int(node) + 1] { total += weights[edge] }
        return total
    }
}
