import ReachGraphCore
import XCTest

/// The builder against a plain reference: a dictionary of ordered pairs summing weights.
final class GraphBuilderTests: XCTestCase {
    /// Seeded random edges over `nodes` nodes with many parallel edges and some self-loops.
    private func randomEdges(count: Int, nodes: Int32, weighted: Bool, seed: UInt64) -> [(Int32, Int32, Double)] {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        return (0 ..< count).map { _ in
            (Int32(next() % UInt64(nodes)), Int32(next() % UInt64(nodes)), weighted ? Double(next() % 4 + 1) : 1)
        }
    }

    private func assertMatchesReference(_ graph: DirectedGraph, _ edges: [(Int32, Int32, Double)], nodeCount: Int, file: StaticString = #filePath, line: UInt = #line) {
        var reference: [Int64: Double] = [:]
        for (source, target, weight) in edges { reference[Int64(source) << 32 | Int64(target), default: 0] += weight }
        XCTAssertEqual(graph.nodeCount, nodeCount, file: file, line: line)
        XCTAssertEqual(graph.edgeCount, reference.count, file: file, line: line)
        XCTAssertEqual(graph.isWeighted, reference.values.contains { $0 != 1 }, file: file, line: line)
        XCTAssertEqual(graph.selfLoopCount, reference.keys.filter { $0 >> 32 == $0 & 0xFFFF_FFFF }.count, file: file, line: line)
        let listed = graph.edges
        XCTAssertEqual(listed.map { Int64($0.source) << 32 | Int64($0.target) }, reference.keys.sorted(), "rows sorted", file: file, line: line)
        for edge in listed { XCTAssertEqual(edge.weight, reference[Int64(edge.source) << 32 | Int64(edge.target)], file: file, line: line) }
        let reversed = graph.reversed().edges
        XCTAssertEqual(reversed.map { Int64($0.target) << 32 | Int64($0.source) }.sorted(), reference.keys.sorted(), "in-adjacency mirrors out", file: file, line: line)
        for edge in reversed { XCTAssertEqual(edge.weight, reference[Int64(edge.target) << 32 | Int64(edge.source)], file: file, line: line) }
        for node in 0 ..< Int32(graph.nodeCount) {
            XCTAssertEqual(Array(graph.incoming.neighbors(of: node)), Array(graph.incoming.neighbors(of: node)).sorted(), file: file, line: line)
        }
    }

    func testArraysAndAddEdgeBuildTheReferenceGraph() {
        for weighted in [false, true] {
            let edges = randomEdges(count: 5000, nodes: 300, weighted: weighted, seed: weighted ? 11 : 12)
            let fromArrays = GraphBuilder(
                nodeCount: 310, sources: edges.map(\.0), targets: edges.map(\.1), weights: weighted ? edges.map(\.2) : nil
            ).build()
            assertMatchesReference(fromArrays, edges, nodeCount: 310)
            let added = GraphBuilder(nodeCount: 310)
            for (source, target, weight) in edges { added.addEdge(from: source, to: target, weight: weight) }
            assertMatchesReference(added.build(), edges, nodeCount: 310)
        }
    }

