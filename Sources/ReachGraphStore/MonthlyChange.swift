import ReachGraph

/// The "change since last month" of a briefing on a store: for each briefing section whose measure
/// can be followed from month to month, one paragraph (``PeriodChange``) comparing a month of the
/// store with the month before it, naming the largest risers and fallers and the accounts (or
/// cities, structures) that appeared or vanished.
///
/// | section | measure | compared as |
/// |---|---|---|
/// | Dataset | posts per author in the month | amounts |
/// | The network | PageRank on the month's graph, accounts with a tie that month | ranking, top `top` |
/// | Key opinion leaders | key-opinion-leader score above zero | ranking, top `top` |
/// | Cascades | potential reach of the cascades an account started | amounts |
/// | Coordination | an account's co-reposts (same post within the window) with partners it co-reposted at least 2 posts with | amounts |
/// | 1+N structure | coverage, the share of (hub post, spoke) pairs reposted, per declared structure | amounts |
///
/// Each month is read as its own slice (``StoreSlice/init(period:)``), as `trend` reads it. The
/// communication power index section has its own change on every input with several metrics
/// periods (``IndexMovement``), so none is made for it here.
/// - Complexity: two slice loads and each measure twice (key-opinion-leader scores include
///   betweenness: O(V·E) per month).
public struct MonthlyChange: Sendable {
    public let month: String
    public let previousMonth: String
    /// Paragraphs by the title of the briefing section they belong to.
    public let paragraphs: [String: [String]]

    /// The change from the month before `month` (the store's latest month when `nil`) to `month`;
    /// `nil` when the store has no month before it, or `month` is not a month (`2025-05`) it holds.
    /// - Parameters:
    ///   - top: the cut of the rankings (a briefing's table length).
    ///   - coordinationWindow: the co-action window in seconds, as the coordination section uses it.
    public init?(
        store: DatasetStore, month: String? = nil, top: Int = 15, coordinationWindow: Double = 600, onStep: (String) -> Void = { _ in }
    ) throws {
        let months = try store.months()
        guard let chosen = month ?? months.last, let position = months.firstIndex(of: chosen), position > 0 else { return nil }
        let previousMonth = months[position - 1]
        onStep("change since \(previousMonth)")
        let before = try store.load(StoreSlice(period: previousMonth)), after = try store.load(StoreSlice(period: chosen))
        let accountLabel = { (id: String) in after.account(withID: id)?.name ?? id }
        var found: [String: [String]] = [:]
        func compare(
            _ section: String, measure: String, units: String = "accounts", top: Int? = nil, label: (String) -> String = accountLabel,
            value: (Double) -> String, _ scores: (Dataset) throws -> [String: Double]
        ) throws {
            let change = PeriodChange(previous: try scores(before), current: try scores(after), previousPeriod: previousMonth, period: chosen, top: top)
            guard change.countBefore + change.countAfter > 0 else { return }
            found[section, default: []].append(change.sentence(measure: measure, units: units, label: label, value: value))
        }
        let posts = { (count: Double) in "\(groupedDigits(Int(count))) post\(count == 1 ? "" : "s")" }
        let score = { (value: Double) in "score \(formatNumber(value, digits: 3))" }
        try compare("Dataset", measure: "posts per account", units: "accounts posted", value: posts) { dataset in
            var counts: [String: Double] = [:]
            for post in dataset.posts { counts[post.author, default: 0] += 1 }
            return counts
        }
        try compare("The network", measure: "PageRank of accounts with a tie in the month, top \(top)", top: top, value: { "PageRank \(formatNumber($0, digits: 3))" }) { dataset in
            let graph = dataset.graph()
            let ranks = try Trend.scores(of: .pagerank, on: dataset)
            return ranks.filter { id, _ in dataset.index(ofAccount: id).map { graph.degree(of: $0) > 0 } ?? false }
        }
        try compare("Key opinion leaders", measure: "key-opinion-leader score, top \(top)", top: top, value: score) { dataset in
            try Trend.scores(of: .kol, on: dataset)
        }
        try compare("Cascades", measure: "potential reach of the cascades each account started", units: "accounts started a cascade",
                    value: { "\(groupedDigits(Int($0.rounded()))) followers" }) { dataset in
            try Trend.scores(of: .reach, on: dataset)
        }
        try compare("Coordination", measure: "co-reposts within \(formatNumber(coordinationWindow)) s with partners met on at least 2 posts",
                    units: "accounts co-reposted", value: { "\(groupedDigits(Int($0))) co-reposts" }) { dataset in
            let network = CoActionNetwork(
                log: ShareLog(posts: dataset.posts, object: .parent), options: .repeatedPairs(window: coordinationWindow)
            )
            var coShares: [String: Double] = [:]
            for edge in network.edges {
                for account in Set([edge.accountA, edge.accountB]) { coShares[network.accountIDs[Int(account)], default: 0] += Double(edge.coShares) }
            }
            return coShares
        }
        try compare("1+N structure", measure: "coverage: share of (hub post, spoke) pairs reposted", units: "structures with hub posts", label: { $0 },
                    value: { formatNumber($0, digits: 3) }) { dataset in
            try Trend.scores(of: .coverage, on: dataset)
        }
        self.month = chosen
        self.previousMonth = previousMonth
        paragraphs = found
    }
}
