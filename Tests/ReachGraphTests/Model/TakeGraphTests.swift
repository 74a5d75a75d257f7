@testable import ReachGraph
import ReachGraphCore
import XCTest

/// `Dataset.takeGraph(weighted:)`, which `summary` uses to build its graph from the relation
/// columns moved out of the dataset: the same graph as `graph(weighted:)`, and no relations left.
final class TakeGraphTests: XCTestCase {
    private func assertSameGraph(_ taken: DirectedGraph, _ expected: DirectedGraph, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(taken.nodeCount, expected.nodeCount, file: file, line: line)
        XCTAssertEqual(taken.selfLoopCount, expected.selfLoopCount, file: file, line: line)
        for (mine, theirs) in [(taken.outgoing, expected.outgoing), (taken.incoming, expected.incoming)] {
            XCTAssertEqual(mine.offsets, theirs.offsets, file: file, line: line)
            XCTAssertEqual(mine.neighbors, theirs.neighbors, file: file, line: line)
            XCTAssertEqual(mine.weights, theirs.weights, file: file, line: line)
        }
    }

    /// Directed relations with a parallel pair and a self-loop: the columns go to the builder as they are.
    func testDirectedRelationsGiveTheSameGraphAndLeaveNone() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("edges.csv", "source,target,weight\na,b,2\nb,c,1\na,b,3\nc,c,1\nd,a,1\n")
        let dataset = try DatasetLoader.load(path)
        for weighted in [true, false] {
            var taking = dataset
            let graph = taking.takeGraph(weighted: weighted)
            assertSameGraph(graph, dataset.graph(weighted: weighted))
            XCTAssertEqual(taking.relations.count, 0)
            XCTAssertEqual(taking.accounts.count, 4, "everything but the relations stays")
        }
        var taking = dataset
        let weighted = taking.takeGraph()
        // a → b merged (2 + 3), b → c, c → c, d → a: rows sorted by target.
        XCTAssertEqual(weighted.outgoing.offsets, [0, 1, 2, 3, 4])
        XCTAssertEqual(weighted.outgoing.neighbors, [1, 2, 2, 0])
        XCTAssertEqual(weighted.outgoing.weights, [5, 1, 1, 1])
        XCTAssertEqual(weighted.selfLoopCount, 1)
    }

    /// A collaboration is read in both directions, as `graph(weighted:)` reads it.
    func testUndirectedRelationsGiveTheSameGraphAndLeaveNone() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("edges.csv", "source,target,relation\na,b,collaboration\nb,c,repost\n")
        let dataset = try DatasetLoader.load(path)
        var taking = dataset
        let graph = taking.takeGraph(weighted: false)
        assertSameGraph(graph, dataset.graph(weighted: false))
        XCTAssertEqual(graph.edgeCount, 3, "a → b, b → a, b → c")
        XCTAssertEqual(taking.relations.count, 0)
    }

    /// The summary of a dataset handed over (its columns freed while the graph is built) is that of
    /// a dataset the caller keeps.
    func testSummaryOfAConsumedDatasetIsTheSame() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("edges.csv", "source,target,weight\na,b,2\nb,a,1\na,b,3\nc,d,1\n")
        let kept = try DatasetLoader.load(path)
        let handedOver = try DatasetLoader.load(path)
        let expected = DatasetSummary(of: kept)
        let summary = DatasetSummary(of: consume handedOver)
        XCTAssertEqual(summary.tables, expected.tables)
        XCTAssertEqual(summary.edgeCount, 3)
        XCTAssertEqual(summary.weakComponentCount, 2)
        XCTAssertEqual(summary.reciprocity, 2.0 / 3.0, "a ↔ b reciprocated, c → d not")
        XCTAssertEqual(summary.relationsByType["repost"]?.weight, 7)
        XCTAssertEqual(kept.relations.count, 4, "a kept dataset keeps its relations")
    }
}
