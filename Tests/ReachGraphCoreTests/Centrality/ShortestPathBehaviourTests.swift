import ReachGraphCore
import XCTest

/// Determinism across thread counts and the edge cases NetworkX fixtures do not cover.
final class ShortestPathBehaviourTests: XCTestCase {
    /// A seeded random weighted digraph with self-loops, dangling nodes and unequal weights.
    static func randomGraph(nodes: Int, edges: Int, seed: UInt64) -> DirectedGraph {
        var random = SplitMix64(seed: seed)
        let builder = GraphBuilder(nodeCount: nodes, expectedEdgeCount: edges)
        for _ in 0 ..< edges {
            let source = Int32(random.next(below: UInt64(nodes)))
            let target = Int32(random.next(below: UInt64(nodes)))
            builder.addEdge(from: source, to: target, weight: Double(1 + random.next(below: 4)))
        }
        return builder.build()
    }

    func testResultsAreIdenticalAtEveryThreadCount() {
        // 300 sources make several chunks per wave and several waves at every thread count.
        let graph = Self.randomGraph(nodes: 300, edges: 1200, seed: 42)
        for length in PathLength.allCases {
            let single = graph.betweennessCentrality(BetweennessOptions(pathLength: length, maxConcurrency: 1))
            let edgeSingle = graph.edgeBetweennessCentrality(EdgeBetweennessOptions(pathLength: length, maxConcurrency: 1))
            let closenessSingle = graph.closenessCentrality(ClosenessOptions(pathLength: length, maxConcurrency: 1))
            let harmonicSingle = graph.harmonicCentrality(HarmonicOptions(pathLength: length, maxConcurrency: 1))
            XCTAssertTrue(single.contains { $0 > 0 })
            for threads in [2, 3, 8] {
                XCTAssertEqual(graph.betweennessCentrality(BetweennessOptions(pathLength: length, maxConcurrency: threads)), single, "\(length) \(threads)")
                XCTAssertEqual(graph.edgeBetweennessCentrality(EdgeBetweennessOptions(pathLength: length, maxConcurrency: threads)), edgeSingle, "\(length) \(threads)")
                XCTAssertEqual(graph.closenessCentrality(ClosenessOptions(pathLength: length, maxConcurrency: threads)), closenessSingle, "\(length) \(threads)")
                XCTAssertEqual(graph.harmonicCentrality(HarmonicOptions(pathLength: length, maxConcurrency: threads)), harmonicSingle, "\(length) \(threads)")
            }
            // Nonsensical thread counts fall back to one thread rather than failing.
            XCTAssertEqual(graph.betweennessCentrality(BetweennessOptions(pathLength: length, maxConcurrency: 0)), single)
        }
    }

    /// The breadth-first fast paths for hops (successor runs for betweenness, direction-optimising
    /// distance sums for closeness) against the general search run with every length 1.
    func testHopFastPathsMatchTheGeneralSearch() throws {
        // Dense enough for closeness to switch to bottom-up levels, with self-loops and nodes
        // nothing reaches.
        var random = SplitMix64(seed: 5)
        var pairs = Set<[Int32]>()
        while pairs.count < 6000 { pairs.insert([Int32(random.next(below: 400)), Int32(random.next(below: 360))]) }
        let graph = DirectedGraph(nodeCount: 420, weightedEdges: pairs.map { ($0[0], $0[1], 1) })
        // The same graph with an explicit weight array of ones takes the general (Dijkstra) search.
        let outgoing = graph.outgoing
        let weighted = DirectedGraph(outgoing: try Adjacency(
            offsets: outgoing.offsets, neighbors: outgoing.neighbors, weights: [Double](repeating: 1, count: outgoing.neighbors.count)
        ))
        XCTAssertEqual(weighted.incoming.weights, [Double](repeating: 1, count: graph.edgeCount))
        XCTAssertEqual(weighted.selfLoopCount, graph.selfLoopCount)
        for endpoints in [false, true] {
            let hops = graph.betweennessCentrality(BetweennessOptions(endpoints: endpoints, pathLength: .hops))
            let general = weighted.betweennessCentrality(BetweennessOptions(endpoints: endpoints, pathLength: .weight))
            XCTAssertTrue(hops.contains { $0 > 0 })
            // Dijkstra settles equally distant nodes in another order, so sums differ in rounding.
            assertClose(hops, general, relative: 1e-12, "betweenness endpoints \(endpoints)")
        }
        for scaling in [false, true] {
            let hops = graph.closenessCentrality(ClosenessOptions(wassermanFaustScaling: scaling, pathLength: .hops))
            // Sums of whole hop counts are exact either way.
            XCTAssertEqual(hops, weighted.closenessCentrality(ClosenessOptions(wassermanFaustScaling: scaling, pathLength: .weight)))
            XCTAssertEqual(hops.filter { $0 == 0 }.count, 60, "the 60 nodes without in-edges score 0")
        }
    }

    func testEdgeBetweennessSumsToNodeBetweennessPlusPairs() {
        // Every shortest path of h hops has h edges and h − 1 interior nodes, so summed over all
        // reachable ordered pairs: Σ edge = Σ node + #pairs (raw values).
        let graph = Self.randomGraph(nodes: 80, edges: 300, seed: 7)
        let edgeTotal = graph.edgeBetweennessCentrality(EdgeBetweennessOptions(normalized: false)).reduce(0, +)
        let nodeTotal = graph.betweennessCentrality(BetweennessOptions(normalized: false)).reduce(0, +)
        var reachablePairs = 0
        for source in 0 ..< Int32(graph.nodeCount) {
            reachablePairs += graph.breadthFirstDistances(from: source).filter { $0 > 0 }.count
        }
        XCTAssertEqual(edgeTotal, nodeTotal + Double(reachablePairs), accuracy: 1e-9 * edgeTotal)
    }

