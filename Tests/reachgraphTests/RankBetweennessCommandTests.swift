import Foundation
import XCTest

/// `reachgraph rank --by betweenness-approx` on the hand-worked example of `RankingTests`.
final class RankBetweennessCommandTests: XCTestCase {
    private func dataset() throws -> String {
        try ReachGraphCLI.temporaryFolder([
            "accounts.csv": "id,kind\nhub,media_centre\na,city_account\nb,city_account\nc,influencer\nd,community\ne,community\n",
            "relations.csv": "source,target,relation,weight\nhub,a,repost,3\nhub,b,repost,2\nhub,c,repost,1\na,d,repost,1\nb,d,repost,1\nc,e,repost,4\na,b,collaboration,1\n",
        ])
    }

    func testDefaultSettlesTheTopKAndCoarseEpsilonWarns() throws {
        let folder = try dataset()
        let exact = try ReachGraphCLI.run(["rank", folder, "--by", "betweenness", "--top", "2", "--format", "csv"])
        XCTAssertEqual(exact.status, 0, exact.error)
        // c lies on hub→e (1 of 20 ordered pairs); a and b share hub→d (half a pair each).
        XCTAssertEqual(exact.output.split(separator: "\n").dropFirst().map { $0.split(separator: ",").prefix(2).joined(separator: ",") }, ["1,c", "2,a", "2,b"])
        let adaptive = try ReachGraphCLI.run(["rank", folder, "--by", "betweenness-approx", "--top", "2", "--format", "csv"])
        XCTAssertEqual(adaptive.status, 0, adaptive.error)
        XCTAssertEqual(adaptive.error, "note: betweenness-approx: all 3 contributing searches followed (exact values)\n")
        XCTAssertEqual(adaptive.output.split(separator: "\n").map { $0.split(separator: ",").prefix(2) }, exact.output.split(separator: "\n").map { $0.split(separator: ",").prefix(2) })
        let coarse = try ReachGraphCLI.run(["rank", folder, "--by", "betweenness-approx", "--top", "2", "--epsilon", "0.3", "--format", "csv"])
        XCTAssertEqual(coarse.status, 0, coarse.error)
        XCTAssertTrue(coarse.error.hasPrefix("warning: betweenness-approx: ε = 0.3 cannot separate the top 2: the estimates ranked 2 and 3 lie "), coarse.error)
        XCTAssertEqual(try ReachGraphCLI.run(["rank", folder, "--by", "betweenness-approx", "--epsilon", "0.3", "--quiet"]).error, "")
        XCTAssertEqual(try ReachGraphCLI.run(["rank", folder, "--by", "betweenness-approx", "--epsilon", "1.5"]).status, 2)
    }

    func testTheSamplingBudgetStopsTheSamplerAndSaysTheTopIsNotSettled() throws {
        // 300 accounts, each reposting three others chosen by fixed residues: every account
        // starts a search worth following, and their scores are close.
        var rows = "source,target\n"
        for node in 0 ..< 300 {
            for step in [1, 7, 31] { rows += "n\(node),n\((node * step + step * step + 1) % 300)\n" }
        }
        let file = try ReachGraphCLI.temporaryFolder(["edges.csv": rows]) + "/edges.csv"
        let capped = try ReachGraphCLI.run(["rank", file, "--by", "betweenness-approx", "--top", "2", "--sampling-budget", "0", "--format", "csv"])
        XCTAssertEqual(capped.status, 0, capped.error)
        let lines = capped.error.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, capped.error)
        // A budget of 0 leaves the fewest searches: a pilot of 32, run twice, and 32 more.
        XCTAssertTrue(lines[0].hasPrefix("warning: betweenness-approx: the top 2 is not settled: the sampler stopped at the sampling budget of 0 s of one thread (exact would take an estimated "), lines[0])
        XCTAssertTrue(lines[0].hasSuffix("; a larger --sampling-budget narrows them"), lines[0])
        XCTAssertTrue(lines[1].hasPrefix("note: betweenness-approx: 64 of 300 contributing searches sampled (21.3%) in 3 rounds, as many as the sampling budget allows"), lines[1])
        let roomy = try ReachGraphCLI.run(["rank", file, "--by", "betweenness-approx", "--top", "2", "--sampling-budget", "1m", "--format", "csv"])
        XCTAssertEqual(roomy.error, try ReachGraphCLI.run(["rank", file, "--by", "betweenness-approx", "--top", "2", "--format", "csv"]).error, "the default budget is over this graph's cost")
        XCTAssertFalse(roomy.error.contains("not settled"), roomy.error)
        for misplaced in [["--by", "betweenness-approx", "--epsilon", "0.1"], ["--by", "pagerank"]] {
            let refused = try ReachGraphCLI.run(["rank", file] + misplaced + ["--sampling-budget", "1m"])
            XCTAssertEqual(refused.status, 2)
            XCTAssertTrue(refused.error.contains("--sampling-budget bounds betweenness-approx without --epsilon"), refused.error)
        }
    }
}
