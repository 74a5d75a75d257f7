import Foundation
import XCTest

/// `reachgraph brief`: the page and its tables hold the same numbers as the commands that make
/// each table on their own (the briefing and the CLI call the same library steps).
final class BriefCommandTests: XCTestCase {
    func testTablesEqualTheCommandsOutputs() throws {
        let folder = try ReachGraphCLI.temporaryFolder([
            "accounts.csv": "id,kind,province,tier\nhub,media_centre,Hunan,provincial\na,city_account,Hunan,municipal\nb,city_account,Zhejiang,municipal\nc,influencer,,overseas\nd,community,,overseas\ne,community,,overseas\n",
            "relations.csv": "source,target,relation,weight\nhub,a,repost,3\nhub,b,repost,2\nhub,c,repost,1\na,d,repost,1\nb,d,repost,1\nc,e,repost,4\na,b,collaboration,1\n",
        ])
        let output = folder + "/brief"
        let result = try ReachGraphCLI.run(["brief", folder, "-o", output, "--bootstrap", "0", "--no-png", "--seed", "3"])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.error.hasPrefix("wrote \(output)/index.html and brief.md: "), result.error)
        let page = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        XCTAssertTrue(page.contains("Key opinion leaders"))
        XCTAssertTrue(try String(contentsOfFile: output + "/brief.md", encoding: .utf8).contains("Who to reach"))
        func table(_ name: String) throws -> String { try String(contentsOfFile: output + "/tables/\(name).csv", encoding: .utf8) }
        let kol = try ReachGraphCLI.run(["kol", folder, "--top", "15", "--format", "csv"])
        XCTAssertEqual(try table("key_opinion_leaders"), kol.output)
        XCTAssertTrue(kol.output.contains("\n1,c,0.80000000000000004,bridge,"), kol.output)
        let seeds = try ReachGraphCLI.run(["seeds", folder, "--k", "10", "--model", "wc", "--seed", "3", "--table", "seeds", "--format", "csv"])
        XCTAssertEqual(try table("who_to_reach"), seeds.output)
        // hub is upstream of every other account, so it is chosen first.
        XCTAssertEqual(seeds.output.split(separator: "\n")[1].split(separator: ",").prefix(2), ["1", "hub"])
        XCTAssertEqual(try table("overview"), try ReachGraphCLI.run(["summary", folder, "--table", "overview", "--format", "csv"]).output)
    }
}
