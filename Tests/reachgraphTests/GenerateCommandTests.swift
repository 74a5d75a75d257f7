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
        try assertUsageError(["generate"], "Missing expected argument '--output <DIR>'")
        try assertUsageError(["generate", "--out", "/tmp/x"], "Missing expected argument '--output <DIR>'") // --out is gone
        try assertUsageError(["generate", "-o", "/tmp/x", "--scale", "0"], "--scale must be above 0 and at most 1000")
        try assertUsageError(["generate", "-o", "/tmp/x", "--months", "0"], "--months must be between 1 and 1200")
    }
}

extension GenerateCommandTests {
    /// The rows of a CSV the generator wrote (it quotes nothing), as dictionaries by column.
    private func table(_ file: String) throws -> [[String: String]] {
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    /// Values, not only counts: the four provinces' hubs, every post in the one month asked for
    /// (the window starts in March 2025), and each repost relation A → B weighing the reposts by B
    /// of A's posts, first and last seen at the earliest and latest of them (worked out here from
    /// posts.csv).
    func testHubsMonthAndRepostRelationsAgreeWithThePosts() throws {
        let folder = try ReachGraphCLI.temporaryFolder() + "/data"
        XCTAssertEqual(try generate(seed: 7, into: folder).status, 0)
        let accounts = try table(folder + "/accounts.csv")
        let hubs = accounts.filter { $0["kind"] == "media_centre" && $0["tier"] == "provincial" }
        XCTAssertEqual(hubs.map { $0["id"] ?? "" }.sorted(), ["fj-centre", "hi-centre", "hn-centre", "zj-centre"])
        XCTAssertEqual(Set(hubs.compactMap { $0["province"] }), ["Fujian", "Hainan", "Hunan", "Zhejiang"])
        let posts = try table(folder + "/posts.csv")
        XCTAssertEqual(Set(posts.compactMap { $0["time"]?.prefix(7) }), ["2025-03"])
        var author: [String: String] = [:]
        for post in posts { author[post["post_id"]!] = post["author"] } // safe: a column of the header
        var expected: [String: (weight: Int, first: String, last: String)] = [:]
        for post in posts {
            guard let parent = post["parent_post"], !parent.isEmpty, let source = author[parent], let time = post["time"] else { continue }
            let key = source + " → " + post["author"]!, seen = expected[key] // safe: a column of the header
            expected[key] = ((seen?.weight ?? 0) + 1, min(seen?.first ?? time, time), max(seen?.last ?? time, time))
        }
        let reposts = try table(folder + "/relations.csv").filter { $0["relation"] == "repost" }
        XCTAssertFalse(expected.isEmpty)
        XCTAssertEqual(reposts.count, expected.count)
        for relation in reposts {
            let key = relation["source"]! + " → " + relation["target"]! // safe: columns of the header
            let seen = try XCTUnwrap(expected[key], key)
            XCTAssertEqual([relation["weight"], relation["first_seen"], relation["last_seen"]], [String(seen.weight), seen.first, seen.last], key)
        }
    }
}
