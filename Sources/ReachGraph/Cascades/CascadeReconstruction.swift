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
/// parent. Every irregularity is counted in ``diagnostics``: reposts whose root is missing,
/// reposts earlier than their root, reposts whose parent is later than
/// themselves, and repeated reposts by one account. Link chains that loop are skipped here and
/// counted once, by the loader, in ``Dataset/diagnostics`` (so every command that reads posts reports them).
///
/// Post ids are resolved to indices once; cascades are then rebuilt on flat arrays with scratch
/// tables reused across cascades, so no dictionary or string is touched per repost.
///
/// - Complexity: O(P log P) for P posts with the `root` policy; O(P · c) with the others, c the
///   cascade size (each repost weighs the earlier participants).
public struct CascadeReconstruction {
    /// The ``diagnostics`` category counting reposts whose chain leads to a post not in the data.
    public static let missingRootCategory = "reposts whose root post is missing (skipped)"

    public let dataset: Dataset
    public private(set) var diagnostics = Diagnostics()
    /// Post indices of every cascade, back to back, each root first then by time (ties keep file order).
    private var members: [Int32] = []
    /// `cascadeCount + 1` offsets into `members`.
    private var memberOffsets: [Int] = [0]
    /// Per post: the index of its `parent_post`, −1 when it names none, −2 when it names a post not in the data.
    private var parentIndex: [Int32] = []
    private var authorIndex: [Int32] = []
    private var times: [Double] = []
    /// Scratch, −1 between cascades: tree node of each account and of each post.
    private var nodeOfAccount: [Int32] = []
    private var nodeOfPost: [Int32] = []

    public init(dataset: Dataset) {
        self.dataset = dataset
        groupPosts()
    }

    /// A copy that counts irregularities afresh, for a thread rebuilding a share of the cascades
    /// (the counts of grouping stay with the original).
    var withoutDiagnostics: CascadeReconstruction {
        var copy = self
        copy.diagnostics = Diagnostics()
        return copy
    }

    /// The number of cascades (root posts with or without reposts).
    public var cascadeCount: Int { memberOffsets.count - 1 }

    /// The number of posts in cascade `index`, its root included (repeated reposts too).
    func postCount(of index: Int) -> Int { memberOffsets[index + 1] - memberOffsets[index] }

    /// The index of the cascade whose root post is `postID`, or `nil` when that post is not a root
    /// (unknown, or a repost of another post).
    /// - Complexity: O(cascades).
    public func cascadeIndex(ofRoot postID: String) -> Int? {
        (0 ..< cascadeCount).first { dataset.posts.postID(at: Int(members[memberOffsets[$0]])) == postID }
    }

    private mutating func groupPosts() {
        let posts = dataset.posts
        let count = posts.count
        let links = dataset.resolvedPostLinks
        parentIndex = links.parent
        authorIndex = dataset.postAuthorIndices
        times = posts.times
        let times = self.times

        // Root of every post by following links; a state per post finds loops without sets.
        let unknown: Int32 = -1, pending: Int32 = -2, onChain: Int32 = -3
        var root = [Int32](repeating: pending, count: count)
        var groupOfRoot = [Int32](repeating: -1, count: count)
        var groupSizes: [Int] = []
        var missing = 0, early = 0
        // The passes below run over a million posts each on `cascades`' one serial stretch
        // between reading and measuring: unchecked buffers took about half its time off.
        root.withUnsafeMutableBufferPointer { root in
            links.link.withUnsafeBufferPointer { link in
                var chain: [Int32] = []
                for start in 0 ..< count where root[start] == pending {
                    chain.removeAll(keepingCapacity: true)
                    var current = Int32(start)
                    var found = unknown
                    var loops = false
                    while true {
                        let state = root[Int(current)]
                        if state == onChain { loops = true; break }
                        if state != pending { found = state; break }
                        root[Int(current)] = onChain
                        chain.append(current)
                        let up = link[Int(current)]
                        if up == -1 { found = current; break }
                        if up < 0 { break }
                        current = up
                    }
                    if found == unknown && !loops { missing += chain.count }
                    for member in chain { root[Int(member)] = found }
                }
            }

            // Group by root with a counting sort; roots come first in their own group.
            groupOfRoot.withUnsafeMutableBufferPointer { groupOfRoot in
                times.withUnsafeBufferPointer { times in
                    for post in 0 ..< count where root[post] == Int32(post) {
                        groupOfRoot[post] = Int32(groupSizes.count)
                        groupSizes.append(1)
                    }
                    groupSizes.withUnsafeMutableBufferPointer { groupSizes in
                        for post in 0 ..< count {
                            let top = root[post]
                            guard top >= 0, top != Int32(post) else { continue }
                            if times[post] < times[Int(top)] {
                                early += 1
                                root[post] = unknown
                                continue
                            }
                            groupSizes[Int(groupOfRoot[Int(top)])] += 1
                        }
                    }
                }
            }
        }
        diagnostics.count(Self.missingRootCategory, missing)
        diagnostics.count("reposts earlier than their root (skipped)", early)
        memberOffsets = [0]
        memberOffsets.reserveCapacity(groupSizes.count + 1)
        for size in groupSizes { memberOffsets.append(memberOffsets[memberOffsets.count - 1] + size) }
        members = [Int32](repeating: 0, count: memberOffsets[memberOffsets.count - 1])
        var cursor = Array(memberOffsets.dropLast())
        members.withUnsafeMutableBufferPointer { members in
            cursor.withUnsafeMutableBufferPointer { cursor in
                root.withUnsafeBufferPointer { root in
                    groupOfRoot.withUnsafeBufferPointer { groupOfRoot in
                        for post in 0 ..< count where root[post] == Int32(post) {
                            let group = Int(groupOfRoot[post])
                            members[cursor[group]] = Int32(post)
                            cursor[group] += 1
                        }
                        for post in 0 ..< count {
                            let top = root[post]
                            guard top >= 0, top != Int32(post) else { continue }
                            let group = Int(groupOfRoot[Int(top)])
                            members[cursor[group]] = Int32(post)
                            cursor[group] += 1
                        }
                    }
                }
            }
            // Reposts in time order; most files already are, so check before sorting.
            times.withUnsafeBufferPointer { times in
                memberOffsets.withUnsafeBufferPointer { offsets in
                    for group in 0 ..< groupSizes.count where groupSizes[group] > 2 {
                        let range = (offsets[group] + 1) ..< offsets[group + 1]
                        let inOrder = range.dropFirst().allSatisfy { times[Int(members[$0 - 1])] <= times[Int(members[$0])] }
                        if !inOrder {
                            members[range].sort { times[Int($0)] != times[Int($1)] ? times[Int($0)] < times[Int($1)] : $0 < $1 }
                        }
                    }
                }
            }
        }
        nodeOfAccount = [Int32](repeating: -1, count: dataset.accounts.count)
        nodeOfPost = [Int32](repeating: -1, count: count)
    }

