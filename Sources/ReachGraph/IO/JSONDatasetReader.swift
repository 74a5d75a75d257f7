import Foundation

/// Reads a dataset stored as one JSON object with the arrays `accounts`, `relations`, `posts`
/// and `metrics`, whose objects use the CSV column names as keys.
///
/// Errors name the line and column and the element (`data.json:4:27: accounts[3]: column "kind": ...`).
/// The document is parsed strictly onto a ``JSONTape``, the parser of the platform readers: a key
/// repeated in any object, an unknown key at the top level and a boolean where a column wants a
/// string or a number are errors; keys the format does not define are kept as attributes on
/// every kind of element.
enum JSONDatasetReader {
    static let sections = ["accounts", "relations", "posts", "metrics"]

    /// A platform's export that reaches this reader because no reader takes it, by the keys it
    /// is known by; `nil` for anything else (then the dataset's own errors apply).
    static func unreadPlatform(_ tape: JSONTape, _ root: Int) -> String? {
        func keys(_ node: Int?) -> Set<String> {
            guard let node else { return [] }
            return Set(tape.members(node).map { tape.string($0) ?? "" })
        }
        switch tape.kind(root) {
        case .array:
            if keys(tape.elements(root).first { _ in true }).isSuperset(of: ["uri", "cid", "author"]) {
                return "a Bluesky app view list of posts (uri, cid, author)"
            }
        case .object:
            if let data = tape.member(root, named: "data") {
                let inner = keys(data)
                if inner.contains("videos") { return "a TikTok Research API video query response (data.videos)" }
                if inner.contains("comments") { return "a TikTok Research API comment query response (data.comments)" }
            }
            if keys(root).isSuperset(of: ["posts", "cursor"]) { return "a Bluesky app view search response (posts, cursor)" }
        default:
            break
        }
        return nil
    }

