/// The (account, platform, period) of each metrics row read so far, with its line, and the
/// length of period the first row used.
struct MetricsKeys {
    var lines: [String: Int] = [:]
    var periodLength: (name: String, line: Int)?
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

    /// Adds a metrics row decoded from `record`; throws when its account already has a row for
    /// that platform and period, which the index would otherwise count twice, and when its period
    /// is of another length than the first row's: the index compares each period with the one
    /// before it, and a quarter has no place among months (`2025-Q2` would sort after `2025-05`).
    mutating func add(metrics row: MetricsRow, decodedFrom record: some FieldSource, file: String, line: Int, seen: inout MetricsKeys) throws {
        let length = FieldParsing.periodLength(of: row.period)
        if let first = seen.periodLength, first.name != length {
            throw record.error("period", "\"\(row.period)\" is a \(length) but line \(first.line) made this file's periods \(first.name)s; give every row periods of one length")
        }
        if seen.periodLength == nil { seen.periodLength = (length, line) }
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
        // The parents stay as declared (exports write them back), but no hub is above a loop, so
        // the 1+N structure cannot place its accounts: the category says so.
        for loop in Self.parentLoops(parentOf, from: accounts.indices) {
            let ids = loop.map { accounts[$0].id }
            diagnostics.warn(
                "parent cycles (the 1+N structure cannot place them under a hub)", file: file,
                "accounts \((ids + [ids[0]]).map { "\"\($0)\"" }.joined(separator: " → ")) declare each other as parents"
            )
        }
    }

    /// The loops of a parent relation (`parentOf[i]` is `i`'s parent, −1 for none), each once, as
    /// the indices met walking up from the first of `starts` that reaches it. O(parentOf.count).
    static func parentLoops(_ parentOf: [Int32], from starts: some Sequence<Int>) -> [[Int]] {
        var loops: [[Int]] = []
        // 0 unvisited, 1 on the chain being walked, 2 done.
        var state = [UInt8](repeating: 0, count: parentOf.count)
        for start in starts where state[start] == 0 {
            var chain: [Int] = []
            var node = start
            while node >= 0 && state[node] == 0 {
                state[node] = 1
                chain.append(node)
                node = Int(parentOf[node])
            }
            if node >= 0 && state[node] == 1, let loopStart = chain.firstIndex(of: node) { loops.append(Array(chain[loopStart...])) }
            for member in chain { state[member] = 2 }
        }
        return loops
    }

    /// Adds posts, keeping the first of repeated post ids and adding unknown authors, and
    /// resolves the posts' links to indices once (``postLinks``).
    /// Reposts whose parent is not among the posts are counted under `outsideCategory`.
    mutating func add(
        posts incoming: [(post: Post, line: Int?)], file: String, hasAccountsTable: Bool,
        outsideCategory: String = "reposts of posts not in posts.csv"
    ) {
        var collector = PostCollector(file: file, capacity: incoming.count)
        for (post, line) in incoming { collector.add(post, line: line) }
        add(posts: collector, hasAccountsTable: hasAccountsTable, outsideCategory: outsideCategory)
    }

    /// Adds the posts a reader collected (repeated ids already dropped and counted), adding
    /// unknown authors, and resolves the posts' links and authors to indices once.
    /// Reposts whose parent is not among the posts are counted under `outsideCategory`.
    /// - Complexity: O(posts + distinct authors · id length): every id was interned when read.
    mutating func add(posts collector: PostCollector, hasAccountsTable: Bool, outsideCategory: String = "reposts of posts not in posts.csv") {
        let file = collector.file
        diagnostics = diagnostics.merging(collector.diagnostics)
        posts = collector.table
        let lines = collector.lines
        func line(_ row: Int) -> Int? { lines[row] > 0 ? Int(lines[row]) : nil }
        // Account of each author string, resolved once per distinct author (−2: not yet).
        var accountOfString = [Int32](repeating: -2, count: posts.strings.count)
        var authorAccounts = [Int32](repeating: -1, count: posts.count)
        for row in 0 ..< posts.count {
            let author = Int(posts.authors[row])
            if accountOfString[author] == -2 {
                accountOfString[author] = resolve(posts.string(Int32(author)), file: file, line: line(row), role: "author", warn: hasAccountsTable)
            }
            authorAccounts[row] = accountOfString[author]
        }
        postAuthorAccounts = authorAccounts
        let links = PostLinks(posts: posts)
        postLinks = links
        // Past the examples kept only the count changes, so no message is made for each of an IO
        // archive's million retweets of outside posts (a fifth of building its dataset).
        var beyondExamples = 0
        for row in 0 ..< posts.count where links.parent[row] == -2 {
            if beyondExamples > 0 || diagnostics.counts[outsideCategory, default: 0] >= Diagnostics.examplesPerCategory {
                beyondExamples += 1
                continue
            }
            diagnostics.warn(outsideCategory, file: file, line: line(row), "parent_post \"\(posts.string(posts.parentPosts[row]))\" of \"\(posts.postID(at: row))\" is not among the posts")
        }
        diagnostics.count(outsideCategory, beyondExamples)
        links.reportLoops(of: posts, file: file, into: &diagnostics)
    }

    /// Builds repost relations from posts: for each repost whose parent's author is known (the
    /// parent is among the posts, or the post names its `parent_author` though the parent is
    /// outside the data), an edge from that author to the reposter; weight = number of such
    /// reposts; first and last seen from their times. Self reposts and repeated reposts of one
    /// post by one account are counted and left out. `countingOnly` counts those warnings and
    /// builds no relations (for a command that reads only the posts: on 2.5 million posts the
    /// table took a seventh of `cascades`). `onlyReposts` (one flag per post) limits the reposts
    /// derived to the flagged posts, whose relations are added to those already held (which stay
    /// the dataset's own: ``relationsDerivedFromPosts`` is left as it is).
    mutating func deriveRelationsFromPosts(file: String, countingOnly: Bool = false, onlyReposts: [Bool]? = nil) {
        let links = resolvedPostLinks
        let authors = postAuthorIndices
        let posts = self.posts
        var table = onlyReposts == nil ? RelationTable() : relations
        var firstSeen: [Double] = []
        var lastSeen: [Double] = []
        var weights: [Double] = []
        var pairs: [(Int32, Int32)] = []
        // Account of each named parent author, resolved once per distinct id (−2: not yet).
        var accountOfString: [Int32] = []
        // Room for every repost at once: growing rehashes every key and holds both sizes meanwhile.
        var reposts = 0
        for position in 0 ..< posts.count where links.parent[position] >= 0 || posts.parentAuthors[position] >= 0 { reposts += 1 }
        // Row of each (source, target) pair, and the (parent, reposter) pairs seen.
        var pairRow = KeyNumbering(capacity: countingOnly ? 0 : reposts)
        var reposted = KeyNumbering(capacity: reposts)
        for position in 0 ..< posts.count where onlyReposts?[position] ?? true {
            if position % Self.touchBatch == 0 {
                touchSlots(from: position, links: links, authors: authors, accountOfString: accountOfString, reposted: reposted, pairs: countingOnly ? nil : pairRow)
            }
            var parent = Int(links.parent[position])
            let source: Int32
            if parent >= 0 {
                source = authors[parent]
            } else if posts.parentAuthors[position] >= 0 {
                let named = Int(posts.parentAuthors[position])
                if accountOfString.isEmpty { accountOfString = [Int32](repeating: -2, count: posts.strings.count) }
                if accountOfString[named] == -2 {
                    accountOfString[named] = resolve(posts.string(Int32(named)), file: file, line: nil, role: "parent_author", warn: false)
                }
                source = accountOfString[named]
                // Parents outside the data are keyed after the posts by their id's string index,
                // so one key space covers both; -1: no parent post named (a forward without the
                // original's id), never a repeat.
                let parentPost = posts.parentPosts[position]
                parent = parentPost >= 0 ? posts.count + Int(parentPost) : -1
            } else {
                continue
            }
            let target = authors[position]
            guard source >= 0, target >= 0 else { continue }
            if source == target {
                diagnostics.count("self reposts (not made relations)", 1)
                continue
            }
            guard parent < 0 || reposted.number(of: UInt64(parent) << 32 | UInt64(target)).isNew else {
                diagnostics.count("repeated reposts of one post by one account (counted once)", 1)
                continue
            }
            if countingOnly { continue }
            let time = posts.times[position]
            let (row, isNew) = pairRow.number(of: UInt64(source) << 32 | UInt64(target))
            if !isNew {
                weights[row] += 1
                firstSeen[row] = min(firstSeen[row], time)
                lastSeen[row] = max(lastSeen[row], time)
            } else {
                pairs.append((source, target))
                weights.append(1)
                firstSeen.append(time)
                lastSeen.append(time)
            }
        }
        table.reserveCapacity(pairs.count)
        for (row, pair) in pairs.enumerated() {
            table.append(Relation(source: pair.0, target: pair.1, type: .repost, weight: weights[row], firstSeen: firstSeen[row], lastSeen: lastSeen[row]))
        }
        guard !countingOnly else { return }
        relations = table
        if onlyReposts == nil { relationsDerivedFromPosts = true }
    }

    /// Reposts whose slots ``deriveRelationsFromPosts(file:countingOnly:onlyReposts:)`` fetches together.
    private static let touchBatch = 32

    /// Reads the slots that the lookups of the next ``touchBatch`` posts from `start` begin at,
    /// one read after another, so their cache misses overlap instead of each lookup waiting for
    /// its own (the two tables of 1.7 million reposts are 64 MB each). Keys whose parent author
    /// is not resolved yet are skipped; the lookups themselves are unchanged.
    private func touchSlots(from start: Int, links: PostLinks, authors: [Int32], accountOfString: [Int32], reposted: KeyNumbering, pairs: KeyNumbering?) {
        var touched: UInt64 = 0
        for position in start ..< min(start + Self.touchBatch, posts.count) {
            let target = authors[position]
            guard target >= 0 else { continue }
            var parent = Int(links.parent[position]), source: Int32 = -1
            if parent >= 0 {
                source = authors[parent]
            } else if posts.parentAuthors[position] >= 0, !accountOfString.isEmpty {
                source = accountOfString[Int(posts.parentAuthors[position])]
                let parentPost = posts.parentPosts[position]
                parent = parentPost >= 0 ? posts.count + Int(parentPost) : -1
            }
            guard source >= 0 else { continue }
            if parent >= 0 { touched &+= reposted.touch(UInt64(parent) << 32 | UInt64(target)) }
            if let pairs { touched &+= pairs.touch(UInt64(source) << 32 | UInt64(target)) }
        }
        IdentifierTable.keep(touched)
    }
}

