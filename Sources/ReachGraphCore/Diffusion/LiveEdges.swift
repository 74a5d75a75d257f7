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
/// (the number of failures before a success is Geometric(p)), drawn from a stream keyed by the
/// run and the source. That costs O(1 + p · degree) per row instead of O(degree): with p = 0.01
/// a hub's ten thousand edges take about a hundred draws.
struct UniformCascadeEdges: LiveEdgeRule {
    let probability: Double
    /// ln(1 − p), by `log1p` so tiny probabilities do not round to ln 1 = 0.
    let logFailure: Double

    init(probability: Double) {
        self.probability = probability
        logFailure = log1p(-probability)
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
        guard probability > 0, !edges.isEmpty else { return }
        var generator = SplitMix64(seed: streamValue(key: key, index: source))
        forEachSuccess(in: edges, logFailure: logFailure, using: &generator) { edge in
            let target = neighbors[edge]
            if wanted(target) { offer(target) }
        }
    }
}

/// IC with a probability per edge (in `outgoing.neighbors` order): edge `e` is live when the
/// run's `e`-th random number is below `p(e)`.
struct PerEdgeCascadeEdges: LiveEdgeRule {
    let probabilities: UnsafeBufferPointer<Double>

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
            if wanted(target) && streamUnit(key: key, index: edge) < probabilities[edge] { offer(target) }
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

/// Per-thread buffers for one traversal at a time: a visited stamp per node and a queue, plus
/// the linear-threshold simulation's per-node influence and threshold when asked for.
///
/// Stamps avoid clearing node-sized arrays between runs: a node is visited in the current
/// traversal (and its `influence` and `threshold` are meaningful) when its stamp equals
/// ``current``.
final class TraversalScratch {
    var stamps: [UInt32]
    var queue: [Int32]
    var influence: [Double]
    var threshold: [Double]
    private(set) var current: UInt32 = 0

    init(nodeCount: Int, thresholdBuffers: Bool = false) {
        stamps = [UInt32](repeating: 0, count: nodeCount)
        queue = [Int32](repeating: 0, count: nodeCount)
        influence = thresholdBuffers ? [Double](repeating: 0, count: nodeCount) : []
        threshold = thresholdBuffers ? [Double](repeating: 0, count: nodeCount) : []
    }

    /// Starts a traversal and returns its stamp: afterwards no node counts as visited.
    ///
    /// Takes the stamp array as the pointer the caller already holds, so starting a traversal
    /// never re-enters `stamps` while it is being accessed.
    @inline(__always)
    func beginTraversal(stamps: UnsafeMutableBufferPointer<UInt32>) -> UInt32 {
        current &+= 1
        if current == 0 {
            stamps.update(repeating: 0)
            current = 1
        }
        return current
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
    var head = 0
    var tail = start
    while head < tail {
        let node = Int(queue[head])
        head += 1
        rule.forEachLiveTarget(
            of: node, edges: offsets[node] ..< offsets[node + 1], neighbors: neighbors, key: key,
            wanted: { stamps[Int($0)] != stamp && !isBlocked($0) },
            offer: { target in
                stamps[Int(target)] = stamp
                queue[tail] = target
                tail += 1
            }
        )
    }
    return tail
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
