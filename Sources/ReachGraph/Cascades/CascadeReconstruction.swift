import ReachGraphCore

/// One reconstructed cascade: a root post and the accounts that reposted it, as a tree.
public struct Cascade: Sendable {
    /// The root post's id.
    public var rootPostID: String
    /// Account index (into ``Dataset/accounts``) of each tree node; node 0 is the root's author.
    public var accounts: [Int32]
    /// The tree; its times are seconds after the root post.
    public var tree: CascadeTree
    /// Unix seconds of the root post.
    public var startTime: Double
    /// Nodes whose parent was inferred by the attribution policy rather than read from the data.
    public var attributedNodes: Int
}

/// Rebuilds cascades from the posts of a dataset.
///
/// Posts are grouped by root: the top of the chain of `root_post` / `parent_post` links. Within a
/// cascade each account is one node (its first repost; later ones are counted and skipped) and
/// participants are added in time order, so a parent always precedes its child and no cycle can
/// form. A repost attaches to the author of its `parent_post` when that post is already in the
/// cascade; otherwise (parent unknown, missing, or later than the repost) the policy picks the
/// parent. Every irregularity is counted in ``diagnostics``: reposts whose root is missing, link
/// chains that loop, reposts earlier than their root, reposts whose parent is later than
/// themselves, and repeated reposts by one account.
///
/// - Complexity: O(P log P) for P posts with the `root` policy; O(P · c) with the others, c the
///   cascade size (each repost weighs the earlier participants).
public struct CascadeReconstruction {
    public let dataset: Dataset
    public private(set) var diagnostics = Diagnostics()
    /// Post indices of each cascade, root first then by time (ties keep file order).
    private var groups: [[Int]] = []
    private var indexOfPost: [String: Int] = [:]

    public init(dataset: Dataset) {
        self.dataset = dataset
        groupPosts()
    }

    /// The number of cascades (root posts with or without reposts).
    public var cascadeCount: Int { groups.count }

    /// The index of the cascade whose root post is `postID`, or `nil` when that post is not a root
    /// (unknown, or a repost of another post).
    /// - Complexity: O(cascades).
    public func cascadeIndex(ofRoot postID: String) -> Int? {
        guard let post = indexOfPost[postID] else { return nil }
        return groups.firstIndex { $0.first == post }
    }

    /// The post a post points up to: its root if given, else its parent.
    private func link(of post: Post) -> String? {
        if let root = post.rootPost, root != post.postID { return root }
        return post.parentPost
    }

    private mutating func groupPosts() {
        let posts = dataset.posts
        indexOfPost.reserveCapacity(posts.count)
        for (index, post) in posts.enumerated() { indexOfPost[post.postID] = index }
        let unknown = -1, pending = -2
        var root = [Int](repeating: pending, count: posts.count)
        for start in posts.indices where root[start] == pending {
            var chain: [Int] = []
            var onChain = Set<Int>()
            var current = start
            var found = unknown
            var loops = false
            while true {
                if root[current] != pending { found = root[current]; break }
                guard onChain.insert(current).inserted else { loops = true; break }
                chain.append(current)
                guard let up = link(of: posts[current]) else { found = current; break }
                guard let next = indexOfPost[up] else { break }
                current = next
            }
            if found == unknown {
                diagnostics.count(loops ? "post links that loop (skipped)" : "reposts whose root post is missing (skipped)", chain.count)
            }
            for member in chain { root[member] = found }
        }
        var groupOfRoot: [Int: Int] = [:]
        for index in posts.indices where root[index] == index {
            groupOfRoot[index] = groups.count
            groups.append([index])
        }
        for index in posts.indices where root[index] >= 0 && root[index] != index {
            guard let group = groupOfRoot[root[index]] else { continue }
            if posts[index].time < posts[root[index]].time {
                diagnostics.count("reposts earlier than their root (skipped)", 1)
                continue
            }
            groups[group].append(index)
        }
        for group in groups.indices where groups[group].count > 2 {
            let head = groups[group][0]
            let rest = groups[group].dropFirst().sorted { a, b in
                posts[a].time != posts[b].time ? posts[a].time < posts[b].time : a < b
            }
            groups[group] = [head] + rest
        }
    }

    /// Rebuilds cascade `index` under `policy`; `random` drives the probabilistic policy.
    /// Irregularities are counted unless `recordingIssues` is false (extra samples of a cascade
    /// already counted).
    public mutating func cascade(_ index: Int, policy: AttributionPolicy, random: inout SplitMix64, recordingIssues: Bool = true) -> Cascade {
        let before = diagnostics
        defer { if !recordingIssues { diagnostics = before } }
        let posts = dataset.posts
        let members = groups[index]
        let rootPost = posts[members[0]]
        let start = rootPost.time
        var nodeOfAccount: [Int32: Int32] = [:]
        var nodeOfPost: [String: Int32] = [:]
        var accounts: [Int32] = []
        var parents: [Int32] = []
        var times: [Double] = []
        var followers: [Double] = []
        var attributed = 0
        func add(account: Int32, parent: Int32, time: Double) -> Int32 {
            let node = Int32(accounts.count)
            nodeOfAccount[account] = node
            accounts.append(account)
            parents.append(parent)
            times.append(time - start)
            followers.append(Double(dataset.accounts[Int(account)].followers ?? 0))
            return node
        }
        // Authors were resolved (and added when unknown) when the posts were loaded.
        let rootAccount = dataset.index(ofAccount: rootPost.author) ?? 0
        nodeOfPost[rootPost.postID] = add(account: rootAccount, parent: -1, time: start)
        for member in members.dropFirst() {
            let post = posts[member]
            guard let account = dataset.index(ofAccount: post.author) else { continue }
            if let existing = nodeOfAccount[account] {
                nodeOfPost[post.postID] = existing
                diagnostics.count("repeated reposts by one account in a cascade (first kept)", 1)
                continue
            }
            var parent: Int32
            if let parentID = post.parentPost, let parentNode = nodeOfPost[parentID] {
                parent = parentNode
            } else {
                if let parentID = post.parentPost, let parentIndex = indexOfPost[parentID], posts[parentIndex].time > post.time {
                    diagnostics.count("reposts earlier than their parent (attributed by policy)", 1)
                }
                attributed += 1
                parent = choose(for: account, time: post.time - start, policy: policy, accounts: accounts, times: times, followers: followers, random: &random)
            }
            nodeOfPost[post.postID] = add(account: account, parent: parent, time: post.time)
        }
        return Cascade(
            rootPostID: rootPost.postID, accounts: accounts, tree: CascadeTree(uncheckedParents: parents, times: times),
            startTime: start, attributedNodes: attributed
        )
    }

    private func choose(for account: Int32, time: Double, policy: AttributionPolicy, accounts: [Int32], times: [Double], followers: [Double], random: inout SplitMix64) -> Int32 {
        switch policy {
        case .root:
            return 0
        case .followGraph(let follows):
            for node in stride(from: accounts.count - 1, through: 1, by: -1) where follows.follows(account, accounts[node]) {
                return Int32(node)
            }
            return 0
        case .probabilistic(let model):
            return Int32(model.chooseParent(time: time, followers: followers, times: times, random: &random))
        }
    }
}
