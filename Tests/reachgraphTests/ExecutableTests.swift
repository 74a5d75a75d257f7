import Foundation
import XCTest

/// Runs the built `reachgraph` executable, which SwiftPM places next to the test bundle.
final class ExecutableTests: XCTestCase {
    func testExecutableRunsAndExitsCleanly() throws {
        let products = Bundle(for: Self.self).bundleURL.deletingLastPathComponent()
        let executable = products.appendingPathComponent("reachgraph")
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: executable.path), "reachgraph was not built next to the tests")
        let process = Process()
        process.executableURL = executable
        process.standardOutput = Pipe()
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
    }
}
