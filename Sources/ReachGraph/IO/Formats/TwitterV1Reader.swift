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
/// expanded URLs, mentioned user ids, language and text are kept as content fields; the rest of
/// a tweet's hundred-odd fields is not.
/// - Complexity: O(bytes), one line at a time for JSON lines.
enum TwitterV1Reader {
    static func read(_ path: String, options: DatasetLoader.Options) throws -> Dataset {
        var export = PlatformExport(format: .twitterV1, file: (path as NSString).lastPathComponent)
        export.postAttributeColumns = ContentFields.columns + ["reply_to_post", "quoted_post"]
        export.accountAttributeColumns = ["display_name", "location"]
        var times = TimestampReader(zone: options.timeZone ?? .utc)
        if JSONExport.isJSONLines(path) {
            try JSONExport.forEachLine(path) { tape, line in
                let value = tape.root
                if tape.kind(value) == .array {
                    for (index, element) in tape.elements(value).enumerated() {
                        try add(tape, element, location: "line \(line) [\(index)]", line: line, to: &export, times: &times)
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
                        try add(tape, status, location: "line \(line) statuses[\(index)]", line: line, to: &export, times: &times)
                    }
                    return
                }
                try add(tape, value, location: "line \(line)", line: line, to: &export, times: &times)
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
                    try add(tape, tweet, location: "statuses[\(index)]", line: nil, to: &export, times: &times)
                }
            }
        }
        export.applyKinds(options.kinds)
        return export.dataset(name: path)
    }

    private static func add(_ tape: JSONTape, _ tweet: Int, location: String, line: Int?, to export: inout PlatformExport, times: inout TimestampReader) throws {
        func fail(_ message: String, at node: Int) -> InputError {
            var error = tape.error(message, atValue: node)
            if line == nil { error.message = "\(location): \(message)" }
            return error
        }
        guard tape.kind(tweet) == .object else { throw fail("expected a tweet object", at: tweet) }
        guard let postID = try tape.id(tape.member(tweet, "id_str")) ?? tape.id(tape.member(tweet, "id")) else {
            throw fail("tweet without id_str", at: tweet)
        }
        guard let user = try tape.member(tweet, "user"), let author = try account(tape, user, into: &export) else {
            throw fail("tweet \(postID) has no user.id_str", at: tweet)
        }
        let created = try tape.text(tape.member(tweet, "created_at"))
        let milliseconds = try tape.number(tape.member(tweet, "timestamp_ms"))
        let time: Double
        do throws(TimestampReader.Problem) {
            if let created {
                time = try times.read(created, line: line)
            } else if let milliseconds {
                time = try times.epoch(milliseconds, line: line)
            } else {
                throw TimestampReader.Problem(message: "has neither created_at nor timestamp_ms")
            }
        } catch {
            throw fail("tweet \(postID): time \(error.message)", at: tweet)
        }
        var parentPost: String?, parentAuthor: String?
        let retweeted = try tape.member(tweet, "retweeted_status").flatMap { tape.kind($0) == .object ? $0 : nil }
        if let retweeted {
            parentPost = try tape.id(tape.member(retweeted, "id_str")) ?? tape.id(tape.member(retweeted, "id"))
            parentAuthor = try tape.member(retweeted, "user").flatMap { try account(tape, $0, into: &export) }
        }
        var attributes: [String: String] = [:]
        let extended = try tape.member(tweet, "extended_tweet")
        let entities = try extended.flatMap { try tape.member($0, "entities") }.flatMap { tape.kind($0) == .object ? $0 : nil }
            ?? tape.member(tweet, "entities")
        func items(_ key: StaticString, _ field: StaticString) throws -> [String] {
            guard let entities, let list = try tape.member(entities, key) else { return [] }
            return try tape.elements(list).compactMap { try tape.id(tape.member($0, field)) }
        }
        let urls: [String] = try {
            guard let entities, let list = try tape.member(entities, "urls") else { return [] }
            return try tape.elements(list).compactMap { try tape.text(tape.member($0, "expanded_url")) ?? tape.text(tape.member($0, "url")) }
        }()
        let text = try extended.flatMap { try tape.text(tape.member($0, "full_text")) }
            ?? tape.text(tape.member(tweet, "full_text")) ?? tape.text(tape.member(tweet, "text"))
        ContentFields.set(
            &attributes, language: try tape.text(tape.member(tweet, "lang")), hashtags: try items("hashtags", "text"), urls: urls,
            mentions: try items("user_mentions", "id_str"), text: text
        )
        if let reply = try tape.id(tape.member(tweet, "in_reply_to_status_id_str")) { attributes["reply_to_post"] = reply }
        let isQuote = try retweeted == nil && (tape.isTrue(tape.member(tweet, "is_quote_status")) || tape.has(tweet, "quoted_status_id_str"))
        if isQuote, let quoted = try tape.id(tape.member(tweet, "quoted_status_id_str")) { attributes["quoted_post"] = quoted }
        export.add(
            Post(
                postID: postID, author: author, time: time, parentPost: parentPost, platform: "x",
                likes: try tape.count(tape.member(tweet, "favorite_count")), comments: try tape.count(tape.member(tweet, "reply_count")),
                shares: try tape.count(tape.member(tweet, "retweet_count")), contentHash: text.flatMap(ContentFields.textHash), url: urls.first,
                parentAuthor: parentAuthor, attributes: attributes
            ),
            line: line
        )
        if isQuote, let quotedUser = try tape.member(tweet, "quoted_status").flatMap({ try tape.member($0, "user") }),
           let quotedAuthor = try account(tape, quotedUser, into: &export), quotedAuthor != author {
            export.tie(from: quotedAuthor, to: author, type: .quote, time: time, line: line)
        }
        if let repliedTo = try tape.id(tape.member(tweet, "in_reply_to_user_id_str")), repliedTo != author {
            if !export.hasAccount(repliedTo) {
                export.account(Account(id: repliedTo, name: try tape.text(tape.member(tweet, "in_reply_to_screen_name")), kind: .other, platform: "x"))
            }
            export.tie(from: repliedTo, to: author, type: .reply, time: time, line: line)
        }
    }

    /// Records a v1.1 user object and returns its id (`nil` when `user` is not an object with an id).
    private static func account(_ tape: JSONTape, _ user: Int, into export: inout PlatformExport) throws -> String? {
        guard let id = try tape.id(tape.member(user, "id_str")) ?? tape.id(tape.member(user, "id")) else { return nil }
        var attributes: [String: String] = [:]
        if let name = try tape.text(tape.member(user, "name")) { attributes["display_name"] = name }
        if let location = try tape.text(tape.member(user, "location")) { attributes["location"] = location }
        export.account(Account(
            id: id, name: try tape.text(tape.member(user, "screen_name")), kind: .other, platform: "x",
            followers: try tape.count(tape.member(user, "followers_count")), attributes: attributes
        ))
        return id
    }
}
