import ReachGraph
import XCTest

/// Hand-computed movers between two periods. April: a 10, b 5, c 3, d 1. May: a 4, b 9, c 3, e 7.
final class PeriodChangeTests: XCTestCase {
    private let april: [String: Double] = ["a": 10, "b": 5, "c": 3, "d": 1]
    private let may: [String: Double] = ["a": 4, "b": 9, "c": 3, "e": 7]
    private let label = { (id: String) in id.uppercased() }

    func testAmountsNameRisersFallersNewAndVanishedUnits() {
        let change = PeriodChange(previous: april, current: may, previousPeriod: "2025-04", period: "2025-05")
        XCTAssertEqual(change.risers, [.init(unit: "b", before: 5, after: 9, rankBefore: 2, rankAfter: 1)])
        XCTAssertEqual(change.fallers, [.init(unit: "a", before: 10, after: 4, rankBefore: 1, rankAfter: 3)])
        XCTAssertEqual(change.appeared.map(\.unit), ["e"])
        XCTAssertEqual(change.vanished.map(\.unit), ["d"])
        XCTAssertEqual([change.countBefore, change.countAfter], [4, 4])
        XCTAssertEqual(
            change.sentence(measure: "posts per account", units: "accounts posted", label: label, value: { "\(Int($0)) posts" }),
            "Change since 2025-04 (posts per account, 2025-05 against 2025-04): 4 accounts posted in 2025-05, 4 in 2025-04; "
                + "largest risers B (5 posts → 9 posts); largest fallers A (10 posts → 4 posts); "
                + "1 new (none in 2025-04), most E (7 posts); 1 vanished (none in 2025-05), most D (1 posts in 2025-04)."
        )
    }

    /// Ranks: April a 1, b 2, c 3, d 4; May b 1, e 2, a 3, c 4. In the top 2: b rose 2 → 1, a
    /// fell 1 → 3, e is new at 2; d was never in the top 2, so it is not "vanished".
    func testRankingsCompareTheTopOnly() {
        let change = PeriodChange(previous: april, current: may, previousPeriod: "2025-04", period: "2025-05", top: 2)
        XCTAssertEqual(change.risers.map(\.unit), ["b"])
        XCTAssertEqual(change.fallers.map(\.unit), ["a"])
        XCTAssertEqual(change.appeared, [.init(unit: "e", before: nil, after: 7, rankBefore: nil, rankAfter: 2)])
        XCTAssertEqual(change.vanished, [])
        XCTAssertEqual(
            change.sentence(measure: "score, top 2", units: "accounts", label: label, value: { "score \(Int($0))" }),
            "Change since 2025-04 (score, top 2, 2025-05 against 2025-04): largest risers into or within the top 2: B (rank 2 → 1); "
                + "largest fallers from the top 2: A (rank 1 → 3); new in the top 2 (unranked in 2025-04): E (rank 2, score 7)."
        )
        let top4 = PeriodChange(previous: april, current: may, previousPeriod: "2025-04", period: "2025-05", top: 4)
        XCTAssertEqual(top4.vanished, [.init(unit: "d", before: 1, after: nil, rankBefore: 4, rankAfter: nil)])
        XCTAssertEqual(top4.fallers.map(\.unit), ["a", "c"], "a lost 2 places, c 1")
    }

    func testTiesShareARankAndLowerCanBeBetter() {
        let tied = PeriodChange(previous: ["x": 5, "y": 5, "z": 1], current: ["x": 1, "y": 5, "z": 5], previousPeriod: "p", period: "q", top: 3)
        XCTAssertEqual(tied.fallers, [.init(unit: "x", before: 5, after: 1, rankBefore: 1, rankAfter: 3)])
        XCTAssertEqual(tied.risers, [.init(unit: "z", before: 1, after: 5, rankBefore: 3, rankAfter: 1)], "y stays at rank 1, shared")
        let lag = PeriodChange(previous: ["p": 10, "q": 2], current: ["p": 4, "q": 3], previousPeriod: "p", period: "q", lowerIsBetter: true)
        XCTAssertEqual(lag.risers.map(\.unit), ["p"], "a shorter lag is a rise")
        XCTAssertEqual(lag.fallers.map(\.unit), ["q"])
        let none = PeriodChange(previous: ["a": 2, "b": 1], current: ["a": 3, "b": 1], previousPeriod: "p", period: "q", top: 2)
        XCTAssertTrue(none.isEmpty)
        XCTAssertEqual(none.sentence(measure: "m", units: "u", label: label, value: { "\($0)" }), "Change since p (m, q against p): the top 2 kept its order.")
    }

    func testSentenceNamesAFewAndCountsTheRest() {
        let change = PeriodChange(previous: ["a": 1, "b": 1, "c": 1], current: ["a": 4, "b": 3, "c": 2], previousPeriod: "p", period: "q")
        XCTAssertEqual(change.risers.map(\.unit), ["a", "b", "c"], "largest rise first")
        XCTAssertEqual(
            change.sentence(measure: "m", units: "accounts", named: 1, label: label, value: { formatNumber($0) }),
            "Change since p (m, q against p): 3 accounts in q, 3 in p; largest risers A (1 → 4) and 2 more."
        )
    }
}
