import Foundation
import ReachGraph
import ReachGraphSample
@testable import ReachGraphviz
import XCTest

final class BriefingTests: XCTestCase {
    func testATableWithItsCSVAsBytesCountsEveryRow() throws {
        // The page's table carries two rows; its CSV, given as bytes, has five.
        let table = ResultTable(name: "long", title: "Long", columns: ["id"], rows: [[.text("a")], [.text("b")]])
        var section = BriefingSection(title: "S", paragraphs: [], tables: [table], rowsShown: 1)
        section.csvFiles["long"] = BriefingCSV(rowCount: 5, bytes: Array("id\na\nb\nc\nd\ne\n".utf8))
        let document = BriefingDocument(title: "T", provenance: [], warnings: [], sections: [section])
        XCTAssertTrue(document.html().contains("1 of 5 rows shown; filter or sort to reach the first 2; all in tables/long.csv."), document.html())
        XCTAssertTrue(document.markdown().contains("_1 of 5 rows shown; all in `tables/long.csv`._"))
        let folder = NSTemporaryDirectory() + "brief-bytes-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try document.write(to: folder)
        XCTAssertEqual(try String(contentsOfFile: folder + "/tables/long.csv", encoding: .utf8), "id\na\nb\nc\nd\ne\n")
    }

    func testTheCascadeTableIsWrittenWholeFromBytes() throws {
        // 8,000 posts in 4,000 cascades of two: the page carries 500 rows, the CSV all of them,
        // the same bytes as the table of every cascade.
        var posts = "post_id,author,time,parent_post\n"
        for cascade in 0 ..< 4_000 {
            posts += "o\(cascade),a\(cascade % 97),\(cascade * 10),\nr\(cascade),b\(cascade % 89),\(cascade * 10 + 5),o\(cascade)\n"
        }
        let accounts = "id,kind\n" + ((0 ..< 97).map { "a\($0),other" } + (0 ..< 89).map { "b\($0),other" }).joined(separator: "\n")
        let dataset = try SampleDatasets.load(accounts: accounts, relations: nil, posts: String(posts.dropLast()))
        var options = BriefingBuilder.Options()
        options.png = false
        options.bootstrapReplicates = 0
        let document = BriefingBuilder(dataset: dataset, options: options).build()
        let section = try XCTUnwrap(document.sections.first { $0.title == "Cascades" })
        XCTAssertEqual(section.tables[0].rows.count, BriefingDocument.filterableRows)
        let analysis = CascadeAnalysis(dataset: dataset, minimumSize: 2)
        XCTAssertEqual(analysis.cascades.count, 4_000)
        XCTAssertEqual(section.csvFiles["cascades"]?.rowCount, 4_000)
        XCTAssertEqual(section.csvFiles["cascades"].map { String(decoding: $0.bytes, as: UTF8.self) }, analysis.cascadeTable(dataset: dataset).csvText)
        XCTAssertEqual(section.tables[0].rows, Array(analysis.cascadeTable(dataset: dataset).rows.prefix(500)))
        XCTAssertTrue(document.markdown().contains("_15 of 4000 rows shown; all in `tables/cascades.csv`._"))
    }

