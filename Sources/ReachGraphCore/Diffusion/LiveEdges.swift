import Foundation

/// Live-edge views of the two diffusion models, shared by cascade simulation and CELF.
///
/// Kempe et al. (2003) show both models are reachability in a random "live-edge" graph: under IC
/// each edge `u → v` is live with probability `p(u, v)` independently; under LT each node `v`
/// keeps at most one in-edge, `u → v` with probability `b(u, v)` (none with the remainder), and
/// the set reached from the seeds has the same distribution as LT with uniform thresholds
/// (their Claim 2.6). A run is one such graph, fixed by a 64-bit key.

/// Lists the live edges of a node's out-row in the run with a given key.
protocol LiveEdgeRule {
    /// Calls `offer` with the target of every live edge among `edges` (the out-row of `source`,
    /// indices into `outgoing.neighbors`) in the run keyed `key`. Which edges are live must depend
    /// only on `source`, `edges` and `key`; `wanted` lets a rule skip drawing for targets the
    /// caller would ignore anyway.
    func forEachLiveTarget(
        of source: Int,
        edges: Range<Int>,
        neighbors: UnsafeBufferPointer<Int32>,
        key: UInt64,
        wanted: (Int32) -> Bool,
        offer: (Int32) -> Void
    )
}

/// IC with one probability `p` for every edge.
///
/// Instead of a coin per edge, the row jumps from one live edge to the next by geometric gaps
/// (see ``UniformTrials``), drawn from a stream keyed by the run and the source. That costs
/// O(1 + p · degree) per row instead of O(degree): with p = 0.01 a hub's ten thousand edges take
/// about a hundred draws.
struct UniformCascadeEdges: LiveEdgeRule {
    let trials: UniformTrials

    init(probability: Double) {
        trials = UniformTrials(probability: probability)
    }

    @inline(__always)
    func forEachLiveTarget(
        of source: Int,
        edges: Range<Int>,
        neighbors: UnsafeBufferPointer<Int32>,
        key: UInt64,
        wanted: (Int32) -> Bool,
        offer: (Int32) -> Void
    ) {
        guard trials.probability > 0, !edges.isEmpty else { return }
        var generator = SplitMix64(seed: streamValue(key: key, index: source))
        trials.forEachKept(edges, neighbors: neighbors, using: &generator, wanted: wanted, offer: offer)
    }
}

/// IC with a probability per edge (in `outgoing.neighbors` order): edge `e` is live when the
/// run's `e`-th random number is below `p(e)`. That number lies in [0, 1), so an edge of
/// probability 1 is always live and one of 0 never is.
///
/// The test is made on integers: the number is `u · 2⁻⁵³` for the 53-bit integer `u` of
/// ``streamUnit(key:index:)``, and `u · 2⁻⁵³ < p` exactly when `u < ⌈p · 2⁵³⌉` (scaling by a
/// power of two is exact), so each edge keeps that threshold (``threshold(of:)``, its top bits
/// packed with the target) and a run compares integers, skipping a conversion and a product per
/// edge: the same live edges.
struct PerEdgeCascadeEdges: LiveEdgeRule {
    /// The probabilities, per edge, for the full threshold of a tie (``isLive(unit:record:probability:)``).
    let probabilities: UnsafeBufferPointer<Double>
    /// Per edge, the target in the low 32 bits and the threshold's top 32 bits (`threshold >> 21`,
    /// at most 2³² − 1) in the high ones. One array read in order per row, instead of the
    /// neighbours and the thresholds, took 5% off the runs of `simulate` on 2.5M posts.
    let packed: UnsafeBufferPointer<UInt64>

    /// Calls `body` with the rule for `probabilities` (in `graph.outgoing.neighbors` order).
    static func withRule<Result>(probabilities: [Double], graph: DirectedGraph, _ body: (PerEdgeCascadeEdges) -> Result) -> Result {
        let packed = zip(thresholds(of: probabilities), graph.outgoing.neighbors).map { threshold, target in
            min(threshold >> 21, UInt64(UInt32.max)) << 32 | UInt64(UInt32(bitPattern: target))
        }
        return probabilities.withUnsafeBufferPointer { probabilities in
            packed.withUnsafeBufferPointer { packed in body(PerEdgeCascadeEdges(probabilities: probabilities, packed: packed)) }
        }
    }

