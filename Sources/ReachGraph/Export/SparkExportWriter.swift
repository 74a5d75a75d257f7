import Foundation

/// Writes a dataset for the Spark program in `spark/`: one folder per table of partitioned CSV
/// (`accounts/part-00000.csv`, …, each part with its header) and `schema.json`, which gives
/// every column's Spark type and the options to read the parts with.
///
/// The columns are the dataset format's, with three choices that let a program on the other side
/// compute the same numbers ReachGraph does:
/// - times (`time`, `first_seen`, `last_seen`) are Unix seconds and numbers are written exactly
///   (the shortest text that reads back to the same `Double`), where the dataset folder writes
///   ISO 8601 seconds and 10 significant digits;
/// - `relations` is written even when the relations were derived from posts (the schema says so),
///   so the graph needs no second derivation;
/// - `posts` starts with `_row`, the post's position in the dataset, because ReachGraph breaks
///   ties in time by it (cascades) and partitions are read in no set order.
///
/// The folder is built beside the destination and renamed into place; an existing destination
/// is replaced only when it holds a previous export (its `schema.json`) or nothing.
/// - Complexity: O(rows) time; each part is streamed to its file.
public enum SparkExportWriter {
    public static let defaultRowsPerPart = 1_000_000
    /// The name of the position column added to `posts`.
    public static let postOrderColumn = "_row"

    public static func write(_ dataset: Dataset, to folder: String, rowsPerPart: Int = defaultRowsPerPart) throws {
        guard rowsPerPart > 0 else { throw ExportError(message: "rows per part must be at least 1") }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: folder, isDirectory: &isDirectory)
        if exists {
            let contents = isDirectory.boolValue ? ((try? manager.contentsOfDirectory(atPath: folder)) ?? []) : ["?"]
            guard contents.isEmpty || contents.contains("schema.json") else {
                throw ExportError(message: "\(folder) exists and is not a Spark export (no schema.json): give a new folder")
            }
        }
        let url = URL(fileURLWithPath: folder).standardizedFileURL
        let parent = url.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        try? manager.removeItem(at: staging)
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            var tables: [(DatasetTableRows, [String: String])] = [
                (DatasetTableRows.accounts(dataset, style: .exact), accountTypes),
                (DatasetTableRows.relations(dataset, style: .exact), relationTypes),
            ]
            if !dataset.posts.isEmpty { tables.append((numbered(DatasetTableRows.posts(dataset, style: .exact)), postTypes)) }
            if !dataset.metrics.isEmpty { tables.append((DatasetTableRows.metrics(dataset, style: .exact), metricsTypes)) }
            var schemaTables: [String: Any] = [:]
            for (table, types) in tables {
                let parts = try writeParts(table, into: staging.appendingPathComponent(table.name), rowsPerPart: rowsPerPart)
                schemaTables[table.name] = [
                    "rows": table.count, "parts": parts,
                    "columns": table.header.map { ["name": $0, "type": types[$0] ?? "string"] },
                ] as [String: Any]
            }
            let schema: [String: Any] = [
                "format": "reachgraph-spark", "version": 1,
                "dataset": (dataset.name as NSString).lastPathComponent,
                "relations_derived_from_posts": dataset.relationsDerivedFromPosts,
                "undirected_relations": RelationType.allCases.filter(\.isUndirected).map(\.rawValue),
                "time_unit": "unix_seconds",
                "csv": ["header": true, "sep": ",", "quote": "\"", "escape": "\"", "multiLine": true, "encoding": "UTF-8"] as [String: Any],
                "tables": schemaTables,
            ]
            let json = try JSONSerialization.data(withJSONObject: schema, options: [.prettyPrinted, .sortedKeys])
            try json.write(to: staging.appendingPathComponent("schema.json"))
            try replace(url, with: staging)
        } catch {
            try? manager.removeItem(at: staging)
            if error is ExportError || error is InputError { throw error }
            throw ExportError(message: "cannot write \(folder): \(error.localizedDescription)")
        }
    }

    /// Prepends each post's position.
    private static func numbered(_ table: DatasetTableRows) -> DatasetTableRows {
        DatasetTableRows(name: table.name, header: [postOrderColumn] + table.header, count: table.count) { row, writer in
            writer.appendInteger(row)
            writer.append(byte: UInt8(ascii: ","))
            table.writeRow(row, &writer)
        }
    }

    /// Writes `part-00000.csv`, … with at most `rowsPerPart` rows each (one header-only part for
    /// an empty table, so Spark still sees the columns) and returns the file names.
    private static func writeParts(_ table: DatasetTableRows, into folder: URL, rowsPerPart: Int) throws -> [String] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var names: [String] = []
        var start = 0
        repeat {
            let end = min(start + rowsPerPart, table.count)
            let name = "part-" + String(format: "%05d", names.count) + ".csv"
            try AtomicFile.write(to: folder.appendingPathComponent(name).path) { table.write(start ..< end, to: &$0) }
            names.append(name)
            start = end
        } while start < table.count
        return names
    }

    /// Moves `staging` to `destination`, removing a previous export there only once the new one is in place.
    private static func replace(_ destination: URL, with staging: URL) throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: destination.path) else {
            try manager.moveItem(at: staging, to: destination)
            return
        }
        let old = staging.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).old")
        try manager.moveItem(at: destination, to: old)
        try manager.moveItem(at: staging, to: destination)
        try? manager.removeItem(at: old)
    }

    private static let accountTypes = ["followers": "long"]
    private static let relationTypes = ["weight": "double", "first_seen": "double", "last_seen": "double"]
    private static let postTypes = [
        postOrderColumn: "long", "time": "double", "likes": "long", "comments": "long", "shares": "long", "views": "long",
    ]
    private static let metricsTypes = [
        "posts": "long", "likes": "long", "comments": "long", "shares": "long", "views": "long", "followers": "long",
        "follower_gain": "long", "qualitative": "double",
    ]
}
