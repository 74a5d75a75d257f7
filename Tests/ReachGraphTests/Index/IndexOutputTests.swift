import Foundation
import ReachGraph
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif

final class IndexOutputTests: XCTestCase {
    private func report(by grouping: IndexGrouping = .account) throws -> IndexReport {
        try IndexFixture.index(try IndexFixture.weights()).report(by: grouping)
    }

    func testTablesListCompositePlatformsAndWeights() throws {
        let tables = try report().tables()
        XCTAssertEqual(tables.map(\.name), ["index_composite", "index_facebook", "index_x", "index_youtube", "index_tiktok", "index_platforms"])
        let composite = tables[0]
        XCTAssertEqual(
            composite.columns,
            ["rank", "account", "name", "city", "score", "quantitative", "qualitative", "facebook", "x", "youtube", "tiktok", "change", "previous_rank", "score_change"]
                + ["posts", "interactions", "interactions_per_post", "views", "views_per_post", "followers", "follower_gain", "follower_growth"]
        )
        XCTAssertEqual(composite.title, "Communication power index, composite (2025-05, by account; change vs 2025-04)")
        XCTAssertEqual(composite.rows.map { $0[1] }, [.text("b"), .text("a"), .text("c")])
        XCTAssertEqual(composite.rows.map { $0[11] }, [.text("↑1"), .text("↓1"), .text("new")])
        XCTAssertEqual(composite.rows[2][12], .missing)
        XCTAssertEqual(tables[2].title, "Communication power index, x (2025-05, by account; change vs 2025-04; left out of the composite: 1 account in 2025-05, fewer than 2)")
        XCTAssertEqual(tables[1].title, "Communication power index, facebook (2025-05, by account; change vs 2025-04; weight 0.571 in the composite)")
        XCTAssertEqual(tables[5].rows.map { $0[5] }, [.text("yes"), .text("no"), .text("yes"), .text("no")])
    }

    func testTopAndPlatformSelectTables() throws {
        let report = try report(by: .city)
        let only = report.tables(top: 1, platform: "Facebook")
        XCTAssertEqual(only.map(\.name), ["index_facebook"])
        XCTAssertEqual(only[0].columns.prefix(4), ["rank", "city", "province", "accounts"])
        XCTAssertEqual(only[0].rows.count, 1)
        XCTAssertEqual(only[0].rows[0].prefix(4), [.text("1"), .text("Hangzhou"), .text("Zhejiang"), .integer(2)])
        XCTAssertEqual(report.tables(platform: "instagram").count, 0)
    }

    func testTidyTableHasARowPerPeriodLevelTableAndUnit() throws {
        let csv = try IndexFixture.index(try IndexFixture.weights()).tidyTable()
        let lines = csv.split(separator: "\n").map(String.init)
        XCTAssertEqual(
            lines[0],
            "period,level,table,in_composite,unit,label,city,province,rank,tied,score,quantitative,qualitative,G,I,U,previous_period,previous_rank,rank_change,score_change,new"
        )
        // Accounts: 2025-04 composite 2 + facebook 2; 2025-05 composite 3 + facebook 3 + x 1 +
        // youtube 2 + tiktok 1. Cities: 2025-04 1 + 1; 2025-05 2 + 2 + 1 + 1 + 1.
        XCTAssertEqual(lines.count, 1 + 4 + 10 + 2 + 7)
        XCTAssertTrue(lines.contains("2025-05,account,facebook,true,b,Hangzhou Culture,Hangzhou,Zhejiang,1,false,72,75,60,100,37.5,100,2025-04,2,1,44,false"), csv)
        XCTAssertTrue(lines.contains("2025-05,account,composite,true,c,宁波 Ningbo,Ningbo,Zhejiang,3,false,26.2857142857,22.8571428571,40,,,,2025-04,,,,true"), csv)
        XCTAssertTrue(lines.contains("2025-04,city,composite,true,Hangzhou,Hangzhou,Hangzhou,Zhejiang,1,false,14,0,70,,,,,,,,false"), csv)
    }

    func testBarChartIsWellFormedSVGWithOneBarPerUnit() throws {
        let chart = try report().barChart(top: 2, caption: "Synthetic sample <test> & \"quotes\"")
        let svg = chart.svg()
        XCTAssertEqual(chart.bars.map(\.label), ["Hangzhou Culture", "杭州发布 Hangzhou"])
        XCTAssertEqual(chart.title, "传播力指数 Communication power index · 2025-05 · composite 综合 · TOP 2 accounts 账号")
        let structure = try SVGStructure(svg)
        XCTAssertEqual(structure.elements["g"], 2)
        XCTAssertEqual(structure.barRectangles, 2)
        XCTAssertEqual(structure.fontFamily, "WenQuanYi Zen Hei,Noto Sans CJK SC,Source Han Sans SC,Microsoft YaHei,PingFang SC,sans-serif")
        XCTAssertTrue(structure.texts.contains("杭州发布 Hangzhou"))
        XCTAssertTrue(structure.texts.contains("Synthetic sample <test> & \"quotes\""))
        XCTAssertTrue(structure.texts.contains("79.71"))
        XCTAssertTrue(svg.contains("Synthetic sample &lt;test&gt; &amp; &quot;quotes&quot;"))
        XCTAssertEqual(svg, chart.svg(), "deterministic")
    }

    func testBarChartEscapesAnyLabelAndDrawsNegativeScores() throws {
        let chart = IndexBarChart(
            title: "z-score <scores>",
            bars: [
                IndexBarChart.Bar(rank: "1", label: "A & B's <Co>", value: 1.25),
                IndexBarChart.Bar(rank: "2=", label: "control\u{1}char", value: -0.5),
                IndexBarChart.Bar(rank: "2=", label: "深圳", value: -0.5),
            ]
        )
        let structure = try SVGStructure(chart.svg())
        XCTAssertEqual(structure.barRectangles, 3)
        XCTAssertEqual(structure.elements["line"], 1, "a zero line when scores go below 0")
        XCTAssertTrue(structure.texts.contains("A & B's <Co>"))
        XCTAssertTrue(structure.texts.contains("control\u{FFFD}char"))
        XCTAssertTrue(structure.texts.contains("2="))
        let empty = try SVGStructure(IndexBarChart(title: "empty", bars: []).svg())
        XCTAssertEqual(empty.barRectangles, 0)
        XCTAssertTrue(empty.texts.contains("(no data)"))
    }
}

/// What an SVG document contains, read with Foundation's XML parser (which fails on anything
/// that is not well-formed XML).
private final class SVGStructure: NSObject, XMLParserDelegate {
    private(set) var elements: [String: Int] = [:]
    private(set) var barRectangles = 0
    private(set) var texts: [String] = []
    private(set) var fontFamily: String?
    private var text: String?

    init(_ svg: String) throws {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        guard parser.parse() else {
            throw parser.parserError ?? NSError(domain: "SVGStructure", code: 1)
        }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements[name, default: 0] += 1
        if name == "svg" { fontFamily = attributes["font-family"] }
        if name == "rect", attributes["fill"] == "#3b6ea5" { barRectangles += 1 }
        if name == "text" { text = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text? += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text", let text {
            texts.append(text)
            self.text = nil
        }
    }
}
