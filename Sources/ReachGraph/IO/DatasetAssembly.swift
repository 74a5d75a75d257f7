/// The (account, platform, period) of each metrics row read so far, with its line.
struct MetricsKeys {
    var lines: [String: Int] = [:]
}

/// Checks that cross files: ids that must exist, duplicates, and relations derived from reposts.
extension Dataset {
    /// Decodes and adds an accounts row; with `kinds` (`--kinds`) its kind comes from the mapping
    /// (``KindMapping/kind(ofRow:)``) and a row left as `other` is counted, with its line.
    mutating func addAccount(decoding row: inout some FieldSource, kinds: KindMapping?, file: String, line: Int) throws {
        guard let kinds else {
            try add(try Account(decoding: &row), file: file, line: line)
            return
        }
        let kind = try kinds.kind(ofRow: &row)
        let account = try Account(decoding: &row, kind: kind ?? .other)
        if kind == nil {
            let value = try row.trimmedText(kinds.column).map { "\"\($0)\"" } ?? "empty"
            diagnostics.warn(kinds.unmappedCategory, file: file, line: line, "account \"\(account.id)\": \(kinds.column) \(value) is not in --kinds; kind other")
        }
        try add(account, file: file, line: line)
    }

    /// Adds a metrics row; throws when its account already has a row for that platform and
    /// period, which the index would otherwise count twice.
    mutating func add(metrics row: MetricsRow, file: String, line: Int, seen: inout MetricsKeys) throws {
        let key = "\(row.account)\u{1F}\(row.platform)\u{1F}\(row.period)"
        if let first = seen.lines[key] {
            throw InputError(file: file, line: line, message: "account \"\(row.account)\" has a second row for \(row.platform) in \(row.period) (first on line \(first))")
        }
        seen.lines[key] = line
        metrics.append(row)
    }

    /// Warns about declared parents that are not accounts, and about parent chains that loop
    /// (`a → b → a`), once per loop, naming its accounts. O(accounts).
    mutating func checkParents(file: String) {
        var parentOf = [Int32](repeating: -1, count: accounts.count)
        for (position, account) in accounts.enumerated() {
            guard let parent = account.parent else { continue }
            if let index = index(ofAccount: parent) {
                parentOf[position] = index
            } else {
                diagnostics.warn("parents not in accounts (kept as declared)", file: file, "account \"\(account.id)\" declares parent \"\(parent)\", which is not an account")
            }
        }
        // 0 unvisited, 1 on the chain being walked, 2 done.
        var state = [UInt8](repeating: 0, count: accounts.count)
        for start in accounts.indices where state[start] == 0 {
            var chain: [Int] = []
            var node = start
            while node >= 0 && state[node] == 0 {
                state[node] = 1
                chain.append(node)
                node = Int(parentOf[node])
            }
            if node >= 0 && state[node] == 1, let loopStart = chain.firstIndex(of: node) {
                let loop = chain[loopStart...].map { accounts[$0].id }
                diagnostics.warn("parent cycles (kept as declared)", file: file, "accounts \((loop + [loop[0]]).map { "\"\($0)\"" }.joined(separator: " → ")) declare each other as parents")
            }
            for member in chain { state[member] = 2 }
        }
    }

    /// Adds posts, keeping the first of repeated post ids and adding unknown authors, and
    /// resolves the posts' links to indices once (``postLinks``).
    /// Reposts whose parent is not among the posts are counted under `outsideCategory`.
    mutating func add(
        posts incoming: [(post: Post, line: Int?)], file: String, hasAccountsTable: Bool,
        outsideCategory: String = "reposts of posts not in posts.csv"
    ) {
        var ids = IdentifierTable(capacity: incoming.count)
        posts.reserveCapacity(incoming.count)
        for (post, line) in incoming {
            let before = ids.count
            guard Int(ids.intern(post.postID)) == before else {
                diagnostics.warn("duplicate post ids (first kept)", file: file, line: line, "post_id \"\(post.postID)\" appears again; this row is skipped")
                continue
            }
            _ = resolve(post.author, file: file, line: line, role: "author", warn: hasAccountsTable)
            posts.append(post)
        }
        for (post, line) in incoming where post.parentPost.map({ ids.index(of: $0) == nil }) ?? false {
            diagnostics.warn(outsideCategory, file: file, line: line, "parent_post \"\(post.parentPost ?? "")\" of \"\(post.postID)\" is not among the posts")
        }
        let links = PostLinks(posts: posts, ids: ids)
        postLinks = links
        let found = links.loops()
        if found.postsReachingLoops > 0 {
            let category = "posts whose links loop (no root: skipped by cascades)"
            for loop in found.loops.prefix(Diagnostics.examplesPerCategory) {
                let ids = (loop + [loop[0]]).map { "\"\(posts[$0].postID)\"" }.joined(separator: " → ")
                diagnostics.warn(category, file: file, "posts \(ids) point to each other through parent_post/root_post")
            }
            diagnostics.count(category, found.postsReachingLoops - min(found.loops.count, Diagnostics.examplesPerCategory))
        }
    }

    /// Builds repost relations from posts: for each repost whose parent's author is known (the
    /// parent is among the posts, or the post names its `parent_author` though the parent is
    /// outside the data), an edge from that author to the reposter; weight = number of such
    /// reposts; first and last seen from their times. Self reposts and repeated reposts of one
    /// post by one account are counted and left out.
    mutating func deriveRelationsFromPosts(file: String) {
        let links = resolvedPostLinks
        var pairRow: [Int64: Int] = [:]
        var reposted = Set<Int64>()
        // Parents outside the data, numbered after the posts so one key space covers both.
        var outsideParents = IdentifierTable()
        var table = RelationTable()
        var firstSeen: [Double] = []
        var lastSeen: [Double] = []
        var weights: [Double] = []
        var pairs: [(Int32, Int32)] = []
        for (position, post) in posts.enumerated() {
            var parent = Int(links.parent[position])
            let parentAuthor: String
            if parent >= 0 {
                parentAuthor = posts[parent].author
            } else if let named = post.parentAuthor {
                parentAuthor = named
                // -1: no parent post named (a forward without the original's id): never a repeat.
                parent = post.parentPost.map { posts.count + Int(outsideParents.intern($0)) } ?? -1
            } else {
                continue
            }
            let source = resolve(parentAuthor, file: file, line: nil, role: "parent_author", warn: false)
            guard let target = index(ofAccount: post.author) else { continue }
            if source == target {
                diagnostics.count("self reposts (not made relations)", 1)
                continue
            }
            guard parent < 0 || reposted.insert(Int64(parent) << 32 | Int64(target)).inserted else {
                diagnostics.count("repeated reposts of one post by one account (counted once)", 1)
                continue
            }
            let key = Int64(source) << 32 | Int64(target)
            if let row = pairRow[key] {
                weights[row] += 1
                firstSeen[row] = min(firstSeen[row], post.time)
                lastSeen[row] = max(lastSeen[row], post.time)
            } else {
                pairRow[key] = pairs.count
                pairs.append((source, target))
                weights.append(1)
                firstSeen.append(post.time)
                lastSeen.append(post.time)
            }
        }
        table.reserveCapacity(pairs.count)
        for (row, pair) in pairs.enumerated() {
            table.append(Relation(source: pair.0, target: pair.1, type: .repost, weight: weights[row], firstSeen: firstSeen[row], lastSeen: lastSeen[row]))
        }
        relations = table
        relationsDerivedFromPosts = true
    }
}
