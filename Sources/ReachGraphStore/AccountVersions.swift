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

    private static func start(of period: String) -> Double {
        StoreSlice.window(ofPeriod: period)?.from ?? -.infinity
    }

    /// The version in effect at the start of `period` (`""`: versions without a period only).
    func inEffect(for seq: Int64, atPeriod period: String) -> AccountAttributes? {
        inEffect(for: seq, before: period.isEmpty ? -.infinity : Self.start(of: period), inclusive: true)
    }

    /// The version in effect just before `time` (`nil`: the latest).
    func inEffect(for seq: Int64, before time: Double?) -> AccountAttributes? {
        inEffect(for: seq, before: time ?? .infinity, inclusive: time == nil)
    }

    private func inEffect(for seq: Int64, before limit: Double, inclusive: Bool) -> AccountAttributes? {
        var best: Version?
        for version in versions[seq] ?? [] where version.start < limit || (inclusive && version.start == limit) {
            if let current = best, (current.start, current.ingest) > (version.start, version.ingest) { continue }
            best = version
        }
        return best?.attributes
    }
}
