import Foundation

/// Reads Twitter API v2 responses as twarc2 saves them: one page per line
/// (`{"data": [...], "includes": {"users", "tweets"}, "errors", "meta", "__twarc"}`), a single
/// page as a JSON document, or one tweet per line.
///
/// A tweet in `data` is a post by `author_id` at `created_at` (ISO 8601, UTC). Its
/// `referenced_tweets` name what it reposts (`retweeted`), quotes (`quoted`) or answers
/// (`replied_to`); the referenced tweet's author is looked up in `includes.tweets` of the same
/// page (expansions are per page). A retweet keeps the original's id as its parent and that
/// author as `parent_author`, so the relation author → retweeter is made even though the
/// original is not among the posts; when the page does not include the original (deleted or
/// protected tweets are listed in `errors`) the retweet is kept with its external parent and no
/// relation, counted. Quotes give quote ties quoted author → quoter, replies reply ties
/// `in_reply_to_user_id` → replier. Users come from `includes.users` for the accounts the posts
/// involve; users only mentioned are not made accounts (their ids stay in the `mentions` field).
/// Besides the content fields, a tweet's client (`source`), `public_metrics.quote_count`,
/// `conversation_id`, place (`geo.place_id`, named from `includes.places`) and point
/// coordinates are kept as post attributes; every other top-level tweet field that holds a value
/// is counted by name in the reading notes ("tweet fields not read").
/// - Complexity: O(bytes), one page at a time.
enum TwitterV2Reader {
    static func read(_ path: String, options: DatasetLoader.Options) throws -> Dataset {
        var export = PlatformExport(format: .twitterV2, file: (path as NSString).lastPathComponent)
        export.postAttributeColumns = ContentFields.columns + ["reply_to_post", "quoted_post"] + ["client", "quote_count", "place", "coordinates", "conversation_id"]
        export.accountAttributeColumns = ["display_name", "location"]
        var times = TimestampReader(zone: options.timeZone ?? .utc)
        var unread = UnreadFields(topic: "tweet fields", read: readFields)
        if JSONExport.isJSONLines(path) {
            try JSONExport.forEachLine(path) { tape, line in
                try page(tape, location: "line \(line)", line: line, into: &export, times: &times, unread: &unread)
            }
        } else {
            try JSONExport.withDocument(path) { tape in
                try page(tape, location: "document", line: nil, into: &export, times: &times, unread: &unread)
            }
        }
        if let note = unread.readingNote { export.notes.append(note) }
        export.applyKinds(options.kinds)
        return export.dataset(name: path)
    }

    /// The top-level tweet fields read or kept.
    static let readFields: [StaticString] = [
        "id", "author_id", "created_at", "referenced_tweets", "entities", "text", "lang", "public_metrics", "in_reply_to_user_id",
        "source", "conversation_id", "geo",
    ]

    /// The tokens of a page's `includes` by id.
    struct Includes {
        var users: [String: Int] = [:]
        var tweets: [String: Int] = [:]
        var places: [String: Int] = [:]
    }

    private static func page(
        _ tape: JSONTape, location: String, line: Int?, into export: inout PlatformExport, times: inout TimestampReader,
        unread: inout UnreadFields
    ) throws {
        let object = tape.root
        guard tape.kind(object) == .object else { throw tape.error("\(location): expected a v2 response object", atValue: object) }
        var includes = Includes()
        if let found = try tape.member(object, "includes") {
            for user in tape.elements(try tape.member(found, "users")) {
                if let id = try tape.id(tape.member(user, "id")) { includes.users[id] = user }
            }
            for tweet in tape.elements(try tape.member(found, "tweets")) {
                if let id = try tape.id(tape.member(tweet, "id")) { includes.tweets[id] = tweet }
            }
            for place in tape.elements(try tape.member(found, "places")) {
                if let id = try tape.id(tape.member(place, "id")) { includes.places[id] = place }
            }
        }
        let data = try tape.member(object, "data")
        let tweets: [Int]
        if let data, tape.kind(data) == .array {
            tweets = Array(tape.elements(data))
        } else if let data, tape.kind(data) == .object {
            tweets = [data]
        } else if try tape.has(object, "author_id") {
            tweets = [object]
        } else {
            if data == nil, try tape.has(object, "errors") {
                export.diagnostics.warn("pages with errors only (no tweets)", file: export.file, line: line, "\(location) holds only errors")
                return
            }
            throw tape.error("\(location): expected \"data\" with tweets", atValue: data ?? object)
        }
        for (index, tweet) in tweets.enumerated() {
            try add(tape, tweet, location: "\(location) data[\(index)]", line: line, includes: includes, into: &export, times: &times, unread: &unread)
        }
    }

