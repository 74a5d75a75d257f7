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

    @Option(help: "Diffusion model: ic (independent cascade, --p), lt (linear threshold, weights 1/in-degree) or wc (weighted cascade, p = weight/in-strength).")
    var model: Model = .ic

    @Option(help: "Edge probability for --model ic.")
    var p = 0.1

    @Option(help: "Seed of the random draws.")
    var seed: UInt64 = 1

    func validate() throws {
        guard p >= 0 && p <= 1 else { throw ValidationError("--p must be between 0 and 1") }
    }

    var diffusionModel: DiffusionModel {
        switch model {
        case .ic: return .independentCascade(.uniform(p))
        case .wc: return .independentCascade(.weightedCascade)
        case .lt: return .linearThreshold(.inverseInDegree)
        }
    }

    var label: String {
        switch model {
        case .ic: return "independent cascade, p = \(formatNumber(p))"
        case .wc: return "weighted cascade (p = weight / in-strength)"
        case .lt: return "linear threshold (weights 1/in-degree)"
        }
    }

    /// Expected reach of `seeds` on `graph` under the chosen model.
    func simulate(_ graph: DirectedGraph, seeds: [Int32], runs: Int) throws -> SpreadEstimate {
        switch diffusionModel {
        case .independentCascade(let model): return try graph.simulateIndependentCascade(from: seeds, model: model, runs: runs, seed: seed)
        case .linearThreshold(let model): return try graph.simulateLinearThreshold(from: seeds, model: model, runs: runs, seed: seed)
        }
    }
}

/// Diffusion runs on the amplification graph: repost and quote relations, source → amplifier.
private func amplificationGraph(_ dataset: Dataset) -> DirectedGraph {
    dataset.graph(types: KeyOpinionLeaders.amplificationTypes)
}

private func reachRows(_ estimate: SpreadEstimate, nodes: Int) -> [[Cell]] {
    [
        [.text("expected reach"), .number(estimate.expectedReach)],
        [.text("95% interval low"), .number(estimate.confidenceInterval.lowerBound)],
        [.text("95% interval high"), .number(estimate.confidenceInterval.upperBound)],
        [.text("standard deviation"), .number(estimate.standardDeviation)],
        [.text("share of accounts"), .number(nodes > 0 ? estimate.expectedReach / Double(nodes) : 0)],
        [.text("runs"), .integer(estimate.runs)],
    ]
}

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Expected reach of content posted by given accounts, by Monte Carlo simulation, with a 95% interval.",
        discussion: "Runs on repost and quote relations (edges source → amplifier). Same seed, same result on any thread count."
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Comma-separated account ids that post first.")
    var seeds: String

    @OptionGroup var model: ModelOptions

    @Option(help: "Monte Carlo runs.")
    var runs = 10_000

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
    }

    func run() throws {
        let progress = Progress(quiet: output.quiet)
        let dataset = try input.load(progress: progress)
        reportWarnings(dataset, quiet: output.quiet)
        let ids = seeds.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !ids.isEmpty else { throw ValidationError("--seeds needs at least one account id") }
        let nodes = try ids.map { id -> Int32 in
            guard let index = dataset.index(ofAccount: id) else { throw InputError(file: "--seeds", message: "account \"\(id)\" is not in the dataset") }
            return index
        }
        progress.begin("simulating \(runs) runs")
        let graph = amplificationGraph(dataset)
        let estimate = try model.simulate(graph, seeds: nodes, runs: runs)
        progress.finish()
        let table = ResultTable(
            name: "simulation", title: "Reach of \(ids.joined(separator: ", ")) under \(model.label)",
            columns: ["measure", "value"], rows: reachRows(estimate, nodes: graph.nodeCount)
        )
        try output.emit([table])
    }
}

struct SeedsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seeds",
        abstract: "Which k accounts would reach the most: influence maximization (IMM by default, or CELF).",
        discussion: """
            IMM (Tang, Shi & Xiao 2015, with fresh reverse-reachable sets for the final selection) \
            returns a (1 − 1/e − ε)-approximation with probability 1 − 1/n^ℓ; CELF (lazy greedy over \
            Monte Carlo runs) suits small graphs. The chosen set's reach is then simulated with \
            --runs runs for a 95% interval.
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
    var epsilon = 0.1

    @Option(help: "IMM confidence parameter ℓ (success probability 1 − 1/n^ℓ).")
    var ell = 1.0

    @Option(help: "Monte Carlo runs for CELF's estimates and for the final interval.")
    var runs = 10_000

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard k >= 1 else { throw ValidationError("--k must be at least 1") }
        guard epsilon > 0 && epsilon < 1 else { throw ValidationError("--epsilon must be between 0 and 1") }
        guard ell > 0 else { throw ValidationError("--ell must be above 0") }
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
    }

    func run() throws {
        let progress = Progress(quiet: output.quiet)
        let dataset = try input.load(progress: progress)
        reportWarnings(dataset, quiet: output.quiet)
        let graph = amplificationGraph(dataset)
        progress.begin("choosing \(k) seeds by \(method.rawValue)")
        let chosen: InfluenceMaximizationMethod = method == .imm ? .imm(epsilon: epsilon, ell: ell) : .celf(runs: runs)
        let result = try graph.maximizeInfluence(k: k, model: model.diffusionModel, method: chosen, seed: model.seed)
        progress.begin("simulating the chosen set")
        let estimate = try model.simulate(graph, seeds: result.seeds, runs: runs)
        progress.finish()
        var seedsTable = ResultTable(
            name: "seeds", title: "\(k) accounts that reach the most under \(model.label) (\(method.rawValue))",
            columns: ["order", "id", "marginal_gain"] + RankingTable.attributeColumns
        )
        for (position, node) in result.seeds.enumerated() {
            let account = dataset.accounts[Int(node)]
            let gain = position < result.marginalGains.count ? Cell.number(result.marginalGains[position]) : .missing
            seedsTable.rows.append([.integer(position + 1), .text(account.id), gain] + RankingTable.attributes(of: account))
        }
        let reach = ResultTable(name: "reach", title: "Expected reach of the chosen set", columns: ["measure", "value"], rows: reachRows(estimate, nodes: graph.nodeCount))
        try output.emit([seedsTable, reach])
    }
}
