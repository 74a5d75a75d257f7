@testable import ReachGraph
import XCTest

/// The aligned text table: hand-written expected text, with numbers right-aligned, text
/// left-aligned, wide (CJK) characters counted as two columns and no line ending in spaces.
final class TextTableTests: XCTestCase {
    func testColumnsAlignAndLinesEndWithoutSpaces() {
        let table = ResultTable(name: "t", title: "Accounts", columns: ["account", "posts", "note"], rows: [
            [.text("a"), .integer(12), .text("x")],
            [.text("成都"), .number(0.5), .text("kept  ")],
            [.text("long-name"), .missing, .missing],
        ])
        XCTAssertEqual(table.textTable, """
            Accounts
            account    posts  note
            ---------  -----  ------
            a             12  x
            成都         0.5  kept
            long-name

            """)
    }

    func testNumbersAndTrailingWhitespaceOfEveryKind() {
        // ASCII lines are trimmed byte by byte (tab, CR LF); the line with CJK text by Character
        // (U+3000 is whitespace, two columns wide). A short row ends where its cells end.
        let table = ResultTable(name: "t", title: "T", columns: ["n", "text"], rows: [
            [.number(1.0 / 3), .text("tab\t")],
            [.integer(-5), .text("crlf\r\n")],
            [.number(2), .text("名\u{3000}")],
            [.number(1e20)],
            [.number(.infinity), .missing],
        ])
        XCTAssertEqual(table.textTable, "T\n       n  text\n--------  ------\n0.333333  tab\n      -5  crlf\n       2  名\n   1e+20\n     inf\n")
    }

    func testAnEmptyTableSaysNone() {
        let table = ResultTable(name: "t", title: "Empty", columns: ["a"])
        XCTAssertEqual(table.textTable, "Empty\na\n-\n(none)\n")
    }
}
