import Foundation
import ReachGraphCore
import XCTest

/// A graph stored in a fixture file: `{"nodes": n, "edges": [[u, v, w], ...]}`.
struct FixtureGraph: Decodable {
    let nodes: Int
    let edges: [[Double]]

    var graph: DirectedGraph {
        DirectedGraph(nodeCount: nodes, weightedEdges: edges.map { (Int32($0[0]), Int32($0[1]), $0[2]) })
    }
}

/// Decodes the fixture file `name` (in `Fixtures/`) as `T`.
func loadFixture<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
    guard let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)
        ?? Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
        XCTFail("fixture \(name) missing from the test bundle")
        throw CocoaError(.fileNoSuchFile)
    }
    return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
}

/// Asserts `actual` equals `expected` within `relative` tolerance (absolute near zero).
func assertClose(_ actual: [Double], _ expected: [Double], relative: Double, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.count, expected.count, "\(message): length", file: file, line: line)
    for (index, (a, e)) in zip(actual, expected).enumerated() {
        let scale = max(abs(e), 1e-12)
        XCTAssertLessThanOrEqual(abs(a - e), relative * scale + 1e-15, "\(message)[\(index)]: \(a) vs \(e)", file: file, line: line)
    }
}
