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

    func testAnEmptyTableSaysNone() {
        let table = ResultTable(name: "t", title: "Empty", columns: ["a"])
        XCTAssertEqual(table.textTable, "Empty\na\n-\n(none)\n")
    }
}
