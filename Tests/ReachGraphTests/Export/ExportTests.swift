import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ReachGraph
import XCTest

/// Exports keep every attribute: JSON and CSV come back identical through our own readers; GraphML
/// and GEXF are well-formed, typed, and leave missing values out. (Fixtures/check_exports.py reads
/// the same files with NetworkX; its transcript is Fixtures/check_exports.txt.)
final class ExportTests: XCTestCase {
    static let fixture = Repository.root.appendingPathComponent("Tests/ReachGraphTests/Fixtures/export-dataset").path

    func testJSONExportRoundTripsThroughTheLoader() throws {
        let original = try DatasetLoader.load(Self.fixture)
        let folder = try TemporaryFolder()
        let text = JSONDatasetWriter.text(of: original)
        let path = try folder.write("dataset.json", text)
        let reread = try DatasetLoader.load(path)
        // JSONDatasetReader keeps each record's extra fields but neither lists the account columns
        // nor reads extra relation fields; the file has them (check_exports.py reads them back).
        assertSameContent(original, reread, relationAttributes: false, accountColumnOrder: false)
        XCTAssertTrue(text.contains("\"campaign\": \"quote \\\" and, comma\", \"confidence\": \"1\""), text)
        let again = JSONDatasetWriter.text(of: reread)
        XCTAssertTrue(again.contains("\"verified\": \"true\""), "account extras survive a second export from JSON")
    }

    func testCSVExportRoundTripsThroughTheLoader() throws {
        let original = try DatasetLoader.load(Self.fixture)
        let folder = try TemporaryFolder()
        try DatasetWriter.write(original, to: folder.path)
        assertSameContent(original, try DatasetLoader.load(folder.path))
    }

    func testJSONExportOfRelationsDerivedFromPostsDerivesThemAgain() throws {
        let folder = try TemporaryFolder()
        try folder.write("posts.csv", "post_id,author,time,parent_post\np1,a,2025-01-01,\np2,b,2025-01-02,p1\n")
        let original = try DatasetLoader.load(folder.path)
        let text = JSONDatasetWriter.text(of: original)
        XCTAssertFalse(text.contains("\"relations\""))
        let reread = try DatasetLoader.load(try folder.write("d.json", text))
        XCTAssertTrue(reread.relationsDerivedFromPosts)
        // b's p2 reposts a's p1: one repost tie a → b (source → amplifier).
        XCTAssertEqual(reread.relations.count, 1)
        XCTAssertEqual(reread.relations.sources.map { reread.accounts[Int($0)].id }, ["a"])
        XCTAssertEqual(reread.relations.targets.map { reread.accounts[Int($0)].id }, ["b"])
        XCTAssertEqual(reread.relations.types, [.repost])
    }

    /// Regression (Fuzz/: dataset-folder): a posts.csv with a header and no rows, exported to JSON,
    /// read back instead of failing with "expected relations or posts".
    func testJSONExportOfAnEmptyPostsTableReadsBack() throws {
        let folder = try TemporaryFolder()
        try folder.write("posts.csv", "post_id,author,time,parenme,au,tch\n")
        let original = try DatasetLoader.load(folder.path)
        XCTAssertTrue(original.relationsDerivedFromPosts)
        let text = JSONDatasetWriter.text(of: original)
        XCTAssertTrue(text.contains("\"posts\": ["), text)
        let reread = try DatasetLoader.load(try folder.write("d.json", text))
        XCTAssertEqual(reread.posts.count, 0)
        XCTAssertEqual(reread.relations.count, 0)
        XCTAssertEqual(reread.accounts.count, 0)
    }

    func testGraphMLIsWellFormedTypedAndOmitsMissingValues() throws {
        let graph = try AttributedGraph(dataset: try DatasetLoader.load(Self.fixture))
        let xml = GraphMLWriter.text(of: graph)
        let counts = try elementCounts(xml)
        XCTAssertEqual(counts["node"], 6)
        XCTAssertEqual(counts["edge"], 8, "7 rows, the collaboration hn_centre – ccg written both ways")
        let ends = zip(graph.edgeSources, graph.edgeTargets).map { "\(graph.nodeIDs[Int($0)])→\(graph.nodeIDs[Int($1)])" }
        XCTAssertEqual(ends.filter { $0.contains("ccg") }, ["ccg→kol1", "hn_centre→ccg", "ccg→hn_centre"], "a repost once, the collaboration both ways")
        XCTAssertTrue(xml.contains("attr.name=\"followers\" attr.type=\"long\""))
        XCTAssertTrue(xml.contains("attr.name=\"score\" attr.type=\"double\""))
        XCTAssertTrue(xml.contains("attr.name=\"verified\" attr.type=\"boolean\""))
        XCTAssertTrue(xml.contains("attr.name=\"handle_code\" attr.type=\"string\""), "007 is not a number to keep")
        XCTAssertTrue(xml.contains("<data key=\"n13\">line one&#10;line two</data>"))
        XCTAssertFalse(xml.contains("<data key=\"n0\"></data>"), "missing names are left out, not empty")
        XCTAssertTrue(xml.contains("<node id=\"odd &quot;id&quot; \\ with: colon\"><data key=\"n1\">community</data>"))
    }

