import ReachGraphCore

/// Accounts outside a roster that act in lockstep with it: for every account not on the roster,
/// its co-action with roster members (pairs of shares of one object within `window` seconds, as
/// ``CoActionNetwork`` counts them) against the same count in R shuffled copies of the log.
///
/// Only objects a roster member shared can pair an outsider with the roster, so the log is cut
/// to those objects first. The default baseline is ``ShuffleMethod/object``: each object keeps
/// its popularity curve, so an outsider who merely shares the roster's hot posts when everyone
/// does stays near its expectation, and one who shares right beside roster members, again and
/// again, stands out. Shuffle `r` draws from `SplitMix64(seed).split(r)` as ``ShuffleBaseline``
/// does, so the result is the same on any thread count.
///
/// - Complexity: R + 1 runs of ``CoActionCounts`` on the cut log: O(R · (n log n + pairs)) time,
///   O(n + accounts + edges) memory per concurrent run.
public struct RosterLockstep: Sendable {
    /// One account outside the roster.
    public struct Account: Sendable, Equatable {
        public var id: String
        /// Co-action pairs with roster members, observed and under the shuffles.
        public var coShares: ShuffledStatistic
        /// Distinct roster members it co-acted with.
        public var rosterPartners: Int
    }

    public let window: Double
    public let shuffles: Int
    public let seed: UInt64
    public let method: ShuffleMethod
    /// Shares of objects a roster member shared (the cut log).
    public let shareCount: Int
    /// Every outside account with at least one co-action pair with a roster member, most pairs
    /// first (ties by id).
    public let accounts: [Account]

    /// - Parameters:
    ///   - roster: account ids of the roster; shares by other accounts are the outsiders'.
    public init(log: ShareLog, roster: Set<String>, window: Double, shuffles: Int, seed: UInt64, method: ShuffleMethod = .object) {
        let onRoster = log.accounts.identifiers.map { roster.contains($0) }
        var touched = [Bool](repeating: false, count: log.objects.count)
        for share in 0 ..< log.count where onRoster[Int(log.shareAccounts[share])] { touched[Int(log.shareObjects[share])] = true }
        var cutLog = ShareLog()
        for share in 0 ..< log.count where touched[Int(log.shareObjects[share])] {
            cutLog.append(
                account: log.accounts.identifier(at: Int(log.shareAccounts[share])), object: log.objects.identifier(at: Int(log.shareObjects[share])),
                message: log.messages.identifier(at: Int(log.shareMessages[share])), time: log.shareTimes[share]
            )
        }
        let cut = cutLog
        let cutRoster = cut.accounts.identifiers.map { roster.contains($0) }
        let options = CoActionOptions(window: window)
        let observed = Self.rosterPairs(CoActionCounts(log: cut, options: options, times: cut.shareTimes), onRoster: cutRoster)

        var sums = [Double](repeating: 0, count: cutRoster.count)
        var squares = sums
        var atLeast = [Int](repeating: 0, count: cutRoster.count)
        let batchSize = Parallelism.workerCount(items: shuffles)
        var start = 0
        while start < shuffles {
            let batch = min(batchSize, shuffles - start)
            let results = ResultSlots<[Int]>(count: batch)
            let first = start
            Parallelism.forEach(batch) { offset in
                var random = SplitMix64(seed: seed).split(UInt64(first + offset))
                let times = ShuffleBaseline.shuffledTimes(cut, method: method, window: window, random: &random)
                results.store(Self.rosterPairs(CoActionCounts(log: cut, options: options, times: times), onRoster: cutRoster).pairs, at: offset)
            }
            for pairs in results.values {
                for account in pairs.indices {
                    let value = Double(pairs[account])
                    sums[account] += value
                    squares[account] += value * value
                    if pairs[account] >= observed.pairs[account] { atLeast[account] += 1 }
                }
            }
            start += batch
        }
        var accounts: [Account] = []
        for account in cutRoster.indices where !cutRoster[account] && observed.pairs[account] > 0 {
            accounts.append(Account(
                id: cut.accounts.identifier(at: account),
                coShares: ShuffledStatistic(observed: Double(observed.pairs[account]), sum: sums[account], squares: squares[account], atLeast: atLeast[account], shuffles: shuffles),
                rosterPartners: observed.partners[account]
            ))
        }
        accounts.sort { $0.coShares.observed != $1.coShares.observed ? $0.coShares.observed > $1.coShares.observed : $0.id < $1.id }
        self.window = window
        self.shuffles = shuffles
        self.seed = seed
        self.method = method
        shareCount = cut.count
        self.accounts = accounts
    }

    /// The accounts above the baseline: at least `minimumCoShares` pairs with roster members and
    /// an empirical p of at most `alpha`, most pairs first.
    public func inLockstep(alpha: Double = 0.05, minimumCoShares: Int = 2) -> [Account] {
        accounts.filter { $0.coShares.observed >= Double(minimumCoShares) && $0.coShares.p <= alpha }
    }

    /// Per outside account: co-action pairs with roster members, and the distinct members.
    private static func rosterPairs(_ counts: CoActionCounts, onRoster: [Bool]) -> (pairs: [Int], partners: [Int]) {
        var pairs = [Int](repeating: 0, count: onRoster.count)
        var partners = pairs
        for slot in counts.table.occupiedSlots {
            let edge = CoActionNetwork.edge(counts.table, slot: slot)
            let a = Int(edge.accountA), b = Int(edge.accountB)
            guard onRoster[a] != onRoster[b] else { continue }
            let outsider = onRoster[a] ? b : a
            pairs[outsider] += edge.coShares
            partners[outsider] += 1
        }
        return (pairs, partners)
    }

    /// `structure_lockstep`: every outside account that co-acted with the roster, with its
    /// expectation under the shuffles.
    public func table() -> ResultTable {
        var table = ResultTable(
            name: "structure_lockstep", title: "Accounts outside the roster co-acting with it (within \(formatNumber(window)) s)",
            columns: ["account", "co_shares", "roster_partners", "expected_co_shares", "z", "p"]
        )
        for account in accounts {
            let statistic = account.coShares
            table.rows.append([
                .text(account.id), .integer(Int(statistic.observed)), .integer(account.rosterPartners), .number(statistic.expected),
                statistic.z.map(Cell.number) ?? .missing, .number(statistic.p),
            ])
        }
        return table
    }
}
