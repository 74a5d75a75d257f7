/// How ties between the core and the periphery count in the core–periphery pattern.
public enum CorePeripheryModel: String, Sendable, CaseIterable {
    /// The ideal has every tie touching the core and none inside the periphery (Borgatti &
    /// Everett's basic discrete model: `δ_ij = 1` when `i` or `j` is core).
    case coreTiesPresent = "core-ties-present"
    /// Core–periphery cells are left out; the ideal is a complete core and an empty periphery.
    case coreTiesIgnored = "core-ties-ignored"
}

/// A partition into core and periphery and how well the graph fits it.
public struct CorePeripheryFit: Sendable, Equatable {
    /// Whether each node is in the core.
    public let core: [Bool]
    /// Pearson correlation between the adjacency matrix and the ideal pattern.
    public let correlation: Double
}

extension DirectedGraph {
    /// Borgatti & Everett's discrete core–periphery fit of a given partition: the Pearson
    /// correlation, over the off-diagonal cells of the (directed, unweighted) adjacency matrix,
    /// between "there is an edge" and the ideal pattern `δ` of `model` (Borgatti & Everett 1999,
    /// "Models of core/periphery structures", Social Networks 21).
    /// - Returns: `nil` when either the included cells or the pattern do not vary (for example an
    ///   empty graph, or a core of one node with the ignored model).
    /// - Complexity: O(V + E).
    public func corePeripheryCorrelation(core: [Bool], model: CorePeripheryModel = .coreTiesPresent) -> Double? {
        precondition(core.count == nodeCount, "one flag per node")
        var counts = CorePeripheryCounts(coreSize: core.filter { $0 }.count, nodeCount: nodeCount)
        for source in 0 ..< nodeCount {
            for edge in outgoing.offsets[source] ..< outgoing.offsets[source + 1] {
                let target = Int(outgoing.neighbors[edge])
                if target != source { counts.add(sourceCore: core[source], targetCore: core[target]) }
            }
        }
        return counts.correlation(model)
    }

    /// The best-fitting core: exact for up to ``exhaustiveLimit`` nodes (every partition, visited
    /// in Gray-code order so each step moves one node), otherwise a deterministic local search.
    ///
    /// The local search starts from each of the three best cores made of the `k` nodes of highest
    /// degree (in + out, ties by index) and applies the first move that raises the correlation —
    /// one node changing sides, or a core node swapping with a periphery node — until none does.
    /// Borgatti & Everett search with a genetic algorithm; both are heuristics beyond the exact range.
    /// - Returns: `nil` for fewer than two nodes or when no partition gives a defined correlation.
    /// - Complexity: exact: O(2^V · d) with d the mean degree. Local search: O(V + E) per prefix, then
    ///   O(E) per pass of single moves and O(V E) per pass of swaps (counts update incrementally).
    public func corePeriphery(model: CorePeripheryModel = .coreTiesPresent) -> CorePeripheryFit? {
        guard nodeCount > 1 else { return nil }
        var empty = CorePeripheryCounts(coreSize: 0, nodeCount: nodeCount)
        for node in 0 ..< nodeCount {
            empty.peripheryPeriphery += outDegree(of: Int32(node)) - (hasEdge(from: Int32(node), to: Int32(node)) ? 1 : 0)
        }
        if nodeCount <= Self.exhaustiveLimit { return exhaustiveCorePeriphery(model: model, empty: empty) }

        let ranked = (0 ..< Int32(nodeCount)).sorted { left, right in
            let a = degree(of: left), b = degree(of: right)
            return a != b ? a > b : left < right
        }
        var core = [Bool](repeating: false, count: nodeCount)
        var counts = empty
        var prefixes: [(size: Int, value: Double)] = []
        for (index, node) in ranked.dropLast().enumerated() {
            counts = moved(Int(node), core: &core, counts: counts)
            if let value = counts.correlation(model) { prefixes.append((index + 1, value)) }
        }
        prefixes.sort { $0.value != $1.value ? $0.value > $1.value : $0.size < $1.size }
        var best: CorePeripheryFit?
        for start in prefixes.prefix(3) {
            var core = [Bool](repeating: false, count: nodeCount)
            var counts = empty
            for node in ranked.prefix(start.size) { counts = moved(Int(node), core: &core, counts: counts) }
            let value = localSearch(core: &core, counts: &counts, value: start.value, model: model)
            if value > (best?.correlation ?? -.infinity) { best = CorePeripheryFit(core: core, correlation: value) }
        }
        return best
    }

