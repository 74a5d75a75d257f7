/// Tables of ranked accounts, with the account attributes people need to read them.
public enum RankingTable {
    /// Attribute columns appended to every ranking row.
    public static let attributeColumns = ["name", "kind", "tier", "province", "platform", "followers"]

    /// ``attributeColumns``, with `entity` after `name` when the dataset's accounts name entities,
    /// so the institution behind an account stands beside it.
    public static func attributeColumns(for dataset: Dataset) -> [String] {
        dataset.hasEntities ? ["name", "entity"] + attributeColumns.dropFirst() : attributeColumns
    }

    public static func attributes(of account: Account) -> [Cell] {
        [
            account.name.map(Cell.text) ?? .missing, .text(account.kind.rawValue), account.tier.map { .text($0.rawValue) } ?? .missing,
            account.province.map(Cell.text) ?? .missing, account.platform.map(Cell.text) ?? .missing,
            account.followers.map(Cell.integer) ?? .missing,
        ]
    }

    /// The cells of ``attributeColumns(for:)``; `withEntity` is the dataset's ``Dataset/hasEntities``.
    public static func attributes(of account: Account, withEntity: Bool) -> [Cell] {
        var cells = attributes(of: account)
        if withEntity { cells.insert(account.entity.map(Cell.text) ?? .missing, at: 1) }
        return cells
    }

    static func bootstrapColumns(_ bootstrap: RankBootstrap?) -> [String] {
        bootstrap == nil ? [] : ["rank_low", "rank_high", "p_top_k"]
    }

    static func bootstrapCells(_ bootstrap: RankBootstrap?, account: Int32) -> [Cell] {
        guard let bootstrap else { return [] }
        guard let entry = bootstrap.entries.first(where: { $0.account == account }) else { return [.missing, .missing, .missing] }
        return [.integer(entry.rankInterval.lowerBound), .integer(entry.rankInterval.upperBound), .number(entry.probabilityInTopK)]
    }

    /// `rank,id,score`, then the attributes, then bootstrap columns when given.
    public static func make(_ ranked: [RankedAccount], measure: String, dataset: Dataset, bootstrap: RankBootstrap? = nil) -> ResultTable {
        var table = ResultTable(
            name: "ranking", title: "Accounts by \(measure)",
            columns: ["rank", "id", "score"] + attributeColumns(for: dataset) + bootstrapColumns(bootstrap)
        )
        let entity = dataset.hasEntities
        for entry in ranked {
            let account = dataset.accounts[Int(entry.account)]
            table.rows.append([.integer(entry.rank), .text(account.id), .number(entry.score)] + attributes(of: account, withEntity: entity) + bootstrapCells(bootstrap, account: entry.account))
        }
        return table
    }

    /// The roles table: one row per ranked account with every role measure.
    public static func roles(_ ranked: [RankedAccount], leaders: KeyOpinionLeaders, dataset: Dataset, bootstrap: RankBootstrap? = nil) -> ResultTable {
        var table = ResultTable(
            name: "key_opinion_leaders", title: "Key opinion leaders (score = max(0.4·P(source_rank) + 0.3·P(distinct_reposters) + 0.3·P(betweenness), (0.4·P(source_rank) + 0.3·P(distinct_reposters)) / 0.7))",
            columns: ["rank", "id", "score", "roles", "distinct_reposters", "source_rank", "distinct_sources", "amplification_ratio", "betweenness", "brokerage"]
                + attributeColumns(for: dataset) + bootstrapColumns(bootstrap)
        )
        let entity = dataset.hasEntities
        for entry in ranked {
            let profile = leaders.profiles[Int(entry.account)]
            let account = dataset.accounts[Int(entry.account)]
            table.rows.append(
                [
                    .integer(entry.rank), .text(account.id), .number(entry.score), .text(profile.roles.joined(separator: "+")),
                    .integer(profile.distinctReposters), .number(profile.sourceRank), .integer(profile.distinctSources),
                    profile.amplificationRatio.map(Cell.number) ?? .missing, .number(profile.betweenness), .number(profile.brokerage),
                ] + attributes(of: account, withEntity: entity) + bootstrapCells(bootstrap, account: entry.account)
            )
        }
        return table
    }
}