    /// Reads the file; with `kinds` (`--kinds`) account kinds come from the mapped key, as for
    /// `accounts.csv`; times are read as ``DatasetTimes`` reads them, naive ones in `timeZone`.
    static func read(_ path: String, kinds: KindMapping? = nil, timeZone: NaiveTimeZone? = nil) throws -> Dataset {
        let file = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: file, message: "cannot read the file")
        }
        InputFiles.register(path)
        guard !data.isEmpty else { throw InputError(file: file, message: "file is empty: expected a JSON object with \"accounts\" and \"relations\"") }
        let tape = JSONTape()
        return try data.withUnsafeBytes { raw in
            try tape.parse(raw.bindMemory(to: UInt8.self), file: file)
            try tape.checkUniqueKeys()
            return try read(tape, name: path, kinds: kinds, timeZone: timeZone)
        }
    }

    /// Reads the dataset on `tape` (valid for the call).
    private static func read(_ tape: JSONTape, name path: String, kinds: KindMapping?, timeZone: NaiveTimeZone?) throws -> Dataset {
        let file = tape.file
        let root = tape.root
        if let platform = unreadPlatform(tape, root) {
            throw tape.error(
                "this looks like \(platform), which ReachGraph does not read yet; it reads the formats README.md lists under \"Reading platform exports\" (or a table of posts with --map)",
                atValue: root
            )
        }
        guard tape.kind(root) == .object else {
            throw tape.error("expected a JSON object with \"accounts\" and \"relations\" at the top level", atValue: root)
        }
        var arrays: [String: Int] = [:]
        for key in tape.members(root) {
            let name = tape.string(key) ?? ""
            guard sections.contains(name) else {
                throw tape.error("unknown key \"\(name)\" at the top level (expected \(sections.joined(separator: ", ")))", atValue: key + 1)
            }
            guard tape.kind(key + 1) == .array else { throw tape.error("\"\(name)\" is not an array", atValue: key + 1) }
            arrays[name] = key + 1
        }
        var dataset = Dataset(name: path, format: .json)
        var times = DatasetTimes(zone: timeZone)
        func records(_ key: String, _ known: [String], _ required: [String]) throws -> [JSONFields]? {
            guard let array = arrays[key] else { return nil }
            return try tape.elements(array).enumerated().map { index, element in
                guard tape.kind(element) == .object else { throw tape.error("\(key)[\(index)]: is not an object", atValue: element) }
                let row = JSONFields(tape: tape, location: "\(key)[\(index)]", element: element, known: known)
                if let missing = required.first(where: { row.node($0) == nil }) {
                    throw row.error(missing, "is missing but required")
                }
                return row
            }
        }
        /// Extra keys of a section in order of first appearance, so writers put them back in a stable order.
        func extraColumns(_ rows: [JSONFields]?) -> [String] {
            var seen = Set<String>(), names: [String] = []
            for row in rows ?? [] {
                for name in row.extraColumnNames where seen.insert(name).inserted { names.append(name) }
            }
            return names
        }

        let accounts = try records("accounts", Columns.accountKnown, kinds == nil ? Columns.accountRequired : ["id"])
        dataset.accountAttributeColumns = extraColumns(accounts)
        for var row in accounts ?? [] {
            try dataset.addAccount(decoding: &row, kinds: kinds, file: file, line: row.line)
        }
        if accounts != nil { dataset.checkParents(file: file) }
        if let kinds, accounts != nil { dataset.readingNotes.append(kinds.readingNote) }
        let hasAccounts = accounts != nil

        let relations = try records("relations", Columns.relationKnown, Columns.relationRequired)
        var table = RelationTable()
        table.attributeColumns = extraColumns(relations)
        for var row in relations ?? [] {
            let line = row.line
            let record = try RelationRecord(decoding: &row, times: &times, line: line)
            let sourceIndex = dataset.resolve(record.source, file: file, line: line, role: "source", warn: hasAccounts)
            let targetIndex = dataset.resolve(record.target, file: file, line: line, role: "target", warn: hasAccounts)
            table.append(
                Relation(source: sourceIndex, target: targetIndex, type: record.type, weight: record.weight, firstSeen: record.firstSeen, lastSeen: record.lastSeen),
                attributes: try table.attributeColumns.map { try row.text($0) ?? "" }
            )
        }
        dataset.relations = table

        let postRecords = try records("posts", Columns.postKnown, Columns.postRequired)
        if let posts = postRecords {
            dataset.postAttributeColumns = extraColumns(posts)
            var decoded: [(post: Post, line: Int?)] = []
            for var row in posts {
                let post = try Post(decoding: &row, times: &times.time, line: row.line)
                times.checkPlausible(post, file: file, line: row.line, into: &dataset.diagnostics)
                decoded.append((post, row.line))
            }
            dataset.add(posts: decoded, file: file, hasAccountsTable: hasAccounts)
            if relations == nil { dataset.deriveRelationsFromPosts(file: file) }
        }
        let metrics = try records("metrics", Columns.metricsKnown, Columns.metricsRequired)
        dataset.metricsAttributeColumns = extraColumns(metrics)
        var seenMetrics = MetricsKeys()
        for var row in metrics ?? [] {
            let decoded = try MetricsRow(decoding: &row)
            try dataset.add(metrics: decoded, decodedFrom: row, file: file, line: row.line, seen: &seenMetrics)
        }
        dataset.readingNotes += times.readingNotes
        if let kinds, accounts == nil { dataset.applyKindsToImpliedAccounts(kinds) }
        // An empty "posts" array is a posts table without rows, as a posts.csv with only its header is.
        guard relations != nil || postRecords != nil else {
            throw InputError(file: file, message: "expected \"relations\" or \"posts\" in the JSON object")
        }
        return dataset
    }
}

/// One JSON object read as a record. Known columns take strings and numbers (booleans, arrays and
/// objects are errors); extra keys are kept whatever their type, as their JSON text.
struct JSONFields: FieldSource {
    let tape: JSONTape
    let location: String
    let element: Int
    let known: [String]
    /// The line the element starts on.
    let line: Int

    init(tape: JSONTape, location: String, element: Int, known: [String]) {
        self.tape = tape
        self.location = location
        self.element = element
        self.known = known
        line = tape.location(ofValue: element).line
    }

    func node(_ column: String) -> Int? { tape.member(element, named: column) }

    func text(_ column: String) throws -> String? {
        guard let node = node(column) else { return nil }
        let isKnown = known.contains(column)
        switch tape.kind(node) {
        case .null: return nil
        case .string: return tape.string(node)
        case .number: return String(decoding: tape.writtenBytes(node), as: UTF8.self)
        case .true where !isKnown: return "true"
        case .false where !isKnown: return "false"
        case .object where !isKnown, .array where !isKnown: return tape.jsonText(node)
        case .true, .false, .object, .array: throw error(column, "expected a string or a number, not \(tape.jsonText(node).prefix(40))")
        }
    }

    func error(_ column: String, _ message: String) -> InputError {
        tape.error("\(location): column \"\(column)\": \(message)", atValue: node(column) ?? element)
    }

    var extraColumnNames: [String] { tape.members(element).compactMap { tape.string($0) }.filter { !known.contains($0) } }
}
