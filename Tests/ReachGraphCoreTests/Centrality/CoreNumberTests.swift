import ReachGraphCore
import XCTest

final class CoreNumberTests: XCTestCase {
    func testMatchesNetworkXAndPeelingReference() throws {
        var sawSelfLoops = false
        for item in try SpectralFixtureCase.all() {
            let graph = item.graph.graph
            sawSelfLoops = sawSelfLoops || item.core.selfLoopsRemoved
            XCTAssertEqual(graph.selfLoopCount > 0, item.core.selfLoopsRemoved, item.name)
            XCTAssertEqual(graph.coreNumbers(), item.core.total, item.name)
            XCTAssertEqual(graph.coreNumbers(.incoming), item.core.in, "\(item.name) in-core")
            XCTAssertEqual(graph.coreNumbers(.outgoing), item.core.out, "\(item.name) out-core")
        }
        XCTAssertTrue(sawSelfLoops, "a fixture graph with self-loops")
    }

    func testByHand() {
        // A reciprocated pair counts twice, as in NetworkX: both ends have total degree 2.
        XCTAssertEqual(DirectedGraph(nodeCount: 2, edges: [(0, 1), (1, 0)]).coreNumbers(), [2, 2])
        // A self-loop alone adds nothing.
        XCTAssertEqual(DirectedGraph(nodeCount: 2, edges: [(0, 0), (0, 1)]).coreNumbers(), [1, 1])
        // Directed triangle plus a tail 3 → 0: in-core 1 for the cycle, 0 for the tail.
        let graph = DirectedGraph(nodeCount: 4, edges: [(0, 1), (1, 2), (2, 0), (3, 0)])
        XCTAssertEqual(graph.coreNumbers(), [2, 2, 2, 1])
        XCTAssertEqual(graph.coreNumbers(.incoming), [1, 1, 1, 0])
        XCTAssertEqual(graph.coreNumbers(.outgoing), [1, 1, 1, 1])
        // Three sources all reposted by the same three amplifiers: in-core 3 needs in-edges among
        // members, which the sources lack, so every in-core number is 0 except none.
        var edges: [(Int32, Int32)] = []
        for source in Int32(0) ..< 3 { for amplifier in Int32(3) ..< 6 { edges.append((source, amplifier)) } }
        let bipartite = DirectedGraph(nodeCount: 6, edges: edges)
        XCTAssertEqual(bipartite.coreNumbers(), [3, 3, 3, 3, 3, 3])
        XCTAssertEqual(bipartite.coreNumbers(.incoming), [0, 0, 0, 0, 0, 0])
        XCTAssertEqual(DirectedGraph(nodeCount: 0, edges: []).coreNumbers(), [])
        XCTAssertEqual(DirectedGraph(nodeCount: 3, edges: []).coreNumbers(.incoming), [0, 0, 0])
    }
}
