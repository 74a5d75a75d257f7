import ReachGraphCore
import XCTest

final class KatzCentralityTests: XCTestCase {
    func testMatchesNetworkX() throws {
        for item in try SpectralFixtureCase.all() {
            let graph = item.graph.graph
            XCTAssertEqual(item.katz.count, 4, item.name)
            for expected in item.katz {
                let options = expected.options
                let defaults = KatzCentralityOptions()
                var baseline = defaults.baseline
                if let value = options.baseline { baseline = .uniform(value) }
                if let values = options.baselineVector { baseline = .perNode(values) }
                let katzOptions = KatzCentralityOptions(
                    attenuation: options.attenuation ?? defaults.attenuation,
                    baseline: baseline,
                    maxIterations: options.maxIterations ?? defaults.maxIterations,
                    tolerance: options.tolerance ?? defaults.tolerance,
                    start: options.start,
                    normalized: options.normalized ?? defaults.normalized,
                    weighted: options.weighted ?? defaults.weighted
                )
                assertMatches(try graph.katzCentrality(katzOptions), expected, item.name)
            }
        }
    }

    func testPathByHand() throws {
        // 0 → 1 → 2 with α = 0.5, β = 1: x = (1, 1.5, 1.75), reached exactly after three steps.
        let graph = DirectedGraph(nodeCount: 3, edges: [(0, 1), (1, 2)])
        let raw = try graph.katzCentrality(KatzCentralityOptions(attenuation: 0.5, normalized: false))
        XCTAssertEqual(raw, [1, 1.5, 1.75])
        let normalized = try graph.katzCentrality(KatzCentralityOptions(attenuation: 0.5))
        let norm = (1 + 2.25 + 1.75 * 1.75).squareRoot()
        assertClose(normalized, [1 / norm, 1.5 / norm, 1.75 / norm], relative: 1e-12, "normalised")
        let weighted = DirectedGraph(nodeCount: 2, weightedEdges: [(0, 1, 4)])
        XCTAssertEqual(try weighted.katzCentrality(KatzCentralityOptions(normalized: false, weighted: true)), [1, 1.4])
        XCTAssertEqual(try weighted.katzCentrality(KatzCentralityOptions(normalized: false)), [1, 1.1])
    }

    func testZeroBaselineStaysZero() throws {
        let graph = DirectedGraph(nodeCount: 2, edges: [(0, 1)])
        XCTAssertEqual(try graph.katzCentrality(KatzCentralityOptions(baseline: .uniform(0))), [0, 0])
    }

    func testErrors() {
        let cycle = DirectedGraph(nodeCount: 3, edges: [(0, 1), (1, 2), (2, 0)])
        XCTAssertThrowsError(try cycle.katzCentrality(KatzCentralityOptions(attenuation: 1))) { error in
            XCTAssertEqual(error as? CentralityError, .failedToConverge(iterations: 1000))
        }
        XCTAssertThrowsError(try cycle.katzCentrality(KatzCentralityOptions(maxIterations: 1))) { error in
            XCTAssertEqual(error as? CentralityError, .failedToConverge(iterations: 1))
        }
        assertInvalidOption(try cycle.katzCentrality(KatzCentralityOptions(baseline: .perNode([1, 2]))), "short baseline")
        assertInvalidOption(try cycle.katzCentrality(KatzCentralityOptions(baseline: .uniform(.nan))), "NaN baseline")
        assertInvalidOption(try cycle.katzCentrality(KatzCentralityOptions(attenuation: .infinity)), "infinite attenuation")
        assertInvalidOption(try cycle.katzCentrality(KatzCentralityOptions(start: [0])), "short start")
    }
}
