/// Choosing the relation types an analysis sees (`--relations repost,mention`), and deriving
/// `mention` relations from the mentions posts keep.
extension Dataset {
    /// Keeps only the relations whose type is in `types`. When `types` holds `mention` and the
    /// dataset has no mention relation yet, they are first derived from the posts' `mentions`
    /// (``deriveMentionRelations()``). The relations left out are counted in a reading note, not
    /// as warnings: the user asked for them to go.
    /// - Complexity: O(relations + posts + mentions).
    public mutating func selectRelations(_ types: Set<RelationType>) {
        if types.contains(.mention) && !relations.types.contains(.mention) { deriveMentionRelations() }
        var kept = RelationTable()
        kept.attributeColumns = relations.attributeColumns
        var dropped: [RelationType: Int] = [:]
        for row in 0 ..< relations.count {
            let type = relations.types[row]
            guard types.contains(type) else {
                dropped[type, default: 0] += 1
                continue
            }
            kept.append(relations[row], attributes: relations.attributeValues.isEmpty ? [] : relations.attributeValues[row])
        }
        let chosen = RelationType.allCases.filter(types.contains).map(\.rawValue).joined(separator: ", ")
        let left = RelationType.allCases.compactMap { type in dropped[type].map { "\($0) \(type.rawValue)" } }
        readingNotes.append(ReadingNote(topic: "relations", value: "\(chosen) (--relations)" + (left.isEmpty ? "" : "; left out: \(left.joined(separator: ", "))")))
        if !dropped.isEmpty {
            relations = kept
            // The relations are no longer what the posts give: writers must write them out.
            relationsDerivedFromPosts = false
        }
    }

    /// Adds `mention` relations derived from the posts' `mentions` field (the account ids a post
    /// mentions, separated by spaces, as every platform-export reader keeps them and as a
    /// `mentions` column of `posts.csv` gives them).
    ///
    /// For each post and each distinct account it mentions, an edge **mentioned → author**: the
    /// direction information flows, as for reposts (the mentioning account carries the mentioned
    /// one's name to its audience; SNAP's `MT` rows read with `--edge-direction
    /// reposter-to-author` and the sample's mention ties point the same way). Weight = number of
    /// posts of the author that mention the account; first and last seen from their times.
    /// Reposts are skipped: a repost's mentions are the original's (`RT @author: … @other`), and
    /// its flow is the repost relation already. Self mentions are counted and left out; a
    /// mentioned id that is not an account becomes one of kind `other`, counted. After this the relations are no longer derivable from reposts
    /// alone, so writers write them out.
    /// - Complexity: O(posts + mentions) time, O(distinct pairs) extra memory.
    public mutating func deriveMentionRelations() {
        var pairRow: [Int64: Int] = [:]
        var pairs: [(source: Int32, target: Int32, weight: Double, first: Double, last: Double)] = []
        var selfMentions = 0
        let before = accounts.count
        var repostsWithMentions = 0
        for post in posts {
            guard let text = post.attributes[ContentFields.mentions], let author = index(ofAccount: post.author) else { continue }
            guard post.parentPost == nil && post.parentAuthor == nil else {
                repostsWithMentions += 1
                continue
            }
            var seen = Set<Int32>()
            for item in text.split(separator: " ") {
                let mentioned = resolve(String(item), file: "", line: nil, role: "mention", warn: false)
                guard seen.insert(mentioned).inserted else { continue }
                guard mentioned != author else {
                    selfMentions += 1
                    continue
                }
                let key = Int64(mentioned) << 32 | Int64(author)
                if let row = pairRow[key] {
                    pairs[row].weight += 1
                    pairs[row].first = min(pairs[row].first, post.time)
                    pairs[row].last = max(pairs[row].last, post.time)
                } else {
                    pairRow[key] = pairs.count
                    pairs.append((mentioned, author, 1, post.time, post.time))
                }
            }
        }
        diagnostics.count("self mentions (not made relations)", selfMentions)
        diagnostics.count("reposts carrying the original's mentions (not made mention relations)", repostsWithMentions)
        diagnostics.count("accounts implied by mentions (kind other)", accounts.count - before)
        guard !pairs.isEmpty else { return }
        var table = relations
        table.reserveCapacity(table.count + pairs.count)
        for pair in pairs {
            table.append(Relation(source: pair.source, target: pair.target, type: .mention, weight: pair.weight, firstSeen: pair.first, lastSeen: pair.last))
        }
        relations = table
        relationsDerivedFromPosts = false
    }
}
