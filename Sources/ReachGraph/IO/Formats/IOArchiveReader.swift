import Foundation

/// Reads X/Twitter's information-operations archive CSV (`*_tweets_csv_hashed.csv` and the
/// matching `*_users_csv_hashed.csv`): one file, or a folder of shards read in name order.
///
/// Columns are found by header name (releases order them differently). Each row is a post by
/// `userid` at `tweet_time` (`YYYY-MM-DD HH:MM` without a zone: read in the chosen zone, UTC by
/// default). A row with `is_retweet` true is a repost of `retweet_tweetid` by `userid`; the
/// original is usually not in the archive (only the operators' own tweets are released), so the
/// post keeps `retweet_tweetid` as an external parent and `retweet_userid` as the parent's
/// author: the relation `retweet_userid → userid` is made and the reposter counts as an
/// amplifier, never as an original. Replies give `in_reply_to_userid → userid` reply ties.
/// Hashed (64-hex) and raw numeric ids are kept as they are, so both can meet in one graph.
/// `hashtags`, `urls` and `user_mentions` are list literals (`[a, b]`, `['a', 'b']`); they become
/// the content fields, the first URL the post's `url`, and the text's hash its `content_hash`.
/// Columns the format does not define are kept as post attributes.
/// - Complexity: O(rows), streaming.
enum IOArchiveReader {
    static let required = ["tweetid", "userid", "tweet_time"]
    static let accountColumns = [
        "user_display_name", "user_screen_name", "user_reported_location", "user_profile_description", "user_profile_url",
        "follower_count", "following_count", "account_creation_date", "account_language",
    ]
    static let known = required + accountColumns + [
        "tweet_language", "tweet_text", "tweet_client_name", "in_reply_to_userid", "in_reply_to_tweetid",
        "quoted_tweet_tweetid", "is_retweet", "retweet_userid", "retweet_tweetid", "quote_count", "reply_count",
        "like_count", "retweet_count", "hashtags", "urls", "user_mentions",
    ]

