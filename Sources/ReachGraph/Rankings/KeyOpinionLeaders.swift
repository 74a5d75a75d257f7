import Foundation
import ReachGraphCore

/// Roles of accounts in the flow of reposts, and a composite key-opinion-leader (KOL) score.
///
/// Everything is computed on the **amplification graph**: repost and quote relations, edges
/// source → amplifier, weights = counts.
///
/// - **source**: whose content is reposted. `distinct_reposters` = out-degree; `source_rank` =
///   PageRank (α = 0.85, weighted) on the reversed graph, so rank flows from amplifiers back to
///   what they amplify.
/// - **amplifier**: who reposts many distinct sources. `distinct_sources` = in-degree;
///   `amplification_ratio` = reposts / (reposts + originals) from `posts.csv` (absent without posts).
/// - **bridge**: who sits between groups. `betweenness` = NetworkX-normalised betweenness on hops,
///   exact whenever its estimated cost fits the budget (``BetweennessBudget``, 60 s of one thread by
///   default), otherwise sampled until the top k is settled or the budget's worth of searches has
///   run (``DirectedGraph/adaptiveBetweennessCentrality(_:)``); ``betweennessNote`` says which; and
///   `brokerage` = the share of (in-neighbour, out-neighbour) pairs through the account whose two
///   ends belong to different groups (account kinds by default, provinces, or Louvain communities
///   of the amplification graph read as undirected, seed 0) — a one-number form
///   of Gould & Fernandez's (1989) brokerage that counts every cross-group role together. It is
///   computed from group counts in O(degree log degree); pairs of a neighbour with itself
///   (reciprocated ties) are left out.
///
/// **KOL score** = 0.4 · P(source_rank) + 0.3 · P(distinct_reposters) + 0.3 · P(betweenness),
/// where P is the percentile rank among all accounts (0 lowest, 1 highest, ties share the mean
/// position). Percentiles put measures of different scales on one footing and resist outliers.
/// Role labels: `source` when P(source_rank) ≥ 0.9 and at least 2 distinct reposters;
/// `amplifier` when at least 3 distinct sources and (no posts, or a ratio ≥ 0.5); `bridge` when
/// P(betweenness) ≥ 0.9 and brokerage > 0.
public struct KeyOpinionLeaders: Sendable {
    /// What brokerage counts as a group.
    public enum Grouping: String, CaseIterable, Sendable {
        case kind
        case province
        /// Louvain communities of the amplification graph: the groups when accounts carry no
        /// kinds (an edge list, a platform export without a kind mapping).
        case community

        /// Kinds when the accounts have at least two, else communities: with one kind (every
        /// account `other`) no path could join different kinds and no account would be a bridge.
        public static func automatic(for dataset: Dataset) -> Grouping {
            guard let first = dataset.accounts.first?.kind else { return .kind }
            return dataset.accounts.contains { $0.kind != first } ? .kind : .community
        }
    }

    /// What brokerage counted as a group.
    public let grouping: Grouping

    public struct Profile: Sendable, Equatable {
        public var account: Int32
        public var distinctReposters: Int
        public var sourceRank: Double
        public var distinctSources: Int
        public var amplificationRatio: Double?
        public var betweenness: Double
        public var brokerage: Double
        public var score: Double
        public var roles: [String]
    }

    /// When betweenness is exact and when sampled.
    public struct BetweennessBudget: Sendable, Equatable {
        /// Nodes reached plus edges scanned per second by one thread of exact Brandes with hops:
        /// about 220 µs per search of the 5,000-node, 50,000-edge benchmark graph (BENCHMARKS.md),
        /// rounded down. Fixed rather than timed, so the choice — and the output — is the same on
        /// every machine and under any load.
        public static let visitsPerSecond = 2.0e8

        /// Exact betweenness runs when its estimated time on one thread
        /// (``DirectedGraph/exactBetweennessCost(sampleSize:seed:)`` at ``visitsPerSecond``) is at
        /// most this many seconds; 0 always samples. Otherwise the sampler runs at most as many
        /// searches as fit in this time by the same estimate (at least ``minimumSearches``), so the
        /// whole step costs about the budget, not the hours exact Brandes or a cut that never
        /// settles can take on a graph of a few hundred thousand accounts.
        public var seconds: Double
        /// The k of the top k the sampler settles when exact betweenness does not fit.
        public var topCount: Int

