import Foundation
import XCTest

/// Runs the built `reachgraph` executable as a user would and checks exit codes and output.
final class CommandLineTests: XCTestCase {
    func testSummaryOfAnEdgeListAsCSVAndJSON() throws {
        let edges = try ReachGraphCLI.temporaryFile("edges.csv", "source,target,weight\na,b,2\nb,a,1\nb,c,1\nd,e,1\n")
        let csv = try ReachGraphCLI.run(["summary", edges, "--format", "csv"])
        XCTAssertEqual(csv.status, 0, csv.error)
        XCTAssertTrue(csv.output.hasPrefix("table,row,column,value\n"))
        XCTAssertTrue(csv.output.contains("overview,4,value,4\n"), csv.output)
        XCTAssertTrue(csv.output.contains("overview,6,value,2\n"), "two weak components:\n\(csv.output)")
        XCTAssertTrue(csv.output.contains("overview,11,value,0.5\n"), "reciprocity 2/4:\n\(csv.output)")
        let json = try ReachGraphCLI.run(["summary", edges, "--format", "json", "--quiet"])
        XCTAssertEqual(json.status, 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        let overview = object?["overview"] as? [[String: Any]]
        let edgesRow = overview?.first { $0["measure"] as? String == "edges (distinct, directed)" }
        XCTAssertEqual(edgesRow?["value"] as? Int, 4)
    }

    func testOutputFileIsWrittenAtomically() throws {
        let edges = try ReachGraphCLI.temporaryFile("edges.csv", "a,b\n")
        let target = (edges as NSString).deletingLastPathComponent + "/out/summary.json"
        let result = try ReachGraphCLI.run(["summary", edges, "--format", "json", "-o", target])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertEqual(result.output, "")
        let written = try String(contentsOfFile: target, encoding: .utf8)
        XCTAssertTrue(written.contains("\"accounts\" : 2"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (target as NSString).deletingLastPathComponent)
        XCTAssertEqual(leftovers, ["summary.json"])
    }

    func testBadInputExitsOneWithOneLine() throws {
        let edges = try ReachGraphCLI.temporaryFile("edges.csv", "source,target,weight\na,b,heavy\n")
        let result = try ReachGraphCLI.run(["summary", edges])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.error, "reachgraph: edges.csv:2:5: column \"weight\": \"heavy\" is not a number\n")
        XCTAssertEqual(result.output, "")
        let missing = try ReachGraphCLI.run(["summary", "/no/such/file.csv"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.error.split(separator: "\n").count, 1)
    }

    func testVersion() throws {
        let version = try ReachGraphCLI.run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertEqual(version.output, "0.1.0\n")
    }

    func testUsageErrorsExitTwoAndHelpExitsZero() throws {
        XCTAssertEqual(try ReachGraphCLI.run(["summary"]).status, 2)
        XCTAssertEqual(try ReachGraphCLI.run(["frobnicate"]).status, 2)
        XCTAssertEqual(try ReachGraphCLI.run(["summary", "x", "--format", "xml"]).status, 2)
        let help = try ReachGraphCLI.run(["summary", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.output.contains("--format"))
    }
}

extension CommandLineTests {
    func testRankCSVHasRankIdScoreThenAttributes() throws {
        let edges = try ReachGraphCLI.temporaryFile("edges.csv", "source,target\nhub,a\nhub,b\nhub,c\na,d\n")
        let result = try ReachGraphCLI.run(["rank", edges, "--by", "out-degree", "--top", "2", "--format", "csv"])
        XCTAssertEqual(result.status, 0, result.error)
        let lines = result.output.split(separator: "\n")
        XCTAssertEqual(lines.first, "rank,id,score,name,kind,tier,province,platform,followers")
        XCTAssertEqual(lines.dropFirst().first, "1,hub,0.75,,other,,,,")
        XCTAssertEqual(lines.count, 3)
        let bad = try ReachGraphCLI.run(["rank", edges, "--by", "fame"])
        XCTAssertEqual(bad.status, 2)
        let unknown = try ReachGraphCLI.run(["rank", edges, "--by", "pagerank", "--personalize", "nobody"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertEqual(unknown.error, "reachgraph: --personalize: account \"nobody\" is not in the dataset\n")
    }
}

extension CommandLineTests {
    func testWritingToADeviceDoesNotReplaceIt() throws {
        let edges = try ReachGraphCLI.temporaryFile("edges.csv", "a,b\n")
        let result = try ReachGraphCLI.run(["summary", edges, "-o", "/dev/null"])
        XCTAssertEqual(result.status, 0, result.error)
        let attributes = try FileManager.default.attributesOfItem(atPath: "/dev/null")
        XCTAssertEqual(attributes[.type] as? FileAttributeType, .typeCharacterSpecial)
    }
}
