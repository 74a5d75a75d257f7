import Foundation
@testable import ReachGraph
import XCTest

/// The index on ``IndexFixture``, every number computed by hand in the comments.
final class IndexScoringTests: XCTestCase {
    private let accuracy = 1e-9

    private func assertScores(_ entries: [IndexEntry], _ expected: [String: Double], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(entries.map(\.unit.id).sorted(), expected.keys.sorted(), file: file, line: line)
        for (id, score) in expected {
            XCTAssertEqual(entries[unit: id]?.score ?? .nan, score, accuracy: accuracy, "\(id)", file: file, line: line)
        }
    }

    /// Min–max, no log1p, no rates. Facebook (a, b, c):
    ///   posts 10,20,0 → G 50,100,0
    ///   shares 20,10,0 → 100,50,0; comments 0,10,20 → 0,50,100; likes 40,0,80 → 50,0,100
    ///   I = .5·shares + .25·comments + .25·likes → 62.5, 37.5, 50
    ///   followers 1000,3000,2000 → 0,100,50; views 100,300,200 → 0,100,50; U → 0, 100, 50
    ///   Quant = .2G + .4I + .4U → 35, 75, 40; Qual as given 80, 60, 70
    ///   S = .8·Quant + .2·Qual → 44, 72, 46
    /// YouTube (c absent, so zeros): shares/comments/likes 0,10,0 → I 0,100,0;
    ///   followers 100,300,0 and views 50,150,0 → 33.3̅,100,0 → U 33.3̅,100,0
    ///   Quant = .5I + .5U → 16.6̅, 100, 0; Qual 50,50,0 → S 23.3̅, 90, 0
    /// Composite: facebook and youtube only (x has 1 account < 2; tiktok is out by the file),
    ///   weights .4/.7 = 4/7 and .3/.7 = 3/7:
    ///   a (4·44 + 3·23.3̅)/7 = 246/7, b (4·72 + 3·90)/7 = 558/7, c (4·46 + 0)/7 = 184/7
    func testMinMaxHandComputedExample() throws {
        let report = try IndexFixture.index(try IndexFixture.weights()).report(period: "2025-05")
        let facebook = try XCTUnwrap(report.ranking(of: "facebook"))
        assertScores(facebook.entries, ["a": 44, "b": 72, "c": 46])
        XCTAssertEqual(facebook.entries.map(\.unit.id), ["b", "c", "a"])
        let a = try XCTUnwrap(facebook.entries[unit: "a"])
        XCTAssertEqual(a.dimensions[.creation] ?? .nan, 50, accuracy: accuracy)
        XCTAssertEqual(a.dimensions[.interaction] ?? .nan, 62.5, accuracy: accuracy)
        XCTAssertEqual(a.dimensions[.utilisation] ?? .nan, 0, accuracy: accuracy)
        XCTAssertEqual(a.quantitative, 35, accuracy: accuracy)
        XCTAssertEqual(a.qualitative, 80, accuracy: accuracy)

        let youtube = try XCTUnwrap(report.ranking(of: "youtube"))
        assertScores(youtube.entries, ["a": 70.0 / 3, "b": 90])

        assertScores(report.composite, ["a": 246.0 / 7, "b": 558.0 / 7, "c": 184.0 / 7])
        XCTAssertEqual(report.composite.map(\.unit.id), ["b", "a", "c"])
        XCTAssertEqual(report.composite.map(\.rank.description), ["1", "2", "3"])
        let b = try XCTUnwrap(report.composite[unit: "b"])
        XCTAssertEqual(b.quantitative, (4 * 75 + 3 * 100) / 7, accuracy: accuracy)
        XCTAssertEqual(b.qualitative, (4 * 60 + 3 * 50) / 7, accuracy: accuracy)
        XCTAssertEqual(b.score, 0.8 * b.quantitative + 0.2 * b.qualitative, accuracy: accuracy)
        XCTAssertEqual(report.platforms.map(\.platform.name), ["facebook", "x", "youtube", "tiktok"])
        for (platform, weight) in zip(report.platforms.map(\.platform.compositeWeight), [4.0 / 7, 0, 3.0 / 7, 0]) {
            XCTAssertEqual(platform, weight, accuracy: accuracy)
        }
    }