    private static func add(
        _ tape: JSONTape, _ tweet: Int, location: String, line: Int?, includes: Includes, into export: inout PlatformExport,
        times: inout TimestampReader, unread: inout UnreadFields
    ) throws {
        func fail(_ message: String) -> InputError { tape.error("\(location): \(message)", atValue: tweet) }
        guard tape.kind(tweet) == .object else { throw fail("expected a tweet object") }
        guard let postID = try tape.id(tape.member(tweet, "id")) else { throw fail("tweet without id") }
        guard let author = try tape.id(tape.member(tweet, "author_id")) else { throw fail("tweet \(postID) without author_id") }
        try account(author, tape, includes, into: &export)
        guard let created = try tape.text(tape.member(tweet, "created_at")) else {
            throw fail("tweet \(postID) without created_at (request tweet.fields=created_at)")
        }
        let time: Double
        do throws(TimestampReader.Problem) {
            time = try times.read(created, line: line)
        } catch {
            throw fail("tweet \(postID): created_at \(error.message)")
        }
        var parentPost: String?, parentAuthor: String?, quotedAuthor: String?
        var attributes: [String: String] = [:]
        for reference in tape.elements(try tape.member(tweet, "referenced_tweets")) {
            guard let id = try tape.id(tape.member(reference, "id")) else { continue }
            let referencedAuthor = try includes.tweets[id].flatMap { try tape.id(tape.member($0, "author_id")) }
            switch try tape.string(tape.member(reference, "type")) {
            case "retweeted":
                parentPost = id
                parentAuthor = referencedAuthor
                if referencedAuthor == nil {
                    export.diagnostics.warn("retweets whose original is not in the page's includes (no relation)", file: export.file, line: line, "\(location): retweeted tweet \(id) is not in includes.tweets")
                }
            case "quoted":
                attributes["quoted_post"] = id
                quotedAuthor = referencedAuthor
            case "replied_to":
                attributes["reply_to_post"] = id
            default:
                continue
            }
        }
        if let parentAuthor { try account(parentAuthor, tape, includes, into: &export) }
        let entities = try tape.member(tweet, "entities")
        func items(_ key: StaticString, _ fields: [StaticString]) throws -> [String] {
            guard let entities else { return [] }
            return try tape.elements(tape.member(entities, key)).compactMap { item in
                for field in fields { if let value = try tape.id(tape.member(item, field)) { return value } }
                return nil
            }
        }
        let urls = try items("urls", ["expanded_url", "url"])
        let text = try tape.text(tape.member(tweet, "text"))
        ContentFields.set(
            &attributes, language: try tape.text(tape.member(tweet, "lang")), hashtags: try items("hashtags", ["tag"]), urls: urls,
            mentions: try items("mentions", ["id", "username"]), text: text
        )
        let metrics = try tape.member(tweet, "public_metrics")
        func metric(_ key: StaticString) throws -> Int? { try metrics.flatMap { try tape.count(tape.member($0, key)) } }
        if let source = try tape.text(tape.member(tweet, "source")), let client = ContentFields.linkText(source) { attributes["client"] = client }
        if let quotes = try metric("quote_count") { attributes["quote_count"] = String(quotes) }
        if let conversation = try tape.id(tape.member(tweet, "conversation_id")) { attributes["conversation_id"] = conversation }
        if let geo = try tape.member(tweet, "geo") {
            if let place = try tape.id(tape.member(geo, "place_id")) {
                attributes["place"] = try includes.places[place].flatMap { try tape.text(tape.member($0, "full_name")) } ?? place
            }
            if let point = try tape.member(geo, "coordinates"), let pair = tape.coordinates(try tape.member(point, "coordinates")) {
                attributes["coordinates"] = pair
            }
        }
        unread.count(tape, tweet)
        export.add(
            Post(
                postID: postID, author: author, time: time, parentPost: parentPost, platform: "x",
                likes: try metric("like_count"), comments: try metric("reply_count"), shares: try metric("retweet_count"),
                views: try metric("impression_count"), contentHash: text.flatMap(ContentFields.textHash), url: urls.first,
                parentAuthor: parentAuthor, attributes: attributes
            ),
            line: line
        )
        // A retweet of a quote lists only the retweet; quote ties belong to the quoting tweet.
        if parentPost == nil, let quotedAuthor {
            if quotedAuthor != author {
                try account(quotedAuthor, tape, includes, into: &export)
                export.tie(from: quotedAuthor, to: author, type: .quote, time: time, line: line)
            } else {
                export.countSelfTie(.quote)
            }
        }
        if let repliedTo = try tape.id(tape.member(tweet, "in_reply_to_user_id")) {
            if repliedTo != author {
                try account(repliedTo, tape, includes, into: &export)
                export.tie(from: repliedTo, to: author, type: .reply, time: time, line: line)
            } else {
                export.countSelfTie(.reply)
            }
        }
    }

    /// Records account `id` with what the page's `includes.users` says of it.
    private static func account(_ id: String, _ tape: JSONTape, _ includes: Includes, into export: inout PlatformExport) throws {
        let user = includes.users[id]
        func field(_ key: StaticString) throws -> String? { try user.flatMap { try tape.text(tape.member($0, key)) } }
        var attributes: [String: String] = [:]
        if let name = try field("name") { attributes["display_name"] = name }
        if let location = try field("location") { attributes["location"] = location }
        export.account(Account(
            id: id, name: try field("username"), kind: .other, platform: "x",
            followers: try user.flatMap { try tape.member($0, "public_metrics") }.flatMap { try tape.count(tape.member($0, "followers_count")) },
            attributes: attributes
        ))
    }
}