    /// Rebuilds cascade `index` under `policy`; `random` drives the probabilistic policy.
    /// Irregularities are counted unless `recordingIssues` is false (extra samples of a cascade
    /// already counted).
    public mutating func cascade(_ index: Int, policy: AttributionPolicy, random: inout SplitMix64, recordingIssues: Bool = true) -> Cascade {
        let group = members[memberOffsets[index] ..< memberOffsets[index + 1]]
        let rootPost = Int(group[group.startIndex])
        let start = times[rootPost]
        var accounts: [Int32] = []
        var parents: [Int32] = []
        var treeTimes: [Double] = []
        var followers: [Double] = []
        accounts.reserveCapacity(group.count)
        parents.reserveCapacity(group.count)
        treeTimes.reserveCapacity(group.count)
        var attributed = 0, repeated = 0, parentLater = 0
        let needsFollowers: Bool
        if case .probabilistic = policy { needsFollowers = true } else { needsFollowers = false }

        // Authors were resolved (and added when unknown) when the posts were loaded.
        let rootAccount = max(authorIndex[rootPost], 0)
        nodeOfAccount[Int(rootAccount)] = 0
        nodeOfPost[rootPost] = 0
        accounts.append(rootAccount)
        parents.append(-1)
        treeTimes.append(0)
        if needsFollowers { followers.append(Double(dataset.accounts[Int(rootAccount)].followers ?? 0)) }

        for memberIndex in group.dropFirst() {
            let post = Int(memberIndex)
            let account = authorIndex[post]
            guard account >= 0 else { continue }
            let existing = nodeOfAccount[Int(account)]
            if existing >= 0 {
                nodeOfPost[post] = existing
                repeated += 1
                continue
            }
            let time = times[post] - start
            var parent: Int32
            let parentPost = parentIndex[post]
            if parentPost >= 0 && nodeOfPost[Int(parentPost)] >= 0 {
                parent = nodeOfPost[Int(parentPost)]
            } else {
                if parentPost >= 0 && times[Int(parentPost)] > times[post] { parentLater += 1 }
                attributed += 1
                parent = choose(for: account, time: time, policy: policy, accounts: accounts, times: treeTimes, followers: followers, random: &random)
            }
            let node = Int32(accounts.count)
            nodeOfAccount[Int(account)] = node
            nodeOfPost[post] = node
            accounts.append(account)
            parents.append(parent)
            treeTimes.append(time)
            if needsFollowers { followers.append(Double(dataset.accounts[Int(account)].followers ?? 0)) }
        }
        for account in accounts { nodeOfAccount[Int(account)] = -1 }
        for memberIndex in group { nodeOfPost[Int(memberIndex)] = -1 }
        if recordingIssues {
            diagnostics.count("repeated reposts by one account in a cascade (first kept)", repeated)
            diagnostics.count("reposts earlier than their parent (attributed by policy)", parentLater)
        }
        return Cascade(
            rootPostID: dataset.posts.postID(at: rootPost), accounts: accounts, tree: CascadeTree(uncheckedParents: parents, times: treeTimes),
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
