import ReachGraphCore
import XCTest

final class IndependentCascadeTests: XCTestCase {
    func testPathReachIsOnePlusPPlusPSquared() throws {
        let path = DirectedGraph(nodeCount: 3, edges: [(0, 1), (1, 2)])
        let p = 0.4
        let runs = 20_000
        let estimate = try path.simulateIndependentCascade(
            from: [0], model: .uniform(p), runs: runs, seed: 7, recordingActivationProbabilities: true
        )
        let exact = 1 + p + p * p
        XCTAssertEqual(estimate.runs, runs)
        XCTAssertTrue(estimate.confidenceInterval.contains(exact), "\(exact) outside \(estimate.confidenceInterval)")
        assertWithinStandardErrors(estimate.expectedReach, exact, deviation: estimate.standardDeviation, runs: runs, sigmas: 3, "path")
        let probabilities = try XCTUnwrap(estimate.activationProbabilities)
        XCTAssertEqual(probabilities[0], 1)
        for (node, exactProbability) in [(1, p), (2, p * p)] {
            let deviation = (exactProbability * (1 - exactProbability)).squareRoot()
            assertWithinStandardErrors(probabilities[node], exactProbability, deviation: deviation, runs: runs, "node \(node)")
        }
        // The interval is the normal approximation around the mean.
        let halfWidth = 1.959963984540054 * estimate.standardDeviation / Double(runs).squareRoot()
        XCTAssertEqual(estimate.confidenceInterval.upperBound - estimate.expectedReach, halfWidth, accuracy: 1e-12)
        XCTAssertEqual(estimate.standardError, estimate.standardDeviation / Double(runs).squareRoot(), accuracy: 1e-15)
    }

    func testStarFromCentreAndFromLeaf() throws {
        let star = DirectedGraph(nodeCount: 6, edges: (1 ... 5).map { (0, Int32($0)) })
        let runs = 20_000
        let centre = try star.simulateIndependentCascade(from: [0], model: .uniform(0.3), runs: runs, seed: 11)
        // Reach is 1 + Binomial(5, 0.3): mean 2.5, deviation √(5 · 0.3 · 0.7).
        assertWithinStandardErrors(centre.expectedReach, 2.5, deviation: (5 * 0.3 * 0.7).squareRoot(), runs: runs, "centre")
        XCTAssertEqual(centre.standardDeviation, (5 * 0.3 * 0.7).squareRoot(), accuracy: 0.02)
        // A hub: the uniform model jumps between live edges by geometric gaps, so check a long row.
        let hub = DirectedGraph(nodeCount: 1001, edges: (1 ... 1000).map { (0, Int32($0)) })
        let spread = try hub.simulateIndependentCascade(from: [0], model: .uniform(0.01), runs: runs, seed: 11)
        assertWithinStandardErrors(spread.expectedReach, 11, deviation: (1000 * 0.01 * 0.99).squareRoot(), runs: runs, "hub")
        XCTAssertEqual(spread.standardDeviation, (1000 * 0.01 * 0.99).squareRoot(), accuracy: 0.05)
        let tiny = try hub.simulateIndependentCascade(from: [0], model: .uniform(1e-300), runs: 100, seed: 11)
        XCTAssertEqual(tiny.expectedReach, 1)
        let leaf = try star.simulateIndependentCascade(from: [3], model: .uniform(0.3), runs: 100, seed: 11)
        XCTAssertEqual(leaf.expectedReach, 1)
        XCTAssertEqual(leaf.standardDeviation, 0)
        XCTAssertEqual(leaf.confidenceInterval, 1 ... 1)
    }

    func testProbabilityOneIsBreadthFirstReach() throws {
        let graph = randomGraph(nodeCount: 60, edgeCount: 90, seed: 3)
        let seeds: [Int32] = [5, 17, 40]
        var reached = Set<Int>()
        for seed in seeds {
            for (node, distance) in graph.breadthFirstDistances(from: seed).enumerated() where distance >= 0 { reached.insert(node) }
        }
        let estimate = try graph.simulateIndependentCascade(
            from: seeds, model: .uniform(1), runs: 50, seed: 1, recordingActivationProbabilities: true
        )
        XCTAssertEqual(estimate.expectedReach, Double(reached.count))
        XCTAssertEqual(estimate.standardDeviation, 0)
        XCTAssertEqual(estimate.activationProbabilities, (0 ..< 60).map { reached.contains($0) ? 1 : 0 })
    }

