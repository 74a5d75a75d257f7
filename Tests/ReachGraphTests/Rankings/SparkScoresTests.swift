import Foundation
@testable import ReachGraph
import XCTest

/// The Spark program's `scores` table read into measures, on a hand-made table of three accounts
/// in two parts: a 2 in, 1 out (strengths 5, 1); b 0 in, 2 out (0, 6); c 1 in, 0 out (2, 0).
final class SparkScoresTests: XCTestCase {
    private func table(in folder: TemporaryFolder, second part: String = "c,1,0,2,0,0.5\n") throws -> String {
        try FileManager.default.createDirectory(atPath: folder.path + "/scores", withIntermediateDirectories: true)
        let header = "id,in_degree,out_degree,in_strength,out_strength,pagerank\n"
        try folder.write("scores/part-00000.csv", header + "b,0,2,0,6,0.2\na,2,1,5,1,0.3\n")
        try folder.write("scores/part-00001.csv", header + part)
        return folder.path
    }

    private func accounts(_ ids: [String]) throws -> Dataset {
        try Dataset(name: "export", accounts: ids.map { Account(id: $0, kind: .other) }, relations: RelationTable())
    }

    func testSeveralMeasuresFromOneReadEqualEachMeasureAlone() throws {
        let scratch = try TemporaryFolder()
        let output = try table(in: scratch)
        let dataset = try accounts(["a", "b", "c"])
        let measures: [RankingMeasure] = [.degree, .inDegree, .outStrength, .strength, .pageRank]
        let together = try SparkScores.scores(measures, in: output, for: dataset)
        // Degrees over n − 1 = 2: a 3/2, b 2/2, c 1/2; in-degree 2/2, 0, 1/2.
        XCTAssertEqual(together, [[1.5, 1, 0.5], [1, 0, 0.5], [1, 6, 0], [6, 6, 2], [0.3, 0.2, 0.5]])
        for (measure, values) in zip(measures, together) {
            XCTAssertEqual(try SparkScores.scores(measure, in: output, for: dataset), values, measure.rawValue)
        }
        XCTAssertEqual(try SparkScores.scores([.inDegree, .outDegree], in: output, for: dataset, normalized: false), [[2, 0, 1], [1, 2, 0]])
    }

    /// A row of an account the export lacks is reported after the whole table is checked, so a bad
    /// value further on is the error shown, as when the table was read whole before any lookup.
    func testErrorsInTheOrderOfTheWholeTableRead() throws {
        let scratch = try TemporaryFolder()
        let output = try table(in: scratch, second: "c,1,0,2,0,0.5\nzed,1,0,2,0,x\n")
        XCTAssertThrowsError(try SparkScores.scores([.pageRank], in: output, for: try accounts(["a", "b", "c"]))) { error in
            XCTAssertEqual((error as? InputError)?.description, "scores/part-00001.csv:3:13: column \"pagerank\": \"x\" is not a number")
        }
        let foreign = try table(in: scratch, second: "c,1,0,2,0,0.5\nzed,1,0,2,0,0.1\n")
        XCTAssertThrowsError(try SparkScores.scores([.pageRank, .degree], in: foreign, for: try accounts(["a", "b", "c"]))) { error in
            XCTAssertEqual((error as? InputError)?.message, "account \"zed\" is not in export: scores and dataset come from different exports")
        }
        XCTAssertThrowsError(try SparkScores.scores([.degree], in: foreign, for: try accounts(["a", "b", "c", "zed", "d"]))) { error in
            XCTAssertEqual((error as? InputError)?.message, "account \"d\" has no score: scores and dataset come from different exports")
        }
    }
}
