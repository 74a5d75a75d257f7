/// What the index ranks: single accounts, cities with all their accounts together, or entities
/// (the institutions of `accounts.csv`'s `entity` column) with all their accounts together.
public enum IndexGrouping: String, CaseIterable, Sendable {
    case account
    case city
    case entity
}

extension IndexGrouping {
    /// The units' name in sentences: accounts, cities or entities.
    public var unitsName: String {
        switch self {
        case .account: "accounts"
        case .city: "cities"
        case .entity: "entities"
        }
    }

    /// The units' name in the bilingual chart titles.
    var bilingualUnitsName: String {
        switch self {
        case .account: "accounts 账号"
        case .city: "cities 城市"
        case .entity: "entities 机构"
        }
    }
}

/// One ranked unit: an account, or a city or entity aggregating its accounts.
public struct IndexUnit: Sendable, Hashable {
    /// The account id, the city's name (followed by its province in parentheses when two
    /// provinces have a city of that name), or the entity's name (an account without an entity
    /// is the entity named by its id).
    public var id: String
    /// The account's display name from `accounts.csv`; `nil` for cities and named entities.
    public var name: String?
    public var city: String?
    public var province: String?
    /// How many accounts the unit stands for (1 for an account).
    public var accountCount: Int

    public init(id: String, name: String? = nil, city: String? = nil, province: String? = nil, accountCount: Int = 1) {
        self.id = id
        self.name = name
        self.city = city
        self.province = province
        self.accountCount = accountCount
    }

    /// The name people read: the account's name when known, otherwise its id.
    public var label: String { name ?? id }
}
