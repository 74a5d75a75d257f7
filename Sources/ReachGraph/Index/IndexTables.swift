extension IndexReport {
    /// The report as printable tables: the composite, one table per platform, and how each
    /// platform entered the composite; with `platform`, only that platform's table.
    ///
    /// `top` keeps the units ranked `top` or better, so units tied at the cut are all kept.
    public func tables(top: Int? = nil, platform: String? = nil) -> [ResultTable] {
        if let platform {
            return ranking(of: platform).map { [platformTable($0, top: top)] } ?? []
        }
        return [compositeTable(top: top)] + platforms.map { platformTable($0, top: top) } + [platformSummaryTable]
    }

    private var unitColumns: [String] {
        switch grouping {
        case .account: return ["account", "name", "city"]
        case .city: return ["city", "province", "accounts"]
        case .entity: return ["entity", "city", "accounts"]
        }
    }

    private func unitCells(_ unit: IndexUnit) -> [Cell] {
        switch grouping {
        case .account: return [.text(unit.id), unit.name.map(Cell.text) ?? .missing, unit.city.map(Cell.text) ?? .missing]
        case .city: return [.text(unit.id), unit.province.map(Cell.text) ?? .missing, .integer(unit.accountCount)]
        case .entity: return [.text(unit.id), unit.city.map(Cell.text) ?? .missing, .integer(unit.accountCount)]
        }
    }

    private func changeCells(_ entry: IndexEntry) -> [Cell] {
        var previousRank = Cell.missing, delta = Cell.missing
        if case .ranked(let rank, let scoreDelta) = entry.change {
            previousRank = .integer(rank)
            delta = .number(scoreDelta)
        }
        return [.text(entry.changeLabel), previousRank, delta]
    }

    private var changeColumns: [String] { ["change", "previous_rank", "score_change"] }

    /// The raw activity behind the scores, totals beside per-post rates (``IndexActivity``).
    static let activityColumns = [
        "posts", "interactions", "interactions_per_post", "views", "views_per_post", "followers", "follower_gain", "follower_growth",
    ]

    static func activityCells(_ activity: IndexActivity) -> [Cell] {
        [activity.posts, activity.interactions, activity.interactionsPerPost, activity.views, activity.viewsPerPost,
         activity.followers, activity.followerGain, activity.followerGrowth].map { $0.map(Cell.number) ?? .missing }
    }

    private var headingSuffix: String {
        "\(period), by \(grouping.rawValue)" + (previousPeriod.map { "; change vs \($0)" } ?? "")
    }

    private func compositeTable(top: Int?) -> ResultTable {
        var table = ResultTable(
            name: "index_composite", title: "Communication power index, composite (\(headingSuffix))",
            columns: ["rank"] + unitColumns + ["score", "quantitative", "qualitative"] + platforms.map(\.platform.name) + changeColumns
                + Self.activityColumns
        )
        table.rows = composite.top(top).map { entry in
            [.text(entry.rank.description)] + unitCells(entry.unit)
                + [.number(entry.score), .number(entry.quantitative), .number(entry.qualitative)]
                + platforms.map { Cell.number(entry.platformScores[$0.platform.name] ?? 0) }
                + changeCells(entry) + Self.activityCells(entry.activity)
        }
        return table
    }

    private func platformTable(_ ranking: IndexPlatformRanking, top: Int?) -> ResultTable {
        let summary = ranking.platform
        let role = summary.exclusionReason.map { "left out of the composite: \($0)" }
            ?? "weight \(formatNumber(summary.compositeWeight, digits: 3)) in the composite"
        var table = ResultTable(
            name: "index_\(summary.name)", title: "Communication power index, \(summary.name) (\(headingSuffix); \(role))",
            columns: ["rank"] + unitColumns + ["score"] + IndexDimension.allCases.map(\.rawValue) + ["quantitative", "qualitative"] + changeColumns
                + Self.activityColumns
        )
        table.rows = ranking.entries.top(top).map { entry in
            [.text(entry.rank.description)] + unitCells(entry.unit) + [.number(entry.score)]
                + IndexDimension.allCases.map { Cell.number(entry.dimensions[$0] ?? 0) }
                + [.number(entry.quantitative), .number(entry.qualitative)] + changeCells(entry) + Self.activityCells(entry.activity)
        }
        return table
    }

    /// How each platform entered the composite, with the weights actually used.
    private var platformSummaryTable: ResultTable {
        var table = ResultTable(
            name: "index_platforms", title: "Platforms in the index (\(period))",
            columns: ["platform", "weight", "composite_weight", "accounts", "units", "in_composite"]
                + IndexDimension.allCases.map(\.rawValue) + ["note", "monthly_users", "users_as_of", "users_source"]
        )
        table.rows = platforms.map(\.platform).map { summary in
            let scale = weights.platform(named: summary.name)?.userScale
            return [.text(summary.name), .number(summary.weight), .number(summary.compositeWeight), .integer(summary.accountCount),
                    .integer(summary.unitCount), .text(summary.isInComposite ? "yes" : "no")]
                + IndexDimension.allCases.map { dimension in summary.dimensionWeights[dimension].map(Cell.number) ?? .missing }
                + [summary.exclusionReason.map(Cell.text) ?? .missing]
                + [scale.map { Cell.number($0.monthlyUsers) } ?? .missing, scale.map { Cell.text($0.asOf) } ?? .missing,
                   scale.map { Cell.text("\($0.publisher), \($0.url)") } ?? .missing]
        }
        return table
    }
}

extension IndexReport {
    /// The composite ranking with each unit's activity, totals beside per-post rates: the compact
    /// table a briefing shows (``tables(top:platform:)`` has the full one, with the score of every
    /// platform). `top` keeps the units ranked `top` or better.
    public func activityTable(top: Int? = nil) -> ResultTable {
        let unitColumns: [String]
        switch grouping {
        case .account: unitColumns = ["account", "name"]
        case .city: unitColumns = ["city", "province"]
        case .entity: unitColumns = ["entity", "city"]
        }
        var table = ResultTable(
            name: "index_activity",
            title: "Communication power index and activity, \(period) (totals and per-post rates over the platforms in the composite)",
            columns: ["rank"] + unitColumns + ["score", "change", "posts", "interactions", "interactions_per_post", "views_per_post", "followers", "follower_gain", "follower_growth"]
        )
        table.rows = composite.top(top).map { entry in
            let activity = entry.activity
            let second: Cell
            switch grouping {
            case .account: second = entry.unit.name.map(Cell.text) ?? .missing
            case .city: second = entry.unit.province.map(Cell.text) ?? .missing
            case .entity: second = entry.unit.city.map(Cell.text) ?? .missing
            }
            return [.text(entry.rank.description), .text(entry.unit.id), second, .number(entry.score), .text(entry.changeLabel)]
                + [activity.posts, activity.interactions, activity.interactionsPerPost, activity.viewsPerPost, activity.followers,
                   activity.followerGain, activity.followerGrowth].map { $0.map(Cell.number) ?? .missing }
        }
        return table
    }
}