    static func read(_ path: String, options: DatasetLoader.Options) throws -> Dataset {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: path, message: "no such file or folder")
        }
        var files = [path]
        if isDirectory.boolValue {
            files = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
                .filter { $0.lowercased().hasSuffix(".csv") }.sorted()
                .map { (path as NSString).appendingPathComponent($0) }
        }
        var export = PlatformExport(format: .ioArchive, file: (path as NSString).lastPathComponent)
        var times = TimestampReader(zone: options.timeZone ?? .utc)
        var tweetFiles = 0
        export.accountAttributeColumns = accountAttributeNames
        for file in files {
            let header = FormatDetection.csvHeader(try FormatDetection.head(file)).map { options.columnAliases[$0] ?? $0 }
            if required.allSatisfy(header.contains) {
                try readTweets(file, into: &export, times: &times, options: options)
                tweetFiles += 1
            } else if header.contains("userid") && !header.contains("tweetid") {
                try readUsers(file, into: &export, options: options)
            } else if !isDirectory.boolValue {
                throw InputError(file: (file as NSString).lastPathComponent, line: 1, message: "not an IO-archive tweets file: the header lacks \(required.filter { !header.contains($0) }.joined(separator: ", "))")
            } else {
                export.diagnostics.warn("CSV files in the folder that are not IO-archive tweets or users (skipped)", file: (file as NSString).lastPathComponent, "header has neither tweetid, userid, tweet_time nor a users layout")
            }
        }
        guard tweetFiles > 0 else {
            throw InputError(file: path, message: "no IO-archive tweets file (a CSV with tweetid, userid, tweet_time)")
        }
        if tweetFiles > 1 { export.notes.append(Dataset.ReadingNote(topic: "shards", value: "\(tweetFiles) tweets files read in name order")) }
        export.notes.append(.naiveTimes(times.zone, count: times.naiveCount, defaultReason: options.timeZone == nil ? "the default" : nil))
        export.applyKinds(options.kinds)
        return export.dataset(name: path)
    }

    private static func readTweets(_ path: String, into export: inout PlatformExport, times: inout TimestampReader, options: DatasetLoader.Options) throws {
        let table = CSVTable(path: path, columnAliases: options.columnAliases)
        var extraColumns: [String]?
        try table.forEachRow(required: required, known: known) { row in
            if extraColumns == nil {
                extraColumns = row.extraColumnNames
                for name in ContentFields.columns + ["client", "reply_to_post", "quoted_post"] + row.extraColumnNames where !export.postAttributeColumns.contains(name) {
                    export.postAttributeColumns.append(name)
                }
            }
            let author = try row.requiredText("userid")
            try export.account(account(from: &row, id: author))
            let timeText = try row.requiredText("tweet_time")
            let time: Double
            do throws(TimestampReader.Problem) {
                time = try times.read(timeText, line: row.line)
            } catch {
                throw row.error("tweet_time", error.message)
            }
            var isRetweet = false
            if let flag = try row.trimmedText("is_retweet") {
                switch flag.lowercased() {
                case "true", "1", "yes": isRetweet = true
                case "false", "0", "no": isRetweet = false
                default: throw row.error("is_retweet", "\"\(flag)\" is not true or false")
                }
            }
            var parentPost: String?, parentAuthor: String?
            if isRetweet {
                parentPost = try row.trimmedText("retweet_tweetid")
                parentAuthor = try row.trimmedText("retweet_userid")
                if parentPost == nil && parentAuthor == nil {
                    let postID = try row.requiredText("tweetid")
                    export.diagnostics.warn("retweets naming neither the original post nor its author (kept as reposts, no relation)", file: row.fileName, line: row.line, "tweet \(postID) is a retweet without retweet_tweetid or retweet_userid")
                    parentPost = "unknown original of \(postID)"
                }
                if let parentAuthor, !export.hasAccount(parentAuthor) { export.account(Account(id: parentAuthor, kind: .other, platform: "x")) }
            } else if try row.trimmedText("retweet_tweetid") != nil {
                export.diagnostics.warn("retweet_tweetid on rows with is_retweet false (read as originals)", file: row.fileName, line: row.line, "is_retweet is false but retweet_tweetid is set")
            }
            let urls = try list(&row, "urls")
            let text = try row.text("tweet_text")
            var attributes: [String: String] = [:]
            ContentFields.set(
                &attributes, language: try row.trimmedText("tweet_language"), hashtags: try list(&row, "hashtags"), urls: urls,
                mentions: try list(&row, "user_mentions"), text: text
            )
            if let client = try row.trimmedText("tweet_client_name") { attributes["client"] = client }
            if let reply = try row.trimmedText("in_reply_to_tweetid") { attributes["reply_to_post"] = reply }
            if let quoted = try row.trimmedText("quoted_tweet_tweetid") { attributes["quoted_post"] = quoted }
            for name in extraColumns ?? [] { if let value = try row.text(name) { attributes[name] = value } }
            let postID = try row.requiredText("tweetid")
            export.add(
                Post(
                    postID: postID, author: author, time: time, parentPost: parentPost,
                    platform: "x", likes: try row.count("like_count"), comments: try row.count("reply_count"),
                    shares: try row.count("retweet_count"), contentHash: text.flatMap(ContentFields.textHash), url: urls.first,
                    parentAuthor: parentAuthor, attributes: attributes
                ),
                line: row.line
            )
            if let repliedTo = try row.trimmedText("in_reply_to_userid"), repliedTo != author {
                if !export.hasAccount(repliedTo) { export.account(Account(id: repliedTo, kind: .other, platform: "x")) }
                export.tie(from: repliedTo, to: author, type: .reply, time: time, line: row.line)
            }
        }
    }

    private static func readUsers(_ path: String, into export: inout PlatformExport, options: DatasetLoader.Options) throws {
        let table = CSVTable(path: path, columnAliases: options.columnAliases)
        try table.forEachRow(required: ["userid"], known: ["userid"] + accountColumns) { row in
            export.account(try account(from: &row, id: try row.requiredText("userid")))
        }
    }

    /// Account attributes by the export column they come from.
    private static let accountAttributes = [
        ("user_display_name", "display_name"), ("user_reported_location", "location"), ("user_profile_description", "description"),
        ("user_profile_url", "profile_url"), ("following_count", "following"), ("account_creation_date", "created"),
        ("account_language", "account_language"),
    ]
    private static let accountAttributeNames = accountAttributes.map(\.1)

    /// The account fields of a tweets or users row.
    private static func account(from row: inout TableRow, id: String) throws -> Account {
        var attributes: [String: String] = [:]
        for (column, name) in accountAttributes {
            if let value = try row.trimmedText(column) { attributes[name] = value }
        }
        return Account(
            id: id, name: try row.trimmedText("user_screen_name"), kind: .other, platform: "x",
            followers: try row.count("follower_count"), attributes: attributes
        )
    }

    private static func list(_ row: inout TableRow, _ column: String) throws -> [String] {
        guard let text = try row.text(column) else { return [] }
        guard let items = ContentFields.listItems(text) else {
            throw row.error(column, "\"\(text.prefix(60))\" is not a list literal such as [a, b] or ['a', 'b'] (a bracket or quote is left open)")
        }
        return items
    }
}
