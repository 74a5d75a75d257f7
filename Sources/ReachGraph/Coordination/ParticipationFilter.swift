/// CooRTweet's minimum participation, both steps (`detect_groups` in Kulichkina, Righetti &
/// Waldherr's CooRTweet): accounts with fewer shares are left out before matching, and after
/// matching only pairs touching an account that took part often enough are kept.
enum ParticipationFilter {
    /// Which shares take part in matching: those of accounts with at least `minimum` shares in
    /// the log (all shares when `minimum` ≤ 1).
    /// - Complexity: O(n).
    static func includedShares(_ log: ShareLog, minimum: Int) -> [Bool] {
        guard minimum > 1 else { return [Bool](repeating: true, count: log.count) }
        var counts = [Int](repeating: 0, count: log.accounts.count)
        for account in log.shareAccounts { counts[Int(account)] += 1 }
        return log.shareAccounts.map { counts[Int($0)] >= minimum }
    }

    /// The messages whose pairs survive the second step, or `nil` when `minimum` ≤ 1 (then no
    /// pair is dropped).
    ///
    /// Matches CooRTweet's `filter_min_participation`: take the messages that appear in some
    /// pair; count, per account, its shares whose message is among them (a message on two rows
    /// counts twice, as the R code counts rows); keep the accounts with at least `minimum`; a pair
    /// survives when either of its messages belongs to a share of a kept account. An account below
    /// the minimum can therefore still appear, paired with one above it.
    /// - Complexity: O(n + pairs).
    static func keptMessages(_ sweep: CoActionSweep, messageCount: Int, accountCount: Int, minimum: Int) -> [Bool]? {
        guard minimum > 1 else { return nil }
        var inPair = [Bool](repeating: false, count: messageCount)
        sweep.forEachWindow { _, p, lo, hi in
            let message = Int(sweep.messages[p])
            guard !inPair[message] else { return }
            for q in lo ... hi where q != p && sweep.pairable(p, q) {
                inPair[message] = true
                return
            }
        }
        var counts = [Int](repeating: 0, count: accountCount)
        for position in sweep.messages.indices where inPair[Int(sweep.messages[position])] {
            counts[Int(sweep.accounts[position])] += 1
        }
        var kept = [Bool](repeating: false, count: messageCount)
        for position in sweep.messages.indices {
            let message = Int(sweep.messages[position])
            if inPair[message] && counts[Int(sweep.accounts[position])] >= minimum { kept[message] = true }
        }
        return kept
    }
}
