import GRDB
import ReachGraph
import ReachGraphCore

/// What `reachgraph trend` follows from month to month.
public enum TrendMeasure: String, CaseIterable, Sendable {
    /// The communication power index's composite score per account (metrics rows of the month).
    case index
    /// PageRank (NetworkX's) on the month's information-flow graph, per account.
    case pagerank
    /// The key-opinion-leader score on the month's amplification relations, per account.
    case kol
    /// Per declared 1+N structure (province): the share of (hub post, spoke) pairs with a response.
    case coverage
    /// Per declared 1+N structure (province): the median first-response lag of spokes, hours.
    case lag
    /// Per account: the potential reach (followers of distinct participants) summed over the
    /// cascades rooted in its posts of the month.
    case reach

    /// What one unit of the trend is.
    public var unit: String {
        switch self {
        case .index, .pagerank, .kol, .reach: return "account"
        case .coverage, .lag: return "structure"
        }
    }

    /// What a month must hold for the measure to rank anything in it.
    public var needs: String {
        switch self {
        case .index: return "metrics rows"
        case .pagerank: return "ties between accounts"
        case .kol: return "repost or quote ties between accounts"
        case .coverage, .lag: return "a declared 1+N roster (accounts with parents) and posts"
        case .reach: return "posts that were reposted (cascades) and follower counts of the accounts reached"
        }
    }

    /// Whether lower values rank first.
    public var lowerIsBetter: Bool { self == .lag }

    /// The axis label of its chart.
    public var axisLabel: String {
        switch self {
        case .index: return "composite index score"
        case .pagerank: return "PageRank"
        case .kol: return "key-opinion-leader score"
        case .coverage: return "coverage: share of (hub post, spoke) pairs reposted"
        case .lag: return "median spoke response lag, hours (lower first)"
        case .reach: return "potential reach of cascades started (followers)"
        }
    }
}

/// One unit's value in one period, ranked within the period.
public struct TrendPoint: Sendable, Equatable {
    public var period: String
    public var unit: String
    public var value: Double
    /// Competition rank within the period (ties share the best rank).
    public var rank: Int
    /// Ranks gained since the previous period (positive: rose); `nil` when the unit was not
    /// ranked in the previous period or this is the first.
    public var change: Int?

    public init(period: String, unit: String, value: Double, rank: Int, change: Int?) {
        self.period = period
        self.unit = unit
        self.value = value
        self.rank = rank
        self.change = change
    }
}

/// A measure computed on every month of a store, each month's slice read as its own dataset.
///
/// - Complexity: one slice load and one computation of the measure per month, the months spread
///   over ``Parallelism/threadCount`` threads (the index reads the whole store once and ranks each
///   metrics period). The same points on any thread count.
public struct Trend: Sendable {
    public let measure: TrendMeasure
    public let periods: [String]
    /// Every ranked unit in every period, by period then rank then unit.
    public let points: [TrendPoint]
    /// The name a unit is drawn with when it differs from its id (an account's ``Account/label``,
    /// an index unit's name): a chart of ids told readers little.
    public let unitNames: [String: String]

