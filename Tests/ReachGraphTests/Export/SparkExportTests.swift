import Foundation
import ReachGraph
import XCTest

/// `export --to spark` writes the dataset format split into parts: put back together, the parts
/// load as the same dataset; the schema lists every part and column.
final class SparkExportTests: XCTestCase {
    func testPartsPutTogetherLoadAsTheSameDataset() throws {
        let original = try DatasetLoader.load(ExportTests.fixture)
        let folder = try TemporaryFolder()
        let export = folder.path + "/spark"
        try SparkExportWriter.write(original, to: export, rowsPerPart: 2)

        let schemaData = try Data(contentsOf: URL(fileURLWithPath: export + "/schema.json"))
        let schema = try XCTUnwrap(JSONSerialization.jsonObject(with: schemaData) as? [String: Any])
        let tables = try XCTUnwrap(schema["tables"] as? [String: [String: Any]])
        XCTAssertEqual(Set(tables.keys), ["accounts", "relations", "posts", "metrics"])
        XCTAssertEqual(tables["posts"]?["rows"] as? Int, original.posts.count)
        XCTAssertEqual((tables["posts"]?["parts"] as? [String])?.count, (original.posts.count + 1) / 2)
        let postColumns = try XCTUnwrap(tables["posts"]?["columns"] as? [[String: String]])
        XCTAssertEqual(postColumns.first, ["name": "_row", "type": "long"])
        XCTAssertTrue(postColumns.contains(["name": "time", "type": "double"]))
        XCTAssertTrue(postColumns.contains(["name": "lang", "type": "string"]), "extra columns are kept, as strings")

        // One file per table, each part's header dropped after the first.
        let rebuilt = folder.path + "/rebuilt"
        try FileManager.default.createDirectory(atPath: rebuilt, withIntermediateDirectories: true)
        for (name, table) in tables {
            var text = ""
            for (index, part) in (table["parts"] as? [String] ?? []).enumerated() {
                let lines = try String(contentsOfFile: "\(export)/\(name)/\(part)", encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
                text += lines.dropFirst(index == 0 ? 0 : 1).joined(separator: "\n")
                if !text.hasSuffix("\n") { text += "\n" }
            }
            try Data(text.utf8).write(to: URL(fileURLWithPath: "\(rebuilt)/\(name).csv"))
        }
        let reread = try DatasetLoader.load(rebuilt)
        XCTAssertEqual(reread.accounts, original.accounts)
        XCTAssertEqual(reread.relations.count, original.relations.count)
        for row in 0 ..< original.relations.count { XCTAssertEqual(reread.relations[row], original.relations[row], "relation \(row)") }
        XCTAssertEqual(reread.metrics, original.metrics)
        XCTAssertEqual(reread.posts.count, original.posts.count)
        for (index, post) in reread.posts.enumerated() {
            var withoutOrder = post
            XCTAssertEqual(withoutOrder.attributes.removeValue(forKey: "_row"), String(index))
            XCTAssertEqual(withoutOrder, original.posts[index])
        }
    }

    func testAFolderThatIsNotAnExportIsNotReplaced() throws {
        let original = try DatasetLoader.load(ExportTests.fixture)
        let folder = try TemporaryFolder()
        try folder.write("notes.txt", "keep me")
        XCTAssertThrowsError(try SparkExportWriter.write(original, to: folder.path)) { error in
            XCTAssertTrue("\(error)".contains("is not a Spark export"), "\(error)")
        }
        XCTAssertEqual(try String(contentsOfFile: folder.path + "/notes.txt", encoding: .utf8), "keep me")

        let export = folder.path + "/spark"
        try SparkExportWriter.write(original, to: export)
        try SparkExportWriter.write(original, to: export, rowsPerPart: 1)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: export + "/accounts").count, original.accounts.count)
    }
}
