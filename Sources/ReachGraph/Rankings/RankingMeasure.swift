import Foundation
import ReachGraphCore

/// A measure accounts can be ranked by, named as the CLI names it.
///
/// Measures named after an algorithm run on the graph as the input states it (edges source →
/// amplifier), so their numbers equal NetworkX's on the same file. Measures named by meaning say
/// which orientation they use: `source-rank` is PageRank on the reversed graph, which rewards
/// being amplified by well-amplified accounts.
public enum RankingMeasure: String, CaseIterable, Sendable {
    case degree
    case inDegree = "in-degree"
    case outDegree = "out-degree"
    case strength
    case inStrength = "in-strength"
    case outStrength = "out-strength"
    case pageRank = "pagerank"
    case sourceRank = "source-rank"
    case hitsHub = "hits-hub"
    case hitsAuthority = "hits-authority"
    case eigenvector
    case katz
    case betweenness
    case approximateBetweenness = "betweenness-approx"
    case closeness
    case harmonic
    case core
    case collectiveInfluence = "collective-influence"
    case voteRank = "voterank"

    /// What the measure means for an analyst, in one line.
    public var meaning: String {
        switch self {
        case .degree: return "distinct accounts tied in either direction (NetworkX degree_centrality, /(n−1))"
        case .inDegree: return "distinct sources the account reposted (in_degree_centrality)"
        case .outDegree: return "distinct accounts that reposted it (out_degree_centrality)"
        case .strength: return "reposts made plus reposts received (weighted degree)"
        case .inStrength: return "reposts made (weighted in-degree)"
        case .outStrength: return "reposts received (weighted out-degree)"
        case .pageRank: return "PageRank on the graph as given (networkx.pagerank): where reposted content flows to"
        case .sourceRank: return "PageRank on the reversed graph: sources amplified by well-amplified accounts"
        case .hitsHub: return "HITS hub score: accounts whose content reaches good amplifiers"
        case .hitsAuthority: return "HITS authority score: amplifiers fed by good sources"
        case .eigenvector: return "eigenvector centrality on in-edges (networkx.eigenvector_centrality)"
        case .katz: return "Katz centrality on in-edges, α = 0.1 (networkx.katz_centrality)"
        case .betweenness: return "exact betweenness, hops (networkx.betweenness_centrality): brokers on shortest flow paths"
        case .approximateBetweenness: return "sampled betweenness: sources sampled until the top N is settled (default), or an (ε, δ) error guarantee with --epsilon (Riondato–Kornaropoulos)"
        case .closeness: return "closeness, Wasserman–Faust scaling (networkx.closeness_centrality): reached quickly from many"
        case .harmonic: return "harmonic centrality (networkx.harmonic_centrality)"
        case .core: return "k-core number on total degree (networkx.core_number)"
        case .collectiveInfluence: return "collective influence CI₂ (Morone & Makse 2015) on the undirected view"
        case .voteRank: return "VoteRank spreaders (networkx.voterank): 1/position for chosen spreaders, 0 otherwise"
        }
    }

    /// Settings of the measures that have any.
    public struct Settings: Sendable {
        public var damping = 0.85
        /// Teleport weights per node for PageRank and source-rank (`nil`: uniform).
        public var personalization: [Double]?
        /// Whether edge weights count (PageRank, HITS, strength); NetworkX's defaults otherwise.
        public var weighted = true
        public var pathLength: PathLength = .hops
        /// `betweenness-approx`: ε of a fixed Riondato–Kornaropoulos sample; `nil` (the default)
        /// samples sources until the top ``topCount`` is settled
        /// (``DirectedGraph/adaptiveBetweennessCentrality(_:)``).
        public var maximumError: Double?
        public var failureProbability = 0.1
        /// `betweenness-approx`: the k of the top k that must come out right (the rank cut).
        public var topCount = 20
        /// `betweenness-approx`: the accounts the ranking lists (`nil`: all), among which the top
        /// k is settled.
        public var candidates: [Bool]?
        /// `betweenness-approx` without ε: seconds of one thread the sampler may spend when exact
        /// betweenness is estimated to take longer (``DirectedGraph/exactBetweennessCost(sampleSize:seed:)``,
        /// deterministic, not timed); past it the sampler stops at the end of its round and a
        /// warning says the top k is not settled. `nil`: no limit.
        public var samplingBudget: Double? = Self.defaultSamplingBudget
        public var seed: UInt64 = 1

