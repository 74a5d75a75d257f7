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
    /// The institution the account speaks for, when it runs several accounts (one city's
    /// communication centre on five platforms): the index can rank entities (`--by entity`),
    /// ranking tables show it beside the account and figures label the account with it.
    public var entity: String?
    /// Columns the format does not define, kept so they survive a round trip.
    public var attributes: [String: String]

    public init(
        id: String, name: String? = nil, kind: AccountKind, platform: String? = nil, country: String? = nil,
        province: String? = nil, city: String? = nil, tier: Tier? = nil, followers: Int? = nil,
        parent: String? = nil, entity: String? = nil, attributes: [String: String] = [:]
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
        self.entity = entity
        self.attributes = attributes
    }

    /// The name a figure or a sentence shows: the entity with the account's platform when the
    /// account belongs to one (`Hangzhou ICC · youtube`, so its several accounts stay apart), else
    /// the account's name, else its id.
    public var label: String {
        guard let entity else { return name ?? id }
        return platform.map { "\(entity) · \($0)" } ?? entity
    }
}
