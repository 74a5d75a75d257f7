import ReachGraphCore

/// How a repost is attached to an earlier participant when its parent post is not known
/// (most platforms report only the root of a repost).
public enum AttributionPolicy: Sendable {
    /// Every such repost hangs from the root: a star.
    case root
    /// The most recent earlier participant the reposter follows, else the root.
    case followGraph(FollowGraph)
    /// DeVerna et al. 2024's probabilistic reconstruction: see ``ProbabilisticAttribution``.
    case probabilistic(ProbabilisticAttribution)
}

/// Who follows whom, over the accounts of a dataset.
///
/// Stored as a graph with edges followee → follower, the direction content travels, so the
/// audience of an account is its out-neighbours.
public struct FollowGraph: Sendable {
    /// Edges followee → follower; node i is account i of the dataset.
    public let graph: DirectedGraph

    /// A follow graph over `accountCount` accounts from (follower, followee) pairs.
    public init(accountCount: Int, pairs: [(follower: Int32, followee: Int32)]) {
        let builder = GraphBuilder(nodeCount: accountCount, expectedEdgeCount: pairs.count)
        for pair in pairs { builder.addEdge(from: pair.followee, to: pair.follower) }
        graph = builder.build()
    }

    /// Whether `follower` follows `followee`.
    /// - Complexity: O(log d), d the followee's follower count.
    public func follows(_ follower: Int32, _ followee: Int32) -> Bool {
        graph.hasEdge(from: followee, to: follower)
    }

    /// The number of follow pairs.
    public var count: Int { graph.edgeCount }

    /// The number of distinct accounts following at least one of `accounts` (their unique audience).
    /// - Complexity: O(Σ followers of `accounts`).
    public func uniqueAudience(of accounts: [Int32]) -> Int {
        var seen = Set<Int32>()
        for account in accounts where Int(account) < graph.nodeCount {
            for follower in graph.outgoing.neighbors(of: account) { seen.insert(follower) }
        }
        return seen.count
    }

    /// Reads a `follower,followee` CSV (header optional) with ids resolved against `dataset`;
    /// pairs naming unknown accounts are counted in `diagnostics` and skipped, as they cannot be
    /// participants.
    public static func read(_ path: String, for dataset: Dataset, diagnostics: inout Diagnostics) throws -> FollowGraph {
        let list = try EdgeListReader.read(path: path)
        let ids = list.identifiers
        var pairs: [(follower: Int32, followee: Int32)] = []
        pairs.reserveCapacity(list.count)
        for row in 0 ..< list.count {
            let follower = ids.identifier(at: Int(list.sources[row])), followee = ids.identifier(at: Int(list.targets[row]))
            guard let a = dataset.index(ofAccount: follower), let b = dataset.index(ofAccount: followee) else {
                diagnostics.count("follow pairs naming unknown accounts (skipped)", 1)
                continue
            }
            pairs.append((a, b))
        }
        return FollowGraph(accountCount: dataset.accounts.count, pairs: pairs)
    }
}

/// The probabilistic attribution of DeVerna, Aiyappa, Pacheco, Bryden & Menczer (2024), "Identifying
/// and characterizing superspreaders of low-credibility content on Twitter" / the follow-up
/// reconstruction model: a repost at time t picks its parent among all earlier participants j
/// (the root included) with
///
///     P(j) = γ · f_j / Σ f  +  (1 − γ) · PL(Δt_j) / Σ PL,    PL(Δt) = max(Δt, x_min)^(−α)
///
/// where f is the follower count (popular accounts are seen more) and Δt = t − t_j (recent posts
/// are seen more). Each sampled tree draws from its own seeded stream; metrics are reported as
/// the mean and interquartile range over `samples` trees.
public struct ProbabilisticAttribution: Sendable {
    /// Weight of popularity against recency, in [0, 1].
    public var gamma: Double
    /// Power-law exponent of the delay term.
    public var alpha: Double
    /// Seconds below which delays count as `minimumDelay` (x_min), so Δt = 0 stays finite.
    public var minimumDelay: Double
    /// Trees sampled per cascade.
    public var samples: Int
    public var seed: UInt64

    public init(gamma: Double = 0.5, alpha: Double = 1.0, minimumDelay: Double = 1, samples: Int = 20, seed: UInt64 = 1) {
        self.gamma = gamma
        self.alpha = alpha
        self.minimumDelay = minimumDelay
        self.samples = samples
        self.seed = seed
    }

    /// Picks a parent among `candidates` (indices into `followers`/`times`) for a repost at `time`.
    func chooseParent(time: Double, followers: [Double], times: [Double], random: inout SplitMix64) -> Int {
        let count = times.count
        var followerTotal = 0.0
        var recencyTotal = 0.0
        var recency = [Double](repeating: 0, count: count)
        for node in 0 ..< count {
            followerTotal += followers[node]
            recency[node] = pow(max(time - times[node], minimumDelay), -alpha)
            recencyTotal += recency[node]
        }
        let popularityShare = followerTotal > 0 ? gamma : 0
        let recencyShare = 1 - popularityShare
        var target = random.nextUnitInterval()
        for node in 0 ..< count {
            let probability = popularityShare * (followerTotal > 0 ? followers[node] / followerTotal : 0)
                + recencyShare * recency[node] / recencyTotal
            target -= probability
            if target < 0 { return node }
        }
        return count - 1
    }
}

import Foundation