    /// Partitions up to this many nodes are searched exhaustively (2^20 steps of O(degree)).
    public static let exhaustiveLimit = 20

    private func exhaustiveCorePeriphery(model: CorePeripheryModel, empty: CorePeripheryCounts) -> CorePeripheryFit? {
        var core = [Bool](repeating: false, count: nodeCount)
        var counts = empty
        var best: CorePeripheryFit?
        for step in 1 ..< (1 << nodeCount) {
            counts = moved(step.trailingZeroBitCount, core: &core, counts: counts)
            if let value = counts.correlation(model), value > (best?.correlation ?? -.infinity) {
                best = CorePeripheryFit(core: core, correlation: value)
            }
        }
        return best
    }

    /// First-improvement search over single moves and swaps; returns the final correlation.
    private func localSearch(core: inout [Bool], counts: inout CorePeripheryCounts, value: Double, model: CorePeripheryModel) -> Double {
        var best = value
        var passes = 0
        search: while passes < nodeCount * nodeCount {
            passes += 1
            for node in 0 ..< nodeCount {
                let trial = moved(node, core: &core, counts: counts)
                if let value = trial.correlation(model), value > best + 1e-12 {
                    best = value
                    counts = trial
                    continue search
                }
                _ = moved(node, core: &core, counts: trial)
            }
            for inside in 0 ..< nodeCount where core[inside] {
                let without = moved(inside, core: &core, counts: counts)
                for outside in 0 ..< nodeCount where !core[outside] && outside != inside {
                    let trial = moved(outside, core: &core, counts: without)
                    if let value = trial.correlation(model), value > best + 1e-12 {
                        best = value
                        counts = trial
                        continue search
                    }
                    _ = moved(outside, core: &core, counts: trial)
                }
                _ = moved(inside, core: &core, counts: without)
            }
            break
        }
        return best
    }

    /// Moves `node` to the other side and returns the updated counts.
    private func moved(_ node: Int, core: inout [Bool], counts: CorePeripheryCounts) -> CorePeripheryCounts {
        var result = counts
        let wasCore = core[node]
        func shift(_ other: Int) {
            guard other != node else { return }
            result.remove(sourceCore: wasCore, targetCore: core[other])
            result.add(sourceCore: !wasCore, targetCore: core[other])
        }
        for edge in outgoing.offsets[node] ..< outgoing.offsets[node + 1] { shift(Int(outgoing.neighbors[edge])) }
        for edge in incoming.offsets[node] ..< incoming.offsets[node + 1] { shift(Int(incoming.neighbors[edge])) }
        core[node] = !wasCore
        result.coreSize += wasCore ? -1 : 1
        return result
    }
}

/// Cell and edge counts of a core–periphery partition, from which the correlation follows.
private struct CorePeripheryCounts {
    var coreSize: Int
    let nodeCount: Int
    var coreCore = 0
    var mixed = 0
    var peripheryPeriphery = 0

    init(coreSize: Int, nodeCount: Int) {
        self.coreSize = coreSize
        self.nodeCount = nodeCount
    }

    mutating func add(sourceCore: Bool, targetCore: Bool) {
        if sourceCore && targetCore { coreCore += 1 } else if sourceCore || targetCore { mixed += 1 } else { peripheryPeriphery += 1 }
    }

    mutating func remove(sourceCore: Bool, targetCore: Bool) {
        if sourceCore && targetCore { coreCore -= 1 } else if sourceCore || targetCore { mixed -= 1 } else { peripheryPeriphery -= 1 }
    }

    /// Phi coefficient of the 2 × 2 table (edge or not) × (ideal 1 or 0) over the included cells.
    func correlation(_ model: CorePeripheryModel) -> Double? {
        let k = Double(coreSize), p = Double(nodeCount - coreSize)
        let coreCells = k * (k - 1), peripheryCells = p * (p - 1), mixedCells = 2 * k * p
        let cells: Double, ideal: Double, edges: Double, matched: Double
        switch model {
        case .coreTiesPresent:
            cells = coreCells + mixedCells + peripheryCells
            ideal = coreCells + mixedCells
            edges = Double(coreCore + mixed + peripheryPeriphery)
            matched = Double(coreCore + mixed)
        case .coreTiesIgnored:
            cells = coreCells + peripheryCells
            ideal = coreCells
            edges = Double(coreCore + peripheryPeriphery)
            matched = Double(coreCore)
        }
        let spread = edges * (cells - edges) * ideal * (cells - ideal)
        guard spread > 0 else { return nil }
        return (cells * matched - edges * ideal) / spread.squareRoot()
    }
}
