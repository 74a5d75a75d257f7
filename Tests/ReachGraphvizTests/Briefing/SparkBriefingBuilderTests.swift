import Foundation
import ReachGraph
@testable import ReachGraphviz
import XCTest

/// The briefing written from Spark tables reports what the tables say: hand-written tables for a
/// four-account export, so every number in the sentences is known.
final class SparkBriefingBuilderTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "spark-brief-" + UUID().uuidString
        let data = folder + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try "id,name,kind\na,Alpha,city_account\nb,Beta,influencer\nc,Gamma,community\nd,Delta,community\n"
            .write(toFile: data + "/accounts.csv", atomically: true, encoding: .utf8)
        try "source,target,relation,weight\na,b,repost,3\na,c,repost,1\nb,d,repost,2\n"
            .write(toFile: data + "/relations.csv", atomically: true, encoding: .utf8)
        try SparkExportWriter.write(try DatasetLoader.load(data), to: folder + "/export")
        let out = folder + "/out"
        func table(_ name: String, _ text: String) throws {
            try FileManager.default.createDirectory(atPath: "\(out)/\(name)", withIntermediateDirectories: true)
            try text.write(toFile: "\(out)/\(name)/part-00000.csv", atomically: true, encoding: .utf8)
        }
        try table("scores", """
            id,in_degree,out_degree,in_strength,out_strength,component,component_size,pagerank
            a,0,2,0,4,a,4,0.1
            b,1,1,3,2,a,4,0.2
            c,1,0,1,0,a,4,0.3
            d,1,0,2,0,a,4,0.4

            """)
        try table("components", "component,size\na,4\n")
        try table("cascades", "root,root_account,size,depth\np1,a,3,2\np2,b,2,1\n")
        try table("coordination_edges", """
            account_a,account_b,weight,co_shares,objects,messages_a,messages_b,symmetry,mean_delta_seconds
            c,d,3,3,2,3,3,1,12.5
            b,c,2,2,1,2,1,1,30

            """)
        try #"{"accounts": 4, "edges": 3, "analyses": ["degree", "components", "pagerank", "coordination", "cascades"], "coordination": {"window": 600.0}}"#
            .write(toFile: out + "/run.json", atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func testSectionsReportTheSparkTables() throws {
        var options = BriefingBuilder.Options()
        options.png = false
        options.top = 3
        let document = try SparkBriefingBuilder(export: folder + "/export", output: folder + "/out", options: options).build()
        XCTAssertEqual(document.sections.map(\.title), ["Dataset", "The network", "Central accounts", "Cascades", "Coordination", "Not in this briefing"])
        func section(_ title: String) -> BriefingSection { document.sections.first { $0.title == title }! } // safe: titles checked above

        XCTAssertEqual(section("Dataset").paragraphs[0], "4 accounts are tied by 3 distinct directed edges.")
        XCTAssertEqual(section("Dataset").paragraphs[1], "They form 1 weakly connected part; the largest holds 4 accounts (100%).")

        let central = section("Central accounts")
        XCTAssertEqual(central.paragraphs[0], "Delta (community) has the highest PageRank, 0.4, 1.33× that of Gamma: a random walk that follows content from author to reposter ends at it more often than anywhere else.")
        XCTAssertEqual(central.paragraphs[1], "Alpha reaches the most accounts directly: its ties run to 2 distinct accounts (for reposts, the accounts that reposted it).")
        XCTAssertEqual(central.tables[0].rows.map { $0[1] }, [.text("d"), .text("c"), .text("b")], "top 3 by PageRank")
        XCTAssertEqual(central.tables[0].rows[2], [.integer(3), .text("b"), .text("Beta"), .text("influencer"), .number(0.2), .integer(1), .integer(1)])

        let cascades = section("Cascades")
        XCTAssertEqual(cascades.paragraphs[0], "2 posts were reposted by at least one other account; a cascade has 2.5 participants on average. The largest, post p1 by Alpha, reached 3 accounts at depth 2.")
        XCTAssertEqual(cascades.tables[0].rows[1], [.text("p2"), .text("b"), .text("Beta"), .integer(2), .integer(1)])

        let coordination = section("Coordination")
        XCTAssertEqual(coordination.paragraphs[0], "2 pairs of accounts reposted the same post within 600 seconds of each other; 1 of them did so for at least 2 different posts.")
        XCTAssertEqual(coordination.paragraphs[1], "The most frequent pair is Gamma and Delta: 3 co-reposts within the window.")
        XCTAssertEqual(coordination.tables[0].rows[0][8], .number(12.5))

        XCTAssertEqual(document.degradations.count, SparkBriefingBuilder.wholeDatasetSections.count, "each whole-dataset analysis is listed as skipped")
        XCTAssertEqual(section("The network").figures.map(\.name), ["overview"])
        XCTAssertTrue(section("The network").figures[0].svg.contains("Delta"), "the overview labels the top account")
    }

    func testAMissingRunReportIsAnErrorNamingTheFolder() throws {
        try FileManager.default.removeItem(atPath: folder + "/out/run.json")
        XCTAssertThrowsError(try SparkBriefingBuilder(export: folder + "/export", output: folder + "/out").build()) { error in
            XCTAssertEqual("\(error)", "\(folder)/out: no run.json: not a finished run of spark/reachgraph_spark.py")
        }
    }

    func testAMissingTableSkipsOnlyItsSection() throws {
        try FileManager.default.removeItem(atPath: folder + "/out/cascades")
        var options = BriefingBuilder.Options()
        options.png = false
        let document = try SparkBriefingBuilder(export: folder + "/export", output: folder + "/out", options: options).build()
        let cascades = document.sections.first { $0.title == "Cascades" }
        XCTAssertEqual(cascades?.paragraphs, [])
        XCTAssertTrue(cascades?.notes.first?.hasPrefix("skipped: ") == true && cascades?.notes.first?.contains("no table \"cascades\"") == true, "\(cascades?.notes ?? [])")
        XCTAssertEqual(document.sections.first { $0.title == "Coordination" }?.paragraphs.count, 3)
    }
}