    func testUnusableEdgesAreLeftOut() {
        // 0 → 1 → 2 and 0 → 3 → 2; the edge 0 → 1 carries weight 0 (or −1), so 1/w and w are not
        // usable lengths and every path from 0 must go through 3.
        for badWeight in [0.0, -1.0, .nan] {
            let edges: [(Int32, Int32, Double)] = [(1, 2, 1), (0, 3, 1), (3, 2, 2), (2, 4, 1)]
            let withBadEdge = DirectedGraph(nodeCount: 5, weightedEdges: edges + [(0, 1, badWeight)])
            let without = DirectedGraph(nodeCount: 5, weightedEdges: edges)
            for length in [PathLength.weight, .inverseWeight] {
                let label = "weight \(badWeight) \(length)"
                XCTAssertEqual(withBadEdge.betweennessCentrality(BetweennessOptions(normalized: false, pathLength: length)),
                               without.betweennessCentrality(BetweennessOptions(normalized: false, pathLength: length)), label)
                XCTAssertEqual(withBadEdge.closenessCentrality(ClosenessOptions(pathLength: length)),
                               without.closenessCentrality(ClosenessOptions(pathLength: length)), label)
                XCTAssertEqual(withBadEdge.harmonicCentrality(HarmonicOptions(pathLength: length)),
                               without.harmonicCentrality(HarmonicOptions(pathLength: length)), label)
                let edgeValues = withBadEdge.edgeBetweennessCentrality(EdgeBetweennessOptions(pathLength: length))
                XCTAssertEqual(edgeValues[0], 0, "\(label): the unusable edge 0 → 1 is first in CSR order")
                XCTAssertEqual(Array(edgeValues.dropFirst()), without.edgeBetweennessCentrality(EdgeBetweennessOptions(pathLength: length)), label)
            }
            // Hop counts ignore weights, so the edge is an ordinary hop there: node 1 carries half
            // of the paths 0 ⇝ 2 and half of 0 ⇝ 4.
            XCTAssertEqual(withBadEdge.betweennessCentrality(BetweennessOptions(normalized: false))[1], 1)
        }
    }

    func testSelfLoopsNeverLieOnShortestPaths() {
        let base: [(Int32, Int32, Double)] = [(0, 1, 2), (1, 2, 1), (2, 0, 3), (2, 3, 1)]
        let looped = DirectedGraph(nodeCount: 4, weightedEdges: base + [(1, 1, 5), (3, 3, 1)])
        let plain = DirectedGraph(nodeCount: 4, weightedEdges: base)
        for length in PathLength.allCases {
            XCTAssertEqual(looped.betweennessCentrality(BetweennessOptions(pathLength: length)), plain.betweennessCentrality(BetweennessOptions(pathLength: length)))
            XCTAssertEqual(looped.closenessCentrality(ClosenessOptions(pathLength: length)), plain.closenessCentrality(ClosenessOptions(pathLength: length)))
            XCTAssertEqual(looped.harmonicCentrality(HarmonicOptions(pathLength: length)), plain.harmonicCentrality(HarmonicOptions(pathLength: length)))
            let loopEdges = looped.edges.enumerated().filter { $0.element.source == $0.element.target }.map(\.offset)
            let edgeValues = looped.edgeBetweennessCentrality(EdgeBetweennessOptions(pathLength: length))
            XCTAssertEqual(loopEdges.map { edgeValues[$0] }, [0, 0])
        }
    }

    func testEmptyAndTinyGraphs() {
        let empty = DirectedGraph(nodeCount: 0, edges: [])
        XCTAssertEqual(empty.betweennessCentrality(), [])
        XCTAssertEqual(empty.edgeBetweennessCentrality(), [])
        XCTAssertEqual(empty.closenessCentrality(), [])
        XCTAssertEqual(empty.harmonicCentrality(), [])
        let isolated = DirectedGraph(nodeCount: 3, edges: [])
        XCTAssertEqual(isolated.betweennessCentrality(), [0, 0, 0])
        XCTAssertEqual(isolated.closenessCentrality(), [0, 0, 0])
        XCTAssertEqual(isolated.harmonicCentrality(), [0, 0, 0])
    }

    func testClosenessUsesIncomingDistance() {
        // Content flows 0 → 1 → 2: node 2 is reached by both others, node 0 by nobody.
        let chain = DirectedGraph(nodeCount: 3, edges: [(0, 1), (1, 2)])
        assertClose(chain.closenessCentrality(), [0, 0.5, 2.0 / 3.0], relative: 1e-12, "incoming closeness")
        assertClose(chain.reversed().closenessCentrality(), [2.0 / 3.0, 0.5, 0], relative: 1e-12, "source view")
        assertClose(chain.harmonicCentrality(), [0, 1, 1.5], relative: 1e-12, "incoming harmonic")
    }

    func testSplitMix64MatchesTheReferenceSequence() {
        // Published outputs of Vigna's splitmix64.c for seeds 0 and 1234567.
        var zero = SplitMix64(seed: 0)
        XCTAssertEqual([zero.next(), zero.next(), zero.next()], [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
        var other = SplitMix64(seed: 1_234_567)
        XCTAssertEqual(other.next(), 6_457_827_717_110_365_317)
        var bounded = SplitMix64(seed: 9)
        for _ in 0 ..< 1000 {
            XCTAssertLessThan(bounded.next(below: 7), 7)
            let unit = bounded.nextUnitInterval()
            XCTAssertTrue(unit >= 0 && unit < 1)
        }
        var first = SplitMix64(seed: 5, stream: 0)
        var second = SplitMix64(seed: 5, stream: 1)
        XCTAssertNotEqual(first.next(), second.next())
    }
}
