import Foundation
import XCTest

/// A real `reachgraph ingest` killed with SIGKILL in the middle of its transaction leaves the
/// store as it was before that ingest, intact, and the same ingest run again completes it.
final class StoreCrashTests: XCTestCase {
    /// A posts table of `count` posts by 1,000 authors, every third a repost of an earlier post.
    private func postsTable(_ count: Int, prefix: String) -> String {
        var text = "post_id,author,time,parent_post\n"
        text.reserveCapacity(count * 40)
        for index in 0 ..< count {
            let parent = index % 3 == 2 ? "\(prefix)\(index / 2)" : ""
            text += "\(prefix)\(index),a\(index % 1000),\(1_740_000_000 + index),\(parent)\n"
        }
        return text
    }

    private func posts(in store: String) throws -> Int {
        let run = try ReachGraphCLI.run(["store", "info", store, "--format", "json"])
        XCTAssertEqual(run.status, 0, run.error)
        let object = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: [[String: Any]]]
        return try XCTUnwrap(object?["store"]?.first { $0["item"] as? String == "posts" }?["value"] as? Int)
    }

    func testKillDuringIngestLeavesTheStoreAsBefore() throws {
        let small = try ReachGraphCLI.temporaryFolder(["posts.csv": postsTable(100, prefix: "s")])
        let big = try ReachGraphCLI.temporaryFolder(["posts.csv": postsTable(150_000, prefix: "b")])
        let store = try ReachGraphCLI.temporaryFolder() + "/crash.sqlite"
        XCTAssertEqual(try ReachGraphCLI.run(["ingest", small, "--into", store]).status, 0)
        XCTAssertEqual(try posts(in: store), 100)

        let process = Process()
        process.executableURL = ReachGraphCLI.executable
        process.arguments = ["ingest", big, "--into", store, "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The WAL grows once the ingest's transaction spills pages: kill it then, mid-write.
        let wal = store + "-wal"
        let deadline = Date().addingTimeInterval(120)
        var walSize = 0
        while process.isRunning && Date() < deadline {
            walSize = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
            if walSize > 2 << 20 { break }
            usleep(2_000)
        }
        XCTAssertTrue(process.isRunning, "the ingest ended before the WAL grew past 2 MiB (\(walSize) bytes)")
        let reader = try ReachGraphCLI.run(["store", "info", store, "--format", "json"])
        XCTAssertEqual(reader.status, 0, "a reader works while an ingest runs: \(reader.error)")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        XCTAssertEqual(process.terminationStatus, SIGKILL)

        let check = try ReachGraphCLI.run(["store", "check", store])
        XCTAssertEqual(check.status, 0, check.error)
        XCTAssertEqual(check.output, "ok\n")
        XCTAssertEqual(try posts(in: store), 100, "the killed ingest left nothing behind")

        let again = try ReachGraphCLI.run(["ingest", big, "--into", store])
        XCTAssertEqual(again.status, 0, again.error)
        XCTAssertEqual(try posts(in: store), 150_100)
        XCTAssertEqual(try ReachGraphCLI.run(["store", "check", store]).output, "ok\n")
    }
}