    func testDocumentIsSelfContainedAndEscaped() throws {
        let table = ResultTable(name: "t", title: "Top <accounts>", columns: ["id", "score"], rows: [[.text("a&b"), .number(1.5)], [.text("湖南"), .integer(2)]])
        let figure = BriefingFigure(name: "f", caption: "caption \"quoted\"", svg: "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg><g/></svg>")
        let document = BriefingDocument(
            title: "Brief <1>", provenance: ["synthetic"], warnings: ["2 × odd rows"],
            sections: [BriefingSection(title: "S & T", paragraphs: ["p < q"], figures: [figure], tables: [table], rowsShown: 1)],
            generatedAt: Date(timeIntervalSince1970: 1_746_086_400)
        )
        let html = document.html()
        XCTAssertTrue(html.contains("<title>Brief &lt;1&gt;</title>"))
        XCTAssertTrue(html.contains("<h2>S &amp; T</h2>"))
        XCTAssertTrue(html.contains("<figure class=\"zoomable\"><svg><g/></svg>"), "SVG inlined without its XML prologue")
        XCTAssertFalse(html.contains("<?xml"))
        XCTAssertTrue(html.contains("<td>a&amp;b</td><td class=\"number\">1.5</td>"))
        XCTAssertTrue(html.contains("<tr hidden><td>湖南</td>"), "rows beyond rowsShown are carried hidden, for the filter")
        XCTAssertTrue(html.contains("1 of 2 rows shown; filter or sort to reach the first 2; all in tables/t.csv."))
        XCTAssertTrue(html.contains("<table class=\"data\" data-shown=\"1\">") && html.contains("<input type=\"search\" class=\"filter\""))
        XCTAssertTrue(html.contains("<div id=\"viewer\" hidden>") && html.contains("data-interactive"), "the zoom viewer and the inline script")
        XCTAssertEqual(html.components(separatedBy: "<script").count - 1, 1)
        XCTAssertFalse(html.contains("<script src"), "no script from elsewhere")
        XCTAssertTrue(html.contains("<li>2 × odd rows</li>"))
        XCTAssertFalse(html.contains("src=\"http"), "nothing loaded from elsewhere")
        let markdown = document.markdown()
        XCTAssertTrue(markdown.contains("![caption \"quoted\"](figures/f.svg)"))
        XCTAssertTrue(markdown.contains("| id | score |"))
        XCTAssertTrue(markdown.contains("_Generated 2025-05-01T08:00:00Z by ReachGraph._"))

        let folder = NSTemporaryDirectory() + "brief-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try document.write(to: folder)
        for file in ["index.html", "brief.md", "figures/f.svg", "tables/t.csv"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/" + file), file)
        }
        XCTAssertEqual(try String(contentsOfFile: folder + "/tables/t.csv", encoding: .utf8), "id,score\na&b,1.5\n湖南,2\n")
    }

