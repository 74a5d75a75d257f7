import Foundation
import ReachGraph
import ReachGraphStore
import XCTest

/// The "change since last month" of a briefing on a store, on a hand-made store. Followers: a 100,
/// b 50, c 10, d 5. April: a's post reposted by b and c, d's post alone. May: b's post reposted by
/// a and c, and another post of b alone.
final class MonthlyChangeTests: XCTestCase {
    private func store(in scratch: ScratchFolder) throws -> DatasetStore {
        try scratch.store(ingesting: [
            "accounts.csv": "id,name,kind,followers\na,Alpha,media_centre,100\nb,Beta,influencer,50\nc,Gamma,community,10\nd,Delta,community,5\n",
            "posts.csv": """
                post_id,author,time,parent_post
                p1,a,2025-04-01T00:00:00Z,
                p2,b,2025-04-01T00:01:00Z,p1
                p3,c,2025-04-01T00:02:00Z,p1
                p4,d,2025-04-02T00:00:00Z,
                p5,b,2025-05-01T00:00:00Z,
                p6,a,2025-05-01T00:01:00Z,p5
                p7,c,2025-05-01T00:02:00Z,p5
                p8,b,2025-05-02T00:00:00Z,

                """,
        ])
    }

    func testLatestMonthAgainstTheMonthBefore() throws {
        let scratch = try ScratchFolder()
        let change = try XCTUnwrap(try MonthlyChange(store: try store(in: scratch)))
        XCTAssertEqual([change.previousMonth, change.month], ["2025-04", "2025-05"])
        // Posts per author: April a 1, b 1, c 1, d 1; May a 1, b 2, c 1.
        XCTAssertEqual(change.paragraphs["Dataset"], [
            "Change since 2025-04 (posts per account, 2025-05 against 2025-04): 3 accounts posted in 2025-05, 4 in 2025-04; "
                + "largest risers Beta (1 post → 2 posts); 1 vanished (none in 2025-05), most Delta (1 post in 2025-04).",
        ])
        // Potential reach of cascades started: April a 100 + 50 + 10, d 5 alone; May b 160 + 50.
        XCTAssertEqual(change.paragraphs["Cascades"], [
            "Change since 2025-04 (potential reach of the cascades each account started, 2025-05 against 2025-04): "
                + "1 accounts started a cascade in 2025-05, 2 in 2025-04; 1 new (none in 2025-04), most Beta (210 followers); "
                + "2 vanished (none in 2025-05), most Alpha (160 followers in 2025-04), Delta (5 followers in 2025-04).",
        ])
        // PageRank: April a → b, a → c (b and c tie at rank 1, a 3); May b → a, b → c (a and c
        // tie at 1, b 3). d has no tie in either month and is not ranked.
        let network = try XCTUnwrap(change.paragraphs["The network"]?.first)
        XCTAssertTrue(network.contains("largest risers into or within the top 15: Alpha (rank 3 → 1); largest fallers from the top 15: Beta (rank 1 → 3)."), network)
        XCTAssertFalse(network.contains("Delta"))
        XCTAssertNotNil(change.paragraphs["Key opinion leaders"])
        XCTAssertNil(change.paragraphs["Coordination"], "no pair co-reposted twice in either month")
        XCTAssertNil(change.paragraphs["1+N structure"], "no declared structure")
    }

    func testAMonthWithoutAMonthBeforeHasNoChange() throws {
        let scratch = try ScratchFolder()
        let store = try store(in: scratch)
        XCTAssertNil(try MonthlyChange(store: store, month: "2025-04"))
        XCTAssertNil(try MonthlyChange(store: store, month: "2025-06"), "not a month of the store")
        XCTAssertNil(try MonthlyChange(store: store, month: "2025"), "not a month")
        XCTAssertEqual(try MonthlyChange(store: store, month: "2025-05")?.previousMonth, "2025-04")
    }
}
