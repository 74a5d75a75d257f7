import ReachGraphCore
import XCTest

/// Betweenness, edge betweenness, closeness and harmonic centrality against NetworkX
/// (`Fixtures/make_paths.py` wrote `paths.json`).
final class ShortestPathConformanceTests: XCTestCase {
    struct Expected: Decodable {
        let betweenness: [Double]
        let betweenness_raw: [Double]
        let betweenness_endpoints: [Double]
        let betweenness_endpoints_raw: [Double]
        let edge_betweenness: [Double]
        let edge_betweenness_raw: [Double]
        let closeness: [Double]
        let closeness_plain: [Double]
        let harmonic: [Double]
    }

    struct PathCase: Decodable {
        let name: String
        let graph: FixtureGraph
        let hops: Expected
        let weight: Expected
        let inverse: Expected

        func expected(for length: PathLength) -> Expected {
            switch length {
            case .hops: hops
            case .weight: weight
            case .inverseWeight: inverse
            }
        }
    }

    private func cases() throws -> [PathCase] {
        let cases = try loadFixture("paths.json", as: [PathCase].self)
        XCTAssertGreaterThanOrEqual(cases.count, 8)
        return cases
    }

    func testBetweennessMatchesNetworkX() throws {
        for item in try cases() {
            let graph = item.graph.graph
            for length in PathLength.allCases {
                let expected = item.expected(for: length)
                let label = "\(item.name) \(length)"
                assertClose(graph.betweennessCentrality(BetweennessOptions(pathLength: length)), expected.betweenness, relative: 1e-9, label)
                assertClose(graph.betweennessCentrality(BetweennessOptions(normalized: false, pathLength: length)), expected.betweenness_raw, relative: 1e-9, "\(label) raw")
                assertClose(graph.betweennessCentrality(BetweennessOptions(endpoints: true, pathLength: length)), expected.betweenness_endpoints, relative: 1e-9, "\(label) endpoints")
                assertClose(
                    graph.betweennessCentrality(BetweennessOptions(normalized: false, endpoints: true, pathLength: length)),
                    expected.betweenness_endpoints_raw, relative: 1e-9, "\(label) endpoints raw"
                )
            }
        }
    }

    func testEdgeBetweennessMatchesNetworkXInCSROrder() throws {
        for item in try cases() {
            let graph = item.graph.graph
            for length in PathLength.allCases {
                let expected = item.expected(for: length)
                let label = "\(item.name) \(length)"
                assertClose(graph.edgeBetweennessCentrality(EdgeBetweennessOptions(pathLength: length)), expected.edge_betweenness, relative: 1e-9, label)
                assertClose(graph.edgeBetweennessCentrality(EdgeBetweennessOptions(normalized: false, pathLength: length)), expected.edge_betweenness_raw, relative: 1e-9, "\(label) raw")
            }
        }
    }

    func testClosenessMatchesNetworkX() throws {
        for item in try cases() {
            let graph = item.graph.graph
            for length in PathLength.allCases {
                let expected = item.expected(for: length)
                let label = "\(item.name) \(length)"
                assertClose(graph.closenessCentrality(ClosenessOptions(pathLength: length)), expected.closeness, relative: 1e-9, label)
                assertClose(
                    graph.closenessCentrality(ClosenessOptions(wassermanFaustScaling: false, pathLength: length)),
                    expected.closeness_plain, relative: 1e-9, "\(label) without Wasserman–Faust"
                )
            }
        }
    }

    func testHarmonicMatchesNetworkX() throws {
        for item in try cases() {
            let graph = item.graph.graph
            for length in PathLength.allCases {
                assertClose(graph.harmonicCentrality(HarmonicOptions(pathLength: length)), item.expected(for: length).harmonic, relative: 1e-9, "\(item.name) \(length)")
            }
        }
    }

    func testFixturesExerciseTiedPaths() throws {
        // Guards the fixture itself: without tied shortest paths, path counting would go untested.
        let grid = try XCTUnwrap(try cases().first { $0.name == "grid_ties" })
        for length in PathLength.allCases {
            let raw = grid.expected(for: length).betweenness_raw
            XCTAssertTrue(raw.contains { $0 != $0.rounded() }, "\(length): some pair splits its paths")
        }
    }
}