    /// A unit missing from a platform is scored as zero activity: it takes part in the
    /// normalisation with zeros, is not listed in the platform's ranking, and its composite
    /// counts that platform's zero-activity score (0 here) at the platform's full weight.
    func testMissingPlatformIsZeroActivity() throws {
        let report = try IndexFixture.index(try IndexFixture.weights()).report()
        XCTAssertNil(report.ranking(of: "youtube")?.entries[unit: "c"])
        XCTAssertEqual(report.ranking(of: "youtube")?.platform.unitCount, 2)
        let c = try XCTUnwrap(report.composite[unit: "c"])
        XCTAssertEqual(c.platformScores["youtube"], 0)
        XCTAssertEqual(c.score, 4.0 / 7 * 46, accuracy: accuracy)
        // Had c's youtube rows been dropped from the normalisation instead, a would score 0 on
        // followers and views there; with c as zeros a's followers are 100/300 of the range.
        XCTAssertEqual(report.ranking(of: "youtube")?.entries[unit: "a"]?.dimensions[.utilisation] ?? .nan, 100.0 / 3, accuracy: accuracy)
    }

    /// x has one account (< 2) and tiktok is `in_composite: false`: both are ranked and shown
    /// with a reason, weigh 0 in the composite, and the composite equals the one without them.
    func testPlatformsLeftOutOfTheComposite() throws {
        let weights = try IndexFixture.weights()
        let report = try IndexFixture.index(weights).report()
        let x = try XCTUnwrap(report.ranking(of: "x"))
        XCTAssertEqual(x.platform.exclusionReason, "1 account in 2025-05, fewer than 2")
        XCTAssertEqual(x.entries.map(\.unit.id), ["c"])
        // c: posts 30 against zeros → G 100; qualitative 90 → S = .8·100 + .2·90.
        XCTAssertEqual(x.entries.first?.score ?? .nan, 98, accuracy: accuracy)
        XCTAssertEqual(report.ranking(of: "tiktok")?.platform.exclusionReason, "in_composite is false in the weights")
        XCTAssertEqual(report.composite[unit: "c"]?.platformScores["x"] ?? .nan, 98, accuracy: accuracy)

        let without = IndexFixture.metrics.filter { $0.platform != "x" && $0.platform != "tiktok" }
        let reference = try IndexFixture.index(weights, metrics: without).report()
        XCTAssertEqual(report.composite.map(\.score), reference.composite.map(\.score))

        // With a minimum of 1, x enters: weights .4/.9, .2/.9, .3/.9.
        let lowered = try IndexFixture.index(try IndexFixture.weights(minimumAccounts: 1)).report()
        XCTAssertEqual(lowered.composite[unit: "c"]?.score ?? .nan, (0.4 * 46 + 0.2 * 98) / 0.9, accuracy: accuracy)
        XCTAssertEqual(
            report.notes,
            [
                "x: 1 account in 2025-05, fewer than 2; reported but left out of the composite",
                "tiktok: in_composite is false in the weights; reported but left out of the composite",
                "metrics rows on platforms without weights left out: weibo (1)",
            ]
        )
    }

