// The centrality and diffusion measurements of reachgraph-benchmark, one JSON line per task and
// thread count, with the settings Benchmarks/peers.py gives the peers (NetworkX's defaults).

import Foundation
import ReachGraphCore

/// The names `--tasks` accepts.
let centralityTasks = [
    "pagerank", "pagerank-20", "kcore", "hits", "eigenvector", "betweenness", "closeness", "approx-betweenness", "adaptive-betweenness",
    "ic", "imm", "louvain",
]

/// Every active processor: what the library uses when no thread limit is given.
let allThreads = ProcessInfo.processInfo.activeProcessorCount

/// PageRank runs this many iterations in the fixed-iteration measurement, as the peers do.
let fixedIterations = 20

/// Node indices of the `count` largest scores, ties by index: compared across libraries, whose
/// node indices agree because peers.py numbers ids in order of first appearance as the reader does.
func top(_ scores: [Double], _ count: Int = 5) -> String {
    let order = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
    return "[" + order.prefix(count).map(String.init).joined(separator: ", ") + "]"
}

func runCentrality(_ task: String, graph: DirectedGraph, options: Options) throws {
    let repeats = options.repeats
    func report<Result>(_ measured: (times: [Double], cpu: [Double], result: Result), threads: Int = allThreads, _ extra: [(String, String)]) {
        emit(options, task: task, times: measured.times, threads: threads, extra: [("cpu_median_s", seconds(median(measured.cpu)))] + extra)
    }
    switch task {
    case "pagerank":
        let measured = try timedThrowing(repeats) { try graph.pageRank() }
        report(measured, [("iterations", "\(try pageRankIterations(graph))"), ("top", top(measured.result))])
    case "pagerank-20":
        // Tolerance 0 never converges, so exactly `maxIterations` steps run and the call throws.
        // At least 7 runs: the per-step figure below is a difference of two times, and the
        // fastest run is the one least disturbed by other work on a shared machine.
        func iterate(_ count: Int) -> (times: [Double], cpu: [Double], result: Void) {
            timed(max(repeats, 7)) { _ = try? graph.pageRank(PageRankOptions(maxIterations: count, tolerance: 0)) }
        }
        let measured = iterate(fixedIterations)
        // The marginal cost of one step, free of the set-up (inverse strengths, vectors): fastest
        // 40-step run minus fastest 20-step run, as STREAM takes the best of its repetitions.
        let longer = iterate(2 * fixedIterations)
        let fastest = { (values: [Double]) in values.min() ?? 0 }
        let step = (fastest(longer.times) - fastest(measured.times)) / Double(fixedIterations)
        let stepCPU = (fastest(longer.cpu) - fastest(measured.cpu)) / Double(fixedIterations)
        report(measured, [("iterations", "\(fixedIterations)"), ("per_iteration_s", seconds(step)), ("per_iteration_cpu_s", seconds(stepCPU)),
                          ("fastest_s", seconds(fastest(measured.times)))])
    case "kcore":
        let measured = timed(repeats) { graph.coreNumbers() }
        let maximum = measured.result.max() ?? 0
        report(measured, [("max_core", "\(maximum)"), ("max_core_size", "\(measured.result.count(where: { $0 == maximum }))")])
    case "hits":
        let measured = try timedThrowing(repeats) { try graph.hits() }
        report(measured, [("top", top(measured.result.authorities)), ("top_hubs", top(measured.result.hubs))])
    case "eigenvector":
        let measured = try timedThrowing(repeats) { try graph.eigenvectorCentrality() }
        report(measured, [("top", top(measured.result))])
    case "betweenness":
        for threads in threadCounts(options) {
            let measured = timed(repeats) { graph.betweennessCentrality(BetweennessOptions(maxConcurrency: threads)) }
            report(measured, threads: threads, [("top", top(measured.result))])
        }
    case "closeness":
        for threads in threadCounts(options) {
            let measured = timed(repeats) { graph.closenessCentrality(ClosenessOptions(maxConcurrency: threads)) }
            report(measured, threads: threads, [("top", top(measured.result))])
        }
    case "approx-betweenness":
        // ε = 0.05 and one run, as in peers.py (see EPSILON there).
        let measured = try timedThrowing(1) {
            try graph.approximateBetweennessCentrality(ApproximateBetweennessOptions(maximumError: 0.05, failureProbability: 0.1))
        }
        report(measured, [("samples", "\(measured.result.sampleSize)"), ("vertex_diameter_bound", "\(measured.result.vertexDiameterBound)"),
                          ("top", top(measured.result.values))])
    case "adaptive-betweenness":
        // The default sampler of `rank --by betweenness-approx` (top 20, seed 1), once, with what
        // each round saw: where its stopping rule holds or fails on this graph.
        for threads in threadCounts(options) {
            let measured = try timedThrowing(1) {
                try graph.adaptiveBetweennessCentrality(AdaptiveBetweennessOptions(seed: 1, maxConcurrency: threads))
            }
            let result = measured.result
            let rounds = result.history.map { round in
                "{\"sampled\": \(round.sampledSources), \"top_changed\": \(round.topChanged), \"unsettled_pairs\": \(round.unsettledPairs), "
                    + "\"tied_pairs\": \(round.tiedPairs), \"weakest_separation\": \(round.weakestSeparation.isFinite ? String(format: "%.3f", round.weakestSeparation) : "null")}"
            }
            report(measured, threads: threads, [
                ("sampled", "\(result.sampledSources)"), ("contributing", "\(result.contributingSources)"), ("ties", "\(result.ties.count)"),
                ("rounds", "[" + rounds.joined(separator: ", ") + "]"), ("top", top(result.values, 20)),
            ])
        }
    case "ic":
        // Seeds: the 50 nodes with most out-edges (the accounts most reposted).
        let seeds = (0 ..< Int32(graph.nodeCount)).sorted { graph.outDegree(of: $0) > graph.outDegree(of: $1) || (graph.outDegree(of: $0) == graph.outDegree(of: $1) && $0 < $1) }
        let runs = 1000
        let measured = try timedThrowing(repeats) {
            try graph.simulateIndependentCascade(from: Array(seeds.prefix(50)), model: .weightedCascade, runs: runs, seed: 1)
        }
        report(measured, [("runs", "\(runs)"), ("runs_per_s", String(format: "%.1f", Double(runs) / median(measured.times))),
                          ("mean_reach", String(format: "%.1f", measured.result.expectedReach))])
    case "imm":
        let measured = try timedThrowing(repeats) {
            try graph.maximizeInfluence(k: 50, model: .independentCascade(.weightedCascade), method: .imm(epsilon: 0.1, ell: 1), seed: 1)
        }
        report(measured, [("rr_sets", "\(measured.result.sampleCount)"), ("estimated_spread", String(format: "%.1f", measured.result.estimatedSpread))])
    case "louvain":
        // On the graph read as undirected with reciprocal weights summed, as the peers' undirected
        // copies are; that copy is made untimed on both sides. Louvain runs on one thread.
        let undirected = graph.symmetrized()
        let measured = timed(repeats) { undirected.louvainCommunities(seed: 1) }
        report(measured, [("modularity", String(format: "%.4f", measured.result.modularity)),
                          ("communities", "\(measured.result.partition.count)"), ("levels", "\(measured.result.levels)")])
    default:
        throw UsageError(message: "unknown task \(task)")
    }
}

