import Foundation
import XCTest

/// Runs the built `reachgraph` executable, which SwiftPM places next to the test bundle.
final class ExecutableTests: XCTestCase {
    func testExecutableRunsAndExitsCleanly() throws {
        let executable = ReachGraphCLI.executable
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: executable.path), "reachgraph was not built next to the tests")
        let bare = try ReachGraphCLI.run([])
        XCTAssertEqual(bare.status, 0)
        XCTAssertTrue(bare.output.hasPrefix("OVERVIEW: Map amplification networks: who creates, who reposts, how far it\ntravels."), bare.output)
        XCTAssertTrue(bare.output.contains("\nUSAGE: reachgraph <subcommand>\n"), bare.output)
        XCTAssertEqual(bare.error, "", "the overview goes to standard output")
    }
}
