/// What a platform-export adapter collects before it becomes a ``Dataset``: accounts with the
/// profile fields the export carries, posts with their parents (inside or outside the data) and
/// any ties the export states directly (replies, quotes, edge-list rows).
///
/// Every adapter ends here, so the rules are the same for all of them: the first sighting of an
/// account fills its fields and later sightings fill only what is still missing; repost relations
/// are derived from the posts exactly as for `posts.csv` (author of the parent → reposter, the
/// parent's author taken from `parent_author` when the parent itself is not in the data); times
/// before 2000 or after next year are kept and counted.
struct PlatformExport {
    let format: Dataset.Format
    /// The file name used in warnings.
    var file: String
    var accounts: [Account] = []
    private var accountPositions: [String: Int] = [:]
    var posts: PostCollector
    /// Ties the export states directly, by account id.
    var ties: [(source: String, target: String, type: RelationType, weight: Double, time: Double?)] = []
    var diagnostics = Diagnostics()
    var notes: [Dataset.ReadingNote] = []
    /// Post attribute names in the order writers should put them.
    var postAttributeColumns: [String] = []
    /// Account attribute names in the order writers should put them.
    var accountAttributeColumns: [String] = []
    private let plausible = TimestampReader.plausibleRange()
    private var implausibleTimes = 0

    init(format: Dataset.Format, file: String) {
        self.format = format
        self.file = file
        posts = PostCollector(file: file)
    }

    /// The post attribute names for export columns kept as they are. A column named like one of
    /// the posts' own fields (`url`, `parent_author`, …) or like an attribute the reader fills
    /// (`reserved`) would be written twice in one row of posts.csv or the posts' JSON, so it is
    /// kept as `export_NAME` (prefixed again while that is taken too) and a reading note says so.
    mutating func keptColumnNames(_ columns: [String], besides reserved: [String]) -> [String] {
        var taken = Set(Columns.postKnown + reserved + columns)
        var renamed: [String] = []
        let names = columns.map { column in
            guard Columns.postKnown.contains(column) || reserved.contains(column) else { return column }
            var name = "export_" + column
            while taken.contains(name) { name = "export_" + name }
            taken.insert(name)
            renamed.append("\(column) as \(name)")
            return name
        }
        if !renamed.isEmpty {
            notes.append(Dataset.ReadingNote(topic: "columns renamed (named like a post field)", value: renamed.joined(separator: ", ")))
        }
        return names
    }

    /// Records an account, or fills the fields still missing on one already seen; returns its
    /// position in ``accounts``.
    @discardableResult
    mutating func account(_ account: Account) -> Int {
        guard let position = accountPositions[account.id] else {
            accountPositions[account.id] = accounts.count
            accounts.append(account)
            return accounts.count - 1
        }
        var known = accounts[position]
        known.name = known.name ?? account.name
        known.platform = known.platform ?? account.platform
        known.country = known.country ?? account.country
        known.followers = known.followers ?? account.followers
        if known.kind == .other { known.kind = account.kind }
        for (key, value) in account.attributes where known.attributes[key] == nil { known.attributes[key] = value }
        accounts[position] = known
        return position
    }

    /// Whether an account with `id` has been recorded.
    func hasAccount(_ id: String) -> Bool { accountPositions[id] != nil }

    /// Records a post read on `line` (the author must be recorded as an account too).
    mutating func add(_ post: Post, line: Int?) {
        checkTime(post.time, line: line, what: "post \"\(post.postID)\"")
        posts.add(post, line: line)
    }

    /// Records a post whose strings are interned in ``posts``' table, read on `line`.
    mutating func add(_ post: PostTable.Row, attributes: [(column: Int, value: Int32)], line: Int?) {
        if !plausible.contains(post.time) {
            let id = posts.table.string(post.postID)
            checkTime(post.time, line: line, what: "post \"\(id)\"")
        }
        posts.add(post, attributes: attributes, line: line)
    }

    /// Records a tie the export states directly.
    mutating func tie(from source: String, to target: String, type: RelationType, weight: Double = 1, time: Double? = nil, line: Int?) {
        if let time { checkTime(time, line: line, what: "\(type.rawValue) \(source) → \(target)") }
        ties.append((source, target, type, weight, time))
    }

    /// Counts a reply to, or a quote of, the account's own post: as a self repost, it makes no
    /// relation (it would be a loop), and it is said rather than dropped.
    mutating func countSelfTie(_ type: RelationType) {
        diagnostics.count("self \(type == .reply ? "replies" : "\(type.rawValue)s") (not made relations)", 1)
    }

    private mutating func checkTime(_ time: Double, line: Int?, what: @autoclosure () -> String) {
        guard !plausible.contains(time) else { return }
        diagnostics.warn(
            "times before 2000 or after next year (kept)", file: file, line: line,
            "\(what()) is dated \(iso8601String(fromUnixSeconds: time)); check the unit or the zone"
        )
    }

    /// The dataset: accounts, posts, repost relations derived from the posts, then the stated ties.
    func dataset(name: String) -> Dataset {
        var dataset = Dataset(name: name, format: format)
        dataset.diagnostics = diagnostics
        dataset.readingNotes = notes
        dataset.accountAttributeColumns = accountAttributeColumns
        dataset.postAttributeColumns = postAttributeColumns
        for account in accounts { dataset.appendAccount(account) }
        dataset.add(posts: posts, hasAccountsTable: false, outsideCategory: "reposts of posts outside the data (parent kept as an external id)")
        dataset.deriveRelationsFromPosts(file: file)
        var relations = dataset.relations
        for tie in ties {
            let source = dataset.resolve(tie.source, file: file, line: nil, role: "source", warn: false)
            let target = dataset.resolve(tie.target, file: file, line: nil, role: "target", warn: false)
            relations.append(Relation(source: source, target: target, type: tie.type, weight: tie.weight, firstSeen: tie.time, lastSeen: tie.time))
        }
        dataset.relations = relations
        // Stated ties (replies, quotes, edge-list rows) cannot be derived again from the posts, so
        // with any of them writers and the store must keep the relations themselves.
        dataset.relationsDerivedFromPosts = posts.count > 0 && ties.isEmpty
        return dataset
    }
}

extension Dataset {
    /// Appends an account the export describes (its id known to be new) as declared, so the store
    /// keeps its profile fields (name, platform, followers) as it keeps an `accounts.csv` row's.
    mutating func appendAccount(_ account: Account) {
        declaredAccountIndices.append(accountIndex.intern(account.id))
        accounts.append(account)
    }
}