/// All cores, then one thread when that is a different number: the one-thread time is the fair
/// comparison with single-threaded peers.
func threadCounts(_ options: Options) -> [Int] {
    if let threads = options.threads { return [threads] }
    return allThreads > 1 ? [allThreads, 1] : [1]
}

/// How many power-iteration steps `pageRank()` takes with default options: the fewest
/// `maxIterations` that do not throw (bisection; the iteration is deterministic, so the count is
/// well defined). Not timed.
func pageRankIterations(_ graph: DirectedGraph) throws -> Int {
    var low = 0, high = PageRankOptions().maxIterations  // low fails (or is 0), high succeeds
    while high - low > 1 {
        let middle = (low + high) / 2
        if (try? graph.pageRank(PageRankOptions(maxIterations: middle))) != nil { high = middle } else { low = middle }
    }
    return high
}

/// ``timed(_:_:)`` for a body that throws: the first error ends the measurement.
func timedThrowing<Result>(_ repeats: Int, _ body: () throws -> Result) throws -> (times: [Double], cpu: [Double], result: Result) {
    var failure: (any Error)?
    let measured = timed(repeats) { () -> Result? in
        guard failure == nil else { return nil }
        do { return try body() } catch {
            failure = error
            return nil
        }
    }
    if let failure { throw failure }
    guard let result = measured.result else { throw UsageError(message: "no result") }
    return (measured.times, measured.cpu, result)
}