        public init(seconds: Double = 60, topCount: Int = 20) {
            self.seconds = seconds
            self.topCount = topCount
        }

        /// Exact betweenness's estimated time on one thread, at ``visitsPerSecond``.
        static func estimatedSeconds(_ cost: BetweennessCost) -> Double {
            cost.estimatedVisits / visitsPerSecond
        }

        /// The fewest searches the sampler is allowed however small the budget: the pilot round
        /// and one round after it at the sampler's default size.
        public static let minimumSearches = 2 * AdaptiveBetweennessOptions().initialSampleSize

        /// The most searches the sampler may run when exact betweenness is estimated at
        /// `cost` (its share of the budget, at least ``minimumSearches``).
        public func searchLimit(for cost: BetweennessCost) -> Int {
            let exactSeconds = Self.estimatedSeconds(cost)
            guard exactSeconds > 0 else { return max(Self.minimumSearches, cost.contributingSources) }
            let share = min(1, seconds / exactSeconds)
            return max(Self.minimumSearches, Int((share * Double(cost.contributingSources)).rounded(.down)))
        }
    }

    /// One profile per account, in account order.
    public var profiles: [Profile]
    /// How betweenness was computed, in one line: exact, or how far the sampler went and why.
    public var betweennessNote: String

    /// The relation types the amplification graph is built from.
    public static let amplificationTypes: Set<RelationType> = [.repost, .quote]

    public init(dataset: Dataset, grouping: Grouping = .kind, budget: BetweennessBudget = BetweennessBudget()) throws {
        let graph = dataset.graph(types: Self.amplificationTypes)
        let sourceRank = try graph.reversed().pageRank()
        let (betweenness, note) = try Self.betweenness(of: graph, budget: budget)
        betweennessNote = note
        let score = Self.compositeScore(sourceRank: sourceRank, reposters: graph.degrees(.outgoing).map(Double.init), betweenness: betweenness)
        self.grouping = grouping
        let groups = Self.groups(dataset, graph: graph, by: grouping)
        var reposts = [Int](repeating: 0, count: dataset.accounts.count)
        var originals = [Int](repeating: 0, count: dataset.accounts.count)
        for (post, author) in dataset.postAuthorIndices.enumerated() where author >= 0 {
            if dataset.posts.isRepost(at: post) { reposts[Int(author)] += 1 } else { originals[Int(author)] += 1 }
        }
        let hasPosts = !dataset.posts.isEmpty
        let sourcePercentile = Ranking.percentiles(of: sourceRank)
        let betweennessPercentile = Ranking.percentiles(of: betweenness)
        profiles = (0 ..< Int32(graph.nodeCount)).map { node in
            let index = Int(node)
            let ratio = hasPosts && reposts[index] + originals[index] > 0 ? Double(reposts[index]) / Double(reposts[index] + originals[index]) : nil
            let brokerage = Self.brokerage(of: node, in: graph, groups: groups)
            var roles: [String] = []
            if sourcePercentile[index] >= 0.9 && graph.outDegree(of: node) >= 2 { roles.append("source") }
            if graph.inDegree(of: node) >= 3 && (ratio ?? 1) >= 0.5 { roles.append("amplifier") }
            if betweennessPercentile[index] >= 0.9 && brokerage > 0 { roles.append("bridge") }
            return Profile(
                account: node, distinctReposters: graph.outDegree(of: node), sourceRank: sourceRank[index],
                distinctSources: graph.inDegree(of: node), amplificationRatio: ratio, betweenness: betweenness[index],
                brokerage: brokerage, score: score[index], roles: roles
            )
        }
    }

