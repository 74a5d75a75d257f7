import Foundation
import XCTest

/// Runs the built `reachgraph` executable, which SwiftPM places next to the test bundle.
final class ExecutableTests: XCTestCase {
    func testExecutableRunsAndExitsCleanly() throws {
        // The test runner is an executable in the products folder on Linux, a bundle in it on macOS.
        #if os(Linux)
        let runner = Bundle.main.executableURL ?? Bundle.main.bundleURL
        #else
        let runner = Bundle(for: Self.self).bundleURL
        #endif
        let executable = runner.deletingLastPathComponent().appendingPathComponent("reachgraph")
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: executable.path), "reachgraph was not built next to the tests")
        let process = Process()
        process.executableURL = executable
        process.standardOutput = Pipe()
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
    }
}
