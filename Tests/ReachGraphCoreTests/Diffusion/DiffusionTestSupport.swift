import ReachGraphCore
import XCTest

/// A reproducible random graph: `edgeCount` distinct edges, no self-loops.
func randomGraph(nodeCount: Int, edgeCount: Int, seed: UInt64, weighted: Bool = false) -> DirectedGraph {
    var generator = SplitMix64(seed: seed)
    var seen = Set<Int>()
    var edges: [(Int32, Int32, Double)] = []
    while edges.count < edgeCount {
        let source = Int(generator.next() % UInt64(nodeCount))
        let target = Int(generator.next() % UInt64(nodeCount))
        guard source != target, seen.insert(source * nodeCount + target).inserted else { continue }
        edges.append((Int32(source), Int32(target), weighted ? Double(1 + generator.next() % 4) : 1))
    }
    return DirectedGraph(nodeCount: nodeCount, weightedEdges: edges)
}

/// Exact expected reach of seed sets, by summing over every live-edge graph with its probability.
///
/// A live-edge graph is a subset of the edges; its probability is given by `outcomes`, which
/// lists `(live edges as a bit mask over edge indices, probability)`. Node reach is a bit mask
/// over nodes, so the graph must have at most 32 nodes.
func exactSpreads(of seedSets: [[Int32]], in graph: DirectedGraph, outcomes: [(live: UInt64, probability: Double)]) -> [Double] {
    precondition(graph.nodeCount <= 32)
    let sources = graph.edges.map { Int($0.source) }
    let targets = graph.edges.map { Int($0.target) }
    var spreads = [Double](repeating: 0, count: seedSets.count)
    var reach = [UInt32](repeating: 0, count: graph.nodeCount)
    let flatSeeds = seedSets.map { $0.map(Int.init) }
    for outcome in outcomes where outcome.probability > 0 {
        for node in 0 ..< graph.nodeCount { reach[node] = 1 << UInt32(node) }
        var changed = true
        while changed { // reach[u] ⊇ reach[v] for every live u → v, to a fixed point
            changed = false
            var live = outcome.live
            while live != 0 {
                let edge = live.trailingZeroBitCount
                live &= live - 1
                let merged = reach[sources[edge]] | reach[targets[edge]]
                if merged != reach[sources[edge]] {
                    reach[sources[edge]] = merged
                    changed = true
                }
            }
        }
        for index in flatSeeds.indices {
            var covered: UInt32 = 0
            for node in flatSeeds[index] { covered |= reach[node] }
            spreads[index] += outcome.probability * Double(covered.nonzeroBitCount)
        }
    }
    return spreads
}

/// Every live-edge graph of the independent cascade with edge probabilities `p` (in `graph.edges`
/// order, which is `outgoing.neighbors` order).
func cascadeOutcomes(_ p: [Double]) -> [(live: UInt64, probability: Double)] {
    precondition(p.count <= 20)
    return (0 ..< UInt64(1) << UInt64(p.count)).map { mask in
        var probability = 1.0
        for (index, value) in p.enumerated() { probability *= mask & (1 << UInt64(index)) != 0 ? value : 1 - value }
        return (mask, probability)
    }
}

/// Every live-edge graph of the linear threshold model with weights `b` (in `graph.edges`
/// order): each node keeps one in-edge with its weight, or none with the rest (Kempe et al. 2003).
func thresholdOutcomes(_ b: [Double], in graph: DirectedGraph) -> [(live: UInt64, probability: Double)] {
    let edges = graph.edges
    var outcomes: [(live: UInt64, probability: Double)] = [(0, 1)]
    for node in 0 ..< Int32(graph.nodeCount) {
        let inEdges = edges.indices.filter { edges[$0].target == node }
        let none = 1 - inEdges.reduce(0) { $0 + b[$1] }
        var next: [(live: UInt64, probability: Double)] = []
        for outcome in outcomes {
            next.append((outcome.live, outcome.probability * none))
            for edge in inEdges { next.append((outcome.live | 1 << UInt64(edge), outcome.probability * b[edge])) }
        }
        outcomes = next
    }
    return outcomes
}

/// All `k`-subsets of `0 ..< n`, in lexicographic order.
func subsets(of n: Int, size k: Int) -> [[Int32]] {
    guard k > 0 else { return [[]] }
    guard k <= n else { return [] }
    var result: [[Int32]] = []
    var current: [Int32] = []
    func extend(from start: Int) {
        if current.count == k {
            result.append(current)
            return
        }
        for node in start ..< n {
            current.append(Int32(node))
            extend(from: node + 1)
            current.removeLast()
        }
    }
    extend(from: 0)
    return result
}

/// Asserts `estimate` is within `sigmas` standard errors of `exact` (standard error of a mean of
/// `runs` samples with standard deviation `deviation`).
func assertWithinStandardErrors(_ estimate: Double, _ exact: Double, deviation: Double, runs: Int, sigmas: Double = 4, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
    let standardError = deviation / Double(runs).squareRoot()
    XCTAssertLessThanOrEqual(abs(estimate - exact), sigmas * standardError + 1e-12, "\(message): \(estimate) vs exact \(exact), SE \(standardError)", file: file, line: line)
}

/// Asserts that `body` throws exactly `expected`.
func assertThrows<T>(_ expected: DiffusionError, file: StaticString = #filePath, line: UInt = #line, _ body: () throws(DiffusionError) -> T) {
    do {
        _ = try body()
        XCTFail("expected \(expected), got a result", file: file, line: line)
    } catch {
        XCTAssertEqual(error, expected, file: file, line: line)
    }
}
