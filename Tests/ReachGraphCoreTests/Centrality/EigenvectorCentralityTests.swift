import ReachGraphCore
import XCTest

final class EigenvectorCentralityTests: XCTestCase {
    func testMatchesNetworkX() throws {
        for item in try SpectralFixtureCase.all() {
            let graph = item.graph.graph
            XCTAssertEqual(item.eigenvector.count, 3, item.name)
            for expected in item.eigenvector {
                let options = expected.options
                let defaults = EigenvectorCentralityOptions()
                let eigenvectorOptions = EigenvectorCentralityOptions(
                    maxIterations: options.maxIterations ?? defaults.maxIterations,
                    tolerance: options.tolerance ?? defaults.tolerance,
                    start: options.start,
                    weighted: options.weighted ?? defaults.weighted
                )
                assertMatches(try graph.eigenvectorCentrality(eigenvectorOptions), expected, item.name)
            }
        }
    }

    func testReciprocatedPairByHand() throws {
        let graph = DirectedGraph(nodeCount: 3, edges: [(0, 1), (1, 0), (2, 0)])
        // Node 2 has no in-edges and decays towards 0; 0 and 1 share the Perron vector of the pair.
        let centrality = try graph.eigenvectorCentrality(EigenvectorCentralityOptions(maxIterations: 1000, tolerance: 1e-12))
        assertClose(Array(centrality[0 ... 1]), [1 / 2.0.squareRoot(), 1 / 2.0.squareRoot()], relative: 1e-9, "pair")
        XCTAssertLessThan(centrality[2], 1e-9)
    }

    func testEdgeCases() throws {
        XCTAssertEqual(try DirectedGraph(nodeCount: 0, edges: []).eigenvectorCentrality(), [])
        let graph = DirectedGraph(nodeCount: 3, edges: [(0, 1), (1, 2), (2, 0)])
        assertInvalidOption(try graph.eigenvectorCentrality(EigenvectorCentralityOptions(start: [0, 0, 0])), "all-zero start")
        let star = DirectedGraph(nodeCount: 4, edges: [(0, 1), (0, 2), (0, 3)])
        XCTAssertThrowsError(try star.eigenvectorCentrality()) { error in
            XCTAssertEqual(error as? CentralityError, .failedToConverge(iterations: 100))
        }
    }
}