    func testChunkedBuildsAreTheOneChunkBuildByteForByte() {
        // Parallel edges split across chunk bounds keep their input order (the weights' sum is
        // taken in that order), rows cut by a chunk bound are scattered from both sides, and
        // chunks with no edges (3 edges in 4 chunks) change nothing.
        let cases: [(count: Int, nodes: Int32, nodeCount: Int)] = [(5000, 300, 310), (4000, 40, 41), (3, 5, 9), (0, 0, 4), (997, 2000, 2000)]
        for (index, sample) in cases.enumerated() {
            for weighted in [false, true] {
                let edges = sample.nodes == 0 ? [] : randomEdges(count: sample.count, nodes: sample.nodes, weighted: weighted, seed: 40 + UInt64(index))
                // Weights that do not sum exactly in another order: 0.1 + 0.2 + 0.3 ≠ 0.3 + 0.2 + 0.1.
                let weights = weighted ? edges.enumerated().map { Double([0.1, 0.2, 0.3, 1e16, 1][$0.offset % 5]) * $0.element.2 } : nil
                func build(_ chunks: Int, merging: Bool = true) -> DirectedGraph {
                    GraphBuilder(
                        nodeCount: sample.nodeCount, sources: edges.map(\.0), targets: edges.map(\.1), weights: weights, weighted: merging
                    ).build(chunkCount: chunks)
                }
                for merging in [true, false] {
                    let one = build(1, merging: merging)
                    if merging, sample.count > 0 { assertMatchesReference(one, edges.indices.map { (edges[$0].0, edges[$0].1, weights?[$0] ?? 1) }, nodeCount: sample.nodeCount) }
                    for chunks in [2, 3, 4, 7] {
                        let many = build(chunks, merging: merging)
                        let label = "case \(index), weighted \(weighted), merging \(merging), \(chunks) chunks"
                        for (a, b) in [(one.outgoing, many.outgoing), (one.incoming, many.incoming)] {
                            XCTAssertTrue(a.offsets == b.offsets, "offsets, " + label)
                            XCTAssertTrue(a.neighbors == b.neighbors, "neighbours, " + label)
                            XCTAssertTrue(a.weights.map { $0.map(\.bitPattern) } == b.weights.map { $0.map(\.bitPattern) }, "weights, " + label)
                        }
                        XCTAssertEqual(one.selfLoopCount, many.selfLoopCount, label)
                    }
                }
            }
        }
    }

