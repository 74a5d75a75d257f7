import Foundation
import ReachGraphCore

/// A statistic of the observed network against its values in time-shuffled copies.
public struct ShuffledStatistic: Sendable, Equatable {
    public var observed: Double
    /// Mean and sample standard deviation over the shuffles.
    public var expected: Double
    public var standardDeviation: Double
    /// `(observed − expected) / standardDeviation`; `nil` when the shuffles never vary.
    public var z: Double? { standardDeviation > 0 ? (observed - expected) / standardDeviation : nil }
    /// Upper-tail empirical p-value `(1 + #{shuffled ≥ observed}) / (R + 1)` (Davison & Hinkley 1997).
    public var p: Double

    init(observed: Double, sum: Double, squares: Double, atLeast: Int, shuffles: Int) {
        self.observed = observed
        let mean = shuffles > 0 ? sum / Double(shuffles) : 0
        expected = mean
        standardDeviation = shuffles > 1 ? (max(0, squares - Double(shuffles) * mean * mean) / Double(shuffles - 1)).squareRoot() : 0
        p = Double(1 + atLeast) / Double(shuffles + 1)
    }
}

/// How a shuffled copy of a share log is drawn.
public enum ShuffleMethod: String, Sendable, CaseIterable {
    /// Each account's share times shifted by its own uniform offset around a circle: keeps every
    /// account's rhythm, breaks every object's popularity curve (so organic virality, many
    /// accounts sharing a hot post in its first hour, also scores above this baseline).
    case circular
    /// Each object's share times permuted among its own shares: keeps every object's popularity
    /// curve (the same times, so the same number of pairs) and every account's objects, breaks
    /// only who shared when within an object. Pairs above this baseline co-share earlier or later
    /// than an object's crowd would by chance, not merely the same hot objects.
    case object
}

/// The co-action network expected from shared popularity alone, R shuffled copies of the log.
///
/// ``ShuffleMethod/circular`` shifts each account's activity in time by its own random offset,
/// around a circle: it keeps what an account does and its rhythm (bursts, gaps, daily cycle up to
/// the shift) and keeps which objects are popular, but breaks the timing between accounts. The
/// circle's period is the log's time span plus the window, so the wrap point itself never brings
/// the last and first shares within the window. ``ShuffleMethod/object`` permutes the times of
/// each object's shares among them (Fisher–Yates, objects in index order), keeping each object's
/// popularity curve. Shuffle `r` draws from `SplitMix64(seed).split(r)` in a fixed order (accounts,
/// or objects then shares, by index), so results do not depend on thread count.
///
/// - Complexity: R runs of ``CoActionCounts`` (run in parallel, `Parallelism.threadCount` at a time);
///   memory O(n + edges) per concurrent run.
public struct ShuffleBaseline: Sendable {
    public let shuffles: Int
    public let seed: UInt64
    public let method: ShuffleMethod
    /// Matched co-action pairs.
    public let pairs: ShuffledStatistic
    /// Edges at or above the minimum weight, before rank filters (which are relative and would
    /// keep the same number of edges in every shuffle).
    public let edges: ShuffledStatistic
    /// Summed weight of those edges.
    public let weight: ShuffledStatistic
    /// Per edge of the network (parallel to ``CoActionNetwork/edges``): its weight in the shuffles
    /// (0 where the pair does not co-act).
    public let edgeStatistics: [ShuffledStatistic]

