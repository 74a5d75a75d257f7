import GRDB
import ReachGraph

/// The attributes of an account that are kept as history: one `account_version` row.
struct AccountAttributes: Equatable {
    var name: String?
    var kind: String
    var country: String?
    var province: String?
    var city: String?
    var tier: String?
    var followers: Int?
    var parent: String?
    var entity: String?
    /// Extra columns as a JSON object, `nil` when there are none.
    var attributes: String?

    init(_ account: Account) {
        name = account.name
        kind = account.kind.rawValue
        country = account.country
        province = account.province
        city = account.city
        tier = account.tier?.rawValue
        followers = account.followers
        parent = account.parent
        entity = account.entity
        attributes = AttributeText.encode(account.attributes)
    }

    /// Reads columns `name` … `attributes`, `entity` starting at `offset` of a raw row.
    init(row: RawRow, offset: CInt) {
        name = row.string(offset)
        kind = row.string(offset + 1) ?? ""
        country = row.string(offset + 2)
        province = row.string(offset + 3)
        city = row.string(offset + 4)
        tier = row.string(offset + 5)
        followers = row.integer(offset + 6)
        parent = row.string(offset + 7)
        attributes = row.string(offset + 8)
        entity = row.string(offset + 9)
    }

    /// Reads columns `name` … `attributes`, `entity` starting at `offset`.
    init(row: Row, offset: Int) {
        name = row[offset]
        kind = row[offset + 1]
        country = row[offset + 2]
        province = row[offset + 3]
        city = row[offset + 4]
        tier = row[offset + 5]
        followers = row[offset + 6]
        parent = row[offset + 7]
        attributes = row[offset + 8]
        entity = row[offset + 9]
    }

    /// The account with these attributes; `nil` when a stored kind or tier is not one ReachGraph knows.
    func account(id: String, platform: String) -> Account? {
        guard let kind = AccountKind(rawValue: kind) else { return nil }
        var parsedTier: Tier?
        if let tier {
            guard let known = Tier(rawValue: tier) else { return nil }
            parsedTier = known
        }
        return Account(
            id: id, name: name, kind: kind, platform: platform.isEmpty ? nil : platform, country: country, province: province,
            city: city, tier: parsedTier, followers: followers, parent: parent, entity: entity, attributes: AttributeText.decode(attributes)
        )
    }
}

/// Every stored version of every account, to find the one in effect at a period or time.
///
/// A version labelled with a period takes effect at the start of that period's window; a version
/// without a period, or with a label that names no window, takes effect at the beginning of time.
/// Among versions taking effect at the same moment the later ingest wins.
struct AccountVersions {
    private struct Version {
        var start: Double
        var ingest: Int64
        var attributes: AccountAttributes
    }

    private var versions: [Int64: [Version]] = [:]

    init(_ db: Database) throws {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT account_seq, period, ingest_id, name, kind, country, province, city, tier, followers, parent, attributes, entity
            FROM account_version
            """)
        while let row = try rows.next() {
            let seq: Int64 = row[0]
            let period: String = row[1]
            versions[seq, default: []].append(
                Version(start: Self.start(of: period), ingest: row[2], attributes: AccountAttributes(row: row, offset: 3))
            )
        }
    }

    static func start(of period: String) -> Double {
        StoreSlice.window(ofPeriod: period)?.from ?? -.infinity
    }

    /// The version in effect at the start of `period` (`""`: versions without a period only).
    func inEffect(for seq: Int64, atPeriod period: String) -> AccountAttributes? {
        inEffect(for: seq, before: period.isEmpty ? -.infinity : Self.start(of: period), inclusive: true)
    }

    private func inEffect(for seq: Int64, before limit: Double, inclusive: Bool) -> AccountAttributes? {
        var choice = VersionChoice(before: limit, inclusive: inclusive)
        for version in versions[seq] ?? [] where choice.prefers(start: version.start, ingest: version.ingest) {
            choice.take(start: version.start, ingest: version.ingest, version.attributes)
        }
        return choice.best
    }
}

/// The version in effect among an account's versions seen one by one: the one whose period
/// starts latest before the limit (at it too when `inclusive`), the later ingest among equals.
struct VersionChoice {
    private let limit: Double
    private let inclusive: Bool
    private var start = -Double.infinity, ingest = Int64.min
    private(set) var best: AccountAttributes?

    init(before limit: Double, inclusive: Bool) {
        self.limit = limit
        self.inclusive = inclusive
    }

    /// The choice of the version in effect just before `time` (`nil`: the latest).
    init(before time: Double?) {
        self.init(before: time ?? .infinity, inclusive: time == nil)
    }

    /// Whether a version starting at `start` from ingest `ingest` would replace the best so far.
    func prefers(start: Double, ingest: Int64) -> Bool {
        guard start < limit || (inclusive && start == limit) else { return false }
        return best == nil || (start, ingest) >= (self.start, self.ingest)
    }

    mutating func take(start: Double, ingest: Int64, _ attributes: AccountAttributes) {
        (self.start, self.ingest, best) = (start, ingest, attributes)
    }
}
