import Algorithms
import Foundation

/// Settings for ``DirectedGraph/adaptiveBetweennessCentrality(_:)``.
public struct AdaptiveBetweennessOptions: Sendable, Hashable {
    /// k: how many of the highest-scoring nodes must come out right (as a set). Default 20.
    public var topCount: Int
    /// Sources in the first (pilot) round and the next; every later round adds half the sample
    /// so far, at least this many. Default 256.
    public var initialSampleSize: Int
    /// z: how many estimated standard errors of their difference must separate a node of the top
    /// k from one outside it. Default 2.
    public var separation: Double
    /// τ: two nodes at the cut whose betweenness the sample shows to lie within this fraction of
    /// each other (the whole `z`-error interval of their difference inside `±τ·` the larger
    /// estimate) count as tied: the sampler stops without ordering them and reports them in
    /// ``AdaptiveBetweenness/ties``. Default 0.05. 0 never accepts a tie: the sampler then runs
    /// until every pair at the cut is separated, which for a close pair means to the exact result.
    public var tieTolerance: Double
    /// Nodes that take part in the ranking (`nil`: all); the others are still estimated.
    public var candidates: [Bool]?
    /// Seeds the order in which sources are drawn; the same seed and graph give the same result
    /// at any thread count.
    public var seed: UInt64
    /// What makes a path short. Default ``PathLength/hops``.
    public var pathLength: PathLength
    /// The most threads to use, at most ``Parallelism/threadCount`` (the library-wide setting),
    /// which `nil` uses: it can only lower that setting. The result is identical for any value.
    public var maxConcurrency: Int?
    /// At most this many searches in the sample (`nil`: no limit). The sampler stops at the end of
    /// the round that reaches it, settled or not, and ``AdaptiveBetweenness/isSettled`` says which:
    /// a bound on the work that, unlike a clock, gives the same result on every machine. The
    /// pilot's searches are run a second time on top of it.
    public var maximumSearches: Int?

    public init(
        topCount: Int = 20,
        initialSampleSize: Int = 256,
        separation: Double = 2,
        tieTolerance: Double = 0.05,
        candidates: [Bool]? = nil,
        seed: UInt64 = 0,
        pathLength: PathLength = .hops,
        maxConcurrency: Int? = nil,
        maximumSearches: Int? = nil
    ) {
        self.topCount = topCount
        self.initialSampleSize = initialSampleSize
        self.separation = separation
        self.tieTolerance = tieTolerance
        self.candidates = candidates
        self.seed = seed
        self.pathLength = pathLength
        self.maxConcurrency = maxConcurrency
        self.maximumSearches = maximumSearches
    }
}

/// Two nodes at the cut of the top k that the sample showed to lie within
/// ``AdaptiveBetweennessOptions/tieTolerance`` of each other without ordering them.
public struct BetweennessTie: Sendable, Hashable {
    /// The node listed in the top k (by estimate).
    public let inside: Int32
    /// The node left out of it.
    public let outside: Int32
}

/// What one sampling round of ``DirectedGraph/adaptiveBetweennessCentrality(_:)`` saw.
public struct AdaptiveBetweennessRound: Sendable, Hashable {
    /// Searches summed so far.
    public let sampledSources: Int
    /// Whether the top-k set differs from the previous round's (always true for the first).
    public let topChanged: Bool
    /// Pairs (inside the top k, outside it) neither separated nor tied.
    public let unsettledPairs: Int
    /// Pairs accepted as tied.
    public let tiedPairs: Int
    /// The weakest separation at the cut: the smallest `difference / standard error` over the
    /// pairs (inside, outside) whose separate `z`-error intervals meet (`.infinity` when none do).
    public let weakestSeparation: Double
}

/// Betweenness estimated until its top k is settled, with the sampling effort behind it.
public struct AdaptiveBetweenness: Sendable, Hashable {
    /// Estimated normalised betweenness per node, on NetworkX's scale; exact (to rounding) when
    /// ``isExact``.
    public let values: [Double]
    /// The estimated standard error of each value (0 when ``isExact``).
    public let standardErrors: [Double]
    /// The top k by estimate, highest first (ties by node index).
    public let top: [Int32]
    /// Searches run (each searched source stands for itself and the pendant sources folded into it).
    public let sampledSources: Int
    /// Searches the exact result needs: the sources that can add anything, after folding pendant
    /// sources (see the method's discussion). The others add exactly 0 and are never sampled.
    public let contributingSources: Int
    /// Sampling rounds run, the pilot round included.
    public let rounds: Int
    /// Every round after the pilot, in order.
    public let history: [AdaptiveBetweennessRound]
    /// Pairs at the cut accepted as tied (empty unless ``AdaptiveBetweennessOptions/tieTolerance``
    /// is above 0 and the sampler stopped on it or on its limit).
    public let ties: [BetweennessTie]
    /// Pairs (inside the top k, outside it) neither separated nor tied when the sampler stopped:
    /// 0 unless it stopped at ``AdaptiveBetweennessOptions/maximumSearches``.
    public let unsettledPairs: Int

