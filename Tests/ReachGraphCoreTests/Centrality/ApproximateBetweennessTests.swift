import ReachGraphCore
import XCTest

final class ApproximateBetweennessTests: XCTestCase {
    struct Exact: Decodable {
        let betweenness: [Double]
    }

    struct PathCase: Decodable {
        let name: String
        let graph: FixtureGraph
        let hops: Exact
        let weight: Exact
        let inverse: Exact
    }

    func testErrorStaysWithinEpsilonAgainstNetworkX() throws {
        let cases = try loadFixture("paths.json", as: [PathCase].self)
        let epsilon = 0.05
        for item in cases {
            let graph = item.graph.graph
            for (length, exact) in [(PathLength.hops, item.hops), (.weight, item.weight), (.inverseWeight, item.inverse)] {
                for seed: UInt64 in 1 ... 6 {
                    let options = ApproximateBetweennessOptions(maximumError: epsilon, failureProbability: 0.01, seed: seed, pathLength: length)
                    let estimate = try graph.approximateBetweennessCentrality(options)
                    let worst = zip(estimate.values, exact.betweenness).map { abs($0 - $1) }.max() ?? 0
                    XCTAssertLessThanOrEqual(worst, epsilon, "\(item.name) \(length) seed \(seed)")
                    XCTAssertEqual(estimate.values.count, graph.nodeCount)
                }
            }
        }
    }

    func testSameSeedGivesSameResultAtAnyThreadCount() throws {
        let graph = ShortestPathBehaviourTests.randomGraph(nodes: 200, edges: 800, seed: 3)
        for length in PathLength.allCases {
            let options = ApproximateBetweennessOptions(maximumError: 0.1, seed: 11, pathLength: length, maxConcurrency: 1)
            let reference = try graph.approximateBetweennessCentrality(options)
            XCTAssertGreaterThan(reference.sampleSize, 0)
            for threads in [1, 2, 5] {
                var parallel = options
                parallel.maxConcurrency = threads
                XCTAssertEqual(try graph.approximateBetweennessCentrality(parallel), reference, "\(length) \(threads)")
            }
            var reseeded = options
            reseeded.seed = 12
            XCTAssertNotEqual(try graph.approximateBetweennessCentrality(reseeded).values, reference.values, "\(length)")
        }
    }

    func testSampleSizeFollowsRiondatoKornaropoulos() throws {
        // A directed chain of five nodes: the longest shortest path has all 5 nodes.
        let chain = DirectedGraph(nodeCount: 5, edges: [(0, 1), (1, 2), (2, 3), (3, 4)])
        let estimate = try chain.approximateBetweennessCentrality(ApproximateBetweennessOptions(maximumError: 0.1, failureProbability: 0.1))
        XCTAssertEqual(estimate.vertexDiameterBound, 5)
        // ⌈0.5 / (0.1 · 3/5)² · (⌊log₂ 3⌋ + 1 + ln 10)⌉ = ⌈597.58⌉.
        XCTAssertEqual(estimate.sampleSize, 598)
    }

    func testVertexDiameterBoundIsSafeForDirectedGraphs() throws {
        let options = ApproximateBetweennessOptions(maximumError: 0.2)
        // A directed cycle has shortest paths through every node, though its undirected radius is 3.
        let cycle = DirectedGraph(nodeCount: 6, edges: (0 ..< 6).map { (Int32($0), Int32(($0 + 1) % 6)) })
        XCTAssertEqual(try cycle.approximateBetweennessCentrality(options).vertexDiameterBound, 6)
        // Components {0}, {1, 2}, {3} in a chain: at most 1 + 2 + 1 nodes, reached by 0 → 1 → 2 → 3.
        let chainOfComponents = DirectedGraph(nodeCount: 4, edges: [(0, 1), (1, 2), (2, 1), (2, 3)])
        XCTAssertEqual(try chainOfComponents.approximateBetweennessCentrality(options).vertexDiameterBound, 4)
        // A reciprocated star: hop paths have at most 3 nodes, but weighted ones are bounded only by size.
        let star = DirectedGraph(nodeCount: 11, weightedEdges: (1 ... 10).flatMap { leaf in [(0, Int32(leaf), 2.0), (Int32(leaf), 0, 2.0)] })
        XCTAssertEqual(try star.approximateBetweennessCentrality(options).vertexDiameterBound, 3)
        var weighted = options
        weighted.pathLength = .weight
        XCTAssertEqual(try star.approximateBetweennessCentrality(weighted).vertexDiameterBound, 11)
    }

    func testDegenerateGraphsNeedNoSamples() throws {
        for graph in [DirectedGraph(nodeCount: 2, edges: [(0, 1), (1, 0)]), DirectedGraph(nodeCount: 4, edges: [(0, 1), (2, 3)])] {
            let estimate = try graph.approximateBetweennessCentrality()
            XCTAssertEqual(estimate.sampleSize, 0)
            XCTAssertEqual(estimate.values, [Double](repeating: 0, count: graph.nodeCount))
        }
    }

    func testInvalidAccuracyIsRejected() {
        let graph = DirectedGraph(nodeCount: 3, edges: [(0, 1), (1, 2)])
        for bad in [0.0, 1.0, -0.5, .nan] {
            XCTAssertThrowsError(try graph.approximateBetweennessCentrality(ApproximateBetweennessOptions(maximumError: bad))) { error in
                guard case .maximumErrorOutOfRange = error as? ApproximateBetweennessError else { return XCTFail("\(error)") }
            }
            XCTAssertThrowsError(try graph.approximateBetweennessCentrality(ApproximateBetweennessOptions(failureProbability: bad))) { error in
                guard case .failureProbabilityOutOfRange = error as? ApproximateBetweennessError else { return XCTFail("\(error)") }
            }
        }
        XCTAssertThrowsError(try graph.approximateBetweennessCentrality(ApproximateBetweennessOptions(maximumError: 1e-6))) { error in
            guard case .sampleSizeTooLarge = error as? ApproximateBetweennessError else { return XCTFail("\(error)") }
        }
    }
}
