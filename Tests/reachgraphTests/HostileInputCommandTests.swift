import Foundation
import XCTest

/// The command line's answers to hostile input (issue 13): exit 1 or 2 with one line, never a
/// trap, and never an overwritten input. All data here is hand-made.
final class HostileInputCommandTests: XCTestCase {
    private func assertOneLineError(_ result: ReachGraphCLI.Result, status: Int32 = 1, contains text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(result.status, status, result.error, file: file, line: line)
        XCTAssertEqual(result.error.split(separator: "\n").count, 1, result.error, file: file, line: line)
        XCTAssertTrue(result.error.contains(text), result.error, file: file, line: line)
        XCTAssertFalse(result.error.contains("NSCocoaErrorDomain"), result.error, file: file, line: line)
    }

    func testTimeOfMinus1e19IsAnErrorNotATrap() throws {
        let posts = try ReachGraphCLI.temporaryFile("posts.csv", "post_id,author,time\np1,a,-1e19\n")
        let result = try ReachGraphCLI.run(["summary", posts])
        assertOneLineError(result, contains: #"posts.csv:2:6: column "time": -1e19 is too large for an epoch time"#)
    }

    /// A folder given to a reader of one file is named as such, not with Foundation's
    /// "NSCocoaErrorDomain error 256" (seen on the twitter15 tree folder read as DeepHawkes).
    func testAFolderReadAsALineFormatIsAOneLineError() throws {
        let folder = try ReachGraphCLI.temporaryFolder(["a.txt": "1\t2\n"])
        for format in ["deephawkes", "twitter-v2", "telegram"] {
            let result = try ReachGraphCLI.run(["summary", folder, "--input-format", format])
            assertOneLineError(result, contains: "is a folder; --input-format \(format) reads one file")
        }
    }

    func testOutputEqualToTheInputIsRefusedAndTheInputKept() throws {
        let text = "source,target\na,b\nb,c\n"
        let edges = try ReachGraphCLI.temporaryFile("e.csv", text)
        let result = try ReachGraphCLI.run(["rank", edges, "--by", "degree", "-o", edges])
        assertOneLineError(result, contains: "is an input of this run; refusing to overwrite it")
        XCTAssertEqual(try String(contentsOfFile: edges, encoding: .utf8), text)
        // Another spelling of the same file is the same file.
        let folder = (edges as NSString).deletingLastPathComponent
        let spelled = try ReachGraphCLI.run(["summary", edges, "-o", folder + "/./e.csv"])
        assertOneLineError(spelled, contains: "refusing to overwrite it")
        XCTAssertEqual(try String(contentsOfFile: edges, encoding: .utf8), text)
    }

    func testExportIntoItsInputFolderIsRefusedBeforeWritingAnyTable() throws {
        let folder = try ReachGraphCLI.temporaryFolder()
        let posts = "post_id,author,time,parent_post\np1,a,1700000000,\np2,b,1700000060,p1\n"
        try ReachGraphCLI.write(posts, to: folder + "/posts.csv")
        let result = try ReachGraphCLI.run(["export", folder, "--to", "csv", "-o", folder, "--quiet"])
        assertOneLineError(result, contains: "posts.csv: is an input of this run; refusing to overwrite it")
        // accounts.csv, written first, would have given the input folder a roster it did not have.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), ["posts.csv"])
        XCTAssertEqual(try String(contentsOfFile: folder + "/posts.csv", encoding: .utf8), posts)
    }

    func testAStoreReadAsInputIsNotReplacedByAnOutput() throws {
        let folder = try ReachGraphCLI.temporaryFolder([
            "accounts.csv": "id,kind\na,media_outlet\nb,influencer\n",
            "posts.csv": "post_id,author,time,parent_post\np1,a,2025-03-01T00:00:00Z,\np2,b,2025-03-01T01:00:00Z,p1\n",
        ])
        let store = folder + "/store.sqlite"
        XCTAssertEqual(try ReachGraphCLI.run(["ingest", folder, "--into", store, "--quiet"]).status, 0)
        let stored = try Data(contentsOf: URL(fileURLWithPath: store)).prefix(16)
        for arguments in [
            ["trend", store, "--measure", "pagerank", "-o", store], ["trend", store, "--measure", "pagerank", "--chart", store],
            ["store", "info", store, "-o", store], ["rank", store, "--by", "degree", "-o", store], ["export", store, "--to", "json", "-o", store],
        ] {
            assertOneLineError(try ReachGraphCLI.run(arguments), contains: "is an input of this run; refusing to overwrite it")
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: store)).prefix(16), stored, "\(arguments)")
        }
        XCTAssertEqual(try ReachGraphCLI.run(["store", "info", store]).status, 0)
    }

    func testPlatformExportsReadLineByLineOrWholeAreNotReplacedByAnOutput() throws {
        let snap = "# Directed graph\n# FromNodeId\tToNodeId\n1\t2\n2\t3\n"
        let tweets = #"{"data": [{"id": "1", "author_id": "u1", "created_at": "2025-03-01T00:00:00.000Z", "text": "hi"}]}"# + "\n"
        let telegram = #"{"name": "c", "type": "public_channel", "id": 123, "messages": [{"id": 1, "type": "message", "date_unixtime": "1740823200", "text": "hi"}]}"#
        for (name, text, format) in [("edges.txt", snap, "snap"), ("tweets.jsonl", tweets, "twitter-v2"), ("result.json", telegram, "telegram")] {
            let file = try ReachGraphCLI.temporaryFile(name, text)
            let result = try ReachGraphCLI.run(["rank", file, "--input-format", format, "--by", "degree", "--quiet", "-o", file])
            assertOneLineError(result, contains: "is an input of this run; refusing to overwrite it")
            XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), text, name)
        }
    }

    func testNotANumberOptionsAreUsageErrors() throws {
        let posts = try ReachGraphCLI.temporaryFile("posts.csv", "post_id,author,time,parent_post\np1,a,0,\np2,b,5,p1\n")
        for arguments in [["cascades", posts, "--attribution", "probabilistic", "--alpha", "nan"], ["brief", posts, "-o", posts + ".brief", "--window", "inf"]] {
            let result = try ReachGraphCLI.run(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.error)")
            XCTAssertTrue(result.error.contains("must be"), result.error)
        }
    }

    func testTreesOptionTakesOneFileAndNamesAMissingOne() throws {
        let tree = try ReachGraphCLI.temporaryFile("42.txt", "['ROOT', 'ROOT', '0.0']->['u1', '42', '0.0']\n['u1', '42', '0.0']->['u2', '42', '1.5']\n")
        let result = try ReachGraphCLI.run(["cascades", "--trees", tree, "--format", "csv", "--quiet"])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.output.contains("42,"), result.output)
        let missing = try ReachGraphCLI.run(["cascades", "--trees", tree + ".missing"])
        assertOneLineError(missing, contains: "no such file or folder")
    }

    func testPostCyclesAreReportedBySummary() throws {
        let posts = try ReachGraphCLI.temporaryFile("posts.csv", "post_id,author,time,parent_post\npa,a,1,pc\npb,b,2,pa\npc,c,3,pb\n")
        let result = try ReachGraphCLI.run(["summary", posts, "--format", "long-csv"])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.output.contains("warnings,2,category,posts whose links loop (no root: skipped by cascades)\nwarnings,2,count,3"), result.output)
        // coordination reads the posts as shares, by its own reader, and says it too, from a CSV or a JSON dataset.
        let json = try ReachGraphCLI.temporaryFolder() + "/posts.json"
        XCTAssertEqual(try ReachGraphCLI.run(["export", posts, "--to", "json", "-o", json, "--quiet"]).status, 0)
        for input in [posts, json] {
            let coordination = try ReachGraphCLI.run(["coordination", input, "--window", "60s", "--format", "long-csv"])
            XCTAssertEqual(coordination.status, 0, coordination.error)
            XCTAssertTrue(coordination.error.contains("warning: 3 × posts whose links loop (no root: skipped by cascades)\n"), coordination.error)
        }
    }

    func testBriefIsWrittenWholeOrNotAtAll() throws {
        let folder = try ReachGraphCLI.temporaryFolder()
        let data = folder + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try ReachGraphCLI.write("source,target,relation\na,b,repost\nb,c,repost\n", to: data + "/relations.csv")
        // A file where the briefing folder should be: refused in one line.
        try ReachGraphCLI.write("not a folder", to: folder + "/file")
        assertOneLineError(try ReachGraphCLI.run(["brief", data, "-o", folder + "/file", "--quiet", "--no-png"]), contains: "is a file; the briefing needs a folder")
        // A previous briefing whose tables/ became a file is replaced whole.
        try FileManager.default.createDirectory(atPath: folder + "/out", withIntermediateDirectories: true)
        try ReachGraphCLI.write("stale", to: folder + "/out/tables")
        let result = try ReachGraphCLI.run(["brief", data, "-o", folder + "/out", "--quiet", "--no-png", "--bootstrap", "0"])
        XCTAssertEqual(result.status, 0, result.error)
        var isFolder: ObjCBool = false
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/out/tables", isDirectory: &isFolder) && isFolder.boolValue)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/out/index.html"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }, [], "no staging folder left")
        // The input folder itself, or a folder of other files, is never replaced.
        assertOneLineError(try ReachGraphCLI.run(["brief", data, "-o", data, "--quiet", "--no-png"]), contains: "an input of this run")
        assertOneLineError(try ReachGraphCLI.run(["brief", data, "-o", folder, "--quiet", "--no-png"]), contains: "an input of this run")
        XCTAssertTrue(FileManager.default.fileExists(atPath: data + "/relations.csv"))
    }
}
