import ReachGraphCore
import XCTest

final class VoteRankTests: XCTestCase {
    func testMatchesNetworkX() throws {
        for item in try SpectralFixtureCase.all() {
            let graph = item.graph.graph
            for expected in item.voterank {
                XCTAssertEqual(graph.voteRank(count: expected.count), expected.order, "\(item.name) count \(String(describing: expected.count))")
            }
        }
    }

    func testNetworkXDocumentationExample() {
        // nx.voterank(nx.DiGraph([(0, 1), (2, 1), (2, 3), (3, 4)])) == [2, 3]
        let graph = DirectedGraph(nodeCount: 5, edges: [(0, 1), (2, 1), (2, 3), (3, 4)])
        XCTAssertEqual(graph.voteRank(), [2, 3])
        XCTAssertEqual(graph.voteRank(count: 1), [2])
        XCTAssertEqual(graph.voteRank(count: 0), [])
        XCTAssertEqual(graph.voteRank(count: -3), [])
    }

    func testTiesGoToTheLowestIndex() {
        // Checked against NetworkX 3.6.1. Sources 2 and 3 tie with two votes each; 2 wins.
        let separate = DirectedGraph(nodeCount: 6, edges: [(2, 0), (2, 1), (3, 4), (3, 5)])
        XCTAssertEqual(separate.voteRank(), [2, 3])
        // When they share their amplifiers, electing 2 drains those votes (average out-degree 1)
        // and the election stops.
        let shared = DirectedGraph(nodeCount: 4, edges: [(2, 0), (2, 1), (3, 0), (3, 1)])
        XCTAssertEqual(shared.voteRank(), [2])
        // Three votes beat two.
        let uneven = DirectedGraph(nodeCount: 6, edges: [(1, 0), (1, 2), (3, 4), (3, 5), (3, 2)])
        XCTAssertEqual(uneven.voteRank(count: 1), [3])
    }

    func testGraphsWithoutVotes() {
        XCTAssertEqual(DirectedGraph(nodeCount: 0, edges: []).voteRank(), [])
        XCTAssertEqual(DirectedGraph(nodeCount: 3, edges: []).voteRank(), [])
    }
}
