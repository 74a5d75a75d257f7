import Foundation
import XCTest

/// `reachgraph export`: every format, standard output, and usage errors.
final class ExportCommandTests: XCTestCase {
    func testEveryFormat() throws {
        let dataset = try ReachGraphProcess.sampleDataset()
        let prefixes = ["dot": "digraph reachgraph {", "graphml": "<?xml", "gexf": "<?xml", "json": "{\n  \"accounts\": ["]
        for (format, prefix) in prefixes {
            let path = dataset + "/out/graph.\(format)"
            let result = try ReachGraphCLI.run(["export", dataset, "--to", format, "-o", path])
            XCTAssertEqual(result.status, 0, result.error)
            XCTAssertTrue(try String(contentsOfFile: path, encoding: .utf8).hasPrefix(prefix), format)
        }
        let csv = try ReachGraphCLI.run(["export", dataset, "--to", "csv", "-o", dataset + "/copy"])
        XCTAssertEqual(csv.status, 0, csv.error)
        XCTAssertEqual(
            try String(contentsOfFile: dataset + "/copy/relations.csv", encoding: .utf8),
            try String(contentsOfFile: dataset + "/relations.csv", encoding: .utf8).replacingOccurrences(of: "source,target,relation,weight\n", with: "source,target,relation,weight,first_seen,last_seen\n")
                .replacingOccurrences(of: "(,\\d+)\n", with: "$1,,\n", options: .regularExpression)
        )
        let summary = try ReachGraphCLI.run(["summary", dataset + "/out/graph.json", "--format", "csv", "--table", "overview"])
        XCTAssertEqual(summary.status, 0, "the JSON export reads back: \(summary.error)")
    }

    func testStandardOutputAndMergedEdgeNotes() throws {
        let dataset = try ReachGraphProcess.sampleDataset()
        try ReachGraphCLI.write("source,target,relation,weight\nhub,cs,repost,5\nhub,cs,mention,1\n", to: dataset + "/relations.csv")
        let merged = try ReachGraphCLI.run(["export", dataset, "--to", "gexf", "--edges", "merged"])
        XCTAssertEqual(merged.status, 0, merged.error)
        XCTAssertTrue(merged.output.contains("<edge id=\"0\" source=\"hub\" target=\"cs\" weight=\"6.0\">"), merged.output)
        XCTAssertTrue(merged.output.contains("value=\"repost,mention\""), merged.output)
        XCTAssertEqual(merged.error, "", "no column holds JSON text here")
        try ReachGraphCLI.write("source,target,relation,weight,campaign\nhub,cs,repost,5,spring\nhub,cs,mention,1,autumn\n", to: dataset + "/relations.csv")
        let listed = try ReachGraphCLI.run(["export", dataset, "--to", "gexf", "--edges", "merged"])
        XCTAssertEqual(listed.error, "note: edge attribute \"campaign\" holds JSON text (lists of values)\n")
        XCTAssertEqual(try ReachGraphCLI.run(["export", dataset, "--to", "gexf", "--edges", "merged", "--quiet"]).error, "")
    }

    func testSyntheticDataStayMarkedInFiguresChartsAndExports() throws {
        var metrics = "account,platform,period,posts,likes,comments,shares,views,followers,follower_gain\n"
        for account in ["a", "b", "c"] { metrics += "\(account),x,2025-05,3,10,1,1,100,1000,5\n" }
        let folder = try ReachGraphCLI.temporaryFolder([
            "README.md": "# Test data\n\nThis dataset is synthetic.\n",
            "accounts.csv": "id,kind\na,city_account\nb,influencer\nc,community\n",
            "relations.csv": "source,target,relation\na,b,repost\nb,c,repost\n",
            "metrics.csv": metrics,
        ])
        let notice = "Synthetic data: no edge or number is a real observation"
        XCTAssertEqual(try ReachGraphCLI.run(["render", folder, "--quiet", "-o", folder + "/overview.svg"]).status, 0)
        XCTAssertTrue(try String(contentsOfFile: folder + "/overview.svg", encoding: .utf8).contains(notice))
        XCTAssertEqual(try ReachGraphCLI.run(["index", folder, "--quiet", "--chart", folder + "/index.svg"]).status, 0)
        XCTAssertTrue(try String(contentsOfFile: folder + "/index.svg", encoding: .utf8).contains(notice))
        let exported = folder + "/exported"
        XCTAssertEqual(try ReachGraphCLI.run(["export", folder, "--to", "csv", "--quiet", "-o", exported]).status, 0)
        XCTAssertTrue(try String(contentsOfFile: exported + "/README.md", encoding: .utf8).contains("This dataset is synthetic"))
        XCTAssertEqual(try ReachGraphCLI.run(["render", exported, "--quiet", "-o", folder + "/again.svg"]).status, 0)
        XCTAssertTrue(try String(contentsOfFile: folder + "/again.svg", encoding: .utf8).contains(notice), "the export stays synthetic")
    }

    func testUsageErrorsExitTwo() throws {
        let dataset = try ReachGraphProcess.sampleDataset()
        try assertUsageError(["export", dataset, "--to", "csv"], "--to csv writes a folder: give it with -o DIR")
        try assertUsageError(["export", dataset, "--to", "json", "--edges", "merged"], "--edges merged is for dot, graphml and gexf; json, csv and spark keep every relation")
        try assertUsageError(["export", dataset, "--to", "xlsx"], "The value 'xlsx' is invalid for '--to <to>'. Please provide one of the following:")
        try assertUsageError(["export", dataset], "Missing expected argument '--to <to>'")
        let missing = try ReachGraphCLI.run(["export", "/no/such/folder", "--to", "json"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.error, "reachgraph: /no/such/folder: no such file or folder\n")
    }
}
