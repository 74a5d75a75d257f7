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
/// - Complexity: O(bytes), one page at a time.
enum TwitterV2Reader {
    static func read(_ path: String, options: DatasetLoader.Options) throws -> Dataset {
        var export = PlatformExport(format: .twitterV2, file: (path as NSString).lastPathComponent)
        export.postAttributeColumns = ContentFields.columns + ["reply_to_post", "quoted_post"]
        export.accountAttributeColumns = ["display_name", "location"]
        var times = TimestampReader(zone: options.timeZone ?? .utc)
        if try JSONExport.isJSONLines(path) {
            try JSONExport.forEachLine(path) { value, line in
                try page(value, location: "line \(line)", line: line, into: &export, times: &times)
            }
        } else {
            try page(try JSONExport.document(path), location: "document", line: nil, into: &export, times: &times)
        }
        export.applyKinds(options.kinds)
        return export.dataset(name: path)
    }

    private static func page(_ value: Any, location: String, line: Int?, into export: inout PlatformExport, times: inout TimestampReader) throws {
        guard let object = value as? [String: Any] else {
            throw InputError(file: export.file, line: line, message: "\(location): expected a v2 response object")
        }
        let includes = object["includes"] as? [String: Any] ?? [:]
        var users: [String: [String: Any]] = [:]
        for user in includes["users"] as? [[String: Any]] ?? [] {
            if let id = JSONExport.id(user["id"]) { users[id] = user }
        }
        var included: [String: [String: Any]] = [:]
        for tweet in includes["tweets"] as? [[String: Any]] ?? [] {
            if let id = JSONExport.id(tweet["id"]) { included[id] = tweet }
        }
        let tweets: [[String: Any]]
        if let data = object["data"] as? [[String: Any]] {
            tweets = data
        } else if let single = object["data"] as? [String: Any] {
            tweets = [single]
        } else if object["author_id"] != nil {
            tweets = [object]
        } else {
            if object["data"] == nil && object["errors"] != nil {
                export.diagnostics.warn("pages with errors only (no tweets)", file: export.file, line: line, "\(location) holds only errors")
                return
            }
            throw InputError(file: export.file, line: line, message: "\(location): expected \"data\" with tweets")
        }
        for (index, tweet) in tweets.enumerated() {
            try add(tweet, location: "\(location) data[\(index)]", line: line, users: users, included: included, into: &export, times: &times)
        }
    }

    private static func add(
        _ tweet: [String: Any], location: String, line: Int?, users: [String: [String: Any]], included: [String: [String: Any]],
        into export: inout PlatformExport, times: inout TimestampReader
    ) throws {
        func fail(_ message: String) -> InputError { InputError(file: export.file, line: line, message: "\(location): \(message)") }
        guard let postID = JSONExport.id(tweet["id"]) else { throw fail("tweet without id") }
        guard let author = JSONExport.id(tweet["author_id"]) else { throw fail("tweet \(postID) without author_id") }
        account(author, users: users, into: &export)
        guard let created = JSONExport.string(tweet["created_at"]) else { throw fail("tweet \(postID) without created_at (request tweet.fields=created_at)") }
        let time: Double
        do throws(TimestampReader.Problem) {
            time = try times.read(created, line: line)
        } catch {
            throw fail("tweet \(postID): created_at \(error.message)")
        }
        var parentPost: String?, parentAuthor: String?, quotedAuthor: String?
        var attributes: [String: String] = [:]
        for reference in tweet["referenced_tweets"] as? [[String: Any]] ?? [] {
            guard let id = JSONExport.id(reference["id"]) else { continue }
            let referencedAuthor = included[id].flatMap { JSONExport.id($0["author_id"]) }
            switch reference["type"] as? String {
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
        if let parentAuthor { account(parentAuthor, users: users, into: &export) }
        let entities = tweet["entities"] as? [String: Any]
        func items(_ key: String, _ fields: [String]) -> [String] {
            (entities?[key] as? [[String: Any]] ?? []).compactMap { item in fields.lazy.compactMap { JSONExport.id(item[$0]) }.first }
        }
        let urls = items("urls", ["expanded_url", "url"])
        let text = JSONExport.string(tweet["text"])
        ContentFields.set(
            &attributes, language: JSONExport.string(tweet["lang"]), hashtags: items("hashtags", ["tag"]), urls: urls,
            mentions: items("mentions", ["id", "username"]), text: text
        )
        let metrics = tweet["public_metrics"] as? [String: Any]
        export.add(
            Post(
                postID: postID, author: author, time: time, parentPost: parentPost, platform: "x",
                likes: JSONExport.count(metrics?["like_count"]), comments: JSONExport.count(metrics?["reply_count"]),
                shares: JSONExport.count(metrics?["retweet_count"]), views: JSONExport.count(metrics?["impression_count"]),
                contentHash: text.flatMap(ContentFields.textHash), url: urls.first, parentAuthor: parentAuthor, attributes: attributes
            ),
            line: line
        )
        // A retweet of a quote lists only the retweet; quote ties belong to the quoting tweet.
        if parentPost == nil, let quotedAuthor, quotedAuthor != author {
            account(quotedAuthor, users: users, into: &export)
            export.tie(from: quotedAuthor, to: author, type: .quote, time: time, line: line)
        }
        if let repliedTo = JSONExport.id(tweet["in_reply_to_user_id"]), repliedTo != author {
            account(repliedTo, users: users, into: &export)
            export.tie(from: repliedTo, to: author, type: .reply, time: time, line: line)
        }
    }

    /// Records account `id` with what the page's `includes.users` says of it.
    private static func account(_ id: String, users: [String: [String: Any]], into export: inout PlatformExport) {
        let user = users[id]
        var attributes: [String: String] = [:]
        if let name = JSONExport.string(user?["name"]) { attributes["display_name"] = name }
        if let location = JSONExport.string(user?["location"]) { attributes["location"] = location }
        export.account(Account(
            id: id, name: JSONExport.string(user?["username"]), kind: .other, platform: "x",
            followers: JSONExport.count((user?["public_metrics"] as? [String: Any])?["followers_count"]), attributes: attributes
        ))
    }
}
