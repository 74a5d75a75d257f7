/// Which accounts a ranking lists. Empty sets mean "any". Filters choose rows only: measures
/// are always computed on the whole network, so a filtered ranking shows each account's place
/// in the full picture.
public struct AccountFilter: Sendable, Equatable {
    public var kinds: Set<AccountKind> = []
    public var tiers: Set<Tier> = []
    /// Province names, compared case-insensitively.
    public var provinces: Set<String> = []
    /// Platform names, compared case-insensitively.
    public var platforms: Set<String> = []

    public init(kinds: Set<AccountKind> = [], tiers: Set<Tier> = [], provinces: Set<String> = [], platforms: Set<String> = []) {
        self.kinds = kinds
        self.tiers = tiers
        self.provinces = Set(provinces.map { $0.lowercased() })
        self.platforms = Set(platforms.map { $0.lowercased() })
    }

    /// Whether `account` passes every filter.
    public func accepts(_ account: Account) -> Bool {
        (kinds.isEmpty || kinds.contains(account.kind))
            && (tiers.isEmpty || account.tier.map(tiers.contains) == true)
            && (provinces.isEmpty || account.province.map { provinces.contains($0.lowercased()) } == true)
            && (platforms.isEmpty || account.platform.map { platforms.contains($0.lowercased()) } == true)
    }
}