    /// The KOL score of every node of an amplification graph (used by the bootstrap too).
    public static func scores(on graph: DirectedGraph, budget: BetweennessBudget = BetweennessBudget()) throws -> [Double] {
        compositeScore(
            sourceRank: try graph.reversed().pageRank(), reposters: graph.degrees(.outgoing).map(Double.init),
            betweenness: try betweenness(of: graph, budget: budget).values
        )
    }

    static func compositeScore(sourceRank: [Double], reposters: [Double], betweenness: [Double]) -> [Double] {
        let a = Ranking.percentiles(of: sourceRank), b = Ranking.percentiles(of: reposters), c = Ranking.percentiles(of: betweenness)
        return a.indices.map { 0.4 * a[$0] + 0.3 * b[$0] + 0.3 * c[$0] }
    }

    static func betweenness(of graph: DirectedGraph, budget: BetweennessBudget) throws -> (values: [Double], note: String) {
        let cost = graph.exactBetweennessCost(seed: 1)
        let seconds = BetweennessBudget.estimatedSeconds(cost)
        let estimate = String(format: "%.2g s", seconds)
        if seconds <= budget.seconds {
            return (graph.betweennessCentrality(), "betweenness: exact (estimated \(estimate) on one thread, within the \(String(format: "%g", budget.seconds)) s budget)")
        }
        let sampled = try graph.adaptiveBetweennessCentrality(AdaptiveBetweennessOptions(
            topCount: max(1, budget.topCount), seed: 1, maximumSearches: budget.searchLimit(for: cost)
        ))
        let share = String(format: "%.3g", Double(sampled.sampledSources) / Double(max(1, sampled.contributingSources)) * 100)
        let stopped = sampled.isSettled
            ? " until the top \(budget.topCount) was settled" + (sampled.isExact ? " (which took every search: exact values)" : "")
            : ", as many as the budget allows; the top \(budget.topCount) is not settled: "
                + "\(sampled.unsettledPairs) pairs at the cut lie within \(String(format: "%g", AdaptiveBetweennessOptions().separation)) standard errors of each other (a larger budget narrows them)"
        return (
            sampled.values,
            "betweenness: exact would take an estimated \(estimate) on one thread, over the \(String(format: "%g", budget.seconds)) s budget; "
                + "sampled \(sampled.sampledSources) of \(sampled.contributingSources) searches (\(share)%)" + stopped
                + (sampled.ties.isEmpty ? "" : "; \(sampled.ties.count) pairs at the cut are tied within \(String(format: "%g", AdaptiveBetweennessOptions().tieTolerance * 100))% (either may belong to it)")
        )
    }

    static func groups(_ dataset: Dataset, graph: DirectedGraph, by grouping: Grouping) -> [Int32] {
        if grouping == .community { return graph.symmetrized().louvainCommunities(seed: 0).partition.labels }
        var codes: [String: Int32] = [:]
        return dataset.accounts.map { account in
            let key: String
            switch grouping {
            case .kind: key = account.kind.rawValue
            case .province: key = account.province ?? "(none)"
            case .community: preconditionFailure("communities come from the graph")
            }
            if let code = codes[key] { return code }
            let code = Int32(codes.count)
            codes[key] = code
            return code
        }
    }

    static func brokerage(of node: Int32, in graph: DirectedGraph, groups: [Int32]) -> Double {
        var inByGroup: [Int32: Int] = [:]
        var incoming = 0
        for neighbor in graph.incoming.neighbors(of: node) where neighbor != node {
            inByGroup[groups[Int(neighbor)], default: 0] += 1
            incoming += 1
        }
        var sameGroupPairs = 0
        var outgoing = 0
        var reciprocal = 0
        for neighbor in graph.outgoing.neighbors(of: node) where neighbor != node {
            sameGroupPairs += inByGroup[groups[Int(neighbor)]] ?? 0
            outgoing += 1
            if graph.hasEdge(from: neighbor, to: node) { reciprocal += 1 }
        }
        // A neighbour on both sides pairs with itself: no brokerage, so those pairs leave the count.
        let pairs = incoming * outgoing - reciprocal
        guard pairs > 0 else { return 0 }
        return Double(pairs - (sameGroupPairs - reciprocal)) / Double(pairs)
    }
}