    public init(store: DatasetStore, measure: TrendMeasure, weights: IndexWeights = .default, onStep: (String) -> Void = { _ in }) throws {
        self.measure = measure
        var values: [(period: String, scores: [String: Double])] = []
        var names: [String: String] = [:]
        if measure == .index {
            onStep("reading the store")
            let index = CommunicationPowerIndex(dataset: try store.load(), weights: weights)
            for report in try index.reports() {
                values.append((report.period, Dictionary(report.composite.map { ($0.unit.id, $0.score) }, uniquingKeysWith: max)))
                for entry in report.composite { if let name = entry.unit.name, name != entry.unit.id { names[entry.unit.id] = name } }
            }
        } else {
            // Months are independent slices, each read in its own snapshot: they run on the
            // library's threads (a month's own loops then on one), results kept in month order.
            let months = try store.months()
            onStep("\(measure.rawValue) for \(months.count) months")
            let slots = ResultSlots<(scores: [String: Double], names: [String: String])>(count: months.count)
            Parallelism.forEach(months.count) { position in
                do {
                    let dataset = try store.load(StoreSlice(period: months[position]))
                    let scores = try Self.scores(of: measure, on: dataset)
                    // Accounts without a name or entity (all of them in most exports) are passed
                    // over without a lookup: hashing every scored id cost a tenth of the trend.
                    var names: [String: String] = [:]
                    if measure.unit == "account" {
                        for account in dataset.accounts where account.name != nil || account.entity != nil {
                            if scores[account.id] != nil, account.label != account.id { names[account.id] = account.label }
                        }
                    }
                    slots.store((scores, names), at: position)
                } catch {
                    slots.fail(error)
                }
            }
            let results = try slots.collect()
            values = zip(months, results.map(\.scores)).map { ($0, $1) }
            // The latest month's name wins: an account renamed keeps its newest name.
            for result in results { names.merge(result.names) { _, newer in newer } }
        }
        unitNames = names
        periods = values.map(\.period)
        var points: [TrendPoint] = []
        var previousRanks: [String: Int] = [:]
        for (period, scores) in values {
            // An array, not a filtered dictionary: each unit's id is hashed once per month, for `ranks`.
            var ordered: [(key: String, value: Double)] = []
            ordered.reserveCapacity(scores.count)
            for entry in scores where entry.value.isFinite { ordered.append(entry) }
            let lowerFirst = measure.lowerIsBetter
            ordered.sort { (a: (key: String, value: Double), b: (key: String, value: Double)) -> Bool in
                if a.value != b.value { return lowerFirst ? a.value < b.value : a.value > b.value }
                return a.key < b.key
            }
            var ranks: [String: Int] = [:]
            ranks.reserveCapacity(ordered.count)
            var rank = 0
            for (position, entry) in ordered.enumerated() {
                if position == 0 || ordered[position - 1].value != entry.value { rank = position + 1 }
                ranks[entry.key] = rank
                points.append(TrendPoint(period: period, unit: entry.key, value: entry.value, rank: rank, change: previousRanks[entry.key].map { $0 - rank }))
            }
            previousRanks = ranks
        }
        self.points = points
    }

    /// The measure per unit of `dataset`, a month's slice. Accounts are scored only when active in
    /// the month, with a tie or a post in it: every account is in every slice, and the others would
    /// be ranked, tied, on a month they took no part in.
    static func scores(of measure: TrendMeasure, on dataset: Dataset) throws -> [String: Double] {
        func byAccount(_ scores: [Double], among scored: [Bool]? = nil) -> [String: Double] {
            var active = [Bool](repeating: false, count: dataset.accounts.count)
            for account in dataset.relations.sources { active[Int(account)] = true }
            for account in dataset.relations.targets { active[Int(account)] = true }
            // The authors' account indices resolved by the load: a set of author strings looked up
            // by id cost 0.3–0.5 s of CPU over the 29 months of the 2.5M posts.
            for account in dataset.postAuthorIndices where account >= 0 { active[Int(account)] = true }
            var result: [String: Double] = [:]
            for (index, score) in scores.enumerated() where active[index] && scored?[index] ?? true { result[dataset.accounts[index].id] = score }
            return result
        }
        // A month without a tie between two accounts ranks nobody (``TrendMeasure/needs``): every
        // account would tie, and a chart would draw arbitrary ones as the month's top.
        func hasTies(_ graph: DirectedGraph) -> Bool { graph.edgeCount > graph.selfLoopCount }
        switch measure {
        case .index:
            preconditionFailure("the index is ranked per metrics period")
        case .pagerank:
            let graph = dataset.graph()
            return hasTies(graph) ? byAccount(try RankingMeasure.pageRank.scores(on: graph)) : [:]
        case .kol:
            // Accounts without a repost or quote tie are not ranked (a month where none has one
            // ranks nobody); they score 0, and so may the lowest account of the network.
            let profiles = try KeyOpinionLeaders(dataset: dataset).profiles
            return byAccount(profiles.map(\.score), among: profiles.map(\.isInNetwork))
        case .coverage, .lag:
            var result: [String: Double] = [:]
            for card in StructureAnalysis(dataset: dataset, options: StructureOptions(shuffles: 0)).scorecards {
                let value = measure == .coverage ? card.response.structureCoverage : card.response.medianLag.map { $0 / 3600 }
                if let value { result[card.structure.name] = value }
            }
            return result
        case .reach:
            var result: [String: Double] = [:]
            for cascade in CascadeAnalysis(dataset: dataset, participants: false).cascades where cascade.potentialReach > 0 {
                result[dataset.accounts[Int(cascade.rootAccount)].id, default: 0] += cascade.potentialReach
            }
            return result
        }
    }

