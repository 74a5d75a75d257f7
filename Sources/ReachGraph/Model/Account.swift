/// One row of `accounts.csv`.
public struct Account: Sendable, Equatable, Codable {
    public var id: String
    public var name: String?
    public var kind: AccountKind
    public var platform: String?
    public var country: String?
    public var province: String?
    public var city: String?
    public var tier: Tier?
    public var followers: Int?
    /// The declared superior in a "1+N" structure (an account id).
    public var parent: String?
    /// Columns the format does not define, kept so they survive a round trip.
    public var attributes: [String: String]

    public init(
        id: String, name: String? = nil, kind: AccountKind, platform: String? = nil, country: String? = nil,
        province: String? = nil, city: String? = nil, tier: Tier? = nil, followers: Int? = nil,
        parent: String? = nil, attributes: [String: String] = [:]
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.platform = platform
        self.country = country
        self.province = province
        self.city = city
        self.tier = tier
        self.followers = followers
        self.parent = parent
        self.attributes = attributes
    }
}
