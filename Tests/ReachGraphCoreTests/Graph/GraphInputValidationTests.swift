@testable import ReachGraphCore
import XCTest

/// Bad node indices and arrays are rejected before any kernel reads them: the throwing
/// `Adjacency` initialiser directly, and the checks behind the preconditions of `GraphBuilder`,
/// `DirectedGraph(nodeCount:edges:)` and `modularity(of:)` through the functions they call (a
/// precondition failure would end the test process).
final class GraphInputValidationTests: XCTestCase {
    private func adjacencyError(_ offsets: [Int], _ neighbors: [Int32], _ weights: [Double]? = nil) -> GraphInputError? {
        do {
            _ = try Adjacency(offsets: offsets, neighbors: neighbors, weights: weights)
            return nil
        } catch {
            return error
        }
    }

    func testAdjacencyRejectsOutOfRangeNeighbours() {
        // Three nodes; node 0's neighbour 3 does not exist, nor does -1.
        XCTAssertEqual(adjacencyError([0, 1, 2, 2], [3, 0]), .nodeOutOfRange(edge: 0, node: 3, nodeCount: 3))
        XCTAssertEqual(adjacencyError([0, 1, 2, 2], [1, -1]), .nodeOutOfRange(edge: 1, node: -1, nodeCount: 3))
        XCTAssertEqual(
            GraphInputError.nodeOutOfRange(edge: 0, node: 3, nodeCount: 3).description,
            "edge 0 names node 3, outside 0..<3"
        )
    }

    func testAdjacencyRejectsBadOffsetsWeightsAndRows() {
        XCTAssertEqual(adjacencyError([], []), .invalidOffsets("there must be nodeCount + 1 offsets, at least one"))
        XCTAssertEqual(adjacencyError([1, 1], [0]), .invalidOffsets("the first offset is 1, not 0"))
        XCTAssertEqual(adjacencyError([0, 2, 1, 2], [1, 2]), .invalidOffsets("offset 2 (1) is below offset 1 (2)"))
        XCTAssertEqual(adjacencyError([0, 1, 3], [1, 0]), .invalidOffsets("the last offset is 3, not the number of neighbours 2"))
        XCTAssertEqual(adjacencyError([0, 1, 2], [1, 0], [1]), .weightCount(weights: 1, neighbors: 2))
        XCTAssertEqual(adjacencyError([0, 2, 2, 2], [2, 1]), .unsortedRow(node: 0))
        XCTAssertEqual(adjacencyError([0, 2, 2, 2], [1, 1]), .unsortedRow(node: 0))
    }

    func testValidAdjacencyBuildsTheSameGraphAsTheBuilder() throws {
        // 0 → 1 (weight 2), 0 → 2, 2 → 2 (self-loop), 3 isolated.
        let outgoing = try Adjacency(offsets: [0, 2, 2, 3, 3], neighbors: [1, 2, 2], weights: [2, 1, 1])
        let graph = DirectedGraph(outgoing: outgoing)
        let built = DirectedGraph(nodeCount: 4, weightedEdges: [(0, 1, 2), (0, 2, 1), (2, 2, 1)])
        XCTAssertEqual(outgoing.nodeCount, 4)
        XCTAssertEqual(graph.nodeCount, 4)
        XCTAssertEqual(graph.selfLoopCount, 1)
        XCTAssertEqual(graph.incoming.offsets, built.incoming.offsets)
        XCTAssertEqual(graph.incoming.neighbors, built.incoming.neighbors)
        XCTAssertEqual(graph.incoming.weights, built.incoming.weights)
        XCTAssertEqual(graph.weight(from: 0, to: 1), 2)
        XCTAssertNil(graph.weight(from: 1, to: 0))
    }

    func testEdgeChecksBehindThePreconditions() {
        // DirectedGraph(nodeCount: 3, edges:) accepts 0...2 only.
        XCTAssertNil(GraphInputError.endpoints(0, 2, edge: 0, nodeCount: 3))
        XCTAssertEqual(GraphInputError.endpoints(0, 3, edge: 4, nodeCount: 3), .nodeOutOfRange(edge: 4, node: 3, nodeCount: 3))
        XCTAssertEqual(GraphInputError.endpoints(-2, 1, edge: 0, nodeCount: 3), .nodeOutOfRange(edge: 0, node: -2, nodeCount: 3))
        // GraphBuilder grows to cover any non-negative index, and rejects a negative one.
        XCTAssertNil(GraphInputError.endpoints(0, 1_000_000, edge: 0, nodeCount: nil))
        XCTAssertEqual(GraphInputError.endpoints(5, -1, edge: 7, nodeCount: nil), .nodeOutOfRange(edge: 7, node: -1, nodeCount: nil))
        XCTAssertEqual(GraphInputError.nodeCount(-1), .negativeNodeCount(-1))
        XCTAssertNil(GraphInputError.nodeCount(0))
        XCTAssertEqual(
            GraphInputError.edgeArrays(sources: [0, 1], targets: [1], weights: nil),
            .edgeArrayLengths(sources: 2, targets: 1, weights: nil)
        )
        XCTAssertEqual(
            GraphInputError.edgeArrays(sources: [0, 1], targets: [1, 0], weights: [1]),
            .edgeArrayLengths(sources: 2, targets: 2, weights: 1)
        )
        XCTAssertEqual(
            GraphInputError.edgeArrays(sources: [0, 1, 2], targets: [1, -4, 0], weights: nil),
            .nodeOutOfRange(edge: 1, node: -4, nodeCount: nil)
        )
        XCTAssertNil(GraphInputError.edgeArrays(sources: [0, 9], targets: [9, 0], weights: [1, 2]))
    }

    func testModularityLabelCountCheck() {
        let graph = DirectedGraph(nodeCount: 3, edges: [(0, 1), (1, 0)])
        XCTAssertEqual(GraphInputError.labels(2, nodeCount: graph.nodeCount), .labelCount(labels: 2, nodeCount: 3))
        XCTAssertEqual(GraphInputError.labelCount(labels: 2, nodeCount: 3).description, "2 labels for 3 nodes; give one per node")
        XCTAssertNil(GraphInputError.labels(3, nodeCount: graph.nodeCount))
        // One community holding the only tie: Q = 1 − (2/2)² = 0.
        XCTAssertEqual(graph.modularity(of: [0, 0, 1]), 0, accuracy: 1e-15)
    }
}
