/// The entity each account belongs to, as an index unit (`--by entity`).
///
/// An entity is the `entity` value of `accounts.csv`: the institution behind several accounts,
/// such as one city's communication centre on five platforms. An account without an entity (or a
/// metrics row whose account is not in `accounts.csv`) is the entity named by its account id, so
/// the entity index covers every account and an institution with one account needs no value.
/// A unit's city and province are those of its accounts when they all agree, else empty.
struct EntityNames {
    private var units: [String: IndexUnit] = [:]
    /// Accounts whose row names an entity.
    private var named: Set<String> = []

    init(accounts: [Account]) {
        var cities: [String: Set<String?>] = [:]
        var provinces: [String: Set<String?>] = [:]
        for account in accounts {
            guard let entity = account.entity else { continue }
            cities[entity, default: []].insert(account.city)
            provinces[entity, default: []].insert(account.province)
        }
        for account in accounts {
            if let entity = account.entity {
                let city = cities[entity].flatMap { $0.count == 1 ? $0.first ?? nil : nil }
                let province = provinces[entity].flatMap { $0.count == 1 ? $0.first ?? nil : nil }
                units[account.id] = IndexUnit(id: entity, city: city, province: province, accountCount: 0)
                named.insert(account.id)
            } else {
                units[account.id] = IndexUnit(id: account.id, name: account.name, city: account.city, province: account.province, accountCount: 0)
            }
        }
    }

    /// The entity unit of account `id`.
    func unit(forAccount id: String) -> IndexUnit { units[id] ?? IndexUnit(id: id, accountCount: 0) }

    /// Whether account `id` names an entity (rather than standing for itself).
    func namesEntity(_ id: String) -> Bool { named.contains(id) }
}
