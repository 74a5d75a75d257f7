@testable import ReachGraphCore
import XCTest

/// The transpose writing over arrays that the caller no longer needs (the edge list's targets and
/// weights, in `GraphBuilder`): every element is written, whatever the spare arrays held.
final class ChunkedCountingSortTests: XCTestCase {
    func testTransposeWritesOverSpareArraysAsOverNewOnes() {
        var state: UInt64 = 21
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        let nodes = 200
        let edges = (0 ..< 3000).map { _ in (Int32(next(nodes)), Int32(next(nodes)), Double(next(7)) * 0.25 + 0.1) }
        let graph = GraphBuilder(nodeCount: nodes, sources: edges.map(\.0), targets: edges.map(\.1), weights: edges.map(\.2)).build(chunkCount: 1)
        let outgoing = graph.outgoing
        let edgeTotal = outgoing.neighbors.count
        XCTAssertLessThan(edgeTotal, edges.count, "parallel edges were merged, so spare arrays of the input's length are longer")
        for chunks in [1, 2, 3] {
            // Longer than needed and full of values that must all be written over; too short (a
            // new array is made instead); none.
            for spareCount in [edges.count, edgeTotal, edgeTotal - 1, 0] {
                var spareNeighbors = [Int32](repeating: -7, count: spareCount)
                var spareWeights = [Double](repeating: .nan, count: spareCount)
                let reverse = ChunkedCountingSort.transpose(
                    offsets: outgoing.offsets, neighbors: outgoing.neighbors, weights: outgoing.weights, nodeCount: nodes, chunkCount: chunks,
                    positions: Int32.self, spareNeighbors: &spareNeighbors, spareWeights: &spareWeights
                )
                let label = "\(chunks) chunks, spare arrays of \(spareCount)"
                XCTAssertEqual(reverse.offsets, graph.incoming.offsets, label)
                XCTAssertEqual(reverse.neighbors, graph.incoming.neighbors, label)
                XCTAssertEqual(reverse.weights, graph.incoming.weights, label)
                XCTAssertTrue(spareNeighbors.isEmpty && spareWeights.isEmpty, "the spare arrays are taken, " + label)
            }
        }
        // An unweighted transpose takes only the neighbours' spare array.
        var spareNeighbors = [Int32](repeating: -7, count: edges.count)
        var spareWeights = [Double](repeating: .nan, count: edges.count)
        let reverse = ChunkedCountingSort.transpose(
            offsets: outgoing.offsets, neighbors: outgoing.neighbors, weights: nil, nodeCount: nodes, chunkCount: 2,
            positions: Int.self, spareNeighbors: &spareNeighbors, spareWeights: &spareWeights
        )
        XCTAssertEqual(reverse.neighbors, graph.incoming.neighbors)
        XCTAssertNil(reverse.weights)
        XCTAssertTrue(spareNeighbors.isEmpty)
        XCTAssertEqual(spareWeights.count, edges.count)
    }
}