    /// Whether every contributing source was followed, so the values are Brandes' exact ones.
    public var isExact: Bool { sampledSources == contributingSources }
    /// Whether the stopping rule held (or the values are exact): false when the sampler stopped at
    /// ``AdaptiveBetweennessOptions/maximumSearches`` first, with ``unsettledPairs`` at the cut, or
    /// with a top-k set that changed in its last round.
    public let isSettled: Bool
}

/// Why ``DirectedGraph/adaptiveBetweennessCentrality(_:)`` refused its options.
public enum AdaptiveBetweennessError: Error, Hashable {
    /// ``AdaptiveBetweennessOptions/topCount`` is below 1.
    case topCountOutOfRange(Int)
    /// ``AdaptiveBetweennessOptions/initialSampleSize`` is below 2 (no variance from one source).
    case initialSampleSizeOutOfRange(Int)
    /// ``AdaptiveBetweennessOptions/separation`` is negative or not finite.
    case separationOutOfRange(Double)
    /// ``AdaptiveBetweennessOptions/tieTolerance`` is negative, 1 or more, or not finite.
    case tieToleranceOutOfRange(Double)
    /// ``AdaptiveBetweennessOptions/candidates`` does not have one entry per node.
    case candidateCountMismatch(expected: Int, got: Int)
    /// ``AdaptiveBetweennessOptions/maximumSearches`` is below 2 (no variance from one source).
    case maximumSearchesOutOfRange(Int)
}

