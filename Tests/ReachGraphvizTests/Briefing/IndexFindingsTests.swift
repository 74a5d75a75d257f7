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
}
