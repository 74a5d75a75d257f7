import ReachGraphCore

/// Finds hub-and-spoke groups in the reposts when no roster declares them: a hub whose direct
/// reposters (its out-neighbours in the flow graph) repost a good share of its originals quickly
/// while barely reposting each other.
public enum HubSpokeDetection {
    public struct Options: Sendable, Equatable {
        /// A spoke must repost directly, within the response window, at least this share of the
        /// hub's originals.
        public var minimumCoverage: Double
        /// ... and to at least this many of them, so one lucky repost is not a tie.
        public var minimumResponses: Int
        /// A group needs at least this many spokes.
        public var minimumSpokes: Int
        /// The spokes' own repost graph may have at most this density (`m / (k (k − 1))`): spokes
        /// of a hub-and-spoke structure take from the hub, not from each other.
        public var maximumSpokeDensity: Double

        public init(minimumCoverage: Double = 0.2, minimumResponses: Int = 2, minimumSpokes: Int = 3, maximumSpokeDensity: Double = 0.2) {
            self.minimumCoverage = minimumCoverage
            self.minimumResponses = minimumResponses
            self.minimumSpokes = minimumSpokes
            self.maximumSpokeDensity = maximumSpokeDensity
        }
    }

    /// The groups found, largest first (ties by hub index); each becomes a structure named
    /// `detected: <hub id>` with spokes and no units. Groups may nest (a spoke can be the hub of
    /// its own group), as declared structures do.
    ///
    /// Direct reposts are counted once per (hub original, account) within `responseWindow`, by sorting
    /// packed `(hub, account, original)` keys, so no hash table sits in the loop.
    /// - Complexity: O(posts log posts + Σ k² log) for k spokes per candidate hub.
    static func detect(dataset: Dataset, index: RepostIndex, flow: DirectedGraph, responseWindow: Double, options: Options) -> [DeclaredStructure] {
        var originals = [Int](repeating: 0, count: index.accountCount)
        for post in 0 ..< index.count where index.parents[post] < 0 && !index.parentMissing[post] { originals[Int(index.authors[post])] += 1 }
        var responses: [(pair: UInt64, root: Int32)] = []
        for post in 0 ..< index.count {
            let root = Int(index.parents[post])
            guard root >= 0, index.parents[root] < 0, !index.parentMissing[root] else { continue }
            let hub = index.authors[root], account = index.authors[post]
            let delay = index.times[post] - index.times[root]
            guard hub != account, delay >= 0, delay <= responseWindow else { continue }
            responses.append((UInt64(UInt32(hub)) << 32 | UInt64(UInt32(account)), Int32(root)))
        }
        responses.sort { $0.pair != $1.pair ? $0.pair < $1.pair : $0.root < $1.root }
        var spokesOf: [Int32: [Int32]] = [:]
        var position = 0
        while position < responses.count {
            let pair = responses[position].pair
            var distinct = 0
            var previous: Int32 = -1
            while position < responses.count && responses[position].pair == pair {
                if responses[position].root != previous { distinct += 1 }
                previous = responses[position].root
                position += 1
            }
            let hub = Int32(truncatingIfNeeded: pair >> 32), account = Int32(truncatingIfNeeded: pair & 0xFFFF_FFFF)
            let coverage = Double(distinct) / Double(max(1, originals[Int(hub)]))
            if distinct >= options.minimumResponses && coverage >= options.minimumCoverage { spokesOf[hub, default: []].append(account) }
        }
        var groups: [DeclaredStructure] = []
        for (hub, spokes) in spokesOf where spokes.count >= max(1, options.minimumSpokes) {
            let among = flow.inducedSubgraph(on: spokes).graph
            let k = Double(spokes.count)
            let density = Double(among.edgeCount - among.selfLoopCount) / (k * (k - 1))
            guard density <= options.maximumSpokeDensity else { continue }
            groups.append(DeclaredStructure(
                name: "detected: \(dataset.accounts[Int(hub)].id)", hub: hub, spokes: spokes.sorted(), isDetected: true
            ))
        }
        return groups.sorted { $0.spokes.count != $1.spokes.count ? $0.spokes.count > $1.spokes.count : $0.hub < $1.hub }
    }
}
