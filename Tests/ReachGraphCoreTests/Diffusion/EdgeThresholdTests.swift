@testable import ReachGraphCore
import XCTest

/// Per-edge cascades test `u < ⌈p · 2⁵³⌉` on integers where the definition compares the unit
/// number `u · 2⁻⁵³` with `p`: the two agree on every edge, at the ends of [0, 1] and in between.
final class EdgeThresholdTests: XCTestCase {
    func testIntegerThresholdsDecideAsTheUnitNumberDoes() {
        let probabilities: [Double] = [0, -0.5, .nan, 1, 1.5, 0.5, 0.1, 1e-300, .leastNonzeroMagnitude, 1 - 0x1p-53, 0x1p-53, 3 * 0x1p-53, 1.0 / 3]
        let thresholds = PerEdgeCascadeEdges.thresholds(of: probabilities)
        XCTAssertEqual(Array(thresholds.prefix(6)), [0, 0, 0, PerEdgeCascadeEdges.alwaysLive, PerEdgeCascadeEdges.alwaysLive, 1 << 52])
        XCTAssertEqual(thresholds[7], 1, "the smallest positive p is live only for u = 0, as 0 < p")
        XCTAssertEqual(thresholds[9], (1 << 53) - 1)
        XCTAssertEqual(thresholds[10], 1, "p = 2⁻⁵³: only u = 0 lies below it")
        var generator = SplitMix64(seed: 7)
        // The unit numbers around each threshold, and random ones.
        for (probability, threshold) in zip(probabilities, thresholds) where threshold != PerEdgeCascadeEdges.alwaysLive {
            var units: [UInt64] = [0, 1, (1 << 53) - 1]
            if threshold > 0 { units += [threshold - 1, threshold, min(threshold + 1, (1 << 53) - 1)] }
            for _ in 0 ..< 1000 { units.append(generator.next() >> 11) }
            for unit in units {
                XCTAssertEqual(unit < threshold, Double(unit) * 0x1p-53 < probability, "p \(probability), u \(unit)")
            }
        }
        for _ in 0 ..< 10000 {
            let probability = generator.nextUnitInterval()
            let threshold = PerEdgeCascadeEdges.thresholds(of: [probability])[0]
            let unit = generator.next() >> 11
            XCTAssertEqual(unit < threshold, Double(unit) * 0x1p-53 < probability)
            if threshold > 0 { XCTAssertTrue(Double(threshold - 1) * 0x1p-53 < probability, "the last unit below p") }
            XCTAssertFalse(Double(threshold) * 0x1p-53 < probability, "the first unit at or above p")
        }
    }

    func testPackedBitsDeferToTheFullThresholdWhenTheyTie() {
        // Thresholds equal to the edge's own u, and one above it, share u's top 32 bits: the
        // packed comparison ties and the full threshold decides (u < u is false, u < u + 1 true).
        let graph = DirectedGraph(nodeCount: 3, edges: [(0, 1), (0, 2)])
        let key: UInt64 = 0x1234_5678
        let units = (0 ..< 2).map { streamValue(key: key, index: $0) >> 11 }
        XCTAssertTrue(units.allSatisfy { $0 & 0x1F_FFFF != 0x1F_FFFF }, "u + 1 keeps u's top bits")
        for (offsets, expected) in [((0, 1), [Int32(2)]), ((1, 0), [1]), ((1, 1), [1, 2]), ((0, 0), [])] {
            let probabilities = [Double(units[0] + UInt64(offsets.0)) * 0x1p-53, Double(units[1] + UInt64(offsets.1)) * 0x1p-53]
            XCTAssertEqual(PerEdgeCascadeEdges.thresholds(of: probabilities), [units[0] + UInt64(offsets.0), units[1] + UInt64(offsets.1)])
            var live: [Int32] = []
            PerEdgeCascadeEdges.withRule(probabilities: probabilities, graph: graph) { rule in
                graph.outgoing.neighbors.withUnsafeBufferPointer { neighbors in
                    rule.forEachLiveTarget(of: 0, edges: 0 ..< 2, neighbors: neighbors, key: key, wanted: { _ in true }) { live.append($0) }
                }
            }
            XCTAssertEqual(live, expected, "thresholds u + \(offsets)")
        }
    }

    func testPackedDecisionIsTheThresholdTestAtEveryBoundary() {
        // The decision from the packed top bits, with the full threshold on a tie, against
        // `u < threshold` at the ends (threshold 0 and 2⁵³, capped to 2³² − 1 in the record) and
        // around random thresholds, including the units that tie on the top 32 bits.
        var generator = SplitMix64(seed: 3)
        var probabilities: [Double] = [0, 1, 0x1p-53, 1 - 0x1p-53, 0x1p-32, 0x1p-21]
        for _ in 0 ..< 200 { probabilities.append(generator.nextUnitInterval()) }
        for probability in probabilities {
            let threshold = PerEdgeCascadeEdges.threshold(of: probability)
            let record = min(threshold >> 21, UInt64(UInt32.max)) << 32 | 7
            var units: [UInt64] = [0, 1, (1 << 21) - 1, 1 << 21, (1 << 53) - 1, (1 << 53) - (1 << 21)]
            if threshold > 0 { units += [threshold - 1, min(threshold, (1 << 53) - 1), min(threshold + 1, (1 << 53) - 1)] }
            units += [threshold & ~((1 << 21) - 1), (threshold | ((1 << 21) - 1)) & ((1 << 53) - 1)]
            for _ in 0 ..< 20 { units.append(generator.next() >> 11) }
            for unit in units {
                XCTAssertEqual(PerEdgeCascadeEdges.isLive(unit: unit, record: record, probability: probability), unit < threshold ? 1 : 0, "p \(probability), u \(unit)")
            }
        }
    }
}
