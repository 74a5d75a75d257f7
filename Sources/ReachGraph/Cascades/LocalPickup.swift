/// The chain "local creation → influencer pickup → community spread" as a measure.
///
/// - Local originals: posts that are not reposts, by city accounts or by municipal and county
///   centres (accounts of kind `media_centre` with tier `municipal` or `county`). Provincial and
///   national centres are not local.
/// - Pickup: a repost by an `influencer` account anywhere in the original's cascade (the chain
///   of `parent_post` links leading back to it); the first such repost gives the time to pickup.
/// - Community spread: reposts by `community` accounts whose nearest influencer ancestor in the
///   cascade is that pickup, credited to the influencer.
/// - Edge cases: a repost whose parent is not in the data ends its chain there (it belongs to
///   no local original); parent cycles are cut at the first repeat.
/// - Complexity: O(P) for P posts (every chain is followed once, memoised); O(accounts) when no
///   account is local.
public struct LocalPickup: Sendable {
    /// One influencer's pickups of one city's local originals.
    public struct Pair: Sendable, Equatable {
        public var city: String
        public var influencer: Int32
        /// Local originals of the city the influencer reposted (in their cascades).
        public var pickups: Int
        /// Seconds from the original to the influencer's first repost in it, per pickup, ascending.
        public var delays: [Double]
        /// Community reposts whose nearest influencer ancestor is this influencer's repost.
        public var communityReposts: Int
    }

    /// Local originals in the data.
    public let localOriginals: Int
    /// Those reposted by at least one influencer.
    public let pickedUp: Int
    /// Seconds from each picked-up original to its first influencer repost, ascending.
    public let delays: [Double]
    /// Community reposts downstream of an influencer in local cascades.
    public let communityReposts: Int
    /// Pairs, most pickups first (ties: city, then influencer index).
    public let pairs: [Pair]

    /// Whether `account` is local: a city account, or a municipal or county centre.
    public static func isLocal(_ account: Account) -> Bool {
        account.kind == .cityAccount || (account.kind == .mediaCentre && (account.tier == .municipal || account.tier == .county))
    }

    public init(dataset: Dataset) {
        let posts = dataset.posts
        let isLocal = Self.isLocal
        // Without a local account there is no local original, and nothing to follow.
        guard dataset.accounts.contains(where: isLocal) else {
            (localOriginals, pickedUp, delays, communityReposts, pairs) = (0, 0, [], 0, [])
            return
        }
        let authorIndices = dataset.postAuthorIndices
        func author(_ post: Int) -> Int32? { authorIndices[post] >= 0 ? authorIndices[post] : nil }
        func kind(_ post: Int) -> AccountKind? { author(post).map { dataset.accounts[Int($0)].kind } }
        let parentIndices = dataset.resolvedPostLinks.parent
        func parent(_ post: Int) -> Int? { parentIndices[post] >= 0 ? Int(parentIndices[post]) : nil }

        // root[p]: the original at the end of p's chain (-1: none in the data); nearest[p]: the
        // nearest post at or above p by an influencer (-1: none). Both memoised along the chain.
        var root = [Int](repeating: -2, count: posts.count)
        var nearest = [Int](repeating: -2, count: posts.count)
        for start in posts.indices where root[start] == -2 {
            var chain: [Int] = []
            var seen = Set<Int>()
            var current = start
            var top = -1
            var above = -1
            while true {
                if root[current] != -2 {
                    top = root[current]
                    above = nearest[current]
                    break
                }
                chain.append(current)
                seen.insert(current)
                guard let next = parent(current) else {
                    top = posts.isRepost(at: current) ? -1 : current
                    break
                }
                if seen.contains(next) { break }
                current = next
            }
            for post in chain.reversed() {
                if kind(post) == .influencer { above = post }
                root[post] = top
                nearest[post] = above
            }
        }

        var originals = 0
        var firstPickup: [Int: Double] = [:]
        var pairDelay: [PairKey: Double] = [:]
        var community: [PairKey: Int] = [:]
        func city(_ original: Int) -> String {
            guard let account = author(original).map({ dataset.accounts[Int($0)] }) else { return "" }
            return account.city ?? account.province ?? account.id
        }
        for post in posts.indices {
            guard root[post] == post, let account = author(post), isLocal(dataset.accounts[Int(account)]) else { continue }
            originals += 1
        }
        for post in posts.indices where root[post] >= 0 && root[post] != post {
            let original = root[post]
            guard let owner = author(original), isLocal(dataset.accounts[Int(owner)]) else { continue }
            if kind(post) == .influencer, let influencer = author(post) {
                let delay = max(0, posts.times[post] - posts.times[original])
                firstPickup[original] = min(firstPickup[original] ?? .infinity, delay)
                let key = PairKey(original: original, influencer: influencer)
                pairDelay[key] = min(pairDelay[key] ?? .infinity, delay)
            } else if kind(post) == .community, nearest[post] >= 0, let influencer = author(nearest[post]) {
                community[PairKey(original: original, influencer: influencer), default: 0] += 1
            }
        }
        var byPair: [String: Pair] = [:]
        for (key, delay) in pairDelay {
            let name = city(key.original)
            let id = "\(name)\u{1F}\(key.influencer)"
            byPair[id, default: Pair(city: name, influencer: key.influencer, pickups: 0, delays: [], communityReposts: 0)].pickups += 1
            byPair[id]!.delays.append(delay)  // safe: set just above
            byPair[id]!.communityReposts += community[key] ?? 0  // safe: set just above
        }
        localOriginals = originals
        pickedUp = firstPickup.count
        delays = firstPickup.values.sorted()
        communityReposts = community.values.reduce(0, +)
        pairs = byPair.values.map { pair in
            var sorted = pair
            sorted.delays.sort()
            return sorted
        }.sorted { ($1.pickups, $0.city, $0.influencer) < ($0.pickups, $1.city, $1.influencer) }
    }

    private struct PairKey: Hashable {
        var original: Int
        var influencer: Int32
    }

    /// Median seconds to the first influencer repost; `nil` when nothing was picked up.
    public var medianDelay: Double? { sampleQuantile(delays, 0.5) }

    /// The city × influencer table: pickups, median hours to pickup, community reposts after.
    public func table(dataset: Dataset) -> ResultTable {
        var table = ResultTable(
            name: "local_pickup", title: "Which influencers pick up which city's local originals",
            columns: ["city", "influencer", "name", "pickups", "median_hours_to_pickup", "community_reposts_after"]
        )
        for pair in pairs {
            let account = dataset.accounts[Int(pair.influencer)]
            table.rows.append([
                .text(pair.city), .text(account.id), account.name.map(Cell.text) ?? .missing, .integer(pair.pickups),
                sampleQuantile(pair.delays, 0.5).map { .number(($0 / 3600 * 100).rounded() / 100) } ?? .missing, .integer(pair.communityReposts),
            ])
        }
        return table
    }
}