/// Posts as a reader collects them: the first of repeated post ids kept (the others counted,
/// with their lines), and the line of each row kept for the warnings made once all are read.
struct PostCollector {
    /// The file named in warnings.
    let file: String
    var table = PostTable()
    /// The line of each row, 0 when unknown.
    var lines: [Int32] = []
    var diagnostics = Diagnostics()
    /// How many rows a second thread read (``PostsTableReader``), 0 when the file was read on one.
    var secondHalfRows = 0

    init(file: String, capacity: Int = 0, attributeColumns: [String] = []) {
        self.file = file
        reserveCapacity(capacity)
        for name in attributeColumns { _ = table.attributeColumn(named: name) }
    }

    mutating func reserveCapacity(_ capacity: Int) {
        table.reserveCapacity(capacity)
        lines.reserveCapacity(capacity)
    }

    /// Room for `rows` rows and `strings` strings of `stringBytes` bytes (see
    /// ``PostTable/reserveCapacity(rows:strings:stringBytes:)``).
    mutating func reserveCapacity(rows: Int, strings: Int, stringBytes: Int) {
        table.reserveCapacity(rows: rows, strings: strings, stringBytes: stringBytes)
        lines.reserveCapacity(rows)
    }

    var count: Int { table.count }

    /// Adds `post` read on `line`, unless its id was seen before.
    mutating func add(_ post: Post, line: Int?) {
        guard table.row(ofPostID: post.postID) == nil else {
            duplicate(post.postID, line: line)
            return
        }
        table.append(post)
        lines.append(Int32(clamping: line ?? 0))
    }

