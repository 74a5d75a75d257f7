/// Co-action pairs of a share log, totalled per account pair: the engine behind
/// ``CoActionNetwork`` and ``ShuffleBaseline``.
///
/// For every share `p` the sweep gives the window of shares of the same object that match it in
/// time; every other share `q` there that may pair with it (``CoActionSweep/pairable(_:_:)`` and
/// the participation filter) is a partner. Each unordered pair `p < q` adds one co-share,
/// `|t_q − t_p|` and (once per object) one object to the edge of their accounts. Each distinct
/// partner account `b` of share `p` adds one message to `p`'s side of the edge: the directed
/// count "distinct messages of a matched by b" of QUT's coordination-network-toolkit.
///
/// - Complexity: O(n log n + pairs) time; O(n + accounts + edges) memory, never O(pairs).
struct CoActionCounts {
    var table: EdgeAccumulator
    /// Matched co-action pairs (unordered, after every filter).
    var pairs: Int

    init(log: ShareLog, options: CoActionOptions, times: [Double]) {
        let included = ParticipationFilter.includedShares(log, minimum: options.minParticipation)
        let sweep = CoActionSweep(log: log, included: included, times: times, options: options)
        let kept = ParticipationFilter.keptMessages(sweep, messageCount: log.messages.count, accountCount: log.accounts.count, minimum: options.minParticipation)

        // A message on several rows could be counted once per row; its partners are collected
        // and deduplicated at the end instead (rare: a repost sharing two objects).
        var rows = [UInt8](repeating: 0, count: log.messages.count)
        for message in sweep.messages where rows[Int(message)] < 2 { rows[Int(message)] += 1 }
        var repeatedPartners: [(key: UInt64, message: Int32, low: Bool)] = []

        var table = EdgeAccumulator(capacity: max(1024, sweep.messages.count / 4))
        var pairs = 0
        var lastPartner = [Int](repeating: -1, count: log.accounts.count)
        let accounts = sweep.accounts, messages = sweep.messages, times = sweep.times
        sweep.forEachWindow { object, p, lo, hi in
            let account = accounts[p]
            let message = messages[p]
            let keepsPair = kept?[Int(message)] ?? true
            for q in lo ... hi where q != p && sweep.pairable(p, q) {
                if !keepsPair && !(kept?[Int(messages[q])] ?? true) { continue }
                let partner = accounts[q]
                let key = EdgeAccumulator.key(account, partner)
                var slot = -1
                if q > p {
                    slot = table.addPair(key, object: object, delta: times[q] - times[p])
                    pairs += 1
                }
                guard lastPartner[Int(partner)] != p else { continue }
                lastPartner[Int(partner)] = p
                let low = account <= partner
                if rows[Int(message)] > 1 {
                    repeatedPartners.append((key, message, low))
                } else {
                    // The slot just updated is still valid: nothing was inserted since.
                    table.addMessage(at: slot >= 0 ? slot : table.slot(for: key), low: low)
                }
            }
        }
        repeatedPartners.sort { ($0.key, $0.low ? 0 : 1, $0.message) < ($1.key, $1.low ? 0 : 1, $1.message) }
        var previous: (key: UInt64, message: Int32, low: Bool)?
        for entry in repeatedPartners {
            defer { previous = entry }
            if let previous, previous.key == entry.key, previous.low == entry.low, previous.message == entry.message { continue }
            table.addMessage(at: table.slot(for: entry.key), low: entry.low)
        }
        table.mirrorSelfLoops()
        self.table = table
        self.pairs = pairs
    }
}