    func testProbabilityZeroReachesOnlyTheSeeds() throws {
        let graph = randomGraph(nodeCount: 30, edgeCount: 80, seed: 4)
        let estimate = try graph.simulateIndependentCascade(from: [2, 9, 2, 21], model: .uniform(0), runs: 200, seed: 5)
        XCTAssertEqual(estimate.expectedReach, 3, "a repeated seed counts once")
        XCTAssertEqual(estimate.standardDeviation, 0)
    }

    func testPerEdgeProbabilitiesFollowOutgoingOrder() throws {
        // Edges given out of order; the CSR sorts node 0's row to [1, 2].
        let graph = DirectedGraph(nodeCount: 3, edges: [(0, 2), (0, 1)])
        let estimate = try graph.simulateIndependentCascade(
            from: [0], model: .perEdge([1, 0]), runs: 100, seed: 2, recordingActivationProbabilities: true
        )
        XCTAssertEqual(estimate.activationProbabilities, [1, 1, 0])
    }

    func testPerEdgeProbabilitiesOnARowLongerThanABlock() throws {
        // A hub's row is decided 64 edges at a time: 1,000 leaves with probabilities 0, 1 and
        // values between, so every block holds live and dead edges; reach is 1 + Binomial sums.
        let hub = DirectedGraph(nodeCount: 1001, edges: (1 ... 1000).map { (0, Int32($0)) })
        let p = (0 ..< 1000).map { (leaf: Int) -> Double in leaf % 97 == 0 ? 1 : leaf % 89 == 0 ? 0 : Double(leaf % 10) / 20 }
        let runs = 20_000
        let estimate = try hub.simulateIndependentCascade(from: [0], model: .perEdge(p), runs: runs, seed: 4, recordingActivationProbabilities: true)
        let variance = p.reduce(0) { $0 + $1 * (1 - $1) }
        assertWithinStandardErrors(estimate.expectedReach, 1 + p.reduce(0, +), deviation: variance.squareRoot(), runs: runs, "hub")
        let probabilities = try XCTUnwrap(estimate.activationProbabilities)
        for leaf in [0, 97, 970] { XCTAssertEqual(probabilities[leaf + 1], 1, "p = 1 at leaf \(leaf)") }
        for leaf in [89, 178, 890] { XCTAssertEqual(probabilities[leaf + 1], 0, "p = 0 at leaf \(leaf)") }
        for leaf in [63, 64, 65, 127, 128, 999] {
            let deviation = (p[leaf] * (1 - p[leaf])).squareRoot()
            assertWithinStandardErrors(probabilities[leaf + 1], p[leaf], deviation: deviation, runs: runs, "leaf \(leaf)")
        }
    }

    func testWeightedCascadeUsesWeightOverInStrength() throws {
        // p(0→2) = 3/4 and p(1→2) = 1/4: node 2 activates with probability 1 − (1/4)(3/4) = 13/16.
        let weighted = DirectedGraph(nodeCount: 3, weightedEdges: [(0, 2, 3), (1, 2, 1)])
        let runs = 40_000
        let estimate = try weighted.simulateIndependentCascade(from: [0, 1], model: .weightedCascade, runs: runs, seed: 9)
        let p = 13.0 / 16
        assertWithinStandardErrors(estimate.expectedReach, 2 + p, deviation: (p * (1 - p)).squareRoot(), runs: runs, "weighted")
        // An account whose in-edges all weigh 0 is never reached through them (not 0 / 0).
        let zero = DirectedGraph(nodeCount: 3, weightedEdges: [(0, 1, 0), (1, 2, 5)])
        let none = try zero.simulateIndependentCascade(from: [0], model: .weightedCascade, runs: 100, seed: 9, recordingActivationProbabilities: true)
        XCTAssertEqual(none.activationProbabilities, [1, 0, 0])
        XCTAssertEqual(try zero.simulateIndependentCascade(from: [1], model: .weightedCascade, runs: 100, seed: 9).expectedReach, 2)
        XCTAssertEqual(try zero.simulateLinearThreshold(from: [0], model: .normalizedWeights, runs: 100, seed: 9).expectedReach, 1)
        XCTAssertEqual(try zero.maximizeInfluence(k: 1, model: .independentCascade(.weightedCascade), seed: 9).seeds, [1])
        // Unweighted: 1 / in-degree, so from node 0 alone node 2 activates with probability 1/2.
        let plain = DirectedGraph(nodeCount: 3, edges: [(0, 2), (1, 2)])
        let alone = try plain.simulateIndependentCascade(from: [0], model: .weightedCascade, runs: runs, seed: 9)
        assertWithinStandardErrors(alone.expectedReach, 1.5, deviation: 0.5, runs: runs, "unweighted")
    }

