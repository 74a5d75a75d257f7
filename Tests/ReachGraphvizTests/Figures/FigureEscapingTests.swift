import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ReachGraph
import ReachGraphCore
@testable import ReachGraphviz
import XCTest

/// Ids and names that Graphviz would otherwise read as markup or escapes: the SVG it writes must
/// parse as XML, and tooltips and labels must show the text as typed (hand-made data).
final class FigureEscapingTests: XCTestCase {
    /// Collects every `xlink:title` and the text of every `<title>` and `<text>` of an SVG.
    private final class Collector: NSObject, XMLParserDelegate {
        var tooltips: [String] = []
        var texts: [String] = []
        private var current: String?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if let tooltip = attributes["xlink:title"] { tooltips.append(tooltip) }
            if name == "title" || name == "text" { current = "" }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if let text = current { texts.append(text) }
            current = nil
        }
    }

    private func parse(_ svg: Data, file: StaticString = #filePath, line: UInt = #line) -> Collector {
        let parser = XMLParser(data: svg)
        let collector = Collector()
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "SVG is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")", file: file, line: line)
        return collector
    }

    private static let hostile = (
        accounts: #"""
        id,name,kind
        "a&#1;b","x\Ny\G &#1; \L <b>",think_tank
        c,"q\E\T\H \\",influencer
        "d&amp;e",plain,community
        """#,
        relations: #"""
        source,target,relation,weight
        "a&#1;b",c,repost,2
        c,"d&amp;e",repost,1
        """#
    )

    func testHostileIdsAndNamesMakeWellFormedSVGShownAsTyped() throws {
        let dataset = try SampleDatasets.load(accounts: Self.hostile.accounts, relations: Self.hostile.relations)
        let figure = try NetworkOverview.figure(of: dataset, options: .init(engine: .dot))
        let collected = parse(try figure.render(as: .svg).data)
        XCTAssertTrue(collected.texts.contains("a&#1;b"), "the node's title is its id as typed: \(collected.texts)")
        XCTAssertTrue(collected.texts.contains("d&amp;e"), "\(collected.texts)")
        XCTAssertTrue(collected.tooltips.contains { $0.hasPrefix(#"x\Ny\G &#1; \L <b> (a&#1;b)"#) }, "\(collected.tooltips)")
        XCTAssertTrue(collected.tooltips.contains { $0.hasPrefix(#"q\E\T\H \\ (c)"#) }, "\(collected.tooltips)")
        XCTAssertTrue(collected.tooltips.contains { $0.hasPrefix(#"a&#1;b → c"#) }, "\(collected.tooltips)")
        XCTAssertTrue(collected.texts.contains { $0.contains(#"x\Ny\G &#1; \L <b>"#) }, "the caption shows names as typed: \(collected.texts)")
    }

    /// HTML-like labels (cards, captions) go through the same `\N`/`\G`/`\E` expansion as plain ones.
    func testBackslashesInHTMLLabelsShowAsTyped() throws {
        let dataset = try SampleDatasets.load(
            accounts: #"""
            id,name,kind
            "a\N",x\Ny\G \E \L,think_tank
            b,q\T\H \\,influencer
            """#,
            relations: nil,
            posts: #"""
            post_id,author,time,parent_post
            p1,"a\N",2025-03-01T00:00:00Z,
            p2,b,2025-03-01T00:05:00Z,p1
            """#
        )
        var reconstruction = CascadeReconstruction(dataset: dataset)
        let index = try XCTUnwrap(reconstruction.cascadeIndex(ofRoot: "p1"))
        var random = SplitMix64(seed: 0)
        let cascade = reconstruction.cascade(index, policy: .root, random: &random)
        let figure = try CascadeTreeFigure.figure(of: cascade, dataset: dataset)
        let collected = parse(try figure.render(as: .svg).data)
        XCTAssertTrue(collected.texts.contains(#"x\Ny\G \E \L"#), "a card shows the name as typed: \(collected.texts)")
        XCTAssertTrue(collected.texts.contains(#"q\T\H \\"#), "\(collected.texts)")
        XCTAssertTrue(collected.texts.contains(#"Cascade of post p1 by x\Ny\G \E \L (a\N)"#), "the caption too: \(collected.texts)")
    }

    func testControlCharactersInIdsMakeWellFormedSVG() throws {
        let accounts = "id,kind\n\"a\u{1}b\",other\n\"tab\tid\",other\n"
        let relations = "source,target,relation\n\"a\u{1}b\",\"tab\tid\",repost\n"
        let dataset = try SampleDatasets.load(accounts: accounts, relations: relations)
        let figure = try NetworkOverview.figure(of: dataset, options: .init(engine: .dot))
        let collected = parse(try figure.render(as: .svg).data)
        XCTAssertTrue(collected.texts.contains("a\u{FFFD}b"), "\(collected.texts)")
    }

    func testDOTExportKeepsIdsExact() {
        var writer = DOTWriter(exactIDs: true)
        writer.node("a&#1;b")
        XCTAssertEqual(writer.finish(), "digraph {\n  \"a&#1;b\";\n}\n")
        var display = DOTWriter()
        display.node("a&#1;b", ["tooltip": .string(#"x\N"#)])
        XCTAssertEqual(display.finish(), "digraph {\n  \"a&amp;#1;b\" [tooltip=\"x\\\\\\\\N\"];\n}\n")
    }
}
