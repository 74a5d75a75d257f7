import Foundation
import GRDB
import ReachGraph

/// What one ingest read and what it added.
public struct IngestReport: Sendable, Equatable {
    /// The provenance row's id; `nil` when the store already held every row (nothing was written).
    public var ingestID: Int64?
    public var source: String
    public var sha256: String
    public var period: String
    public var accountsRead = 0, accountsAdded = 0, accountsChanged = 0
    public var relationsRead = 0, relationsAdded = 0
    public var postsRead = 0, postsAdded = 0
    /// Metrics rows read; new keys; stored keys given a new version because a value changed.
    public var metricsRead = 0, metricsAdded = 0, metricsChanged = 0
    /// Whether the input was synthetic (``Dataset/isSynthetic``), recorded with the ingest.
    public var synthetic = false
    /// Whether the input had no relations and they are derived from posts when read back.
    public var relationsDerived = false
    public var warnings: [String: Int] = [:]
    /// How the input was read (format, zone of naive times, edge direction).
    public var readingNotes: [Dataset.ReadingNote] = []

    /// Whether the ingest found nothing new.
    public var changedNothing: Bool { ingestID == nil }
}

extension DatasetStore {
    /// Adds `dataset` to the store in one transaction and records where it came from.
    ///
    /// Keys make it idempotent: posts by (platform, post id), accounts by (platform, account id),
    /// metrics by (account, platform, period), relations by (source, target, relation, period,
    /// occurrence). Rows already present are left as they are; an account whose attributes
    /// differ from the version in effect at `period` gets a new version labelled `period`, and a
    /// metrics row whose values differ from the latest stored for its key gets a new version of
    /// this ingest (read back as the latest). When nothing is new the transaction is rolled back
    /// and the report says so.
    /// - Parameters:
    ///   - source: the input's path as given, kept for provenance with its `sha256`.
    ///   - period: the label of the collection (`2025-05`, a day or a year, as ``StoreSlice/init(period:)``
    ///     takes it), `""` for none.
    ///   - platform: the platform of rows that name none (accounts and posts), `nil` for none.
    ///   - again: store an input the store holds under another period, or read another way,
    ///     anyway (``checkNotHeldOtherwise(_:sha256:source:period:)`` refuses it otherwise).
    /// - Complexity: O(rows × log(rows in store)).
    public func ingest(
        _ dataset: Dataset, source: String, sha256: String, period: String = "", platform: String? = nil, again: Bool = false,
        now: Date = Date()
    ) throws -> IngestReport {
        try ingest(dataset, source: source, digest: .known(sha256), period: period, platform: platform, again: again, now: now)
    }

    /// ``ingest(_:source:sha256:period:platform:again:now:)`` with the input's SHA-256 still being
    /// computed by `digest` (``InputDigest``): it is waited for only once the rows are written,
    /// so hashing the file takes the second core while SQLite inserts on one (hashing beside the
    /// reading slowed the reading, which uses both). The check that the input is not held under
    /// another period or read another way then comes at the end of the transaction, which it
    /// rolls back: nothing is kept, after the time the inserts took.
    public func ingest(
        _ dataset: Dataset, source: String, digest: InputDigest, period: String = "", platform: String? = nil, again: Bool = false,
        now: Date = Date()
    ) throws -> IngestReport {
        try ingest(dataset, source: source, digest: .pending(digest), period: period, platform: platform, again: again, now: now)
    }

    /// An input's SHA-256, known or still being computed.
    private enum Digest {
        case known(String)
        case pending(InputDigest)
    }