        /// Two minutes of one thread, about one on two: graphs whose exact betweenness takes up
        /// to about a minute (the 250k-node retweet and Chung–Lu graphs of BENCHMARKS.md's
        /// "Betweenness ranking") are sampled as without it, and the 2.5M IRA-sized posts' graph,
        /// whose exact betweenness is estimated at 75 minutes, answers in about a minute instead.
        public static let defaultSamplingBudget = 120.0

        public init() {}
    }

    /// Scores with the warnings and notes that go with them.
    public struct Scores: Sendable {
        /// One score per node.
        public var values: [Double]
        /// Why the scores may not be what was asked for, one line each (printed after `warning: `).
        public var warnings: [String] = []
        /// How the scores were obtained when that is not obvious, one line each.
        public var notes: [String] = []
    }

    /// The score of every node of `graph`.
    public func scores(on graph: DirectedGraph, settings: Settings = Settings()) throws -> [Double] {
        try evaluate(on: graph, settings: settings).values
    }

    /// The score of every node of `graph`, with warnings (a fixed ε too coarse to separate the
    /// top k) and notes (how much an adaptive sample followed).
    public func evaluate(on graph: DirectedGraph, settings: Settings = Settings()) throws -> Scores {
        guard self == .approximateBetweenness else { return Scores(values: try computeScores(on: graph, settings: settings)) }
        let k = settings.topCount
        guard let epsilon = settings.maximumError else {
            var options = AdaptiveBetweennessOptions(topCount: k, candidates: settings.candidates, seed: settings.seed, pathLength: settings.pathLength)
            var budgetLine = ""
            if let budget = settings.samplingBudget {
                let cost = graph.exactBetweennessCost(seed: 1)
                if cost.estimatedSeconds > budget {
                    let capped = KeyOpinionLeaders.BetweennessBudget(seconds: budget, topCount: k).samplerOptions(for: cost)
                    options.initialSampleSize = capped.initialSampleSize
                    options.maximumSearches = capped.maximumSearches
                    budgetLine = "the sampling budget of \(String(format: "%g", budget)) s of one thread (exact would take an estimated "
                        + "\(String(format: "%.2g", cost.estimatedSeconds)) s)"
                }
            }
            let result = try graph.adaptiveBetweennessCentrality(options)
            var scores = Scores(values: result.values, notes: [Self.describe(result, k: k, tolerance: options.tieTolerance, candidates: settings.candidates)])
            if !result.isSettled {
                let changed = result.history.last?.topChanged ?? true
                scores.warnings.append(
                    "betweenness-approx: the top \(k) is not settled: the sampler stopped at \(budgetLine.isEmpty ? "its search limit" : budgetLine) "
                        + "with \(groupedDigits(result.unsettledPairs)) pairs at the cut within \(String(format: "%g", options.separation)) standard errors of their difference"
                        + (changed ? " and the top \(k) still changing from round to round" : "")
                        + "; a larger --sampling-budget narrows them"
                )
            }
            return scores
        }
        let options = ApproximateBetweennessOptions(
            maximumError: epsilon, failureProbability: settings.failureProbability, seed: settings.seed, pathLength: settings.pathLength
        )
        let estimate = try graph.approximateBetweennessCentrality(options)
        var scores = Scores(values: estimate.values)
        if !estimate.separatesTop(k, candidates: settings.candidates), let gap = estimate.topGap(k, candidates: settings.candidates) {
            scores.warnings.append(
                "betweenness-approx: ε = \(epsilon) cannot separate the top \(k): the estimates ranked \(k) and \(k + 1) lie "
                    + "\(String(format: "%.2g", gap)) apart, under 2ε (largest estimate \(String(format: "%.2g", estimate.values.max() ?? 0))); "
                    + "without ε the sampler runs until the top \(k) is settled"
            )
        }
        return scores
    }

