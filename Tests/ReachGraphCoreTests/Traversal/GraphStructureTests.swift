import ReachGraphCore
import XCTest

final class GraphStructureTests: XCTestCase {
    struct StructureCase: Decodable {
        let name: String
        let graph: FixtureGraph
        let weak: [Int32]
        let strong: [Int32]
        let reciprocity: Double
        let density: Double
    }

    func testComponentsReciprocityAndDensityMatchNetworkX() throws {
        let cases = try loadFixture("structure.json", as: [StructureCase].self)
        XCTAssertGreaterThanOrEqual(cases.count, 5)
        for item in cases {
            let graph = item.graph.graph
            XCTAssertEqual(graph.weaklyConnectedComponents().labels, item.weak, item.name)
            XCTAssertEqual(graph.stronglyConnectedComponents().labels, item.strong, item.name)
            let reciprocity = try XCTUnwrap(graph.reciprocity)
            assertClose([reciprocity, graph.density], [item.reciprocity, item.density], relative: 1e-12, item.name)
        }
    }

    func testParallelEdgesAreSummedAndSelfLoopsKept() {
        let graph = DirectedGraph(nodeCount: 3, weightedEdges: [(0, 1, 2), (0, 1, 3), (1, 1, 1), (2, 0, 1), (0, 1, 1)])
        XCTAssertEqual(graph.edgeCount, 3)
        XCTAssertEqual(graph.selfLoopCount, 1)
        XCTAssertEqual(graph.weight(from: 0, to: 1), 6)
        XCTAssertEqual(graph.outStrength(of: 0), 6)
        XCTAssertEqual(graph.inStrength(of: 1), 7)
        XCTAssertEqual(graph.degree(of: 1), 3)
        XCTAssertNil(graph.weight(from: 1, to: 0))
    }

    func testUnweightedDuplicatesBecomeWeights() {
        let graph = DirectedGraph(nodeCount: 2, edges: [(0, 1), (0, 1), (1, 0)])
        XCTAssertTrue(graph.isWeighted)
        XCTAssertEqual(graph.weight(from: 0, to: 1), 2)
        XCTAssertEqual(graph.weight(from: 1, to: 0), 1)
        XCTAssertFalse(DirectedGraph(nodeCount: 2, edges: [(0, 1)]).isWeighted)
    }

    func testRowsAreSortedAndInAdjacencyMirrorsOut() {
        let graph = DirectedGraph(nodeCount: 5, edges: [(3, 1), (0, 4), (0, 2), (3, 0), (0, 1), (4, 3)])
        XCTAssertEqual(Array(graph.outgoing.neighbors(of: 0)), [1, 2, 4])
        XCTAssertEqual(Array(graph.incoming.neighbors(of: 1)), [0, 3])
        for (source, target, _) in graph.edges {
            XCTAssertTrue(graph.incoming.neighbors(of: target).contains(source))
        }
    }

    func testReversedSwapsDirections() {
        let graph = DirectedGraph(nodeCount: 3, weightedEdges: [(0, 1, 2), (1, 2, 5)])
        let reversed = graph.reversed()
        XCTAssertEqual(reversed.weight(from: 1, to: 0), 2)
        XCTAssertEqual(reversed.weight(from: 2, to: 1), 5)
        XCTAssertNil(reversed.weight(from: 0, to: 1))
        XCTAssertEqual(reversed.breadthFirstDistances(from: 2), [2, 1, 0])
    }

    func testInducedSubgraphAndSymmetrized() {
        let graph = DirectedGraph(nodeCount: 5, weightedEdges: [(0, 1, 1), (1, 2, 2), (2, 3, 3), (3, 1, 4), (4, 0, 1)])
        let sub = graph.inducedSubgraph(on: [3, 1, 2, 1, 99])
        XCTAssertEqual(sub.originalNodes, [1, 2, 3])
        XCTAssertEqual(sub.graph.edgeCount, 3)
        XCTAssertEqual(sub.graph.weight(from: 2, to: 0), 4)
        let symmetric = DirectedGraph(nodeCount: 3, weightedEdges: [(0, 1, 2), (1, 0, 3), (1, 2, 1), (2, 2, 1)]).symmetrized()
        XCTAssertEqual(symmetric.weight(from: 0, to: 1), 5)
        XCTAssertEqual(symmetric.weight(from: 1, to: 0), 5)
        XCTAssertEqual(symmetric.weight(from: 2, to: 1), 1)
        XCTAssertEqual(symmetric.selfLoopCount, 1)
    }

    func testBreadthFirstDistancesByDirection() {
        let graph = DirectedGraph(nodeCount: 4, edges: [(0, 1), (1, 2), (3, 2)])
        XCTAssertEqual(graph.breadthFirstDistances(from: 0), [0, 1, 2, -1])
        XCTAssertEqual(graph.breadthFirstDistances(from: 2, direction: .incoming), [2, 1, 0, 1])
        XCTAssertEqual(graph.breadthFirstDistances(from: 0, direction: .both), [0, 1, 2, 3])
    }

    func testComponentsOnAMillionNodePathDoNotRecurse() {
        let count = 1_000_000
        let builder = GraphBuilder(nodeCount: count, expectedEdgeCount: count)
        for node in 0 ..< Int32(count - 1) { builder.addEdge(from: node, to: node + 1) }
        builder.addEdge(from: Int32(count - 1), to: 0)
        let graph = builder.build()
        // The cycle is one component of every node, in both senses.
        for components in [graph.stronglyConnectedComponents(), graph.weaklyConnectedComponents()] {
            XCTAssertEqual(components.sizes, [count])
            XCTAssertTrue(components.labels.allSatisfy { $0 == 0 })
        }
        let path = GraphBuilder(nodeCount: count)
        for node in 0 ..< Int32(count - 1) { path.addEdge(from: node, to: node + 1) }
        // Without the closing edge no node reaches back: a million singletons, each its own label.
        let singletons = path.build().stronglyConnectedComponents()
        XCTAssertEqual(singletons.sizes, [Int](repeating: 1, count: count))
        XCTAssertEqual(Set(singletons.labels).count, count)
    }

    func testEmptyGraph() {
        let graph = GraphBuilder().build()
        XCTAssertEqual(graph.nodeCount, 0)
        XCTAssertNil(graph.reciprocity)
        XCTAssertEqual(graph.density, 0)
        XCTAssertEqual(graph.weaklyConnectedComponents().count, 0)
    }
}
