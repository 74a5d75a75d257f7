import ArgumentParser
import Foundation
import ReachGraph
import ReachGraphCore

/// The diffusion model options shared by `simulate` and `seeds`.
struct ModelOptions: ParsableArguments {
    enum Model: String, ExpressibleByArgument, CaseIterable {
        /// Independent cascade with one probability for every edge.
        case ic
        /// Linear threshold with weights 1/in-degree.
        case lt
        /// Weighted cascade: independent cascade with p = w(u,v) / in-strength(v).
        case wc
    }

    @Option(help: "Diffusion model: wc (weighted cascade, p = weight/in-strength; the default, as in the IMM paper), ic (independent cascade, one probability --p for every edge; the default when --p is given) or lt (linear threshold, weights 1/in-degree).")
    var model: Model?

    @Option(help: "Edge probability for --model ic (default 0.1).")
    var p: Double?

    @Option(help: "Seed of the random draws.")
    var seed: UInt64 = 1

    func validate() throws {
        if let p { guard p >= 0 && p <= 1 else { throw ValidationError("--p must be between 0 and 1") } }
        if p != nil, let model, model != .ic { throw ValidationError("--p applies to --model ic only") }
    }

    var diffusionModel: DiffusionModel {
        switch model ?? (p == nil ? .wc : .ic) {
        case .ic: return .independentCascade(.uniform(p ?? 0.1))
        case .wc: return .independentCascade(.weightedCascade)
        case .lt: return .linearThreshold(.inverseInDegree)
        }
    }
}

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Expected reach of content posted by given accounts, by Monte Carlo simulation, with a 95% interval.",
        discussion: """
            Runs on repost and quote relations (edges source → amplifier). By default the runs go on \
            until the 95% interval is within ±1% of the reach (256 runs first, at most 10,000); \
            --runs fixes their number. Same seed, same result on any thread count.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Comma-separated account ids that post first.")
    var seeds: String

    @OptionGroup var model: ModelOptions

    @Option(help: "Monte Carlo runs (default: until the 95% interval is within ±1% of the reach, at most 10000).")
    var runs: Int?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let runs { guard runs >= 1 else { throw ValidationError("--runs must be at least 1") } }
    }

    func run() throws {
        let progress = Progress(quiet: output.quiet)
        let dataset = try input.load(progress: progress)
        reportWarnings(dataset.diagnostics, quiet: output.quiet)
        let ids = seeds.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !ids.isEmpty else { throw ValidationError("--seeds needs at least one account id") }
        let nodes = try ids.map { id -> Int32 in
            guard let index = dataset.index(ofAccount: id) else {
                let named = dataset.accountIDs(named: id)
                let hint = named.isEmpty ? "" : " (\(id) is the name of account \(named.prefix(3).joined(separator: ", ")); --seeds takes ids)"
                throw InputError(file: "--seeds", message: "account \"\(id)\" is not in the dataset" + hint)
            }
            return index
        }
        progress.begin(runs.map { "simulating \($0) runs" } ?? "simulating until the interval is within ±1%")
        let graph = dataset.amplificationGraph()
        let estimate = try graph.simulate(
            from: nodes, model: model.diffusionModel, runs: runs.map(SimulationRuns.fixed) ?? .untilPrecise(), seed: model.seed
        )
        progress.finish()
        let title = "Reach of \(ids.joined(separator: ", ")) under \(model.diffusionModel.summary)"
        try output.emit([estimate.table(name: "simulation", title: title, accountCount: graph.nodeCount)])
    }
}

struct SeedsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seeds",
        abstract: "Which k accounts would reach the most: influence maximization (IMM by default, or CELF).",
        discussion: """
            IMM (Tang, Shi & Xiao 2015, with fresh reverse-reachable sets for the final selection) \
            returns a (1 − 1/e − ε)-approximation with probability 1 − 1/n^ℓ; CELF (lazy greedy over \
            Monte Carlo runs) suits small graphs. The chosen set's reach is then simulated for a 95% \
            interval: --runs runs, or by default until the interval is within ±1% of the reach \
            (256 runs first, at most 10,000). IMM's reverse-reachable sets are held within \
            --imm-memory MiB: under a model where content from a random account spreads to much \
            of the graph (ic with a large --p on a graph with a giant strongly connected \
            component), every set is large and the command stops with an error saying so.
            """
    )

    enum Method: String, ExpressibleByArgument, CaseIterable {
        case imm
        case celf
    }

    @OptionGroup var input: InputOptions

    @Option(help: "How many accounts to choose.")
    var k: Int

    @OptionGroup var model: ModelOptions

    @Option(help: "imm or celf.")
    var method: Method = .imm

    @Option(help: "IMM approximation parameter ε (smaller: more samples).")
    var immEpsilon = 0.1

    @Option(help: "IMM confidence parameter ℓ (success probability 1 − 1/n^ℓ).")
    var immEll = 1.0

    @Option(help: "MiB that IMM's reverse-reachable sets may hold (with their coverage index).")
    var immMemory = 512

    @Option(help: "Monte Carlo runs for CELF's estimates (default 10000) and for the final interval (default: until it is within ±1% of the reach, at most 10000).")
    var runs: Int?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard k >= 1 else { throw ValidationError("--k must be at least 1") }
        guard immEpsilon > 0 && immEpsilon < 1 else { throw ValidationError("--imm-epsilon must be between 0 and 1") }
        guard immEll > 0 && immEll.isFinite else { throw ValidationError("--imm-ell must be above 0") }
        guard immMemory >= 1 && immMemory <= Int.max >> 20 else { throw ValidationError("--imm-memory must be at least 1 (MiB)") }
        if let runs { guard runs >= 1 else { throw ValidationError("--runs must be at least 1") } }
    }

    func run() throws {
        let progress = Progress(quiet: output.quiet)
        let dataset = try input.load(progress: progress)
        reportWarnings(dataset.diagnostics, quiet: output.quiet)
        let chosen: InfluenceMaximizationMethod = method == .imm
            ? .imm(epsilon: immEpsilon, ell: immEll, memoryLimit: immMemory << 20) : .celf(runs: runs ?? 10_000)
        let selection = try SeedSelection(
            dataset: dataset, k: k, model: model.diffusionModel, method: chosen, seed: model.seed,
            runs: runs.map(SimulationRuns.fixed) ?? .untilPrecise(), onStep: progress.begin
        )
        progress.finish()
        let title = "\(k) accounts that reach the most under \(model.diffusionModel.summary) (\(method.rawValue))"
        try output.emit([selection.seedTable(dataset: dataset, title: title), selection.reachTable])
    }
}