    func testBuilderMakesTheSectionsTheDataSupports() throws {
        let folder = NSTemporaryDirectory() + "brief-data-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var configuration = SyntheticDatasetGenerator.Configuration()
        configuration.seed = 3
        configuration.scale = 0.05
        configuration.months = 2
        configuration.provinces = [.hainan]
        configuration.influencers = 20
        configuration.communities = 60
        try SyntheticDatasetGenerator(configuration: configuration).write(to: folder)
        let dataset = try DatasetLoader.load(folder)
        var options = BriefingBuilder.Options()
        options.bootstrapReplicates = 5
        options.png = false
        let builder = BriefingBuilder(dataset: dataset, options: options)
        XCTAssertTrue(builder.isSynthetic, "the generator's README says so")
        let document = builder.build()
        XCTAssertEqual(document.sections.map(\.title), [
            "Dataset", "The network", "Key opinion leaders", "Cascades", "Local creation → influencer pickup → community spread", "Coordination", "1+N structure",
            "Who to reach", "Communication power index",
        ])
        let html = document.html()
        XCTAssertTrue(html.contains(CaptionOptions.syntheticNotice))
        XCTAssertTrue(document.title.hasPrefix("Synthetic data — "), document.title)
        XCTAssertTrue(html.contains("<title>Synthetic data — Amplification briefing"))
        XCTAssertTrue(document.markdown().hasPrefix("# Synthetic data — Amplification briefing"))
        for figure in document.sections.flatMap(\.figures) {
            XCTAssertTrue(figure.caption.contains(CaptionOptions.syntheticNotice), "\(figure.name): \(figure.caption)")
        }
        let record = try XCTUnwrap(document.provenanceRecord)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(record.utf8)) as? [String: Any])
        XCTAssertEqual(json["synthetic"] as? Bool, true)
        XCTAssertEqual(json["notice"] as? String, CaptionOptions.syntheticNotice)
        XCTAssertEqual(json["tables"] as? [String], document.sections.flatMap { $0.tables + $0.csvOnlyTables }.map(\.name))
        XCTAssertGreaterThanOrEqual(html.components(separatedBy: "<svg").count - 1, 5, "overview, cascade tree, stage paths, 1+N diagram, index chart (coordination when pairs repeat)")

        XCTAssertTrue(document.sections.allSatisfy { !$0.notes.contains { $0.contains("skipped") } }, "\(document.degradations)")

        // A pair budget under the 600 s window's pairs narrows the window; under 1 s's, the
        // section is skipped with its reason, and the rest of the briefing is still written.
        let log = ShareLog(posts: dataset.posts, object: .parent)
        let pairs = { (window: Double) in CoActionCost.candidatePairs(log: log, options: CoActionOptions(window: window, minWeight: 2)) }
        XCTAssertGreaterThan(pairs(600), pairs(300))
        var tight = options
        tight.coordinationPairBudget = pairs(300)
        let narrowed = BriefingBuilder(dataset: dataset, options: tight).build()
        let narrowNote = "Coordination: window narrowed from 600 s to 300 s: 600 s would compare \(groupedDigits(pairs(600))) pairs of shares, over the budget of \(groupedDigits(pairs(300)))"
        XCTAssertTrue(narrowed.degradations.contains(narrowNote), "\(narrowed.degradations)")
        tight.coordinationPairBudget = -1
        let skipped = BriefingBuilder(dataset: dataset, options: tight).build()
        XCTAssertEqual(skipped.sections.map(\.title), document.sections.map(\.title))
        let coordination = try XCTUnwrap(skipped.sections.first { $0.title == "Coordination" })
        XCTAssertTrue(coordination.tables.isEmpty && coordination.figures.isEmpty)
        XCTAssertEqual(coordination.notes.count, 1)
        XCTAssertTrue(coordination.notes[0].hasPrefix("skipped: even a 1 s window compares more than -1 pairs"), coordination.notes[0])
        XCTAssertTrue(skipped.html().contains("<p class=\"note\">skipped: even a 1 s window"))
        XCTAssertTrue(skipped.markdown().contains("- Coordination: skipped: even a 1 s window"))

        // The city preset keeps TikTok out of the composite while ranking it; the briefing says
        // which weights it used.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var cityOptions = options
        cityOptions.indexWeights = try IndexWeights.load(contentsOf: root.appendingPathComponent("graphs/weights/city-index-weights.json").path)
        cityOptions.indexGrouping = .city
        let city = BriefingBuilder(dataset: dataset, options: cityOptions).build()
        let index = try XCTUnwrap(city.sections.first { $0.title == "Communication power index" })
        XCTAssertTrue(index.notes.isEmpty, "\(index.notes)")
        let weightsLine = try XCTUnwrap(index.paragraphs.first { $0.hasPrefix("Weights used (from --weights): ") })
        XCTAssertTrue(weightsLine.contains("tiktok ranked, not in the composite (in_composite is false in the weights)"), weightsLine)
        XCTAssertTrue(index.paragraphs[0].contains(" leads the composite index of ") && index.paragraphs[0].contains(" cities "), index.paragraphs[0])
        XCTAssertTrue(index.tables.contains { $0.rows.contains { row in row.contains(.text("tiktok")) } }, "TikTok is still ranked")

        let edges = NSTemporaryDirectory() + "brief-edges-" + UUID().uuidString + ".csv"
        defer { try? FileManager.default.removeItem(atPath: edges) }
        try Data("a,b\nb,c\n".utf8).write(to: URL(fileURLWithPath: edges))
        var plain = BriefingBuilder.Options()
        plain.png = false
        plain.bootstrapReplicates = 0
        let sparse = BriefingBuilder(dataset: try DatasetLoader.load(edges), options: plain).build()
        XCTAssertEqual(sparse.sections.map(\.title), ["Dataset", "The network", "Key opinion leaders", "Who to reach"])
        XCTAssertFalse(sparse.html().contains(CaptionOptions.syntheticNotice))
        XCTAssertNil(sparse.provenanceRecord, "real data: no synthetic label")
        XCTAssertFalse(sparse.title.contains("Synthetic"))
    }
}
