/// The composite rank and score of the leading units period by period: the data behind the
/// month-over-month chart of the index.
///
/// The leaders are the units ranked `top` or better in the last period (ties at the cut kept);
/// each is followed back through every earlier period, with no rank where it was not in that
/// period's composite. Ranks are each period's own competition ranks.
/// - Complexity: O(periods × units) over reports that are already computed.
public struct IndexTrend: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var unit: IndexUnit
        /// One per period; `nil` where the unit is not in that period's composite.
        public var ranks: [Int?]
        public var scores: [Double?]
    }

    /// Oldest first.
    public var periods: [String]
    /// The leaders of the last period, by rank.
    public var lines: [Line]
    public var grouping: IndexGrouping

    /// The trend over `reports` (oldest first, as ``CommunicationPowerIndex/reports(by:)`` gives
    /// them) of the units ranked `top` or better in the last.
    public init(reports: [IndexReport], top: Int) {
        periods = reports.map(\.period)
        grouping = reports.last?.grouping ?? .account
        let byPeriod = reports.map { report in
            Dictionary(report.composite.map { ($0.unit.id, $0) }, uniquingKeysWith: { first, _ in first })
        }
        lines = (reports.last?.composite.top(top) ?? []).map { leader in
            let entries = byPeriod.map { $0[leader.unit.id] }
            return Line(unit: leader.unit, ranks: entries.map { $0?.rank.position }, scores: entries.map { $0?.score })
        }
    }

    /// A rank chart (rank 1 at the top), one line per leader, labelled at its last point.
    public func rankChart(caption: String? = nil) -> LineChart {
        let units = grouping.bilingualUnitsName
        let span = periods.count > 1 ? "\(periods.first!) – \(periods.last!)" : periods.first ?? ""
        return LineChart(
            title: "传播力指数 Communication power index · rank 排名 · TOP \(lines.count) \(units) · \(span)",
            axisLabel: "composite rank (1 = first); leaders of \(periods.last ?? "the last period")",
            caption: caption, periods: periods,
            series: lines.map { LineChart.Series(label: $0.unit.label, values: $0.ranks.map { $0.map(Double.init) }) },
            ranksAxis: true
        )
    }
}
