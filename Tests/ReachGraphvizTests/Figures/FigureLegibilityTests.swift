import Foundation
import ReachGraph
import ReachGraphCore
@testable import ReachGraphviz
import XCTest

/// Every recipe on generated wide cases (a hub with 60 spokes, a 2,000-account one-level
/// cascade): the rendered figure is at most three times as wide as tall (or tall as wide), and
/// its smallest text is still legible when the figure is shown 1,000 px wide (a briefing page).
final class FigureLegibilityTests: XCTestCase {
    /// What a rendered SVG looks like at page width.
    struct PageView {
        /// Larger side over smaller side.
        var aspect: Double
        /// The smallest text, in CSS pixels, when the figure is shown at most 1,000 px wide.
        var smallestText: Double
    }

    /// Reads the size and the font sizes written into `svg`: points as Graphviz writes them, or
    /// CSS pixels (`pixels: true`) as the charts ReachGraph writes itself do.
    static func pageView(_ svg: String, pixels isPixels: Bool = false) throws -> PageView {
        let root = try XCTUnwrap(svg.range(of: "<svg ").map { svg[$0.lowerBound...].prefix { $0 != ">" } })
        func number(after key: String) -> Double? {
            guard let range = root.range(of: key) else { return nil }
            return Double(root[range.upperBound...].prefix { $0.isNumber || $0 == "." })
        }
        let width = try XCTUnwrap(number(after: " width=\""))
        let height = try XCTUnwrap(number(after: " height=\""))
        var sizes: [Double] = []
        var rest = Substring(svg)
        while let range = rest.range(of: "font-size=\"") {
            rest = rest[range.upperBound...]
            if let size = Double(rest.prefix { $0.isNumber || $0 == "." }) { sizes.append(size) }
        }
        let unit = isPixels ? 1 : 4.0 / 3
        let scale = min(1, 1000 / (width * unit))
        return PageView(aspect: max(width / height, height / width), smallestText: (sizes.min() ?? 0) * unit * scale)
    }

    /// A hub with `spokes` municipal spokes, one county unit under every third; each spoke
    /// reposts two of the hub's three posts.
    static func wideProvince(spokes: Int) throws -> Dataset {
        var accounts = "id,name,kind,province,tier,parent\nhub,Provincial centre,media_centre,Wide,provincial,\n"
        var posts = "post_id,author,time,parent_post\n"
        for post in 0 ..< 3 { posts += "h\(post),hub,\(1_000 + post * 10_000),\n" }
        for spoke in 0 ..< spokes {
            accounts += "s\(spoke),City centre \(spoke),media_centre,Wide,municipal,hub\n"
            if spoke % 3 == 0 { accounts += "u\(spoke),County unit \(spoke),media_centre,Wide,county,s\(spoke)\n" }
            for post in 0 ..< 2 { posts += "r\(spoke)_\(post),s\(spoke),\(1_000 + post * 10_000 + 60 * (spoke + 1)),h\(post)\n" }
            if spoke % 3 == 0 { posts += "q\(spoke),u\(spoke),\(2_000 + 60 * spoke),r\(spoke)_0\n" }
        }
        return try SampleDatasets.load(accounts: accounts, relations: nil, posts: posts)
    }

    /// One root post reposted by `reposters` accounts directly.
    static func broadcast(reposters: Int) throws -> Dataset {
        var accounts = "id,name,kind\nroot,Root account,city_account\n"
        var posts = "post_id,author,time,parent_post\np0,root,1000,\n"
        for index in 0 ..< reposters {
            accounts += "u\(index),User \(index),\(index % 2 == 0 ? "influencer" : "community")\n"
            posts += "r\(index),u\(index),\(1_000 + 7 * (index + 1)),p0\n"
        }
        return try SampleDatasets.load(accounts: accounts, relations: nil, posts: posts)
    }

