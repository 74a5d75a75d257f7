import Foundation

/// Reads Twitter API v1.1 tweets: JSON lines (the streaming API, twarc 1), a search response
/// (`{"statuses": [...]}`), or a JSON array of tweets.
///
/// A tweet is a post by `user.id_str` at `created_at` (`Wed Oct 10 20:19:24 +0000 2018`, always
/// UTC), falling back to `timestamp_ms`. Ids come from the `_str` twins: the bare numbers exceed
/// 2^53 and lose digits in any double. A retweet names its original in `retweeted_status`
/// (with the original's author even when the original is not in the file): the post keeps the
/// original's id as its parent and the original's author as `parent_author`, so the relation
/// author → retweeter is made and the retweet is never an original. A quote (`is_quote_status`
/// on a tweet that is not a retweet; retweets of quotes carry a copied `quoted_status`) gives a
/// quote tie quoted author → quoter; a reply a reply tie replied-to user → replier. Hashtags,
/// expanded URLs, mentioned user ids, language and text are kept as content fields, and the
/// client (`source`'s link text, as IO archives' `tweet_client_name`), `quote_count`, the
/// place's name and the point `coordinates` (longitude,latitude) as post attributes. Every other
/// top-level field that holds a value is counted by name in the reading notes ("tweet fields
/// not read"), as the v2 reader counts its own.
/// - Complexity: O(bytes), one line at a time for JSON lines.
enum TwitterV1Reader {
    static func read(_ path: String, options: DatasetLoader.Options) throws -> Dataset {
        var export = PlatformExport(format: .twitterV1, file: (path as NSString).lastPathComponent)
        export.postAttributeColumns = ContentFields.columns + ["reply_to_post", "quoted_post"] + keptFields
        export.accountAttributeColumns = ["display_name", "location"]
        var times = TimestampReader(zone: options.timeZone ?? .utc)
        var state = ReadingState(table: &export.posts.table)
        if JSONExport.isJSONLines(path) {
            try JSONExport.forEachLine(path) { tape, line in
                let value = tape.root
                if tape.kind(value) == .array {
                    for (index, element) in tape.elements(value).enumerated() {
                        try add(tape, element, location: "line \(line) [\(index)]", line: line, to: &export, times: &times, state: &state)
                    }
                    return
                }
                guard tape.kind(value) == .object else { throw tape.error("expected a tweet object", atValue: value) }
                if try tape.has(value, "delete") || tape.has(value, "limit") || tape.has(value, "scrub_geo") {
                    export.diagnostics.warn("stream notices (delete, limit, scrub_geo; not tweets)", file: export.file, line: line, "a stream notice, not a tweet")
                    return
                }
                if let statuses = try tape.member(value, "statuses"), tape.kind(statuses) == .array {
                    for (index, status) in tape.elements(statuses).enumerated() {
                        try add(tape, status, location: "line \(line) statuses[\(index)]", line: line, to: &export, times: &times, state: &state)
                    }
                    return
                }
                try add(tape, value, location: "line \(line)", line: line, to: &export, times: &times, state: &state)
            }
        } else {
            try JSONExport.withDocument(path) { tape in
                let document = tape.root
                var tweets = [document]
                if let statuses = try tape.member(document, "statuses"), tape.kind(statuses) == .array {
                    tweets = Array(tape.elements(statuses))
                } else if tape.kind(document) == .array {
                    tweets = Array(tape.elements(document))
                } else if tape.kind(document) != .object {
                    throw InputError(file: export.file, message: "expected tweets: JSON lines, {\"statuses\": [...]} or an array")
                }
                for (index, tweet) in tweets.enumerated() {
                    try add(tape, tweet, location: "statuses[\(index)]", line: nil, to: &export, times: &times, state: &state)
                }
            }
        }
        if let note = state.unread.readingNote { export.notes.append(note) }
        export.applyKinds(options.kinds)
        return export.dataset(name: path)
    }

    /// The post attributes kept from fields beyond the content fields.
    static let keptFields = ["client", "quote_count", "place", "coordinates"]

