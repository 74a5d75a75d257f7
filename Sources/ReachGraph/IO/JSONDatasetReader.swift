import Foundation

/// Reads a dataset stored as one JSON object with the arrays `accounts`, `relations`, `posts`
/// and `metrics`, whose objects use the CSV column names as keys.
///
/// Errors name the element (`data.json: accounts[3]: column "kind": ...`) rather than a line:
/// Foundation's parser gives positions only for syntax errors, which are passed on as it words them.
enum JSONDatasetReader {
    static func read(_ path: String) throws -> Dataset {
        let file = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: file, message: "cannot read the file")
        }
        guard !data.isEmpty else { throw InputError(file: file, message: "file is empty: expected a JSON object with \"accounts\" and \"relations\"") }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            throw InputError(file: file, message: "not valid JSON: \(detail)")
        }
        guard let object = root as? [String: Any] else {
            throw InputError(file: file, message: "expected a JSON object with \"accounts\" and \"relations\" at the top level")
        }
        var dataset = Dataset(name: path, format: .json)
        func elements(_ key: String) throws -> [[String: Any]]? {
            guard let value = object[key] else { return nil }
            guard let array = value as? [Any] else { throw InputError(file: file, message: "\"\(key)\" is not an array") }
            return try array.enumerated().map { index, element in
                guard let fields = element as? [String: Any] else { throw InputError(file: file, message: "\(key)[\(index)]: is not an object") }
                return fields
            }
        }
        func source(_ key: String, _ index: Int, _ fields: [String: Any], _ known: [String], _ required: [String]) throws -> JSONFields {
            let row = JSONFields(file: file, location: "\(key)[\(index)]", fields: fields, known: known)
            if let missing = required.first(where: { fields[$0] == nil }) {
                throw row.error(missing, "is missing but required")
            }
            return row
        }

        let accounts = try elements("accounts")
        for (index, fields) in (accounts ?? []).enumerated() {
            var row = try source("accounts", index, fields, Columns.accountKnown, Columns.accountRequired)
            try dataset.add(try Account(decoding: &row), file: file, line: nil)
        }
        if accounts != nil { dataset.checkParents(file: file) }
        let hasAccounts = accounts != nil

        let relations = try elements("relations")
        var table = RelationTable()
        for (index, fields) in (relations ?? []).enumerated() {
            var row = try source("relations", index, fields, Columns.relationKnown, Columns.relationRequired)
            let record = try RelationRecord(decoding: &row)
            let sourceIndex = dataset.resolve(record.source, file: file, line: nil, role: "source", warn: hasAccounts)
            let targetIndex = dataset.resolve(record.target, file: file, line: nil, role: "target", warn: hasAccounts)
            table.append(Relation(source: sourceIndex, target: targetIndex, type: record.type, weight: record.weight, firstSeen: record.firstSeen, lastSeen: record.lastSeen))
        }
        dataset.relations = table

        if let posts = try elements("posts") {
            var decoded: [(post: Post, line: Int?)] = []
            for (index, fields) in posts.enumerated() {
                var row = try source("posts", index, fields, Columns.postKnown, Columns.postRequired)
                decoded.append((try Post(decoding: &row), nil))
            }
            dataset.add(posts: decoded, file: file, hasAccountsTable: hasAccounts)
            if relations == nil { dataset.deriveRelationsFromPosts(file: file) }
        }
        for (index, fields) in (try elements("metrics") ?? []).enumerated() {
            var row = try source("metrics", index, fields, Columns.metricsKnown, Columns.metricsRequired)
            dataset.metrics.append(try MetricsRow(decoding: &row))
        }
        guard relations != nil || !dataset.posts.isEmpty else {
            throw InputError(file: file, message: "expected \"relations\" or \"posts\" in the JSON object")
        }
        return dataset
    }
}

/// One JSON object read as a record.
struct JSONFields: FieldSource {
    let file: String
    let location: String
    let fields: [String: Any]
    let known: [String]

    func text(_ column: String) throws -> String? {
        switch fields[column] {
        case nil, is NSNull: return nil
        case let value as String: return value
        case let value as NSNumber:
            let double = value.doubleValue
            if double.rounded() == double && abs(double) < 1e15 { return String(Int64(double)) }
            return String(double)
        default:
            throw error(column, "expected a string or a number")
        }
    }

    func error(_ column: String, _ message: String) -> InputError {
        InputError(file: file, message: "\(location): column \"\(column)\": \(message)")
    }

    var extraColumnNames: [String] { fields.keys.filter { !known.contains($0) }.sorted() }
}
