import GRDB
import ReachGraph

extension DatasetStore {
    /// What the store holds and where it came from: row counts, periods, the schema version,
    /// then one row per ingest (source, SHA-256, time, counts, how it was read) and its warnings
    /// by category.
    public func info() throws -> [ResultTable] {
        try reading { db in
            var contents = ResultTable(name: "store", title: "Store \(path)", columns: ["item", "value"])
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            let migrations = try StoreSchema.migrator.appliedIdentifiers(db).sorted()
            contents.rows = [
                [.text("schema"), .text(migrations.joined(separator: ", "))],
                [.text("ingests"), .integer(try count("SELECT COUNT(*) FROM ingest"))],
                [.text("accounts (declared)"), .integer(try count("SELECT COUNT(*) FROM account WHERE declared = 1"))],
                [.text("accounts (implied by ids)"), .integer(try count("SELECT COUNT(*) FROM account WHERE declared = 0"))],
                [.text("account versions"), .integer(try count("SELECT COUNT(*) FROM account_version"))],
                [.text("relations"), .integer(try count("SELECT COUNT(*) FROM relation"))],
                [.text("posts"), .integer(try count("SELECT COUNT(*) FROM post"))],
                [.text("metrics rows"), .integer(try count("SELECT COUNT(*) FROM metric_latest"))],
                [.text("metrics row versions"), .integer(try count("SELECT COUNT(*) FROM metric"))],
            ]
            if let first = try Double.fetchOne(db, sql: "SELECT MIN(time) FROM post"),
               let last = try Double.fetchOne(db, sql: "SELECT MAX(time) FROM post") {
                contents.rows.append([.text("first post"), .text(iso8601String(fromUnixSeconds: first))])
                contents.rows.append([.text("last post"), .text(iso8601String(fromUnixSeconds: last))])
            }
            let months = try String.fetchAll(db, sql: "SELECT DISTINCT period FROM metric ORDER BY period")
            if !months.isEmpty { contents.rows.append([.text("metrics periods"), .text(months.joined(separator: " "))]) }

            var ingests = ResultTable(
                name: "ingests", title: "Ingests (provenance)",
                columns: ["ingest", "ingested_at", "source", "sha256", "format", "period", "platform",
                          "accounts_read", "accounts_added", "accounts_changed", "relations_read", "relations_added",
                          "posts_read", "posts_added", "metrics_read", "metrics_added", "metrics_changed", "relations_derived", "synthetic",
                          "reading"]
            )
            // A store not yet migrated to v5 is read as it is: its ingests' readings are unknown.
            let reading = migrations.contains("v5") ? "reading" : "''"
            for row in try Row.fetchAll(db, sql: """
                SELECT id, ingested_at, source, sha256, format, period, platform, accounts_read, accounts_added, accounts_changed,
                    relations_read, relations_added, posts_read, posts_added, metrics_read, metrics_added, metrics_changed,
                    relations_derived, synthetic, \(reading)
                FROM ingest ORDER BY id
                """) {
                var cells: [Cell] = [.integer(row[0])]
                for column in 1 ... 6 {
                    let text: String = row[column]
                    cells.append(text.isEmpty ? .missing : .text(text))
                }
                for column in 7 ... 16 { cells.append(.integer(row[column])) }
                cells.append(.text((row[17] as Bool) ? "yes" : "no"))
                cells.append(.text((row[18] as Bool) ? "yes" : "no"))
                let read: String = row[19]
                cells.append(read.isEmpty ? .missing : .text(read))
                ingests.rows.append(cells)
            }
            var warnings = ResultTable(name: "ingest_warnings", title: "Warnings by ingest and category", columns: ["ingest", "category", "count"])
            for row in try Row.fetchAll(db, sql: "SELECT ingest_id, category, count FROM ingest_warning ORDER BY ingest_id, count DESC, category") {
                warnings.rows.append([.integer(row[0]), .text(row[1]), .integer(row[2])])
            }
            return [contents, ingests, warnings]
        }
    }
}
