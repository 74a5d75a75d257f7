import Foundation

/// Independent coins with a probability per slot of an adjacency, tossed a row at a time in
/// about `1 + Σp` draws instead of one per slot.
///
/// Each row's slots are copied in order of decreasing probability (ties by slot, so the order is
/// fixed). A row is then walked with one generator:
/// - slots of probability 1 are kept without a draw;
/// - while the largest probability left, `p`, is at least ``directBound``, the next slot gets a
///   coin of its own;
/// - below it, the walk jumps to the next *candidate* by a Geometric(`p`) gap and keeps the
///   candidate `c` with probability `p_c / p` (thinning), then goes on from the slot after it.
///
/// Given everything drawn before it, a slot is a candidate with the probability `p` in force
/// and then kept with `p_c / p`: it is kept with probability exactly `p_c`, whatever happened to
/// the other slots, so the kept slots have the law of one coin per slot. Because the row is
/// sorted, `p` is never below `p_c`, and it falls as the walk passes the larger probabilities,
/// so the draws number about `1 + Σp` per row (the kept slots, a few rejected candidates and one
/// jump past the end) instead of the row's length.
///
/// Why: reverse-reachable sets. Under the weighted cascade, `p(u, v) = w(u, v) / in-strength(v)`,
/// an account's in-probabilities sum to 1, so a reverse search draws about twice per member
/// instead of once per in-edge: on the repost graph of 2.5M SYNTHETIC posts, `seeds --k 5` went
/// from 2.7–3.7 s to 2.4–2.6 s (BENCHMARKS.md). Forward runs keep a coin per edge
/// (``PerEdgeCascadeEdges``): a hub's out-probabilities sum to hundreds (user87925: 14,929
/// edges, Σp = 2,632), so skipping left 4,614 draws there, 868 of them needing a logarithm, and
/// the logarithms and the rows' three arrays made `simulate` 40% slower.
///
/// - Complexity: building is O(E log(largest row)) time and 20 bytes per edge; a row costs
///   O(1 + Σp + number of slots with p ≥ ``directBound``) draws.
struct DescendingCoins {
    /// Each row's neighbours, by decreasing probability.
    private let neighbors: [Int32]
    /// ``PerEdgeCascadeEdges/thresholds(of:)`` of each slot of `neighbors`: coins are tossed on
    /// integers, as in a forward run.
    private let thresholds: [UInt64]
    /// ln(1 − p) of each slot of `neighbors`, for geometric gaps.
    private let logFailures: [Double]

    /// Slots with a probability at least this (as a threshold: p ≥ 1/4) get a coin each: the next
    /// candidate lies a few slots on, so a logarithm for the gap costs more than the coins.
    static let directBound: UInt64 = 1 << 51

    /// The coins of `probabilities` (one per slot of `adjacency.neighbors`).
    init(_ adjacency: Adjacency, probabilities: [Double]) {
        let thresholds = PerEdgeCascadeEdges.thresholds(of: probabilities)
        var order = Array(0 ..< thresholds.count)
        order.withUnsafeMutableBufferPointer { order in
            thresholds.withUnsafeBufferPointer { thresholds in
                for row in 0 ..< adjacency.nodeCount {
                    let slots = adjacency.offsets[row] ..< adjacency.offsets[row + 1]
                    guard slots.count > 1 else { continue }
                    var row = UnsafeMutableBufferPointer(rebasing: order[slots])
                    row.sort { (first: Int, second: Int) -> Bool in
                        let a = thresholds[first], b = thresholds[second]
                        return a != b ? a > b : first < second
                    }
                }
            }
        }
        neighbors = order.map { adjacency.neighbors[$0] }
        self.thresholds = order.map { thresholds[$0] }
        logFailures = order.map { log1p(-probabilities[$0]) }
    }

    /// Calls `body` with raw views of the coins, for the simulation loops.
    func withRows<Result>(_ body: (Rows) -> Result) -> Result {
        neighbors.withUnsafeBufferPointer { neighbors in
            thresholds.withUnsafeBufferPointer { thresholds in
                logFailures.withUnsafeBufferPointer { logFailures in
                    body(Rows(neighbors: neighbors, thresholds: thresholds, logFailures: logFailures))
                }
            }
        }
    }

    /// Raw views of ``DescendingCoins``.
    struct Rows {
        let neighbors: UnsafeBufferPointer<Int32>
        let thresholds: UnsafeBufferPointer<UInt64>
        let logFailures: UnsafeBufferPointer<Double>

        /// Calls `offer` with the neighbour of every kept slot among `slots` (one row) whose
        /// neighbour is `wanted`, drawing from `generator`. Which slots are kept depends only on
        /// the row and the generator, never on `wanted`.
        @inline(__always)
        func forEachKept(_ slots: Range<Int>, using generator: inout SplitMix64, wanted: (Int32) -> Bool, offer: (Int32) -> Void) {
            var slot = slots.lowerBound
            let end = slots.upperBound
            while slot < end {
                let bound = thresholds[slot]
                if bound == PerEdgeCascadeEdges.alwaysLive || bound >= DescendingCoins.directBound {
                    if bound == PerEdgeCascadeEdges.alwaysLive || generator.next() >> 11 < bound {
                        let neighbor = neighbors[slot]
                        if wanted(neighbor) { offer(neighbor) }
                    }
                    slot += 1
                    continue
                }
                guard bound > 0 else { return } // the rest of the row has p = 0
                // failures before the next candidate = ⌊ln U / ln(1 − p)⌋ with U uniform in (0, 1]
                let gap = log(1 - generator.nextUnitInterval()) / logFailures[slot]
                guard gap < Double(end - slot) else { return }
                let candidate = slot + Int(gap)
                let threshold = thresholds[candidate]
                if threshold == bound || isBelow(generator.next() >> 11, ratio: threshold, to: bound) {
                    let neighbor = neighbors[candidate]
                    if wanted(neighbor) { offer(neighbor) }
                }
                slot = candidate + 1
            }
        }

        /// Whether `unit · 2⁻⁵³ < numerator / denominator`, i.e. `unit · denominator <
        /// numerator · 2⁵³`, on 128-bit integers (both thresholds are below 2⁵³).
        @inline(__always)
        private func isBelow(_ unit: UInt64, ratio numerator: UInt64, to denominator: UInt64) -> Bool {
            let product = unit.multipliedFullWidth(by: denominator)
            let scaled = (high: numerator >> 11, low: numerator << 53)
            return product.high < scaled.high || (product.high == scaled.high && product.low < scaled.low)
        }
    }
}