    public init(log: ShareLog, network: CoActionNetwork, shuffles: Int, seed: UInt64, method: ShuffleMethod = .circular) {
        let options = network.options
        let keys = network.edges.map { EdgeAccumulator.key($0.accountA, $0.accountB) }
        let observed = network.edges.map { $0.weight(options.weight) }
        var edgeSums = [Double](repeating: 0, count: keys.count)
        var edgeSquares = [Double](repeating: 0, count: keys.count)
        var edgeAtLeast = [Int](repeating: 0, count: keys.count)
        var totals = [(sum: Double, squares: Double, atLeast: Int)](repeating: (0, 0, 0), count: 3)
        let observedAll = [Double(network.pairCount), Double(network.thresholdedEdgeCount), network.thresholdedWeight]

        let batchSize = Parallelism.workerCount(items: shuffles)
        var start = 0
        while start < shuffles {
            let batch = min(batchSize, shuffles - start)
            let results = ResultSlots<ShuffleResult>(count: batch)
            let first = start
            Parallelism.forEach(batch) { offset in
                var random = SplitMix64(seed: seed).split(UInt64(first + offset))
                let times = Self.shuffledTimes(log, method: method, window: options.window, random: &random)
                let counts = CoActionCounts(log: log, options: options, times: times)
                results.store(ShuffleResult(counts: counts, keys: keys, options: options), at: offset)
            }
            // Folded in shuffle order; the values are whole counts, so sums are exact anyway.
            for result in results.values {
                for (index, value) in [result.pairs, result.edges, result.weight].enumerated() {
                    totals[index].sum += value
                    totals[index].squares += value * value
                    if value >= observedAll[index] { totals[index].atLeast += 1 }
                }
                for index in keys.indices {
                    let value = result.edgeWeights[index]
                    edgeSums[index] += value
                    edgeSquares[index] += value * value
                    if value >= observed[index] { edgeAtLeast[index] += 1 }
                }
            }
            start += batch
        }
        func statistic(_ index: Int) -> ShuffledStatistic {
            ShuffledStatistic(observed: observedAll[index], sum: totals[index].sum, squares: totals[index].squares, atLeast: totals[index].atLeast, shuffles: shuffles)
        }
        self.shuffles = shuffles
        self.seed = seed
        self.method = method
        pairs = statistic(0)
        edges = statistic(1)
        weight = statistic(2)
        edgeStatistics = keys.indices.map {
            ShuffledStatistic(observed: observed[$0], sum: edgeSums[$0], squares: edgeSquares[$0], atLeast: edgeAtLeast[$0], shuffles: shuffles)
        }
    }

    /// The share times of one shuffled copy of `log`.
    static func shuffledTimes(_ log: ShareLog, method: ShuffleMethod, window: Double, random: inout SplitMix64) -> [Double] {
        switch method {
        case .circular: return shiftedTimes(log, window: window, random: &random)
        case .object: return permutedWithinObjects(log, random: &random)
        }
    }

    /// Each object's share times permuted among its shares.
    static func permutedWithinObjects(_ log: ShareLog, random: inout SplitMix64) -> [Double] {
        let objectCount = log.objects.count
        var offsets = [Int](repeating: 0, count: objectCount + 1)
        for object in log.shareObjects { offsets[Int(object) + 1] += 1 }
        for object in 0 ..< objectCount { offsets[object + 1] += offsets[object] }
        var order = [Int32](repeating: 0, count: log.count)
        var cursor = offsets
        for share in 0 ..< log.count {
            let object = Int(log.shareObjects[share])
            order[cursor[object]] = Int32(share)
            cursor[object] += 1
        }
        var times = log.shareTimes
        for object in 0 ..< objectCount where offsets[object + 1] - offsets[object] > 1 {
            let first = offsets[object]
            var last = offsets[object + 1] - 1
            while last > first {
                let other = first + Int(random.next(below: UInt64(last - first + 1)))
                let a = Int(order[last]), b = Int(order[other])
                (times[a], times[b]) = (times[b], times[a])
                last -= 1
            }
        }
        return times
    }

    /// Each account's share times shifted by its own uniform offset on a circle of period
    /// (span + window).
    static func shiftedTimes(_ log: ShareLog, window: Double, random: inout SplitMix64) -> [Double] {
        guard let earliest = log.shareTimes.min(), let latest = log.shareTimes.max() else { return [] }
        let period = latest - earliest + max(window, 1)
        let offsets = (0 ..< log.accounts.count).map { _ in random.nextUnitInterval() * period }
        var times = log.shareTimes
        for share in times.indices {
            var shifted = times[share] - earliest + offsets[Int(log.shareAccounts[share])]
            if shifted >= period { shifted -= period }
            times[share] = earliest + shifted
        }
        return times
    }
}

/// What one shuffled run contributes.
private struct ShuffleResult: Sendable {
    var pairs: Double
    var edges: Double
    var weight: Double
    /// Weight of each observed edge key in this run.
    var edgeWeights: [Double]

    init(counts: CoActionCounts, keys: [UInt64], options: CoActionOptions) {
        pairs = Double(counts.pairs)
        var edges = 0.0, weight = 0.0
        for slot in counts.table.occupiedSlots {
            let value = CoActionNetwork.edge(counts.table, slot: slot).weight(options.weight)
            if value >= options.minWeight {
                edges += 1
                weight += value
            }
        }
        self.edges = edges
        self.weight = weight
        edgeWeights = keys.map { key in
            counts.table.existingSlot(for: key).map { CoActionNetwork.edge(counts.table, slot: $0).weight(options.weight) } ?? 0
        }
    }
}