    /// The top-level tweet fields read or kept; the bare-number ids are read through their
    /// `_str` twins.
    static let readFields: [StaticString] = [
        "id", "id_str", "user", "created_at", "timestamp_ms", "retweeted_status", "extended_tweet", "entities", "full_text", "text",
        "lang", "in_reply_to_status_id", "in_reply_to_status_id_str", "in_reply_to_user_id", "in_reply_to_user_id_str",
        "in_reply_to_screen_name", "is_quote_status", "quoted_status_id", "quoted_status_id_str", "quoted_status", "favorite_count",
        "reply_count", "retweet_count", "source", "quote_count", "place", "coordinates",
    ]

    /// Reads one tweet straight into the posts' string table: ids, text and content fields are
    /// interned from the line's bytes, and a user already seen with every field filled builds
    /// nothing, so a usual tweet makes no `String`, no `Post` and no dictionary (BENCHMARKS.md,
    /// "Twitter v1.1 JSON lines").
    private static func add(_ tape: JSONTape, _ tweet: Int, location: @autoclosure () -> String, line: Int?, to export: inout PlatformExport, times: inout TimestampReader, state: inout ReadingState) throws {
        func fail(_ message: String, at node: Int) -> InputError {
            var error = tape.error(message, atValue: node)
            if line == nil { error.message = "\(location()): \(message)" }
            return error
        }
        guard tape.kind(tweet) == .object else { throw fail("expected a tweet object", at: tweet) }
        guard let postID = try tape.internedID(tape.member(tweet, "id_str"), into: &export.posts.table)
            ?? tape.internedID(tape.member(tweet, "id"), into: &export.posts.table) else {
            throw fail("tweet without id_str", at: tweet)
        }
        guard let user = try tape.member(tweet, "user"), let author = try account(tape, user, into: &export, state: &state) else {
            throw fail("tweet \(export.posts.table.string(postID)) has no user.id_str", at: tweet)
        }
        let created = try tape.member(tweet, "created_at")
        let milliseconds = try tape.number(tape.member(tweet, "timestamp_ms"))
        var time: Double
        if let created, tape.kind(created) == .string, let bytes = tape.rawBytes(created), let common = times.readCommonForm(bytes) {
            time = common
        } else {
            do throws(TimestampReader.Problem) {
                if let created = tape.text(created) {
                    time = try times.read(created, line: line)
                } else if let milliseconds {
                    time = try times.epoch(milliseconds, line: line)
                } else {
                    throw TimestampReader.Problem(message: "has neither created_at nor timestamp_ms")
                }
            } catch {
                throw fail("tweet \(export.posts.table.string(postID)): time \(error.message)", at: tweet)
            }
        }
        var post = PostTable.Row(postID: postID, author: author, time: time)
        let retweeted = try tape.member(tweet, "retweeted_status").flatMap { tape.kind($0) == .object ? $0 : nil }
        if let retweeted {
            post.parentPost = try tape.internedID(tape.member(retweeted, "id_str"), into: &export.posts.table)
                ?? tape.internedID(tape.member(retweeted, "id"), into: &export.posts.table) ?? -1
            post.parentAuthor = try tape.member(retweeted, "user").flatMap { try account(tape, $0, into: &export, state: &state) } ?? -1
        }
        let columns = state.columns
        // Taken out of the state, so the buffers are unique and reused rather than copied per tweet.
        var attributes = state.attributes
        state.attributes = []
        attributes.removeAll(keepingCapacity: true)
        let extended = try tape.member(tweet, "extended_tweet")
        let entities = try extended.flatMap { try tape.member($0, "entities") }.flatMap { tape.kind($0) == .object ? $0 : nil }
            ?? tape.member(tweet, "entities")
        var scratch = state.scratch
        state.scratch = []
        /// Joins the items of an entities list by spaces into `scratch` and interns them as
        /// attribute `column`; returns the first item interned (−1: none).
        func list(_ key: StaticString, column: Int, _ item: (Int) throws -> JSONTape.Piece?) throws -> Int32 {
            guard let entities, let list = try tape.member(entities, key) else { return -1 }
            scratch.removeAll(keepingCapacity: true)
            var firstLength = -1
            for element in tape.elements(list) {
                guard let piece = try item(element) else { continue }
                if firstLength >= 0 { scratch.append(0x20) }
                piece.append(to: &scratch)
                if firstLength < 0 { firstLength = scratch.count }
            }
            guard firstLength >= 0 else { return -1 }
            return scratch.withUnsafeBufferPointer { items in
                // The pieces are checked UTF-8, so interning cannot fail.
                attributes.append((column, export.posts.table.intern(items) ?? -1))
                return column == columns.urls ? export.posts.table.intern(UnsafeBufferPointer(rebasing: items[0 ..< firstLength])) ?? -1 : -1
            }
        }
        // Keys are looked up in the order the reader always used, so a repeated key is reported
        // the same way.
        post.url = try list("urls", column: columns.urls) { element in
            try tape.textPiece(tape.member(element, "expanded_url")) ?? tape.textPiece(tape.member(element, "url"))
        }
        let text = try extended.flatMap { try tape.textNode(tape.member($0, "full_text")) }
            ?? tape.textNode(tape.member(tweet, "full_text")) ?? tape.textNode(tape.member(tweet, "text"))
        if let text {
            attributes.append((columns.text, tape.internedText(text, into: &export.posts.table)))
            if let bytes = tape.rawBytes(text) {
                post.contentHash = ContentFields.internTextHash(bytes, into: &export.posts.table)
            } else {
                post.contentHash = tape.string(text).flatMap(ContentFields.textHash).map { export.posts.table.intern($0) } ?? -1
            }
        }
        if let language = try tape.textNode(tape.member(tweet, "lang")) {
            attributes.append((columns.language, tape.internedText(language, into: &export.posts.table)))
        }
        _ = try list("hashtags", column: columns.hashtags) { try tape.idPiece(tape.member($0, "text")) }
        _ = try list("user_mentions", column: columns.mentions) { try tape.idPiece(tape.member($0, "id_str")) }
        state.scratch = scratch
        if let reply = try tape.internedID(tape.member(tweet, "in_reply_to_status_id_str"), into: &export.posts.table) {
            attributes.append((columns.replyToPost, reply))
        }
        let isQuote = try retweeted == nil && (tape.isTrue(tape.member(tweet, "is_quote_status")) || tape.has(tweet, "quoted_status_id_str"))
        if isQuote, let quoted = try tape.internedID(tape.member(tweet, "quoted_status_id_str"), into: &export.posts.table) {
            attributes.append((columns.quotedPost, quoted))
        }
        try keep(tape, tweet, into: &attributes, export: &export, state: &state)
        state.unread.count(tape, tweet)
        post.platform = columns.platform
        post.likes = try tape.count(tape.member(tweet, "favorite_count")) ?? Int.min
        post.comments = try tape.count(tape.member(tweet, "reply_count")) ?? Int.min
        post.shares = try tape.count(tape.member(tweet, "retweet_count")) ?? Int.min
        export.add(post, attributes: attributes, line: line)
        state.attributes = attributes
        if isQuote, let quotedUser = try tape.member(tweet, "quoted_status").flatMap({ try tape.member($0, "user") }),
           let quotedAuthor = try account(tape, quotedUser, into: &export, state: &state) {
            if quotedAuthor != author {
                export.tie(from: export.posts.table.string(quotedAuthor), to: export.posts.table.string(author), type: .quote, time: time, line: line)
            } else {
                export.countSelfTie(.quote)
            }
        }
        if let repliedTo = try tape.id(tape.member(tweet, "in_reply_to_user_id_str")) {
            let authorID = export.posts.table.string(author)
            if repliedTo != authorID {
                if !export.hasAccount(repliedTo) {
                    export.account(Account(id: repliedTo, name: try tape.text(tape.member(tweet, "in_reply_to_screen_name")), kind: .other, platform: "x"))
                }
                export.tie(from: repliedTo, to: authorID, type: .reply, time: time, line: line)
            } else {
                export.countSelfTie(.reply)
            }
        }
    }