    private func assertLegible(_ figure: Figure, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let svg = String(decoding: try figure.render(as: .svg).data, as: UTF8.self)
        let view = try Self.pageView(svg)
        print("legibility \(name): aspect \(String(format: "%.2f", view.aspect)), smallest text at 1,000 px \(String(format: "%.1f", view.smallestText)) px")
        XCTAssertLessThanOrEqual(view.aspect, 3, "\(name) is a ribbon", file: file, line: line)
        XCTAssertGreaterThanOrEqual(view.smallestText, Self.minimumText, "\(name)'s text is too small at page width", file: file, line: line)
    }

    static let minimumText = 6.0

    func testPageViewReadsSizeAndFonts() throws {
        let view = try Self.pageView("<svg width=\"1500pt\" height=\"600pt\"><text font-size=\"9.00\">a</text><text font-size=\"12.00\">b</text></svg>")
        XCTAssertEqual(view.aspect, 2.5)
        XCTAssertEqual(view.smallestText, 9 * 1000 / 1500, accuracy: 1e-9, "9 pt = 12 px, shown at 1,000 of 2,000 px")
        let pixels = try Self.pageView("<svg width=\"2000\" height=\"1000\"><text font-size=\"12\">a</text></svg>", pixels: true)
        XCTAssertEqual(pixels.smallestText, 6, accuracy: 1e-9, "12 px shown at 1,000 of 2,000 px")
    }

    func testHubWithSixtySpokes() throws {
        let dataset = try Self.wideProvince(spokes: 60)
        let scorecard = try XCTUnwrap(StructureAnalysis(dataset: dataset, options: .init(shuffles: 0)).scorecards.first)
        XCTAssertEqual(scorecard.structure.spokes.count, 60)
        let parts = try StructureFigure.figures(of: scorecard, dataset: dataset)
        XCTAssertEqual(parts.count, 2, "81 cards at most 48 a figure")
        XCTAssertEqual(parts.map { $0.caption[0] }, ["1+N structure: Wide, spokes 1–30 of 60", "1+N structure: Wide, spokes 31–60 of 60"])
        for (index, part) in parts.enumerated() { try assertLegible(part, "1+N with 60 spokes, part \(index + 1)") }
        try assertLegible(try EgoNetwork.figure(of: dataset, around: "hub"), "ego of a hub with 60 spokes")
        try assertLegible(try SpokeDotPlot.figure(of: StructureAnalysis(dataset: dataset, options: .init(shuffles: 0)), dataset: dataset), "spoke dot plot, 60 spokes")
        try assertLegible(try NetworkOverview.figure(of: dataset), "overview of a hub with 60 spokes")
    }

    func testOneLevelCascadeOfTwoThousand() throws {
        let dataset = try Self.broadcast(reposters: 2_000)
        var reconstruction = CascadeReconstruction(dataset: dataset)
        let cascade = try XCTUnwrap(reconstruction.rootAttributedCascade(ofRoot: "p0"))
        XCTAssertEqual(cascade.tree.size, 2_001)
        for maxNodes in [80, 100] {
            let figure = try CascadeTreeFigure.figure(of: cascade, dataset: dataset, options: .init(maxNodes: maxNodes))
            XCTAssertEqual(figure.engine, .twopi)
            try assertLegible(figure, "2,000-reposter cascade, \(maxNodes) drawn")
        }
        let analysis = CascadeAnalysis(dataset: dataset, minimumSize: 2)
        try assertLegible(try StagePathFigure.figure(of: analysis, dataset: dataset), "stage paths of a broadcast")
    }

