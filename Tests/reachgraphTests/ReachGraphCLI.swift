import Foundation
import XCTest

/// Runs the built `reachgraph` executable as a user would, and makes the temporary files the
/// command-line tests give it: the one place these tests start a process or write a fixture.
enum ReachGraphCLI {
    /// What a run returned: the exit status and everything written to each stream.
    struct Result {
        let status: Int32
        let output: String
        let error: String
    }

    /// The `reachgraph` executable SwiftPM builds next to the tests: beside the test runner on
    /// Linux, beside the test bundle on macOS.
    static var executable: URL {
        var url = Bundle.main.bundleURL.appendingPathComponent("reachgraph")
        if !FileManager.default.fileExists(atPath: url.path) {
            url = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("reachgraph")
        }
        #if !os(Linux)
        if !FileManager.default.fileExists(atPath: url.path) {
            url = Bundle(for: BundleMarker.self).bundleURL.deletingLastPathComponent().appendingPathComponent("reachgraph")
        }
        #endif
        return url
    }

    private final class BundleMarker {}

    /// Runs `reachgraph arguments` to the end and returns its status and output.
    static func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self), error: String(decoding: errData, as: UTF8.self))
    }

    /// A new folder under the temporary directory holding `files` (name to text); its path.
    static func temporaryFolder(_ files: [String: String] = [:]) throws -> String {
        let folder = NSTemporaryDirectory() + "reachgraph-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in files { try write(text, to: folder + "/" + name) }
        return folder
    }

    /// A file `name` holding `text`, alone in a new temporary folder; its path.
    static func temporaryFile(_ name: String, _ text: String) throws -> String {
        try temporaryFolder([name: text]) + "/" + name
    }

    /// Writes `text` as UTF-8 to `path`, replacing what is there.
    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }
}

/// Runs `reachgraph arguments` and asserts it is refused as a usage error (status 2) for the
/// reason given: the first line of standard error is `Error: ` and `message`.
func assertUsageError(_ arguments: [String], _ message: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let result = try ReachGraphCLI.run(arguments)
    XCTAssertEqual(result.status, 2, "\(arguments): \(result.error)", file: file, line: line)
    XCTAssertEqual(result.error.split(separator: "\n").first.map(String.init), "Error: " + message, "\(arguments)", file: file, line: line)
}
