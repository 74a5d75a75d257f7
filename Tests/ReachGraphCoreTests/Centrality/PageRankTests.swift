import ReachGraphCore
import XCTest

final class PageRankTests: XCTestCase {
    func testMatchesNetworkX() throws {
        for item in try SpectralFixtureCase.all() {
            let graph = item.graph.graph
            XCTAssertEqual(item.pagerank.count, 7, item.name)
            for expected in item.pagerank {
                let options = expected.options
                let defaults = PageRankOptions()
                let pageRankOptions = PageRankOptions(
                    damping: options.damping ?? defaults.damping,
                    personalization: options.personalization,
                    dangling: options.dangling,
                    maxIterations: options.maxIterations ?? defaults.maxIterations,
                    tolerance: options.tolerance ?? defaults.tolerance,
                    start: options.start,
                    weighted: options.weighted ?? defaults.weighted
                )
                assertMatches(try graph.pageRank(pageRankOptions), expected, item.name)
            }
        }
    }

    func testDanglingNodeByHand() throws {
        // 0 → 1 with node 1 dangling: x0 = (1 − d)/2 + d·x1/2 and x0 + x1 = 1 give x0 = 1/(2 + d).
        let graph = DirectedGraph(nodeCount: 2, edges: [(0, 1)])
        let rank = try graph.pageRank(PageRankOptions(maxIterations: 1000, tolerance: 1e-13))
        assertClose(rank, [1 / 2.85, 1 - 1 / 2.85], relative: 1e-12, "two nodes")
    }

    func testWeightsSplitRankInProportion() throws {
        // 0 → {1: 3, 2: 1}, 1 → 0, 2 → 0: x0 = 0.05 + 0.85 (x1 + x2) = 0.05 + 0.85 (1 − x0), so
        // x0 = 0.9 / 1.85, and x1, x2 get 0.05 plus 0.85 x0 split 3 : 1 (or 1 : 1 unweighted).
        let graph = DirectedGraph(nodeCount: 3, weightedEdges: [(0, 1, 3), (0, 2, 1), (1, 0, 1), (2, 0, 1)])
        let hub = 0.9 / 1.85
        let weighted = try graph.pageRank(PageRankOptions(maxIterations: 1000, tolerance: 1e-13))
        assertClose(weighted, [hub, 0.05 + 0.85 * 0.75 * hub, 0.05 + 0.85 * 0.25 * hub], relative: 1e-12, "weighted")
        let unweighted = try graph.pageRank(PageRankOptions(maxIterations: 1000, tolerance: 1e-13, weighted: false))
        assertClose(unweighted, [hub, 0.05 + 0.425 * hub, 0.05 + 0.425 * hub], relative: 1e-12, "unweighted")
    }

    func testZeroDampingReturnsThePersonalization() throws {
        let graph = DirectedGraph(nodeCount: 3, edges: [(0, 1), (1, 2)])
        let rank = try graph.pageRank(PageRankOptions(damping: 0, personalization: [0, 1, 3]))
        assertClose(rank, [0, 0.25, 0.75], relative: 1e-12, "teleport only")
    }

    func testEmptyGraph() throws {
        XCTAssertEqual(try DirectedGraph(nodeCount: 0, edges: []).pageRank(), [])
    }

    func testNonConvergenceThrows() {
        let graph = DirectedGraph(nodeCount: 3, edges: [(0, 1), (1, 2)])
        XCTAssertThrowsError(try graph.pageRank(PageRankOptions(maxIterations: 1))) { error in
            XCTAssertEqual(error as? CentralityError, .failedToConverge(iterations: 1))
        }
        XCTAssertThrowsError(try graph.pageRank(PageRankOptions(maxIterations: 0))) { error in
            XCTAssertEqual(error as? CentralityError, .failedToConverge(iterations: 0))
        }
    }

    func testInvalidOptionsThrow() {
        let graph = DirectedGraph(nodeCount: 3, edges: [(0, 1), (1, 2)])
        assertInvalidOption(try graph.pageRank(PageRankOptions(damping: 1.5)), "damping above 1")
        assertInvalidOption(try graph.pageRank(PageRankOptions(damping: -0.1)), "negative damping")
        assertInvalidOption(try graph.pageRank(PageRankOptions(damping: .nan)), "NaN damping")
        assertInvalidOption(try graph.pageRank(PageRankOptions(personalization: [1, 1])), "short personalization")
        assertInvalidOption(try graph.pageRank(PageRankOptions(personalization: [0, 0, 0])), "zero personalization")
        assertInvalidOption(try graph.pageRank(PageRankOptions(dangling: [1, -1, 1])), "negative dangling entry")
        assertInvalidOption(try graph.pageRank(PageRankOptions(start: [1, .infinity, 1])), "infinite start entry")
        assertInvalidOption(try graph.pageRank(PageRankOptions(maxIterations: -1)), "negative iterations")
        assertInvalidOption(try graph.pageRank(PageRankOptions(tolerance: -1)), "negative tolerance")
    }