    /// Z-score, no log1p, no rates. Let k = √(3/2). Facebook columns are each a permutation of
    /// an evenly spaced triple, so every z is 0 or ±k:
    ///   G: 0, k, −k; I = .5(k, 0, −k) + .25(−k, 0, k) + .25(0, −k, k) = .25k, −.25k, 0
    ///   U = .5(−k, k, 0) + .5(−k, k, 0) = −k, k, 0
    ///   Quant = .2G + .4I + .4U = −.3k, .5k, −.2k; Qual 80,60,70 → k, −k, 0
    ///   S = .8Quant + .2Qual = −.04k, .2k, −.16k
    /// YouTube with c as zeros: shares/comments/likes 0,10,0 → −1/√2, √2, −1/√2 (= I);
    ///   followers 100,300,0 (and views 50,150,0) → (−1, 5, −4)/√14 (= U);
    ///   Qual 50,50,0 → 1/√2, 1/√2, −√2 (standardised like the indicators under z-score).
    func testZScoreHandComputed() throws {
        let report = try IndexFixture.index(try IndexFixture.weights(normalisation: "z-score")).report()
        let k = (1.5).squareRoot(), r2 = 2.0.squareRoot(), r14 = 14.0.squareRoot()
        let facebook = ["a": -0.04 * k, "b": 0.2 * k, "c": -0.16 * k]
        assertScores(report.ranking(of: "facebook")?.entries ?? [], facebook)
        let youtube = [
            "a": 0.8 * 0.5 * (-1 / r2 - 1 / r14) + 0.2 / r2,
            "b": 0.8 * 0.5 * (r2 + 5 / r14) + 0.2 / r2,
            "c": 0.8 * 0.5 * (-1 / r2 - 4 / r14) - 0.2 * r2,
        ]
        assertScores(report.ranking(of: "youtube")?.entries ?? [], ["a": youtube["a"] ?? 0, "b": youtube["b"] ?? 0])
        // The absent c scores below both present accounts on youtube, not the average 0.
        XCTAssertEqual(report.composite[unit: "c"]?.platformScores["youtube"] ?? .nan, youtube["c"] ?? 0, accuracy: accuracy)
        var composite: [String: Double] = [:]
        for id in ["a", "b", "c"] { composite[id] = 4.0 / 7 * (facebook[id] ?? 0) + 3.0 / 7 * (youtube[id] ?? 0) }
        assertScores(report.composite, composite)
        XCTAssertEqual(report.composite.map(\.unit.id), ["b", "a", "c"])
    }

    /// Min–max with log1p. Facebook, with L(x) = log(1 + x):
    ///   posts L10, L20, 0 → G: 100·L10/L20, 100, 0
    ///   shares L20, L10, 0 → 100, 100·L10/L20, 0; comments 0, L10, L20 → 0, 100·L10/L20, 100;
    ///   likes L40, 0, L80 → 100·L40/L80, 0, 100
    ///   I(a) = .5·100 + .25·100·L40/L80;  I(b) = .5·100·L10/L20 + .25·100·L10/L20
    func testLog1pHandComputed() throws {
        let report = try IndexFixture.index(try IndexFixture.weights(log1p: true)).report()
        let entries = try XCTUnwrap(report.ranking(of: "facebook")?.entries)
        let ratio = log1p(10.0) / log1p(20.0)
        XCTAssertEqual(entries[unit: "a"]?.dimensions[.creation] ?? .nan, 100 * ratio, accuracy: accuracy)
        XCTAssertEqual(entries[unit: "b"]?.dimensions[.creation] ?? .nan, 100, accuracy: accuracy)
        XCTAssertEqual(entries[unit: "a"]?.dimensions[.interaction] ?? .nan, 50 + 25 * log1p(40.0) / log1p(80.0), accuracy: accuracy)
        XCTAssertEqual(entries[unit: "b"]?.dimensions[.interaction] ?? .nan, 75 * ratio, accuracy: accuracy)
        // followers L1000, L3000, L2000 → 0, 100, 100·(L2000 − L1000)/(L3000 − L1000)
        let followers = 100 * (log1p(2000.0) - log1p(1000.0)) / (log1p(3000.0) - log1p(1000.0))
        let views = 100 * (log1p(200.0) - log1p(100.0)) / (log1p(300.0) - log1p(100.0))
        XCTAssertEqual(entries[unit: "c"]?.dimensions[.utilisation] ?? .nan, 0.5 * followers + 0.5 * views, accuracy: accuracy)
    }