    /// Keeps the fields that are post attributes (``keptFields``). A client's `source` is an
    /// escaped HTML link on every tweet but takes a handful of values in a file, so its link text
    /// is worked out once per distinct `source` as written.
    private static func keep(
        _ tape: JSONTape, _ tweet: Int, into attributes: inout [(column: Int, value: Int32)], export: inout PlatformExport,
        state: inout ReadingState
    ) throws {
        let columns = state.columns
        if let source = try tape.textNode(tape.member(tweet, "source")) {
            // The written bytes are checked UTF-8, so interning cannot fail.
            let written = Int(state.sources.intern(tape.writtenBytes(source)) ?? 0)
            if written == state.clients.count {
                state.clients.append(tape.text(source).flatMap(ContentFields.linkText).map { export.posts.table.intern($0) } ?? -1)
            }
            if state.clients[written] >= 0 { attributes.append((columns.client, state.clients[written])) }
        }
        if let quotes = try tape.count(tape.member(tweet, "quote_count")) {
            attributes.append((columns.quoteCount, export.posts.table.intern(String(quotes))))
        }
        if let place = try tape.member(tweet, "place"), let name = try tape.textNode(tape.member(place, "full_name")) {
            attributes.append((columns.place, tape.internedText(name, into: &export.posts.table)))
        }
        if let point = try tape.member(tweet, "coordinates"), let pair = tape.coordinates(try tape.member(point, "coordinates")) {
            attributes.append((columns.coordinates, export.posts.table.intern(pair)))
        }
    }

