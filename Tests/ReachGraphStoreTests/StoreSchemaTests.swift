import Foundation
import GRDB
import ReachGraph
@testable import ReachGraphStore
import XCTest

/// The store read by another program: Python's standard `sqlite3` module, through the tables and
/// columns `docs/store.md` documents (`Scripts/read_store.py`), gives the numbers ReachGraph reads.
final class StoreSchemaTests: XCTestCase {
    private func python(_ script: String, _ arguments: [String]) throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script] + arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, message)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func testPythonSqlite3ReadsTheDocumentedTables() throws {
        let scratch = try ScratchFolder()
        let storePath = scratch.file("sample.sqlite")
        let store = try DatasetStore(path: storePath, create: true)
        let sample = try DatasetLoader.load(StoreTestData.sample)
        let sha = try InputSource.sha256(of: StoreTestData.sample)
        _ = try store.ingest(sample, source: StoreTestData.sample, sha256: sha)
        // A later collection in which one account gained followers.
        var renamed = try String(contentsOfFile: StoreTestData.sample + "/accounts.csv", encoding: .utf8).split(separator: "\n").map(String.init)
        var fields = renamed[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let changedID = fields[0]
        fields[8] = "999999"
        renamed[1] = fields.joined(separator: ",")
        // And a corrected metrics row: its posts up by 7, a new version read as the latest.
        let metricsLines = try StoreTestData.sampleLines("metrics.csv")
        var metricsFields = metricsLines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let correctedPeriod = metricsFields[2]
        metricsFields[3] = String(Int(metricsFields[3])! + 7)
        let june = try scratch.folder("june", [
            "accounts.csv": renamed.joined(separator: "\n") + "\n", "relations.csv": "source,target,relation\n",
            "metrics.csv": metricsLines[0] + "\n" + metricsFields.joined(separator: ",") + "\n",
        ])
        _ = try store.ingest(try DatasetLoader.load(june), source: june, sha256: try InputSource.sha256(of: june), period: "2025-06")

        let script = StoreTestData.root.appendingPathComponent("Tests/ReachGraphStoreTests/Scripts/read_store.py").path
        let found = try python(script, [storePath])
        XCTAssertEqual(found["tables"] as? [String], [
            "account", "account_version", "attribute_column", "grdb_migrations", "ingest", "ingest_note", "ingest_warning", "metric", "post", "relation",
        ])
        XCTAssertEqual(found["migrations"] as? [String], ["v1", "v2", "v3", "v4", "v5"])
        XCTAssertEqual(found["journal_mode"] as? String, "wal")
        XCTAssertEqual(found["posts"] as? Int, sample.posts.count)
        XCTAssertEqual(found["reposts"] as? Int, sample.posts.filter { $0.parentPost != nil }.count)
        XCTAssertEqual(found["declared_accounts"] as? Int, sample.accounts.count)

        var postsByMonth: [String: Int] = [:]
        for post in sample.posts { postsByMonth[StoreSlice.month(of: post.time), default: 0] += 1 }
        XCTAssertEqual(found["posts_by_month"] as? [String: Int], postsByMonth)
        var metricsPosts: [String: Int] = [:]
        for row in sample.metrics { metricsPosts[row.period, default: 0] += row.posts ?? 0 }
        metricsPosts[correctedPeriod, default: 0] += 7
        XCTAssertEqual(found["metrics_posts_by_period"] as? [String: Int], metricsPosts)
        var weights: [String: Double] = [:]
        for row in 0 ..< sample.relations.count { weights[sample.relations.types[row].rawValue, default: 0] += sample.relations.weights[row] }
        XCTAssertEqual(found["relation_weight_by_type"] as? [String: Double], weights)

        let followers = try XCTUnwrap(found["latest_followers"] as? [String: Int])
        XCTAssertEqual(followers.count, sample.accounts.count)
        XCTAssertEqual(followers[changedID], 999_999)
        XCTAssertEqual(followers[sample.accounts[1].id], sample.accounts[1].followers)
        XCTAssertEqual(try store.load().account(withID: changedID)?.followers, 999_999)
        XCTAssertEqual(try store.load(StoreSlice(period: "2025-05")).account(withID: changedID)?.followers, sample.accounts[0].followers)

        let ingests = try XCTUnwrap(found["ingests"] as? [[String: Any]])
        XCTAssertEqual(ingests.count, 2)
        XCTAssertEqual(ingests[0]["sha256"] as? String, sha)
        XCTAssertEqual(ingests[0]["posts_added"] as? Int, sample.posts.count)
        XCTAssertEqual(ingests.map { $0["synthetic"] as? Int }, [1, 0], "the sample's README says it is synthetic; the hand-made June folder has none")
    }

    /// A store written before migration v3 (entity, parent_author) is refused by readers with a
    /// one-line hint and brought up to date by the next ingest.
    func testAVersion2StoreGainsEntitiesByAnIngest() throws {
        let scratch = try ScratchFolder()
        let pool = try DatabasePool(path: scratch.file("v2.sqlite"))
        try StoreSchema.migrator.migrate(pool, upTo: "v2")
        try pool.close()
        XCTAssertThrowsError(try DatasetStore(path: scratch.file("v2.sqlite"), create: false)) { error in
            XCTAssertEqual((error as? InputError)?.message, "not a ReachGraph store, or one not brought up to date (ingest into it once to migrate)")
        }
        _ = try scratch.store("v2.sqlite", ingesting: ["accounts.csv": "id,kind,entity\na,media_centre,E\n", "relations.csv": "source,target,relation\na,b,repost\n"])
        XCTAssertEqual(try DatasetStore(path: scratch.file("v2.sqlite"), create: false).load().accounts.first?.entity, "E")
    }

    /// A store written before migration v5 (the reading of each ingest) is read as it is, and its
    /// ingests, of unknown reading, count as read the same way when the next ingest migrates it.
    func testAVersion4StoreIsReadAndMigratedByAnIngest() throws {
        let scratch = try ScratchFolder()
        let data = try scratch.folder("data", ["relations.csv": "source,target,relation\na,b,repost\n"])
        let pool = try DatabasePool(path: scratch.file("v4.sqlite"))
        try StoreSchema.migrator.migrate(pool, upTo: "v4")
        try pool.close()
        let old = try DatasetStore(path: scratch.file("v4.sqlite"), create: false)
        XCTAssertEqual(try old.info()[0].rows.first, [.text("schema"), .text("v1, v2, v3, v4")])
        XCTAssertEqual(try old.info()[1].columns.last, "reading")
        XCTAssertEqual(try old.load().relations.count, 0)
        let store = try DatasetStore(path: scratch.file("v4.sqlite"), create: true)
        let sha = try InputSource.sha256(of: data)
        XCTAssertEqual(try store.ingest(DatasetLoader.load(data), source: data, sha256: sha).relationsAdded, 1)
        XCTAssertEqual(try store.info()[0].rows.first, [.text("schema"), .text("v1, v2, v3, v4, v5")])
        XCTAssertEqual(try store.info()[1].rows.first?.last, .text("folder"))
        let writer = try DatabasePool(path: scratch.file("v4.sqlite"))
        try writer.write { db in try db.execute(sql: "UPDATE ingest SET reading = ''") }
        try writer.close()
        let renamed = try DatasetLoader.load(data, options: DatasetLoader.Options(columnAliases: ["source": "target", "target": "source"]))
        XCTAssertNoThrow(try store.checkNotHeldOtherwise(renamed, sha256: sha, source: data, period: ""), "an ingest of unknown reading is not compared")
    }

    /// Migration v5 gives earlier ingests the reading their notes tell: an edge list's direction,
    /// the format alone for readers that take neither option, nothing for a folder (whose --map
    /// was not noted); the next reading of such an edge list the other way is refused.
    func testMigrationFiveFillsTheReadingFromTheNotes() throws {
        let scratch = try ScratchFolder()
        let path = scratch.file("v4.sqlite")
        let pool = try DatabasePool(path: path)
        try StoreSchema.migrator.migrate(pool, upTo: "v4")
        try pool.write { db in
            for (id, format) in [(1, "edge-list"), (2, "json"), (3, "folder"), (4, "snap")] {
                try db.execute(sql: """
                    INSERT INTO ingest (id, source, sha256, format, period, platform, ingested_at, relations_derived, accounts_read, accounts_added,
                        accounts_changed, relations_read, relations_added, posts_read, posts_added, metrics_read, metrics_added)
                    VALUES (?, ?, ?, ?, '', '', '2026-01-01T00:00:00Z', 0, 0, 0, 0, 2, 2, 0, 0, 0, 0)
                    """, arguments: [id, "input\(id)", "sha\(id)", format])
            }
            try db.execute(sql: "INSERT INTO ingest_note (ingest_id, position, topic, value) VALUES (1, 1, 'edge direction', 'reposter-to-author: second column → first (reversed)')")
            try db.execute(sql: "INSERT INTO ingest_note (ingest_id, position, topic, value) VALUES (3, 0, 'input format', 'folder (detected from the content)')")
        }
        try pool.close()
        let store = try DatasetStore(path: path, create: true)
        let readings = try DatabasePool(path: path).read { db in try String.fetchAll(db, sql: "SELECT reading FROM ingest ORDER BY id") }
        XCTAssertEqual(readings, ["edge-list, --edge-direction reposter-to-author", "json", "", ""], "a snap ingest without its note stays unknown")
        let edges = scratch.file("edges.csv")
        try "a,b\nb,c\n".write(toFile: edges, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try store.checkNotHeldOtherwise(DatasetLoader.load(edges), sha256: "sha1", source: edges, period: ""))
        XCTAssertNoThrow(try store.checkNotHeldOtherwise(
            DatasetLoader.load(edges, options: DatasetLoader.Options(edgeDirection: .reposterToAuthor)), sha256: "sha1", source: edges, period: ""
        ))
    }
}