    func testMatchesExactEnumerationOnASmallGraph() throws {
        let graph = randomGraph(nodeCount: 10, edgeCount: 14, seed: 21)
        let p = (0 ..< 14).map { 0.1 + 0.06 * Double($0) }
        let exact = exactSpreads(of: [[0, 4]], in: graph, outcomes: cascadeOutcomes(p))[0]
        let runs = 40_000
        let estimate = try graph.simulateIndependentCascade(from: [0, 4], model: .perEdge(p), runs: runs, seed: 12)
        assertWithinStandardErrors(estimate.expectedReach, exact, deviation: estimate.standardDeviation, runs: runs, "enumeration")
    }

    func testSameSeedSameResultAtAnyThreadCount() throws {
        let graph = randomGraph(nodeCount: 400, edgeCount: 2400, seed: 8)
        let simulate = { (parallelism: Parallelism) throws(DiffusionError) -> SpreadEstimate in
            try graph.simulateIndependentCascade(
                from: [1, 2, 3], model: .uniform(0.15), runs: 3_001, seed: 99,
                recordingActivationProbabilities: true, parallelism: parallelism
            )
        }
        let serial = try simulate(.serial)
        XCTAssertEqual(try simulate(Parallelism(maxConcurrency: 8, chunkSize: 7)), serial)
        XCTAssertEqual(try simulate(Parallelism(maxConcurrency: 3, chunkSize: 1000)), serial)
        XCTAssertEqual(try simulate(.automatic), serial)
        let other = try graph.simulateIndependentCascade(from: [1, 2, 3], model: .uniform(0.15), runs: 3_001, seed: 100)
        XCTAssertNotEqual(other.expectedReach, serial.expectedReach)
    }

    func testEdgeCases() throws {
        let graph = DirectedGraph(nodeCount: 4, edges: [(0, 1), (1, 2)])
        let empty = try graph.simulateIndependentCascade(from: [], model: .uniform(0.5), runs: 10, seed: 1)
        XCTAssertEqual(empty.expectedReach, 0)
        XCTAssertEqual(empty.standardDeviation, 0)
        XCTAssertEqual(empty.runs, 10)
        let edgeless = DirectedGraph(nodeCount: 5, edges: [])
        XCTAssertEqual(try edgeless.simulateIndependentCascade(from: [0, 4], model: .weightedCascade, runs: 10, seed: 1).expectedReach, 2)
        let single = try graph.simulateIndependentCascade(from: [0], model: .uniform(0.5), runs: 1, seed: 1)
        XCTAssertEqual(single.standardDeviation, 0, "one run has no spread")

        assertThrows(.seedOutOfRange(node: 4, nodeCount: 4)) { () throws(DiffusionError) in
            try graph.simulateIndependentCascade(from: [0, 4], model: .uniform(0.5), seed: 1)
        }
        assertThrows(.seedOutOfRange(node: -1, nodeCount: 4)) { () throws(DiffusionError) in
            try graph.simulateIndependentCascade(from: [-1], model: .uniform(0.5), seed: 1)
        }
        assertThrows(.invalidRunCount(0)) { () throws(DiffusionError) in
            try graph.simulateIndependentCascade(from: [0], model: .uniform(0.5), runs: 0, seed: 1)
        }
        assertThrows(.probabilityOutOfRange(edge: nil, value: 1.5)) { () throws(DiffusionError) in
            try graph.simulateIndependentCascade(from: [0], model: .uniform(1.5), seed: 1)
        }
        assertThrows(.edgeValueCountMismatch(expected: 2, actual: 3)) { () throws(DiffusionError) in
            try graph.simulateIndependentCascade(from: [0], model: .perEdge([0.1, 0.2, 0.3]), seed: 1)
        }
        do {
            _ = try graph.simulateIndependentCascade(from: [0], model: .perEdge([0.1, .nan]), seed: 1)
            XCTFail("NaN probability accepted")
        } catch {
            guard case .probabilityOutOfRange(edge: 1, _) = error else { return XCTFail("\(error)") }
        }
    }
}
