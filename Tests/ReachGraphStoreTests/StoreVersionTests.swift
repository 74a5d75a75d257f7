import Foundation
import GRDB
import ReachGraph
@testable import ReachGraphStore
import XCTest

/// What schema v2 adds: the synthetic mark of each ingest, carried through reads, and metrics
/// rows kept as versions; and that a v1 store is brought up to date with its rows intact.
final class StoreVersionTests: XCTestCase {
    private func ingest(_ path: String, into store: DatasetStore, period: String = "") throws -> IngestReport {
        try store.ingest(DatasetLoader.load(path), source: path, sha256: InputSource.sha256(of: path), period: period)
    }

    func testAnIngestOfSyntheticDataMarksEverySliceOfTheStore() throws {
        let scratch = try ScratchFolder()
        let observed = try scratch.folder("observed", [
            "posts.csv": "post_id,author,time,parent_post\np1,a,2025-05-01T00:00:00Z,\np2,b,2025-05-01T01:00:00Z,p1\n",
            "README.md": "Collected by hand from the public timeline.\n",
        ])
        let generated = try scratch.folder("generated", [
            "posts.csv": "post_id,author,time,parent_post\nq1,c,2025-06-01T00:00:00Z,\nq2,a,2025-06-01T01:00:00Z,q1\n",
            "README.md": "# Sample\n\n**This dataset is synthetic.** Nothing here was observed.\n",
        ])
        XCTAssertFalse(try DatasetLoader.load(observed).isSynthetic)
        XCTAssertTrue(try DatasetLoader.load(generated).isSynthetic)
        XCTAssertTrue(try DatasetLoader.load(StoreTestData.sample).isSynthetic, "the generator's README says so")

        let store = try DatasetStore(path: scratch.file("s.sqlite"), create: true)
        XCTAssertFalse(try ingest(observed, into: store).synthetic)
        XCTAssertFalse(try store.load().isSynthetic, "observed data only")
        XCTAssertFalse(try store.load(StoreSlice(period: "2025-05")).isSynthetic)
        XCTAssertTrue(try ingest(generated, into: store).synthetic)
        for slice in [StoreSlice.everything, try StoreSlice(period: "2025-05"), try StoreSlice(period: "2025-06")] {
            XCTAssertTrue(try store.load(slice).isSynthetic, slice.description)
        }
        let ingests = try store.info()[1]
        let column = try XCTUnwrap(ingests.columns.firstIndex(of: "synthetic"))
        XCTAssertEqual(ingests.rows.map { $0[column] }, [.text("no"), .text("yes")])
        // Reopened by another process, the mark is still there.
        XCTAssertTrue(try DatasetStore(path: scratch.file("s.sqlite"), create: false).load().isSynthetic)
    }

    /// April's collection gives a 3 posts; the May re-collection corrects it to 5 and adds b.
    /// The corrected row is a new version; reads take the latest; ingesting the May file again
    /// writes nothing; ingesting April's again makes its values the latest once more.
    func testAChangedMetricsRowIsANewVersionAndReadsTakeTheLatest() throws {
        let scratch = try ScratchFolder()
        let header = "account,platform,period,posts,likes,qualitative\n"
        let april = try scratch.folder("april", ["metrics.csv": header + "a,x,2025-04,3,10,50\nc,x,2025-04,1,0,\n"])
        let may = try scratch.folder("may", ["metrics.csv": header + "a,x,2025-04,5,10,50\nb,x,2025-04,2,1,70\nc,x,2025-04,1,0,\n"])
        let store = try DatasetStore(path: scratch.file("s.sqlite"), create: true)
        let first = try ingest(april, into: store)
        XCTAssertEqual([first.metricsRead, first.metricsAdded, first.metricsChanged], [2, 2, 0])
        let second = try ingest(may, into: store)
        XCTAssertEqual([second.metricsRead, second.metricsAdded, second.metricsChanged], [3, 1, 1])
        let loaded = try store.load()
        XCTAssertEqual(loaded.metrics.map(\.account), ["a", "c", "b"], "in the order keys first arrived")
        XCTAssertEqual(loaded.metrics.map(\.posts), [5, 1, 2])
        XCTAssertEqual(loaded.metrics[1].qualitative, nil)
        XCTAssertEqual(try store.load(StoreSlice(period: "2025-04")).metrics.map(\.posts), [5, 1, 2])

        XCTAssertTrue(try ingest(may, into: store).changedNothing)
        let contents = try store.info()[0].rows
        XCTAssertTrue(contents.contains([.text("metrics rows"), .integer(3)]), "\(contents)")
        XCTAssertTrue(contents.contains([.text("metrics row versions"), .integer(4)]), "\(contents)")

        let again = try ingest(april, into: store)
        XCTAssertEqual([again.metricsAdded, again.metricsChanged], [0, 1], "a's 3 differs from the latest (5); c is unchanged")
        XCTAssertEqual(try store.load().metrics.map(\.posts), [3, 1, 2])
        let ingests = try store.info()[1]
        let changed = try XCTUnwrap(ingests.columns.firstIndex(of: "metrics_changed"))
        XCTAssertEqual(ingests.rows.map { $0[changed] }, [.integer(0), .integer(1), .integer(1)])
    }

    /// A store written before v2 (schema v1 only) is migrated by the next ingest: its metrics
    /// rows and their order are kept, its ingests count as observed data.
    func testAVersion1StoreIsBroughtUpToDate() throws {
        let scratch = try ScratchFolder()
        let path = scratch.file("old.sqlite")
        do {
            let pool = try DatabasePool(path: path)
            try StoreSchema.migrator.migrate(pool, upTo: "v1")
            try pool.write { db in
                try db.execute(sql: """
                    INSERT INTO ingest VALUES (1, 'old', 'abc', 'folder', '', '', '2025-05-01T00:00:00Z', 0, 0, 0, 0, 0, 0, 0, 0, 2, 2);
                    INSERT INTO metric (seq, account, platform, period, posts, ingest_id) VALUES (1, 'z', 'x', '2025-04', 9, 1), (2, 'a', 'x', '2025-04', 3, 1);
                    """)
            }
        }
        XCTAssertThrowsError(try DatasetStore(path: path, create: false)) { error in
            XCTAssertEqual("\(error)", "\(path): not a ReachGraph store, or one not brought up to date (ingest into it once to migrate)")
        }
        let store = try DatasetStore(path: path, create: true)
        XCTAssertEqual(try store.info()[0].rows.first, [.text("schema"), .text("v1, v2, v3, v4, v5")])
        XCTAssertEqual(try store.load().metrics.map(\.account), ["z", "a"])
        XCTAssertFalse(try store.load().isSynthetic)
        let folder = try scratch.folder("new", ["metrics.csv": "account,platform,period,posts\na,x,2025-04,4\n"])
        let report = try ingest(folder, into: store)
        XCTAssertEqual(report.metricsChanged, 1)
        XCTAssertEqual(try store.load().metrics.map(\.posts), [9, 4])
        XCTAssertEqual(try store.integrityCheck(), ["ok"])
    }
}
