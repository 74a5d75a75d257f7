import ReachGraph
import XCTest

final class DiagnosticsTests: XCTestCase {
    func testLinesAreSortedByCountThenNameAndMergeAddsUp() {
        var first = Diagnostics()
        first.count("self reposts", 2)
        first.warn("unknown parents", file: "posts.csv", line: 4, "p9")
        var second = Diagnostics()
        second.count("unknown parents", 2)
        second.count("duplicate reposts", 2)
        XCTAssertEqual(first.lines, ["2 × self reposts", "1 × unknown parents"])
        let merged = first.merging(second)
        XCTAssertEqual(merged.lines, ["3 × unknown parents", "2 × duplicate reposts", "2 × self reposts"])
        XCTAssertEqual(merged.examples.map(\.line), [4])
        XCTAssertEqual(Diagnostics().lines, [])
    }
}
