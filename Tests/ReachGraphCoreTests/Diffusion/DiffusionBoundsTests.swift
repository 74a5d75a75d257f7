import ReachGraphCore
import XCTest

/// IMM's memory limit and the simulation that runs until its interval is narrow enough.
final class DiffusionBoundsTests: XCTestCase {
    /// A directed cycle: with p = 1 every account reaches every other, so every RR set holds all
    /// `nodeCount` accounts (the supercritical case, in miniature).
    private func cycle(_ nodeCount: Int) -> DirectedGraph {
        DirectedGraph(nodeCount: nodeCount, edges: (0 ..< nodeCount).map { (Int32($0), Int32(($0 + 1) % nodeCount)) })
    }

    func testIMMStopsBeforeItsSetsOutgrowTheLimit() throws {
        // n = 200, k = 1, ε = 0.1, ℓ = 1: the first guess (OPT ≥ n/2) asks for about 2,800 sets of
        // 200 members each, about 4.5 MB with the coverage index, over a 64 KiB limit. The 64
        // sets drawn to measure them give the mean size exactly.
        do {
            let result = try cycle(200).maximizeInfluence(k: 1, model: .independentCascade(.uniform(1)), method: .imm(memoryLimit: 64 << 10), seed: 1)
            XCTFail("expected the memory limit, got \(result)")
        } catch let error as DiffusionError {
            guard case .memoryLimitExceeded(let projected, let limit, let meanSetSize) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(limit, 65_536)
            XCTAssertEqual(meanSetSize, 200)
            XCTAssertGreaterThan(projected, 4_000_000)
            XCTAssertLessThan(projected, 5_000_000)
            XCTAssertTrue(error.description.hasPrefix("IMM would hold about \(String(format: "%.2g", projected / 1_048_576)) MiB of reverse-reachable sets, over its limit of 0.062 MiB: "), error.description)
            XCTAssertTrue(error.description.contains("the content of 200 accounts on average reaches a random account"), error.description)
        }
        // Under the default limit the same graph is no problem: one seed reaches all 200.
        let result = try cycle(200).maximizeInfluence(k: 1, model: .independentCascade(.uniform(1)), seed: 1)
        XCTAssertEqual(result.estimatedSpread, 200)
        assertThrows(.invalidMemoryLimit(0)) { () throws(DiffusionError) in
            try cycle(5).maximizeInfluence(k: 1, model: .independentCascade(.uniform(1)), method: .imm(memoryLimit: 0), seed: 1)
        }
    }

    func testIMMUnderTheLimitIsTheUnboundedChoice() throws {
        // Sets come from streams split by index, so drawing 64 first and the rest after gives the
        // sets of one draw: a limit that is not reached changes nothing, at any thread count.
        let graph = randomGraph(nodeCount: 40, edgeCount: 120, seed: 9, weighted: true)
        let model = DiffusionModel.independentCascade(.weightedCascade)
        let roomy = try graph.maximizeInfluence(k: 3, model: model, method: .imm(epsilon: 0.2, memoryLimit: 1 << 40), seed: 4, parallelism: .serial)
        let tight = try graph.maximizeInfluence(k: 3, model: model, method: .imm(epsilon: 0.2, memoryLimit: 64 << 20), seed: 4)
        XCTAssertEqual(roomy, tight)
        XCTAssertGreaterThan(roomy.sampleCount, 1_000)
    }

    func testAdaptiveRunsStopWhenTheIntervalIsNarrowEnough() throws {
        let graph = randomGraph(nodeCount: 12, edgeCount: 16, seed: 2024, weighted: true)
        let model = DiffusionModel.independentCascade(.uniform(0.3))
        let runs = SimulationRuns.untilPrecise(relativeHalfWidth: 0.05, pilot: 64, maximum: 100_000)
        let estimate = try graph.simulate(from: [0, 5], model: model, runs: runs, seed: 7, parallelism: .serial)
        // Exactly the fixed simulation of the runs it stopped at, and narrow enough.
        XCTAssertEqual(estimate, try graph.simulate(from: [0, 5], model: model, runs: estimate.runs, seed: 7))
        XCTAssertGreaterThan(estimate.runs, 64)
        XCTAssertLessThanOrEqual(estimate.confidenceInterval.upperBound - estimate.expectedReach, 0.05 * estimate.expectedReach)
        XCTAssertEqual(try graph.simulate(from: [0, 5], model: model, runs: runs, seed: 7, parallelism: Parallelism(maxConcurrency: 4, chunkSize: 16)), estimate)
        // A reach that never varies is precise after the pilot; a precision out of reach stops at the maximum.
        let certain = try cycle(8).simulate(from: [3], model: .independentCascade(.uniform(1)), runs: .untilPrecise(pilot: 10), seed: 1)
        XCTAssertEqual([certain.runs, Int(certain.expectedReach)], [10, 8])
        // Rounds are kept and added to: under linear threshold too, the estimate is the fixed one.
        let threshold = try graph.simulate(from: [0, 5], model: .linearThreshold(.inverseInDegree), runs: runs, seed: 9, parallelism: .serial)
        XCTAssertGreaterThan(threshold.runs, 64)
        XCTAssertEqual(threshold, try graph.simulate(from: [0, 5], model: .linearThreshold(.inverseInDegree), runs: threshold.runs, seed: 9))
        let capped = try graph.simulate(from: [0], model: model, runs: .untilPrecise(relativeHalfWidth: 1e-6, pilot: 16, maximum: 300), seed: 7)
        XCTAssertEqual(capped.runs, 300)
        XCTAssertEqual(try graph.simulate(from: [0], model: model, runs: .fixed(300), seed: 7), capped)
        assertThrows(.invalidPrecision(0)) { () throws(DiffusionError) in
            try graph.simulate(from: [0], model: model, runs: .untilPrecise(relativeHalfWidth: 0), seed: 1)
        }
        assertThrows(.invalidRunCount(20)) { () throws(DiffusionError) in
            try graph.simulate(from: [0], model: model, runs: .untilPrecise(pilot: 20, maximum: 10), seed: 1)
        }
    }
}