    /// Min–max with per-post rates. Facebook: shares/posts 2, .5, 0 (c has no posts: 0) → 100,
    ///   25, 0; comments/posts 0, .5, 0 → 0, 100, 0; likes/posts 4, 0, 0 → 100, 0, 0;
    ///   views/posts 10, 15, 0 → 66.6̅, 100, 0; followers stay totals → 0, 100, 50.
    ///   I = 75, 37.5, 0; U = 33.3̅, 100, 25; Quant = .2G + .4I + .4U = 53.3̅, 75, 10
    func testPerPostRatesHandComputed() throws {
        let report = try IndexFixture.index(try IndexFixture.weights(perPostRates: true)).report()
        let entries = try XCTUnwrap(report.ranking(of: "facebook")?.entries)
        XCTAssertEqual(entries[unit: "a"]?.quantitative ?? .nan, 160.0 / 3, accuracy: accuracy)
        XCTAssertEqual(entries[unit: "b"]?.quantitative ?? .nan, 75, accuracy: accuracy)
        XCTAssertEqual(entries[unit: "c"]?.quantitative ?? .nan, 10, accuracy: accuracy)
        XCTAssertEqual(entries[unit: "a"]?.dimensions[.interaction] ?? .nan, 75, accuracy: accuracy)
    }

    /// Previous period 2025-04 (facebook only, a and b): a is 100 on every indicator but
    /// followers (0) → G 100, I 100, U 50, Quant 80, S = .8·80 + .2·80 = 80; b is 0 but
    /// followers (100) → U 50, Quant 20, S = 16 + 12 = 28. Only facebook enters, so the
    /// composite is a 80 (1), b 28 (2).
    func testChangeVersusPreviousPeriod() throws {
        let index = IndexFixture.index(try IndexFixture.weights())
        XCTAssertEqual(index.periods, ["2025-04", "2025-05"])
        let report = try index.report()
        XCTAssertEqual(report.period, "2025-05")
        XCTAssertEqual(report.previousPeriod, "2025-04")
        XCTAssertEqual(report.composite[unit: "b"]?.rankChange, 1)
        XCTAssertEqual(report.composite[unit: "a"]?.rankChange, -1)
        XCTAssertEqual(report.composite[unit: "c"]?.change, .new)
        XCTAssertEqual(report.composite.map(\.changeLabel), ["↑1", "↓1", "new"])
        guard case .ranked(2, let delta) = report.composite[unit: "b"]?.change else { return XCTFail("b was ranked 2") }
        XCTAssertEqual(delta, 558.0 / 7 - 28, accuracy: accuracy)
        let facebook = try XCTUnwrap(report.ranking(of: "facebook")?.entries)
        XCTAssertEqual(facebook.map(\.changeLabel), ["↑1", "new", "↓2"])
        guard case .ranked(1, let aDelta) = facebook[unit: "a"]?.change else { return XCTFail("a was ranked 1") }
        XCTAssertEqual(aDelta, 44 - 80, accuracy: accuracy)
        XCTAssertEqual(report.ranking(of: "youtube")?.entries.map(\.change), [.new, .new])

        let earliest = try index.report(period: "2025-04")
        XCTAssertNil(earliest.previousPeriod)
        XCTAssertEqual(earliest.composite.map(\.change), [.notCompared, .notCompared])
        assertScores(earliest.composite, ["a": 80, "b": 28])
        XCTAssertEqual(try index.reports().map(\.composite), [earliest.composite, report.composite])
    }

    /// Cities sum their accounts' raw values. Facebook: Hangzhou = a + b (posts 30, shares 30,
    /// comments 10, likes 40, views 400, followers 4000, qualitative mean 70), Ningbo = c.
    ///   Hangzhou: G 100, I .5·100 = 50, U 100 → Quant 80 → S 64 + 14 = 78
    ///   Ningbo:   G 0, I .25·100 + .25·100 = 50, U 0 → Quant 20 → S 16 + 14 = 30
    /// YouTube: Hangzhou every indicator 100, qualitative 50 → S 90; Ningbo absent → 0.
    /// Composite: Hangzhou (4·78 + 3·90)/7 = 582/7, Ningbo 4·30/7 = 120/7.
    func testCitiesAggregateTheirAccounts() throws {
        let report = try IndexFixture.index(try IndexFixture.weights()).report(by: .city)
        assertScores(report.composite, ["Hangzhou": 582.0 / 7, "Ningbo": 120.0 / 7])
        assertScores(report.ranking(of: "facebook")?.entries ?? [], ["Hangzhou": 78, "Ningbo": 30])
        XCTAssertEqual(report.composite.map(\.unit.accountCount), [2, 1])
        XCTAssertEqual(report.composite.first?.unit.province, "Zhejiang")
        // x still counts accounts, not cities, against the minimum.
        XCTAssertEqual(report.ranking(of: "x")?.platform.exclusionReason, "1 account in 2025-05, fewer than 2")
    }

