/// How an active node passes content on in the independent cascade model.
///
/// In the independent cascade (IC) model (Kempe, Kleinberg & Tardos 2003, "Maximizing the Spread
/// of Influence through a Social Network"), a node that becomes active gets one chance to activate
/// each inactive out-neighbour `v` along edge `u → v`, succeeding with probability `p(u, v)`
/// independently of everything else. With edges drawn source → amplifier, `p(u, v)` reads as "the
/// chance that `v` reposts what `u` posted".
public enum IndependentCascadeModel: Sendable, Equatable {
    /// Every edge fires with the same probability, in [0, 1].
    case uniform(Double)
    /// One probability per edge, parallel to `graph.outgoing.neighbors` (edge `i` of the CSR),
    /// each in [0, 1].
    case perEdge([Double])
    /// Kempe et al.'s weighted cascade: `p(u, v) = 1 / inDegree(v)`; on a weighted graph,
    /// `p(u, v) = w(u, v) / inStrength(v)`, so an amplifier who reposts `u` three times as often
    /// as `x` is three times as likely to pick up `u`'s content. Either way the probabilities
    /// entering a node sum to 1 (0 when all its in-edges weigh 0). Self-loops count toward the
    /// in-degree (they can never fire).
    case weightedCascade
}

/// The influence weights `b(u, v)` of the linear threshold model.
///
/// In the linear threshold (LT) model (Kempe et al. 2003; Granovetter 1978), every node `v` draws a
/// threshold θ_v uniformly from [0, 1] per run and becomes active once the weights of its active
/// in-neighbours reach it: Σ_{active u} b(u, v) ≥ θ_v. The weights entering each node must sum to
/// at most 1. Self-loops count toward the in-degree and in-strength (they can never fire).
public enum LinearThresholdModel: Sendable, Equatable {
    /// `b(u, v) = 1 / inDegree(v)`, ignoring edge weights (Kempe et al.'s experiments).
    case inverseInDegree
    /// `b(u, v) = w(u, v) / inStrength(v)`: repost counts decide how much each source sways `v`
    /// (0 when all of `v`'s in-edges weigh 0).
    case normalizedWeights
    /// One weight per edge, parallel to `graph.outgoing.neighbors`, non-negative, summing to at
    /// most 1 over each node's in-edges (1e-9 of slack absorbs rounding).
    case perEdge([Double])
}

/// A diffusion model for influence maximization.
public enum DiffusionModel: Sendable, Equatable {
    /// The independent cascade model with the given edge probabilities.
    case independentCascade(IndependentCascadeModel)
    /// The linear threshold model with the given influence weights.
    case linearThreshold(LinearThresholdModel = .inverseInDegree)
}

/// Edge probabilities after validation: one number, or one per outgoing edge.
enum CascadeProbabilities {
    case uniform(Double)
    case perEdge([Double])

    /// The probability of every edge, in `outgoing.neighbors` order.
    func perEdgeValues(edgeCount: Int) -> [Double] {
        switch self {
        case .uniform(let probability): [Double](repeating: probability, count: edgeCount)
        case .perEdge(let values): values
        }
    }
}

extension DirectedGraph {
    /// `seeds` with repeats removed (first occurrence kept), or the first seed out of range.
    func validatedSeeds(_ seeds: [Int32]) throws(DiffusionError) -> [Int32] {
        var seen = [Bool](repeating: false, count: nodeCount)
        var unique: [Int32] = []
        unique.reserveCapacity(seeds.count)
        for seed in seeds {
            guard seed >= 0 && Int(seed) < nodeCount else {
                throw .seedOutOfRange(node: seed, nodeCount: nodeCount)
            }
            if !seen[Int(seed)] {
                seen[Int(seed)] = true
                unique.append(seed)
            }
        }
        return unique
    }

    /// The checked edge probabilities of `model`.
    func cascadeProbabilities(_ model: IndependentCascadeModel) throws(DiffusionError) -> CascadeProbabilities {
        switch model {
        case .uniform(let probability):
            guard probability >= 0 && probability <= 1 else { throw .probabilityOutOfRange(edge: nil, value: probability) }
            return .uniform(probability)
        case .perEdge(let values):
            guard values.count == edgeCount else { throw .edgeValueCountMismatch(expected: edgeCount, actual: values.count) }
            for (edge, value) in values.enumerated() where !(value >= 0 && value <= 1) {
                throw .probabilityOutOfRange(edge: edge, value: value)
            }
            return .perEdge(values)
        case .weightedCascade:
            let values = weightsOverInStrength()
            for (edge, value) in values.enumerated() where !(value >= 0 && value <= 1) {
                throw .probabilityOutOfRange(edge: edge, value: value)
            }
            return .perEdge(values)
        }
    }

    /// The checked linear-threshold weights of `model`, in `outgoing.neighbors` order.
    func thresholdWeights(_ model: LinearThresholdModel) throws(DiffusionError) -> [Double] {
        let values: [Double]
        switch model {
        case .inverseInDegree:
            values = outgoing.neighbors.map { 1 / Double(inDegree(of: $0)) }
        case .normalizedWeights:
            values = weightsOverInStrength()
        case .perEdge(let given):
            guard given.count == edgeCount else { throw .edgeValueCountMismatch(expected: edgeCount, actual: given.count) }
            values = given
        }
        var inSums = [Double](repeating: 0, count: nodeCount)
        for (edge, value) in values.enumerated() {
            guard value >= 0 && value.isFinite else { throw .thresholdWeightOutOfRange(edge: edge, value: value) }
            inSums[Int(outgoing.neighbors[edge])] += value
        }
        for (node, sum) in inSums.enumerated() where sum > 1 + 1e-9 {
            throw .thresholdWeightsExceedOne(node: Int32(node), sum: sum)
        }
        return values
    }

    /// `w(u, v) / inStrength(v)` for every edge, in `outgoing.neighbors` order; 0 into a node
    /// whose in-edges all weigh 0 (0 / 0 would stop every model with a NaN probability, and a
    /// tie of weight 0 carries nothing).
    private func weightsOverInStrength() -> [Double] {
        let inStrengths = (0 ..< Int32(nodeCount)).map { inStrength(of: $0) }
        return outgoing.neighbors.indices.map { edge in
            let strength = inStrengths[Int(outgoing.neighbors[edge])]
            return strength > 0 ? outgoing.weight(at: edge) / strength : 0
        }
    }

    /// `values` (one per edge in `outgoing.neighbors` order) rearranged into `incoming.neighbors`
    /// order.
    ///
    /// In-rows list sources in ascending order, so walking out-rows source by source and filling
    /// each target's in-row front to back lands every edge in its in-row slot.
    /// - Complexity: O(V + E).
    func incomingOrder(of values: [Double]) -> [Double] {
        var result = [Double](repeating: 0, count: values.count)
        var cursor = incoming.offsets
        for source in 0 ..< nodeCount {
            for edge in outgoing.offsets[source] ..< outgoing.offsets[source + 1] {
                let target = Int(outgoing.neighbors[edge])
                result[cursor[target]] = values[edge]
                cursor[target] += 1
            }
        }
        return result
    }
}
