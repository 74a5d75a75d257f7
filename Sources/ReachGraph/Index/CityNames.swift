/// The city each account belongs to, as an index unit.
///
/// A city is its `city` value in `accounts.csv` together with its `province`; its id is the
/// city's name, followed by the province in parentheses when two provinces have a city of that
/// name, so ids stay unique and stable across periods.
struct CityNames {
    private var units: [String: IndexUnit] = [:]

    init(accounts: [Account]) {
        var provinces: [String: Set<String>] = [:]
        for account in accounts {
            guard let city = account.city else { continue }
            provinces[city, default: []].insert(account.province ?? "")
        }
        for account in accounts {
            guard let city = account.city else { continue }
            let shared = (provinces[city]?.count ?? 0) > 1
            let id = shared ? "\(city) (\(account.province ?? "no province"))" : city
            units[account.id] = IndexUnit(id: id, city: city, province: account.province, accountCount: 0)
        }
    }

    /// The city unit of account `id`; `nil` when the account has no city or is unknown.
    func unit(forAccount id: String) -> IndexUnit? { units[id] }
}
