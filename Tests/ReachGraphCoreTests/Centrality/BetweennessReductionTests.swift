@testable import ReachGraphCore
import XCTest

/// The degree-one reduction of exact betweenness with hops (``BetweennessReduction``) against the
/// unreduced general search and hand-computed values.
final class BetweennessReductionTests: XCTestCase {
    /// A seeded random core of 300 nodes with pendants of every kind hung on it (synthetic): pendant
    /// sinks, pendant sources, pendant sources that also own pendant sinks or carry a self-loop,
    /// pendant sources into a node whose only out-edges lead to pendant sinks, and chains
    /// source → node → sink that are no pendant pair.
    static func pendantGraph() -> DirectedGraph {
        var random = SplitMix64(seed: 17)
        var pairs = Set<[Int32]>()
        // A cycle through the core keeps every core node off both pendant lists.
        for node in Int32(0) ..< 300 { pairs.insert([node, (node + 1) % 300]) }
        while pairs.count < 1500 { pairs.insert([Int32(random.next(below: 300)), Int32(random.next(below: 300))]) }
        var next: Int32 = 300
        func fresh() -> Int32 { defer { next += 1 }; return next }
        for _ in 0 ..< 120 { pairs.insert([Int32(random.next(below: 300)), fresh()]) }  // pendant sinks
        for _ in 0 ..< 120 { pairs.insert([fresh(), Int32(random.next(below: 300))]) }  // pendant sources
        for _ in 0 ..< 20 {  // a pendant source owning two pendant sinks
            let source = fresh()
            pairs.insert([source, Int32(random.next(below: 300))])
            pairs.insert([source, fresh()])
            pairs.insert([source, fresh()])
        }
        for _ in 0 ..< 10 {  // self-loops on a pendant source and on a pendant sink
            let source = fresh(), sink = fresh()
            pairs.insert([source, source])
            pairs.insert([source, Int32(random.next(below: 300))])
            pairs.insert([Int32(random.next(below: 300)), sink])
            pairs.insert([sink, sink])
        }
        for _ in 0 ..< 10 {  // two pendant sources into a node whose only out-edge is a pendant sink
            let middle = fresh()
            pairs.insert([fresh(), middle])
            pairs.insert([fresh(), middle])
            pairs.insert([middle, fresh()])
        }
        return DirectedGraph(nodeCount: Int(next), weightedEdges: pairs.map { ($0[0], $0[1], 1) })
    }

    func testReducedHopsMatchTheUnreducedGeneralSearch() throws {
        let graph = Self.pendantGraph()
        let outgoing = graph.outgoing
        let unreduced = DirectedGraph(outgoing: try Adjacency(
            offsets: outgoing.offsets, neighbors: outgoing.neighbors, weights: [Double](repeating: 1, count: outgoing.neighbors.count)
        ))
        let reduction = BetweennessReduction(graph)
        // 120 + 40 + 10 + 10 pendant sinks leave the graph; 120 + 20 + 10 + 20 pendant sources fold.
        XCTAssertEqual(reduction.pendantSinks.reduce(0, +), 180)
        XCTAssertEqual(reduction.foldedSources.reduce(0, +), 170)
        XCTAssertEqual(reduction.adjacency.neighbors.count, graph.edgeCount - 180 - graph.selfLoopCount)
        for normalized in [false, true] {
            let hops = graph.betweennessCentrality(BetweennessOptions(normalized: normalized, pathLength: .hops))
            let general = unreduced.betweennessCentrality(BetweennessOptions(normalized: normalized, pathLength: .weight))
            XCTAssertGreaterThan(hops.filter { $0 > 0 }.count, 250)
            // The pendant terms are added in another order, so sums differ in rounding.
            assertClose(hops, general, relative: 1e-12, "normalized \(normalized)")
        }
    }

    func testFoldedSourcesByHand() {
        // 0 → 2, 1 → 2, 2 → 3, 3 → 4, 3 → 5: 0 and 1 are pendant sources folded into 2; 4 and 5
        // are pendant sinks of 3. Node 2 lies on the paths from 0 and 1 to 3, 4, 5 (6 pairs);
        // node 3 on the paths from 0, 1, 2 to 4 and 5 (6 pairs). One search, from 2, gives it all:
        // 3's out-edges lead only to pendant sinks, so a search from it would add nothing.
        let graph = DirectedGraph(nodeCount: 6, edges: [(0, 2), (1, 2), (2, 3), (3, 4), (3, 5)])
        let reduction = BetweennessReduction(graph)
        XCTAssertEqual(reduction.sources, [2])
        XCTAssertEqual(reduction.foldedSources, [2])
        XCTAssertEqual(reduction.pendantSinks, [0, 0, 0, 2, 0, 0])
        XCTAssertEqual(graph.betweennessCentrality(BetweennessOptions(normalized: false)), [0, 0, 6, 6, 0, 0])
    }

    func testSameResultAtAnyThreadCount() {
        let graph = Self.pendantGraph()
        let single = graph.betweennessCentrality(BetweennessOptions(maxConcurrency: 1))
        let saved = Parallelism.threadCount
        defer { Parallelism.threadCount = saved }
        for threads in [2, 3, 8] {
            Parallelism.threadCount = threads
            XCTAssertEqual(graph.betweennessCentrality(), single, "\(threads) threads")
        }
    }

    func testExactCostCountsWhatPlainBreadthFirstSearchesReach() {
        // Dense enough that the direction-optimising searches go bottom-up in the middle levels,
        // where they scan few edges: the visits must still be every reached node plus its out-edges.
        let graph = randomGraph(nodeCount: 300, edgeCount: 6_000, seed: 17, weighted: false)
        let reduction = BetweennessReduction(graph)
        let items = BetweennessSearches(graph, pathLength: .hops).contributing
        var expected = 0
        for item in items {
            var seen = [Bool](repeating: false, count: graph.nodeCount)
            var queue = [reduction.sources[Int(item)]]
            seen[Int(queue[0])] = true
            var head = 0
            while head < queue.count {
                let node = Int(queue[head])
                head += 1
                let row = reduction.adjacency.offsets[node] ..< reduction.adjacency.offsets[node + 1]
                expected += 1 + row.count
                for edge in row where !seen[Int(reduction.adjacency.neighbors[edge])] {
                    seen[Int(reduction.adjacency.neighbors[edge])] = true
                    queue.append(reduction.adjacency.neighbors[edge])
                }
            }
        }
        let cost = graph.exactBetweennessCost(sampleSize: items.count, seed: 2)
        XCTAssertEqual(cost.sampledSources, items.count)
        XCTAssertGreaterThan(items.count, 250)
        XCTAssertEqual(cost.estimatedVisits, Double(expected))
    }
}
