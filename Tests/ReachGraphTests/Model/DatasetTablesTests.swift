import ReachGraph
import XCTest

final class DatasetTablesTests: XCTestCase {
    private let accounts = [Account(id: "a", kind: .mediaCentre), Account(id: "b", kind: .influencer)]

    private func relations(_ pairs: [(Int32, Int32)]) -> RelationTable {
        var table = RelationTable()
        for (source, target) in pairs { table.append(Relation(source: source, target: target, type: .repost)) }
        return table
    }

    func testTablesThatAgreeGiveADatasetThatFindsItsAccounts() throws {
        let post = Post(postID: "p1", author: "b", time: 0)
        let dataset = try Dataset(name: "built", accounts: accounts, relations: relations([(0, 1)]), posts: [post])
        XCTAssertEqual(dataset.index(ofAccount: "b"), 1)
        XCTAssertEqual(dataset.relations[0].target, 1)
        XCTAssertEqual(Array(dataset.posts), [post])
        XCTAssertFalse(dataset.relationsDerivedFromPosts)
        XCTAssertEqual(dataset.graph().edgeCount, 1)
    }

    func testContradictionsNameTheTableAndRow() {
        XCTAssertThrowsError(try Dataset(name: "x", accounts: accounts + [Account(id: "a", kind: .other)], relations: RelationTable())) {
            XCTAssertEqual($0 as? InputError, InputError(file: "accounts", line: 3, message: "account id \"a\" is defined twice"))
        }
        XCTAssertThrowsError(try Dataset(name: "x", accounts: accounts, relations: relations([(0, 1), (1, 2)]))) {
            XCTAssertEqual(($0 as? InputError)?.file, "relations")
            XCTAssertEqual(($0 as? InputError)?.line, 2)
        }
        XCTAssertThrowsError(try Dataset(name: "x", accounts: accounts, relations: relations([(-1, 0)]))) {
            XCTAssertEqual(($0 as? InputError)?.line, 1)
        }
        XCTAssertThrowsError(try Dataset(name: "x", accounts: accounts, relations: RelationTable(), posts: [Post(postID: "p", author: "c", time: 0)])) {
            XCTAssertEqual(($0 as? InputError)?.file, "posts")
        }
        let row = MetricsRow(account: "z", platform: "x", period: "2025-03")
        XCTAssertThrowsError(try Dataset(name: "x", accounts: accounts, relations: RelationTable(), metrics: [row])) {
            XCTAssertEqual(($0 as? InputError)?.file, "metrics")
        }
    }

    func testUnixSecondsOfACivilDate() {
        XCTAssertEqual(unixSeconds(year: 1970, month: 1, day: 1), 0)
        XCTAssertEqual(unixSeconds(year: 2025, month: 3, day: 1), 1_740_787_200) // date -u -d 2025-03-01 +%s
        XCTAssertEqual(unixSeconds(year: 2024, month: 3, day: 0), unixSeconds(year: 2024, month: 2, day: 29))
        XCTAssertEqual(unixSeconds(year: 1969, month: 12, day: 31), -86_400)
    }
}
