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
        if try JSONExport.isJSONLines(path) {
            try JSONExport.forEachLine(path) { value, line in
                guard let tweet = value as? [String: Any] else {
                    throw InputError(file: export.file, line: line, message: "expected a tweet object")
                }
                if tweet["delete"] != nil || tweet["limit"] != nil || tweet["scrub_geo"] != nil {
                    export.diagnostics.warn("stream notices (delete, limit, scrub_geo; not tweets)", file: export.file, line: line, "a stream notice, not a tweet")
                    return
                }
                if let statuses = tweet["statuses"] as? [Any] {
                    for (index, element) in statuses.enumerated() {
                        guard let status = element as? [String: Any] else {
                            throw InputError(file: export.file, line: line, message: "statuses[\(index)]: expected a tweet object")
                        }
                        try add(status, location: "line \(line) statuses[\(index)]", line: line, to: &export, times: &times)
                    }
                    return
                }
                try add(tweet, location: "line \(line)", line: line, to: &export, times: &times)
            }
        } else {
            let document = try JSONExport.document(path)
            let tweets: [Any]
            if let object = document as? [String: Any], let statuses = object["statuses"] as? [Any] {
                tweets = statuses
            } else if let array = document as? [Any] {
                tweets = array
            } else if let object = document as? [String: Any] {
                tweets = [object]
            } else {
                throw InputError(file: export.file, message: "expected tweets: JSON lines, {\"statuses\": [...]} or an array")
            }
            for (index, element) in tweets.enumerated() {
                guard let tweet = element as? [String: Any] else {
                    throw InputError(file: export.file, message: "statuses[\(index)]: expected a tweet object")
                }
                try add(tweet, location: "statuses[\(index)]", line: nil, to: &export, times: &times)
            }
        }
        export.applyKinds(options.kinds)
        return export.dataset(name: path)
    }

    private static func add(_ tweet: [String: Any], location: String, line: Int?, to export: inout PlatformExport, times: inout TimestampReader) throws {
        func fail(_ message: String) -> InputError {
            InputError(file: export.file, line: line, message: line == nil ? "\(location): \(message)" : message)
        }
        guard let postID = JSONExport.id(tweet["id_str"]) ?? JSONExport.id(tweet["id"]) else { throw fail("tweet without id_str") }
        guard let user = tweet["user"] as? [String: Any], let author = account(user, into: &export) else {
            throw fail("tweet \(postID) has no user.id_str")
        }
        let time: Double
        do throws(TimestampReader.Problem) {
            if let created = JSONExport.string(tweet["created_at"]) {
                time = try times.read(created, line: line)
            } else if let milliseconds = JSONExport.number(tweet["timestamp_ms"]) {
                time = try times.epoch(milliseconds, line: line)
            } else {
                throw TimestampReader.Problem(message: "has neither created_at nor timestamp_ms")
            }
        } catch {
            throw fail("tweet \(postID): time \(error.message)")
        }
        var parentPost: String?, parentAuthor: String?
        let retweeted = tweet["retweeted_status"] as? [String: Any]
        if let retweeted {
            parentPost = JSONExport.id(retweeted["id_str"]) ?? JSONExport.id(retweeted["id"])
            parentAuthor = (retweeted["user"] as? [String: Any]).flatMap { account($0, into: &export) }
        }
        var attributes: [String: String] = [:]
        let entities = (tweet["extended_tweet"] as? [String: Any])?["entities"] as? [String: Any] ?? tweet["entities"] as? [String: Any]
        func items(_ key: String, _ field: String) -> [String] {
            (entities?[key] as? [[String: Any]] ?? []).compactMap { JSONExport.id($0[field]) }
        }
        let urls = (entities?["urls"] as? [[String: Any]] ?? []).compactMap { JSONExport.string($0["expanded_url"]) ?? JSONExport.string($0["url"]) }
        let text = JSONExport.string((tweet["extended_tweet"] as? [String: Any])?["full_text"]) ?? JSONExport.string(tweet["full_text"]) ?? JSONExport.string(tweet["text"])
        ContentFields.set(
            &attributes, language: JSONExport.string(tweet["lang"]), hashtags: items("hashtags", "text"), urls: urls,
            mentions: items("user_mentions", "id_str"), text: text
        )
        if let reply = JSONExport.id(tweet["in_reply_to_status_id_str"]) { attributes["reply_to_post"] = reply }
        let isQuote = retweeted == nil && ((tweet["is_quote_status"] as? Bool) == true || tweet["quoted_status_id_str"] != nil)
        if isQuote, let quoted = JSONExport.id(tweet["quoted_status_id_str"]) { attributes["quoted_post"] = quoted }
        export.add(
            Post(
                postID: postID, author: author, time: time, parentPost: parentPost, platform: "x",
                likes: JSONExport.count(tweet["favorite_count"]), comments: JSONExport.count(tweet["reply_count"]),
                shares: JSONExport.count(tweet["retweet_count"]), contentHash: text.flatMap(ContentFields.textHash), url: urls.first,
                parentAuthor: parentAuthor, attributes: attributes
            ),
            line: line
        )
        if isQuote, let quotedUser = (tweet["quoted_status"] as? [String: Any])?["user"] as? [String: Any],
           let quotedAuthor = account(quotedUser, into: &export), quotedAuthor != author {
            export.tie(from: quotedAuthor, to: author, type: .quote, time: time, line: line)
        }
        if let repliedTo = JSONExport.id(tweet["in_reply_to_user_id_str"]), repliedTo != author {
            if !export.hasAccount(repliedTo) { export.account(Account(id: repliedTo, name: JSONExport.string(tweet["in_reply_to_screen_name"]), kind: .other, platform: "x")) }
            export.tie(from: repliedTo, to: author, type: .reply, time: time, line: line)
        }
    }

    /// Records a v1.1 user object and returns its id.
    private static func account(_ user: [String: Any], into export: inout PlatformExport) -> String? {
        guard let id = JSONExport.id(user["id_str"]) ?? JSONExport.id(user["id"]) else { return nil }
        var attributes: [String: String] = [:]
        if let name = JSONExport.string(user["name"]) { attributes["display_name"] = name }
        if let location = JSONExport.string(user["location"]) { attributes["location"] = location }
        export.account(Account(
            id: id, name: JSONExport.string(user["screen_name"]), kind: .other, platform: "x",
            followers: JSONExport.count(user["followers_count"]), attributes: attributes
        ))
        return id
    }
}
