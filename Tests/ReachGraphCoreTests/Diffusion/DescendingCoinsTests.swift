@testable import ReachGraphCore
import XCTest

/// `DescendingCoins` replaces a coin per slot by geometric jumps over the row sorted by
/// decreasing probability, with thinning: each slot must still be kept with exactly its own
/// probability, independently of the others, and which slots are kept must not depend on
/// what the caller wants offered.
final class DescendingCoinsTests: XCTestCase {
    /// One row mixing every case: probability 1 and 0, the direct-coin range (≥ 1/4), equal
    /// probabilities (no thinning draw), a long tail of small ones, and one tiny one.
    private let probabilities: [Double] = {
        let head: [Double] = [0.05, 1, 0, 0.3, 0.001, 0.7, 0.125, 0.125, 0.125, 0.25, 0.2499]
        let tail: [Double] = (0 ..< 40).map { (index: Int) -> Double in 0.002 + 0.004 * Double(index) }
        return head + tail + [1, 1e-9, 0.5, 0.02, 0.02, 0.02]
    }()

    private func coins() throws -> DescendingCoins {
        let adjacency = try Adjacency(
            offsets: [0] + Array(repeating: probabilities.count, count: probabilities.count),
            neighbors: (0 ..< Int32(probabilities.count)).map { $0 }, weights: nil
        )
        return DescendingCoins(adjacency, probabilities: probabilities)
    }

    func testEachSlotIsKeptWithItsProbabilityIndependently() throws {
        let trials = 100_000
        var kept = [Int](repeating: 0, count: probabilities.count)
        var bothOfPairs = [Int](repeating: 0, count: 3)
        // Pairs across the cases: a tail slot with a thinned neighbour, a direct coin with a
        // tail slot, and two equal probabilities.
        let pairs = [(20, 21), (3, 30), (6, 7)]
        try coins().withRows { rows in
            for trial in 0 ..< trials {
                var generator = SplitMix64(seed: 5).split(UInt64(trial))
                var offered = Set<Int32>()
                rows.forEachKept(0 ..< probabilities.count, using: &generator, wanted: { _ in true }) { offered.insert($0) }
                for slot in offered { kept[Int(slot)] += 1 }
                for (index, pair) in pairs.enumerated() where offered.contains(Int32(pair.0)) && offered.contains(Int32(pair.1)) {
                    bothOfPairs[index] += 1
                }
            }
        }
        for (slot, probability) in probabilities.enumerated() {
            let p = min(max(probability, 0), 1)
            let standardError = (p * (1 - p) / Double(trials)).squareRoot()
            XCTAssertEqual(Double(kept[slot]) / Double(trials), p, accuracy: 4.5 * standardError + 1e-12, "slot \(slot), p \(probability)")
        }
        for (index, pair) in pairs.enumerated() {
            let p = probabilities[pair.0] * probabilities[pair.1]
            let standardError = (p * (1 - p) / Double(trials)).squareRoot()
            XCTAssertEqual(Double(bothOfPairs[index]) / Double(trials), p, accuracy: 4.5 * standardError, "pair \(pair)")
        }
    }

    func testWhatIsKeptDoesNotDependOnWhatIsWanted() throws {
        try coins().withRows { rows in
            for trial in 0 ..< 500 {
                var all: [Int32] = []
                var generator = SplitMix64(seed: 9).split(UInt64(trial))
                rows.forEachKept(0 ..< probabilities.count, using: &generator, wanted: { _ in true }) { all.append($0) }
                var even: [Int32] = []
                var same = SplitMix64(seed: 9).split(UInt64(trial))
                rows.forEachKept(0 ..< probabilities.count, using: &same, wanted: { $0 % 2 == 0 }) { even.append($0) }
                XCTAssertEqual(even, all.filter { $0 % 2 == 0 })
                XCTAssertTrue(all.contains(1) && all.contains(51), "probability 1 is always kept")
                XCTAssertFalse(all.contains(2), "probability 0 never is")
            }
        }
    }

    func testRowsAreSortedByDecreasingProbabilityWithTiesBySlot() throws {
        // Two rows; the second holds the equal probabilities 0.125 at slots 6, 7 and 8.
        let adjacency = try Adjacency(offsets: [0, 3] + Array(repeating: 9, count: 25), neighbors: [10, 11, 12, 20, 21, 22, 23, 24, 25], weights: nil)
        let rowProbabilities = [0.1, 0.9, 0.5, 0.3, 1, 0, 0.125, 0.125, 0.125]
        DescendingCoins(adjacency, probabilities: rowProbabilities).withRows { rows in
            XCTAssertEqual(Array(rows.neighbors), [11, 12, 10, 21, 20, 23, 24, 25, 22])
            XCTAssertEqual(rows.thresholds[3], PerEdgeCascadeEdges.alwaysLive)
            XCTAssertEqual(rows.thresholds[8], 0)
            XCTAssertEqual(rows.logFailures[5], log1p(-0.125))
        }
    }

    func testWeightedCascadeSetsAreTheSameAtAnyThreadCount() throws {
        let graph = randomGraph(nodeCount: 400, edgeCount: 2400, seed: 8, weighted: true)
        let sampler = try ReverseReachableSampler(model: .independentCascade(.weightedCascade), graph: graph)
        let draw = { (parallelism: Parallelism) -> ReverseReachableSets in
            var sets = ReverseReachableSets()
            sampler.append(0 ..< 3_001, to: &sets, graph: graph, streamSeed: 99, parallelism: parallelism)
            return sets
        }
        let serial = draw(.serial)
        for parallelism in [Parallelism(maxConcurrency: 8, chunkSize: 7), .automatic] {
            let sets = draw(parallelism)
            XCTAssertEqual(sets.offsets, serial.offsets)
            XCTAssertEqual(sets.members, serial.members)
        }
        XCTAssertGreaterThan(serial.members.count, 3_001, "some sets reach beyond their root")
    }
}
