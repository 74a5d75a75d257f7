import Foundation
import ReachGraph
import XCTest

final class AccountTests: XCTestCase {
    func testFieldsSetOneByOneReadBackAndCompareAsWhenGivenAtOnce() {
        var built = Account(id: "hub", kind: .mediaCentre)
        built.province = "Hunan"
        built.tier = .provincial
        built.followers = 1000
        built.attributes["desk"] = "intl"
        let whole = Account(id: "hub", kind: .mediaCentre, province: "Hunan", tier: .provincial, followers: 1000, attributes: ["desk": "intl"])
        XCTAssertEqual(built, whole)
        XCTAssertEqual(built.province, "Hunan")
        XCTAssertEqual(built.followers, 1000)
        XCTAssertNil(built.name)
        var copy = built
        copy.province = "Hubei"
        XCTAssertEqual(built.province, "Hunan", "a copy's change must not reach the original")
        XCTAssertNotEqual(copy, built)
        // Clearing every optional field compares equal to an account that never had one.
        copy.province = nil
        copy.tier = nil
        copy.followers = nil
        copy.attributes = [:]
        XCTAssertEqual(copy, Account(id: "hub", kind: .mediaCentre))
    }

    func testCodableKeepsTheKeysOfTheInlineLayout() throws {
        let account = Account(id: "a", name: "A", kind: .other, platform: "x", city: "Changsha", followers: 5, parent: "p", attributes: ["k": "v"])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(account), as: UTF8.self)
        XCTAssertEqual(text, #"{"attributes":{"k":"v"},"city":"Changsha","followers":5,"id":"a","kind":"other","name":"A","parent":"p","platform":"x"}"#)
        XCTAssertEqual(try JSONDecoder().decode(Account.self, from: Data(text.utf8)), account)
    }

    func testAnAccountWithOnlyAnIdIsSmall() {
        // A million accounts implied by an edge list: 32 MB rather than 152 MB with the fields inline.
        XCTAssertLessThanOrEqual(MemoryLayout<Account>.stride, 32)
    }
}
