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
}
