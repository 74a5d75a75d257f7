import ReachGraphviz
import XCTest

final class GraphvizLibraryTests: XCTestCase {
    func testParsesDOTThroughTheLock() throws {
        let counts = try GraphvizLibrary.parseCounts(dot: "digraph { a -> b; b -> c; a -> c }")
        XCTAssertEqual(counts.nodes, 3)
        XCTAssertEqual(counts.edges, 3)
    }

    func testMalformedDOTThrows() {
        XCTAssertThrowsError(try GraphvizLibrary.parseCounts(dot: "digraph { a -> }"))
    }
}
