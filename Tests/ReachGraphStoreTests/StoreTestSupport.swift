import Foundation
import ReachGraph
import ReachGraphStore
import XCTest

/// A temporary folder for one test, removed when the test ends.
final class ScratchFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "reachgraph-store-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The path of `name` inside the folder.
    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// A new subfolder holding `files` (name to text); its path.
    @discardableResult
    func folder(_ name: String, _ files: [String: String]) throws -> String {
        let folder = file(name)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (file, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(file))) }
        return folder
    }

    /// A new store `name` holding one ingest of a folder `data` of `files` (name to text).
    func store(_ name: String = "s.sqlite", ingesting files: [String: String]) throws -> DatasetStore {
        let folder = try self.folder("data", files)
        let store = try DatasetStore(path: file(name), create: true)
        _ = try store.ingest(try DatasetLoader.load(folder), source: folder, sha256: try InputSource.sha256(of: folder))
        return store
    }
}

enum StoreTestData {
    /// The repository root (this file is `Tests/ReachGraphStoreTests/StoreTestSupport.swift`).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bundled synthetic sample, which a missing file fails rather than skips.
    static var sample: String {
        let path = root.appendingPathComponent("graphs/sample").path
        precondition(FileManager.default.fileExists(atPath: path + "/posts.csv"), "graphs/sample is missing")
        return path
    }

    /// The lines of `file` in the sample.
    static func sampleLines(_ file: String) throws -> [String] {
        try String(contentsOfFile: sample + "/" + file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    /// The folder a month slice of the sample stands for: every account, the month's posts and
    /// metrics rows, and no relations file (relations come from the posts).
    static func sampleMonthFolder(_ month: String, in scratch: ScratchFolder) throws -> String {
        let posts = try sampleLines("posts.csv")
        let metrics = try sampleLines("metrics.csv")
        let monthPosts = [posts[0]] + posts.dropFirst().filter { $0.split(separator: ",", omittingEmptySubsequences: false)[2].hasPrefix(month) }
        let monthMetrics = [metrics[0]] + metrics.dropFirst().filter { $0.split(separator: ",", omittingEmptySubsequences: false)[2] == month }
        return try scratch.folder("sample-\(month)", [
            "accounts.csv": try String(contentsOfFile: sample + "/accounts.csv", encoding: .utf8),
            "posts.csv": monthPosts.joined(separator: "\n") + "\n",
            "metrics.csv": monthMetrics.joined(separator: "\n") + "\n",
        ])
    }
}

/// Asserts two datasets hold the same rows in the same order, with the same warnings.
func assertSameData(_ actual: Dataset, _ expected: Dataset, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.accounts, expected.accounts, "accounts", file: file, line: line)
    XCTAssertEqual(actual.posts, expected.posts, "posts", file: file, line: line)
    XCTAssertEqual(actual.metrics, expected.metrics, "metrics", file: file, line: line)
    XCTAssertEqual(actual.relations.count, expected.relations.count, "relations", file: file, line: line)
    XCTAssertEqual(actual.relations.sources, expected.relations.sources, "relation sources", file: file, line: line)
    XCTAssertEqual(actual.relations.targets, expected.relations.targets, "relation targets", file: file, line: line)
    XCTAssertEqual(actual.relations.types, expected.relations.types, "relation types", file: file, line: line)
    XCTAssertEqual(actual.relations.weights, expected.relations.weights, "relation weights", file: file, line: line)
    XCTAssertEqual(actual.relations.firstSeen, expected.relations.firstSeen, "relation first seen", file: file, line: line)
    XCTAssertEqual(actual.relations.lastSeen, expected.relations.lastSeen, "relation last seen", file: file, line: line)
    XCTAssertEqual(actual.relations.attributeColumns, expected.relations.attributeColumns, file: file, line: line)
    XCTAssertEqual(actual.relations.attributeValues, expected.relations.attributeValues, file: file, line: line)
    XCTAssertEqual(actual.relationsDerivedFromPosts, expected.relationsDerivedFromPosts, file: file, line: line)
    XCTAssertEqual(actual.accountAttributeColumns, expected.accountAttributeColumns, file: file, line: line)
    XCTAssertEqual(actual.postAttributeColumns, expected.postAttributeColumns, file: file, line: line)
    XCTAssertEqual(actual.metricsAttributeColumns, expected.metricsAttributeColumns, file: file, line: line)
    XCTAssertEqual(actual.diagnostics.counts, expected.diagnostics.counts, "warnings", file: file, line: line)
    XCTAssertEqual((0 ..< actual.accounts.count).map(actual.isDeclared), (0 ..< expected.accounts.count).map(expected.isDeclared), file: file, line: line)
}