    /// What reading one file carries from tweet to tweet.
    struct ReadingState {
        /// The post attribute columns and the string index of the platform.
        let columns: Columns
        /// Each distinct `source` as written, and the string index of its client (−1: none).
        var sources = IdentifierTable(capacity: 64)
        var clients: [Int32] = []
        var unread = UnreadFields(topic: "tweet fields", read: TwitterV1Reader.readFields)
        /// By string index of a user id: the account fields still missing (bit 0 screen name,
        /// 1 followers, 2 display name, 3 location), −1 when no user object with that id was read.
        var missing: [Int32] = []
        var attributes: [(column: Int, value: Int32)] = []
        var scratch: [UInt8] = []

        init(table: inout PostTable) {
            columns = Columns(table: &table)
        }
    }

    struct Columns {
        let language, hashtags, urls, mentions, text, replyToPost, quotedPost, client, quoteCount, place, coordinates: Int
        let platform: Int32

        init(table: inout PostTable) {
            language = table.attributeColumn(named: ContentFields.language)
            hashtags = table.attributeColumn(named: ContentFields.hashtags)
            urls = table.attributeColumn(named: ContentFields.urls)
            mentions = table.attributeColumn(named: ContentFields.mentions)
            text = table.attributeColumn(named: ContentFields.text)
            replyToPost = table.attributeColumn(named: "reply_to_post")
            quotedPost = table.attributeColumn(named: "quoted_post")
            client = table.attributeColumn(named: "client")
            quoteCount = table.attributeColumn(named: "quote_count")
            place = table.attributeColumn(named: "place")
            coordinates = table.attributeColumn(named: "coordinates")
            platform = table.intern("x")
        }
    }

    /// Records a v1.1 user object and returns the string index of its id (`nil` when `user` is
    /// not an object with an id). A user seen before is merged again only when this object
    /// fills a field still missing; its keys are looked up all the same, so a repeated key is
    /// the same error whenever it comes.
    private static func account(_ tape: JSONTape, _ user: Int, into export: inout PlatformExport, state: inout ReadingState) throws -> Int32? {
        guard let id = try tape.internedID(tape.member(user, "id_str"), into: &export.posts.table)
            ?? tape.internedID(tape.member(user, "id"), into: &export.posts.table) else { return nil }
        let name = try tape.member(user, "name")
        let location = try tape.member(user, "location")
        let screenName = try tape.member(user, "screen_name")
        let followers = try tape.member(user, "followers_count")
        if Int(id) >= state.missing.count { state.missing.append(contentsOf: repeatElement(-1, count: Int(id) + 1 - state.missing.count)) }
        let mask = state.missing[Int(id)]
        if mask >= 0 {
            guard mask & 1 != 0 && tape.textNode(screenName) != nil || mask & 2 != 0 && tape.count(followers) != nil
                || mask & 4 != 0 && tape.textNode(name) != nil || mask & 8 != 0 && tape.textNode(location) != nil else { return id }
        }
        var attributes: [String: String] = [:]
        if let name = tape.text(name) { attributes["display_name"] = name }
        if let location = tape.text(location) { attributes["location"] = location }
        let position = export.account(Account(
            id: export.posts.table.string(id), name: tape.text(screenName), kind: .other, platform: "x",
            followers: tape.count(followers), attributes: attributes
        ))
        let known = export.accounts[position]
        var missing: Int32 = 0
        if known.name == nil { missing |= 1 }
        if known.followers == nil { missing |= 2 }
        if known.attributes["display_name"] == nil { missing |= 4 }
        if known.attributes["location"] == nil { missing |= 8 }
        state.missing[Int(id)] = missing
        return id
    }
}
