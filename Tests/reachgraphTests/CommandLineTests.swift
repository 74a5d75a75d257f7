import Foundation
import XCTest

/// Runs the built `reachgraph` executable as a user would and checks exit codes and output.
final class CommandLineTests: XCTestCase {
    func testEveryComputingCommandTakesThreadsAndGivesTheSameOutputOnAnyNumber() throws {
        let edges = try ReachGraphProcess.cyclicEdgeList(nodes: 300)
        let one = try ReachGraphCLI.run(["rank", edges, "--by", "betweenness", "--top", "10", "--format", "csv", "--threads", "1"])
        let two = try ReachGraphCLI.run(["rank", edges, "--by", "betweenness", "--top", "10", "--format", "csv", "--threads", "2"])
        XCTAssertEqual(one.status, 0, one.error)
        XCTAssertEqual(one.output, two.output)
        XCTAssertGreaterThanOrEqual(one.output.split(separator: "\n").count, 11, "ten ranks, ties at the cut kept: \(one.output)")
        for command in [["summary"], ["kol"], ["cascades"], ["export", "--to", "json"]] {
            let zero = try ReachGraphCLI.run([command[0], edges] + command.dropFirst() + ["--threads", "0"])
            XCTAssertEqual(zero.status, 2, "\(command)")
            XCTAssertTrue(zero.error.hasPrefix("Error: --threads must be at least 1"), "\(command): \(zero.error)")
        }
    }

    func testAStructureWindowUnderAnHourIsWarnedAbout() throws {
        let dataset = try ReachGraphProcess.sampleDataset()
        let bare = try ReachGraphCLI.run(["structure", dataset, "--window", "72", "--shuffles", "0"])
        XCTAssertEqual(bare.status, 0, bare.error)
        XCTAssertTrue(bare.error.contains("warning: --window is 72 s (a bare number is seconds; the default is 72h)"), bare.error)
        let hours = try ReachGraphCLI.run(["structure", dataset, "--window", "72h", "--shuffles", "0"])
        XCTAssertFalse(hours.error.contains("--window is"), hours.error)
    }

    func testSummaryOfAnEdgeListAsCSVAndJSON() throws {
        let edges = try ReachGraphCLI.temporaryFile("edges.csv", "source,target,weight\na,b,2\nb,a,1\nb,c,1\nd,e,1\n")
        let csv = try ReachGraphCLI.run(["summary", edges, "--format", "long-csv"])
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
        try assertUsageError(["summary"], "Missing expected argument '<input>'")
        try assertUsageError(["frobnicate"], "Unexpected argument 'frobnicate'")
        try assertUsageError(["summary", "x", "--format", "xml"], "The value 'xml' is invalid for '--format <format>'. Please provide one of 'table', 'csv', 'long-csv' or 'json'.")
        let help = try ReachGraphCLI.run(["summary", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.output.hasPrefix("OVERVIEW: Accounts by kind"), help.output)
        XCTAssertTrue(help.output.contains("\n  --format <format>  "), help.output)
        XCTAssertEqual(help.error, "")
    }
}

extension CommandLineTests {
    func testRankCSVHasRankIdScoreThenAttributes() throws {
        let edges = try ReachGraphCLI.temporaryFile("edges.csv", "source,target\nhub,a\nhub,b\nhub,c\na,d\n")
        let result = try ReachGraphCLI.run(["rank", edges, "--by", "out-degree", "--top", "2", "--format", "csv"])
        XCTAssertEqual(result.status, 0, result.error)
        let lines = result.output.split(separator: "\n")
        XCTAssertEqual(lines.first, "rank,id,score,name,kind,tier,province,platform,followers")
        // Out-degree centrality over n − 1 = 4: hub 3/4, a 1/4, the rest 0.
        XCTAssertEqual(lines.dropFirst(), ["1,hub,0.75,,other,,,,", "2,a,0.25,,other,,,,"])
        try assertUsageError(["rank", edges, "--by", "fame"], "The value 'fame' is invalid for '--by <by>'. Please provide one of the following:")
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

extension CommandLineTests {
    /// Several tables: --table picks one, -o DIR writes one tidy CSV each, long-csv only on request.
    func testSeveralTablesAsCSV() throws {
        let edges = try ReachGraphCLI.temporaryFile("edges.csv", "source,target\nhub,a\nhub,b\n")
        let folder = (edges as NSString).deletingLastPathComponent + "/tables"
        let arguments = ["seeds", edges, "--k", "1", "--p", "1", "--method", "celf", "--runs", "5", "--format", "csv"]
        let written = try ReachGraphCLI.run(arguments + ["-o", folder])
        XCTAssertEqual(written.status, 0, written.error)
        XCTAssertEqual(written.output, "")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), ["reach.csv", "seeds.csv"])
        XCTAssertEqual(
            try String(contentsOfFile: folder + "/seeds.csv", encoding: .utf8),
            "order,id,marginal_gain,name,kind,tier,province,platform,followers\n1,hub,3,,other,,,,\n"
        )
        XCTAssertTrue(try String(contentsOfFile: folder + "/reach.csv", encoding: .utf8).hasPrefix("measure,value\nexpected reach,3\n"))
        let one = try ReachGraphCLI.run(arguments + ["--table", "reach"])
        XCTAssertEqual(one.status, 0, one.error)
        XCTAssertEqual(one.output, try String(contentsOfFile: folder + "/reach.csv", encoding: .utf8))
        let long = try ReachGraphCLI.run(arguments.dropLast() + ["long-csv", "--table", "seeds"])
        XCTAssertEqual(long.output, "table,row,column,value\nseeds,1,order,1\nseeds,1,id,hub\nseeds,1,marginal_gain,3\nseeds,1,name,\nseeds,1,kind,other\nseeds,1,tier,\nseeds,1,province,\nseeds,1,platform,\nseeds,1,followers,\n")
        let refused = try ReachGraphCLI.run(arguments)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.error.contains("2 tables (seeds, reach): choose one with --table NAME"), refused.error)
        XCTAssertEqual(try ReachGraphCLI.run(arguments + ["-o", folder + "/both.csv"]).status, 2)
        let unknown = try ReachGraphCLI.run(arguments + ["--table", "edges"])
        XCTAssertEqual(unknown.status, 2)
        // One line: the root command's usage, which is all a run-time error could print, would mislead.
        XCTAssertEqual(unknown.error, "Error: --table edges: no such table; the tables are seeds, reach\n")
        // The command's prefix may be left out: edges picks coordination_edges.
        let summary = try ReachGraphCLI.run(["summary", edges, "--table", "accounts_by_kind", "--format", "csv"])
        XCTAssertEqual(summary.output, "kind,accounts\nother,3\n")
    }
}