    /// Adds a row whose strings are interned in ``table``, unless its id was seen before.
    @inline(__always)
    mutating func add(_ row: PostTable.Row, attributes: [(column: Int, value: Int32)] = [], line: Int?) {
        guard table.row(ofString: row.postID) < 0 else {
            duplicate(table.string(row.postID), line: line)
            return
        }
        table.append(row, attributes: attributes)
        lines.append(Int32(clamping: line ?? 0))
    }

    /// Adds the rows of `later`, read from a later part of the same file into a table of its
    /// own, as if each had been added here in turn: its strings are interned in its order of first
    /// sight, so every string gets the index reading the file in one piece gives it, and its rows
    /// go through ``add(_:attributes:line:)-(PostTable.Row,_,_)`` (a repeated id is warned about
    /// and skipped). Warnings of `later` itself are not taken: the caller merges only a part without any.
    /// - Complexity: O(rows + distinct strings of `later`), one lookup per distinct string.
    mutating func append(contentsOf later: PostCollector) {
        append(contentsOf: later, mapping: table.intern(contentsOf: later.table.strings))
    }

    /// ``append(contentsOf:)`` giving up `later`'s strings while they are interned here, so they
    /// are not held while this table grows (`later` keeps only its rows).
    mutating func append(takingContentsOf later: inout PostCollector) {
        let index = table.intern(takingStringsOf: &later.table)
        append(contentsOf: later, mapping: index)
    }

