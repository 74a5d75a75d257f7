import ReachGraphCore

extension Dataset {
    /// The graph diffusion runs on: repost and quote relations, source → amplifier.
    public func amplificationGraph() -> DirectedGraph {
        graph(types: KeyOpinionLeaders.amplificationTypes)
    }
}

/// "Which k accounts would reach the most", as `reachgraph seeds` and the briefing answer it:
/// influence maximization on the amplification graph, then a fresh Monte Carlo estimate of the
/// chosen set's reach with a 95% interval.
///
/// - Complexity: that of ``DirectedGraph/maximizeInfluence(k:model:method:seed:parallelism:)``
///   plus the simulations `runs` asks for from the chosen set.
public struct SeedSelection: Sendable {
    public let model: DiffusionModel
    public let choice: InfluenceMaximizationResult
    /// The chosen set's reach over the simulations `runs` asks for (seeded by the same seed).
    public let estimate: SpreadEstimate
    /// Accounts in the graph, for the share of accounts reached.
    public let accountCount: Int

    /// - Parameters:
    ///   - runs: simulations of the chosen set for the interval: by default until its 95%
    ///     interval is within ±1% of the reach (at most 10,000 runs).
    ///   - onStep: called with the name of each step as it starts (for progress display).
    public init(
        dataset: Dataset, k: Int, model: DiffusionModel, method: InfluenceMaximizationMethod = .imm(), seed: UInt64,
        runs: SimulationRuns = .untilPrecise(),
        onStep: (String) -> Void = { _ in }
    ) throws {
        let graph = dataset.amplificationGraph()
        self.model = model
        accountCount = graph.nodeCount
        onStep("choosing \(k) seeds")
        choice = try graph.maximizeInfluence(k: k, model: model, method: method, seed: seed)
        onStep("simulating the chosen set")
        estimate = try graph.simulate(from: choice.seeds, model: model, runs: runs, seed: seed)
    }

    /// `order,id,marginal_gain` and the account attributes, one row per chosen account in the
    /// order chosen.
    public func seedTable(dataset: Dataset, name: String = "seeds", title: String) -> ResultTable {
        var table = ResultTable(name: name, title: title, columns: ["order", "id", "marginal_gain"] + RankingTable.attributeColumns(for: dataset))
        let entity = dataset.hasEntities
        for (position, node) in choice.seeds.enumerated() {
            let account = dataset.accounts[Int(node)]
            let gain = position < choice.marginalGains.count ? Cell.number(choice.marginalGains[position]) : .missing
            table.rows.append([.integer(position + 1), .text(account.id), gain] + RankingTable.attributes(of: account, withEntity: entity))
        }
        return table
    }

    /// The `reach` table of the chosen set's estimate.
    public var reachTable: ResultTable {
        estimate.table(name: "reach", title: "Expected reach of the chosen set", accountCount: accountCount)
    }
}

extension SpreadEstimate {
    /// A `measure,value` table: expected reach, its 95% interval, standard deviation, share of
    /// the `accountCount` accounts reached, and runs.
    public func table(name: String, title: String, accountCount: Int) -> ResultTable {
        ResultTable(
            name: name, title: title, columns: ["measure", "value"],
            rows: [
                [.text("expected reach"), .number(expectedReach)],
                [.text("95% interval low"), .number(confidenceInterval.lowerBound)],
                [.text("95% interval high"), .number(confidenceInterval.upperBound)],
                [.text("standard deviation"), .number(standardDeviation)],
                [.text("share of accounts"), .number(accountCount > 0 ? expectedReach / Double(accountCount) : 0)],
                [.text("runs"), .integer(runs)],
            ]
        )
    }
}

extension DiffusionModel {
    /// The model in words, for table titles.
    public var summary: String {
        switch self {
        case .independentCascade(.weightedCascade): return "weighted cascade (p = weight / in-strength)"
        case .independentCascade(.uniform(let p)): return "independent cascade, p = \(formatNumber(p))"
        case .independentCascade: return "independent cascade"
        case .linearThreshold(.inverseInDegree): return "linear threshold (weights 1/in-degree)"
        case .linearThreshold: return "linear threshold"
        }
    }
}
