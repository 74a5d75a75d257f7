extension CommunicationPowerIndex {
    /// The tidy index table for notebooks and spreadsheets (`notebooks-data/`): one row per
    /// period, level, ranking table and unit, for every period in the data.
    ///
    /// Columns: `period, level, table, in_composite, unit, label, city, province, rank, tied,
    /// score, quantitative, qualitative, G, I, U, previous_period, previous_rank, rank_change,
    /// score_change, new`. `table` is `composite` or a platform; ranks are numbers with `tied`
    /// as `true`/`false`; `G`, `I`, `U` are empty on composite rows; change columns are empty
    /// where there is nothing to compare. Numbers have 12 significant digits. `levels` defaults to
    /// account and city, and entity when the accounts name entities.
    public func tidyTable(levels: [IndexGrouping]? = nil) throws -> String {
        var writer = CSVWriter(header: [
            "period", "level", "table", "in_composite", "unit", "label", "city", "province", "rank", "tied", "score",
            "quantitative", "qualitative", "G", "I", "U", "previous_period", "previous_rank", "rank_change", "score_change", "new",
        ])
        func number(_ value: Double) -> String { formatNumber(value, digits: 12) }
        for level in levels ?? [.account, .city] + (groupings.contains(.entity) ? [.entity] : []) {
            for report in try reports(by: level) {
                let tables = [("composite", true, report.composite)]
                    + report.platforms.map { ($0.platform.name, $0.platform.isInComposite, $0.entries) }
                for (table, inComposite, entries) in tables {
                    for entry in entries {
                        var previousRank = "", scoreChange = ""
                        if case .ranked(let rank, let delta) = entry.change {
                            previousRank = String(rank)
                            scoreChange = number(delta)
                        }
                        let dimensions = IndexDimension.allCases.map { dimension in
                            table == "composite" ? "" : number(entry.dimensions[dimension] ?? 0)
                        }
                        writer.appendRow(
                            [report.period, level.rawValue, table, String(inComposite), entry.unit.id, entry.unit.label,
                             entry.unit.city ?? "", entry.unit.province ?? "", String(entry.rank.position), String(entry.rank.isTied),
                             number(entry.score), number(entry.quantitative), number(entry.qualitative)]
                                + dimensions
                                + [report.previousPeriod ?? "", previousRank, entry.rankChange.map(String.init) ?? "", scoreChange, String(entry.change == .new)]
                        )
                    }
                }
            }
        }
        return writer.text
    }
}
