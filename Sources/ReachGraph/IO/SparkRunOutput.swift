import Foundation

/// The output folder of the Spark program (`spark/reachgraph_spark.py`, see `spark/README.md`,
/// "Output"), read back so that ReachGraph can write a briefing of a dataset it never loaded
/// whole: what ran (`run.json`), the components, the cascades and the co-action edges. Scores
/// per account are read by ``SparkScores``.
public struct SparkRunOutput: Sendable {
    /// A weakly connected component: its label (the smallest account id in it) and size.
    public struct Component: Sendable, Equatable {
        public var label: String
        public var size: Int
    }

    /// A cascade of at least `--min-size` accounts, with root attribution.
    public struct Cascade: Sendable, Equatable {
        public var rootPost: String
        public var rootAccount: String
        public var size: Int
        public var depth: Int
    }

    public let folder: String
    /// Accounts and distinct edges the program saw.
    public let accountCount: Int
    public let edgeCount: Int
    /// The analyses it ran (`degree`, `components`, `pagerank`, `coordination`, `cascades`).
    public let analyses: [String]
    /// The co-action window in seconds, when coordination ran.
    public let coordinationWindow: Double?

    /// Reads `folder/run.json`, which the program writes last: a folder without it is an
    /// unfinished or foreign run.
    /// - Throws: ``InputError`` naming the folder when `run.json` is missing or not the program's.
    public init(folder: String) throws {
        let path = (folder as NSString).appendingPathComponent("run.json")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: folder, message: "no run.json: not a finished run of spark/reachgraph_spark.py")
        }
        guard let report = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let accounts = report["accounts"] as? Int, let edges = report["edges"] as? Int, let analyses = report["analyses"] as? [String] else {
            throw InputError(file: path, message: "not a run report of spark/reachgraph_spark.py (needs accounts, edges and analyses)")
        }
        self.folder = folder
        accountCount = accounts
        edgeCount = edges
        self.analyses = analyses
        coordinationWindow = (report["coordination"] as? [String: Any])?["window"] as? Double
    }

    /// The components, largest first, as the program wrote them.
    public func components() throws -> [Component] {
        let table = try SparkResultTable("components", in: folder, numeric: ["size"])
        let label = table.index(of: "component")!, size = table.index(of: "size")! // safe: checked columns
        return table.rows.map { Component(label: $0[label], size: Int(Double($0[size])!)) } // safe: numeric column
    }

    /// The cascades, largest first (ties by root post), as the program wrote them.
    public func cascades() throws -> [Cascade] {
        let table = try SparkResultTable("cascades", in: folder, numeric: ["size", "depth"])
        guard let root = table.index(of: "root"), let account = table.index(of: "root_account") else {
            throw InputError(file: table.name, message: "table \"cascades\" needs columns root and root_account")
        }
        let size = table.index(of: "size")!, depth = table.index(of: "depth")! // safe: checked numeric columns
        return table.rows.map { Cascade(rootPost: $0[root], rootAccount: $0[account], size: Int(Double($0[size])!), depth: Int(Double($0[depth])!)) } // safe: numeric
    }

    /// The co-action edges, heaviest first, with `coordination --table edges`' columns.
    public func coordinationEdges() throws -> ResultTable {
        let numeric: Set<String> = ["weight", "co_shares", "objects", "messages_a", "messages_b", "symmetry", "mean_delta_seconds"]
        let table = try SparkResultTable("coordination_edges", in: folder, numeric: numeric)
        let rows = table.rows.map { row in
            row.enumerated().map { column, text -> Cell in
                guard numeric.contains(table.columns[column]), let value = Double(text) else { return .text(text) }
                return value == value.rounded() && abs(value) < 1e15 ? .integer(Int(value)) : .number(value)
            }
        }
        return ResultTable(name: "coordination_edges", title: "Co-action edges (Spark)", columns: table.columns, rows: rows)
    }
}