    func testGEXFIsWellFormedAndMergedEdgesCarryJSONLists() throws {
        let graph = try AttributedGraph(dataset: try DatasetLoader.load(Self.fixture), edges: .merged)
        XCTAssertEqual(graph.edgeCount, 7, "the two hn_centre → cs rows merge; the collaboration is both ways")
        XCTAssertEqual(graph.edgeWeights[0], 14)
        let relation = try XCTUnwrap(graph.edgeColumns.first { $0.name == "relation" })
        XCTAssertEqual(relation.valueType, .string, "plain text, so that relation == \"repost\" finds the single-type edges")
        XCTAssertEqual(relation.values[0], .string("repost,mention"))
        XCTAssertEqual(relation.values[1], .string("repost"))
        XCTAssertEqual(graph.jsonColumnNotes, [
            "edge attribute \"campaign\" holds JSON text (lists of values)",
            "edge attribute \"confidence\" holds JSON text (lists of values)",
        ])
        let xml = GEXFWriter.text(of: graph, description: "test & check")
        let counts = try elementCounts(xml)
        XCTAssertEqual(counts["node"], 6)
        XCTAssertEqual(counts["edge"], 7)
        XCTAssertTrue(xml.contains("<description>test &amp; check; edge attribute &quot;campaign&quot; holds JSON text"), xml)
        XCTAssertTrue(xml.contains("value=\"repost,mention\""))
        XCTAssertTrue(xml.contains("value=\"[0.9,0.4]\""))
        XCTAssertTrue(xml.contains("weight=\"14.0\""))
    }

    func testExtraNodeColumnsWithListsAndMissingValues() throws {
        let dataset = try DatasetLoader.load(Self.fixture)
        let roles = AttributeColumn(name: "roles", values: [.list([.string("source"), .string("bridge")]), nil, .list([]), .list([.string("湖南"), nil]), nil, nil])
        let rank = AttributeColumn(name: "pagerank", values: [0.4, 0.1, 0.3, 0.05, 0.1, 0.05].map { .double($0) })
        let graph = try AttributedGraph(dataset: dataset, extraNodeColumns: [roles, rank])
        let xml = GraphMLWriter.text(of: graph)
        XCTAssertNoThrow(try elementCounts(xml))
        XCTAssertTrue(xml.contains("attr.name=\"roles\" attr.type=\"string\"><desc>JSON text"))
        XCTAssertTrue(xml.contains("[&quot;source&quot;,&quot;bridge&quot;]"))
        XCTAssertTrue(xml.contains("[&quot;湖南&quot;,null]"))
        XCTAssertTrue(xml.contains("attr.name=\"pagerank\" attr.type=\"double\""))
        XCTAssertThrowsError(try AttributedGraph(dataset: dataset, extraNodeColumns: [AttributeColumn(name: "x", values: [nil])])) {
            XCTAssertEqual(($0 as? ExportError)?.message, "node column \"x\" has 1 values for 6 accounts")
        }
        XCTAssertThrowsError(try AttributedGraph(dataset: dataset, extraNodeColumns: [AttributeColumn(name: "kind", values: Array(repeating: nil, count: 6))])) {
            XCTAssertEqual(($0 as? ExportError)?.message, "node column \"kind\" is already an account column")
        }
    }

    func testTypesAreInferredOnlyWhenNothingIsLost() {
        XCTAssertEqual(AttributeValue(inferringFrom: "7"), .integer(7))
        XCTAssertEqual(AttributeValue(inferringFrom: "-3"), .integer(-3))
        XCTAssertEqual(AttributeValue(inferringFrom: "1.5"), .double(1.5))
        XCTAssertEqual(AttributeValue(inferringFrom: "true"), .boolean(true))
        for text in ["007", "+5", "1.50", "1e5", "nan", "inf", "0x10", "-0", "True", " 7"] {
            XCTAssertEqual(AttributeValue(inferringFrom: text), .string(text), text)
        }
        XCTAssertNil(AttributeValue(inferringFrom: ""))
        XCTAssertEqual(AttributeColumn(name: "a", texts: ["1", "2.5", nil]).valueType, .double)
        XCTAssertEqual(AttributeColumn(name: "a", texts: ["1", "x"]).valueType, .string)
        XCTAssertEqual(AttributeColumn(name: "a", texts: ["true", "1"]).valueType, .string)
        XCTAssertEqual(AttributeColumn(name: "a", texts: [nil, nil]).valueType, .string)
        XCTAssertEqual(AttributeValue.list([.string("a\"\n"), nil, .double(0.5), .boolean(false)]).jsonText, "[\"a\\\"\\n\",null,0.5,false]")
    }

    // MARK: - Helpers

    private func assertSameContent(
        _ original: Dataset, _ reread: Dataset, relationAttributes: Bool = true, accountColumnOrder: Bool = true, file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(reread.accounts, original.accounts, file: file, line: line)
        if accountColumnOrder { XCTAssertEqual(reread.accountAttributeColumns, original.accountAttributeColumns, file: file, line: line) }
        XCTAssertEqual(reread.relations.count, original.relations.count, file: file, line: line)
        for row in 0 ..< original.relations.count {
            XCTAssertEqual(reread.relations[row], original.relations[row], "relation \(row)", file: file, line: line)
        }
        if relationAttributes {
            XCTAssertEqual(reread.relations.attributeColumns, original.relations.attributeColumns, file: file, line: line)
            XCTAssertEqual(reread.relations.attributeValues, original.relations.attributeValues, file: file, line: line)
        }
        XCTAssertEqual(reread.posts, original.posts, file: file, line: line)
        XCTAssertEqual(reread.metrics, original.metrics, file: file, line: line)
    }

    /// Parses `xml` and counts elements by name; throws when it is not well-formed.
    private func elementCounts(_ xml: String) throws -> [String: Int] {
        final class Counter: NSObject, XMLParserDelegate {
            var counts: [String: Int] = [:]
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                counts[name, default: 0] += 1
            }
        }
        let parser = XMLParser(data: Data(xml.utf8))
        let counter = Counter()
        parser.delegate = counter
        guard parser.parse() else {
            throw ExportError(message: "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "unknown")")
        }
        return counter.counts
    }
}
