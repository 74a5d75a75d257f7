import Foundation
import XCTest

/// `reachgraph ingest`, `store info` and every analysis command on a store, run as a user runs
/// them, on the bundled synthetic sample.
final class StoreCommandTests: XCTestCase {
    private static let sample = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("graphs/sample").path

    /// A store holding the whole sample, made once for the tests that only read it.
    private static let sampleStore: Result<String, Error> = Result {
        let store = try ReachGraphCLI.temporaryFolder() + "/sample.sqlite"
        let run = try ReachGraphCLI.run(["ingest", sample, "--into", store])
        guard run.status == 0 else { throw NSError(domain: "ingest", code: Int(run.status), userInfo: [NSLocalizedDescriptionKey: run.error]) }
        return store
    }

    /// Runs `arguments` with INPUT first on `folder`, then on `store` plus `slice`, and asserts
    /// the same output; lines naming the input (`Dataset …`) are left out.
    private func assertSameOutput(_ arguments: [String], folder: String, store: String, slice: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws {
        let command = arguments[0], rest = Array(arguments.dropFirst())
        let onFolder = try ReachGraphCLI.run([command, folder] + rest)
        let onStore = try ReachGraphCLI.run([command, store] + slice + rest)
        XCTAssertEqual(onFolder.status, 0, onFolder.error, file: file, line: line)
        XCTAssertEqual(onStore.status, 0, onStore.error, file: file, line: line)
        func body(_ text: String) -> [Substring] { text.split(separator: "\n").filter { !$0.hasPrefix("Dataset ") } }
        XCTAssertGreaterThan(body(onFolder.output).count, 2, "\(arguments) printed almost nothing", file: file, line: line)
        XCTAssertEqual(body(onStore.output), body(onFolder.output), "\(arguments)", file: file, line: line)
    }

    private static let analyses: [[String]] = [
        ["summary"],
        ["rank", "--by", "pagerank", "--top", "25"],
        ["rank", "--by", "betweenness", "--top", "25", "--format", "csv"],
        ["kol", "--top", "30"],
        ["cascades", "--format", "csv"],
        ["cascades", "--by", "kind"],
        ["coordination", "--window", "600", "--table", "summary"],
        ["coordination", "--window", "600", "--table", "edges", "--format", "csv"],
        ["structure"],
        ["seeds", "--k", "5", "--model", "ic", "--seed", "3"],
    ]

    func testEveryCommandGivesTheFolderNumbersOnTheStore() throws {
        let store = try Self.sampleStore.get()
        for arguments in Self.analyses + [["index"], ["index", "--by", "city", "--period", "2025-04"], ["export", "--to", "graphml"]] {
            try assertSameOutput(arguments, folder: Self.sample, store: store)
        }
    }

    /// A month of the store gives the numbers of a folder holding that month: every account, the
    /// month's posts and metrics rows, and relations derived from the posts.
    func testMonthSliceGivesTheMonthFolderNumbers() throws {
        let store = try Self.sampleStore.get()
        let month = "2025-04"
        func lines(_ name: String) throws -> [Substring] {
            try String(contentsOfFile: Self.sample + "/" + name, encoding: .utf8).split(separator: "\n")
        }
        let posts = try lines("posts.csv"), metrics = try lines("metrics.csv")
        let folder = try ReachGraphCLI.temporaryFolder([
            "accounts.csv": try String(contentsOfFile: Self.sample + "/accounts.csv", encoding: .utf8),
            "posts.csv": ([posts[0]] + posts.dropFirst().filter { $0.split(separator: ",", omittingEmptySubsequences: false)[2].hasPrefix(month) }).joined(separator: "\n") + "\n",
            "metrics.csv": ([metrics[0]] + metrics.dropFirst().filter { $0.split(separator: ",", omittingEmptySubsequences: false)[2] == month }).joined(separator: "\n") + "\n",
        ])
        for arguments in Self.analyses {
            try assertSameOutput(arguments, folder: folder, store: store, slice: ["--period", month])
        }
        try assertSameOutput(["rank", "--by", "in-strength", "--top", "10"], folder: folder, store: store, slice: ["--from", "2025-04-01", "--to", "2025-05-01"])
        try assertSameOutput(["index"], folder: folder, store: store, slice: ["--from", "2025-04-01", "--to", "2025-05-01"])
    }

    func testIngestTwiceSaysNothingNewAndInfoShowsProvenance() throws {
        let folder = try ReachGraphCLI.temporaryFolder([
            "accounts.csv": "id,name,kind,followers\na,Alpha,media_centre,10\nb,Beta,influencer,5\n",
            "posts.csv": "post_id,author,time,parent_post\np1,a,2025-05-01T00:00:00Z,\np2,b,2025-05-01T01:00:00Z,p1\np3,b,2025-05-01T02:00:00Z,p1\n",
        ])
        let store = try ReachGraphCLI.temporaryFolder() + "/monthly.sqlite"
        let first = try ReachGraphCLI.run(["ingest", folder, "--into", store, "--period", "2025-05"])
        XCTAssertEqual(first.status, 0, first.error)
        XCTAssertEqual(first.output, "ingest #1 \(folder) → \(store) (period 2025-05): new 3 of 3 posts, 2 of 2 accounts (0 changed), relations derived from posts, 0 of 0 metrics rows, 1 warnings\n")
        let second = try ReachGraphCLI.run(["ingest", folder, "--into", store, "--period", "2025-05"])
        XCTAssertEqual(second.status, 0, second.error)
        XCTAssertTrue(second.output.hasPrefix("nothing new: \(store) already holds every row of \(folder) (sha256 "), second.output)
        let info = try ReachGraphCLI.run(["store", "info", store, "--format", "csv"])
        XCTAssertEqual(info.status, 0, info.error)
        let rows = info.output.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertTrue(rows.contains(["store", "posts", "3"]), info.output)
        XCTAssertTrue(rows.contains(["store", "ingests", "1"]), info.output)
        let ingest = try XCTUnwrap(rows.first { $0.first == "ingests" && $0.count > 4 && $0[4] == folder }, info.output)
        XCTAssertEqual(ingest[5].count, 64, "SHA-256 in hex")
        XCTAssertTrue(rows.contains(["ingest_warnings", "1", "repeated reposts of one post by one account (counted once)", "1"]), info.output)
        let summary = try ReachGraphCLI.run(["summary", store, "--period", "2025-05", "--format", "csv"])
        XCTAssertTrue(summary.output.contains("posts,posts,3"), summary.output)
    }

    func testBadInputIsRejectedBeforeAnythingIsWritten() throws {
        let good = try ReachGraphCLI.temporaryFolder(["posts.csv": "post_id,author,time\np1,a,100\n"])
        let bad = try ReachGraphCLI.temporaryFolder(["posts.csv": "post_id,author,time\np2,b,100\np3,c,2025-13-01\n"])
        let fresh = try ReachGraphCLI.temporaryFolder() + "/fresh.sqlite"
        let refused = try ReachGraphCLI.run(["ingest", good, bad, "--into", fresh])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.error.hasPrefix("reachgraph: posts.csv:3:"), refused.error)
        XCTAssertEqual(refused.error.split(separator: "\n").count, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: fresh), "no store is created for bad input")

        XCTAssertEqual(try ReachGraphCLI.run(["ingest", good, "--into", fresh]).status, 0)
        XCTAssertEqual(try ReachGraphCLI.run(["ingest", bad, "--into", fresh]).status, 1)
        let info = try ReachGraphCLI.run(["store", "info", fresh, "--format", "csv"])
        XCTAssertTrue(info.output.contains("store,posts,1\n"), info.output)
        XCTAssertTrue(info.output.contains("store,ingests,1\n"), info.output)

        let notStore = try ReachGraphCLI.temporaryFile("x.sqlite", "id,name\n")
        let wrong = try ReachGraphCLI.run(["summary", notStore])
        XCTAssertEqual(wrong.status, 1)
        XCTAssertEqual(wrong.error, "reachgraph: \(notStore): not a store: the file is not an SQLite database\n")
        let sliceOfFolder = try ReachGraphCLI.run(["summary", good, "--period", "2025-05"])
        XCTAssertEqual(sliceOfFolder.status, 1)
        XCTAssertTrue(sliceOfFolder.error.contains("--from, --to and --period choose a slice of a store"), sliceOfFolder.error)
    }
}
