import ReachGraphCore
import XCTest

final class DegreeCentralityTests: XCTestCase {
    func testMatchesNetworkX() throws {
        for item in try SpectralFixtureCase.all() {
            let graph = item.graph.graph
            XCTAssertEqual(graph.degrees(), item.degree.total, item.name)
            XCTAssertEqual(graph.degrees(.incoming), item.degree.in, item.name)
            XCTAssertEqual(graph.degrees(.outgoing), item.degree.out, item.name)
            assertClose(graph.strengths(), item.degree.totalStrength, relative: 1e-9, "\(item.name) strength")
            assertClose(graph.strengths(.incoming), item.degree.inStrength, relative: 1e-9, "\(item.name) in-strength")
            assertClose(graph.strengths(.outgoing), item.degree.outStrength, relative: 1e-9, "\(item.name) out-strength")
            assertClose(graph.degreeCentrality(), item.degree.centrality, relative: 1e-9, "\(item.name) centrality")
            assertClose(graph.degreeCentrality(.incoming), item.degree.inCentrality, relative: 1e-9, "\(item.name) in-centrality")
            assertClose(graph.degreeCentrality(.outgoing), item.degree.outCentrality, relative: 1e-9, "\(item.name) out-centrality")
        }
    }

    func testSelfLoopsAndParallelEdgesByHand() {
        // 0 → 1 twice (merged, weight 3), 1 → 1, 2 → 0; node 3 isolated.
        let graph = DirectedGraph(nodeCount: 4, weightedEdges: [(0, 1, 1), (0, 1, 2), (1, 1, 4), (2, 0, 1)])
        XCTAssertEqual(graph.degrees(.outgoing), [1, 1, 1, 0])
        XCTAssertEqual(graph.degrees(.incoming), [1, 2, 0, 0])
        XCTAssertEqual(graph.degrees(), [2, 3, 1, 0])
        XCTAssertEqual(graph.strengths(.outgoing), [3, 4, 1, 0])
        XCTAssertEqual(graph.strengths(.incoming), [1, 7, 0, 0])
        XCTAssertEqual(graph.strengths(), [4, 11, 1, 0])
        assertClose(graph.degreeCentrality(), [2.0 / 3, 1, 1.0 / 3, 0], relative: 1e-12, "centrality")
    }

    func testTinyGraphsFollowNetworkXConvention() {
        XCTAssertEqual(DirectedGraph(nodeCount: 0, edges: []).degreeCentrality(), [])
        XCTAssertEqual(DirectedGraph(nodeCount: 1, edges: []).degreeCentrality(.incoming), [1])
    }
}
