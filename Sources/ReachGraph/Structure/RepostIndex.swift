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

    /// - Complexity: O(posts) expected (one dictionary lookup per id; chains are walked once).
    init(dataset: Dataset) {
        let posts = dataset.posts
        var index: [String: Int32] = [:]
        index.reserveCapacity(posts.count)
        for (position, post) in posts.enumerated() { index[post.postID] = Int32(position) }
        authors = posts.map { dataset.index(ofAccount: $0.author) ?? -1 }
        var parents = [Int32](repeating: -1, count: posts.count)
        var missing = [Bool](repeating: false, count: posts.count)
        var declaredRoots = [Int32](repeating: -1, count: posts.count)
        for (position, post) in posts.enumerated() {
            if let parent = post.parentPost {
                if let found = index[parent], Int(found) != position { parents[position] = found } else { missing[position] = true }
            }
            if let root = post.rootPost, let found = index[root] { declaredRoots[position] = found }
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
        times = posts.map(\.time)
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
