import Foundation

/// Reads a dataset stored as one JSON object with the arrays `accounts`, `relations`, `posts`
/// and `metrics`, whose objects use the CSV column names as keys.
///
/// Errors name the line and column and the element (`data.json:4:27: accounts[3]: column "kind": ...`).
/// The document is parsed strictly (``JSONDocument``): a key repeated in one object, an unknown key
/// at the top level and a boolean where a column wants a string or a number are errors; keys the
/// format does not define are kept as attributes on every kind of element.
enum JSONDatasetReader {
    static let sections = ["accounts", "relations", "posts", "metrics"]

    /// A platform's export that reaches this reader because no reader takes it, by the keys it
    /// is known by; `nil` for anything else (then the dataset's own errors apply).
    static func unreadPlatform(_ root: JSONDocument) -> String? {
        func keys(_ node: JSONDocument) -> Set<String> {
            guard case .object(let members) = node.value else { return [] }
            return Set(members.map(\.key))
        }
        switch root.value {
        case .array(let elements):
            if let first = elements.first, keys(first).isSuperset(of: ["uri", "cid", "author"]) { return "a Bluesky app view list of posts (uri, cid, author)" }
        case .object(let members):
            if let data = members.first(where: { $0.key == "data" })?.node {
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
        let root = try JSONDocument.parse([UInt8](data), file: file)
        if let platform = unreadPlatform(root) {
            throw InputError(
                file: file, line: root.line, column: root.column,
                message: "this looks like \(platform), which ReachGraph does not read yet; it reads the formats README.md lists under \"Reading platform exports\" (or a table of posts with --map)"
            )
        }
        guard case .object(let members) = root.value else {
            throw InputError(file: file, line: root.line, column: root.column, message: "expected a JSON object with \"accounts\" and \"relations\" at the top level")
        }
        var arrays: [String: [JSONDocument]] = [:]
        for (key, node) in members {
            guard sections.contains(key) else {
                throw InputError(file: file, line: node.line, column: node.column, message: "unknown key \"\(key)\" at the top level (expected \(sections.joined(separator: ", ")))")
            }
            guard case .array(let elements) = node.value else {
                throw InputError(file: file, line: node.line, column: node.column, message: "\"\(key)\" is not an array")
            }
            arrays[key] = elements
        }
        var dataset = Dataset(name: path, format: .json)
        var times = DatasetTimes(zone: timeZone)
        func records(_ key: String, _ known: [String], _ required: [String]) throws -> [JSONFields]? {
            guard let elements = arrays[key] else { return nil }
            return try elements.enumerated().map { index, element in
                guard case .object(let fields) = element.value else {
                    throw InputError(file: file, line: element.line, column: element.column, message: "\(key)[\(index)]: is not an object")
                }
                let row = JSONFields(file: file, location: "\(key)[\(index)]", element: element, fields: fields, known: known)
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
            try dataset.addAccount(decoding: &row, kinds: kinds, file: file, line: row.element.line)
        }
        if accounts != nil { dataset.checkParents(file: file) }
        if let kinds, accounts != nil { dataset.readingNotes.append(kinds.readingNote) }
        let hasAccounts = accounts != nil

        let relations = try records("relations", Columns.relationKnown, Columns.relationRequired)
        var table = RelationTable()
        table.attributeColumns = extraColumns(relations)
        for var row in relations ?? [] {
            let line = row.element.line
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
                let post = try Post(decoding: &row, times: &times.time, line: row.element.line)
                times.checkPlausible(post, file: file, line: row.element.line, into: &dataset.diagnostics)
                decoded.append((post, row.element.line))
            }
            dataset.add(posts: decoded, file: file, hasAccountsTable: hasAccounts)
            if relations == nil { dataset.deriveRelationsFromPosts(file: file) }
        }
        let metrics = try records("metrics", Columns.metricsKnown, Columns.metricsRequired)
        dataset.metricsAttributeColumns = extraColumns(metrics)
        var seenMetrics = MetricsKeys()
        for var row in metrics ?? [] {
            try dataset.add(metrics: try MetricsRow(decoding: &row), file: file, line: row.element.line, seen: &seenMetrics)
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
    let file: String
    let location: String
    let element: JSONDocument
    let fields: [(key: String, node: JSONDocument)]
    let known: [String]

    func node(_ column: String) -> JSONDocument? { fields.first { $0.key == column }?.node }

    func text(_ column: String) throws -> String? {
        guard let node = node(column) else { return nil }
        let isKnown = known.contains(column)
        switch node.value {
        case .null: return nil
        case .string(let value): return value
        case .number(let text): return text
        case .bool(let flag) where !isKnown: return flag ? "true" : "false"
        case .object where !isKnown, .array where !isKnown: return node.jsonText
        case .bool, .object, .array: throw error(column, "expected a string or a number, not \(node.jsonText.prefix(40))")
        }
    }

    func error(_ column: String, _ message: String) -> InputError {
        let at = node(column) ?? element
        return InputError(file: file, line: at.line, column: at.column, message: "\(location): column \"\(column)\": \(message)")
    }

    var extraColumnNames: [String] { fields.map(\.key).filter { !known.contains($0) } }
}
