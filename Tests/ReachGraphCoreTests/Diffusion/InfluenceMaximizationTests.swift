import ReachGraphCore
import XCTest

final class InfluenceMaximizationTests: XCTestCase {
    /// 12 nodes and 16 edges: 65 536 live-edge graphs, few enough to enumerate.
    private let graph = randomGraph(nodeCount: 12, edgeCount: 16, seed: 2024, weighted: true)
    /// IMM's sample count grows with n, so on 12 nodes ε = 0.1 draws only about 9 000 RR sets and
    /// single-node estimates carry about 4% noise, enough to swap near-tied candidates (the best
    /// two single nodes here differ by under 1%). ε = 0.05 draws about 34 000.
    private let preciseIMM = InfluenceMaximizationMethod.imm(epsilon: 0.05)
    private var probabilities: [Double] { (0 ..< 16).map { 0.15 + 0.04 * Double($0 % 8) } }

    func testIMMAndCELFAreNearTheBruteForceOptimumUnderIC() throws {
        let candidates = subsets(of: 12, size: 2) + subsets(of: 12, size: 3)
        let exact = Dictionary(uniqueKeysWithValues: zip(candidates, exactSpreads(of: candidates, in: graph, outcomes: cascadeOutcomes(probabilities))))
        for k in [2, 3] {
            let optimum = try XCTUnwrap(exact.filter { $0.key.count == k }.values.max())
            let imm = try graph.maximizeInfluence(k: k, model: .independentCascade(.perEdge(probabilities)), method: preciseIMM, seed: 5)
            let celf = try graph.maximizeInfluence(k: k, model: .independentCascade(.perEdge(probabilities)), method: .celf(runs: 4_000), seed: 5)
            for (name, result) in [("IMM", imm), ("CELF", celf)] {
                XCTAssertEqual(Set(result.seeds).count, k)
                let spread = try XCTUnwrap(exact[result.seeds.sorted()])
                // Greedy is only promised 1 − 1/e − ε of the optimum; near-ties may cost a few percent.
                XCTAssertGreaterThanOrEqual(spread, 0.95 * optimum, "\(name) k=\(k): \(result.seeds) reaches \(spread), optimum \(optimum)")
                XCTAssertEqual(result.estimatedSpread, spread, accuracy: 0.05 * spread, "\(name) k=\(k) estimate")
                XCTAssertEqual(result.marginalGains.reduce(0, +), result.estimatedSpread, accuracy: 1e-9)
            }
            XCTAssertGreaterThan(imm.sampleCount, 1000)
            XCTAssertEqual(celf.sampleCount, 4_000)
        }
    }

    func testIMMWithUniformProbabilityIsNearTheBruteForceOptimum() throws {
        let candidates = subsets(of: 12, size: 2)
        let exact = Dictionary(uniqueKeysWithValues: zip(candidates, exactSpreads(of: candidates, in: graph, outcomes: cascadeOutcomes([Double](repeating: 0.3, count: 16)))))
        let optimum = try XCTUnwrap(exact.values.max())
        let result = try graph.maximizeInfluence(k: 2, model: .independentCascade(.uniform(0.3)), method: preciseIMM, seed: 3)
        let spread = try XCTUnwrap(exact[result.seeds.sorted()])
        XCTAssertGreaterThanOrEqual(spread, 0.95 * optimum, "\(result.seeds) reaches \(spread), optimum \(optimum)")
        XCTAssertEqual(result.estimatedSpread, spread, accuracy: 0.05 * spread)
    }

    func testIMMAndCELFAreNearTheBruteForceOptimumUnderLT() throws {
        let b = graph.edges.map { $0.weight / graph.inStrength(of: $0.target) }
        let candidates = subsets(of: 12, size: 2)
        let exact = Dictionary(uniqueKeysWithValues: zip(candidates, exactSpreads(of: candidates, in: graph, outcomes: thresholdOutcomes(b, in: graph))))
        let optimum = try XCTUnwrap(exact.values.max())
        for method in [preciseIMM, .celf(runs: 4_000)] {
            let result = try graph.maximizeInfluence(k: 2, model: .linearThreshold(.normalizedWeights), method: method, seed: 8)
            let spread = try XCTUnwrap(exact[result.seeds.sorted()])
            XCTAssertGreaterThanOrEqual(spread, 0.95 * optimum, "\(method): \(result.seeds) reaches \(spread), optimum \(optimum)")
            XCTAssertEqual(result.estimatedSpread, spread, accuracy: 0.05 * spread, "\(method) estimate")
        }
    }

