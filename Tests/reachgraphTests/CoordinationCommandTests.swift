import Foundation
import XCTest

/// Runs `reachgraph coordination` and `reachgraph structure` as a user would.
final class CoordinationCommandTests: XCTestCase {
    /// CooRTweet's column names: two accounts retweet o1 and o2 within 5 s; a third is late.
    private let shares = """
        object_id,account_id,content_id,timestamp_share
        o1,a,c1,100
        o1,b,c2,103
        o1,c,c3,900
        o2,a,c4,200
        o2,b,c5,205
        o2,a,c6,206
        """
    private let map = "post_id=content_id,author=account_id,parent_post=object_id,time=timestamp_share"

    func testCoordinationEdgesAsCSV() throws {
        let path = try ReachGraphCLI.temporaryFolder(["shares.csv": shares]) + "/shares.csv"
        let result = try ReachGraphCLI.run(["coordination", path, "--window", "10", "--map", map, "--table", "edges", "--format", "csv"])
        XCTAssertEqual(result.status, 0, result.error)
        let lines = result.output.split(separator: "\n")
        XCTAssertEqual(lines.first, "account_a,account_b,weight,co_shares,objects,messages_a,messages_b,symmetry,mean_delta_seconds")
        // a–b: (100, 103) on o1, (200, 205) and (205, 206) on o2.
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[1].hasPrefix("a,b,3,3,2,3,2,0.6666666666666666,3"), String(lines[1]))
    }

    func testSharedObjectIsChosenFromTheDataAndSaid() throws {
        let path = try ReachGraphCLI.temporaryFolder(["shares.csv": shares]) + "/shares.csv"
        // The same rows with the object as a link: without --object the link is the object.
        let linked = map.replacingOccurrences(of: "parent_post=object_id", with: "url=object_id")
        let result = try ReachGraphCLI.run(["coordination", path, "--window", "10", "--map", linked, "--table", "edges", "--format", "csv"])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.error.contains("shared object: url (chosen from the data; --object to choose)"), result.error)
        XCTAssertTrue(result.output.split(separator: "\n")[1].hasPrefix("a,b,3,3,2,3,2,0.6666666666666666,3"), result.output)
        let reposts = try ReachGraphCLI.run(["coordination", path, "--window", "10", "--map", map, "--table", "edges", "--format", "csv"])
        XCTAssertTrue(reposts.error.contains("shared object: parent (chosen from the data"), reposts.error)
        let asked = try ReachGraphCLI.run(["coordination", path, "--window", "10", "--map", linked, "--object", "parent", "--table", "edges", "--format", "csv"])
        XCTAssertEqual(asked.output.split(separator: "\n").count, 1, "no parent: no shares, only the header")
        XCTAssertFalse(asked.error.contains("shared object:"), "a chosen object is not announced")
    }

    func testCoordinationSelfLoopsGroupsAndBaselineAsJSON() throws {
        let path = try ReachGraphCLI.temporaryFolder(["shares.csv": shares]) + "/shares.csv"
        let result = try ReachGraphCLI.run(["coordination", path, "--window", "10", "--map", map, "--self-loops", "--groups", "louvain", "--shuffles", "5", "--seed", "3", "--format", "json", "--quiet"])
        XCTAssertEqual(result.status, 0, result.error)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let edges = try XCTUnwrap(object["coordination_edges"] as? [[String: Any]])
        XCTAssertEqual(edges.count, 2, "a–b and the self-loop a–a (c4, c6 on o2)")
        // The self-loop's baseline: its one co-share is expected 0.8 times over 5 shuffles.
        let loop = try XCTUnwrap(edges.first { $0["account_a"] as? String == "a" && $0["account_b"] as? String == "a" })
        XCTAssertEqual(loop["expected_weight"] as? Double, 0.8)
        XCTAssertEqual(loop["weight"] as? Int, 1)
        // One group {a, b}: weight 3 + 1, symmetry (2/3 + 1) / 2; strengths a 3 + 1, b 3.
        let groups = try XCTUnwrap(object["coordination_groups"] as? [[String: Any]])
        XCTAssertEqual(groups.count, 1)
        XCTAssertEqual(groups.first?["members"] as? String, "a b")
        XCTAssertEqual(groups.first?["weight"] as? Int, 4)
        XCTAssertEqual(try XCTUnwrap(groups.first?["mean_symmetry"] as? Double), 5.0 / 6, accuracy: 1e-12)
        let members = try XCTUnwrap(object["coordination_members"] as? [[String: Any]])
        XCTAssertEqual(members.map { $0["account"] as? String }, ["a", "b"])
        XCTAssertEqual(members.map { $0["strength"] as? Int }, [4, 3])
        let summary = try XCTUnwrap(object["coordination_summary"] as? [[String: Any]])
        XCTAssertTrue(summary.contains { ($0["measure"] as? String)?.hasPrefix("pairs: expected under 5 time shuffles") == true })
    }

    func testCoordinationFiltersAndBins() throws {
        let path = try ReachGraphCLI.temporaryFolder(["shares.csv": shares]) + "/shares.csv"
        let top = try ReachGraphCLI.run(["coordination", path, "--window", "10", "--map", map, "--top-edges", "0", "--table", "edges", "--format", "csv"])
        XCTAssertEqual(top.status, 0, top.error)
        XCTAssertEqual(top.output, "account_a,account_b,weight,co_shares,objects,messages_a,messages_b,symmetry,mean_delta_seconds\n", "--top-edges 0 keeps no edge")
        // Bins of 10 s from each object's first share: o1 100/103 together, o2 200/205/206 together.
        let bins = try ReachGraphCLI.run(["coordination", path, "--window", "10", "--bins", "--map", map, "--table", "summary", "--format", "csv"])
        XCTAssertTrue(bins.output.contains("co-action pairs,3\n"), bins.output)
    }

    func testCoordinationUsageAndInputErrors() throws {
        let path = try ReachGraphCLI.temporaryFolder(["shares.csv": shares]) + "/shares.csv"
        try assertUsageError(["coordination", path], "Missing expected argument '--window <DURATION>'")
        // `--window -1` would be refused as a missing value: the option's own check needs `=`.
        try assertUsageError(
            ["coordination", path, "--window=-1"],
            "The value '-1' is invalid for '--window <DURATION>': must be a duration: 60s, 10m, 72h or 3d; a bare number is seconds"
        )
        try assertUsageError(["coordination", path, "--window", "10", "--top-edges", "3", "--percentile", "90"], "give --top-edges or --percentile, not both")
        try assertUsageError(["coordination", path, "--window", "0", "--bins"], "--bins needs a --window above 0")
        let unmapped = try ReachGraphCLI.run(["coordination", path, "--window", "10"])
        XCTAssertEqual(unmapped.status, 1)
        XCTAssertTrue(unmapped.error.hasPrefix("reachgraph: shares.csv:1: missing required column"), unmapped.error)
        let bad = try ReachGraphCLI.temporaryFolder(["posts.csv": "post_id,author,time,parent_post\np1,a,yesterday,\n"])
        let badRun = try ReachGraphCLI.run(["coordination", bad, "--window", "10"])
        XCTAssertEqual(badRun.status, 1)
        XCTAssertTrue(badRun.error.contains("posts.csv:2:"), badRun.error)
    }

    func testStructureScorecard() throws {
        let path = try ReachGraphCLI.temporaryFolder([
            "accounts.csv": """
                id,kind,province,tier,parent
                hub,media_centre,P,provincial,
                c1,media_centre,P,municipal,hub
                c2,media_centre,P,municipal,hub
                k1,media_centre,P,county,c1
                """,
            "posts.csv": """
                post_id,author,time,parent_post
                h1,hub,0,
                a,c1,600,h1
                b,c2,900,h1
                d,k1,1200,a
                """,
        ])
        let result = try ReachGraphCLI.run(["structure", path, "--table", "scorecard", "--format", "csv", "--shuffles", "0"])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.output.hasPrefix("structure,section,measure,value\n"))
        XCTAssertTrue(result.output.contains("P,shape,Krackhardt hierarchy,1\n"), result.output)
        XCTAssertTrue(result.output.contains("P,routes,share via declared parent,1\n"), result.output)
        let ties = try ReachGraphCLI.run(["structure", path, "--table", "ties", "--format", "csv"])
        XCTAssertTrue(ties.output.contains("P,c1,k1,yes,1,municipal,county\n"), ties.output)
        let json = try ReachGraphCLI.run(["structure", path, "--format", "json", "--province", "P", "--shuffles", "10"])
        XCTAssertEqual(json.status, 0, json.error)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        XCTAssertEqual(Set(object.keys), ["structure_scorecard", "structure_spokes", "structure_ties", "structure_synchronisation", "structure_bridges"])
        XCTAssertEqual(try ReachGraphCLI.run(["structure", path, "--window", "0"]).status, 2)
        let missing = try ReachGraphCLI.run(["structure", path, "--province", "Q"])
        XCTAssertEqual(missing.status, 0)
        XCTAssertTrue(missing.error.contains("no structure named \"Q\""))
    }

    /// Hub post at 0; the two spokes repost it at 600 s and 900 s.
    func testDurationsCarryUnitsAndBareNumbersAreSeconds() throws {
        let path = try ReachGraphCLI.temporaryFolder([
            "accounts.csv": "id,kind,province,tier,parent\nhub,media_centre,P,provincial,\nc1,media_centre,P,municipal,hub\nc2,media_centre,P,municipal,hub\n",
            "posts.csv": "post_id,author,time,parent_post\nh1,hub,0,\na,c1,600,h1\nb,c2,900,h1\n",
        ])
        func coverage(_ window: String, sync: String = "5m") throws -> String {
            let result = try ReachGraphCLI.run(["structure", path, "--window", window, "--sync-window", sync, "--shuffles", "0", "--table", "scorecard", "--format", "csv"])
            XCTAssertEqual(result.status, 0, result.error)
            return result.output.split(separator: "\n").filter { $0.contains("structure coverage") || $0.contains("co-reposting") }.joined(separator: "\n")
        }
        XCTAssertEqual(try coverage("10m"), try coverage("600"))
        XCTAssertEqual(try coverage("10m"), "P,coverage,structure coverage (hub posts × spokes reposted within 10m),0.5\nP,synchronisation,spoke pairs co-reposting within 5m (pairs),0")
        XCTAssertEqual(try coverage("0.25h", sync: "300"), "P,coverage,structure coverage (hub posts × spokes reposted within 15m),1\nP,synchronisation,spoke pairs co-reposting within 5m (pairs),1")
        XCTAssertEqual(try coverage("72"), "P,coverage,structure coverage (hub posts × spokes reposted within 72s),0\nP,synchronisation,spoke pairs co-reposting within 5m (pairs),0", "72 is seconds, not hours")
        XCTAssertEqual(try coverage("3d"), try coverage("72h"))
        let bad = try ReachGraphCLI.run(["structure", path, "--window", "10x"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.error.contains("10x"), bad.error)
        let shares = try ReachGraphCLI.temporaryFolder(["shares.csv": self.shares]) + "/shares.csv"
        let seconds = try ReachGraphCLI.run(["coordination", shares, "--window", "10", "--map", map, "--table", "edges", "--format", "csv"])
        let unit = try ReachGraphCLI.run(["coordination", shares, "--window", "10s", "--map", map, "--table", "edges", "--format", "csv"])
        XCTAssertEqual(seconds.output, unit.output)
        let minute = try ReachGraphCLI.run(["coordination", shares, "--window", "1m", "--map", map, "--table", "summary", "--format", "csv"])
        XCTAssertTrue(minute.output.contains("co-action pairs,3\n"), "c's share at 900 s is still 13 minutes late:\n\(minute.output)")
    }

    func testAnInputWithoutPostsIsSaidSoInOneLine() throws {
        // A SNAP edge list ("A retweeted B", whitespace): relations only, no posts to compare.
        let path = try ReachGraphCLI.temporaryFolder(["higgs.txt": "2 1 1341100972 RT\n3 1 1341100980 RT\n"]) + "/higgs.txt"
        let result = try ReachGraphCLI.run(["coordination", path, "--input-format", "snap", "--window", "60s", "--quiet"])
        XCTAssertEqual(result.status, 1, result.output)
        XCTAssertEqual(result.output, "")
        XCTAssertEqual(result.error, "reachgraph: higgs.txt: holds no posts (snap): co-action detection needs posts (who shared which object when)\n")
    }
}
