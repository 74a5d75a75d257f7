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

    public init(offsets: [Int], neighbors: [Int32], weights: [Double]?) {
        self.offsets = offsets
        self.neighbors = neighbors
        self.weights = weights
    }

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