    private func ingest(
        _ dataset: Dataset, source: String, digest: Digest, period: String, platform: String?, again: Bool, now: Date
    ) throws -> IngestReport {
        // The label is the one `--period` slices read this ingest's relations and account versions
        // by, so it must be one they take: `2025-5` would be stored and never read as May.
        if !period.isEmpty { _ = try StoreSlice(period: period) }
        var report = IngestReport(source: source, sha256: "", period: period)
        report.synthetic = dataset.isSynthetic
        do {
            try pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let guarded = !again && Self.storesRelations(dataset)
                    if case .known(let sha256) = digest, guarded {
                        try Self.checkNotHeldOtherwise(db, sha256: sha256, reading: dataset.relationReading, source: source, period: period)
                    }
                    let ingestID = try Self.insertIngest(db, dataset: dataset, source: source, period: period, platform: platform, now: now)
                    var writer = IngestWriter(db: db, ingestID: ingestID, period: period, platform: platform ?? "")
                    try writer.addAttributeColumns(of: dataset)
                    try writer.addAccounts(of: dataset, into: &report)
                    if dataset.relationsDerivedFromPosts {
                        report.relationsDerived = true
                    } else {
                        try writer.addRelations(of: dataset, into: &report)
                    }
                    try writer.addPosts(of: dataset, into: &report)
                    try writer.addMetrics(of: dataset, into: &report)
                    switch digest {
                    case .known(let sha256):
                        report.sha256 = sha256
                    case .pending(let pending):
                        report.sha256 = try pending.value()
                        if guarded {
                            try Self.checkNotHeldOtherwise(db, sha256: report.sha256, reading: dataset.relationReading, source: source, period: period)
                        }
                    }
                    let added = report.accountsAdded + report.accountsChanged + report.relationsAdded + report.postsAdded
                        + report.metricsAdded + report.metricsChanged
                    guard added > 0 || writer.addedColumns else { return .rollback }
                    report.warnings = dataset.diagnostics.counts
                    report.readingNotes = dataset.readingNotes
                    try Self.finishIngest(db, id: ingestID, report: report)
                    report.ingestID = ingestID
                    return .commit
                }
            }
        } catch let error as DatabaseError {
            throw InputError(file: path, message: "cannot write the store: \(error.message ?? "\(error.resultCode)")")
        }
        return report
    }

    /// Throws when an earlier ingest holds the input `sha256` in a way that would make ingesting
    /// `dataset` store its relations twice. Relations are keyed by their ingest's period and by
    /// their ends, so two cases:
    /// - **Another period** (none, `""`, counting as one), and none under `period` itself: one
    ///   collection has one period, and the same file under another label would store every
    ///   relation again and double the strengths of every reading of the whole store.
    /// - **The same period, read another way** (``Dataset/relationReading``: another edge
    ///   direction, a folder's key columns renamed otherwise, another format), and never read
    ///   this way: its relations would be stored again as read this time (reversed, or with
    ///   other ends).
    ///
    /// An input held as asked as well was stored so on purpose (`again`), and ingesting it so
    /// again is idempotent. Only inputs that store relations are checked
    /// (``storesRelations(_:)``), against earlier ingests that stored relations; an earlier
    /// ingest whose reading is unknown (made before schema v5, where its notes do not tell it)
    /// counts as read the same way.
    public func checkNotHeldOtherwise(_ dataset: Dataset, sha256: String, source: String, period: String) throws {
        guard Self.storesRelations(dataset) else { return }
        try reading { db in try Self.checkNotHeldOtherwise(db, sha256: sha256, reading: dataset.relationReading, source: source, period: period) }
    }

    /// Whether ingesting `dataset` stores relations, which are keyed by the ingest's period: a
    /// posts table's relations are derived when read back, and its posts are keyed by id alone,
    /// so the same posts under another period add nothing and need no guard.
    public static func storesRelations(_ dataset: Dataset) -> Bool {
        !dataset.relationsDerivedFromPosts && dataset.relations.count > 0
    }

    private static func checkNotHeldOtherwise(_ db: Database, sha256: String, reading: String, source: String, period: String) throws {
        let held = "the store already holds this input (sha256 \(sha256.prefix(12))…) as ingest #"
        // Only ingests that stored relations: the same file read before with none (all filtered
        // out by --relations, or a posts table) holds nothing that could count twice.
        let stored = "sha256 = ? AND relations_derived = 0 AND relations_read > 0"
        let heldHere = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM ingest WHERE \(stored) AND period = ?)", arguments: [sha256, period]) ?? false
        guard heldHere else {
            guard let earlier = try Row.fetchOne(
                db, sql: "SELECT id, period FROM ingest WHERE \(stored) AND period <> ? ORDER BY id LIMIT 1", arguments: [sha256, period]
            ) else { return }
            let id: Int64 = earlier[0], earlierPeriod: String = earlier[1]
            let under = period.isEmpty ? "without a period" : "under period \(period)"
            throw InputError(
                file: source,
                message: held + "\(id) (\(earlierPeriod.isEmpty ? "no period" : "period \(earlierPeriod)")); ingested again \(under) its relations would "
                    + "count twice. To add another period's collection, ingest its own export; to store this same file \(under) as well, add --again"
            )
        }
        let readHere = try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM ingest WHERE \(stored) AND period = ? AND reading IN ('', ?))", arguments: [sha256, period, reading]
        ) ?? false
        guard !reading.isEmpty, !readHere, let earlier = try Row.fetchOne(
            db, sql: "SELECT id, reading FROM ingest WHERE \(stored) AND period = ? ORDER BY id LIMIT 1", arguments: [sha256, period]
        ) else { return }
        let id: Int64 = earlier[0], earlierReading: String = earlier[1]
        throw InputError(
            file: source,
            message: held + "\(id), read as \(earlierReading); read now as \(reading), its relations would be stored again as read this time. "
                + "To ingest it again, read it as before; to store it read this way as well, add --again"
        )
    }

    /// The ingest's provenance row, its counts and SHA-256 set by ``finishIngest(_:id:report:)``.
    private static func insertIngest(
        _ db: Database, dataset: Dataset, source: String, period: String, platform: String?, now: Date
    ) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO ingest (source, sha256, format, period, platform, ingested_at, relations_derived, synthetic, reading,
                    accounts_read, accounts_added, accounts_changed, relations_read, relations_added,
                    posts_read, posts_added, metrics_read, metrics_added, metrics_changed)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
                """,
            arguments: [source, "", dataset.format.rawValue, period, platform ?? "",
                        iso8601String(fromUnixSeconds: now.timeIntervalSince1970.rounded(.down)), dataset.relationsDerivedFromPosts,
                        dataset.isSynthetic, dataset.relationReading]
        )
        return db.lastInsertedRowID
    }

    private static func finishIngest(_ db: Database, id: Int64, report: IngestReport) throws {
        try db.execute(
            sql: """
                UPDATE ingest SET sha256 = ?, accounts_read = ?, accounts_added = ?, accounts_changed = ?, relations_read = ?,
                    relations_added = ?, posts_read = ?, posts_added = ?, metrics_read = ?, metrics_added = ?, metrics_changed = ?
                WHERE id = ?
                """,
            arguments: [report.sha256, report.accountsRead, report.accountsAdded, report.accountsChanged, report.relationsRead, report.relationsAdded,
                        report.postsRead, report.postsAdded, report.metricsRead, report.metricsAdded, report.metricsChanged, id]
        )
        let note = try db.makeStatement(sql: "INSERT INTO ingest_note (ingest_id, position, topic, value) VALUES (?, ?, ?, ?)")
        for (position, reading) in report.readingNotes.enumerated() {
            try note.execute(arguments: [id, position, reading.topic, reading.value])
        }
        let warning = try db.makeStatement(sql: "INSERT INTO ingest_warning (ingest_id, category, count) VALUES (?, ?, ?)")
        for (category, count) in report.warnings.sorted(by: { $0.key < $1.key }) {
            try warning.execute(arguments: [id, category, count])
        }
    }
}

/// The writes of one ingest, inside its transaction.
private struct IngestWriter {
    let db: Database
    let ingestID: Int64
    let period: String
    let platform: String
    var addedColumns = false

    init(db: Database, ingestID: Int64, period: String, platform: String) {
        self.db = db
        self.ingestID = ingestID
        self.period = period
        self.platform = platform
    }

    mutating func addAttributeColumns(of dataset: Dataset) throws {
        let tables: [(String, [String])] = [
            ("account", dataset.accountAttributeColumns), ("relation", dataset.relations.attributeColumns),
            ("post", dataset.postAttributeColumns), ("metric", dataset.metricsAttributeColumns),
        ]
        for (table, names) in tables where !names.isEmpty {
            var next = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(position) + 1, 0) FROM attribute_column WHERE table_name = ?", arguments: [table]) ?? 0
            for name in names {
                try db.execute(sql: "INSERT INTO attribute_column (table_name, position, name) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", arguments: [table, next, name])
                if db.changesCount > 0 {
                    next += 1
                    addedColumns = true
                }
            }
        }
    }

    /// Adds the accounts the store does not hold, numbered on from its last `seq` in input order
    /// and inserted a hundred to a statement, then their versions and the changed versions of
    /// held accounts, in input order. A posts table implies an account per author (242k in 2.5M
    /// posts): inserted one by one, with a lookup of each new `seq`, they took about 0.5 s.
    mutating func addAccounts(of dataset: Dataset, into report: inout IngestReport) throws {
        var known: [AccountKey: (seq: Int64, declared: Bool)] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT seq, platform, id, declared FROM account") {
            known[AccountKey(platform: row[1], id: row[2])] = (row[0], row[3])
        }
        let versions = try AccountVersions(db)
        let ingestID = Int(ingestID), platform = platform
        let declare = try db.makeStatement(sql: "UPDATE account SET declared = 1 WHERE seq = ?")
        var nextSeq = (try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM account") ?? 0) + 1
        var added: [(seq: Int64, index: Int, declared: Bool)] = []
        var newVersions: [(seq: Int64, attributes: AccountAttributes)] = []
        // A dataset's account ids are unique, so no account of it is met twice here.
        for (index, account) in dataset.accounts.enumerated() {
            let declared = dataset.isDeclared(accountAt: index)
            if declared { report.accountsRead += 1 }
            let seq: Int64
            if !known.isEmpty, let existing = known[AccountKey(platform: account.platform ?? platform, id: account.id)] {
                seq = existing.seq
                if declared && !existing.declared {
                    try declare.execute(arguments: [seq])
                    report.accountsAdded += 1
                }
            } else {
                seq = nextSeq
                nextSeq += 1
                added.append((seq, index, declared))
                if declared { report.accountsAdded += 1 }
            }
            guard declared else { continue }
            let attributes = AccountAttributes(account)
            let current = versions.inEffect(for: seq, atPeriod: period)
            guard current != attributes else { continue }
            if current != nil { report.accountsChanged += 1 }
            newVersions.append((seq, attributes))
        }
        _ = try BatchedInsert.run(
            db, head: "INSERT INTO account (seq, platform, id, declared, first_ingest)", columns: 5, tail: "", rowCount: added.count
        ) { insert, row, first in
            let account = dataset.accounts[added[row].index]
            insert.bind(first, integer: Int(added[row].seq))
            insert.bind(first + 1, text: account.platform ?? platform)
            insert.bind(first + 2, text: account.id)
            insert.bind(first + 3, integer: added[row].declared ? 1 : 0)
            insert.bind(first + 4, integer: ingestID)
        }
        let period = period
        _ = try BatchedInsert.run(
            db,
            head: "INSERT INTO account_version (account_seq, period, ingest_id, name, kind, country, province, city, tier, followers, parent, attributes, entity)",
            columns: 13, tail: "", rowCount: newVersions.count
        ) { insert, row, first in
            let (seq, attributes) = newVersions[row]
            insert.bind(first, integer: Int(seq))
            insert.bind(first + 1, text: period)
            insert.bind(first + 2, integer: ingestID)
            insert.bind(first + 3, text: attributes.name)
            insert.bind(first + 4, text: attributes.kind)
            insert.bind(first + 5, text: attributes.country)
            insert.bind(first + 6, text: attributes.province)
            insert.bind(first + 7, text: attributes.city)
            insert.bind(first + 8, text: attributes.tier)
            insert.bind(first + 9, integer: attributes.followers)
            insert.bind(first + 10, text: attributes.parent)
            insert.bind(first + 11, text: attributes.attributes)
            insert.bind(first + 12, text: attributes.entity)
        }
    }

    mutating func addRelations(of dataset: Dataset, into report: inout IngestReport) throws {
        let relations = dataset.relations
        // A dataset's account ids are unique, so account indices stand for the ids in the key.
        var occurrences: [RelationKey: Int] = [:]
        let columns = relations.attributeColumns
        let ingestID = Int(ingestID), period = period
        report.relationsRead += relations.count
        report.relationsAdded += try BatchedInsert.run(
            db,
            head: "INSERT INTO relation (source, target, relation, period, occurrence, weight, first_seen, last_seen, attributes, ingest_id)",
            columns: 10, tail: "ON CONFLICT DO NOTHING", rowCount: relations.count
        ) { insert, row, first in
            let relation = relations[row]
            let key = RelationKey(source: relation.source, target: relation.target, type: relation.type)
            let occurrence = occurrences[key, default: 0]
            occurrences[key] = occurrence + 1
            var attributes: [String: String] = [:]
            if !columns.isEmpty {
                for (column, value) in zip(columns, relations.attributeValues[row]) where !value.isEmpty { attributes[column] = value }
            }
            insert.bind(first, text: dataset.accounts[Int(relation.source)].id)
            insert.bind(first + 1, text: dataset.accounts[Int(relation.target)].id)
            insert.bind(first + 2, text: relation.type.rawValue)
            insert.bind(first + 3, text: period)
            insert.bind(first + 4, integer: occurrence)
            insert.bind(first + 5, real: relation.weight)
            insert.bind(first + 6, real: relation.firstSeen)
            insert.bind(first + 7, real: relation.lastSeen)
            insert.bind(first + 8, text: AttributeText.encode(attributes))
            insert.bind(first + 9, integer: ingestID)
        }
    }

    /// Inserts the posts from the table's columns, binding each text value from its interned
    /// bytes: no `Post` or `String` per row.
    mutating func addPosts(of dataset: Dataset, into report: inout IngestReport) throws {
        let posts = dataset.posts
        let strings = posts.strings
        let platforms = posts.platformColumn, contentHashes = posts.contentHashColumn, urls = posts.urlColumn
        let likes = posts.likesColumn, comments = posts.commentsColumn, shares = posts.sharesColumn, views = posts.viewsColumn
        let hasAttributes = !posts.attributeColumns.isEmpty
        let ingestID = Int(ingestID), platform = platform
        // Text is bound from the pinned identifier table without SQLite copying it, and columns
        // the input lacks are not bound: both halve SQLite's work per value.
        report.postsAdded += try strings.withUnsafeUTF8 { strings in
            try BatchedInsert.run(
                db,
                head: """
                    INSERT INTO post (platform, post_id, author, time, parent_post, root_post, likes, comments, shares, views,
                        content_hash, url, attributes, ingest_id, parent_author)
                    """,
                columns: 15, tail: "ON CONFLICT DO NOTHING", rowCount: posts.count
            ) { insert, row, first in
                func bindText(_ column: CInt, _ index: Int32) {
                    if index >= 0 { insert.bind(first + column, unsafeText: strings[Int(index)]) } else { insert.bind(first + column, text: nil as String?) }
                }
                func bindText(_ column: CInt, _ values: [Int32]?) {
                    if let values { bindText(column, values[row]) }
                }
                func bindCount(_ column: CInt, _ values: [Int]?) {
                    guard let value = values?[row] else { return }
                    insert.bind(first + column, integer: value == Int.min ? nil : value)
                }
                if let index = platforms?[row], index >= 0 { bindText(0, index) } else { insert.bind(first, text: platform) }
                bindText(1, posts.postIDs[row])
                bindText(2, posts.authors[row])
                insert.bind(first + 3, real: posts.times[row])
                bindText(4, posts.parentPosts[row])
                bindText(5, posts.rootPosts[row])
                bindCount(6, likes)
                bindCount(7, comments)
                bindCount(8, shares)
                bindCount(9, views)
                bindText(10, contentHashes)
                bindText(11, urls)
                if hasAttributes { insert.bind(first + 12, text: AttributeText.encode(posts[row].attributes)) }
                insert.bind(first + 13, integer: ingestID)
                bindText(14, posts.parentAuthors[row])
            }
        }
        report.postsRead = posts.count
    }

    /// Inserts each metrics row whose key is new, or whose values differ from the latest version
    /// stored for its key (a new version of this ingest). Readers reject a repeated key within
    /// one input; a dataset built otherwise keeps its first row for the key.
    mutating func addMetrics(of dataset: Dataset, into report: inout IngestReport) throws {
        let latest = try db.makeStatement(sql: """
            SELECT posts, likes, comments, shares, views, followers, follower_gain, qualitative, attributes, ingest_id
            FROM metric WHERE account = ? AND platform = ? AND period = ? ORDER BY ingest_id DESC LIMIT 1
            """)
        let insert = try db.makeStatement(sql: """
            INSERT INTO metric (account, platform, period, posts, likes, comments, shares, views, followers, follower_gain,
                qualitative, attributes, ingest_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for row in dataset.metrics {
            let values = MetricValues(row)
            var isChange = false
            if let stored = try Row.fetchOne(latest, arguments: [row.account, row.platform, row.period]) {
                let storedIngest: Int64 = stored[9]
                guard storedIngest != ingestID, MetricValues(row: stored) != values else { continue }
                isChange = true
            }
            insert.setUncheckedArguments([
                row.account, row.platform, row.period, values.posts, values.likes, values.comments, values.shares, values.views,
                values.followers, values.followerGain, values.qualitative, values.attributes, ingestID,
            ])
            try insert.execute()
            if isChange { report.metricsChanged += 1 } else { report.metricsAdded += 1 }
        }
        report.metricsRead = dataset.metrics.count
    }
}

/// The values of a metrics row that are kept as versions: everything but its key.
private struct MetricValues: Equatable {
    var posts, likes, comments, shares, views, followers, followerGain: Int?
    var qualitative: Double?
    /// Extra columns as a JSON object, `nil` when there are none.
    var attributes: String?

    init(_ row: MetricsRow) {
        posts = row.posts
        likes = row.likes
        comments = row.comments
        shares = row.shares
        views = row.views
        followers = row.followers
        followerGain = row.followerGain
        qualitative = row.qualitative
        attributes = AttributeText.encode(row.attributes)
    }

    /// Reads columns `posts` … `attributes` of a stored row.
    init(row: Row) {
        posts = row[0]
        likes = row[1]
        comments = row[2]
        shares = row[3]
        views = row[4]
        followers = row[5]
        followerGain = row[6]
        qualitative = row[7]
        attributes = row[8]
    }
}

private struct AccountKey: Hashable {
    var platform: String
    var id: String
}

private struct RelationKey: Hashable {
    var source: Int32
    var target: Int32
    var type: RelationType
}
