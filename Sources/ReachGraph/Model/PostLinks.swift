/// The links between posts as indices into ``Dataset/posts``, resolved once from the id strings.
///
/// −1 means the post names no such link, −2 that it names a post not in the data.
struct PostLinks: Sendable {
    /// The post each post reposts (`parent_post`).
    let parent: [Int32]
    /// The post each post points up to: its `root_post` when given (and not itself), else its parent.
    let link: [Int32]

    /// - Complexity: O(posts): ids were interned when the posts were read, so no id is hashed here.
    init(posts: PostTable) {
        let count = posts.count
        var parent = [Int32](repeating: -1, count: count)
        var link = [Int32](repeating: -1, count: count)
        func row(_ string: Int32) -> Int32 {
            guard string >= 0 else { return -1 }
            let row = posts.row(ofString: string)
            return row >= 0 ? row : -2
        }
        for position in 0 ..< count {
            parent[position] = row(posts.parentPosts[position])
            let root = posts.rootPosts[position]
            link[position] = root >= 0 && root != posts.postIDs[position] ? row(root) : parent[position]
        }
        self.parent = parent
        self.link = link
    }

    /// Warns of the loops of ``link`` in `posts` (each loop named up to the examples kept) and
    /// counts the posts that run into one, for every command that reads posts.
    func reportLoops(of posts: PostTable, file: String, into diagnostics: inout Diagnostics) {
        let found = loops()
        guard found.postsReachingLoops > 0 else { return }
        let category = "posts whose links loop (no root: skipped by cascades)"
        for loop in found.loops.prefix(Diagnostics.examplesPerCategory) {
            let ids = (loop + [loop[0]]).map { "\"\(posts.postID(at: $0))\"" }.joined(separator: " → ")
            diagnostics.warn(category, file: file, "posts \(ids) point to each other through parent_post/root_post")
        }
        diagnostics.count(category, found.postsReachingLoops - min(found.loops.count, Diagnostics.examplesPerCategory))
    }

    /// The loops of ``link`` (`A → B → C → A`, each loop once, as post indices in link order) and
    /// the number of posts whose chain of links runs into one (the loops' own posts included):
    /// those posts have no root, so cascades skip them. O(posts).
    func loops() -> (loops: [[Int]], postsReachingLoops: Int) {
        // 0 unvisited, 1 on the chain being walked, 2 reaches a root or a missing post, 3 reaches a loop.
        var state = [UInt8](repeating: 0, count: link.count)
        var loops: [[Int]] = []
        var reaching = 0
        var chain: [Int] = []
        // Unchecked buffers: this walk over every post runs on the load's serial stretch.
        state.withUnsafeMutableBufferPointer { state in
            link.withUnsafeBufferPointer { link in
                for start in link.indices where state[start] == 0 {
                    chain.removeAll(keepingCapacity: true)
                    var current = start
                    var outcome: UInt8 = 2
                    while true {
                        if state[current] == 1 {
                            loops.append(Array(chain[chain.firstIndex(of: current)!...])) // safe: state 1 means on the chain
                            outcome = 3
                            break
                        }
                        if state[current] != 0 { outcome = state[current]; break }
                        state[current] = 1
                        chain.append(current)
                        let up = Int(link[current])
                        if up < 0 { break }
                        current = up
                    }
                    for member in chain { state[member] = outcome }
                    if outcome == 3 { reaching += chain.count }
                }
            }
        }
        return (loops, reaching)
    }
}

extension Dataset {
    /// The post links, from the load when the posts came through it, else resolved now.
    var resolvedPostLinks: PostLinks {
        if let postLinks, postLinks.parent.count == posts.count { return postLinks }
        return PostLinks(posts: posts)
    }

    /// The account index of each post's author (−1 for none), from the load when the posts came
    /// through it, else resolved now.
    public var postAuthorIndices: [Int32] {
        if let postAuthorAccounts, postAuthorAccounts.count == posts.count { return postAuthorAccounts }
        var accountOfString = [Int32](repeating: -2, count: posts.strings.count)
        return posts.authors.map { string in
            if accountOfString[Int(string)] == -2 { accountOfString[Int(string)] = index(ofAccount: posts.string(string)) ?? -1 }
            return accountOfString[Int(string)]
        }
    }
}
