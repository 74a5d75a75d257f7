/// A unit's raw totals on one platform in one period.
struct PlatformTotals {
    /// Sums over the unit's rows; an empty cell adds 0.
    var values: [IndexIndicator: Double] = [:]
    var qualitativeSum = 0.0
    var rowCount = 0

    /// The mean qualitative score of the unit's rows, an empty cell counting 0.
    var qualitative: Double { rowCount > 0 ? qualitativeSum / Double(rowCount) : 0 }
}

/// The units of one period: every account (or city, or entity) with a metrics row on an indexed
/// platform, with its raw totals per platform, and what the data lacks.
///
/// A city's or entity's totals are the sums of its accounts' raw values (so per-post rates become
/// the ratio of sums) and its qualitative score is the mean of its accounts' rows.
struct IndexPopulation {
    /// Sorted by unit id.
    var units: [IndexUnit] = []
    /// `totals[i][platform]` for `units[i]`; absent when the unit has no row on the platform.
    var totals: [[String: PlatformTotals]] = []
    /// Distinct accounts with a row on each platform.
    var accountCounts: [String: Int] = [:]
    /// Indicators with at least one non-empty cell on each platform.
    var availableIndicators: [String: Set<IndexIndicator>] = [:]
    /// Whether any row has a qualitative score.
    var hasQualitative = false
    var notes: [String] = []

    /// Gathers `rows` (one period, indexed platforms only). Throws when an account has two rows
    /// for one platform, which would otherwise be counted twice.
    init(
        rows: [MetricsRow], grouping: IndexGrouping, accounts: [String: Account], cities: CityNames, entities: EntityNames, period: String
    ) throws {
        var seen: Set<[String]> = []
        var accountsPerPlatform: [String: Set<String>] = [:]
        for row in rows {
            guard seen.insert([row.account, row.platform]).inserted else {
                throw InputError(file: "metrics", message: "account \"\(row.account)\" has more than one row for \(row.platform) in \(period)")
            }
            accountsPerPlatform[row.platform, default: []].insert(row.account)
            for indicator in IndexIndicator.allCases where indicator.value(in: row) != nil {
                availableIndicators[row.platform, default: []].insert(indicator)
            }
            if row.qualitative != nil { hasQualitative = true }
        }
        accountCounts = accountsPerPlatform.mapValues(\.count)

        var unitIndex: [String: Int] = [:]
        var unitAccounts: [Set<String>] = []
        var emptyCells = 0
        var withoutCity: Set<String> = []
        var withoutEntity: Set<String> = []
        for row in rows {
            let unit: IndexUnit
            switch grouping {
            case .account:
                let account = accounts[row.account]
                unit = IndexUnit(id: row.account, name: account?.name, city: account?.city, province: account?.province)
            case .city:
                guard let city = cities.unit(forAccount: row.account) else {
                    withoutCity.insert(row.account)
                    continue
                }
                unit = city
            case .entity:
                unit = entities.unit(forAccount: row.account)
                if !entities.namesEntity(row.account) { withoutEntity.insert(row.account) }
            }
            let index: Int
            if let known = unitIndex[unit.id] {
                index = known
            } else {
                index = units.count
                unitIndex[unit.id] = index
                units.append(unit)
                totals.append([:])
                unitAccounts.append([])
            }
            unitAccounts[index].insert(row.account)
            var platformTotals = totals[index][row.platform] ?? PlatformTotals()
            for indicator in availableIndicators[row.platform] ?? [] {
                if let value = indicator.value(in: row) {
                    platformTotals.values[indicator, default: 0] += Double(value)
                } else {
                    emptyCells += 1
                }
            }
            if hasQualitative && row.qualitative == nil { emptyCells += 1 }
            platformTotals.qualitativeSum += row.qualitative ?? 0
            platformTotals.rowCount += 1
            totals[index][row.platform] = platformTotals
        }
        for index in units.indices { units[index].accountCount = unitAccounts[index].count }
        let order = units.indices.sorted { units[$0].id < units[$1].id }
        units = order.map { units[$0] }
        totals = order.map { totals[$0] }

        if emptyCells > 0 {
            notes.append("\(emptyCells) empty cell\(emptyCells == 1 ? "" : "s") counted as 0 (no recorded activity)")
        }
        if !withoutCity.isEmpty {
            notes.append("\(withoutCity.count) account\(withoutCity.count == 1 ? "" : "s") without a city left out of the city index")
        }
        if !withoutEntity.isEmpty {
            let count = withoutEntity.count
            notes.append("\(count) account\(count == 1 ? "" : "s") without an entity ranked as \(count == 1 ? "an entity" : "entities") of \(count == 1 ? "its" : "their") own")
        }
    }
}
