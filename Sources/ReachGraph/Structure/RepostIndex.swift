/// The posts of a dataset with their links resolved to indices: author, reposted post, cascade root.
struct RepostIndex {
    /// Account index of each post's author.
    let authors: [Int32]
    /// Index of the post each post reposts, or -1 (an original, or a parent not in the dataset).
    let parents: [Int32]
    /// Index of each post's cascade root: `root_post` when given and present, else the top of its
    /// parent chain (itself for an original).
    let roots: [Int32]
    /// Unix seconds.
    let times: [Double]
    /// Whether a post names a parent that is not in the dataset.
    let parentMissing: [Bool]
    /// The number of accounts of the dataset.
    let accountCount: Int

    /// - Complexity: O(posts): ids were resolved to indices when the posts were read.
    init(dataset: Dataset) {
        let posts = dataset.posts
        let links = dataset.resolvedPostLinks
        authors = dataset.postAuthorIndices
        var parents = [Int32](repeating: -1, count: posts.count)
        var missing = [Bool](repeating: false, count: posts.count)
        var declaredRoots = [Int32](repeating: -1, count: posts.count)
        for position in 0 ..< posts.count {
            if posts.parentPosts[position] >= 0 {
                let found = links.parent[position]
                if found >= 0 && Int(found) != position { parents[position] = found } else { missing[position] = true }
            }
            if posts.rootPosts[position] >= 0 { declaredRoots[position] = max(posts.row(ofString: posts.rootPosts[position]), -1) }
        }
        // Roots: the declared one, else climb parents; a visit stamp stops at cycles.
        var roots = [Int32](repeating: -1, count: posts.count)
        var stamp = [Int](repeating: -1, count: posts.count)
        var path: [Int32] = []
        for start in 0 ..< posts.count where roots[start] < 0 {
            path.removeAll(keepingCapacity: true)
            var current = Int32(start)
            var root: Int32 = -1
            while true {
                let node = Int(current)
                if roots[node] >= 0 { root = roots[node]; break }
                if declaredRoots[node] >= 0 { root = declaredRoots[node]; path.append(current); break }
                if stamp[node] == start || parents[node] < 0 { root = current; path.append(current); break }
                stamp[node] = start
                path.append(current)
                current = parents[node]
            }
            for node in path { roots[Int(node)] = root }
        }
        self.parents = parents
        self.roots = roots
        times = posts.times
        parentMissing = missing
        accountCount = dataset.accounts.count
    }

    /// A flag per account, set for `accounts`.
    func accountFlags(_ accounts: some Sequence<Int32>) -> [Bool] {
        var flags = [Bool](repeating: false, count: accountCount)
        for account in accounts { flags[Int(account)] = true }
        return flags
    }

    var count: Int { authors.count }
}