    /// One line on how far an adaptive betweenness sample went, naming by rank the pairs at the
    /// cut it stopped on as tied.
    static func describe(_ result: AdaptiveBetweenness, k: Int, tolerance: Double, candidates: [Bool]?) -> String {
        if result.isExact {
            return "betweenness-approx: all \(result.contributingSources) contributing searches followed (exact values)"
        }
        let share = Double(result.sampledSources) / Double(result.contributingSources) * 100
        var line = "betweenness-approx: \(result.sampledSources) of \(result.contributingSources) contributing searches sampled "
            + "(\(String(format: "%.3g", share))%) in \(result.rounds) rounds, "
        guard result.isSettled else { return line + "as many as the sampling budget allows" }
        line += "until the top \(k) was stable and every pair at the cut stood 2 standard errors of its difference apart"
        guard !result.ties.isEmpty else { return line }
        let order = result.values.indices.filter { candidates?[$0] ?? true }.sorted { result.values[$0] != result.values[$1] ? result.values[$0] > result.values[$1] : $0 < $1 }
        var rank = [Int: Int]()
        for (position, node) in order.enumerated() { rank[node] = position + 1 }
        let pairs = result.ties.map { "\(rank[Int($0.inside)] ?? 0) and \(rank[Int($0.outside)] ?? 0)" }
        line += " or was tied within \(String(format: "%g", tolerance * 100))%: ranks " + pairs.joined(separator: ", ") + " are statistically tied (either may belong to the top \(k))"
        return line
    }

    private func computeScores(on graph: DirectedGraph, settings: Settings) throws -> [Double] {
        switch self {
        case .degree: return graph.degreeCentrality(.both)
        case .inDegree: return graph.degreeCentrality(.incoming)
        case .outDegree: return graph.degreeCentrality(.outgoing)
        case .strength: return graph.strengths(.both)
        case .inStrength: return graph.strengths(.incoming)
        case .outStrength: return graph.strengths(.outgoing)
        case .pageRank, .sourceRank:
            let options = PageRankOptions(damping: settings.damping, personalization: settings.personalization, weighted: settings.weighted)
            return try (self == .sourceRank ? graph.reversed() : graph).pageRank(options)
        case .hitsHub, .hitsAuthority:
            // NetworkX's hits uses ARPACK; its power iteration needs more steps on some graphs.
            let scores = try graph.hits(HITSOptions(maxIterations: 1000, weighted: settings.weighted))
            return self == .hitsHub ? scores.hubs : scores.authorities
        case .eigenvector: return try graph.eigenvectorCentrality()
        case .katz: return try graph.katzCentrality()
        case .betweenness: return graph.betweennessCentrality(BetweennessOptions(pathLength: settings.pathLength))
        case .approximateBetweenness:
            return try evaluate(on: graph, settings: settings).values
        case .closeness: return graph.closenessCentrality(ClosenessOptions(pathLength: settings.pathLength))
        case .harmonic: return graph.harmonicCentrality(HarmonicOptions(pathLength: settings.pathLength))
        case .core: return graph.coreNumbers(.both).map(Double.init)
        case .collectiveInfluence: return try graph.collectiveInfluence(radius: 2)
        case .voteRank:
            var scores = [Double](repeating: 0, count: graph.nodeCount)
            for (position, node) in graph.voteRank().enumerated() { scores[Int(node)] = 1 / Double(position + 1) }
            return scores
        }
    }
}
