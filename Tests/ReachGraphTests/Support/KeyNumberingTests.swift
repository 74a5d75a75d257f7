@testable import ReachGraph
import XCTest

/// Keys are numbered 0, 1, 2, … in order of first sight, through every growth of the table.
final class KeyNumberingTests: XCTestCase {
    func testNumbersFollowFirstSightThroughGrowth() {
        var numbering = KeyNumbering(capacity: 2)
        // Keys that differ only in their high or low halves, as (source, target) pairs do.
        let keys: [UInt64] = (0 ..< 5_000).map { UInt64($0 % 97) << 32 | UInt64($0 / 97) }
        for (expected, key) in keys.enumerated() {
            let (number, isNew) = numbering.number(of: key)
            XCTAssertEqual(number, expected)
            XCTAssertTrue(isNew)
        }
        XCTAssertEqual(numbering.count, 5_000)
        for (expected, key) in keys.enumerated().reversed() {
            let (number, isNew) = numbering.number(of: key)
            XCTAssertEqual(number, expected)
            XCTAssertFalse(isNew)
        }
        XCTAssertEqual(numbering.number(of: 0).number, 0)
        XCTAssertEqual(numbering.number(of: UInt64.max - 1).number, 5_000)
        XCTAssertEqual(numbering.count, 5_001)
    }
}