    func testLongRowsKeepParallelEdgesInInputOrder() {
        // Rows longer than the insertion sort's limit are merge-sorted (runs of 24, then merged
        // in widening passes, with a tail run shorter than the rest): lengths around the run
        // length and its doublings, and one row of 5,000 in-edges from 60 sources, parallel
        // edges weighing amounts whose sum depends on the order (0.1 + 0.2 + 0.3 ≠ 0.3 + 0.2 + 0.1),
        // must sum in input order whatever the chunk count.
        var sources: [Int32] = [], targets: [Int32] = [], weights: [Double] = []
        var state: UInt64 = 7
        for (target, length) in [(0, 25), (1, 48), (2, 49), (3, 97), (4, 1000), (5, 5000), (6, 23), (7, 2)] {
            for _ in 0 ..< length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                sources.append(Int32(8 + (state >> 33) % 60))
                targets.append(Int32(target))
                weights.append([0.1, 0.2, 0.3, 1e16, 1][Int(state >> 40) % 5])
            }
        }
        // Interleave the rows, as an edge list would.
        var order = Array(sources.indices)
        for index in order.indices.reversed() {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            order.swapAt(index, Int(state >> 33) % (index + 1))
        }
        let edges = order.map { (sources[$0], targets[$0], weights[$0]) }
        for chunks in [1, 2, 3] {
            let graph = GraphBuilder(nodeCount: 68, sources: edges.map(\.0), targets: edges.map(\.1), weights: edges.map(\.2)).build(chunkCount: chunks)
            assertMatchesReference(graph, edges, nodeCount: 68)
        }
    }

    func testWeightsOfOneAreUnweightedAndNodeCountCoversEndpoints() {
        let graph = GraphBuilder(sources: [0, 2, 5], targets: [1, 3, 4], weights: [1, 1, 1]).build()
        XCTAssertFalse(graph.isWeighted)
        XCTAssertEqual(graph.nodeCount, 6)
        XCTAssertEqual(graph.edgeCount, 3)
    }

    func testUnweightedParallelEdgesBecomeWeightsInEveryRow() {
        // A parallel edge late in the graph: rows before it must keep weight 1.
        let graph = GraphBuilder(sources: [0, 1, 2, 2, 3], targets: [1, 2, 3, 3, 3], weights: nil).build()
        XCTAssertTrue(graph.isWeighted)
        XCTAssertEqual(graph.edges.map(\.weight), [1, 1, 2, 1])
        XCTAssertEqual(graph.selfLoopCount, 1)
        XCTAssertEqual(graph.inStrength(of: 3), 3)
    }

    func testUnweightedBuildMergesParallelEdgesWithoutWeights() {
        for seed: UInt64 in [13, 14] {
            let edges = randomEdges(count: 5000, nodes: 300, weighted: seed == 14, seed: seed)
            let weighted = GraphBuilder(nodeCount: 310, sources: edges.map(\.0), targets: edges.map(\.1), weights: edges.map(\.2)).build()
            let fromArrays = GraphBuilder(nodeCount: 310, sources: edges.map(\.0), targets: edges.map(\.1), weights: edges.map(\.2), weighted: false).build()
            let added = GraphBuilder(nodeCount: 310, weighted: false)
            for (source, target, weight) in edges { added.addEdge(from: source, to: target, weight: weight) }
            for graph in [fromArrays, added.build()] {
                XCTAssertFalse(graph.isWeighted)
                XCTAssertEqual(graph.nodeCount, 310)
                XCTAssertEqual(graph.outgoing.offsets, weighted.outgoing.offsets)
                XCTAssertEqual(graph.outgoing.neighbors, weighted.outgoing.neighbors)
                XCTAssertEqual(graph.incoming.offsets, weighted.incoming.offsets)
                XCTAssertEqual(graph.incoming.neighbors, weighted.incoming.neighbors)
                XCTAssertEqual(graph.selfLoopCount, weighted.selfLoopCount)
            }
        }
        let small = GraphBuilder(sources: [0, 1, 2, 2, 3, 3], targets: [1, 2, 3, 3, 3, 3], weights: nil, weighted: false).build()
        XCTAssertEqual(small.edges.map { [$0.source, $0.target] }, [[0, 1], [1, 2], [2, 3], [3, 3]])
        XCTAssertEqual(small.selfLoopCount, 1)
    }

    func testArraysLargeEnoughForHugePagesHoldTheSameGraph() {
        // 1M nodes and 2M edges (node → node + 2, node → node + 1): the offsets, neighbour and
        // weight arrays all reach HugePages' threshold (8 MiB), so they are advised onto huge
        // pages before being written. Rows come out sorted by target, weights follow them.
        let nodes = 1 << 20
        let edges = 2 * nodes
        let sources: [Int32] = (0 ..< edges).map { (edge: Int) -> Int32 in Int32(edge / 2) }
        let targets: [Int32] = (0 ..< edges).map { (edge: Int) -> Int32 in
            let step: Int = 2 - edge % 2
            return Int32((edge / 2 + step) % nodes)
        }
        let weights: [Double] = (0 ..< edges).map { (edge: Int) -> Double in
            let step: Int = 2 - edge % 2
            return Double(step * 10 + (edge / 2) % 3)
        }
        let graph = GraphBuilder(nodeCount: nodes, sources: sources, targets: targets, weights: weights).build()
        var neighbors = [Int32](repeating: 0, count: edges)
        var expectedWeights = [Double](repeating: 0, count: edges)
        for node in 0 ..< nodes {
            let next = (node + 1) % nodes, afterNext = (node + 2) % nodes
            neighbors[2 * node] = Int32(min(next, afterNext))
            neighbors[2 * node + 1] = Int32(max(next, afterNext))
            let first: Int = next < afterNext ? 10 : 20
            expectedWeights[2 * node] = Double(first + node % 3)
            expectedWeights[2 * node + 1] = Double(30 - first + node % 3)
        }
        let offsets = (0 ... nodes).map { 2 * $0 }
        XCTAssertEqual(graph.outgoing.offsets, offsets)
        XCTAssertEqual(graph.outgoing.neighbors, neighbors)
        XCTAssertEqual(graph.outgoing.weights, expectedWeights)
        XCTAssertEqual(graph.incoming.offsets, offsets)
        XCTAssertTrue(HugePages.zeros(3_000_000, of: UInt64.self).allSatisfy { $0 == 0 })
    }
}
