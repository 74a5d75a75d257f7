import ReachGraphviz
import XCTest

final class GraphvizLibraryTests: XCTestCase {
    func testLinkedLibraryParsesDOT() throws {
        XCTAssertTrue(GraphvizLibrary.version.hasPrefix("2.") || GraphvizLibrary.version.hasPrefix("1") || GraphvizLibrary.version.first?.isNumber == true, GraphvizLibrary.version)
        let counts = try GraphvizLibrary.parseCounts(dot: #"digraph { a -> b; b -> c; "湖南" -> a }"#)
        XCTAssertEqual(counts.nodes, 4)
        XCTAssertEqual(counts.edges, 3)
    }

    func testUnparsableDOTIsAnError() {
        XCTAssertThrowsError(try GraphvizLibrary.parseCounts(dot: "digraph { a -> }")) { error in
            let message = (error as? GraphvizError)?.message ?? "\(error)"
            XCTAssertTrue(message.hasPrefix("Graphviz could not parse the DOT text: syntax error"), message)
        }
    }
}