    /// CELF's lazy evaluation must pick exactly what plain greedy picks on the same samples. Under
    /// IC, CELF's samples are those of `simulateIndependentCascade` with the same seed, so plain
    /// greedy can be run through the public simulation.
    func testCELFEqualsPlainGreedyOnTheSameSamples() throws {
        let graph = randomGraph(nodeCount: 40, edgeCount: 120, seed: 17)
        let runs = 500
        let seed: UInt64 = 31
        let celf = try graph.maximizeInfluence(k: 4, model: .independentCascade(.uniform(0.2)), method: .celf(runs: runs), seed: seed)
        var greedy: [Int32] = []
        var spread = 0.0
        var gains: [Double] = []
        for _ in 0 ..< 4 {
            var best: (node: Int32, spread: Double) = (-1, -1)
            for node in 0 ..< Int32(40) where !greedy.contains(node) {
                let estimate = try graph.simulateIndependentCascade(
                    from: greedy + [node], model: .uniform(0.2), runs: runs, seed: seed, parallelism: .serial
                ).expectedReach
                if estimate > best.spread { best = (node, estimate) }
            }
            greedy.append(best.node)
            gains.append(best.spread - spread)
            spread = best.spread
        }
        XCTAssertEqual(celf.seeds, greedy)
        XCTAssertEqual(celf.estimatedSpread, spread, accuracy: 1e-9)
        XCTAssertEqual(celf.marginalGains.count, 4)
        for (gain, expected) in zip(celf.marginalGains, gains) { XCTAssertEqual(gain, expected, accuracy: 1e-9) }
        XCTAssertTrue(zip(celf.marginalGains, celf.marginalGains.dropFirst()).allSatisfy { $0 >= $1 }, "gains shrink (submodularity)")
    }

    func testSameSeedSameResultAtAnyThreadCount() throws {
        let graph = randomGraph(nodeCount: 300, edgeCount: 1200, seed: 23)
        for model in [DiffusionModel.independentCascade(.weightedCascade), .linearThreshold()] {
            for method in [InfluenceMaximizationMethod.imm(epsilon: 0.3), .celf(runs: 200)] {
                let run = { (parallelism: Parallelism) throws(DiffusionError) in
                    try graph.maximizeInfluence(k: 5, model: model, method: method, seed: 77, parallelism: parallelism)
                }
                let serial = try run(.serial)
                XCTAssertEqual(try run(Parallelism(maxConcurrency: 8, chunkSize: 5)), serial, "\(model) \(method)")
                XCTAssertEqual(try run(.automatic), serial, "\(model) \(method)")
            }
        }
    }

    func testEdgeCases() throws {
        let model = DiffusionModel.independentCascade(.uniform(0.5))
        for method in [InfluenceMaximizationMethod.imm(), .celf(runs: 100)] {
            let none = try graph.maximizeInfluence(k: 0, model: model, method: method, seed: 1)
            XCTAssertEqual(none.seeds, [])
            XCTAssertEqual(none.estimatedSpread, 0)
            // More seeds than nodes selects every node, which reaches everything.
            let all = try graph.maximizeInfluence(k: 20, model: model, method: method, seed: 1)
            XCTAssertEqual(Set(all.seeds), Set(0 ..< 12))
            XCTAssertEqual(all.estimatedSpread, 12, accuracy: 1e-9)
            // Without edges every seed reaches only itself.
            let edgeless = try DirectedGraph(nodeCount: 6, edges: []).maximizeInfluence(k: 3, model: model, method: method, seed: 1)
            XCTAssertEqual(Set(edgeless.seeds).count, 3)
            XCTAssertEqual(edgeless.estimatedSpread, 3, accuracy: 0.3)
            let empty = try DirectedGraph(nodeCount: 0, edges: []).maximizeInfluence(k: 2, model: model, method: method, seed: 1)
            XCTAssertEqual(empty.seeds, [])
            let single = try DirectedGraph(nodeCount: 1, edges: []).maximizeInfluence(k: 1, model: model, method: method, seed: 1)
            XCTAssertEqual(single.seeds, [0])
            XCTAssertEqual(single.estimatedSpread, 1)
            assertThrows(.invalidSeedCount(-1)) { () throws(DiffusionError) in
                try graph.maximizeInfluence(k: -1, model: model, method: method, seed: 1)
            }
            assertThrows(.probabilityOutOfRange(edge: nil, value: -0.5)) { () throws(DiffusionError) in
                try graph.maximizeInfluence(k: 1, model: .independentCascade(.uniform(-0.5)), method: method, seed: 1)
            }
        }
        let edgeless = try DirectedGraph(nodeCount: 6, edges: []).maximizeInfluence(k: 3, model: model, method: .celf(runs: 10), seed: 1)
        XCTAssertEqual(edgeless.seeds, [0, 1, 2], "equal gains go to the lower index")
        assertThrows(.invalidEpsilon(0)) { () throws(DiffusionError) in
            try graph.maximizeInfluence(k: 1, model: model, method: .imm(epsilon: 0), seed: 1)
        }
        assertThrows(.invalidEll(-1)) { () throws(DiffusionError) in
            try graph.maximizeInfluence(k: 1, model: model, method: .imm(ell: -1), seed: 1)
        }
        assertThrows(.invalidRunCount(0)) { () throws(DiffusionError) in
            try graph.maximizeInfluence(k: 1, model: model, method: .celf(runs: 0), seed: 1)
        }
    }
}
