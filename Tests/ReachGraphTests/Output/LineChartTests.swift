import ReachGraph
import XCTest

final class LineChartTests: XCTestCase {
    func testLinesBreakAtMissingValuesAndTextIsEscaped() {
        let chart = LineChart(
            title: "PageRank <by month>", axisLabel: "score", caption: "Synthetic & made up",
            periods: ["2025-03", "2025-04", "2025-05"],
            series: [
                LineChart.Series(label: "湖南 Hunan", values: [1, 2, 4]),
                LineChart.Series(label: "gap", values: [3, nil, 1]),
            ]
        )
        let svg = chart.svg()
        XCTAssertEqual(svg, chart.svg(), "deterministic")
        XCTAssertTrue(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "))
        XCTAssertTrue(svg.contains("PageRank &lt;by month&gt;"))
        XCTAssertTrue(svg.contains("Synthetic &amp; made up"))
        XCTAssertTrue(svg.contains(">湖南 Hunan</text>"))
        // One polyline for the whole first series; the second has no two neighbouring points.
        XCTAssertEqual(svg.components(separatedBy: "<polyline").count - 1, 1)
        XCTAssertEqual(svg.components(separatedBy: "<circle").count - 1, 5)
        // Ticks 0, 1, 2, 3, 4 on a plot from 0 to 4: the value 4 sits on the top grid line (y = 60).
        XCTAssertTrue(svg.contains(">4</text>"))
        XCTAssertTrue(svg.contains("<polyline points=\"36.1,300.0 316.1,220.0 596.1,60.0\""), svg)
    }

    func testRankAxisPutsOneOnTopWithWholeTicks() {
        let chart = LineChart(
            title: "ranks", axisLabel: "rank", periods: ["2025-03", "2025-04", "2025-05"],
            series: [LineChart.Series(label: "riser", values: [12, 5, 1])], ranksAxis: true
        )
        let svg = chart.svg()
        // Ranks 1 to 12 with a step of 5: ticks 1, 5, 10, 15; rank 1 at the top (y = 60), 15 at 380.
        for tick in ["1", "5", "10", "15"] { XCTAssertTrue(svg.contains(">\(tick)</text>"), tick) }
        XCTAssertFalse(svg.contains(">0</text>"))
        XCTAssertTrue(svg.contains("<polyline points=\"44.1,311.4 324.1,151.4 604.1,60.0\""), svg)
    }

    func testCrowdedPeriodLabelsAreThinnedFromTheLast() {
        let periods = (1 ... 24).map { String(format: "2024-%02d", $0) }
        let svg = LineChart(title: "t", axisLabel: "a", periods: periods, series: [LineChart.Series(label: "s", values: periods.map { _ in 1 })]).svg()
        let shown = periods.filter { svg.contains(">\($0)</text>") }
        XCTAssertEqual(shown.last, "2024-24")
        XCTAssertLessThan(shown.count, periods.count)
        XCTAssertGreaterThan(shown.count, 3)
    }

    func testNoSeriesSaysSo() {
        XCTAssertTrue(LineChart(title: "t", axisLabel: "a", periods: ["2025-05"], series: []).svg().contains("(no data)"))
    }
}