    /// Adds the rows of `later`, whose string `i` is string `index[i]` here.
    private mutating func append(contentsOf later: PostCollector, mapping index: [Int32]) {
        let source = later.table
        // Without an id read before, the rows go in column by column (the part has no repeat of its own).
        if !source.postIDs.contains(where: { table.row(ofString: index[Int($0)]) >= 0 }) {
            table.append(rowsOf: source, mapping: index)
            lines += later.lines
            return
        }
        let attributeColumns = source.attributeColumns.map { table.attributeColumn(named: $0) }
        let attributeValues = source.attributeColumns.map { source.attributeColumn($0) ?? [] }
        func mapped(_ value: Int32) -> Int32 { value < 0 ? value : index[Int(value)] }
        func mapped(_ column: [Int32]?, _ row: Int) -> Int32 { column.map { mapped($0[row]) } ?? -1 }
        let platforms = source.platformColumn, hashes = source.contentHashColumn, urls = source.urlColumn
        let likes = source.likesColumn, comments = source.commentsColumn, shares = source.sharesColumn, views = source.viewsColumn
        var attributes: [(column: Int, value: Int32)] = []
        for row in 0 ..< source.count {
            var values = PostTable.Row(postID: mapped(source.postIDs[row]), author: mapped(source.authors[row]), time: source.times[row])
            values.parentPost = mapped(source.parentPosts[row])
            values.rootPost = mapped(source.rootPosts[row])
            values.parentAuthor = mapped(source.parentAuthors[row])
            values.platform = mapped(platforms, row)
            values.contentHash = mapped(hashes, row)
            values.url = mapped(urls, row)
            values.likes = likes?[row] ?? Int.min
            values.comments = comments?[row] ?? Int.min
            values.shares = shares?[row] ?? Int.min
            values.views = views?[row] ?? Int.min
            attributes.removeAll(keepingCapacity: true)
            for (column, values) in zip(attributeColumns, attributeValues) where values[row] >= 0 {
                attributes.append((column, mapped(values[row])))
            }
            add(values, attributes: attributes, line: Int(later.lines[row]))
        }
    }

    /// The warning category of a row whose post id an earlier row had (the row is skipped).
    static let duplicateCategory = "duplicate post ids (first kept)"

    private mutating func duplicate(_ id: String, line: Int?) {
        diagnostics.warn(Self.duplicateCategory, file: file, line: line, "post_id \"\(id)\" appears again; this row is skipped")
    }
}
