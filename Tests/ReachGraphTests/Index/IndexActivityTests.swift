import Foundation
import ReachGraph
import XCTest

/// The activity behind the scores (totals and per-post rates) and the composite's movement,
/// on the hand-computed example of `IndexFixture`.
final class IndexActivityTests: XCTestCase {
    private func report(by grouping: IndexGrouping = .account) throws -> IndexReport {
        try IndexFixture.index(try IndexFixture.weights()).report(by: grouping)
    }

    func testCompositeActivitySumsThePlatformsInTheComposite() throws {
        let composite = try report().composite
        // Facebook and YouTube are in the composite (x has 1 account, TikTok is out by the file).
        // a: facebook 10 posts, 20 + 0 + 40 interactions, 100 views, 1000 followers; youtube 5, 0, 50, 100.
        let a = try XCTUnwrap(composite[unit: "a"]).activity
        XCTAssertEqual(a.posts, 15)
        XCTAssertEqual(a.interactions, 60)
        XCTAssertEqual(a.interactionsPerPost, 4)
        XCTAssertEqual(a.views, 150)
        XCTAssertEqual(a.viewsPerPost, 10)
        XCTAssertEqual(a.followers, 1_100)
        XCTAssertNil(a.followerGain, "follower_gain is empty in every row")
        XCTAssertNil(a.followerGrowth)
        // b: facebook 20 posts, 10 + 10 + 0, 300 views; youtube 5 posts, 10 + 10 + 10, 150 views.
        let b = try XCTUnwrap(composite[unit: "b"]).activity
        XCTAssertEqual(b.posts, 25)
        XCTAssertEqual(b.interactions, 50)
        XCTAssertEqual(b.interactionsPerPost, 2)
        XCTAssertEqual(b.viewsPerPost, 18)
        // c: facebook only (its 30 posts on x are outside the composite); no posts, so no rates.
        let c = try XCTUnwrap(composite[unit: "c"]).activity
        XCTAssertEqual(c.posts, 0)
        XCTAssertEqual(c.interactions, 100)
        XCTAssertNil(c.interactionsPerPost)
        XCTAssertNil(c.viewsPerPost)
    }

    func testPlatformEntriesCarryThatPlatformsActivity() throws {
        let report = try report()
        let x = try XCTUnwrap(report.ranking(of: "x")?.entries[unit: "c"]).activity
        XCTAssertEqual(x.posts, 30)
        XCTAssertEqual(x.interactions, 0)
        XCTAssertEqual(x.interactionsPerPost, 0)
        let youtube = try XCTUnwrap(report.ranking(of: "youtube")?.entries[unit: "b"]).activity
        XCTAssertEqual(youtube.totals, [.posts: 5, .shares: 10, .comments: 10, .likes: 10, .views: 150, .followers: 300])
    }

    func testCityActivityIsTheRatioOfSums() throws {
        let hangzhou = try XCTUnwrap(try report(by: .city).composite[unit: "Hangzhou"]).activity
        XCTAssertEqual(hangzhou.posts, 40)
        XCTAssertEqual(hangzhou.interactions, 110)
        XCTAssertEqual(hangzhou.interactionsPerPost, 2.75)
        XCTAssertEqual(hangzhou.viewsPerPost, 15)
        XCTAssertEqual(hangzhou.followers, 4_400)
    }

    func testFollowerGrowthIsGainOverFollowersAtTheStart() {
        XCTAssertEqual(IndexActivity(totals: [.followers: 1_100, .followerGain: 100]).followerGrowth, 0.1)
        XCTAssertEqual(IndexActivity(totals: [.followers: 900, .followerGain: -100]).followerGrowth, -0.1)
        XCTAssertNil(IndexActivity(totals: [.followers: 50, .followerGain: 50]).followerGrowth, "no followers at the start")
        XCTAssertNil(IndexActivity(totals: [.followers: 50]).followerGrowth)
        XCTAssertNil(IndexActivity(totals: [.shares: 3]).interactionsPerPost, "no posts recorded")
        XCTAssertEqual(IndexActivity(totals: [.likes: 3]).interactions, 3, "missing shares and comments add nothing")
    }

