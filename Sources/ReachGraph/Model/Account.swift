/// One row of `accounts.csv`.
///
/// Only `id` and `kind` are stored inline; the optional fields live in one shared, immutable box
/// that is absent when they are all empty. Accounts implied by an edge list have none of them, and
/// a million of them took 152 bytes each with the fields inline (152 MB of a 10M-edge `summary`),
/// 32 bytes each now. Setting a field copies a shared box first, so copies never share a change.
public struct Account: Sendable, Equatable, Codable {
    public var id: String
    public var kind: AccountKind
    private var details: Details?

    public var name: String? {
        get { self[\.name] }
        set { self[\.name] = newValue }
    }

    public var platform: String? {
        get { self[\.platform] }
        set { self[\.platform] = newValue }
    }

    public var country: String? {
        get { self[\.country] }
        set { self[\.country] = newValue }
    }

    public var province: String? {
        get { self[\.province] }
        set { self[\.province] = newValue }
    }

    public var city: String? {
        get { self[\.city] }
        set { self[\.city] = newValue }
    }

    public var tier: Tier? {
        get { self[\.tier] }
        set { self[\.tier] = newValue }
    }

    public var followers: Int? {
        get { self[\.followers] }
        set { self[\.followers] = newValue }
    }

    /// The declared superior in a "1+N" structure (an account id).
    public var parent: String? {
        get { self[\.parent] }
        set { self[\.parent] = newValue }
    }

    /// The institution the account speaks for, when it runs several accounts (one city's
    /// communication centre on five platforms): the index can rank entities (`--by entity`),
    /// ranking tables show it beside the account and figures label the account with it.
    public var entity: String? {
        get { self[\.entity] }
        set { self[\.entity] = newValue }
    }

    /// Columns the format does not define, kept so they survive a round trip.
    public var attributes: [String: String] {
        get { self[\.attributes] }
        set { self[\.attributes] = newValue }
    }

    public init(
        id: String, name: String? = nil, kind: AccountKind, platform: String? = nil, country: String? = nil,
        province: String? = nil, city: String? = nil, tier: Tier? = nil, followers: Int? = nil,
        parent: String? = nil, entity: String? = nil, attributes: [String: String] = [:]
    ) {
        self.id = id
        self.kind = kind
        let fields = Fields(
            name: name, platform: platform, country: country, province: province, city: city, tier: tier,
            followers: followers, parent: parent, entity: entity, attributes: attributes
        )
        details = fields.isEmpty ? nil : Details(fields)
    }

    /// The name a figure or a sentence shows: the entity with the account's platform when the
    /// account belongs to one (`Hangzhou ICC · youtube`, so its several accounts stay apart), else
    /// the account's name, else its id.
    public var label: String {
        guard let entity else { return name ?? id }
        return platform.map { "\(entity) · \($0)" } ?? entity
    }

    public static func == (lhs: Account, rhs: Account) -> Bool {
        lhs.id == rhs.id && lhs.kind == rhs.kind && (lhs.details?.fields ?? Fields()) == (rhs.details?.fields ?? Fields())
    }

    /// One optional field: read from the box, or written through ``update(_:)``.
    private subscript<Value>(field: WritableKeyPath<Fields, Value>) -> Value {
        get {
            guard let details else { return Fields()[keyPath: field] }
            return details.fields[keyPath: field]
        }
        set { update { $0[keyPath: field] = newValue } }
    }

    /// Changes the box in place when this account alone holds it (readers that fill an account
    /// field by field allocate once), and a copy otherwise.
    private mutating func update(_ change: (inout Fields) -> Void) {
        if isKnownUniquelyReferenced(&details), let details {
            change(&details.fields)
            if details.fields.isEmpty { self.details = nil }
            return
        }
        var fields = details?.fields ?? Fields()
        change(&fields)
        details = fields.isEmpty ? nil : Details(fields)
    }

    private struct Fields: Sendable, Equatable {
        var name: String?
        var platform: String?
        var country: String?
        var province: String?
        var city: String?
        var tier: Tier?
        var followers: Int?
        var parent: String?
        var entity: String?
        var attributes: [String: String] = [:]

        var isEmpty: Bool {
            name == nil && platform == nil && country == nil && province == nil && city == nil && tier == nil
                && followers == nil && parent == nil && entity == nil && attributes.isEmpty
        }
    }

    /// Mutated only through ``update(_:)`` while uniquely referenced, so sharing it between
    /// threads shares an immutable value.
    private final class Details: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    // The keys and presence rules a synthesised conformance had with the fields inline.
    private enum CodingKeys: String, CodingKey {
        case id, name, kind, platform, country, province, city, tier, followers, parent, entity, attributes
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id),
            name: try container.decodeIfPresent(String.self, forKey: .name),
            kind: try container.decode(AccountKind.self, forKey: .kind),
            platform: try container.decodeIfPresent(String.self, forKey: .platform),
            country: try container.decodeIfPresent(String.self, forKey: .country),
            province: try container.decodeIfPresent(String.self, forKey: .province),
            city: try container.decodeIfPresent(String.self, forKey: .city),
            tier: try container.decodeIfPresent(Tier.self, forKey: .tier),
            followers: try container.decodeIfPresent(Int.self, forKey: .followers),
            parent: try container.decodeIfPresent(String.self, forKey: .parent),
            entity: try container.decodeIfPresent(String.self, forKey: .entity),
            attributes: try container.decode([String: String].self, forKey: .attributes)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encode(kind, forKey: .kind)
        try container.encodeIfPresent(platform, forKey: .platform)
        try container.encodeIfPresent(country, forKey: .country)
        try container.encodeIfPresent(province, forKey: .province)
        try container.encodeIfPresent(city, forKey: .city)
        try container.encodeIfPresent(tier, forKey: .tier)
        try container.encodeIfPresent(followers, forKey: .followers)
        try container.encodeIfPresent(parent, forKey: .parent)
        try container.encodeIfPresent(entity, forKey: .entity)
        try container.encode(attributes, forKey: .attributes)
    }
}
