/// One ranked account.
public struct RankedAccount: Sendable, Equatable {
    /// Competition rank ("1224"): tied scores share the best rank, the next rank skips.
    public var rank: Int
    /// Index into ``Dataset/accounts``.
    public var account: Int32
    public var score: Double
}

/// Orders accounts by a score.
///
/// Higher scores rank first. Ties share a rank (competition ranking: 1, 2, 2, 4) and are listed
/// by account id, so the same input always gives the same table. NaN scores rank last.
public enum Ranking {
    /// The accounts passing `filter`, ranked by `scores`, the first `limit` of them (all when nil)
    /// with the ties at the cut (see ``cut(_:in:filter:limit:)``).
    /// Ranks are among the accounts that pass the filter.
    /// - Complexity: O(V log V).
    public static func rank(_ scores: [Double], in dataset: Dataset, filter: AccountFilter = AccountFilter(), limit: Int? = nil) -> [RankedAccount] {
        cut(scores, in: dataset, filter: filter, limit: limit).ranked
    }

    /// A ranking cut at a limit, and the accounts tied at the cut that it leaves out.
    public struct Cut: Sendable, Equatable {
        public var ranked: [RankedAccount]
        /// Accounts tied with the last listed one and not listed: a tie is kept whole unless it
        /// would more than double the list (a star's thousand leaves, all at 0, under `--top 5`).
        public var tiedLeftOut: Int

        /// One line for the reader when ties were left out, else `nil`; `option` is what lists
        /// more (`--top`, or a whole command where the option means something else):
        /// `1,000 accounts tie at rank 2 (score 0); the first 4 by id are listed, 996 are not (--top 1001 lists them)`.
        public func note(option: String = "--top") -> String? {
            guard tiedLeftOut > 0, let last = ranked.last else { return nil }
            let listed = ranked.count(where: { $0.rank == last.rank })
            let first = listed == 1 ? "the first by id is listed" : "the first \(groupedDigits(listed)) by id are listed"
            return "\(groupedDigits(listed + tiedLeftOut)) accounts tie at rank \(last.rank) (score \(formatNumber(last.score, digits: 6))); "
                + "\(first), \(groupedDigits(tiedLeftOut)) \(tiedLeftOut == 1 ? "is" : "are") not (\(option) \(ranked.count + tiedLeftOut) lists them)"
        }
    }

    /// The accounts passing `filter`, ranked by `scores`, the first `limit` of them (all when
    /// nil). Accounts tied with the last of them are listed too, so a cut does not split a tie,
    /// unless there are more of them than `limit`: then the list stops at `limit` and
    /// ``Cut/tiedLeftOut`` counts the rest of the tie.
    /// - Complexity: O(V log V).
    public static func cut(_ scores: [Double], in dataset: Dataset, filter: AccountFilter = AccountFilter(), limit: Int? = nil) -> Cut {
        let candidates = (0 ..< Int32(dataset.accounts.count)).filter { filter.accepts(dataset.accounts[Int($0)]) }
        let ordered = candidates.sorted { a, b in
            let x = scores[Int(a)].isNaN ? -Double.infinity : scores[Int(a)]
            let y = scores[Int(b)].isNaN ? -Double.infinity : scores[Int(b)]
            if x != y { return x > y }
            return dataset.accounts[Int(a)].id < dataset.accounts[Int(b)].id
        }
        func score(at position: Int) -> Double { scores[Int(ordered[position])] }
        var end = ordered.count
        var tiedLeftOut = 0
        if let limit, limit < ordered.count {
            end = max(limit, 0)
            if end > 0 {
                var tieEnd = end
                while tieEnd < ordered.count && score(at: tieEnd) == score(at: end - 1) { tieEnd += 1 }
                if tieEnd - end <= end { end = tieEnd } else { tiedLeftOut = tieEnd - end }
            }
        }
        var ranked: [RankedAccount] = []
        ranked.reserveCapacity(end)
        for position in 0 ..< end {
            let value = score(at: position)
            let rank = ranked.last.map { $0.score == value ? $0.rank : position + 1 } ?? 1
            ranked.append(RankedAccount(rank: rank, account: ordered[position], score: value))
        }
        return Cut(ranked: ranked, tiedLeftOut: tiedLeftOut)
    }

    /// The competition rank of every node by `scores` (1 = highest), ties sharing the best rank.
    public static func ranks(of scores: [Double]) -> [Int] {
        let order = scores.indices.sorted { a, b in
            let x = scores[a].isNaN ? -Double.infinity : scores[a]
            let y = scores[b].isNaN ? -Double.infinity : scores[b]
            return x != y ? x > y : a < b
        }
        var ranks = [Int](repeating: 0, count: scores.count)
        for (position, node) in order.enumerated() {
            if position > 0, scores[order[position - 1]] == scores[node] {
                ranks[node] = ranks[order[position - 1]]
            } else {
                ranks[node] = position + 1
            }
        }
        return ranks
    }

    /// Percentile rank in [0, 1] of each score among the members of `population` (ties get the
    /// mean of their positions); 0 for the others.
    public static func percentiles(of scores: [Double], among population: [Bool]) -> [Double] {
        let members = scores.indices.filter { population[$0] }
        var result = [Double](repeating: 0, count: scores.count)
        for (index, percentile) in zip(members, percentiles(of: members.map { scores[$0] })) { result[index] = percentile }
        return result
    }

    /// Percentile rank in [0, 1] of each score among all (ties get the mean of their positions);
    /// 0 for the lowest, 1 for the highest. Used to put measures on one scale.
    public static func percentiles(of scores: [Double]) -> [Double] {
        let count = scores.count
        guard count > 1 else { return Array(repeating: 1, count: count) }
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var result = [Double](repeating: 0, count: count)
        var start = 0
        while start < count {
            var end = start
            while end + 1 < count && scores[order[end + 1]] == scores[order[start]] { end += 1 }
            let value = Double(start + end) / 2 / Double(count - 1)
            for position in start ... end { result[order[position]] = value }
            start = end + 1
        }
        return result
    }
}
