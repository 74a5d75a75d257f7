import ReachGraphCore
import XCTest

final class LinearThresholdTests: XCTestCase {
    func testTwoParentsActivateWithTheirWeights() throws {
        let graph = DirectedGraph(nodeCount: 3, edges: [(0, 2), (1, 2)])
        let runs = 40_000
        // b = 1/2 per in-edge: one active parent clears θ ~ U(0, 1] half the time.
        let one = try graph.simulateLinearThreshold(from: [0], runs: runs, seed: 3, recordingActivationProbabilities: true)
        let probability = try XCTUnwrap(one.activationProbabilities)[2]
        assertWithinStandardErrors(probability, 0.5, deviation: 0.5, runs: runs, "one parent")
        XCTAssertEqual(one.activationProbabilities?[1], 0)
        // Both parents bring the weight to 1, which clears every threshold.
        let both = try graph.simulateLinearThreshold(from: [0, 1], runs: 500, seed: 3)
        XCTAssertEqual(both.expectedReach, 3)
        XCTAssertEqual(both.standardDeviation, 0)
        // Normalised weights 3 : 1 give the heavier parent 3/4.
        let weighted = DirectedGraph(nodeCount: 3, weightedEdges: [(0, 2, 3), (1, 2, 1)])
        let heavy = try weighted.simulateLinearThreshold(from: [0], model: .normalizedWeights, runs: runs, seed: 3)
        assertWithinStandardErrors(heavy.expectedReach, 1.75, deviation: (0.75 * 0.25).squareRoot(), runs: runs, "normalised")
        let unweighted = try weighted.simulateLinearThreshold(from: [0], model: .inverseInDegree, runs: runs, seed: 3)
        assertWithinStandardErrors(unweighted.expectedReach, 1.5, deviation: 0.5, runs: runs, "1 / in-degree ignores weights")
    }

    func testChainWithAnOutsideParent() throws {
        // 0 → 1 (b = 1) always fires; 1 → 2 has b = 1/2 because 3 → 2 shares node 2.
        let graph = DirectedGraph(nodeCount: 4, edges: [(0, 1), (1, 2), (3, 2)])
        let runs = 40_000
        let estimate = try graph.simulateLinearThreshold(from: [0], runs: runs, seed: 4, recordingActivationProbabilities: true)
        let probabilities = try XCTUnwrap(estimate.activationProbabilities)
        XCTAssertEqual(probabilities[1], 1)
        XCTAssertEqual(probabilities[3], 0)
        assertWithinStandardErrors(probabilities[2], 0.5, deviation: 0.5, runs: runs, "node 2")
    }

    func testMatchesLiveEdgeEnumeration() throws {
        let graph = randomGraph(nodeCount: 9, edgeCount: 14, seed: 31, weighted: true)
        let b = graph.edges.map { 0.9 * $0.weight / graph.inStrength(of: $0.target) }
        let exact = exactSpreads(of: [[0], [2, 5]], in: graph, outcomes: thresholdOutcomes(b, in: graph))
        let runs = 40_000
        for (index, seeds) in [[Int32(0)], [2, 5]].enumerated() {
            let estimate = try graph.simulateLinearThreshold(from: seeds, model: .perEdge(b), runs: runs, seed: 13)
            assertWithinStandardErrors(estimate.expectedReach, exact[index], deviation: estimate.standardDeviation, runs: runs, "\(seeds)")
        }
    }

    func testSameSeedSameResultAtAnyThreadCount() throws {
        let graph = randomGraph(nodeCount: 300, edgeCount: 1500, seed: 6, weighted: true)
        let simulate = { (parallelism: Parallelism) throws(DiffusionError) -> SpreadEstimate in
            try graph.simulateLinearThreshold(
                from: [0, 10, 20], model: .normalizedWeights, runs: 2_003, seed: 42,
                recordingActivationProbabilities: true, parallelism: parallelism
            )
        }
        let serial = try simulate(.serial)
        XCTAssertEqual(try simulate(Parallelism(maxConcurrency: 6, chunkSize: 5)), serial)
        XCTAssertEqual(try simulate(.automatic), serial)
    }

    func testEdgeCasesAndInvalidWeights() throws {
        let graph = DirectedGraph(nodeCount: 3, edges: [(0, 2), (1, 2)])
        XCTAssertEqual(try graph.simulateLinearThreshold(from: [], runs: 5, seed: 1).expectedReach, 0)
        XCTAssertEqual(try DirectedGraph(nodeCount: 3, edges: []).simulateLinearThreshold(from: [1], runs: 5, seed: 1).expectedReach, 1)
        assertThrows(.seedOutOfRange(node: 3, nodeCount: 3)) { () throws(DiffusionError) in
            try graph.simulateLinearThreshold(from: [3], seed: 1)
        }
        assertThrows(.thresholdWeightsExceedOne(node: 2, sum: 1.2)) { () throws(DiffusionError) in
            try graph.simulateLinearThreshold(from: [0], model: .perEdge([0.6, 0.6]), seed: 1)
        }
        assertThrows(.thresholdWeightOutOfRange(edge: 1, value: -0.1)) { () throws(DiffusionError) in
            try graph.simulateLinearThreshold(from: [0], model: .perEdge([0.5, -0.1]), seed: 1)
        }
        assertThrows(.invalidRunCount(-3)) { () throws(DiffusionError) in
            try graph.simulateLinearThreshold(from: [0], runs: -3, seed: 1)
        }
    }
}
