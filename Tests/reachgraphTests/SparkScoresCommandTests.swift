import Foundation
import XCTest

/// `rank --scores` and `render --scores` read the Spark program's `scores` table (spark/README.md)
/// and the accounts of the export, and give what `rank` and `render` give on the whole dataset.
final class SparkScoresCommandTests: XCTestCase {
    /// The render fixture's export and a `scores` table as the Spark program writes it: counts by
    /// hand, PageRank as `rank --by pagerank` prints it (so the two rankings must be identical).
    private func exportWithScores() throws -> (dataset: String, export: String, scores: String) {
        let dataset = try ReachGraphProcess.sampleDataset()
        let export = dataset + "/spark"
        let exported = try ReachGraphCLI.run(["export", dataset, "--to", "spark", "-o", export])
        XCTAssertEqual(exported.status, 0, exported.error)
        let ranked = try ReachGraphCLI.run(["rank", dataset, "--by", "pagerank", "--format", "csv"])
        XCTAssertEqual(ranked.status, 0, ranked.error)
        var pageRank: [String: String] = [:]
        for line in ranked.output.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            pageRank[String(fields[1])] = String(fields[2])
        }
        // hub→cs 5, hub→yy 3, hub→kol 9, kol→c1 20, kol→c2 2, cs→c1 1.
        let counts = [
            "hub": "0,3,0,17", "cs": "1,1,5,1", "yy": "1,0,3,0", "kol": "1,2,9,22", "c1": "2,0,21,0", "c2": "1,0,2,0",
        ]
        var table = "id,in_degree,out_degree,in_strength,out_strength,pagerank\n"
        for id in ["c2", "kol", "hub", "yy"] { table += "\(id),\(counts[id]!),\(pageRank[id]!)\n" } // safe: fixed ids of the fixture
        let scores = dataset + "/tables"
        try FileManager.default.createDirectory(atPath: scores + "/scores", withIntermediateDirectories: true)
        try ReachGraphCLI.write(table, to: scores + "/scores/part-00000.csv")
        table = "id,in_degree,out_degree,in_strength,out_strength,pagerank\n"
        for id in ["cs", "c1"] { table += "\(id),\(counts[id]!),\(pageRank[id]!)\n" } // safe: fixed ids of the fixture
        try ReachGraphCLI.write(table, to: scores + "/scores/part-00001.csv")
        return (dataset, export, scores)
    }

    func testRankFromSparkScoresEqualsRankOnTheDataset() throws {
        let (dataset, export, scores) = try exportWithScores()
        for measure in ["pagerank", "in-degree", "out-degree", "degree", "strength", "in-strength"] {
            let whole = try ReachGraphCLI.run(["rank", dataset, "--by", measure, "--format", "csv"])
            let spark = try ReachGraphCLI.run(["rank", export, "--scores", scores, "--by", measure, "--format", "csv"])
            XCTAssertEqual(spark.status, 0, spark.error)
            XCTAssertEqual(spark.output, whole.output, measure)
        }
        let top = try ReachGraphCLI.run(["rank", export, "--scores", scores, "--by", "strength", "--top", "2", "--format", "csv"])
        XCTAssertEqual(top.output.split(separator: "\n").map { $0.split(separator: ",").prefix(3).joined(separator: ",") }, ["rank,id,score", "1,kol,31", "2,c1,21"])
    }

    func testRenderDrawsTheTopAccountsFromSparkScores() throws {
        let (_, export, scores) = try exportWithScores()
        let figure = export + "/../top.dot"
        let result = try ReachGraphCLI.run(["render", export, "--scores", scores, "--by", "strength", "--top", "3", "-o", figure, "--quiet"])
        XCTAssertEqual(result.status, 0, result.error)
        let dot = try String(contentsOfFile: figure, encoding: .utf8)
        for id in ["kol", "c1", "hub"] { XCTAssertTrue(dot.contains("(\(id)) ·"), "\(id) is among the top 3 by strength") }
        for id in ["cs", "yy", "c2"] { XCTAssertFalse(dot.contains("(\(id)) ·"), "\(id) is not among the top 3") }
        XCTAssertTrue(dot.contains("kol -> c1") && dot.contains("hub -> kol") && !dot.contains("hub -> cs"), "only the ties among the drawn accounts")
        XCTAssertTrue(dot.contains("computed by Spark over the whole dataset"), dot)
    }

    func testBadScoresAndMeasuresAreRefused() throws {
        let (dataset, export, scores) = try exportWithScores()
        let unsupported = try ReachGraphCLI.run(["rank", export, "--scores", scores, "--by", "betweenness"])
        XCTAssertEqual(unsupported.status, 2, unsupported.error)
        let notExport = try ReachGraphCLI.run(["rank", dataset, "--scores", scores, "--by", "pagerank"])
        XCTAssertEqual(notExport.status, 1)
        XCTAssertTrue(notExport.error.contains("not a Spark export"), notExport.error)
        try ReachGraphCLI.write("id,in_degree,out_degree,in_strength,out_strength,pagerank\ncs,1,1,5,1,abc\nc1,2,0,21,0,0.1\n", to: scores + "/scores/part-00001.csv")
        let bad = try ReachGraphCLI.run(["rank", export, "--scores", scores, "--by", "pagerank"])
        XCTAssertEqual(bad.status, 1)
        XCTAssertEqual(bad.error, "reachgraph: scores/part-00001.csv:2:12: column \"pagerank\": \"abc\" is not a number\n")
        try FileManager.default.removeItem(atPath: scores + "/scores/part-00001.csv")
        let missing = try ReachGraphCLI.run(["rank", export, "--scores", scores, "--by", "pagerank"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.error.contains("has no score"), missing.error)
    }
}
