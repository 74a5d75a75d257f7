import Foundation

/// Loads a dataset from a folder of CSV files, a single JSON file, or a plain edge-list CSV.
public enum DatasetLoader {
    /// Options for reading foreign files.
    public struct Options: Sendable {
        /// Column renames applied to every CSV header, format name ← file name
        /// (`["content_id": "post_id"]` reads a `content_id` column as `post_id`).
        public var columnAliases: [String: String]
        /// The reader to use; `nil` detects it from the content (``FormatDetection``).
        public var inputFormat: Dataset.Format?
        /// How edge lists' two columns point; `nil` is ``EdgeListDirection/default``.
        public var edgeDirection: EdgeListDirection?
        /// The zone of times written without one; `nil` is the format's own (UTC, except
        /// Weibo's Beijing time).
        public var timeZone: NaiveTimeZone?
        /// Account kinds from a column of the export or of `accounts.csv` (`--kinds FILE`).
        public var kinds: KindMapping?
        /// The relation types to keep (`--relations`); `nil` keeps every relation read. With
        /// `mention`, mention relations are derived from the posts' mentions when the input has
        /// none (``Dataset/selectRelations(_:)``).
        public var relationTypes: Set<RelationType>?
        /// Whether a posts table or a dataset folder without relations gets relations derived
        /// from its posts; `false` only counts what deriving them warns about, so a command that
        /// reads only the posts (`cascades`) keeps the same warnings without building the table.
        public var derivesRelations = true

        public init(
            columnAliases: [String: String] = [:], inputFormat: Dataset.Format? = nil, edgeDirection: EdgeListDirection? = nil,
            timeZone: NaiveTimeZone? = nil, kinds: KindMapping? = nil, relationTypes: Set<RelationType>? = nil
        ) {
            self.columnAliases = columnAliases
            self.inputFormat = inputFormat
            self.edgeDirection = edgeDirection
            self.timeZone = timeZone
            self.kinds = kinds
            self.relationTypes = relationTypes
        }

        /// ``Dataset/relationReading`` of an input read as `format` with these options: what can
        /// change the key (source, target, relation) of a relation it gives. The relation filter is
        /// left out (reading a file again with more types adds its other relations, and none
        /// twice), and so are the zone of naive times, the kinds and renames of other columns.
        func relationReading(as format: Dataset.Format) -> String {
            var parts = [format.rawValue]
            if format == .edgeList || format == .snap { parts.append("--edge-direction \((edgeDirection ?? .default).rawValue)") }
            // A folder's relations.csv is the only stored table of relations `--map` renames (the
            // other readers that take it give posts, whose relations are derived when read back).
            let keys = Set(Columns.relationRequired)
            let keyRenames = columnAliases.filter { $0.key != $0.value && (keys.contains($0.key) || keys.contains($0.value)) }
            if format == .folder && !keyRenames.isEmpty {
                parts.append("--map " + keyRenames.map { "\($0.value)=\($0.key)" }.sorted().joined(separator: ","))
            }
            return parts.joined(separator: ", ")
        }

        /// Parses `--relations` text such as `repost,mention` (type names or their synonyms:
        /// `retweet`, `share`, `forward` are reposts).
        public static func parseRelationTypes(_ text: String) throws -> Set<RelationType> {
            var types: Set<RelationType> = []
            for name in text.split(separator: ",") {
                guard let type = RelationType(name: String(name)) else {
                    throw InputError(file: "--relations", message: "\"\(name)\" is not one of \(RelationType.acceptedNames)")
                }
                types.insert(type)
            }
            guard !types.isEmpty else { throw InputError(file: "--relations", message: "expected one or more of \(RelationType.acceptedNames)") }
            return types
        }

