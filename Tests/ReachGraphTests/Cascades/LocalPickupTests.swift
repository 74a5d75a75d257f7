import Foundation
import ReachGraph
import XCTest

/// The chain "local creation → influencer pickup → community spread" on a hand-made case.
final class LocalPickupTests: XCTestCase {
    func testPickupShareDelayCommunitySpreadAndPairs() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("accounts.csv", """
            id,name,kind,city,tier
            city1,City One,city_account,Alpha,municipal
            cty,County centre,media_centre,Beta,county
            prov,Provincial centre,media_centre,,provincial
            inf1,Influencer one,influencer,,overseas
            inf2,Influencer two,influencer,,overseas
            com1,Community one,community,,
            com2,Community two,community,,
            """)
        // o1 (local): inf1 at +600 s, then com1 and com2 below inf1; inf2 at +1,200 s.
        // o2 (local): reposted by a community account only. o3 (provincial): not local.
        // x1 reposts a post outside the data: it belongs to no original.
        _ = try folder.write("posts.csv", """
            post_id,author,time,parent_post
            o1,city1,0,
            r1,inf1,600,o1
            r2,com1,700,r1
            r3,com2,800,r2
            r4,inf2,1200,o1
            o2,cty,10000,
            r5,com1,10100,o2
            o3,prov,20000,
            r6,inf1,20100,o3
            x1,com2,30000,missing
            """)
        let pickup = LocalPickup(dataset: try DatasetLoader.load(folder.path))
        XCTAssertEqual(pickup.localOriginals, 2)
        XCTAssertEqual(pickup.pickedUp, 1)
        XCTAssertEqual(pickup.delays, [600])
        XCTAssertEqual(pickup.medianDelay, 600)
        XCTAssertEqual(pickup.communityReposts, 2, "r2 and r3, both below inf1's repost")
        XCTAssertEqual(pickup.pairs.map(\.city), ["Alpha", "Alpha"])
        XCTAssertEqual(pickup.pairs.map(\.pickups), [1, 1])
        XCTAssertEqual(pickup.pairs.map(\.delays), [[600], [1200]])
        XCTAssertEqual(pickup.pairs.map(\.communityReposts), [2, 0])
        let dataset = try DatasetLoader.load(folder.path)
        let table = LocalPickup(dataset: dataset).table(dataset: dataset)
        XCTAssertEqual(table.rows.map { $0[1].formatted }, ["inf1", "inf2"])
        XCTAssertEqual(table.rows[0][4], .number(0.17), "600 s in hours, two decimals")
    }

    func testNoLocalAccountMeansNoLocalOriginal() throws {
        // An influencer reposting a provincial centre's post, a chain and a loop: no account is a
        // city account or a municipal or county centre, so nothing is local.
        let folder = try TemporaryFolder()
        _ = try folder.write("accounts.csv", """
            id,kind,tier
            prov,media_centre,provincial
            inf1,influencer,overseas
            com1,community,
            """)
        _ = try folder.write("posts.csv", """
            post_id,author,time,parent_post
            o1,prov,0,
            r1,inf1,600,o1
            r2,com1,700,r1
            """)
        let pickup = LocalPickup(dataset: try DatasetLoader.load(folder.path))
        XCTAssertEqual([pickup.localOriginals, pickup.pickedUp, pickup.communityReposts], [0, 0, 0])
        XCTAssertEqual(pickup.delays, [])
        XCTAssertNil(pickup.medianDelay)
        XCTAssertEqual(pickup.pairs, [])
    }
}
