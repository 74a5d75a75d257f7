import Foundation
import XCTest

/// `reachgraph generate`: the synthetic sample, written with -o, the same bytes for the same seed.
final class GenerateCommandTests: XCTestCase {
    private func generate(seed: Int, into folder: String) throws -> ReachGraphCLI.Result {
        try ReachGraphCLI.run(["generate", "--seed", String(seed), "--scale", "0.02", "--months", "1", "-o", folder])
    }

    private func rows(_ file: String) throws -> Int {
        try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").count - 1
    }

    func testSameSeedSameBytesAndCountsAsReported() throws {
        let root = try ReachGraphCLI.temporaryFolder()
        let first = try generate(seed: 7, into: root + "/a")
        XCTAssertEqual(first.status, 0, first.error)
        XCTAssertEqual(try generate(seed: 7, into: root + "/b").status, 0)
        XCTAssertEqual(try generate(seed: 8, into: root + "/c").status, 0)
        let files = ["README.md", "accounts.csv", "metrics.csv", "posts.csv", "relations.csv"]
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root + "/a").sorted(), files)
        for file in files {
            XCTAssertEqual(FileManager.default.contents(atPath: root + "/a/" + file), FileManager.default.contents(atPath: root + "/b/" + file), file)
        }
        XCTAssertNotEqual(FileManager.default.contents(atPath: root + "/a/posts.csv"), FileManager.default.contents(atPath: root + "/c/posts.csv"))
        let counts = try ["accounts", "relations", "posts", "metrics"].map { try rows(root + "/a/\($0).csv") }
        XCTAssertEqual(
            first.error,
            "wrote \(root)/a: \(counts[0]) accounts, \(counts[1]) relations, \(counts[2]) posts, \(counts[3]) metrics rows (synthetic)\n"
        )
        XCTAssertTrue(try String(contentsOfFile: root + "/a/README.md", encoding: .utf8).contains("**This dataset is synthetic.**"))
        // What it writes reads back: summary counts the same accounts.
        let summary = try ReachGraphCLI.run(["summary", root + "/a", "--format", "json", "--quiet"])
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(summary.output.utf8)) as? [String: Any])
        let overview = try XCTUnwrap(object["overview"] as? [[String: Any]])
        XCTAssertEqual(overview.first { $0["measure"] as? String == "accounts" }?["value"] as? Int, counts[0])
    }

    func testUsageErrors() throws {
        XCTAssertEqual(try ReachGraphCLI.run(["generate"]).status, 2, "-o is required")
        XCTAssertEqual(try ReachGraphCLI.run(["generate", "--out", "/tmp/x"]).status, 2, "--out is gone")
        XCTAssertEqual(try ReachGraphCLI.run(["generate", "-o", "/tmp/x", "--scale", "0"]).status, 2)
        XCTAssertEqual(try ReachGraphCLI.run(["generate", "-o", "/tmp/x", "--months", "0"]).status, 2)
    }
}
