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
    /// The accounts passing `filter`, ranked by `scores`, the first `limit` of them (all when nil).
    /// Ranks are among the accounts that pass the filter.
    /// - Complexity: O(V log V).
    public static func rank(_ scores: [Double], in dataset: Dataset, filter: AccountFilter = AccountFilter(), limit: Int? = nil) -> [RankedAccount] {
        let candidates = (0 ..< Int32(dataset.accounts.count)).filter { filter.accepts(dataset.accounts[Int($0)]) }
        let ordered = candidates.sorted { a, b in
            let x = scores[Int(a)].isNaN ? -Double.infinity : scores[Int(a)]
            let y = scores[Int(b)].isNaN ? -Double.infinity : scores[Int(b)]
            if x != y { return x > y }
            return dataset.accounts[Int(a)].id < dataset.accounts[Int(b)].id
        }
        var result: [RankedAccount] = []
        result.reserveCapacity(min(limit ?? ordered.count, ordered.count))
        for (position, account) in ordered.enumerated() {
            if let limit, result.count >= limit {
                // Keep going while the score ties the last listed one, so a cut never splits a tie.
                guard let last = result.last, scores[Int(account)] == last.score else { break }
            }
            let score = scores[Int(account)]
            let rank = result.last.map { $0.score == score ? $0.rank : position + 1 } ?? 1
            result.append(RankedAccount(rank: rank, account: account, score: score))
        }
        return result
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