    /// The index's month-over-month rank chart with two years of months and ten long names.
    func testIndexTrendOfTwoYearsAndTenLongNames() throws {
        let periods = (0 ..< 24).map { String(format: "%04d-%02d", 2024 + $0 / 12, $0 % 12 + 1) }
        var metrics: [MetricsRow] = []
        var accounts: [Account] = []
        for city in 0 ..< 40 {
            let name = "City of a rather long name number \(city)"
            accounts.append(Account(id: "a\(city)", kind: .cityAccount, province: "Province \(city % 4)", city: name))
            for (month, period) in periods.enumerated() {
                metrics.append(MetricsRow(account: "a\(city)", platform: "facebook", period: period, posts: 1 + (city * 7 + month * 13) % 40, likes: 10 * city + month))
            }
        }
        let index = CommunicationPowerIndex(metrics: metrics, accounts: accounts)
        let trend = IndexTrend(reports: try index.reports(by: .city), top: 10)
        XCTAssertEqual(trend.lines.count, 10)
        let svg = trend.rankChart(caption: CaptionOptions.syntheticNotice).svg()
        let view = try Self.pageView(svg, pixels: true)
        print("legibility index trend: aspect \(String(format: "%.2f", view.aspect)), smallest text at 1,000 px \(String(format: "%.1f", view.smallestText)) px")
        XCTAssertLessThanOrEqual(view.aspect, 3, "the trend chart is a ribbon")
        XCTAssertGreaterThanOrEqual(view.smallestText, Self.minimumText, "the trend chart's text is too small at page width")
    }

    func testCoordinationOfManySmallGroupsAndOneBigOne() throws {
        var log = ShareLog()
        var message = 0
        // 40 pairs co-sharing twice each, and one object shared by 120 accounts within a minute.
        for pair in 0 ..< 40 {
            for object in 0 ..< 2 {
                for member in 0 ..< 2 {
                    log.append(account: "p\(pair)_\(member)", object: "o\(pair)_\(object)", message: "m\(message)", time: Double(1_000 * object + member))
                    message += 1
                }
            }
        }
        for account in 0 ..< 120 {
            for object in 0 ..< 2 {
                log.append(account: "big\(account)", object: "viral\(object)", message: "m\(message)", time: Double(100_000 * object + account % 50))
                message += 1
            }
        }
        let network = CoActionNetwork(log: log, options: CoActionOptions(window: 60, minWeight: 2))
        let groups = CoordinationGroups(network: network, method: .components)
        let dataset = try SampleDatasets.load(accounts: "id,kind\nbig0,influencer", relations: "source,target,relation\nbig0,big1,repost")
        try assertLegible(
            try CoordinationFigure.figure(of: network, groups: groups, dataset: dataset, options: .init(maxGroups: 6, maxNodes: 150, maxEdges: 450)),
            "coordination, 41 groups"
        )
    }

    func testSpokeDotPlotOfFourProvinces() throws {
        // Four provinces of 8 to 14 spokes; every fourth spoke never relays its hub.
        var accounts = "id,name,kind,province,tier,parent\n"
        var posts = "post_id,author,time,parent_post\n"
        for (p, province) in ["Hunan", "Zhejiang", "Fujian", "Hainan"].enumerated() {
            accounts += "hub\(p),\(province) centre,media_centre,\(province),provincial,\n"
            for post in 0 ..< 4 { posts += "h\(p)_\(post),hub\(p),\(1_000 + post * 50_000),\n" }
            for spoke in 0 ..< 8 + 2 * p {
                accounts += "s\(p)_\(spoke),\(province) city \(spoke),media_centre,\(province),municipal,hub\(p)\n"
                guard spoke % 4 != 3 else { continue }
                for post in 0 ..< 1 + spoke % 4 { posts += "r\(p)_\(spoke)_\(post),s\(p)_\(spoke),\(1_000 + post * 50_000 + 90 * (spoke + 1) * (p + 1)),h\(p)_\(post)\n" }
            }
        }
        let dataset = try SampleDatasets.load(accounts: accounts, relations: nil, posts: posts)
        let analysis = StructureAnalysis(dataset: dataset, options: .init(shuffles: 0))
        XCTAssertEqual(analysis.scorecards.count, 4)
        let figure = try SpokeDotPlot.figure(of: analysis, dataset: dataset)
        let svg = String(decoding: try figure.render(as: .svg).data, as: UTF8.self)
        XCTAssertTrue(svg.contains("Hunan · 8 spokes · 2 never relayed"), "panel titles count the silent spokes")
        XCTAssertTrue(svg.contains("Hainan · 14 spokes · 3 never relayed"))
        XCTAssertEqual(svg.components(separatedBy: "never relayed the hub within the window").count - 1, 2 + 2 + 3 + 3)
        try assertLegible(figure, "spoke dot plot, 4 provinces")
    }
}
