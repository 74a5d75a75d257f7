import ReachGraphCore

/// One undirected edge of a co-action network: two accounts that shared the same objects in time.
public struct CoActionEdge: Sendable, Equatable {
    /// Account indices into ``CoActionNetwork/accountIDs``; `accountA ≤ accountB` (equal for a
    /// self-loop).
    public var accountA: Int32
    public var accountB: Int32
    /// Co-action pairs (CooRTweet's `weight`).
    public var coShares: Int
    /// Distinct objects the pairs are about.
    public var objects: Int
    /// Distinct messages of A matched by a share of B (QUT's directed weight A → B), and the reverse.
    public var messagesA: Int
    public var messagesB: Int
    /// Mean `|Δt|` of the pairs, seconds.
    public var meanDelta: Double

    /// Edge symmetry score: `min(messagesA, messagesB) / max(messagesA, messagesB)`, 1 when both
    /// accounts contribute equally and near 0 when one hyperactive account makes the edge
    /// (CooRTweet's `edge_symmetry_score`, counted per account as its documentation describes).
    public var symmetry: Double {
        let larger = max(messagesA, messagesB)
        return larger == 0 ? 0 : Double(min(messagesA, messagesB)) / Double(larger)
    }

    /// The edge's weight in `measure`.
    public func weight(_ measure: CoActionWeight) -> Double {
        switch measure {
        case .coShares: return Double(coShares)
        case .objects: return Double(objects)
        case .messages: return Double(max(messagesA, messagesB))
        }
    }
}

/// A co-action (coordination) network: accounts joined when they share the same objects within a
/// time window, with the edge weights and filters of CooRTweet, QUT's toolkit and CooRnet.
public struct CoActionNetwork: Sendable {
    /// Every account of the log, by index.
    public let accountIDs: [String]
    public let options: CoActionOptions
    /// The edges that pass every filter, heaviest first (ties in order of first appearance of
    /// their accounts in the input).
    public let edges: [CoActionEdge]
    /// Matched co-action pairs, before edge filters.
    public let pairCount: Int
    /// Edges before the minimum weight and rank filters.
    public let unfilteredEdgeCount: Int
    /// Edges at or above the minimum weight, and their summed weight, before rank filters.
    public let thresholdedEdgeCount: Int
    public let thresholdedWeight: Double
    /// Shares, objects and what the log left out.
    public let shareCount: Int
    public let objectCount: Int
    public let diagnostics: Diagnostics

    /// Detects co-action in `log`.
    /// - Complexity: O(n log n + pairs) time (n shares), O(n + edges) memory; see ``CoActionSweep``.
    public init(log: ShareLog, options: CoActionOptions) {
        let counts = CoActionCounts(log: log, options: options, times: log.shareTimes)
        var all: [CoActionEdge] = []
        all.reserveCapacity(counts.table.count)
        for slot in counts.table.occupiedSlots {
            let edge = Self.edge(counts.table, slot: slot)
            if edge.weight(options.weight) >= options.minWeight { all.append(edge) }
        }
        accountIDs = log.accounts.identifiers
        self.options = options
        thresholdedEdgeCount = all.count
        thresholdedWeight = all.reduce(0) { $0 + $1.weight(options.weight) }
        edges = Self.ranked(all, options: options)
        pairCount = counts.pairs
        unfilteredEdgeCount = counts.table.count
        shareCount = log.count
        objectCount = log.objects.count
        diagnostics = log.diagnostics
    }

    static func edge(_ table: EdgeAccumulator, slot: Int) -> CoActionEdge {
        let entry = table.entries[slot]
        return CoActionEdge(
            accountA: Int32(truncatingIfNeeded: entry.key >> 32), accountB: Int32(truncatingIfNeeded: entry.key & 0xFFFF_FFFF),
            coShares: entry.pairs, objects: Int(entry.objects),
            messagesA: Int(entry.lowMessages), messagesB: Int(entry.highMessages),
            meanDelta: entry.pairs > 0 ? entry.deltaSum / Double(entry.pairs) : 0
        )
    }

    /// Sorts heaviest first and applies the top-k or percentile filter.
    static func ranked(_ edges: [CoActionEdge], options: CoActionOptions) -> [CoActionEdge] {
        let measure = options.weight
        var sorted = edges.sorted { left, right in
            let a = left.weight(measure), b = right.weight(measure)
            if a != b { return a > b }
            return (left.accountA, left.accountB) < (right.accountA, right.accountB)
        }
        switch options.edgeFilter {
        case .none:
            break
        case .top(let k):
            if sorted.count > k { sorted.removeLast(sorted.count - max(0, k)) }
        case .percentile(let percent):
            let threshold = sampleQuantile(sorted.reversed().map { $0.weight(measure) }, percent / 100) ?? -.infinity
            if options.matching == .bins {
                // At or above it, as CooRnet's `weight >= quantile(weight, percentile_edge_weight)`.
                sorted = sorted.filter { $0.weight(measure) >= threshold }
            } else {
                // Above it, as CooRTweet's weight_threshold (`weight > quantile(...)`).
                sorted = sorted.filter { $0.weight(measure) > threshold }
            }
        }
        return sorted
    }

    /// The accounts that have at least one edge, ascending by index.
    public var connectedAccounts: [Int32] {
        var seen = [Bool](repeating: false, count: accountIDs.count)
        for edge in edges {
            seen[Int(edge.accountA)] = true
            seen[Int(edge.accountB)] = true
        }
        return seen.indices.filter { seen[$0] }.map { Int32($0) }
    }

    /// The network as a symmetric graph on ``connectedAccounts`` (node `i` is
    /// `connectedAccounts[i]`): each edge both ways, a self-loop once, weighted by
    /// ``CoActionOptions/weight``. Ready for ``DirectedGraph/louvainCommunities(resolution:threshold:seed:)``.
    public func graph() -> (graph: DirectedGraph, accounts: [Int32]) {
        let accounts = connectedAccounts
        var node = [Int32](repeating: -1, count: accountIDs.count)
        for (index, account) in accounts.enumerated() { node[Int(account)] = Int32(index) }
        let builder = GraphBuilder(nodeCount: accounts.count, expectedEdgeCount: 2 * edges.count)
        for edge in edges {
            let a = node[Int(edge.accountA)], b = node[Int(edge.accountB)]
            let weight = edge.weight(options.weight)
            builder.addEdge(from: a, to: b, weight: weight)
            if a != b { builder.addEdge(from: b, to: a, weight: weight) }
        }
        return (builder.build(), accounts)
    }
}