extension DirectedGraph {
    /// Betweenness sampled until the top k nodes are settled: the default when the ranking is
    /// what matters, which on large graphs costs a fraction of ``betweennessCentrality(_:)``.
    ///
    /// **Estimator.** Source sampling after Brandes & Pich (2007), "Centrality estimation in large
    /// networks", Int. J. Bifurcation and Chaos 17(7). Searches are drawn without replacement in
    /// a seeded order, in rounds: a pilot of ``AdaptiveBetweennessOptions/initialSampleSize``,
    /// then as many again, then each round half the sample so far, at least as many as the pilot
    /// (the sample grows by 1.5, so the sampler overshoots the point where its rule holds by at
    /// most half). With hops, the searches are those of
    /// exact betweenness after its degree-one reduction (pendant sinks removed, each pendant
    /// source folded into the one node it leads to, see ``betweennessCentrality(_:)``), so one
    /// drawn search `v` adds its whole contribution `X_v(·) = (1 + f(v))·δ_v(·) + f(v)(R(v) − 1)·e_v`;
    /// with weighted lengths `X_v = δ_v`. The estimate of `c_B(w) = Σ_v X_v(w)` is
    /// `N/r · Σ_sampled X_v(w)` for `r` of `N` contributing searches, normalised as
    /// ``betweennessCentrality(_:)``, with standard error `N · √((1 − r/N) s_w² / r)` (`s_w²` the
    /// sample variance of `X_v(w)`; finite-population correction for sampling without replacement).
    ///
    /// **Stopping rule.** After the pilot, the `3k` (at most 96) nodes with the highest
    /// `estimate + z·error` are *tracked*: every later search also adds the products
    /// `X_v(a)·X_v(b)` of tracked nodes, and the pilot's searches are summed again with them, so
    /// the standard error of a *difference* `ĉ(a) − ĉ(b)` is estimated from the per-search
    /// differences. Two nodes' estimates come from the same searches and are strongly correlated
    /// (a search that reaches many nodes loads both), so that error is far smaller than the sum of
    /// the two errors. After each round, for every pair `a` in the top k by estimate and `b`
    /// outside it (among candidates): the pair is *separated* when `ĉ(a) − ĉ(b) > z·SE` (SE of the
    /// difference when both are tracked, otherwise the bound `SE(a) + SE(b)`); *tied* when
    /// ``AdaptiveBetweennessOptions/tieTolerance`` τ > 0 and `|ĉ(a) − ĉ(b)| + z·SE ≤ τ·max(ĉ(a), ĉ(b))`;
    /// else *unsettled*. Sampling stops when the top-k set equals the previous round's and no pair
    /// is unsettled, when every contributing search has run (Brandes' exact values), or at the end
    /// of the round that reaches ``AdaptiveBetweennessOptions/maximumSearches`` (then
    /// ``AdaptiveBetweenness/isSettled`` is false unless the rule held there too). Tied pairs
    /// are returned in ``AdaptiveBetweenness/ties``: either node may belong to the top k, and the
    /// two lie within τ of each other. The errors are estimates from the sample: a node that only a
    /// few rare sources route through can still be missed while no drawn source has reached it,
    /// which is why two rounds must agree. The rule settles which nodes make the top k, not their
    /// order inside it. This aims at the ranking in the spirit of KADABRA (Borassi & Natale 2016,
    /// "KADABRA is an ADaptive Algorithm for Betweenness via Random Approximation", ESA), which
    /// samples paths rather than sources until the top k is separated.
    ///
    /// **Limits.** The rule stops early only when the cut is wide relative to the sampling error.
    /// On power-law graphs the scores around rank k are often within a few percent of each other
    /// and every source of the giant component adds to them, so no source sample settles them much
    /// before every search: with every contribution known, on a 250k-node Chung–Lu graph (ranks
    /// 20 and 21 0.61% apart) two errors of the difference fall below the gap only at 99% of exact's
    /// search cost, and on the whole SNAP Higgs retweet network (4.49% apart) at 92%; drawing a
    /// search with probability ∝ 1 + f (Horvitz–Thompson) or stratifying by reach barely changes
    /// that, and even the variance-optimal design for one pair needs about a fifth. The sampler then
    /// runs to the exact values, or stops on a tie it names. Measured in BENCHMARKS.md ("Why no
    /// source-sampling rule settles these top 20s cheaply", `Benchmarks/betweenness_design.py`).
    ///
    /// Sources without a path of two hops to a third node add nothing (no node lies strictly
    /// inside any of their shortest paths) and are left out of `N`: in a repost network most
    /// accounts are such leaves. Orientation and path lengths as ``betweennessCentrality(_:)``.
    ///
    /// Determinism: the order of searches is a Fisher–Yates shuffle drawn from
    /// ``SplitMix64/init(seed:)``, and each round sums its searches in fixed chunks, so the result
    /// depends only on the seed and the graph, never on the thread count. NetworkX's
    /// `betweenness_centrality(k=, seed=)` samples sources the same way (with `n/k` scaling) but
    /// with a fixed `k` and without a stopping rule.
    ///
    /// Edge cases: `n ≤ 2` or no contributing source gives all zeros, exactly. A `topCount` at or
    /// above the number of candidates leaves no pair to separate, so the sampler stops after the
    /// round that follows the pilot's. An exact tie at the cut with τ = 0 runs to the exact result.
    ///
    /// - Throws: ``AdaptiveBetweennessError`` for a `topCount` below 1, an `initialSampleSize`
    ///   below 2, a negative `separation`, a `tieTolerance` outside `0 ..< 1`, a candidate mask
    ///   of the wrong length or a `maximumSearches` below 2.
    /// - Complexity: one Brandes search per sampled source, O(r·m) for hops and O(r·m log n)
    ///   weighted, r ≤ N ≤ n, plus the pilot's searches once more and O(t²) per search for the
    ///   `t ≤ 96` tracked nodes; O(n log k + k·n) per round for the top k (a partial sort) and
    ///   the pairs; O(n + m) for the reduction and the contributing sources. Memory: two result
    ///   arrays and `t²` products per thread.
    public func adaptiveBetweennessCentrality(
        _ options: AdaptiveBetweennessOptions = AdaptiveBetweennessOptions()
    ) throws(AdaptiveBetweennessError) -> AdaptiveBetweenness {
        let nodes = nodeCount
        guard options.topCount >= 1 else { throw .topCountOutOfRange(options.topCount) }
        guard options.initialSampleSize >= 2 else { throw .initialSampleSizeOutOfRange(options.initialSampleSize) }
        guard options.separation >= 0 && options.separation.isFinite else { throw .separationOutOfRange(options.separation) }
        guard options.tieTolerance >= 0 && options.tieTolerance < 1 else { throw .tieToleranceOutOfRange(options.tieTolerance) }
        if let candidates = options.candidates, candidates.count != nodes {
            throw .candidateCountMismatch(expected: nodes, got: candidates.count)
        }
        if let limit = options.maximumSearches, limit < 2 { throw .maximumSearchesOutOfRange(limit) }
        let zeros = [Double](repeating: 0, count: nodes)
        let searches = nodes > 2 ? BetweennessSearches(self, pathLength: options.pathLength) : nil
        var order = searches?.contributing ?? []
        guard let searches, !order.isEmpty else {
            let top = topNodes(of: zeros, count: options.topCount, candidates: options.candidates)
            return AdaptiveBetweenness(
                values: zeros, standardErrors: zeros, top: top, sampledSources: 0, contributingSources: 0, rounds: 0, history: [], ties: [],
                unsettledPairs: 0, isSettled: true
            )
        }
        // Fisher–Yates written out rather than `shuffle(using:)`, whose draws the standard
        // library does not promise to keep across versions.
        var random = SplitMix64(seed: options.seed)
        for index in stride(from: order.count - 1, to: 0, by: -1) {
            order.swapAt(index, Int(random.next(below: UInt64(index + 1))))
        }

        let population = order.count
        let limit = min(population, options.maximumSearches ?? population)
        let normalization = 1 / (Double(nodes - 1) * Double(nodes - 2))
        let z = options.separation
        let candidateCount = options.candidates.map { $0.count(where: { $0 }) } ?? nodes
        let width = min(candidateCount, min(96, 3 * options.topCount))
        var slots = [Int32](repeating: -1, count: nodes)
        var tracking = false
        // The first `nodes` entries sum X_v(w), the next `nodes` X_v(w)², then width² products.
        let resultCount = 2 * nodes + width * width
        var sums = [Double](repeating: 0, count: resultCount)
        var values = zeros
        var errors = zeros
        var sampled = 0
        var rounds = 0
        var roundSize = min(limit, options.initialSampleSize)
        var previousTop: [Int32]?
        var history: [AdaptiveBetweennessRound] = []
        var ties: [BetweennessTie] = []
        var unsettled = 0
        var settled = true
        while true {
            let batch = Array(order[sampled ..< sampled + roundSize])
            let roundSlots = slots
            let trackedWidth = tracking ? width : 0
            let roundSums = ShortestPathParallelism.sum(
                itemCount: batch.count, resultCount: resultCount, chunkLimit: Self.roundChunkLimit, maxConcurrency: options.maxConcurrency
            ) { items, partial in
                let current = UnsafeMutableBufferPointer<Double>.allocate(capacity: trackedWidth)
                current.initialize(repeating: 0)
                defer { current.deallocate() }
                roundSlots.withUnsafeBufferPointer { slots in
                    let tracker = trackedWidth == 0 ? nil : DependencyTracking(
                        slots: slots, current: current, products: UnsafeMutableBufferPointer(rebasing: partial[2 * nodes ..< resultCount])
                    )
                    searches.accumulate(
                        items.lazy.map { Int(batch[$0]) },
                        into: UnsafeMutableBufferPointer(rebasing: partial[0 ..< nodes]),
                        squares: UnsafeMutableBufferPointer(rebasing: partial[nodes ..< 2 * nodes]),
                        tracking: tracker
                    )
                }
            }
            for index in sums.indices { sums[index] += roundSums[index] }
            sampled += batch.count
            rounds += 1
            if sampled == population {
                for node in 0 ..< nodes { values[node] = sums[node] * normalization }
                errors = zeros
                ties = []
                break
            }
            let r = Double(sampled)
            let scale = Double(population) / r * normalization
            let remaining = 1 - r / Double(population)
            let errorScale = Double(population) * normalization * (remaining / r).squareRoot()
            for node in 0 ..< nodes {
                let total = sums[node]
                values[node] = total * scale
                errors[node] = errorScale * max(0, (sums[nodes + node] - total * total / r) / (r - 1)).squareRoot()
            }
            if !tracking {
                // The pilot chose whom to track; sum its searches again with their products.
                let reach = values.indices.map { values[$0] + z * errors[$0] }
                let tracked = values.indices.filter { options.candidates?[$0] ?? true }
                    .min(count: width) { reach[$0] != reach[$1] ? reach[$0] > reach[$1] : $0 < $1 }
                for (slot, node) in tracked.enumerated() { slots[node] = Int32(slot) }
                tracking = true
                for index in sums.indices { sums[index] = 0 }
                sampled = 0
                continue
            }
            let top = topNodes(of: values, count: options.topCount, candidates: options.candidates)
            let topSet = top.sorted()
            let verdict = Self.judgeCut(
                top: top, values: values, errors: errors, sums: sums, slots: slots, width: width, sampled: r, errorScale: errorScale,
                z: z, tolerance: options.tieTolerance, candidates: options.candidates
            )
            let changed = topSet != previousTop
            history.append(AdaptiveBetweennessRound(
                sampledSources: sampled, topChanged: changed, unsettledPairs: verdict.unsettled, tiedPairs: verdict.ties.count,
                weakestSeparation: verdict.weakest
            ))
            if (!changed && verdict.unsettled == 0) || sampled == limit {
                ties = verdict.ties
                unsettled = verdict.unsettled
                settled = !changed && verdict.unsettled == 0
                break
            }
            previousTop = topSet
            roundSize = min(max(options.initialSampleSize, sampled / 2), limit - sampled)
        }
        let top = topNodes(of: values, count: options.topCount, candidates: options.candidates)
        return AdaptiveBetweenness(
            values: values, standardErrors: errors, top: top, sampledSources: sampled, contributingSources: population, rounds: rounds,
            history: history, ties: ties, unsettledPairs: unsettled, isSettled: settled
        )
    }

