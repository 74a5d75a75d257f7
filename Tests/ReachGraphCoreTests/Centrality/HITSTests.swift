import ReachGraphCore
import XCTest

final class HITSTests: XCTestCase {
    func testMatchesNetworkX() throws {
        var arpackComparisons = 0
        for item in try SpectralFixtureCase.all() {
            let graph = item.graph.graph
            for expected in item.hits {
                let options = expected.options
                let defaults = HITSOptions()
                let hitsOptions = HITSOptions(
                    maxIterations: options.maxIterations ?? defaults.maxIterations,
                    tolerance: options.tolerance ?? defaults.tolerance,
                    start: options.start,
                    normalized: options.normalized ?? defaults.normalized,
                    weighted: options.weighted ?? defaults.weighted
                )
                let message = "\(item.name) \(expected.label)"
                if expected.error != nil {
                    XCTAssertThrowsError(try graph.hits(hitsOptions), message) { error in
                        XCTAssertEqual(error as? CentralityError, .failedToConverge(iterations: hitsOptions.maxIterations), message)
                    }
                    continue
                }
                let scores = try graph.hits(hitsOptions)
                assertClose(scores.hubs, try XCTUnwrap(expected.hubs), relative: 1e-6, "\(message) hubs")
                assertClose(scores.authorities, try XCTUnwrap(expected.authorities), relative: 1e-6, "\(message) authorities")
                // NetworkX's public hits (ARPACK) solves to its own tolerance, so compare on the
                // scale of the vector.
                if let hubs = expected.arpackHubs, let authorities = expected.arpackAuthorities {
                    assertCloseToScale(scores.hubs, hubs, relative: 1e-6, "\(message) ARPACK hubs")
                    assertCloseToScale(scores.authorities, authorities, relative: 1e-6, "\(message) ARPACK authorities")
                    arpackComparisons += 1
                }
            }
        }
        XCTAssertGreaterThanOrEqual(arpackComparisons, 10)
    }

    func testOneSourceTwoAmplifiersByHand() throws {
        let graph = DirectedGraph(nodeCount: 3, edges: [(0, 1), (0, 2)])
        let scores = try graph.hits()
        XCTAssertEqual(scores.hubs, [1, 0, 0])
        XCTAssertEqual(scores.authorities, [0, 0.5, 0.5])
        let raw = try graph.hits(HITSOptions(normalized: false))
        XCTAssertEqual(raw.authorities, [0, 1, 1])
    }

    func testGraphsWithoutStructure() throws {
        let empty = try DirectedGraph(nodeCount: 0, edges: []).hits()
        XCTAssertEqual(empty.hubs, [])
        XCTAssertEqual(empty.authorities, [])
        let edgeless = try DirectedGraph(nodeCount: 2, edges: []).hits()
        XCTAssertEqual(edgeless.hubs, [0, 0])
        XCTAssertEqual(edgeless.authorities, [0, 0])
    }

    func testErrors() {
        let graph = DirectedGraph(nodeCount: 4, weightedEdges: [(0, 1, 1), (1, 2, 2), (2, 0, 1), (0, 3, 1), (3, 2, 3)])
        XCTAssertThrowsError(try graph.hits(HITSOptions(maxIterations: 1))) { error in
            XCTAssertEqual(error as? CentralityError, .failedToConverge(iterations: 1))
        }
        assertInvalidOption(try graph.hits(HITSOptions(start: [1, 2])), "short start")
        assertInvalidOption(try graph.hits(HITSOptions(tolerance: .nan)), "NaN tolerance")
    }
}
