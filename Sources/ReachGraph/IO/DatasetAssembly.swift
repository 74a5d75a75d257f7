/// Checks that cross files: ids that must exist, duplicates, and relations derived from reposts.
extension Dataset {
    /// Warns about declared parents that are not accounts.
    mutating func checkParents(file: String) {
        for account in accounts {
            if let parent = account.parent, index(ofAccount: parent) == nil {
                diagnostics.warn("parents not in accounts (kept as declared)", file: file, "account \"\(account.id)\" declares parent \"\(parent)\", which is not an account")
            }
        }
    }

    /// Adds posts, keeping the first of repeated post ids and adding unknown authors, and
    /// resolves the posts' links to indices once (``postLinks``).
    mutating func add(posts incoming: [(post: Post, line: Int?)], file: String, hasAccountsTable: Bool) {
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
            diagnostics.warn("reposts of posts not in posts.csv", file: file, line: line, "parent_post \"\(post.parentPost ?? "")\" of \"\(post.postID)\" is not in posts.csv")
        }
        postLinks = PostLinks(posts: posts, ids: ids)
    }

    /// Builds repost relations from posts: for each repost whose parent is known, an edge from the
    /// parent's author to the reposter; weight = number of such reposts; first and last seen from
    /// their times. Self reposts and repeated reposts of one post by one account are counted and
    /// left out.
    mutating func deriveRelationsFromPosts(file: String) {
        let links = resolvedPostLinks
        var pairRow: [Int64: Int] = [:]
        var reposted = Set<Int64>()
        var table = RelationTable()
        var firstSeen: [Double] = []
        var lastSeen: [Double] = []
        var weights: [Double] = []
        var pairs: [(Int32, Int32)] = []
        for (position, post) in posts.enumerated() {
            let parent = Int(links.parent[position])
            guard parent >= 0 else { continue }
            guard let source = index(ofAccount: posts[parent].author), let target = index(ofAccount: post.author) else { continue }
            if source == target {
                diagnostics.count("self reposts (not made relations)", 1)
                continue
            }
            guard reposted.insert(Int64(parent) << 32 | Int64(target)).inserted else {
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
