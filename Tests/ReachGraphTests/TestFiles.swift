import Foundation
import XCTest

/// A temporary folder for one test, removed when the test ends.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "reachgraph-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` to `name` inside the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = (path as NSString).appendingPathComponent(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// Writes raw bytes to `name`.
    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let file = (path as NSString).appendingPathComponent(name)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }
}

/// Paths the tests read outside their bundle: the repository and the real datasets beside it.
enum Repository {
    /// The repository root (this file is `Tests/ReachGraphTests/TestFiles.swift`).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/datasets/<relative>` beside the repository. Real datasets are never copied into
    /// the repository, so a conformance test reads them there: when the `CI` environment variable
    /// is set a missing dataset fails the test; elsewhere the test skips with one line naming it.
    static func sharedDataset(_ relative: String, file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        let url = root.appendingPathComponent("../shared/datasets/\(relative)").standardized
        guard FileManager.default.fileExists(atPath: url.path) else {
            let message = "../shared/datasets/\(relative) is not here; the conformance check needs it"
            if ProcessInfo.processInfo.environment["CI"] != nil {
                XCTFail(message + " (CI is set)", file: file, line: line)
            }
            throw XCTSkip(message)
        }
        return url
    }
}
