import Foundation
import ReachGraphCore

/// How sure a top-k list is: for each account in the top k, an interval on its rank and the
/// probability it stays in the top k when the observed activity is resampled.
///
/// Resampling is a Poisson bootstrap of repost events (Hanley & MacGibbon 2006; Chamandy et al.
/// 2012): a relation of weight w stands for w observed events, and each replicate redraws its
/// weight as Poisson(w) — the large-sample equivalent of resampling all events with replacement,
/// without materialising them. A relation drawn 0 times vanishes from that replicate. Replicate r
/// draws from `SplitMix64(seed).split(r)`, so results do not depend on the thread count.
public struct RankBootstrap: Sendable {
    /// One top-k account's stability.
    public struct Entry: Sendable, Equatable {
        public var account: Int32
        /// Its rank on the observed data.
        public var observedRank: Int
        /// 2.5th and 97.5th percentile of its rank over replicates.
        public var rankInterval: ClosedRange<Int>
        /// Share of replicates in which it ranks within the top k.
        public var probabilityInTopK: Double
    }

    public var entries: [Entry]
    public var replicates: Int
    public var k: Int

    /// Runs `replicates` resamples of `dataset` (relations of `types`, all when nil), scoring each
    /// with `measure`.
    /// - Complexity: `replicates` × (graph build + measure).
    public init(dataset: Dataset, top ranked: [RankedAccount], k: Int, replicates requested: Int, seed: UInt64, types: Set<RelationType>? = nil, measure: @Sendable (DirectedGraph) throws -> [Double]) throws {
        let replicates = max(1, requested)
        let relations = dataset.relations
        let accountCount = dataset.accounts.count
        let tracked = ranked.prefix(k).map(\.account)
        let slots = ResultSlots<[Int]>(count: replicates)
        let base = SplitMix64(seed: seed)
        // One replicate per thread at a time; the measure inside runs on that thread alone.
        Parallelism.forEach(replicates) { replicate in
            var random = base.split(UInt64(replicate))
            let builder = GraphBuilder(nodeCount: accountCount, expectedEdgeCount: relations.count)
            for row in 0 ..< relations.count where types?.contains(relations.types[row]) ?? true {
                let draws = Self.poisson(mean: relations.weights[row], random: &random)
                guard draws > 0 else { continue }
                let source = relations.sources[row], target = relations.targets[row]
                builder.addEdge(from: source, to: target, weight: Double(draws))
                if relations.types[row].isUndirected && source != target {
                    builder.addEdge(from: target, to: source, weight: Double(draws))
                }
            }
            do {
                let ranks = Ranking.ranks(of: try measure(builder.build()))
                slots.store(tracked.map { ranks[Int($0)] }, at: replicate)
            } catch {
                slots.fail(error)
            }
        }
        let ranksByReplicate = try slots.collect()
        entries = tracked.enumerated().map { position, account in
            let ranks = ranksByReplicate.map { $0[position] }.sorted()
            let low = ranks[Int((0.025 * Double(ranks.count - 1)).rounded(.down))]
            let high = ranks[Int((0.975 * Double(ranks.count - 1)).rounded(.up))]
            let inside = ranks.filter { $0 <= k }.count
            return Entry(account: account, observedRank: ranked[position].rank, rankInterval: low ... high, probabilityInTopK: Double(inside) / Double(ranks.count))
        }
        self.replicates = replicates
        self.k = k
    }

    /// A Poisson(mean) draw: Knuth's product method below 30, a rounded normal approximation
    /// above (the error is immaterial for rank intervals and the product method underflows).
    static func poisson(mean: Double, random: inout SplitMix64) -> Int {
        guard mean > 0 else { return 0 }
        if mean < 30 {
            let limit = exp(-mean)
            var product = random.nextUnitInterval()
            var count = 0
            while product > limit {
                product *= random.nextUnitInterval()
                count += 1
            }
            return count
        }
        let u1 = max(random.nextUnitInterval(), .leastNonzeroMagnitude), u2 = random.nextUnitInterval()
        let normal = (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
        return max(0, Int((mean + mean.squareRoot() * normal).rounded()))
    }
}
