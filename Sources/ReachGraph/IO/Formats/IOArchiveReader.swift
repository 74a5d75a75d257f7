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
        if let note = times.abbreviationNote { export.notes.append(note) }
        export.applyKinds(options.kinds)
        return export.dataset(name: path)
    }

    /// Reads a tweets file. Fields are read as bytes at positions found once from the header;
    /// ids, text and content fields are interned straight into the posts' string table, and an
    /// account already seen is only filled in when the row has a field it still lacks, so a row
    /// builds no `String` for its usual fields and no `Post` (2.5 million rows: BENCHMARKS.md,
    /// "Reading posts"). A file of at least `splitBytes` has its second half read on a second
    /// thread into a ``TweetPart`` of its own and merged in file order (``merge(_:into:)``):
    /// every field of an archive is quoted, so the posts tables' quote-free split cannot take it.
    /// Returns whether a part was merged.
    @discardableResult
    static func readTweets(_ path: String, into export: inout PlatformExport, times: inout TimestampReader, options: DatasetLoader.Options, splitBytes: Int = 1 << 24) throws -> Bool {
        let table = CSVTable(path: path, columnAliases: options.columnAliases)
        // The rows are read into `export` itself (moved into the state, never copied).
        var state = TweetPart(times: times)
        swap(&state.export, &export)
        defer {
            swap(&state.export, &export)
            times = state.times
        }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let splits = bytes >= splitBytes
        if splits { reserve(&state.export.posts, forBytes: bytes) }
        // The first part is the larger: the second thread starts after this one has cleared both
        // string tables and counts the first part's line feeds before reading, so at half each the
        // first thread waited for the second (a second of the 2.5M-row archive's 10).
        return try table.forEachRow(required: required, known: known, minimumBytes: splitBytes, firstShare: 0.53, startPart: { header -> TweetPart? in
            // The part gets the same post attribute columns, in the same order, as the first row gives `export`.
            var part = TweetPart(times: TimestampReader(zone: state.times.zone))
            part.export = PlatformExport(format: state.export.format, file: state.export.file)
            if splits { reserve(&part.export.posts, forBytes: bytes / 2) }
            part.columns = setUp(header, export: &part.export)
            return part
        }, readPart: { part, row in
            try part.read(&row)
        }, mergePart: { part in
            guard part.export.posts.diagnostics.isEmpty, state.times.absorb(part.times) else { return false }
            merge(&part, into: &state.export)
            return true
        }) { row in
            if state.columns == nil { state.columns = setUp(row, export: &state.export) }
            try state.read(&row)
        }
    }

    /// Makes room in `posts` for the rows of `bytes` bytes of a tweets file, beside those it
    /// holds, so its columns and strings are not copied and rehashed while they grow (a
    /// gigabyte of fresh pages cleared on the way: BENCHMARKS.md, "IO archive read on two
    /// threads"). The estimate is a little above the synthetic archive's rows and strings per
    /// byte: room a file leaves unfilled costs no memory, except the string slots', which are
    /// cleared at once.
    private static func reserve(_ posts: inout PostCollector, forBytes bytes: Int) {
        let strings = posts.table.strings
        posts.reserveCapacity(rows: posts.count + bytes / bytesPerRow, strings: strings.count + bytes / bytesPerString, stringBytes: strings.byteCount + bytes / 2)
    }

    /// The synthetic archive has 557 bytes a row and 147 a distinct string (9,478,004 strings in 2.5 million rows).
    static let bytesPerRow = 512, bytesPerString = 140

    /// The post attribute columns of the tweets file whose header `row` has, added to `export`,
    /// and the columns its rows are read from.
    private static func setUp(_ row: TableRow, export: inout PlatformExport) -> TweetColumns {
        let own = ContentFields.columns + ["client", "reply_to_post", "quoted_post"]
        let kept = export.keptColumnNames(row.extraColumnNames, besides: own)
        for name in own + kept where !export.postAttributeColumns.contains(name) {
            export.postAttributeColumns.append(name)
        }
        return TweetColumns(row: row, keeping: kept, table: &export.posts.table)
    }

    /// Adds `part`, the rows after a split read on their own, to `export` as if it had read them
    /// in turn: posts with their strings interned in the part's order of first sight, accounts in
    /// order of first sight with their fields filled as later sightings fill them (the first value
    /// of each field wins either way), ties and warnings after the first part's (each category
    /// keeps its first examples, all of the first part's coming first).
    private static func merge(_ part: inout TweetPart, into export: inout PlatformExport) {
        export.posts.append(takingContentsOf: &part.export.posts)
        for account in part.export.accounts { export.account(account) }
        export.ties += part.export.ties
        export.diagnostics = export.diagnostics.merging(part.export.diagnostics)
    }

    /// What reading tweets rows builds: the export, the time column's reader, and per-row scratch space.
    struct TweetPart {
        var export = PlatformExport(format: .ioArchive, file: "")
        var times: TimestampReader
        var columns: TweetColumns?
        var accounts = AccountCache()
        var attributes: [(column: Int, value: Int32)] = []
        var scratch: [UInt8] = []

        init(times: TimestampReader) { self.times = times }

        /// Reads one tweets row. Checks run in the order of the columns' meaning (account, time,
        /// retweet, content, ids, counts), each with the error the typed readers give.
        mutating func read(_ row: inout TableRow) throws {
            let columns = columns! // safe: set before the first row
            let author = try columns.userid.requiredString(&row, &export.posts.table)
            try accounts.record(author, row: &row, columns: columns, export: &export)
            let time: Double
            if let common = try columns.time.withBytes(&row, { times.readCommonForm($0) }) {
                time = common
            } else {
                let timeText = try row.requiredText("tweet_time")
                do throws(TimestampReader.Problem) {
                    time = try times.read(timeText, line: row.line)
                } catch {
                    throw row.error("tweet_time", error.message)
                }
            }
            var isRetweet = false
            switch try columns.isRetweet.withBytes(&row, IOArchiveReader.flag) {
            case .some(true): isRetweet = true
            case .some(false): isRetweet = false
            case nil:
                let flag = try row.trimmedText("is_retweet") ?? ""
                throw row.error("is_retweet", "\"\(flag)\" is not true or false")
            }
            var parentPost: Int32 = -1, parentAuthor: Int32 = -1
            if isRetweet {
                parentPost = try columns.retweetTweetID.string(&row, &export.posts.table)
                parentAuthor = try columns.retweetUserID.string(&row, &export.posts.table)
                if parentPost < 0 && parentAuthor < 0 {
                    let postID = try row.requiredText("tweetid")
                    export.diagnostics.warn("retweets naming neither the original post nor its author (kept as reposts, no relation)", file: row.fileName, line: row.line, "tweet \(postID) is a retweet without retweet_tweetid or retweet_userid")
                    parentPost = export.posts.table.intern("unknown original of \(postID)")
                }
                if parentAuthor >= 0 { accounts.recordOther(parentAuthor, export: &export) }
            } else if try columns.retweetTweetID.string(&row, &export.posts.table) >= 0 {
                export.diagnostics.warn("retweet_tweetid on rows with is_retweet false (read as originals)", file: row.fileName, line: row.line, "is_retweet is false but retweet_tweetid is set")
            }
            attributes.removeAll(keepingCapacity: true)
            let url = try columns.urls.list(&row, &export.posts.table, scratch: &scratch, into: &attributes)
            let text = try columns.text.string(&row, &export.posts.table, trimmed: false)
            var contentHash: Int32 = -1
            if text >= 0 {
                try columns.text.withBytes(&row) { contentHash = ContentFields.internTextHash($0, into: &export.posts.table) }
            }
            let language = try columns.language.string(&row, &export.posts.table)
            if language >= 0 { attributes.append((columns.language.attribute, language)) }
            _ = try columns.hashtags.list(&row, &export.posts.table, scratch: &scratch, into: &attributes)
            _ = try columns.mentions.list(&row, &export.posts.table, scratch: &scratch, into: &attributes)
            if text >= 0 { attributes.append((columns.text.attribute, text)) }
            for column in [columns.client, columns.replyTo, columns.quoted] {
                let value = try column.string(&row, &export.posts.table)
                if value >= 0 { attributes.append((column.attribute, value)) }
            }
            for column in columns.extra {
                let value = try column.string(&row, &export.posts.table, trimmed: false)
                if value >= 0 { attributes.append((column.attribute, value)) }
            }
            var post = PostTable.Row(postID: try columns.tweetid.requiredString(&row, &export.posts.table), author: author, time: time)
            post.parentPost = parentPost
            post.parentAuthor = parentAuthor
            post.platform = columns.platform
            post.likes = try columns.likes.count(&row) ?? Int.min
            post.comments = try columns.replies.count(&row) ?? Int.min
            post.shares = try columns.retweets.count(&row) ?? Int.min
            post.contentHash = contentHash
            post.url = url
            export.add(post, attributes: attributes, line: row.line)
            let repliedTo = try columns.replyToUser.string(&row, &export.posts.table)
            if repliedTo >= 0 && repliedTo == author {
                export.countSelfTie(.reply)
            } else if repliedTo >= 0 {
                accounts.recordOther(repliedTo, export: &export)
                let source = export.posts.table.string(repliedTo), target = export.posts.table.string(author)
                export.tie(from: source, to: target, type: .reply, time: time, line: row.line)
            }
        }
    }

    /// A column of the tweets file: where it is in the file, and its post attribute number.
    struct Column {
        let name: String
        /// The file position (−1: absent, or computed by `--map`, which ``TableRow`` builds).
        let position: Int
        let computed: Bool
        /// The column number of the post attribute it becomes, when it becomes one.
        var attribute = -1

        init(_ name: String, row: TableRow) {
            self.name = name
            position = row.filePosition(name)
            computed = row.computed[name] != nil
        }

        /// Calls `body` with the field's raw bytes (none when absent).
        func withBytes<Result>(_ row: inout TableRow, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) throws -> Result {
            guard computed else { return try row.withBytes(at: position, body) }
            var text = try row.text(name) ?? ""
            return try text.withUTF8(body)
        }

        /// The field interned (trimmed unless `trimmed` is false), −1 when empty. Bytes that are
        /// not UTF-8 get the typed reader's error.
        func string(_ row: inout TableRow, _ table: inout PostTable, trimmed: Bool = true) throws -> Int32 {
            let found = try withBytes(&row) { bytes -> Int32? in
                let value = trimmed ? FieldParsing.trimmingSpaces(bytes) : bytes
                return value.isEmpty ? -1 : table.intern(value)
            }
            if let found { return found }
            // Not UTF-8: the typed reader throws its error.
            let text = try trimmed ? row.trimmedText(name) : row.text(name)
            return table.intern(text)
        }

        /// The trimmed field interned; throws when it is empty.
        func requiredString(_ row: inout TableRow, _ table: inout PostTable) throws -> Int32 {
            let found = try string(&row, &table)
            guard found >= 0 else { throw row.error(name, "is empty but required") }
            return found
        }

        /// A count (whole number, zero or more); `nil` when empty.
        func count(_ row: inout TableRow) throws -> Int? {
            let parsed = try withBytes(&row) { bytes -> Int?? in
                let value = FieldParsing.trimmingSpaces(bytes)
                if value.isEmpty { return .some(nil) }
                guard let number = FieldParsing.integer(value), number >= 0 else { return nil }
                return number
            }
            if let parsed { return parsed }
            return try row.count(name) // throws the typed reader's error
        }

        /// A list literal's items joined by spaces, interned as the post attribute (when there
        /// are any); returns the first item interned (−1: none), which `urls` makes the post's `url`.
        func list(_ row: inout TableRow, _ table: inout PostTable, scratch: inout [UInt8], into attributes: inout [(column: Int, value: Int32)]) throws -> Int32 {
            let split = try withBytes(&row) { ContentFields.joinListItems($0, into: &scratch) }
            var joined: Int32 = -1, first: Int32 = -1
            switch split {
            case .empty:
                return -1
            case let .items(firstLength):
                scratch.withUnsafeBufferPointer { items in
                    // ASCII throughout, so both are valid UTF-8.
                    joined = table.intern(items) ?? -1
                    first = table.intern(UnsafeBufferPointer(rebasing: items[0 ..< firstLength])) ?? -1
                }
            case .notASCII:
                // Swift's character rules decide what a quote or bracket is.
                let items = try IOArchiveReader.list(&row, name)
                guard !items.isEmpty else { return -1 }
                joined = table.intern(items.joined(separator: " "))
                first = table.intern(items[0])
            case .malformed:
                let text = try row.text(name) ?? ""
                throw row.error(name, "\"\(text.prefix(60))\" is not a list literal such as [a, b] or ['a', 'b'] (a bracket or quote is left open)")
            }
            attributes.append((attribute, joined))
            return first
        }
    }

    /// `true`, `1`, `yes` or `false`, `0`, `no` in any case, or an empty field (false); `nil` otherwise.
    static func flag(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        let value = FieldParsing.trimmingSpaces(bytes)
        guard value.count <= 5 else { return nil }
        let key = flagKey(value)
        if falseKeys.contains(key) { return false }
        if trueKeys.contains(key) { return true }
        return nil
    }

    private static let falseKeys = ["", "false", "0", "no"].map { flagKey($0.utf8) }
    private static let trueKeys = ["true", "1", "yes"].map { flagKey($0.utf8) }

    /// Up to five bytes with ASCII letters lowered, and their count, in one word: the flag is
    /// matched without a `String` per row.
    private static func flagKey(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var word: UInt64 = 0, count: UInt64 = 0
        for byte in bytes {
            word = word << 8 | UInt64(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            count += 1
        }
        return word | count << 56
    }

    /// The columns a tweets row is read from, found once per file.
    struct TweetColumns {
        let userid, tweetid, time, isRetweet, retweetTweetID, retweetUserID, replyToUser: Column
        let likes, replies, retweets: Column
        var urls, text, language, hashtags, mentions, client, replyTo, quoted: Column
        var extra: [Column]
        let screenName, followers: Column
        /// Account attribute columns with the attribute names they fill.
        let accountAttributes: [(column: Column, name: String)]
        /// The string index of the platform, `x`.
        let platform: Int32

        /// `kept`: the attribute names of the row's extra columns, in their order.
        init(row: TableRow, keeping kept: [String], table: inout PostTable) {
            func column(_ name: String, attribute: String? = nil) -> Column {
                var column = Column(name, row: row)
                if let attribute { column.attribute = table.attributeColumn(named: attribute) }
                return column
            }
            userid = column("userid")
            tweetid = column("tweetid")
            time = column("tweet_time")
            isRetweet = column("is_retweet")
            retweetTweetID = column("retweet_tweetid")
            retweetUserID = column("retweet_userid")
            replyToUser = column("in_reply_to_userid")
            likes = column("like_count")
            replies = column("reply_count")
            retweets = column("retweet_count")
            urls = column("urls", attribute: ContentFields.urls)
            text = column("tweet_text", attribute: ContentFields.text)
            language = column("tweet_language", attribute: ContentFields.language)
            hashtags = column("hashtags", attribute: ContentFields.hashtags)
            mentions = column("user_mentions", attribute: ContentFields.mentions)
            client = column("tweet_client_name", attribute: "client")
            replyTo = column("in_reply_to_tweetid", attribute: "reply_to_post")
            quoted = column("quoted_tweet_tweetid", attribute: "quoted_post")
            extra = zip(row.extraColumnNames, kept).map { column($0, attribute: $1) }
            screenName = column("user_screen_name")
            followers = column("follower_count")
            accountAttributes = IOArchiveReader.accountAttributes.map { (column($0.0), $0.1) }
            platform = table.intern("x")
        }
    }

    /// The accounts seen so far by the string index of their id, with the fields each still
    /// lacks, so a row by a known account reads only those fields.
    struct AccountCache {
        /// By string index: the fields still missing (bit 0 name, 1 followers, 2… attributes),
        /// negative when the account was not seen in a tweets row (it may still be known to `export`).
        private var missing: [Int32] = []

        private func missingFields(_ account: Account) -> Int32 {
            var mask: Int32 = 0
            if account.name == nil { mask |= 1 }
            if account.followers == nil { mask |= 2 }
            for (bit, name) in IOArchiveReader.accountAttributeNames.enumerated() where account.attributes[name] == nil { mask |= 1 << (bit + 2) }
            return mask
        }

        private mutating func grow(to index: Int32) {
            if Int(index) >= missing.count { missing.append(contentsOf: repeatElement(Self.unseen, count: Int(index) + 1 - missing.count)) }
        }

        /// Records the author of a tweets row: the first sighting fills the account, later ones
        /// only the fields still missing. The follower count is checked on every row.
        mutating func record(_ id: Int32, row: inout TableRow, columns: TweetColumns, export: inout PlatformExport) throws {
            grow(to: id)
            let mask = missing[Int(id)]
            if mask >= 0 {
                _ = try columns.followers.count(&row)
                guard mask != 0 else { return }
                var fills = false
                if mask & 1 != 0 { fills = try columns.screenName.withBytes(&row) { !FieldParsing.trimmingSpaces($0).isEmpty } }
                if !fills && mask & 2 != 0 { fills = try columns.followers.withBytes(&row) { !FieldParsing.trimmingSpaces($0).isEmpty } }
                for (bit, attribute) in columns.accountAttributes.enumerated() where !fills && mask & (1 << (bit + 2)) != 0 {
                    fills = try attribute.column.withBytes(&row) { !FieldParsing.trimmingSpaces($0).isEmpty }
                }
                guard fills else { return }
            }
            let position = export.account(try IOArchiveReader.account(from: &row, id: export.posts.table.string(id)))
            missing[Int(id)] = missingFields(export.accounts[position])
        }

        /// Records an account named by a retweet or a reply, when it is not known yet.
        mutating func recordOther(_ id: Int32, export: inout PlatformExport) {
            grow(to: id)
            guard missing[Int(id)] == Self.unseen else { return }
            let name = export.posts.table.string(id)
            if !export.hasAccount(name) { export.account(Account(id: name, kind: .other, platform: "x")) }
            // Known from now on, so later retweets of the account make no `String` and no lookup.
            missing[Int(id)] = Self.namedOnly
        }

        /// `missing` of an id never seen, and of one only named by retweets or replies (both
        /// read the author's fields in full when it posts).
        private static let unseen: Int32 = -1, namedOnly: Int32 = -2
    }

    private static func readUsers(_ path: String, into export: inout PlatformExport, options: DatasetLoader.Options) throws {
        let table = CSVTable(path: path, columnAliases: options.columnAliases)
        try table.forEachRow(required: ["userid"], known: ["userid"] + accountColumns) { row in
            export.account(try account(from: &row, id: try row.requiredText("userid")))
        }
    }

    /// Account attributes by the export column they come from.
    static let accountAttributes = [
        ("user_display_name", "display_name"), ("user_reported_location", "location"), ("user_profile_description", "description"),
        ("user_profile_url", "profile_url"), ("following_count", "following"), ("account_creation_date", "created"),
        ("account_language", "account_language"),
    ]
    static let accountAttributeNames = accountAttributes.map(\.1)

    /// The account fields of a tweets or users row.
    static func account(from row: inout TableRow, id: String) throws -> Account {
        var attributes: [String: String] = [:]
        for (column, name) in accountAttributes {
            if let value = try row.trimmedText(column) { attributes[name] = value }
        }
        return Account(
            id: id, name: try row.trimmedText("user_screen_name"), kind: .other, platform: "x",
            followers: try row.count("follower_count"), attributes: attributes
        )
    }

    static func list(_ row: inout TableRow, _ column: String) throws -> [String] {
        guard let text = try row.text(column) else { return [] }
        guard let items = ContentFields.listItems(text) else {
            throw row.error(column, "\"\(text.prefix(60))\" is not a list literal such as [a, b] or ['a', 'b'] (a bracket or quote is left open)")
        }
        return items
    }
}
