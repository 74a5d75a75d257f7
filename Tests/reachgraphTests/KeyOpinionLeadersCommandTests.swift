import Foundation
import XCTest

/// `reachgraph kol` on the hand-worked example of `RankingTests`.
final class KeyOpinionLeadersCommandTests: XCTestCase {
    private func dataset() throws -> String {
        try ReachGraphCLI.temporaryFolder([
            "accounts.csv": "id,kind,province,tier\nhub,media_centre,Hunan,provincial\na,city_account,Hunan,municipal\nb,city_account,Zhejiang,municipal\nc,influencer,,overseas\nd,community,,overseas\ne,community,,overseas\n",
            "relations.csv": "source,target,relation,weight\nhub,a,repost,3\nhub,b,repost,2\nhub,c,repost,1\na,d,repost,1\nb,d,repost,1\nc,e,repost,4\na,b,collaboration,1\n",
        ])
    }

    func testScoresAndRolesByHand() throws {
        let result = try ReachGraphCLI.run(["kol", try dataset(), "--top", "2", "--format", "csv"])
        XCTAssertEqual(result.status, 0, result.error)
        let rows = result.output.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(rows.first?.prefix(5), ["rank", "id", "score", "roles", "distinct_reposters"])
        XCTAssertEqual(rows.count, 3)
        // Percentiles (see RankingTests): hub = (0.4·1 + 0.3·1) / 0.7 (it lies between no two
        // others), c = 0.4·0.8 + 0.3·0.6 + 0.3·1, above its reach alone.
        XCTAssertEqual(rows[1].prefix(2), ["1", "hub"])
        XCTAssertEqual(try XCTUnwrap(Double(rows[1][2])), 1, accuracy: 1e-12)
        XCTAssertEqual(rows[1][3], "source")
        XCTAssertEqual(rows[1][4], "3", "a, b and c repost hub")
        XCTAssertEqual(rows[2].prefix(2), ["2", "c"])
        XCTAssertEqual(try XCTUnwrap(Double(rows[2][2])), 0.8, accuracy: 1e-12)
        XCTAssertEqual(rows[2][3], "bridge")
        XCTAssertEqual(rows[2][8], "0.05", "betweenness 1 pair of 20 (the shortest form that reads back exactly)")
    }

    func testBootstrapColumnsAndFilters() throws {
        let folder = try dataset()
        let result = try ReachGraphCLI.run(["kol", folder, "--top", "1", "--bootstrap", "40", "--seed", "2", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.error)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let rows = try XCTUnwrap(object["key_opinion_leaders"] as? [[String: Any]])
        XCTAssertEqual(rows.count, 1)
        let low = try XCTUnwrap(rows[0]["rank_low"] as? Int), high = try XCTUnwrap(rows[0]["rank_high"] as? Int)
        XCTAssertTrue(1 <= low && low <= high && high <= 6, "\(low)…\(high)")
        let share = try XCTUnwrap(rows[0]["p_top_k"] as? Double)
        XCTAssertTrue((0 ... 1).contains(share) && (share * 40).rounded() == share * 40, "a share of 40 replicates: \(share)")
        let again = try ReachGraphCLI.run(["kol", folder, "--top", "1", "--bootstrap", "40", "--seed", "2", "--format", "json"])
        XCTAssertEqual(again.output, result.output, "same seed, same bytes")
        let communities = try ReachGraphCLI.run(["kol", folder, "--kind", "community", "--format", "csv"])
        XCTAssertEqual(communities.output.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[1] }.sorted(), ["d", "e"])
        try assertUsageError(["kol", folder, "--bootstrap", "10"], "--bootstrap needs --top N: it reports how stable the top N is")
    }
}

extension KeyOpinionLeadersCommandTests {
    func testBetweennessBudgetIsReportedAndZeroSamples() throws {
        let folder = try dataset()
        let exact = try ReachGraphCLI.run(["kol", folder, "--top", "2", "--format", "csv"])
        XCTAssertTrue(exact.error.contains("note: betweenness: exact (estimated "), exact.error)
        let sampled = try ReachGraphCLI.run(["kol", folder, "--top", "2", "--format", "csv", "--exact-betweenness-budget", "0s"])
        XCTAssertEqual(sampled.status, 0, sampled.error)
        XCTAssertTrue(sampled.error.contains("over the 0 s budget; sampled 1 of 1 searches (100%)"), sampled.error)
        XCTAssertEqual(sampled.output, exact.output, "the sampler took hub, the only source that routes anything")
        try assertUsageError(
            ["kol", folder, "--exact-betweenness-budget", "soon"],
            "The value 'soon' is invalid for '--exact-betweenness-budget <DURATION>': must be a duration: 60s, 10m, 72h or 3d; a bare number is seconds"
        )
        XCTAssertEqual(try ReachGraphCLI.run(["kol", folder, "--quiet", "--format", "csv"]).error, "")
    }

    func testBrokerageGroupsAsTheBriefingDoes() throws {
        // An edge list carries no kinds: brokerage groups by Louvain communities unless asked,
        // as the briefing does, so `kol` prints the briefing's table.
        let edges = try ReachGraphCLI.temporaryFile("edges.csv", "source,target\na,m\nb,m\nm,c\nm,d\nc,d\na,b\nx,y\ny,z\nz,x\nm,x\n")
        let automatic = try ReachGraphCLI.run(["kol", edges, "--format", "csv"])
        let community = try ReachGraphCLI.run(["kol", edges, "--brokerage", "community", "--format", "csv"])
        let kind = try ReachGraphCLI.run(["kol", edges, "--brokerage", "kind", "--format", "csv"])
        XCTAssertEqual(automatic.status, 0, automatic.error)
        XCTAssertEqual(automatic.output, community.output)
        XCTAssertNotEqual(automatic.output, kind.output, "one kind for all: no pair crosses groups")
    }
}
