import ReachGraphCore
import XCTest

final class StructureMeasureTests: XCTestCase {
    struct MeasureCase: Decodable {
        let name: String
        let graph: FixtureGraph
        let connectedness: Double?
        let hierarchy: Double?
        let efficiency: Double?
        let lub: Double?
        let degree_centralization_out: Double?
        let betweenness_centralization_directed: Double?
        let betweenness_centralization_undirected: Double?
        let core_periphery_hub_core: Double?
        let core_periphery_best: Double?
    }

    private func assertOptional(_ actual: Double?, _ expected: Double?, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        switch (actual, expected) {
        case (nil, nil): break
        case let (a?, e?): XCTAssertEqual(a, e, accuracy: 1e-9, message, file: file, line: line)
        default: XCTFail("\(message): \(String(describing: actual)) vs \(String(describing: expected))", file: file, line: line)
        }
    }

    func testKrackhardtAndCentralizationMatchBruteForce() throws {
        let cases = try loadFixture("krackhardt.json", as: [MeasureCase].self)
        XCTAssertGreaterThanOrEqual(cases.count, 9)
        for item in cases {
            let graph = item.graph.graph
            assertOptional(graph.krackhardtConnectedness, item.connectedness, "\(item.name) connectedness")
            assertOptional(graph.krackhardtHierarchy, item.hierarchy, "\(item.name) hierarchy")
            assertOptional(graph.krackhardtEfficiency, item.efficiency, "\(item.name) efficiency")
            assertOptional(graph.krackhardtLeastUpperBoundedness, item.lub, "\(item.name) LUB")
            assertOptional(graph.degreeCentralization(), item.degree_centralization_out, "\(item.name) degree centralization")
            assertOptional(graph.betweennessCentralization(directed: true), item.betweenness_centralization_directed, "\(item.name) directed betweenness centralization")
            assertOptional(graph.betweennessCentralization(directed: false), item.betweenness_centralization_undirected, "\(item.name) undirected betweenness centralization")
        }
    }

    func testCorePeripheryMatchesExhaustiveSearch() throws {
        for item in try loadFixture("krackhardt.json", as: [MeasureCase].self) {
            let graph = item.graph.graph
            var hub: Int32 = 0
            for node in 0 ..< Int32(graph.nodeCount) where graph.outDegree(of: node) - (graph.hasEdge(from: node, to: node) ? 1 : 0) > graph.outDegree(of: hub) - (graph.hasEdge(from: hub, to: hub) ? 1 : 0) { hub = node }
            let hubCore = (0 ..< graph.nodeCount).map { $0 == Int(hub) }
            assertOptional(graph.corePeripheryCorrelation(core: hubCore), item.core_periphery_hub_core, "\(item.name) hub as core")
            if let best = item.core_periphery_best {
                let found = try XCTUnwrap(graph.corePeriphery(), item.name)
                XCTAssertEqual(found.correlation, best, accuracy: 1e-9, "\(item.name): greedy search reaches the exhaustive optimum")
                XCTAssertEqual(graph.corePeripheryCorrelation(core: found.core) ?? .nan, found.correlation, accuracy: 1e-12)
            } else {
                // Beyond the exhaustive range: the local search's value is that of its partition
                // and beats the hub-only core.
                let found = try XCTUnwrap(graph.corePeriphery(), item.name)
                XCTAssertGreaterThan(graph.nodeCount, DirectedGraph.exhaustiveLimit)
                XCTAssertEqual(graph.corePeripheryCorrelation(core: found.core) ?? .nan, found.correlation, accuracy: 1e-12)
                XCTAssertGreaterThanOrEqual(found.correlation, item.core_periphery_hub_core ?? -1)
            }
        }
    }

    func testOutTreeIsAPerfectHierarchy() {
        // Hub → 3 cities → 2 counties each: Krackhardt's four conditions all hold exactly.
        var edges: [(Int32, Int32)] = []
        for city in Int32(1) ... 3 {
            edges.append((0, city))
            edges.append((city, 3 + 2 * city - 1))
            edges.append((city, 3 + 2 * city))
        }
        let tree = DirectedGraph(nodeCount: 10, edges: edges)
        XCTAssertEqual(tree.krackhardtConnectedness, 1)
        XCTAssertEqual(tree.krackhardtHierarchy, 1)
        XCTAssertEqual(tree.krackhardtEfficiency, 1)
        XCTAssertEqual(tree.krackhardtLeastUpperBoundedness, 1)
        let star = DirectedGraph(nodeCount: 5, edges: [(0, 1), (0, 2), (0, 3), (0, 4)])
        XCTAssertEqual(star.degreeCentralization(), 1)
        XCTAssertEqual(star.betweennessCentralization(directed: false), 1)
        XCTAssertEqual(star.betweennessCentralization(directed: true), 0)
        XCTAssertEqual(star.reciprocity, 0)
    }

    func testDegenerateGraphsGiveNil() {
        let single = DirectedGraph(nodeCount: 1, edges: [])
        XCTAssertNil(single.krackhardtConnectedness)
        XCTAssertNil(single.krackhardtHierarchy)
        XCTAssertNil(single.krackhardtEfficiency)
        XCTAssertNil(single.krackhardtLeastUpperBoundedness)
        XCTAssertNil(single.degreeCentralization())
        XCTAssertNil(DirectedGraph(nodeCount: 2, edges: [(0, 1)]).betweennessCentralization())
        XCTAssertEqual(DirectedGraph(nodeCount: 3, edges: []).krackhardtConnectedness, 0)
        XCTAssertNil(DirectedGraph(nodeCount: 3, edges: []).corePeriphery())
    }
}