    /// Entities: a and c are one institution ("Zhejiang ICC"), b has no entity and stands for
    /// itself. Facebook sums a + c: posts 10, shares 20, comments 20, likes 120, followers 3000,
    /// views 300, qualitative mean (80 + 70) / 2 = 75; b: 20, 10, 10, 0, 3000, 300, 60.
    ///   Two units, so each indicator is 100 for the larger and 0 for the smaller, 0 for both
    ///   when equal (followers and views): G E 0, b 100; I E 100, b 0; U 0, 0.
    ///   Quant E .4·100 = 40, b .2·100 = 20; S E .8·40 + .2·75 = 47, b .8·20 + .2·60 = 28.
    /// YouTube: E is a alone (c has no row): I 0 vs b 100, U 0 vs b 100 → Quant 0, 100;
    ///   qualitative 50 each → S E 10, b 90.
    /// Composite (4/7 facebook, 3/7 youtube): E (4·47 + 3·10)/7 = 218/7, b (4·28 + 3·90)/7 = 382/7.
    func testEntitiesAggregateTheirAccountsAndAccountsWithoutOneStandAlone() throws {
        var accounts = IndexFixture.accounts
        accounts[0].entity = "Zhejiang ICC"
        accounts[2].entity = "Zhejiang ICC"
        let index = CommunicationPowerIndex(metrics: IndexFixture.metrics, accounts: accounts, weights: try IndexFixture.weights())
        XCTAssertEqual(index.groupings, [.account, .city, .entity])
        let report = try index.report(period: "2025-05", by: .entity)
        assertScores(report.ranking(of: "facebook")?.entries ?? [], ["Zhejiang ICC": 47, "b": 28])
        assertScores(report.ranking(of: "youtube")?.entries ?? [], ["Zhejiang ICC": 10, "b": 90])
        assertScores(report.composite, ["Zhejiang ICC": 218.0 / 7, "b": 382.0 / 7])
        XCTAssertEqual(report.composite.map(\.unit.label), ["Hangzhou Culture", "Zhejiang ICC"])
        let entity = try XCTUnwrap(report.composite[unit: "Zhejiang ICC"])
        XCTAssertEqual(entity.unit.accountCount, 2)
        XCTAssertNil(entity.unit.city, "Hangzhou and Ningbo disagree")
        XCTAssertEqual(entity.unit.province, "Zhejiang")
        XCTAssertTrue(report.notes.contains("1 account without an entity ranked as an entity of its own"), "\(report.notes)")
        // x still counts accounts against the minimum: c alone is 1 account.
        XCTAssertEqual(report.ranking(of: "x")?.platform.exclusionReason, "1 account in 2025-05, fewer than 2")
        let table = try XCTUnwrap(report.tables().first)
        XCTAssertEqual(Array(table.columns.prefix(4)), ["rank", "entity", "city", "accounts"])
        XCTAssertTrue(try index.tidyTable().contains("2025-05,entity,composite,true,Zhejiang ICC,Zhejiang ICC,,Zhejiang,2,false,"))
        XCTAssertFalse(try IndexFixture.index(try IndexFixture.weights()).tidyTable().contains(",entity,"), "no entity level without entities")
    }

