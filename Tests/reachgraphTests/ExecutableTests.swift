import Foundation
import XCTest

/// Runs the built `reachgraph` executable, which SwiftPM places next to the test bundle.
final class ExecutableTests: XCTestCase {
    func testExecutableRunsAndExitsCleanly() throws {
        let executable = ReachGraphCLI.executable
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: executable.path), "reachgraph was not built next to the tests")
        XCTAssertEqual(try ReachGraphCLI.run([]).status, 0)
    }
}