    /// One line per month whose change is counted since a month other than the one before it (the
    /// store holds none between, or no metrics period for the index): `change in 2025-03 is counted
    /// since 2019-09: the trend has no month between`.
    public var gaps: [String] {
        zip(periods, periods.dropFirst()).compactMap { previous, period in
            guard previous.count == 7, let window = StoreSlice.window(ofPeriod: previous), StoreSlice.month(of: window.to) != period else { return nil }
            return "change in \(period) is counted since \(previous): the trend has no month between"
        }
    }

    /// The periods that rank no unit: the month lacks what the measure ``TrendMeasure/needs``.
    public var unrankedPeriods: [String] {
        let ranked = Set(points.map(\.period))
        return periods.filter { !ranked.contains($0) }
    }

    /// The latest period that ranks any unit (a month without ties ranks nobody).
    public var lastRankedPeriod: String? { points.last?.period }

    /// The units ranked `top` or better in the latest period that ranks any, best first.
    public func leaders(top: Int) -> [String] {
        guard let last = lastRankedPeriod else { return [] }
        return points.filter { $0.period == last && $0.rank <= top }.map(\.unit)
    }

    /// The tidy table: one row per period and unit for the units ranked `top` or better in any
    /// period (so their lines are whole).
    public func table(top: Int) -> ResultTable {
        let kept = Set(points.filter { $0.rank <= top }.map(\.unit))
        var table = ResultTable(
            name: "trend", title: "Trend of \(measure.rawValue) by month (units ranked \(top) or better in some month)",
            columns: ["period", "unit", "value", "rank", "change"]
        )
        table.rows = points.filter { kept.contains($0.unit) }.map { point in
            [.text(point.period), .text(point.unit), .number(point.value), .integer(point.rank), point.change.map(Cell.integer) ?? .missing]
        }
        return table
    }

    /// A line chart of the units ranked `top` or better in the last period that ranks any.
    public func chart(top: Int, caption: String? = nil) -> LineChart {
        let units = leaders(top: top)
        var values: [String: [String: Double]] = [:]
        for point in points { values[point.unit, default: [:]][point.period] = point.value }
        return LineChart(
            title: "\(measure.rawValue) by month · top \(top) \(measure.unit == "account" ? "accounts" : "structures") in \(lastRankedPeriod ?? "-")",
            axisLabel: measure.axisLabel, caption: caption, periods: periods,
            series: units.map { unit in LineChart.Series(label: unitNames[unit] ?? unit, values: periods.map { values[unit]?[$0] }) }
        )
    }
}

extension DatasetStore {
    /// The months (`2025-05`) the store has posts in, or metrics rows or relations labelled with,
    /// in order.
    ///
    /// The post months come from the `post_by_time` index, one seek per month (the earliest post
    /// at or after the start of the month after the last found): O(months × log posts) instead of
    /// formatting the time of every post (0.6 s of CPU for 2.5M posts).
    public func months() throws -> [String] {
        try reading { db in
            var months = Set<String>()
            var next = try Double.fetchOne(db, sql: "SELECT min(time) FROM post")
            while let time = next {
                let month = StoreSlice.month(of: time)
                months.insert(month)
                if let window = StoreSlice.window(ofPeriod: month) {
                    next = try Double.fetchOne(db, sql: "SELECT min(time) FROM post WHERE time >= ?", arguments: [window.to])
                } else {
                    next = try Double.fetchOne(db, sql: "SELECT min(time) FROM post WHERE time > ?", arguments: [time])
                }
            }
            // A month label on metrics rows or on relations (monthly edge-list exports ingested
            // with `--period`) is a month too: its slice holds them, posts or not.
            for table in ["metric", "relation"] {
                for period in try String.fetchAll(db, sql: "SELECT DISTINCT period FROM \(table)") where period.count == 7 && StoreSlice.window(ofPeriod: period) != nil {
                    months.insert(period)
                }
            }
            return months.sorted()
        }
    }
}
