import Foundation

/// Reads back parts of a folder written by ``SparkExportWriter``, for the commands that draw or
/// rank from the Spark program's tables without loading the whole dataset: the accounts (every
/// one, for names, kinds and filters) and the relations among chosen accounts, streamed part by
/// part so the rest of the relations never sit in memory.
public enum SparkExportReader {
    /// Whether `folder` holds a Spark export (its `schema.json`).
    public static func isExport(_ folder: String) -> Bool {
        FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("schema.json"))
    }

    /// The export's accounts as a dataset without relations or posts.
    /// - Throws: ``InputError`` naming the file, line and column of a bad row or schema.
    public static func accounts(in folder: String) throws -> Dataset {
        try subgraph(in: folder, accounts: nil)
    }

    /// The accounts whose ids are in `keep` (every account when `nil`) and the relations whose two
    /// ends are both kept, in export order. Ids in `keep` that the export lacks are left out.
    /// - Complexity: O(accounts + relations) time over the parts; memory for what is kept.
    public static func subgraph(in folder: String, accounts keep: Set<String>?) throws -> Dataset {
        let parts = try partFiles(in: folder)
        var dataset = Dataset(name: folder, format: .folder)
        for path in parts["accounts"] ?? [] {
            let table = CSVTable(path: path)
            try table.forEachRow(required: Columns.accountRequired, known: Columns.accountKnown) { row in
                if dataset.accountAttributeColumns.isEmpty { dataset.accountAttributeColumns = row.extraColumnNames }
                let account = try Account(decoding: &row)
                if let keep, !keep.contains(account.id) { return }
                try dataset.add(account, file: table.fileName, line: row.line)
            }
        }
        guard keep != nil else { return dataset }
        var relations = RelationTable()
        // Times are Unix seconds (schema.json's time_unit), which the readers take by magnitude.
        var times = DatasetTimes(zone: nil)
        for path in parts["relations"] ?? [] {
            let table = CSVTable(path: path)
            try table.forEachRow(required: Columns.relationRequired, known: Columns.relationKnown) { row in
                let record = try RelationRecord(decoding: &row, times: &times, line: row.line)
                guard let source = dataset.index(ofAccount: record.source), let target = dataset.index(ofAccount: record.target) else { return }
                if relations.count == 0 { relations.attributeColumns = row.extraColumnNames }
                relations.append(
                    Relation(source: source, target: target, type: record.type, weight: record.weight, firstSeen: record.firstSeen, lastSeen: record.lastSeen),
                    attributes: try row.extraColumnNames.map { try row.text($0) ?? "" }
                )
            }
        }
        dataset.relations = relations
        return dataset
    }

    /// The part files of each table, as `schema.json` lists them.
    private static func partFiles(in folder: String) throws -> [String: [String]] {
        let path = (folder as NSString).appendingPathComponent("schema.json")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: folder, message: "not a Spark export: no schema.json (write one with `reachgraph export INPUT --to spark DIR`)")
        }
        guard let schema = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              schema["format"] as? String == "reachgraph-spark", let tables = schema["tables"] as? [String: [String: Any]] else {
            throw InputError(file: path, message: "not a reachgraph-spark schema")
        }
        var parts: [String: [String]] = [:]
        for (name, table) in tables {
            guard let files = table["parts"] as? [String] else { throw InputError(file: path, message: "table \"\(name)\" lists no parts") }
            parts[name] = files.map { ((folder as NSString).appendingPathComponent(name) as NSString).appendingPathComponent($0) }
        }
        return parts
    }
}

/// A table written by the Spark program (`spark/reachgraph_spark.py`): a folder of CSV parts,
/// each with the same header, read into one list of rows.
public struct SparkResultTable: Sendable {
    public let name: String
    public let columns: [String]
    public let rows: [[String]]

    /// Reads `folder/name/part-*.csv` in file-name order; `numeric` columns must hold numbers.
    /// - Throws: ``InputError`` with file, line and column for a missing table, a part whose
    ///   header differs, a row of the wrong length or a value that is not a number.
    public init(_ name: String, in folder: String, numeric: Set<String> = []) throws {
        var rows: [[String]] = []
        columns = try Self.forEachRow(name, in: folder, numeric: numeric) { _, row in rows.append(row) }
        self.name = name
        self.rows = rows
    }

    /// Streams the rows of `folder/name/part-*.csv` in file-name order to `body`, with the
    /// header, checked as ``init(_:in:numeric:)`` checks them, without holding the table; the
    /// header. A check that needs the whole table (a `numeric` column missing) throws after the
    /// last row.
    @discardableResult
    public static func forEachRow(
        _ name: String, in folder: String, numeric: Set<String> = [], _ body: (_ columns: [String], _ row: [String]) throws -> Void
    ) throws -> [String] {
        let tableFolder = (folder as NSString).appendingPathComponent(name)
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: tableFolder)) ?? [])
            .filter { $0.hasPrefix("part-") && $0.hasSuffix(".csv") }.sorted()
        guard !files.isEmpty else {
            throw InputError(file: tableFolder, message: "no table \"\(name)\" here (expected part-*.csv files written by spark/reachgraph_spark.py)")
        }
        var columns: [String]?
        for file in files {
            let reader = CSVReader(path: (tableFolder as NSString).appendingPathComponent(file), displayName: "\(name)/\(file)")
            var header: [String]?
            var numericPositions: [Int] = []
            try reader.forEachRecord { record in
                var fields: [String] = []
                for index in 0 ..< record.count { fields.append(try record.string(at: index)) }
                guard let known = header else {
                    if let columns, columns != fields {
                        throw InputError(file: reader.fileName, line: record.line, message: "header differs from the first part's (\(columns.joined(separator: ",")))")
                    }
                    header = fields
                    columns = fields
                    numericPositions = fields.indices.filter { numeric.contains(fields[$0]) }
                    return
                }
                guard fields.count == known.count else {
                    throw InputError(file: reader.fileName, line: record.line, message: "row has \(fields.count) fields but the header has \(known.count)")
                }
                for position in numericPositions where Double(fields[position]) == nil {
                    throw InputError(
                        file: reader.fileName, line: record.line, column: record.column(of: position),
                        message: "column \"\(known[position])\": \"\(fields[position])\" is not a number"
                    )
                }
                try body(known, fields)
            }
        }
        let missing = numeric.subtracting(columns ?? [])
        if !missing.isEmpty {
            throw InputError(file: tableFolder, message: "table \"\(name)\" has no column \(missing.sorted().joined(separator: ", "))")
        }
        return columns ?? []
    }

    /// The position of `column`.
    public func index(of column: String) -> Int? { columns.firstIndex(of: column) }
}
