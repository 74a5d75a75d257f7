import ReachGraph
import ReachGraphCore

/// The nodes and edges a figure draws after ``Legibility`` has trimmed a graph, and the sentence
/// that says what was cut.
struct LegibilityTrim {
    /// Drawn nodes, ascending graph indices.
    let nodes: [Int32]
    /// Drawn edges, in graph edge order.
    let edges: [(source: Int32, target: Int32, weight: Double)]
    /// "showing 150 of 4,012 accounts: k-core ≥ 5", or `nil` when nothing was cut.
    let note: String?

    /// Trims `graph` (restricted to `candidates`, all nodes when `nil`) to `legibility`'s budgets.
    ///
    /// `keep` (the ego of an ego network) is always drawn. `scores` rank nodes for
    /// ``Legibility/Strategy/topScores`` and inside an innermost core that is still too big.
    /// - Complexity: O(V log V + E log E) (sorting by score and weight).
    init(graph: DirectedGraph, candidates: [Int32]? = nil, scores: NodeScores, legibility: Legibility, keep: Int32? = nil, noun: String = "accounts") {
        var inSet = [Bool](repeating: candidates == nil, count: graph.nodeCount)
        for node in candidates ?? [] where Int(node) < graph.nodeCount { inSet[Int(node)] = true }
        let pool = (0 ..< Int32(graph.nodeCount)).filter { inSet[Int($0)] }
        var reasons: [String] = []

        var chosen = pool
        if pool.count > legibility.maxNodes || Self.edgeCount(graph, inSet) > legibility.maxEdges {
            if legibility.strategy == .kCore {
                let (core, k) = Self.smallestFittingCore(graph, inSet: inSet, legibility: legibility)
                chosen = core
                if k > 0 { reasons.append("k-core ≥ \(k)") }
                // A repost network's biggest sources sit at the centre of stars, whose leaves keep
                // their core numbers low: the core that fits can leave them out and most of the
                // budget unused (Weibo's sample: 11 of 150 places, none of the four largest
                // cascades' authors). The rest of the budget goes to the highest-scoring others.
                let room = legibility.maxNodes - core.count
                if k > 0 && room > 0 {
                    var inCore = [Bool](repeating: false, count: graph.nodeCount)
                    for node in core { inCore[Int(node)] = true }
                    let added = Self.top(pool.filter { !inCore[Int($0)] }, by: scores, count: room)
                    if !added.isEmpty {
                        chosen = (core + added).sorted()
                        reasons.append("and the \(groupedDigits(added.count)) others highest by \(scores.name)")
                    }
                }
            }
            if chosen.count > legibility.maxNodes {
                chosen = Self.top(chosen, by: scores, count: legibility.maxNodes)
                reasons.append("top \(groupedDigits(legibility.maxNodes)) by \(scores.name)")
            }
        }
        if let keep, Int(keep) < graph.nodeCount, !chosen.contains(keep) {
            chosen.append(keep)
            chosen.sort()
        }

        var chosenSet = [Bool](repeating: false, count: graph.nodeCount)
        for node in chosen { chosenSet[Int(node)] = true }
        var edges = graph.edges.filter { chosenSet[Int($0.source)] && chosenSet[Int($0.target)] }
        let edgesAmongChosen = edges.count
        if edges.count > legibility.maxEdges {
            let heaviest = edges.indices.sorted { edges[$0].weight != edges[$1].weight ? edges[$0].weight > edges[$1].weight : $0 < $1 }
            edges = heaviest.prefix(legibility.maxEdges).sorted().map { edges[$0] }
            reasons.append("the \(groupedDigits(edges.count)) heaviest of \(groupedDigits(edgesAmongChosen)) ties")
        }
        nodes = chosen
        self.edges = edges
        note = reasons.isEmpty ? nil : "showing \(groupedDigits(chosen.count)) of \(groupedDigits(pool.count)) \(noun): " + reasons.joined(separator: ", ")
    }

    private static func edgeCount(_ graph: DirectedGraph, _ inSet: [Bool]) -> Int {
        var count = 0
        for source in 0 ..< Int32(graph.nodeCount) where inSet[Int(source)] {
            for target in graph.outgoing.neighbors(of: source) where inSet[Int(target)] { count += 1 }
        }
        return count
    }

    /// The k-core (within the candidate set) for the smallest k that fits both budgets, or the
    /// innermost core when none does.
    private static func smallestFittingCore(_ graph: DirectedGraph, inSet: [Bool], legibility: Legibility) -> (nodes: [Int32], k: Int) {
        let sub = graph.inducedSubgraph(on: (0 ..< Int32(graph.nodeCount)).filter { inSet[Int($0)] })
        let core = sub.graph.coreNumbers(.both)
        let maxCore = core.max() ?? 0
        // Nodes and edges in the k-core for every k, from suffix sums of core numbers.
        var nodesAtLeast = [Int](repeating: 0, count: maxCore + 2)
        var edgesAtLeast = [Int](repeating: 0, count: maxCore + 2)
        for value in core { nodesAtLeast[value] += 1 }
        for edge in sub.graph.edges { edgesAtLeast[min(core[Int(edge.source)], core[Int(edge.target)])] += 1 }
        for k in stride(from: maxCore, through: 0, by: -1) {
            nodesAtLeast[k] += nodesAtLeast[k + 1]
            edgesAtLeast[k] += edgesAtLeast[k + 1]
        }
        let k = (0 ... maxCore).first { nodesAtLeast[$0] <= legibility.maxNodes && edgesAtLeast[$0] <= legibility.maxEdges } ?? maxCore
        let members = sub.originalNodes.indices.filter { core[$0] >= k }.map { sub.originalNodes[$0] }
        return (members, k)
    }

    /// The `count` highest-scoring of `nodes`, ascending by index.
    private static func top(_ nodes: [Int32], by scores: NodeScores, count: Int) -> [Int32] {
        let ranked = nodes.sorted { scores.value(of: $0) != scores.value(of: $1) ? scores.value(of: $0) > scores.value(of: $1) : $0 < $1 }
        return ranked.prefix(count).sorted()
    }
}
