import Foundation
import ReachGraph
@testable import ReachGraphviz
import XCTest

/// The index section's activity sentence, on three accounts computed by hand.
final class IndexFindingsTests: XCTestCase {
    func testSentenceSetsVolumeAgainstRateAndGrowth() throws {
        // a: 100 interactions on 10 posts (10 per post), 1,100 followers after a gain of 100 (10%);
        // b: 50 on 2 (25 per post), no gain; c: 1 on 1, followers 5 → 10 (100%).
        let metrics = [
            MetricsRow(account: "a", platform: "facebook", period: "2025-05", posts: 10, likes: 60, comments: 30, shares: 10, followers: 1_100, followerGain: 100),
            MetricsRow(account: "b", platform: "facebook", period: "2025-05", posts: 2, likes: 50, comments: 0, shares: 0, followers: 500, followerGain: 0),
            MetricsRow(account: "c", platform: "facebook", period: "2025-05", posts: 1, likes: 1, followers: 10, followerGain: 5),
        ]
        let accounts = ["a", "b", "c"].map { Account(id: $0, kind: .cityAccount) }
        let report = try CommunicationPowerIndex(metrics: metrics, accounts: accounts).report()
        XCTAssertEqual(
            IndexFindings.activitySentence(report),
            "Among the top 3, a drew the most interactions (100 on 10 posts, 10 per post); b drew the most per post (25 on 2 posts); c grew its followers fastest (+100%)."
        )
        XCTAssertEqual(IndexFindings.activitySentence(report, top: 1)?.hasPrefix("Among the top 1, "), true)
        XCTAssertEqual(IndexFindings.rateText(10_461.6), "10,462")
        XCTAssertEqual(IndexFindings.rateText(2.805), "2.81")
    }

    /// Three cities on three platforms over two months, with a repost so the briefing has a network.
    static func cities() throws -> Dataset {
        var metrics = "account,platform,period,posts,likes,comments,shares,views,followers,follower_gain,qualitative"
        for (month, period) in ["2025-04", "2025-05"].enumerated() {
            for (index, account) in ["a", "b", "c"].enumerated() {
                for platform in ["facebook", "x", "youtube"] {
                    let posts = 5 + index * (month == 0 ? 1 : -1) + 2
                    metrics += "\n\(account),\(platform),\(period),\(posts),\(10 * posts),\(posts),\(2 * posts),\(100 * posts),\(1_000 + 10 * index),\(10 + index),50"
                }
            }
        }
        return try SampleDatasets.load(
            accounts: "id,name,kind,province,city\na,A city,city_account,P,Alpha\nb,B city,city_account,P,Beta\nc,C city,city_account,Q,Gamma",
            relations: "source,target,relation\na,b,repost\nb,c,repost", metrics: metrics
        )
    }

    func testBriefCitesUserScaleWeightsAndDrawsTheTrend() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var options = BriefingBuilder.Options()
        options.png = false
        options.bootstrapReplicates = 0
        options.indexWeights = try IndexWeights.load(contentsOf: root.appendingPathComponent("graphs/weights/city-index-user-scale.json").path)
        let document = BriefingBuilder(dataset: try Self.cities(), options: options).build()
        let index = try XCTUnwrap(document.sections.first { $0.title == "Communication power index" })
        XCTAssertTrue(index.paragraphs.contains(
            "Platform weights are proportional to published monthly users: facebook 3,070 million (Meta Platforms, 2023-12-31); "
                + "x 586 million (Digiday, reporting X's own tools, 2025-01); instagram 3,000 million (Meta (Mark Zuckerberg), reported by Reuters, 2025-09); "
                + "youtube 2,000 million (YouTube (CEO Susan Wojcicki at Brandcast), reported by CNET, 2019-05); "
                + "tiktok 1,000 million (TikTok (company spokesperson), reported by Reuters, 2025-09). "
                + "The weights file cites each source; the figures differ in date and definition (docs/communication-power-index.md)."
        ), "\(index.paragraphs)")
        // Facebook, x and YouTube are in the composite: 3,070, 586 and 2,000 of 5,656.
        let weightsLine = try XCTUnwrap(index.paragraphs.first { $0.hasPrefix("Weights used (from --weights): ") })
        XCTAssertTrue(weightsLine.contains("facebook \(formatNumber(3_070.0 / 5_656, digits: 3)) of the composite"), weightsLine)
        XCTAssertTrue(weightsLine.contains("instagram ranked, not in the composite (0 accounts in 2025-05, fewer than 3)"), weightsLine)
        // Gamma has the most of everything in 2025-04; in 2025-05 Alpha posts most (and so has the
        // most interactions and views) while Gamma keeps the most followers: they swap.
        XCTAssertEqual(index.paragraphs[1], "Since 2025-04, the largest riser in the composite is Alpha (up 2 places to rank 1); the largest faller is Gamma (down 2 places to rank 3).")
        XCTAssertEqual(index.figures.map(\.name), ["index", "index-trend"])
        XCTAssertEqual(index.tables.first?.name, "index_activity")
        XCTAssertEqual(index.csvOnlyTables.map(\.name), ["index_composite"])
    }
}