    /// Whether the edge with the packed `record` and `probability` is live for the 53-bit `unit`
    /// (`u < threshold`), as 1 or 0 without a branch on the coin: `u >> 21` against the
    /// threshold's top 32 bits decides unless the two are equal (one edge in 2³²), and then the
    /// full threshold does.
    @inline(__always)
    static func isLive(unit: UInt64, record: UInt64, probability: Double) -> UInt64 {
        let high = unit >> 21
        let bound = record >> 32
        guard high == bound else { return (high &- bound) >> 63 }
        // the sign bit of u − threshold (both at most 2⁵³)
        return (unit &- threshold(of: probability)) >> 63
    }

    /// Marks an edge that is always live (p ≥ 1): 2⁵³ is above every 53-bit `u`, as 0 is below
    /// none, so every threshold is at most 2⁵³ and `u < threshold` is the sign of `u − threshold`.
    static let alwaysLive: UInt64 = 1 << 53

    /// Edges decided together before any is offered.
    private static let block = 64

    /// ``threshold(of:)`` per edge.
    static func thresholds(of probabilities: [Double]) -> [UInt64] {
        probabilities.map(threshold(of:))
    }

    /// `⌈p · 2⁵³⌉` for 0 < p < 1, ``alwaysLive`` for p ≥ 1, and 0 (never live) for p ≤ 0 or NaN.
    @inline(__always)
    static func threshold(of probability: Double) -> UInt64 {
        if probability >= 1 { return alwaysLive }
        guard probability > 0 else { return 0 }
        return UInt64((probability * 0x1p53).rounded(.up))
    }

    /// Decides a block of edges without a branch per coin, keeping the live targets, and only
    /// then asks which of those are wanted. Coins pass or fail at random, so a branch on each
    /// was mispredicted often, and asking `wanted` first read a random stamp for every edge; this
    /// way the coins are arithmetic on the row read in order. Same live edges, offered in the same
    /// order.
    @inline(__always)
    func forEachLiveTarget(
        of source: Int,
        edges: Range<Int>,
        neighbors _: UnsafeBufferPointer<Int32>,
        key: UInt64,
        wanted: (Int32) -> Bool,
        offer: (Int32) -> Void
    ) {
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: Self.block) { live in
            var start = edges.lowerBound
            while start < edges.upperBound {
                let end = min(start + Self.block, edges.upperBound)
                var count = 0
                for edge in start ..< end {
                    let record = packed[edge]
                    live[count] = Int32(truncatingIfNeeded: record)
                    let unit = streamValue(key: key, index: edge) >> 11
                    count &+= Int(truncatingIfNeeded: Self.isLive(unit: unit, record: record, probability: probabilities[edge]))
                }
                for index in 0 ..< count where wanted(live[index]) { offer(live[index]) }
                start = end
            }
        }
    }
}

/// LT as live edges: node `v` draws one number `x_v` per run, and the edge `u → v` is live when
/// `x_v` falls in `u`'s slice `[lower, upper)` of `v`'s in-weights laid end to end. At most one
/// in-edge of `v` is live, with probability `b(u, v)`.
struct ThresholdLiveEdges: LiveEdgeRule {
    /// Slice bounds per edge, in `outgoing.neighbors` order.
    let lower: UnsafeBufferPointer<Double>
    let upper: UnsafeBufferPointer<Double>

    /// Draws only for wanted targets: the number is the target's, read at a random place.
    @inline(__always)
    func forEachLiveTarget(
        of source: Int,
        edges: Range<Int>,
        neighbors: UnsafeBufferPointer<Int32>,
        key: UInt64,
        wanted: (Int32) -> Bool,
        offer: (Int32) -> Void
    ) {
        for edge in edges {
            let target = neighbors[edge]
            guard wanted(target) else { continue }
            let draw = streamUnit(key: key, index: Int(target))
            if draw >= lower[edge] && draw < upper[edge] { offer(target) }
        }
    }

