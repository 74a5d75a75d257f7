/// The communication power index over a set of metrics rows: rankings of accounts, cities or entities per
/// platform and composite, for any period, compared with the period before.
///
/// The method (formulas in ``PeriodScoring`` and ``IndicatorScaling``, choices in
/// `docs/communication-power-index.md`) is configured entirely by ``weights``.
///
/// ```swift
/// let index = CommunicationPowerIndex(dataset: try DatasetLoader.load("graphs/sample"))
/// let report = try index.report(by: .city)          // the latest period
/// print(report.composite.prefix(10).map { "\($0.rank) \($0.unit.label) \($0.score)" })
/// ```
public struct CommunicationPowerIndex: Sendable {
    public let weights: IndexWeights
    /// Every period in the metrics, sorted as text (so labels must sort: `2025-05`, `2025-Q2`).
    public let periods: [String]
    private let rowsByPeriod: [String: [MetricsRow]]
    /// Rows on platforms the weights do not index, per period and platform.
    private let unindexedRows: [String: [String: Int]]
    private let accounts: [String: Account]
    private let cities: CityNames
    private let entities: EntityNames
    /// The groupings the data supports: accounts always, cities when an account names its city,
    /// entities when an account names its entity.
    public let groupings: [IndexGrouping]

    public init(metrics: [MetricsRow], accounts: [Account], weights: IndexWeights = .default) {
        self.weights = weights
        let indexed = Set(weights.platforms.map(\.name))
        var rows: [String: [MetricsRow]] = [:]
        var unindexed: [String: [String: Int]] = [:]
        for row in metrics {
            if indexed.contains(row.platform.lowercased()) {
                var row = row
                row.platform = row.platform.lowercased()
                rows[row.period, default: []].append(row)
            } else {
                unindexed[row.period, default: [:]][row.platform, default: 0] += 1
                // The period still exists when none of its rows is indexed; its report says why it is empty.
                if rows[row.period] == nil { rows[row.period] = [] }
            }
        }
        periods = rows.keys.sorted()
        rowsByPeriod = rows
        unindexedRows = unindexed
        self.accounts = Dictionary(accounts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        cities = CityNames(accounts: accounts)
        entities = EntityNames(accounts: accounts)
        groupings = [.account]
            + (accounts.contains { $0.city != nil } ? [.city] : [])
            + (accounts.contains { $0.entity != nil } ? [.entity] : [])
    }

    public init(dataset: Dataset, weights: IndexWeights = .default) {
        self.init(metrics: dataset.metrics, accounts: dataset.accounts, weights: weights)
    }

    /// The index of `period` (the latest when `nil`) by account, city or entity, with changes against
    /// the period before it. Throws when there are no metrics or the period is not in the data
    /// (the message lists the periods there are).
    public func report(period: String? = nil, by grouping: IndexGrouping = .account) throws -> IndexReport {
        guard let latest = periods.last else {
            throw InputError(file: "metrics", message: "no metrics rows: the index needs metrics.csv (account, platform, period, posts, …)")
        }
        let chosen = period ?? latest
        guard let position = periods.firstIndex(of: chosen) else {
            throw InputError(file: "--period", message: "no metrics for \"\(chosen)\"; available periods: \(periods.joined(separator: ", "))")
        }
        var report = try scores(of: chosen, by: grouping)
        if position > 0 {
            report.compare(with: try scores(of: periods[position - 1], by: grouping))
        }
        return report
    }

    /// The index of every period, oldest first, each compared with the one before.
    public func reports(by grouping: IndexGrouping = .account) throws -> [IndexReport] {
        var reports: [IndexReport] = []
        var previous: IndexReport?
        for period in periods {
            var report = try scores(of: period, by: grouping)
            let uncompared = report
            if let previous { report.compare(with: previous) }
            reports.append(report)
            previous = uncompared
        }
        return reports
    }

    private func scores(of period: String, by grouping: IndexGrouping) throws -> IndexReport {
        let population = try IndexPopulation(
            rows: rowsByPeriod[period] ?? [], grouping: grouping, accounts: accounts, cities: cities, entities: entities, period: period
        )
        var report = PeriodScoring.report(population: population, weights: weights, period: period, grouping: grouping)
        if let unindexed = unindexedRows[period] {
            let list = unindexed.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
            report.notes.append("metrics rows on platforms without weights left out: \(list)")
        }
        return report
    }
}

extension IndexReport {
    /// Sets every entry's change against `previous`, table by table.
    mutating func compare(with previous: IndexReport) {
        previousPeriod = previous.period
        composite = Self.compare(composite, with: previous.composite)
        for index in platforms.indices {
            let before = previous.ranking(of: platforms[index].platform.name)?.entries ?? []
            platforms[index].entries = Self.compare(platforms[index].entries, with: before)
        }
    }

    private static func compare(_ entries: [IndexEntry], with previous: [IndexEntry]) -> [IndexEntry] {
        let before = Dictionary(previous.map { ($0.unit.id, $0) }, uniquingKeysWith: { first, _ in first })
        return entries.map { entry in
            var entry = entry
            if let old = before[entry.unit.id] {
                entry.change = .ranked(previousRank: old.rank.position, scoreDelta: entry.score - old.score)
            } else {
                entry.change = .new
            }
            return entry
        }
    }
}
