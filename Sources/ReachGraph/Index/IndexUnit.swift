/// What the index ranks: single accounts, or cities with all their accounts together.
public enum IndexGrouping: String, CaseIterable, Sendable {
    case account
    case city
}

/// One ranked unit: an account, or a city aggregating its accounts.
public struct IndexUnit: Sendable, Hashable {
    /// The account id, or the city's name (followed by its province in parentheses when two
    /// provinces have a city of that name).
    public var id: String
    /// The account's display name from `accounts.csv`; `nil` for cities.
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
