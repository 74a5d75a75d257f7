/// What happens once a structure's content leaves the roster: how much of it reaches accounts
/// outside, and through whom.
///
/// A cascade rooted in an original by a member reaches outside when any post in it is by an
/// account outside the roster. A bridge is an outside account that reposted a member's post
/// directly (the entry point: often an influencer); its downstream reposts are the later outside
/// posts whose chain of reposts leads back to the member through it.
public struct ExternalAmplification: Sendable {
    /// One entry point from the structure to the outside.
    public struct Bridge: Sendable, Equatable {
        public var account: Int32
        /// Direct reposts of members' posts.
        public var reposts: Int
        /// Distinct cascades it carried outside.
        public var cascades: Int
        /// Outside reposts further down its reposts.
        public var downstream: Int
    }

    /// Originals by members.
    public let memberOriginals: Int
    /// Of those, cascades with at least one post by an account outside the roster.
    public let reachingOutside: Int
    /// Bridges, most downstream reposts first (then most direct reposts, then account index).
    public let bridges: [Bridge]

    /// Share of members' originals that reach outside the roster; `nil` without originals.
    public var share: Double? { memberOriginals > 0 ? Double(reachingOutside) / Double(memberOriginals) : nil }

    /// - Parameter roster: a flag per account, set for every member of any structure.
    /// - Complexity: O(posts) (each repost chain is walked once, memoised).
    init(structure: DeclaredStructure, index: RepostIndex, roster: [Bool]) {
        let isMember = index.accountFlags(structure.members)
        var originals = 0
        for post in 0 ..< index.count where index.parents[post] < 0 && !index.parentMissing[post] && isMember[Int(index.authors[post])] {
            originals += 1
        }
        // entry[p]: the first outside post on p's chain below a member's post, -1 for none,
        // -2 not yet known.
        var entry = [Int32](repeating: -2, count: index.count)
        var path: [Int32] = []
        for start in 0 ..< index.count where entry[start] == -2 {
            path.removeAll(keepingCapacity: true)
            var current = Int32(start)
            var found: Int32 = -1
            while true {
                let post = Int(current)
                if entry[post] != -2 { found = entry[post]; break }
                let author = Int(index.authors[post])
                if roster[author] { found = -1; path.append(current); break }
                let parent = Int(index.parents[post])
                path.append(current)
                if parent < 0 { found = -1; break }
                if isMember[Int(index.authors[parent])] { found = current; break }
                if path.count > index.count { found = -1; break }
                current = Int32(parent)
            }
            // Posts above the entry on the path are outside posts whose own entry is the same,
            // except the entry itself, which is its own.
            for post in path { entry[Int(post)] = roster[Int(index.authors[Int(post)])] ? -1 : found }
        }
        var reposts = [Int](repeating: 0, count: index.accountCount)
        var downstream = [Int](repeating: 0, count: index.accountCount)
        var cascadeKeys: [UInt64] = []
        var reached = [Bool](repeating: false, count: index.count)
        for post in 0 ..< index.count {
            let root = Int(index.roots[post])
            if !roster[Int(index.authors[post])] && root != post && index.parents[root] < 0 && isMember[Int(index.authors[root])] {
                reached[root] = true
            }
            let first = entry[post]
            guard first >= 0 else { continue }
            let bridge = Int(index.authors[Int(first)])
            if Int(first) == post {
                reposts[bridge] += 1
                cascadeKeys.append(UInt64(bridge) << 32 | UInt64(UInt32(index.roots[post])))
            } else {
                downstream[bridge] += 1
            }
        }
        cascadeKeys.sort()
        var cascades = [Int](repeating: 0, count: index.accountCount)
        for (position, key) in cascadeKeys.enumerated() where position == 0 || cascadeKeys[position - 1] != key {
            cascades[Int(key >> 32)] += 1
        }
        var bridges: [Bridge] = []
        for account in 0 ..< index.accountCount where reposts[account] > 0 {
            bridges.append(Bridge(account: Int32(account), reposts: reposts[account], cascades: cascades[account], downstream: downstream[account]))
        }
        self.bridges = bridges.sorted { a, b in
            if a.downstream != b.downstream { return a.downstream > b.downstream }
            if a.reposts != b.reposts { return a.reposts > b.reposts }
            return a.account < b.account
        }
        memberOriginals = originals
        reachingOutside = reached.filter { $0 }.count
    }
}
