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
///   exact whenever its estimated cost fits the budget (``BetweennessBudget``, 5 s of one thread by
///   default), otherwise sampled until the top k is settled or the budget's worth of searches has
///   run (``DirectedGraph/adaptiveBetweennessCentrality(_:)``); ``betweennessNote`` says which; and
///   `brokerage` = the share of (in-neighbour, out-neighbour) pairs through the account whose two
///   ends belong to different groups (account kinds by default, provinces, or Louvain communities
///   of the amplification graph read as undirected, seed 0) — a one-number form
///   of Gould & Fernandez's (1989) brokerage that counts every cross-group role together. It is
///   computed from group counts in O(degree log degree); pairs of a neighbour with itself
///   (reciprocated ties) are left out.
///
/// **KOL score** = max(0.4 · P(source_rank) + 0.3 · P(distinct_reposters) + 0.3 · P(betweenness),
/// (0.4 · P(source_rank) + 0.3 · P(distinct_reposters)) / 0.7): reach, with bridging counted
/// where it raises the score. P is the percentile rank (0 lowest, 1 highest, ties share the mean
/// position) among the accounts of the amplification network (a repost or quote tie with another
/// account) for the first two, and among those that lie between two others (betweenness above 0)
/// for betweenness (0 for the others: no bridging, however few accounts bridge). Accounts
/// outside the network score 0, so accounts without a tie, such as another platform's in a
/// store's month, do not move anyone's score. Two forms were tried before and failed on real
/// exports: with betweenness 0 ranked among all accounts (most tie there, at P ≈ 0.4), the most
/// reposted source of the Weibo CED export (650 reposters) ranked 1,755th; with betweenness
/// left out only for accounts without an in- and an out-edge, the most reposted account of the Higgs sample
/// (2,153 reposters), which reposted one account, ranked 85th behind pure sources. With the
/// maximum, reposting someone never lowers a score. Percentiles put measures of different scales
/// on one footing and resist outliers. Role labels: `source` when P(source_rank) ≥ 0.9 and at
/// least 2 distinct reposters; `amplifier` when at least 3 distinct sources and (no posts, or a
/// ratio ≥ 0.5); `bridge` when P(betweenness) ≥ 0.9 and brokerage > 0.
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
        /// Whether the account has a repost or quote tie with another account: the accounts
        /// the percentiles rank. The others score 0; so may the lowest of the network.
        public var isInNetwork: Bool
    }

    /// When betweenness is exact and when sampled, and how far the sampler goes.
    ///
    /// The budget is time on one thread, turned into searches by ``BetweennessCost``'s estimate
    /// (``DirectedGraph/exactBetweennessCost(sampleSize:seed:)``: visits counted on 64 searches,
    /// at a rate that falls with the graph's working set, so it holds on graphs that do not fit
    /// in cache as well as on small ones). On `t` threads the step takes about `seconds / t` of
    /// wall time, plus the estimate's 64 breadth-first searches. Deterministic: the same graph and
    /// budget give the same searches on every machine and under any load, where a clock would not;
    /// the price is that a machine slower than the one the rate was measured on overruns it.
    public struct BetweennessBudget: Sendable, Equatable {
        /// Exact betweenness runs when its estimated time on one thread
        /// (``BetweennessCost/estimatedSeconds``) is at most this many seconds; 0 always samples.
        /// Otherwise the sampler runs as many searches as fit in this time (at least
        /// ``minimumSearches``), pilot included, settled or not.
        public var seconds: Double
        /// The k of the top k the sampler settles when exact betweenness does not fit.
        public var topCount: Int

        public init(seconds: Double = Self.defaultSeconds, topCount: Int = 20) {
            self.seconds = seconds
            self.topCount = topCount
        }

        /// The default budget: on the 2.5M IRA-sized posts' graph (242,489 accounts, exact
        /// estimated at 75 minutes of one thread, 25 ms a search) it keeps the step to about 3 s
        /// on two threads, and 19 of the 20 accounts at the top by KOL score are those of a budget
        /// twelve times larger (2 s: 17, 10 s: all 20; BENCHMARKS.md, "kol's betweenness budget and
        /// seeds on 2.5M IRA-sized posts"). A graph whose exact betweenness fits in it (the
        /// 5,000-node benchmark graph, any graph of a few thousand accounts) gets exact values.
        public static let defaultSeconds = 5.0

        /// The smallest pilot round the sampler is given: two searches would give a variance,
        /// but not one worth ranking on.
        public static let minimumPilot = 32

        /// The fewest searches the sampler runs however small the budget: the pilot, the pilot
        /// again with the tracked products, and one round after it.
        public static let minimumSearches = 3 * minimumPilot

        /// The sampler's settings when exact betweenness, estimated at `cost`, is over the budget:
        /// the searches that fit in it (at least ``minimumSearches``) split into a pilot of a third
        /// of them (at most the sampler's default 256, at least ``minimumPilot``), which runs twice,
        /// and the rest.
        public func samplerOptions(for cost: BetweennessCost) -> AdaptiveBetweennessOptions {
            let fitting = min(cost.searches(within: max(0, seconds)), Int(Int32.max))
            let pilot = min(AdaptiveBetweennessOptions().initialSampleSize, max(Self.minimumPilot, fitting / 3))
            return AdaptiveBetweennessOptions(
                topCount: max(1, topCount), initialSampleSize: pilot, seed: 1, maximumSearches: max(2 * pilot, fitting - pilot)
            )
        }
    }

    /// One profile per account, in account order.
    public var profiles: [Profile]
    /// How betweenness was computed, in one line: exact, or how far the sampler went and why.
    public var betweennessNote: String
    /// What the betweenness step costs on one thread, estimated at ``BetweennessCost``'s rate
    /// (not timed): the cost estimate's own searches, then exact Brandes or the sampler's
    /// searches (its pilot twice). A resampled graph costs about as much, which is what lets a
    /// caller price a bootstrap before running it.
    public var betweennessSeconds: Double

    /// The relation types the amplification graph is built from.
    public static let amplificationTypes: Set<RelationType> = [.repost, .quote]

    public init(dataset: Dataset, grouping: Grouping = .kind, budget: BetweennessBudget = BetweennessBudget()) throws {
        let graph = dataset.graph(types: Self.amplificationTypes)
        let sourceRank = try graph.reversed().pageRank()
        let (betweenness, note, seconds) = try Self.betweenness(of: graph, budget: budget)
        let groups = Self.groups(dataset, graph: graph, by: grouping)
        betweennessNote = note
        betweennessSeconds = seconds
        let percentiles = Percentiles(graph: graph, sourceRank: sourceRank, betweenness: betweenness)
        self.grouping = grouping
        var reposts = [Int](repeating: 0, count: dataset.accounts.count)
        var originals = [Int](repeating: 0, count: dataset.accounts.count)
        for (post, author) in dataset.postAuthorIndices.enumerated() where author >= 0 {
            if dataset.posts.isRepost(at: post) { reposts[Int(author)] += 1 } else { originals[Int(author)] += 1 }
        }
        let hasPosts = !dataset.posts.isEmpty
        let brokerages = Self.brokerage(in: graph, groups: groups)
        profiles = (0 ..< Int32(graph.nodeCount)).map { node in
            let index = Int(node)
            let ratio = hasPosts && reposts[index] + originals[index] > 0 ? Double(reposts[index]) / Double(reposts[index] + originals[index]) : nil
            let brokerage = brokerages[index]
            var roles: [String] = []
            if percentiles.sourceRank[index] >= 0.9 && graph.outDegree(of: node) >= 2 { roles.append("source") }
            if graph.inDegree(of: node) >= 3 && (ratio ?? 1) >= 0.5 { roles.append("amplifier") }
            if percentiles.betweenness[index] >= 0.9 && brokerage > 0 { roles.append("bridge") }
            return Profile(
                account: node, distinctReposters: graph.outDegree(of: node), sourceRank: sourceRank[index],
                distinctSources: graph.inDegree(of: node), amplificationRatio: ratio, betweenness: betweenness[index],
                brokerage: brokerage, score: percentiles.score(of: index), roles: roles, isInNetwork: percentiles.takesPart[index]
            )
        }
    }

    /// The KOL score of every node of an amplification graph (used by the bootstrap too).
    public static func scores(on graph: DirectedGraph, budget: BetweennessBudget = BetweennessBudget()) throws -> [Double] {
        let percentiles = Percentiles(graph: graph, sourceRank: try graph.reversed().pageRank(), betweenness: try betweenness(of: graph, budget: budget).values)
        return (0 ..< graph.nodeCount).map(percentiles.score(of:))
    }

    /// The three percentile ranks the score and the roles read.
    struct Percentiles {
        /// Among the nodes with a tie to another node (self-loops aside); 0 for the others.
        let sourceRank: [Double]
        let reposters: [Double]
        /// Among the nodes with betweenness above 0, which lie between two others; 0 for the rest.
        let betweenness: [Double]
        /// Whether each node has a tie to another node.
        let takesPart: [Bool]

        init(graph: DirectedGraph, sourceRank: [Double], betweenness: [Double]) {
            takesPart = (0 ..< Int32(graph.nodeCount)).map { node in
                graph.incoming.neighbors(of: node).contains { $0 != node } || graph.outgoing.neighbors(of: node).contains { $0 != node }
            }
            self.sourceRank = Ranking.percentiles(of: sourceRank, among: takesPart)
            reposters = Ranking.percentiles(of: graph.degrees(.outgoing).map(Double.init), among: takesPart)
            self.betweenness = Ranking.percentiles(of: betweenness, among: betweenness.map { $0 > 0 })
        }

        /// The larger of reach and bridging together and reach alone over 0.7; 0 outside the network.
        func score(of node: Int) -> Double {
            guard takesPart[node] else { return 0 }
            // (0.4a + 0.3b) / 0.7 written as sevenths: a source first by both measures scores exactly 1.
            return max(0.4 * sourceRank[node] + 0.3 * reposters[node] + 0.3 * betweenness[node], (4 * sourceRank[node] + 3 * reposters[node]) / 7)
        }
    }

    static func betweenness(of graph: DirectedGraph, budget: BetweennessBudget) throws -> (values: [Double], note: String, seconds: Double) {
        let cost = graph.exactBetweennessCost(seed: 1)
        let seconds = cost.estimatedSeconds
        let perSearchSeconds = seconds / Double(max(1, cost.contributingSources))
        let estimate = String(format: "%.2g s", seconds)
        let budgetText = String(format: "%g", budget.seconds)
        if seconds <= budget.seconds {
            return (
                graph.betweennessCentrality(), "betweenness: exact (estimated \(estimate) on one thread, within the \(budgetText) s budget)",
                seconds + Double(cost.sampledSources) * perSearchSeconds
            )
        }
        let options = budget.samplerOptions(for: cost)
        let sampled = try graph.adaptiveBetweennessCentrality(options)
        let share = String(format: "%.3g", Double(sampled.sampledSources) / Double(max(1, sampled.contributingSources)) * 100)
        let perSearch = String(format: "%.2g", perSearchSeconds * 1000)
        let stopped = sampled.isSettled
            ? " until the top \(budget.topCount) was settled" + (sampled.isExact ? " (which took every search: exact values)" : "")
            : ", as many as the budget allows; the top \(budget.topCount) is not settled: "
                + "\(sampled.unsettledPairs) pairs at the cut lie within \(String(format: "%g", options.separation)) standard errors of each other (a larger budget narrows them)"
        return (
            sampled.values,
            "betweenness: exact would take an estimated \(estimate) on one thread (\(cost.contributingSources) searches of about \(perSearch) ms), "
                + "over the \(budgetText) s budget; "
                + "sampled \(sampled.sampledSources) of \(sampled.contributingSources) searches (\(share)%)" + stopped
                + (sampled.ties.isEmpty ? "" : "; \(sampled.ties.count) pairs at the cut are tied within \(String(format: "%g", options.tieTolerance * 100))% (either may belong to it)"),
            Double(cost.sampledSources + options.initialSampleSize + sampled.sampledSources) * perSearchSeconds
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

    /// The brokerage of every node of `graph`, in node order, with `groups[v]` the group of `v`.
    ///
    /// Counts each node's in-neighbours by group in one array indexed by group (cleared after the
    /// node) and marks them, so a reciprocated tie is found without a search of the neighbour's row.
    /// - Complexity: O(V + E + G) time for G groups, O(V + G) space.
    static func brokerage(in graph: DirectedGraph, groups: [Int32]) -> [Double] {
        let groupCount = Int(groups.max() ?? -1) + 1
        var inByGroup = [Int](repeating: 0, count: groupCount)
        // The node whose in-neighbour each node last was.
        var inNeighborOf = [Int32](repeating: -1, count: graph.nodeCount)
        var result = [Double](repeating: 0, count: graph.nodeCount)
        for node in 0 ..< Int32(graph.nodeCount) {
            let incomingRow = graph.incoming.neighbors(of: node)
            var incoming = 0
            for neighbor in incomingRow where neighbor != node {
                inByGroup[Int(groups[Int(neighbor)])] += 1
                inNeighborOf[Int(neighbor)] = node
                incoming += 1
            }
            var sameGroupPairs = 0
            var outgoing = 0
            var reciprocal = 0
            for neighbor in graph.outgoing.neighbors(of: node) where neighbor != node {
                sameGroupPairs += inByGroup[Int(groups[Int(neighbor)])]
                outgoing += 1
                if inNeighborOf[Int(neighbor)] == node { reciprocal += 1 }
            }
            for neighbor in incomingRow { inByGroup[Int(groups[Int(neighbor)])] = 0 }
            // A neighbour on both sides pairs with itself: no brokerage, so those pairs leave the count.
            let pairs = incoming * outgoing - reciprocal
            if pairs > 0 { result[Int(node)] = Double(pairs - (sameGroupPairs - reciprocal)) / Double(pairs) }
        }
        return result
    }
}
