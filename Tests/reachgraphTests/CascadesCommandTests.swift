import Foundation
import XCTest

/// `reachgraph cascades` on the tree of `CascadeTests`: city → kol → {fan1, fan2 → fan3}.
final class CascadesCommandTests: XCTestCase {
    private func dataset() throws -> String {
        try ReachGraphCLI.temporaryFolder([
            "accounts.csv": "id,kind,followers\ncity,city_account,100\nkol,influencer,1000\nfan1,community,10\nfan2,community,20\nfan3,community,30\n",
            "posts.csv": "post_id,author,time,parent_post,root_post\np0,city,0,,\np1,kol,60,p0,p0\np2,fan1,120,p1,p0\np3,fan2,180,p1,p0\np4,fan1,200,p1,p0\np5,fan3,240,p3,p0\nq0,fan3,0,,\n",
        ])
    }

    func testOneRowPerCascadeByHand() throws {
        let result = try ReachGraphCLI.run(["cascades", try dataset(), "--format", "csv"])
        XCTAssertEqual(result.status, 0, result.error)
        let lines = result.output.split(separator: "\n")
        XCTAssertEqual(lines.count, 2, "q0 has no reposts: below --min-size 2")
        // Size 5 (fan1's second repost counted once), depth 3, breadth 1 1 2 1, virality 36/20,
        // reach 100 + 1000 + 10 + 20 + 30 with shares 100, 1000 and 60 of 1160.
        XCTAssertEqual(lines[1], "p0,city,city_account,5,3,2,1.8,,,120,240,1 1 2 1,1160,,city_account → influencer → community,0.0862 0.862 0.0517,0")
        XCTAssertEqual(
            result.error,
            "warning: 7 × times before 2000 or after next year (kept)\nwarning: 1 × repeated reposts of one post by one account (counted once)\nwarning: 1 × cascades smaller than the minimum size (not listed)\nwarning: 1 × repeated reposts by one account in a cascade (first kept)\n"
        )
        let byKind = try ReachGraphCLI.run(["cascades", try dataset(), "--by", "kind", "--format", "csv", "--quiet"])
        XCTAssertEqual(byKind.output, "kind,cascades,mean_size,max_size,mean_depth,mean_structural_virality,total_potential_reach\ncity_account,1,5,5,3,1.8,1160\n")
        XCTAssertEqual(byKind.error, "")
    }

    func testParticipantsAndUsageErrors() throws {
        let folder = try dataset()
        let participants = try ReachGraphCLI.run(["cascades", folder, "--participants", "--format", "json", "--quiet"])
        XCTAssertEqual(participants.status, 0, participants.error)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(participants.output.utf8)) as? [String: Any])
        let rows = try XCTUnwrap(object.values.first as? [[String: Any]])
        XCTAssertEqual(rows.count, 5)
        XCTAssertEqual(Set(rows.compactMap { $0["account"] as? String ?? $0["id"] as? String }), ["city", "kol", "fan1", "fan2", "fan3"])
        try assertUsageError(["cascades", folder, "--attribution", "follow-graph"], "--attribution follow-graph needs --follows FILE")
        try assertUsageError(["cascades", folder, "--gamma", "2"], "--gamma must be between 0 and 1")
    }
}
