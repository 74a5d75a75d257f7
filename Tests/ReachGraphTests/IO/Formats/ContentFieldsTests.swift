@testable import ReachGraph
import XCTest

/// The byte reader of list literals (``ContentFields/joinListItems(_:into:)``) gives what the
/// string reader gives, joined by spaces, with the first item's length.
final class ContentFieldsTests: XCTestCase {
    private func joined(_ text: String) -> (ContentFields.ListSplit, String) {
        var bytes = Array(text.utf8), joined: [UInt8] = []
        let split = bytes.withUnsafeMutableBufferPointer { ContentFields.joinListItems(UnsafeBufferPointer($0), into: &joined) }
        return (split, String(decoding: joined, as: UTF8.self))
    }

    func testBytesAgreeWithStrings() {
        let cases: [(String, ContentFields.ListSplit, String)] = [
            ("", .empty, ""),
            ("  []  ", .empty, ""),
            ("[ , ,]", .empty, ""),
            ("plain", .items(firstLength: 5), "plain"),
            ("[a, b]", .items(firstLength: 1), "a b"),
            ("[ab ,\tcd\t, ,e]", .items(firstLength: 2), "ab cd e"),
            ("['a, b', \"c\"]", .items(firstLength: 4), "a, b c"),
            ("['it\\'s', '']", .items(firstLength: 4), "it's "),
            ("['', x]", .items(firstLength: 0), " x"),
            ("[2572896396]", .items(firstLength: 10), "2572896396"),
            ("['a", .malformed, ""),
            ("[a", .malformed, ""),
            ("[x, 'open]", .malformed, ""),
        ]
        for (text, split, items) in cases {
            let (actualSplit, actualItems) = joined(text)
            XCTAssertEqual(actualSplit, split, text)
            guard case .items = split else { continue }
            XCTAssertEqual(actualItems, items, text)
            XCTAssertEqual(ContentFields.listItems(text)?.joined(separator: " "), items, text)
        }
        XCTAssertNil(ContentFields.listItems("[x, 'open]"))
        XCTAssertEqual(joined("['é']").0, .notASCII)
        XCTAssertEqual(ContentFields.listItems("['é', \"ü\"]"), ["é", "ü"])
    }
}
