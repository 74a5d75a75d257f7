/// The work co-action detection would do on a log, counted before doing it.
///
/// ``CoActionNetwork`` costs time in proportion to the pairs of shares of one object that fall
/// in one window, and memory in proportion to the account pairs among them; one viral object
/// shared by thousands of accounts within the window makes millions. Counting those pairs needs
/// only the sweep's two pointers, not the pairs themselves, so a caller (the briefing) can refuse
/// a window that would not finish in seconds and say why.
public enum CoActionCost {
    /// Unordered pairs of included shares of one object within the window (before the filters
    /// that drop a pair of one account or one message with itself, so an upper bound on
    /// ``CoActionNetwork/pairCount``).
    /// - Complexity: O(n log n) for n shares (grouping and sorting by time); O(n) memory.
    public static func candidatePairs(log: ShareLog, options: CoActionOptions) -> Int {
        let included = ParticipationFilter.includedShares(log, minimum: options.minParticipation)
        let sweep = CoActionSweep(log: log, included: included, times: log.shareTimes, options: options)
        var twice = 0
        sweep.forEachWindow { _, _, lo, hi in twice += hi - lo }
        return twice / 2
    }
}