    func testCitiesWithTheSameNameInTwoProvincesStayApart() throws {
        let accounts = [
            Account(id: "p", kind: .cityAccount, province: "Jilin", city: "Taiping"),
            Account(id: "q", kind: .cityAccount, province: "Anhui", city: "Taiping"),
            Account(id: "r", kind: .cityAccount),
        ]
        let metrics = ["p", "q", "r"].map { MetricsRow(account: $0, platform: "facebook", period: "2025-05", posts: 1) }
        let index = CommunicationPowerIndex(metrics: metrics, accounts: accounts, weights: try IndexFixture.weights())
        let report = try index.report(by: .city)
        XCTAssertEqual(report.ranking(of: "facebook")?.entries.map(\.unit.id).sorted(), ["Taiping (Anhui)", "Taiping (Jilin)"])
        XCTAssertTrue(report.notes.contains("1 account without a city left out of the city index"), "\(report.notes)")
    }

    /// Scores 90, 80, 80, 70 rank 1, 2=, 2=, 4; within a tie units are listed by id.
    func testTiesShareACompetitionRank() throws {
        let rows = [("w", 30), ("y", 20), ("x", 20), ("z", 10)].map { id, posts in
            MetricsRow(account: id, platform: "facebook", period: "2025-05", posts: posts, likes: 0, comments: 0, shares: 0, views: 0, followers: 0, qualitative: 50)
        }
        let report = try CommunicationPowerIndex(metrics: rows, accounts: [], weights: try IndexFixture.weights()).report()
        XCTAssertEqual(report.composite.map(\.unit.id), ["w", "x", "y", "z"])
        XCTAssertEqual(report.composite.map(\.rank.description), ["1", "2=", "2=", "4"])
        XCTAssertEqual(report.composite.map(\.rank.position), [1, 2, 2, 4])
        XCTAssertEqual(report.composite.top(2).map(\.unit.id), ["w", "x", "y"], "ties at the cut are kept")
    }

    func testRankingToleratesFloatingPointNoiseWithoutChaining() {
        let ranked = CompetitionRanking.rank(scores: [0.3, 0.1 + 0.2, 0.2], ids: ["b", "a", "c"])
        XCTAssertEqual(ranked.map(\.index), [1, 0, 2])
        XCTAssertEqual(ranked.map(\.rank.description), ["1=", "1=", "3"])
        // 1, 1 − 0.6e-9, 1 − 1.2e-9: the third is within tolerance of the second but not of the
        // group's first score, so it starts a new group.
        let chain = CompetitionRanking.rank(scores: [1, 1 - 0.6e-9, 1 - 1.2e-9], ids: ["a", "b", "c"])
        XCTAssertEqual(chain.map(\.rank.description), ["1=", "1=", "3"])
    }

    func testIndicatorScalingFormulas() {
        let options = IndicatorOptions(log1p: true, perPostRates: true, normalisation: .minMax)
        XCTAssertEqual(IndicatorScaling.transformed(-9, posts: 0, indicator: .followerGain, options: options), -log(10), accuracy: accuracy)
        XCTAssertEqual(IndicatorScaling.transformed(30, posts: 3, indicator: .views, options: options), log(11), accuracy: accuracy)
        XCTAssertEqual(IndicatorScaling.transformed(30, posts: 0, indicator: .views, options: options), 0)
        XCTAssertEqual(IndicatorScaling.transformed(30, posts: 3, indicator: .followers, options: options), log(31), accuracy: accuracy)
        XCTAssertEqual(IndicatorScaling.normalised([5, 5, 5], by: .minMax), [0, 0, 0])
        XCTAssertEqual(IndicatorScaling.normalised([7], by: .zScore), [0])
        XCTAssertEqual(IndicatorScaling.normalised([1, 3], by: .zScore), [-1, 1])
    }

