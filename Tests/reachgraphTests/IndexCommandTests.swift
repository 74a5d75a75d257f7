import Foundation
import XCTest

/// `reachgraph index` run as a user runs it, on a folder holding only accounts.csv and
/// metrics.csv (the example of `IndexScoringTests`, computed by hand there).
final class IndexCommandTests: XCTestCase {
    private let accounts = """
        id,name,kind,city,province
        a,杭州发布 Hangzhou,city_account,Hangzhou,Zhejiang
        b,Hangzhou Culture,media_centre,Hangzhou,Zhejiang
        c,宁波 Ningbo,city_account,Ningbo,Zhejiang

        """

    private let metrics = """
        account,platform,period,posts,likes,comments,shares,views,followers,follower_gain,qualitative
        a,facebook,2025-05,10,40,0,20,100,1000,,80
        b,facebook,2025-05,20,0,10,10,300,3000,,60
        c,facebook,2025-05,0,80,20,0,200,2000,,70
        a,youtube,2025-05,5,0,0,0,50,100,,50
        b,youtube,2025-05,5,10,10,10,150,300,,50
        a,facebook,2025-04,20,20,20,20,200,900,,80
        b,facebook,2025-04,10,10,10,10,100,2900,,60

        """

    /// Facebook 0.4 (G/I/U .2/.4/.4), youtube 0.3 (I/U .5/.5), x 0.3; min–max, no log1p.
    private let weights = """
        {
          "platforms": {
            "facebook": { "weight": 0.4, "dimensions": { "G": 0.2, "I": 0.4, "U": 0.4 } },
            "youtube":  { "weight": 0.3, "dimensions": { "I": 0.5, "U": 0.5 } },
            "x":        { "weight": 0.3, "dimensions": { "G": 1 } }
          },
          "indicators": {
            "G": { "posts": 1 },
            "I": { "shares": 0.5, "comments": 0.25, "likes": 0.25 },
            "U": { "followers": 0.5, "views": 0.5 }
          },
          "options": { "log1p": false, "per_post_rates": false, "normalisation": "min-max" },
          "quantitative_share": 0.8,
          "min_accounts_per_platform": 2
        }

        """

    private var folder = ""

    override func setUpWithError() throws {
        folder = try ReachGraphCLI.temporaryFolder(["accounts.csv": accounts, "metrics.csv": metrics, "weights.json": weights])
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Composite (facebook 4/7, youtube 3/7; x has no accounts): b 558/7, a 246/7, c 184/7.
    func testCompositeAsCSVWithChanges() throws {
        let result = try ReachGraphCLI.run(["index", folder, "--weights", folder + "/weights.json", "--platform", "facebook", "--format", "csv"])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertEqual(
            result.output,
            """
            rank,account,name,city,score,G,I,U,quantitative,qualitative,change,previous_rank,score_change,posts,interactions,interactions_per_post,views,views_per_post,followers,follower_gain,follower_growth
            1,b,Hangzhou Culture,Hangzhou,72,100,37.5,100,75,60,↑1,2,44,20,20,1,300,15,3000,,
            2,c,宁波 Ningbo,Ningbo,46,0,50,50,40,70,new,,,0,100,,200,,2000,,
            3,a,杭州发布 Hangzhou,Hangzhou,44,50,62.5,0,35,80,↓2,1,-36,10,60,6,100,10,1000,,

            """
        )
        XCTAssertEqual(result.error, "note: x: 0 accounts in 2025-05, fewer than 2; reported but left out of the composite\n")
    }

    func testCitiesAsJSONWithTop() throws {
        let result = try ReachGraphCLI.run(["index", folder, "--weights", folder + "/weights.json", "--by", "city", "--top", "1", "--format", "json", "--quiet"])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertEqual(result.error, "")
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let composite = try XCTUnwrap(object["index_composite"] as? [[String: Any]])
        XCTAssertEqual(composite.count, 1)
        XCTAssertEqual(composite.first?["city"] as? String, "Hangzhou")
        XCTAssertEqual(composite.first?["accounts"] as? Int, 2)
        XCTAssertEqual(composite.first?["score"] as? Double ?? .nan, 582.0 / 7, accuracy: 1e-9)
        XCTAssertEqual(composite.first?["rank"] as? String, "1")
        XCTAssertEqual((object["index_platforms"] as? [[String: Any]])?.count, 3)
    }

    func testEarlierPeriodAndDefaultWeights() throws {
        let result = try ReachGraphCLI.run(["index", folder, "--period", "2025-04", "--quiet", "--min-accounts", "1"])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.output.hasPrefix("Communication power index, composite (2025-04, by account)\n"), result.output)
        XCTAssertTrue(result.output.contains("weight 1 in the composite"), "only facebook has accounts:\n\(result.output)")
    }

