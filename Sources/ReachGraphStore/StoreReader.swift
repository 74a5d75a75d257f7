import GRDB
import ReachGraph

extension DatasetStore {
    /// Reads a slice of the store as a dataset, through the same assembly steps as a folder: rows
    /// come back in the order they were ingested, so a store holding one folder gives that
    /// folder's dataset, account indices and warnings included.
    ///
    /// Accounts with one id on several platforms are read once (the first ingested) and counted as
    /// a warning, since a dataset's account ids are unique.
    ///
    /// A slice that holds no post, metrics row or stored relation is refused, listing the
    /// ``periods()`` the store holds: read, it would rank every account tied at nothing.
    /// - Complexity: O(rows in the store + versions) with one pass per table, in one read snapshot.
    public func load(_ slice: StoreSlice = .everything) throws -> Dataset {
        let dataset = try reading { db in
            var assembler = DatasetAssembler(name: path, format: .store, file: path.split(separator: "/").last.map(String.init) ?? path)
            var columns: [String: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT table_name, name FROM attribute_column ORDER BY table_name, position") {
                columns[row[0], default: []].append(row[1])
            }
            assembler.setAttributeColumns(
                accounts: columns["account"] ?? [], relations: columns["relation"] ?? [], posts: columns["post"] ?? [], metrics: columns["metric"] ?? []
            )
            assembler.addReadingNote(Dataset.ReadingNote(topic: "input format", value: "store (\(slice.description))"))
            var notes: [Dataset.ReadingNote] = []
            for row in try Row.fetchAll(db, sql: "SELECT topic, value FROM ingest_note WHERE topic <> 'input format' ORDER BY ingest_id, position") {
                let note = Dataset.ReadingNote(topic: row[0], value: row[1])
                if !notes.contains(note) { notes.append(note) }
            }
            notes.forEach { assembler.addReadingNote($0) }
            // Posts are interned on a second thread while the accounts and relations are read.
            let posts = try readPosts(db, slice: slice, into: assembler)
            try addAccounts(db, slice: slice, to: &assembler)
            let storedRelations = try addRelations(db, slice: slice, columns: columns["relation"] ?? [], to: &assembler)
            // Stored relations are read as they are; beside them, the posts of inputs whose
            // relations were derived from posts (a platform export ingested beside an edge list)
            // have their reposts derived again, as they were when read alone. Without stored
            // relations every repost is derived.
            var derivable: [Bool]?
            if storedRelations {
                let derived = Set(try Int64.fetchAll(db, sql: "SELECT id FROM ingest WHERE relations_derived = 1"))
                if !derived.isEmpty { derivable = posts.ingestIDs.map(derived.contains) }
            }
            assembler.add(posts: posts.wait(), derivingRepostsOf: derivable)
            try addMetrics(db, slice: slice, to: &assembler)
            var dataset = assembler.finish()
            dataset.isSynthetic = try Self.holdsSyntheticData(db)
            return dataset
        }
        guard slice.isEverything || !dataset.posts.isEmpty || !dataset.metrics.isEmpty || dataset.relations.count > 0 else {
            let held = try periods()
            throw InputError(
                file: slice.period == nil ? "--from/--to" : "--period",
                message: "the store holds nothing \(slice.period.map { "for \"\($0)\"" } ?? slice.description) (no post, metrics row or relation); "
                    + "available periods: \(held.isEmpty ? "none" : held.joined(separator: ", "))"
            )
        }
        return dataset
    }

    /// Whether any ingest was of synthetic data. Synthetic rows among observed ones make every
    /// number partly synthetic, and every slice holds every ingest's accounts: one synthetic
    /// ingest marks the whole store, its slices, trends and charts.
    public func holdsSyntheticData() throws -> Bool {
        try reading { db in try Self.holdsSyntheticData(db) }
    }

    private static func holdsSyntheticData(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM ingest WHERE synthetic = 1)") ?? false
    }

    /// The periods a `--period` slice finds something in: the ``months()`` (with posts, or month
    /// labels on metrics rows or relations), and the labels of ingests that stored relations (a
    /// slice of the label reads them, a day or a year too), in order.
    public func periods() throws -> [String] {
        let labels = try reading { db in try String.fetchAll(db, sql: "SELECT DISTINCT period FROM ingest WHERE period <> '' AND relations_added > 0") }
        return Set(try months() + labels.filter { StoreSlice.window(ofPeriod: $0) != nil }).sorted()
    }

    /// Reads every declared account with its versions in one join, in `seq` order, keeping the
    /// version in effect at the slice's end; ids are checked for repeats by interning their bytes.
    private func addAccounts(_ db: Database, slice: StoreSlice, to assembler: inout DatasetAssembler) throws {
        let rows = try RawStatement(db, sql: """
            SELECT a.seq, a.platform, a.id, v.period, v.ingest_id,
                v.name, v.kind, v.country, v.province, v.city, v.tier, v.followers, v.parent, v.attributes, v.entity
            FROM account a JOIN account_version v ON v.account_seq = a.seq
            WHERE a.declared = 1 ORDER BY a.seq
            """)
        let limit = slice.isEverything ? nil : slice.to
        var starts: [String: Double] = [:]
        var seen = IdentifierTable()
        var repeated = 0
        var current: (seq: Int64, platform: String, id: String)?
        var choice = VersionChoice(before: limit)
        func finishAccount() throws {
            guard let (_, platform, id) = current, let attributes = choice.best else { return }
            let before = seen.count
            _ = seen.intern(id)
            guard seen.count > before else {
                repeated += 1
                return
            }
            guard let account = attributes.account(id: id, platform: platform) else {
                throw InputError(file: path, message: "account \"\(id)\" has a kind or tier this ReachGraph does not know (\(attributes.kind), \(attributes.tier ?? "-"))")
            }
            try assembler.addDeclared(account)
        }
        try rows.forEachRow { row in
            let seq = row.int64(0)
            if seq != current?.seq {
                try finishAccount()
                current = (seq, row.string(1) ?? "", row.string(2) ?? "")
                choice = VersionChoice(before: limit)
            }
            let period = row.string(3) ?? ""
            let start = starts[period] ?? AccountVersions.start(of: period)
            starts[period] = start
            let ingest = row.int64(4)
            if choice.prefers(start: start, ingest: ingest) {
                choice.take(start: start, ingest: ingest, AccountAttributes(row: row, offset: 5))
            }
        }
        try finishAccount()
        assembler.countWarning("accounts with one id on several platforms (first kept)", repeated)
    }

    /// Adds the slice's stored relations; whether there were any.
    private func addRelations(_ db: Database, slice: StoreSlice, columns: [String], to assembler: inout DatasetAssembler) throws -> Bool {
        // A relation carries its ingest's period: the slice's labels come from the few ingests,
        // and the `relation_by_period` index finds their rows without reading the others.
        var filter = ""
        var labels: [String] = []
        if !slice.isEverything {
            labels = try String.fetchAll(db, sql: "SELECT DISTINCT period FROM ingest").filter { slice.contains(periodLabel: $0) }
            filter = "WHERE period IN (\(Array(repeating: "?", count: labels.count).joined(separator: ", ")))"
        }
        let rows = try Row.fetchCursor(db, sql: """
            SELECT source, target, relation, weight, first_seen, last_seen, attributes FROM relation \(filter) ORDER BY seq
            """, arguments: StatementArguments(labels))
        var added = false
        while let row = try rows.next() {
            let typeText: String = row[2]
            guard let type = RelationType(rawValue: typeText) else {
                throw InputError(file: path, message: "relation type \"\(typeText)\" is not one this ReachGraph knows")
            }
            var attributes: [String] = []
            if !columns.isEmpty {
                let values = AttributeText.decode(row[6])
                attributes = columns.map { values[$0] ?? "" }
            }
            assembler.addRelation(source: row[0], target: row[1], type: type, weight: row[3], firstSeen: row[4], lastSeen: row[5], attributes: attributes)
            added = true
        }
        // Ties stored without a period span the whole export: a slice leaves them out, and says so.
        if !slice.isEverything {
            let whole = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM relation WHERE period = ''") ?? 0
            assembler.countWarning("relations stored without a --period, left out of a slice (whole-export ties: read the store without --period, --from or --to)", whole)
        }
        return added
    }

    /// Reads the slice's posts in `seq` order into interned columns. The time index bounds the
    /// slice's `seq` range, which is then read in rowid order with the time checked per row: no
    /// sort, and a store whose posts arrived in time order reads only the slice's pages.
    private func readPosts(_ db: Database, slice: StoreSlice, into assembler: DatasetAssembler) throws -> SlicePostReader {
        let from = slice.from ?? -Double.greatestFiniteMagnitude, to = slice.to ?? Double.greatestFiniteMagnitude
        var first: Int64 = .min, last: Int64 = .max, count = 0
        if !slice.isEverything {
            let range = try Row.fetchOne(db, sql: "SELECT min(seq), max(seq), count(*) FROM post WHERE time >= ? AND time < ?", arguments: [from, to])
            (first, last, count) = (range?[0] ?? 1, range?[1] ?? 0, range?[2] ?? 0)
        }
        let rows = try RawStatement(db, sql: SlicePostReader.sql, arguments: [first, last, from, to])
        return try SlicePostReader(reading: rows, into: assembler.makePostRows(capacity: count))
    }

    /// The latest version of each metrics row (by ingest), in the order its key first arrived.
    private func addMetrics(_ db: Database, slice: StoreSlice, to assembler: inout DatasetAssembler) throws {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT account, platform, period, posts, likes, comments, shares, views, followers, follower_gain, qualitative, attributes
            FROM metric ORDER BY seq
            """)
        var metrics: [MetricsRow] = []
        var positions: [MetricsKey: Int] = [:]
        while let row = try rows.next() {
            guard slice.contains(periodLabel: row[2]) else { continue }
            let metricsRow = MetricsRow(
                account: row[0], platform: row[1], period: row[2], posts: row[3], likes: row[4], comments: row[5], shares: row[6],
                views: row[7], followers: row[8], followerGain: row[9], qualitative: row[10], attributes: AttributeText.decode(row[11])
            )
            let key = MetricsKey(account: metricsRow.account, platform: metricsRow.platform, period: metricsRow.period)
            // `seq` grows with the ingest, so a later row of a key is a later version.
            if let position = positions[key] {
                metrics[position] = metricsRow
            } else {
                positions[key] = metrics.count
                metrics.append(metricsRow)
            }
        }
        for row in metrics { assembler.add(metrics: row) }
    }
}

private struct MetricsKey: Hashable {
    var account: String
    var platform: String
    var period: String
}
