import ReachGraph
import ReachGraphCore

/// The simulated posts in time order, with the engagement counts each will carry.
struct SampleTimeline {
    /// Likes, comments, shares and views of one post, and whether it gets a url.
    struct Engagement {
        var likes: Int
        var comments: Int
        var shares: Int
        var views: Int
        var hasURL: Bool
    }

    /// Drafts sorted by time (ties in generation order), parents and roots renumbered to match.
    private(set) var drafts: [DraftPost]
    /// Parallel to ``drafts``.
    private(set) var engagement: [Engagement] = []

    /// Sorts `unsorted` and draws engagement: views from the author's followers on the post's
    /// platform, likes from views, comments and shares from likes in the proportions of the
    /// author's role (all heavy-tailed), and shares at least the reposts present.
    init(sorting unsorted: [DraftPost], roster: SampleRoster, random: SplitMix64) {
        // Whole seconds since the earliest post in the high half, generation order in the low half:
        // sorting plain integers is several times faster than a closure comparing two fields.
        let earliest = unsorted.map(\.time).min() ?? 0
        var keys = unsorted.indices.map { UInt64(unsorted[$0].time - earliest) << 32 | UInt64($0) }
        keys.sort()
        let order = keys.map { Int($0 & 0xFFFF_FFFF) }
        var rank = [Int32](repeating: 0, count: unsorted.count)
        for (position, original) in order.enumerated() { rank[original] = Int32(position) }
        drafts = order.map { original in
            var draft = unsorted[original]
            draft.root = rank[Int(draft.root)]
            if draft.parent >= 0 { draft.parent = rank[Int(draft.parent)] }
            return draft
        }
        var reposts = [Int](repeating: 0, count: drafts.count)
        for draft in drafts where draft.parent >= 0 { reposts[Int(draft.parent)] += 1 }
        var random = random
        engagement.reserveCapacity(drafts.count)
        for (index, draft) in drafts.enumerated() {
            let isOriginal = draft.parent < 0
            let author = roster.members[Int(draft.author)]
            let interaction = author.role.interaction
            let views = author.followersByPlatform[draft.platform] * (isOriginal ? 0.08 : 0.04) * random.logNormal(median: 1, sigma: 1)
            let likes = views * 0.03 * random.logNormal(median: 1, sigma: 0.6)
            let comments = likes * interaction.commentsPerLike * random.logNormal(median: 1, sigma: 0.8)
            let extraShares = likes * interaction.sharesPerLike * random.logNormal(median: 1, sigma: 0.8)
            engagement.append(Engagement(
                likes: Int(likes), comments: Int(comments), shares: reposts[index] + Int(extraShares), views: max(1, Int(views)),
                hasURL: isOriginal && random.chance(0.3)
            ))
        }
    }

    /// Repost relations aggregated exactly as `Dataset.deriveRelationsFromPosts` aggregates
    /// `posts.csv`: one row per (parent's author → reposter) pair in order of the pair's first
    /// repost, weight = number of reposts, first and last seen from their times. Computed on
    /// account indices because, at a million posts, hashing post-id strings took a quarter of the
    /// generation time. The simulator makes no self reposts and no repeated reposts of one post by
    /// one account, so there is nothing to leave out.
    func repostRelations() -> [Relation] {
        var rowOfPair: [Int64: Int] = [:]
        var relations: [Relation] = []
        for draft in drafts where draft.parent >= 0 {
            let source = drafts[Int(draft.parent)].author
            let key = Int64(source) << 32 | Int64(draft.author)
            if let row = rowOfPair[key] {
                relations[row].weight += 1
                relations[row].lastSeen = draft.time
            } else {
                rowOfPair[key] = relations.count
                relations.append(Relation(source: source, target: draft.author, type: .repost, weight: 1, firstSeen: draft.time, lastSeen: draft.time))
            }
        }
        return relations
    }

    /// The drafts as `posts.csv` rows: ids `p0000001` … in time order, content hashes as 16 hex
    /// digits, urls under example.org (a reserved domain, so no link points at a real post).
    func posts(accounts: [Account]) -> [Post] {
        let width = max(7, String(drafts.count).count)
        let ids = drafts.indices.map { index -> String in
            let number = String(index + 1)
            return "p" + String(repeating: "0", count: width - number.count) + number
        }
        return drafts.indices.map { index in
            let draft = drafts[index], counts = engagement[index]
            let author = accounts[Int(draft.author)].id
            let platform = SamplePlatform.allCases[draft.platform].name
            return Post(
                postID: ids[index], author: author, time: draft.time,
                parentPost: draft.parent >= 0 ? ids[Int(draft.parent)] : nil, rootPost: ids[Int(draft.root)], platform: platform,
                likes: counts.likes, comments: counts.comments, shares: counts.shares, views: counts.views,
                contentHash: draft.contentHash == 0 ? nil : Self.hex(draft.contentHash),
                url: counts.hasURL ? "https://example.org/\(platform)/\(author)/\(ids[index])" : nil
            )
        }
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