    func testChartIsWrittenNextToTheTables() throws {
        let chart = folder + "/out/top.svg"
        let result = try ReachGraphCLI.run(["index", folder, "--weights", folder + "/weights.json", "--quiet", "--top", "2", "--chart", chart])
        XCTAssertEqual(result.status, 0, result.error)
        let svg = try String(contentsOfFile: chart, encoding: .utf8)
        XCTAssertTrue(svg.hasPrefix("<?xml"))
        XCTAssertEqual(svg.components(separatedBy: "<g class=\"bar\">").count - 1, 2)
        XCTAssertTrue(svg.contains(">杭州发布 Hangzhou<"))
    }

    func testBadInputExitsOneWithOneLine() throws {
        let unknown = try ReachGraphCLI.run(["index", folder, "--period", "2025-13"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertEqual(unknown.error, "reachgraph: --period: no metrics for \"2025-13\"; available periods: 2025-04, 2025-05\n")
        XCTAssertEqual(unknown.output, "")

        let badWeights = folder + "/bad.json"
        try ReachGraphCLI.write(weights.replacingOccurrences(of: "\"weight\": 0.3, \"dimensions\": { \"G\"", with: "\"weight\": 0.4, \"dimensions\": { \"G\""), to: badWeights)
        let sum = try ReachGraphCLI.run(["index", folder, "--weights", badWeights])
        XCTAssertEqual(sum.status, 1)
        XCTAssertEqual(sum.error, "reachgraph: bad.json: platforms: weights sum to 1.1, not 1\n")

        let platform = try ReachGraphCLI.run(["index", folder, "--weights", folder + "/weights.json", "--platform", "tiktok"])
        XCTAssertEqual(platform.status, 1)
        XCTAssertEqual(platform.error, "reachgraph: --platform: tiktok has no weights in \(folder)/weights.json\n")

        let empty = folder + "/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        try ReachGraphCLI.write("account,platform,period\n", to: empty + "/metrics.csv")
        let noMetrics = try ReachGraphCLI.run(["index", empty])
        XCTAssertEqual(noMetrics.status, 1)
        XCTAssertEqual(noMetrics.error, "reachgraph: \(empty): no metrics rows: the index needs metrics.csv (account, platform, period, posts, …)\n")
    }

    /// The user-scale preset on the sample: weights proportional to monthly users (Facebook
    /// 3,070, X 586, Instagram 3,000, YouTube 2,000, TikTok 1,000 million), TikTok out of the
    /// composite, so Facebook has 3,070 / 8,656 of it; the table cites each figure.
    func testUserScalePresetOnTheSample() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let result = try ReachGraphCLI.run([
            "index", root.appendingPathComponent("graphs/sample").path, "--weights",
            root.appendingPathComponent("graphs/weights/city-index-user-scale.json").path, "--by", "city", "--format", "json", "--quiet",
        ])
        XCTAssertEqual(result.status, 0, result.error)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let platforms = try XCTUnwrap(object["index_platforms"] as? [[String: Any]])
        let byName = Dictionary(uniqueKeysWithValues: platforms.compactMap { row in (row["platform"] as? String).map { ($0, row) } })
        XCTAssertEqual(byName["facebook"]?["weight"] as? Double ?? .nan, 3_070.0 / 9_656, accuracy: 1e-12)
        XCTAssertEqual(byName["facebook"]?["composite_weight"] as? Double ?? .nan, 3_070.0 / 8_656, accuracy: 1e-12)
        XCTAssertEqual(byName["x"]?["composite_weight"] as? Double ?? .nan, 586.0 / 8_656, accuracy: 1e-12)
        XCTAssertEqual(byName["tiktok"]?["composite_weight"] as? Double, 0)
        XCTAssertEqual(byName["youtube"]?["monthly_users"] as? Double, 2e9)
        XCTAssertEqual(byName["youtube"]?["users_as_of"] as? String, "2019-05")
        XCTAssertEqual((byName["facebook"]?["users_source"] as? String)?.hasPrefix("Meta Platforms, https://www.prnewswire.com/"), true)
    }

    func testUsageErrorsExitTwo() throws {
        try assertUsageError(["index", folder, "--platform", "weibo"], "--platform must be one of facebook, x, instagram, youtube, tiktok")
        try assertUsageError(["index", folder, "--top", "0"], "--top must be at least 1")
        try assertUsageError(["index", folder, "--by", "province"], "The value 'province' is invalid for '--by <by>'. Please provide one of 'account', 'city' or 'entity'.")
    }
}
