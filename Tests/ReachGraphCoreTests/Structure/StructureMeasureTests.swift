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

    /// Least upper boundedness straight from its definition, pair by pair (the method the
    /// lowest-common-ancestor pass replaced): for each pair, the common ancestors by reachability,
    /// and whether one of them is reached by all the others.
    private func definitionLUB(_ graph: DirectedGraph) -> Double? {
        let n = graph.nodeCount
        var reaches = [[Bool]](repeating: [Bool](repeating: false, count: n), count: n)
        for source in 0 ..< n {
            var stack = [source]
            reaches[source][source] = true
            while let node = stack.popLast() {
                for edge in graph.edges where Int(edge.source) == node && !reaches[source][Int(edge.target)] {
                    reaches[source][Int(edge.target)] = true
                    stack.append(Int(edge.target))
                }
            }
        }
        let weak = graph.weaklyConnectedComponents()
        let maximum = weak.sizes.reduce(0.0) { $1 > 2 ? $0 + Double($1 - 1) * Double($1 - 2) / 2 : $0 }
        guard maximum > 0 else { return nil }
        var violations = 0
        for i in 0 ..< n {
            for j in i + 1 ..< n where weak.labels[i] == weak.labels[j] && weak.sizes[Int(weak.labels[i])] > 2 {
                let bounds = (0 ..< n).filter { reaches[$0][i] && reaches[$0][j] }
                if !bounds.contains(where: { least in bounds.allSatisfy { reaches[$0][least] } }) { violations += 1 }
            }
        }
        return 1 - Double(violations) / maximum
    }

    func testLeastUpperBoundednessMatchesItsDefinitionOnRandomGraphs() {
        var state: UInt64 = 20_250_301
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var differing = 0
        for trial in 0 ..< 300 {
            let n = 1 + next(12)
            var edges: [(Int32, Int32)] = []
            // Sparse DAG-like graphs (mostly downward edges), with a few back edges for cycles.
            for _ in 0 ..< next(2 * n + 1) {
                let a = next(n), b = next(n)
                if a < b || next(6) == 0 { edges.append((Int32(a), Int32(b))) }
            }
            let graph = DirectedGraph(nodeCount: n, edges: edges)
            let expected = definitionLUB(graph)
            let actual = graph.krackhardtLeastUpperBoundedness
            assertOptional(actual, expected, "trial \(trial): \(edges)")
            if let expected, expected < 1 { differing += 1 }
        }
        XCTAssertGreaterThan(differing, 30, "the random graphs include pairs without a least upper bound")
        // Two superiors sharing two subordinates: neither is least, so the pair {2, 3} has none.
        let diamond = DirectedGraph(nodeCount: 4, edges: [(0, 2), (0, 3), (1, 2), (1, 3)])
        XCTAssertEqual(diamond.krackhardtLeastUpperBoundedness!, 1 - 2.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(definitionLUB(diamond)!, 1 - 2.0 / 3, accuracy: 1e-12)
    }

    func testLeastUpperBoundednessOfALongChainWithASecondRoot() {
        // 0 → 1 → … → 999, and a second root 1000 → 500: only the pairs {1000, x < 500} lack a
        // common superior.
        let chain = DirectedGraph(nodeCount: 1001, edges: (0 ..< 999).map { (Int32($0), Int32($0 + 1)) } + [(1000, 500)])
        XCTAssertEqual(chain.krackhardtLeastUpperBoundedness!, 1 - 500 / (1000 * 999 / 2), accuracy: 1e-12)
    }
}