    /// Chunks a sampling round is summed in: fewer than exact betweenness's 128, since each chunk
    /// zeroes and adds two n-sized arrays and a round is short; fixed, so the sums do not depend
    /// on the thread count.
    static let roundChunkLimit = 16

    /// Classifies every pair (inside `top`, outside it) as separated, tied or unsettled.
    private static func judgeCut(
        top: [Int32], values: [Double], errors: [Double], sums: [Double], slots: [Int32], width: Int, sampled r: Double,
        errorScale: Double, z: Double, tolerance: Double, candidates: [Bool]?
    ) -> (unsettled: Int, ties: [BetweennessTie], weakest: Double) {
        let nodes = values.count
        var inTop = [Bool](repeating: false, count: nodes)
        var lowest = Double.infinity
        for node in top.map(Int.init) {
            inTop[node] = true
            lowest = min(lowest, values[node] - z * errors[node])
        }
        // Only nodes whose interval reaches the lowest interval of the top can fail to separate
        // (the paired error never exceeds the sum of the two errors).
        let contenders = values.indices.filter { !inTop[$0] && (candidates?[$0] ?? true) && values[$0] + z * errors[$0] >= lowest }
        var unsettled = 0
        var ties: [BetweennessTie] = []
        var weakest = Double.infinity
        for a in top.map(Int.init) {
            for b in contenders {
                let difference = values[a] - values[b]
                var error = errors[a] + errors[b]
                let slotA = Int(slots[a]), slotB = Int(slots[b])
                if slotA >= 0 && slotB >= 0 {
                    let products = 2 * nodes
                    let low = min(slotA, slotB), high = max(slotA, slotB)
                    let squares = sums[products + slotA * width + slotA] + sums[products + slotB * width + slotB]
                        - 2 * sums[products + low * width + high]
                    let total = sums[a] - sums[b]
                    error = errorScale * max(0, (squares - total * total / r) / (r - 1)).squareRoot()
                }
                weakest = min(weakest, error > 0 ? difference / error : difference > 0 ? .infinity : 0)
                if difference > z * error { continue }
                if tolerance > 0 && abs(difference) + z * error <= tolerance * max(values[a], values[b]) {
                    ties.append(BetweennessTie(inside: Int32(a), outside: Int32(b)))
                } else {
                    unsettled += 1
                }
            }
        }
        return (unsettled, ties, weakest)
    }
}

extension DirectedGraph {
    /// The nodes that can lie strictly inside a shortest path from them: those with an out-edge
    /// to some `w` that has an out-edge to a third node. In increasing order.
    func contributingSources() -> [Int32] {
        withRows(outgoing) { offsets, targets in
            var sources: [Int32] = []
            for source in 0 ..< nodeCount {
                search: for edge in offsets[source] ..< offsets[source + 1] {
                    let middle = Int(targets[edge])
                    guard middle != source else { continue }
                    for next in offsets[middle] ..< offsets[middle + 1] where Int(targets[next]) != source && Int(targets[next]) != middle {
                        sources.append(Int32(source))
                        break search
                    }
                }
            }
            return sources
        }
    }
}

/// The `count` highest of `values` among `candidates` (all when `nil`), highest first, ties by
/// node index; fewer when there are fewer candidates.
func topNodes(of values: [Double], count: Int, candidates: [Bool]?) -> [Int32] {
    values.indices.filter { candidates?[$0] ?? true }
        .min(count: count) { values[$0] != values[$1] ? values[$0] > values[$1] : $0 < $1 }
        .map(Int32.init)
}
