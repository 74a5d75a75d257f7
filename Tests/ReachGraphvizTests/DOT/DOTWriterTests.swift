import Foundation
import ReachGraphviz
import XCTest

/// The DOT writer produces text Graphviz parses, whatever the ids and labels hold.
final class DOTWriterTests: XCTestCase {
    /// Ids that break naive quoting: quotes, backslashes (also last), colons (ports), newlines,
    /// HTML-special characters, keywords, numerals, CJK, emoji, combining marks, NUL.
    static let trickyIDs = [
        "plain", "with space", "say \"hi\"", "back\\slash", "ends with \\", "\\", "\\\\", "\\\"",
        "port:name", "a:b:c", "line\nbreak", "cr\r\nlf", "<b>bold</b>", "a & b", "&amp;", "node", "Graph",
        "subgraph", "strict", "-1.5", "1e5", ".5", "5.", "-", "", "湖南国际传播中心", "🇨🇳 emoji",
        "e\u{301}", "\"\u{301}", "tab\there", "nul\u{0}byte", "\\N", "x->y", "{}", "[]", ";", "=", "#comment",
        "//comment", "/*c*/",
    ]

    func testTrickyIDsRoundTripThroughGraphviz() throws {
        var writer = DOTWriter(name: "tricky \"graph\"")
        writer.graphAttributes(["label": "a \"caption\" \\ with & <html>\nand 湖南", "fontname": .string(FontFamily.cjk)])
        writer.nodeDefaults(["shape": "box"])
        for (index, id) in Self.trickyIDs.enumerated() {
            writer.node(id, ["label": .string(id), "tooltip": .string(id), "width": .number(0.25 + Double(index) / 7)])
        }
        for (source, target) in zip(Self.trickyIDs, Self.trickyIDs.dropFirst()) {
            writer.edge(from: source, to: target, ["label": .string(source + "→" + target), "penwidth": 1.5])
        }
        let dot = writer.finish()
        let counts = try GraphvizLibrary.parseCounts(dot: dot)
        XCTAssertEqual(counts.nodes, Set(Self.trickyIDs).count, dot)
        XCTAssertEqual(counts.edges, Self.trickyIDs.count - 1)
    }

    func testUndirectedStrictGraphWithNestedClustersAndHTMLLabels() throws {
        var writer = DOTWriter(isDirected: false, isStrict: true)
        writer.beginCluster("湖南 \"province\"", attributes: ["label": "湖南"])
        writer.beginCluster("inner:city")
        writer.node("a", ["label": .html(.bold(.text("<a> & \"b\"\n湖南")) + .lineBreak + .font(color: "#336699", pointSize: 9, .text("x > y")))])
        writer.endSubgraph()
        writer.node("b", ["label": .html(.table([[HTMLCell(.text("■"), background: "#000000"), HTMLCell(.text("think tank & co"))], []]))])
        writer.endSubgraph()
        writer.edge(from: "a", to: "b")
        writer.edge(from: "b", to: "a")
        writer.beginSubgraph()
        writer.node("c", ["label": .html(.table([]))])
        let dot = writer.finish()
        XCTAssertTrue(dot.hasPrefix("strict graph {"))
        XCTAssertTrue(dot.contains("subgraph \"cluster_湖南 \\\"province\\\"\""), dot)
        XCTAssertTrue(dot.contains(" -- "))
        let counts = try GraphvizLibrary.parseCounts(dot: dot)
        XCTAssertEqual(counts.nodes, 3)
        XCTAssertEqual(counts.edges, 1, "strict undirected graphs merge a -- b and b -- a")
    }

    func testQuotingRules() {
        func id(_ text: String) -> String {
            var writer = DOTWriter()
            writer.node(text)
            let dot = writer.finish()
            return String(dot.dropFirst("digraph {\n  ".count).dropLast(";\n}\n".count))
        }
        XCTAssertEqual(id("abc_1"), "abc_1")
        XCTAssertEqual(id("-1.5"), "-1.5")
        XCTAssertEqual(id("node"), "\"node\"")
        XCTAssertEqual(id("1e5"), "\"1e5\"")
        XCTAssertEqual(id("a\"b"), "\"a\\\"b\"")
        XCTAssertEqual(id("a\\"), "\"a\\\\\"")
        XCTAssertEqual(id("湖南"), "\"湖南\"")

        var writer = DOTWriter()
        writer.node("n", ["label": "R&D \\N\r\nnext", "width": .number(1e-7), "fixedsize": true, "peripheries": 2])
        writer.node("m", ["label": "a\ré\nb"])
        let dot = writer.finish()
        XCTAssertTrue(dot.contains("label=\"R&amp;D \\\\N\\nnext\""), dot)
        XCTAssertTrue(dot.contains("label=\"a\\né\\nb\""), "CR, then a non-ASCII character, then LF are two breaks: \(dot)")
        XCTAssertTrue(dot.contains("width=\"1e-07\""), dot)
        XCTAssertTrue(dot.contains("fixedsize=true, peripheries=2"), dot)
    }

    /// Escaped text is appended without copying the output (quadratic appends took minutes on a
    /// 200,000-node figure): 50,000 quoted labels come out whole.
    func testWritingIsLinearInTheOutput() {
        var writer = DOTWriter()
        for node in 0 ..< 50_000 {
            writer.node("n \(node)", ["label": .string("账号 \"\(node)\" & co"), "tooltip": .data("a\\b \(node)")])
        }
        let dot = writer.finish()
        XCTAssertGreaterThan(dot.utf8.count, 3_000_000)
    }
}
