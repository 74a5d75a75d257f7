@testable import ReachGraph
import XCTest

/// `formatNumber` and the byte writer the cascade CSV uses give the same, hand-checked text.
final class NumberFormattingTests: XCTestCase {
    func testNumbersAsTextAndAsBytes() {
        let cases: [(Double, Int, String)] = [
            (0, 17, "0"), (-0.0, 17, "0"), (-42, 17, "-42"), (1_999_999_999_999, 17, "1999999999999"),
            (1.8, 17, "1.8"), (1.999812047739874, 17, "1.999812047739874"), (0.0862068965517, 3, "0.0862"),
            (1e15, 6, "1e+15"), (0.5, 17, "0.5"), (.infinity, 6, "inf"), (-.infinity, 6, "-inf"), (.nan, 6, ""),
        ]
        for (value, digits, text) in cases {
            XCTAssertEqual(formatNumber(value, digits: digits), text)
            var bytes = CSVBytes(header: ["a"])
            bytes.startField()
            bytes.appendNumber(value, digits: digits)
            bytes.endRow()
            XCTAssertEqual(bytes.text, "a\n\(text)\n")
        }
        var row = CSVBytes(header: ["id", "n", "note"])
        row.text("a,\"b\"")
        row.integer(Int.min)
        row.missing()
        row.endRow()
        XCTAssertEqual(row.text, "id,n,note\n\"a,\"\"b\"\"\",\(Int.min),\n")
    }
}