    /// follower_gain weighs 0.2 of U but is empty in every row: its weight moves to followers
    /// and views in proportion (.4/.8 = .5 each), which is the fixture's U, so scores match.
    func testIndicatorWithoutDataGivesItsWeightToItsDimension() throws {
        let json = IndexFixture.weightsJSON().replacingOccurrences(
            of: #""U": { "followers": 0.5, "views": 0.5 }"#, with: #""U": { "followers": 0.4, "follower_gain": 0.2, "views": 0.4 }"#
        )
        let weights = try IndexWeights(json: Data(json.utf8), fileName: "weights.json")
        let report = try IndexFixture.index(weights).report()
        let reference = try IndexFixture.index(try IndexFixture.weights()).report()
        XCTAssertEqual(report.composite.map(\.score), reference.composite.map(\.score))
        XCTAssertEqual(report.ranking(of: "facebook")?.platform.indicatorWeights[.followers], 0.5)
        XCTAssertEqual(report.ranking(of: "facebook")?.platform.indicatorWeights[.followerGain], nil)
        XCTAssertTrue(
            report.notes.contains("facebook, youtube: follower_gain is empty in every row of 2025-05; the weight went to the other U indicators"),
            "\(report.notes)"
        )
    }

    func testEmptyCellsCountAsZeroAndAreReported() throws {
        var metrics = IndexFixture.metrics
        let index = try XCTUnwrap(metrics.firstIndex { $0.account == "c" && $0.platform == "facebook" && $0.period == "2025-05" })
        metrics[index].likes = nil
        metrics[index].qualitative = nil
        let report = try IndexFixture.index(try IndexFixture.weights(), metrics: metrics).report()
        XCTAssertTrue(report.notes.contains("2 empty cells counted as 0 (no recorded activity)"), "\(report.notes)")
        // c: likes 0 → I = .25·100 = 25 → Quant = .4·25 + .4·50 = 30; qualitative 0 → S = 24.
        XCTAssertEqual(report.ranking(of: "facebook")?.entries[unit: "c"]?.score ?? .nan, 24, accuracy: accuracy)
    }

    func testWithoutQualitativeScoresAreAllQuantitative() throws {
        let metrics = IndexFixture.metrics.map { row in
            var row = row
            row.qualitative = nil
            return row
        }
        let report = try IndexFixture.index(try IndexFixture.weights(), metrics: metrics).report()
        XCTAssertFalse(report.hasQualitative)
        XCTAssertEqual(report.ranking(of: "facebook")?.entries[unit: "a"]?.score ?? .nan, 35, accuracy: accuracy)
        XCTAssertTrue(report.notes.contains("qualitative is empty in every row of 2025-05: scores are 100% quantitative"))
    }

    func testUnknownPeriodListsTheAvailableOnes() throws {
        let index = IndexFixture.index(try IndexFixture.weights())
        XCTAssertThrowsError(try index.report(period: "2025-13")) { error in
            XCTAssertEqual("\(error)", "--period: no metrics for \"2025-13\"; available periods: 2025-04, 2025-05")
        }
        XCTAssertThrowsError(try CommunicationPowerIndex(metrics: [], accounts: []).report()) { error in
            XCTAssertEqual("\(error)", "metrics: no metrics rows: the index needs metrics.csv (account, platform, period, posts, …)")
        }
    }

    func testTwoRowsForOnePlatformArePointedOut() throws {
        let metrics = IndexFixture.metrics + [MetricsRow(account: "b", platform: "YouTube", period: "2025-05", posts: 1)]
        XCTAssertThrowsError(try IndexFixture.index(try IndexFixture.weights(), metrics: metrics).report()) { error in
            XCTAssertEqual("\(error)", "metrics: account \"b\" has more than one row for youtube in 2025-05")
        }
    }

    func testMetricsOnlyFolderLoadsForTheIndex() throws {
        let folder = try TemporaryFolder()
        try folder.write("accounts.csv", IndexFixture.accountsCSV)
        try folder.write("metrics.csv", IndexFixture.metricsCSV)
        let dataset = try DatasetLoader.load(folder.path)
        XCTAssertEqual(dataset.metrics, IndexFixture.metrics)
        XCTAssertEqual(dataset.accounts, IndexFixture.accounts)
        let report = try CommunicationPowerIndex(dataset: dataset, weights: try IndexFixture.weights()).report()
        XCTAssertEqual(report.composite.first?.unit.label, "Hangzhou Culture")
    }
}