    /// A graph large enough for the parallel product gives the same ranks as a plain serial
    /// transcription of the iteration, and the same bits on every run.
    func testParallelProductMatchesSerialIteration() throws {
        let nodeCount = 20_000
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        var edges: [(Int32, Int32, Double)] = []
        for _ in 0 ..< 160_000 {
            edges.append((Int32(next() % nodeCount), Int32(next() % (nodeCount / 10)), Double(1 + next() % 4)))
        }
        let graph = DirectedGraph(nodeCount: nodeCount, weightedEdges: edges)
        XCTAssertGreaterThan(graph.edgeCount, 1 << 17)
        let options = PageRankOptions(tolerance: 1e-10)
        let rank = try graph.pageRank(options)
        XCTAssertEqual(try graph.pageRank(options), rank)

        let strength = (0 ..< Int32(nodeCount)).map { graph.outStrength(of: $0) }
        let edgeList = graph.edges
        var expected = [Double](repeating: 1 / Double(nodeCount), count: nodeCount)
        for _ in 0 ..< 100 {
            var dangling = 0.0
            for node in 0 ..< nodeCount where strength[node] == 0 { dangling += expected[node] }
            var next = [Double](repeating: 0, count: nodeCount)
            for (source, target, weight) in edgeList {
                next[Int(target)] += 0.85 * expected[Int(source)] * weight / strength[Int(source)]
            }
            var change = 0.0
            for node in 0 ..< nodeCount {
                next[node] += 0.85 * dangling / Double(nodeCount) + 0.15 / Double(nodeCount)
                change += abs(next[node] - expected[node])
            }
            expected = next
            if change < Double(nodeCount) * 1e-10 { break }
        }
        assertClose(rank, expected, relative: 1e-9, "parallel")
    }

    /// The fused step's other cases (unit weights, a personalisation vector, a dangling vector)
    /// against a serial transcription, on a graph large enough to run on several threads.
    func testFusedStepMatchesSerialIterationWithVectors() throws {
        let nodeCount = 20_000
        var random = SplitMix64(seed: 11)
        var edges: [(Int32, Int32, Double)] = []
        for _ in 0 ..< 160_000 {
            // Targets below n/10 leave most nodes without in-edges and sources above n/2 without
            // out-edges: many dangling nodes.
            let source = Int32(random.next(below: UInt64(nodeCount / 2)))
            edges.append((source, Int32(random.next(below: UInt64(nodeCount / 10))), Double(1 + random.next(below: 4))))
        }
        let graph = DirectedGraph(nodeCount: nodeCount, weightedEdges: edges)
        XCTAssertGreaterThan(graph.edgeCount, 1 << 17)
        let personalization = (0 ..< nodeCount).map { Double(1 + $0 % 7) }
        let dangling = (0 ..< nodeCount).map { Double(1 + $0 % 3) }
        let personalizationSum = personalization.reduce(0, +), danglingSum = dangling.reduce(0, +)
        let teleport = personalization.map { $0 / personalizationSum }
        let share = dangling.map { $0 / danglingSum }
        let options = PageRankOptions(damping: 0.8, personalization: personalization, dangling: dangling, tolerance: 1e-10, weighted: false)
        let rank = try graph.pageRank(options)
        XCTAssertEqual(try graph.pageRank(options), rank)

        let degree = (0 ..< Int32(nodeCount)).map { Double(graph.outDegree(of: $0)) }
        let edgeList = graph.edges
        var expected = [Double](repeating: 1 / Double(nodeCount), count: nodeCount)
        for _ in 0 ..< 100 {
            var danglingMass = 0.0
            for node in 0 ..< nodeCount where degree[node] == 0 { danglingMass += expected[node] }
            var next = [Double](repeating: 0, count: nodeCount)
            for (source, target, _) in edgeList { next[Int(target)] += 0.8 * expected[Int(source)] / degree[Int(source)] }
            var change = 0.0
            for node in 0 ..< nodeCount {
                next[node] += 0.8 * danglingMass * share[node] + 0.2 * teleport[node]
                change += abs(next[node] - expected[node])
            }
            expected = next
            if change < Double(nodeCount) * 1e-10 { break }
        }
        assertClose(rank, expected, relative: 1e-9, "unweighted with vectors")
    }
}
