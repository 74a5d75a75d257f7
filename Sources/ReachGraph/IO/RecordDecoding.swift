/// The columns of each file of a dataset, and how a record of each is decoded. Shared by the
/// CSV and JSON readers, so both accept and reject exactly the same values.
enum Columns {
    static let accountRequired = ["id", "kind"]
    static let accountKnown = ["id", "name", "kind", "platform", "country", "province", "city", "tier", "followers", "parent", "entity"]
    static let relationRequired = ["source", "target", "relation"]
    static let relationKnown = ["source", "target", "relation", "weight", "first_seen", "last_seen"]
    static let postRequired = ["post_id", "author", "time"]
    static let postKnown = ["post_id", "author", "time", "parent_post", "root_post", "platform", "likes", "comments", "shares", "views", "content_hash", "url", "parent_author"]
    static let metricsRequired = ["account", "platform", "period"]
    static let metricsKnown = ["account", "platform", "period", "posts", "likes", "comments", "shares", "views", "followers", "follower_gain", "qualitative"]
}

extension Account {
    init(decoding row: inout some FieldSource) throws {
        try self.init(decoding: &row, kind: try row.requiredEnumeration("kind", as: AccountKind.self))
    }

    /// Decodes a row whose kind the caller has decided (`--kinds`).
    init(decoding row: inout some FieldSource, kind: AccountKind) throws {
        self.init(
            id: try row.requiredText("id"),
            name: try row.trimmedText("name"),
            kind: kind,
            platform: try row.trimmedText("platform")?.lowercased(),
            country: try row.trimmedText("country"),
            province: try row.trimmedText("province"),
            city: try row.trimmedText("city"),
            tier: try row.enumeration("tier", as: Tier.self),
            followers: try row.count("followers"),
            parent: try row.trimmedText("parent"),
            entity: try row.trimmedText("entity"),
            attributes: try row.attributes()
        )
    }
}

/// A relation row before its ids are resolved to account indices.
struct RelationRecord {
    var source: String
    var target: String
    var type: RelationType
    var weight: Double
    var firstSeen: Double?
    var lastSeen: Double?

    /// Decodes a relations row read on `line`, its times read by `times`.
    init(decoding row: inout some FieldSource, times: inout DatasetTimes, line: Int?) throws {
        source = try row.requiredText("source")
        target = try row.requiredText("target")
        guard let type = try row.relationType("relation") else { throw row.error("relation", "is empty but required") }
        self.type = type
        weight = try row.weight("weight") ?? 1
        firstSeen = try row.time("first_seen", reader: &times.firstSeen, line: line)
        lastSeen = try row.time("last_seen", reader: &times.lastSeen, line: line)
        if let firstSeen, let lastSeen, lastSeen < firstSeen {
            throw row.error("last_seen", "is earlier than first_seen")
        }
    }
}

extension Post {
    /// Decodes a posts row read on `line`, its time read by `times` (``DatasetTimes``).
    init(decoding row: inout some FieldSource, times: inout TimestampReader, line: Int?) throws {
        let postID = try row.requiredText("post_id"), author = try row.requiredText("author")
        guard let time = try row.time("time", reader: &times, line: line) else { throw row.error("time", "is empty but required") }
        self.init(
            postID: postID,
            author: author,
            time: time,
            parentPost: try row.trimmedText("parent_post"),
            rootPost: try row.trimmedText("root_post"),
            platform: try row.trimmedText("platform")?.lowercased(),
            likes: try row.count("likes"),
            comments: try row.count("comments"),
            shares: try row.count("shares"),
            views: try row.count("views"),
            contentHash: try row.trimmedText("content_hash"),
            url: try row.trimmedText("url"),
            parentAuthor: try row.trimmedText("parent_author"),
            attributes: try row.attributes()
        )
    }
}

extension MetricsRow {
    init(decoding row: inout some FieldSource) throws {
        let qualitative = try row.double("qualitative")
        if let qualitative, !(0 ... 100).contains(qualitative) {
            throw row.error("qualitative", "\(qualitative) is outside 0–100")
        }
        self.init(
            account: try row.requiredText("account"),
            platform: try row.requiredText("platform").lowercased(),
            period: try row.period("period"),
            posts: try row.count("posts"),
            likes: try row.count("likes"),
            comments: try row.count("comments"),
            shares: try row.count("shares"),
            views: try row.count("views"),
            followers: try row.count("followers"),
            followerGain: try row.integer("follower_gain"),
            qualitative: qualitative,
            attributes: try row.attributes()
        )
    }
}
