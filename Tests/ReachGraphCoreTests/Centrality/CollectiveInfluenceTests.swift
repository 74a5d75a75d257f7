import ReachGraphCore
import XCTest

final class CollectiveInfluenceTests: XCTestCase {
    func testMatchesDefinition() throws {
        for item in try SpectralFixtureCase.all() {
            let graph = item.graph.graph
            XCTAssertEqual(item.collectiveInfluence.count, 3, item.name)
            for expected in item.collectiveInfluence {
                let message = "\(item.name) radius \(expected.radius)"
                assertClose(try graph.collectiveInfluence(radius: expected.radius), expected.scores, relative: 1e-9, message)
                XCTAssertEqual(try graph.collectiveInfluenceOrder(radius: expected.radius), expected.order, message)
                let prefix = Array(expected.order.prefix(2))
                XCTAssertEqual(try graph.collectiveInfluenceOrder(radius: expected.radius, count: 2), prefix, message)
            }
        }
    }

    func testPathByHand() throws {
        // Path 0 – 1 – 2 – 3 – 4 (directions ignored): k = 1, 2, 2, 2, 1.
        let graph = DirectedGraph(nodeCount: 5, edges: [(0, 1), (2, 1), (2, 3), (4, 3)])
        XCTAssertEqual(try graph.collectiveInfluence(radius: 1), [0, 1, 2, 1, 0])
        XCTAssertEqual(try graph.collectiveInfluence(), [0, 1, 0, 1, 0])
        XCTAssertEqual(try graph.collectiveInfluenceOrder(radius: 1), [2])
        XCTAssertEqual(try graph.collectiveInfluenceOrder(), [1])
        XCTAssertEqual(try graph.reversed().collectiveInfluence(radius: 1), [0, 1, 2, 1, 0])
    }

    func testWeightsParallelEdgesAndSelfLoopsAreIgnored() throws {
        let plain = DirectedGraph(nodeCount: 4, edges: [(0, 1), (1, 2), (2, 3)])
        let noisy = DirectedGraph(nodeCount: 4, weightedEdges: [(0, 1, 5), (1, 0, 2), (1, 2, 1), (2, 3, 7), (1, 1, 1), (2, 2, 3)])
        XCTAssertEqual(try noisy.collectiveInfluence(radius: 1), try plain.collectiveInfluence(radius: 1))
        XCTAssertEqual(try noisy.collectiveInfluence(radius: 1), [0, 1, 1, 0])
    }

    func testEdgeCases() throws {
        XCTAssertEqual(try DirectedGraph(nodeCount: 0, edges: []).collectiveInfluence(), [])
        XCTAssertEqual(try DirectedGraph(nodeCount: 0, edges: []).collectiveInfluenceOrder(), [])
        XCTAssertEqual(try DirectedGraph(nodeCount: 2, edges: []).collectiveInfluence(), [0, 0])
        let graph = DirectedGraph(nodeCount: 2, edges: [(0, 1)])
        assertInvalidOption(try graph.collectiveInfluence(radius: 0), "radius 0")
        assertInvalidOption(try graph.collectiveInfluenceOrder(radius: -1), "negative radius")
    }
}