    func testTablesPutTotalsBesideRates() throws {
        let report = try report()
        let composite = report.tables()[0]
        XCTAssertEqual(
            Array(composite.columns.suffix(8)),
            ["posts", "interactions", "interactions_per_post", "views", "views_per_post", "followers", "follower_gain", "follower_growth"]
        )
        let a = try XCTUnwrap(composite.rows.first { $0[1] == .text("a") })
        XCTAssertEqual(Array(a.suffix(8)), [.number(15), .number(60), .number(4), .number(150), .number(10), .number(1_100), .missing, .missing])
        let activity = report.activityTable()
        XCTAssertEqual(
            activity.columns,
            ["rank", "account", "name", "score", "change", "posts", "interactions", "interactions_per_post", "views_per_post", "followers", "follower_gain", "follower_growth"]
        )
        XCTAssertEqual(activity.rows.map { $0[1] }, [.text("b"), .text("a"), .text("c")])
        XCTAssertEqual(activity.rows[2].prefix(3), [.text("3"), .text("c"), .text("宁波 Ningbo")])
        guard case .number(let score) = activity.rows[2][3] else { return XCTFail("score is a number") }
        XCTAssertEqual(score, 184.0 / 7, accuracy: 1e-9)
        XCTAssertEqual(activity.rows[2][4...], [.text("new"), .number(0), .number(100), .missing, .missing, .number(2_000), .missing, .missing])
    }

    func testMovementNamesRisersFallersAndNewcomers() throws {
        let current = try report()
        let movement = try XCTUnwrap(IndexMovement(current))
        XCTAssertEqual(movement.risers.map(\.unit.id), ["b"])
        XCTAssertEqual(movement.risers[0].places, 1)
        XCTAssertEqual(movement.risers[0].previousRank, 2)
        XCTAssertEqual(IndexChange.ranked(previousRank: 2, scoreDelta: movement.risers[0].scoreDelta), current.composite[unit: "b"]?.change)
        XCTAssertEqual(movement.fallers.map(\.unit.id), ["a"])
        XCTAssertEqual(movement.newcomers.map(\.unit.id), ["c"])
        XCTAssertEqual(
            movement.sentence(),
            "Since 2025-04, the largest riser in the composite is Hangzhou Culture (up 1 place to rank 1); the largest faller is 杭州发布 Hangzhou (down 1 place to rank 2). 1 account is new to the ranking."
        )
        let cities = try XCTUnwrap(IndexMovement(try report(by: .city)))
        XCTAssertEqual(cities.unchanged, 1)
        XCTAssertEqual(cities.sentence(), "Since 2025-04, no city ranked in both periods changed rank in the composite. 1 city is new to the ranking.")
        XCTAssertNil(IndexMovement(try IndexFixture.index(try IndexFixture.weights()).report(period: "2025-04")), "no earlier period")
    }
}

/// The month-over-month rank chart's data, on `IndexFixture` (2025-04: a 1st, b 2nd; 2025-05: b,
/// a, c).
final class IndexTrendTests: XCTestCase {
    func testLeadersOfTheLastPeriodFollowedBack() throws {
        let reports = try IndexFixture.index(try IndexFixture.weights()).reports()
        let trend = IndexTrend(reports: reports, top: 3)
        XCTAssertEqual(trend.periods, ["2025-04", "2025-05"])
        XCTAssertEqual(trend.lines.map(\.unit.id), ["b", "a", "c"])
        XCTAssertEqual(trend.lines.map(\.ranks), [[2, 1], [1, 2], [nil, 3]])
        XCTAssertEqual(trend.lines[2].scores[1] ?? .nan, 184.0 / 7, accuracy: 1e-9)
        XCTAssertEqual(IndexTrend(reports: reports, top: 1).lines.map(\.unit.id), ["b"])

        let chart = IndexTrend(reports: reports, top: 2).rankChart(caption: "synthetic")
        XCTAssertTrue(chart.ranksAxis)
        XCTAssertEqual(chart.title, "传播力指数 Communication power index · rank 排名 · TOP 2 accounts 账号 · 2025-04 – 2025-05")
        let svg = chart.svg()
        // Rank 1 on the top grid line (y = 60), rank 2 on the bottom one (y = 380): b climbs.
        XCTAssertTrue(svg.contains("<polyline points=\"36.1,380.0 596.1,60.0\""), svg)
        XCTAssertTrue(svg.contains("<polyline points=\"36.1,60.0 596.1,380.0\""), svg)
    }
}
