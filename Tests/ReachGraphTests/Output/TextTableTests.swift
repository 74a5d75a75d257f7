@testable import ReachGraph
import ReachGraphCore
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

    func testALongTableIsTheSameOnAnyThreadCount() {
        // Over 16,384 rows, so chunks of rows are formatted on several threads; the widest cell
        // (row 40,000) is in a later chunk and widens the first chunk's lines too.
        let rows = (0 ..< 50_000).map { row -> [Cell] in
            let id = row == 40_000 ? "wide-account-id" : "u\(row)"
            let note: Cell = row % 7 == 0 ? .text("名") : .missing
            return [.integer(row + 1), .text(id), .number(1 / Double(row + 1)), note]
        }
        let table = ResultTable(name: "t", title: "Long", columns: ["rank", "id", "score", "note"], rows: rows)
        let saved = Parallelism.threadCount
        defer { Parallelism.threadCount = saved }
        Parallelism.threadCount = 1
        let serial = table.textTable
        Parallelism.threadCount = 4
        XCTAssertEqual(table.textTable, serial)
        let lines = serial.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 50_004)
        XCTAssertEqual(lines[1], " rank  id                     score  note")
        XCTAssertEqual(lines[3], "    1  u0                         1  名")
        XCTAssertEqual(lines[4], "    2  u1                       0.5")
        XCTAssertEqual(lines[40_003], "40001  wide-account-id  2.49994e-05")
        XCTAssertEqual(lines[50_003], "")
    }

    func testAnEmptyTableSaysNone() {
        let table = ResultTable(name: "t", title: "Empty", columns: ["a"])
        XCTAssertEqual(table.textTable, "Empty\na\n-\n(none)\n")
    }
}