        /// Parses `--map` text such as `post_id=content_id,author=account_id`.
        public static func parseColumnMap(_ text: String) throws -> [String: String] {
            var aliases: [String: String] = [:]
            for pair in text.split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces.lowercased() }
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw InputError(file: "--map", message: "\"\(pair)\" is not FORMAT_COLUMN=FILE_COLUMN (or FILE_COLUMN+FILE_COLUMN, or # for row numbers)")
                }
                aliases[parts[1]] = parts[0]
            }
            return aliases
        }
    }

    /// Reads the input at `path` with the reader `options.inputFormat` names, or the one its
    /// content calls for (``FormatDetection``): a dataset folder, a JSON dataset, a posts table,
    /// an edge list, or a platform export (IO archive, Twitter v1.1/v2, Telegram, Weibo, SNAP,
    /// DeepHawkes, link sharing). How it was read is kept in ``Dataset/readingNotes``.
    public static func load(_ path: String, options: Options = Options()) throws -> Dataset {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: path, message: "no such file or folder")
        }
        var format: Dataset.Format
        if let forced = options.inputFormat {
            format = forced
        } else if isDirectory.boolValue {
            format = try FormatDetection.detectFolder(path)
        } else {
            format = FormatDetection.detectFile(head: try FormatDetection.head(path), path: path)
            if format == .edgeList, try isPostsTable(path, options: options) { format = .postsTable }
        }
        // A folder read by a reader of one file would fail at its first read, in Foundation's
        // words ("NSCocoaErrorDomain error 256") or as "cannot read the file".
        if isDirectory.boolValue && ![.folder, .weiboCED, .ioArchive].contains(format) {
            throw InputError(file: path, message: "is a folder; --input-format \(format.rawValue) reads one file")
        }
        var dataset = try load(path, as: format, options: options)
        if let types = options.relationTypes { dataset.selectRelations(types) }
        dataset.relationReading = options.relationReading(as: format)
        dataset.readingNotes.insert(
            Dataset.ReadingNote(topic: "input format", value: "\(format.rawValue) (\(options.inputFormat == nil ? "detected from the content" : "--input-format"))"),
            at: 0
        )
        return dataset
    }

    private static func load(_ path: String, as format: Dataset.Format, options: Options) throws -> Dataset {
        if options.kinds != nil && (format == .edgeList || format == .snap) {
            throw InputError(file: "--kinds", message: "\(format.rawValue) input names no account fields to map kinds from (accounts.csv, a posts table or a platform export)")
        }
        switch format {
        case .folder: return try loadFolder(path, options: options)
        case .json: return try JSONDatasetReader.read(path, kinds: options.kinds, timeZone: options.timeZone)
        case .postsTable: return try loadPostsTable(path, options: options)
        case .edgeList: return try loadEdgeList(path, direction: options.edgeDirection, timeZone: options.timeZone)
        case .ioArchive: return try IOArchiveReader.read(path, options: options)
        case .snap: return try SNAPEdgeListReader.read(path, options: options)
        case .twitterV1: return try TwitterV1Reader.read(path, options: options)
        case .twitterV2: return try TwitterV2Reader.read(path, options: options)
        case .telegram: return try TelegramReader.read(path, options: options)
        case .weiboCED: return try WeiboCEDReader.read(path, options: options)
        case .deepHawkes: return try DeepHawkesReader.read(path, options: options)
        case .linkSharing: return try LinkSharingReader.read(path, options: options)
        case .store: throw InputError(file: path, message: "a store is read by ReachGraphStore (InputSource.load), not DatasetLoader")
        }
    }

    /// Whether a single CSV file's header, after renaming, has the required posts columns, so the
    /// file is a posts table (such as CooRTweet's data under `--map`) rather than an edge list.
    static func isPostsTable(_ path: String, options: Options) throws -> Bool {
        var names: Set<String> = []
        var read = false
        struct FirstRowRead: Error {}
        do {
            try CSVReader(path: path).forEachRecord { record in
                for index in 0 ..< record.count {
                    let name = ((try? record.string(at: index)) ?? "").trimmingSpaces.lowercased()
                    names.insert(options.columnAliases[name] ?? name)
                }
                read = true
                throw FirstRowRead()
            }
        } catch is FirstRowRead {}
        names.formUnion(options.columnAliases.filter { $0.key == "#" || $0.key.contains("+") }.values)
        return read && Columns.postRequired.allSatisfy(names.contains)
    }

    /// Reads one CSV file as `posts.csv` of a dataset without accounts or relations files.
    static func loadPostsTable(_ path: String, options: Options) throws -> Dataset {
        var dataset = Dataset(name: path, format: .postsTable)
        let table = CSVTable(path: path, columnAliases: options.columnAliases)
        var posts = PostCollector(file: table.fileName, capacity: expectedRows(path))
        var times = DatasetTimes(zone: options.timeZone)
        dataset.postAttributeColumns = try PostsTableReader.read(table, into: &posts, times: &times)
        dataset.readingNotes += times.readingNotes
        dataset.add(posts: posts, hasAccountsTable: false)
        dataset.deriveRelationsFromPosts(file: table.fileName, countingOnly: !options.derivesRelations)
        dataset.diagnostics.count("accounts implied by ids (no accounts.csv)", dataset.accounts.count)
        if let kinds = options.kinds { dataset.applyKindsToImpliedAccounts(kinds) }
        return dataset
    }

    /// A guess at the number of rows of a posts file from its size and the length of the lines in
    /// its first 64 KiB (60 bytes a row when it has none), so the columns are reserved once
    /// instead of grown by copying; capped so a guess never costs more than the rows would. The
    /// id table's slots are filled when reserved: a flat 60 bytes a row reserved 256 MB of them
    /// for 2.5 million IRA-sized rows of 95 bytes, where 128 MB hold them.
    static func expectedRows(_ path: String) -> Int {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        var bytesPerRow = 60
        if let file = fopen(path, "rb") {
            defer { fclose(file) }
            var sample = [UInt8](repeating: 0, count: 65_536)
            let read = sample.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            let lines = sample[0 ..< read].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            if read == sample.count && lines >= 16 { bytesPerRow = max(read / lines, 8) }
        }
        return min(size / bytesPerRow, 50_000_000)
    }

    static func loadEdgeList(_ path: String, direction: EdgeListDirection? = nil, timeZone: NaiveTimeZone? = nil) throws -> Dataset {
        let list = try EdgeListReader.read(path: path, timeZone: timeZone)
        var dataset = Dataset(name: path, format: .edgeList)
        dataset.readingNotes.append(.edgeDirection(direction))
        dataset.readingNotes += list.readingNotes
        dataset.accountIndex = list.identifiers
        // Straight from the table: an array of the ids first held 19 MB more at 10M rows.
        dataset.accounts = (0 ..< list.identifiers.count).map { Account(id: list.identifiers.identifier(at: $0), kind: .other) }
        // The table shares the reader's columns instead of copying them: at 10M rows a copy held
        // 160 MB more at the peak.
        let reversed = direction == .reposterToAuthor
        dataset.relations = RelationTable(
            sources: reversed ? list.targets : list.sources, targets: reversed ? list.sources : list.targets, types: list.types,
            weights: list.weights, firstSeen: list.firstSeen, lastSeen: list.lastSeen,
            attributeColumns: list.attributeColumns, attributeValues: list.attributeValues
        )
        return dataset
    }

    static func loadFolder(_ folder: String, options: Options) throws -> Dataset {
        // Names match case-insensitively, as column names do: `Accounts.csv` from a Windows
        // export is the accounts table, not a file to ignore while accounts are implied.
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        func path(_ name: String) -> String? {
            let exact = (folder as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: exact) { return exact }
            return files.first { $0.lowercased() == name }.map { (folder as NSString).appendingPathComponent($0) }
        }
        let accountsPath = path("accounts.csv"), relationsPath = path("relations.csv")
        let postsPath = path("posts.csv"), metricsPath = path("metrics.csv")
        // A folder with metrics only is enough for the communication power index.
        guard relationsPath != nil || postsPath != nil || metricsPath != nil else {
            throw InputError(file: folder, message: "not a dataset folder: expected relations.csv, posts.csv or metrics.csv (with accounts.csv)")
        }
        var dataset = Dataset(name: folder, format: .folder)
        dataset.isSynthetic = Dataset.folderDeclaresSynthetic(folder)
        // A table under another name (`account.csv`, `shares.csv`) would otherwise be passed over unsaid.
        let read = Set([accountsPath, relationsPath, postsPath, metricsPath].compactMap { $0.map { ($0 as NSString).lastPathComponent } })
        let unread = files.filter { $0.lowercased().hasSuffix(".csv") && !read.contains($0) }
        if !unread.isEmpty {
            dataset.readingNotes.append(Dataset.ReadingNote(
                topic: "CSV files not read", value: unread.joined(separator: ", ") + " (a dataset folder reads accounts.csv, relations.csv, posts.csv and metrics.csv)"
            ))
        }
        let aliases = options.columnAliases
        var times = DatasetTimes(zone: options.timeZone)

        if let accountsPath {
            let table = CSVTable(path: accountsPath, columnAliases: aliases)
            // With --kinds the mapped column (kept as an attribute) decides the kind, so `kind` is optional.
            let required = options.kinds == nil ? Columns.accountRequired : ["id"]
            var checkedHeader = false
            try table.forEachRow(required: required, known: Columns.accountKnown) { row in
                if !checkedHeader, let kinds = options.kinds {
                    guard row.header.positions[kinds.column] != nil else {
                        throw InputError(file: table.fileName, line: 1, message: "--kinds maps column \"\(kinds.column)\", which the header does not have (header has: \(row.header.names.joined(separator: ", ")))")
                    }
                    checkedHeader = true
                }
                if dataset.accountAttributeColumns.isEmpty { dataset.accountAttributeColumns = row.extraColumnNames }
                try dataset.addAccount(decoding: &row, kinds: options.kinds, file: table.fileName, line: row.line)
            }
            dataset.checkParents(file: table.fileName)
            if let kinds = options.kinds { dataset.readingNotes.append(kinds.readingNote) }
        }
        let hasAccounts = accountsPath != nil

        if let relationsPath {
            let table = CSVTable(path: relationsPath, columnAliases: aliases)
            var relations = RelationTable()
            try table.forEachRow(required: Columns.relationRequired, known: Columns.relationKnown) { row in
                if relations.count == 0 { relations.attributeColumns = row.extraColumnNames }
                let record = try RelationRecord(decoding: &row, times: &times, line: row.line)
                let source = dataset.resolve(record.source, file: table.fileName, line: row.line, role: "source", warn: hasAccounts)
                let target = dataset.resolve(record.target, file: table.fileName, line: row.line, role: "target", warn: hasAccounts)
                relations.append(
                    Relation(source: source, target: target, type: record.type, weight: record.weight, firstSeen: record.firstSeen, lastSeen: record.lastSeen),
                    attributes: try row.extraColumnNames.map { try row.text($0) ?? "" }
                )
            }
            dataset.relations = relations
        }

        if let postsPath {
            let table = CSVTable(path: postsPath, columnAliases: aliases)
            var posts = PostCollector(file: table.fileName, capacity: expectedRows(postsPath))
            dataset.postAttributeColumns = try PostsTableReader.read(table, into: &posts, times: &times)
            dataset.add(posts: posts, hasAccountsTable: hasAccounts)
            if relationsPath == nil { dataset.deriveRelationsFromPosts(file: table.fileName, countingOnly: !options.derivesRelations) }
        }

        if let metricsPath {
            let table = CSVTable(path: metricsPath, columnAliases: aliases)
            var seen = MetricsKeys()
            try table.forEachRow(required: Columns.metricsRequired, known: Columns.metricsKnown) { row in
                if dataset.metrics.isEmpty { dataset.metricsAttributeColumns = row.extraColumnNames }
                let metrics = try MetricsRow(decoding: &row)
                if hasAccounts && dataset.index(ofAccount: metrics.account) == nil {
                    dataset.diagnostics.warn("metrics rows for unknown accounts (kept)", file: table.fileName, line: row.line, "account \"\(metrics.account)\" is not in accounts.csv")
                }
                try dataset.add(metrics: metrics, decodedFrom: row, file: table.fileName, line: row.line, seen: &seen)
            }
        }
        dataset.readingNotes += times.readingNotes
        if !hasAccounts {
            dataset.diagnostics.count("accounts implied by ids (no accounts.csv)", dataset.accounts.count)
            if let kinds = options.kinds { dataset.applyKindsToImpliedAccounts(kinds) }
        }
        return dataset
    }
}
