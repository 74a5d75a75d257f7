/// Builds a ``Dataset`` from rows that were read elsewhere (a store, another program) through the
/// same steps, in the same order, as the folder reader: declared accounts and their parents, then
/// relations (unknown ids become accounts of kind `other`), then posts (repeated ids dropped,
/// relations derived from reposts when no relation was given), then metrics.
///
/// Rows given in a folder's file order therefore give a dataset equal to the folder's, with the
/// same account indices and the same warnings. Warnings name `file` as their source.
public struct DatasetAssembler {
    private var dataset: Dataset
    private let file: String
    private var hasAccountsTable = false
    private var relations = RelationTable()
    private var hasRelations = false
    private var accountsFinished = false

    /// Starts an empty dataset called `name`; warnings will name `file`.
    public init(name: String, format: Dataset.Format, file: String) {
        dataset = Dataset(name: name, format: format)
        self.file = file
    }

    /// Extra columns of each table, in the order writers should put them back.
    public mutating func setAttributeColumns(accounts: [String], relations: [String], posts: [String], metrics: [String]) {
        dataset.accountAttributeColumns = accounts
        self.relations.attributeColumns = relations
        dataset.postAttributeColumns = posts
        dataset.metricsAttributeColumns = metrics
    }

    /// Adds an account declared by an accounts table; throws when its id is already taken.
    public mutating func addDeclared(_ account: Account) throws {
        precondition(!accountsFinished, "accounts come before relations, posts and metrics")
        hasAccountsTable = true
        try dataset.add(account, file: file, line: nil)
    }

    private mutating func finishAccounts() {
        guard !accountsFinished else { return }
        accountsFinished = true
        if hasAccountsTable { dataset.checkParents(file: file) }
    }

    /// Adds a relation between account ids; `attributes` are the values of the relation attribute columns.
    public mutating func addRelation(
        source: String, target: String, type: RelationType, weight: Double, firstSeen: Double?, lastSeen: Double?, attributes: [String] = []
    ) {
        finishAccounts()
        hasRelations = true
        let sourceIndex = dataset.resolve(source, file: file, line: nil, role: "source", warn: hasAccountsTable)
        let targetIndex = dataset.resolve(target, file: file, line: nil, role: "target", warn: hasAccountsTable)
        relations.append(
            Relation(source: sourceIndex, target: targetIndex, type: type, weight: weight, firstSeen: firstSeen, lastSeen: lastSeen),
            attributes: attributes
        )
    }

    /// Adds every post at once (after all relations); derives repost relations when no relation
    /// was added. Posts dated before 2000 or after next year are counted, as the readers count them.
    public mutating func add(posts: [Post]) {
        finishAccounts()
        let times = DatasetTimes(zone: nil)
        for post in posts { times.checkPlausible(post, file: file, line: nil, into: &dataset.diagnostics) }
        dataset.relations = relations
        dataset.add(posts: posts.map { ($0, nil) }, file: file, hasAccountsTable: hasAccountsTable)
        if !hasRelations && !posts.isEmpty { dataset.deriveRelationsFromPosts(file: file) }
        relations = dataset.relations
    }

    /// An empty set of posts for ``add(posts:)-(PostRows)``, whose warnings name this assembler's file.
    public func makePostRows(capacity: Int = 0) -> PostRows {
        PostRows(collector: PostCollector(file: file, capacity: capacity))
    }

    /// Adds every post at once (after all relations), as ``add(posts:)-([Post])`` does. With
    /// relations added, `derivable` (one flag per post, in order) names the posts whose reposts
    /// are derived beside them: a store's posts of inputs that derived their relations.
    public mutating func add(posts rows: PostRows, derivingRepostsOf derivable: [Bool]? = nil) {
        finishAccounts()
        dataset.relations = relations
        let count = rows.collector.count
        dataset.add(posts: rows.collector, hasAccountsTable: hasAccountsTable)
        if !hasRelations && count > 0 {
            dataset.deriveRelationsFromPosts(file: file)
        } else if let derivable, derivable.contains(true) {
            dataset.deriveRelationsFromPosts(file: file, onlyReposts: derivable)
        }
        relations = dataset.relations
    }

    /// Adds a metrics row (after posts).
    public mutating func add(metrics row: MetricsRow) {
        finishAccounts()
        if hasAccountsTable && dataset.index(ofAccount: row.account) == nil {
            dataset.diagnostics.warn("metrics rows for unknown accounts (kept)", file: file, "account \"\(row.account)\" is not in accounts.csv")
        }
        dataset.metrics.append(row)
    }

    /// Adds a fact about how the rows were read, shown by `summary`.
    public mutating func addReadingNote(_ note: Dataset.ReadingNote) {
        dataset.readingNotes.append(note)
    }

    /// Counts `count` warnings of `category` noticed by the caller.
    public mutating func countWarning(_ category: String, _ count: Int) {
        dataset.diagnostics.count(category, count)
    }

    /// The assembled dataset.
    public mutating func finish() -> Dataset {
        finishAccounts()
        dataset.relations = relations
        if !hasAccountsTable {
            dataset.diagnostics.count("accounts implied by ids (no accounts.csv)", dataset.accounts.count)
        }
        return dataset
    }
}

/// Posts handed over as UTF-8 bytes and interned as they come, for readers of millions of posts
/// (a store): building a ``Post`` with its strings per row cost more than reading the row.
/// Repeated post ids keep the first, as ``DatasetAssembler/add(posts:)-([Post])`` does.
public struct PostRows {
    var collector: PostCollector

    /// The string index of `bytes`; `nil` when they are not valid UTF-8.
    @inline(__always)
    public mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        collector.table.intern(bytes)
    }

    /// The number of the post attribute column `name`, added when new.
    public mutating func attributeColumn(named name: String) -> Int {
        collector.table.attributeColumn(named: name)
    }

    /// Adds a post whose text values are string indices from ``intern(_:)`` (−1: none); counts
    /// are `nil` when missing; `attributes` pairs ``attributeColumn(named:)`` numbers with values.
    @inline(__always)
    public mutating func add(
        postID: Int32, author: Int32, time: Double, parentPost: Int32, rootPost: Int32, parentAuthor: Int32, platform: Int32,
        likes: Int?, comments: Int?, shares: Int?, views: Int?, contentHash: Int32, url: Int32,
        attributes: [(column: Int, value: Int32)] = []
    ) {
        var row = PostTable.Row(postID: postID, author: author, time: time)
        row.parentPost = parentPost
        row.rootPost = rootPost
        row.parentAuthor = parentAuthor
        row.platform = platform
        row.contentHash = contentHash
        row.url = url
        row.likes = likes ?? Int.min
        row.comments = comments ?? Int.min
        row.shares = shares ?? Int.min
        row.views = views ?? Int.min
        collector.add(row, attributes: attributes, line: nil)
    }
}