    /// Slice bounds for the weights `b` (in `outgoing.neighbors` order): each in-row's weights
    /// laid end to end in in-row order (ascending source).
    static func sliceBounds(of weights: [Double], in graph: DirectedGraph) -> (lower: [Double], upper: [Double]) {
        let incomingWeights = graph.incomingOrder(of: weights)
        var incomingLower = [Double](repeating: 0, count: incomingWeights.count)
        for node in 0 ..< graph.nodeCount {
            var running = 0.0
            for slot in graph.incoming.offsets[node] ..< graph.incoming.offsets[node + 1] {
                incomingLower[slot] = running
                running += incomingWeights[slot]
            }
        }
        // Map the lower bounds back to outgoing order with the same cursor walk as `incomingOrder`.
        var lower = [Double](repeating: 0, count: weights.count)
        var cursor = graph.incoming.offsets
        for source in 0 ..< graph.nodeCount {
            for edge in graph.outgoing.offsets[source] ..< graph.outgoing.offsets[source + 1] {
                let target = Int(graph.outgoing.neighbors[edge])
                lower[edge] = incomingLower[cursor[target]]
                cursor[target] += 1
            }
        }
        let upper = zip(lower, weights).map { $0 + $1 }
        return (lower, upper)
    }
}

/// Breadth-first search over the live edges of one run from the `tail` nodes already in
/// `queue[0 ..< tail]` (and stamped), skipping nodes for which `isBlocked` holds. Returns the
/// new tail: `queue[0 ..< result]` is everything reached.
///
/// - Complexity: O(nodes reached + the draws their out-rows need).
@inline(__always)
func spreadAlongLiveEdges<Rule: LiveEdgeRule>(
    rule: Rule,
    key: UInt64,
    offsets: UnsafeBufferPointer<Int>,
    neighbors: UnsafeBufferPointer<Int32>,
    stamps: UnsafeMutableBufferPointer<UInt32>,
    stamp: UInt32,
    queue: UnsafeMutableBufferPointer<Int32>,
    tail start: Int,
    isBlocked: (Int32) -> Bool = { _ in false }
) -> Int {
    breadthFirstSearch(stamps: stamps, stamp: stamp, queue: queue, tail: start) { node, isNew, enqueue in
        rule.forEachLiveTarget(
            of: node, edges: offsets[node] ..< offsets[node + 1], neighbors: neighbors, key: key,
            wanted: { isNew($0) && !isBlocked($0) }, offer: enqueue
        )
    }
}

/// Calls `body` with the successes among Bernoulli trials at positions `positions`, each
/// succeeding with probability p where `logFailure = ln(1 − p)`, p > 0: it jumps from success to
/// success by Geometric(p) gaps, one draw per success plus one.
@inline(__always)
func forEachSuccess(in positions: Range<Int>, logFailure: Double, using generator: inout SplitMix64, _ body: (Int) -> Void) {
    var position = positions.lowerBound - 1
    while true {
        // failures before the next success = ⌊ln U / ln(1 − p)⌋ with U uniform in (0, 1]
        let gap = log(1 - generator.nextUnitInterval()) / logFailure
        guard gap < Double(positions.upperBound - 1 - position) else { return }
        position += 1 + Int(gap)
        body(position)
    }
}

/// Bernoulli trials with one probability `p` at every position, decided by geometric jumps from
/// success to success (the number of failures before a success is Geometric(p)): one draw per
/// success plus one, instead of one per position.
struct UniformTrials {
    let probability: Double
    /// ln(1 − p), by `log1p` so tiny probabilities do not round to ln 1 = 0.
    let logFailure: Double

    init(probability: Double) {
        self.probability = probability
        logFailure = log1p(-probability)
    }

    /// Calls `offer` with `neighbors[slot]` for every successful `slot` among `slots` whose
    /// neighbour is `wanted`, drawing from `generator` (nothing when p = 0).
    @inline(__always)
    func forEachKept(
        _ slots: Range<Int>,
        neighbors: UnsafeBufferPointer<Int32>,
        using generator: inout SplitMix64,
        wanted: (Int32) -> Bool,
        offer: (Int32) -> Void
    ) {
        guard probability > 0 else { return }
        forEachSuccess(in: slots, logFailure: logFailure, using: &generator) { slot in
            let neighbor = neighbors[slot]
            if wanted(neighbor) { offer(neighbor) }
        }
    }
}
