import Foundation

/// What makes two shares "the same object" in co-action detection.
public enum SharedObjectKey: String, Sendable, CaseIterable {
    /// The reposted post: `parent_post`, else `root_post` (co-retweet, co-repost).
    case parent
    /// The `url` a post carries (co-link).
    case url
    /// The post's `content_hash` (co-post of identical text or media).
    case contentHash = "content-hash"
    /// The set of hashtags a post carries, in any order (co-hashtagging; posts without
    /// hashtags are not shares).
    case hashtagSet = "hashtag-set"

    /// The object these posts are shared by: the reposted post when any post has a parent (or a
    /// root other than itself), else the first of url, content hash and hashtag set that some
    /// post carries (a link-sharing export has links and no reposts); `.parent` when none does.
    /// Co-action asks who acted on the same thing, and a repost names its object exactly.
    /// - Complexity: O(posts).
    public static func automatic(for posts: PostTable) -> SharedObjectKey {
        if (0 ..< posts.count).contains(where: { posts.parentPosts[$0] >= 0 || (posts.rootPosts[$0] >= 0 && posts.rootPosts[$0] != posts.postIDs[$0]) }) { return .parent }
        return [.url, .contentHash, .hashtagSet].first { posts.carries($0) } ?? .parent
    }

    /// The object that tells what a campaign was about: the content hash when some post carries
    /// one, else the URL, else the reposted post. Not ``automatic(for:)``'s order on purpose:
    /// groups are found by who reposted what, but a reader recognises a campaign by the text or
    /// link it pushed.
    /// - Complexity: O(posts).
    public static func campaignLabel(for posts: PostTable) -> SharedObjectKey {
        [.contentHash, .url].first { posts.carries($0) } ?? .parent
    }

    /// ``automatic(for:)`` for a posts CSV streamed without loading it, decided by its columns
    /// (after renaming): the first of parent_post/root_post, url, content_hash and hashtags.
    static func automatic(columns: [String]) -> SharedObjectKey {
        if columns.contains("parent_post") || columns.contains("root_post") { return .parent }
        if columns.contains("url") { return .url }
        if columns.contains("content_hash") { return .contentHash }
        if columns.contains(ContentFields.hashtags) { return .hashtagSet }
        return .parent
    }
}

extension PostTable {
    /// Whether some post has a value for the column that `key` reads (`.parent`: a parent post).
    fileprivate func carries(_ key: SharedObjectKey) -> Bool {
        let column: [Int32]? = switch key {
        case .parent: parentPosts
        case .url: urlColumn
        case .contentHash: contentHashColumn
        case .hashtagSet: attributeColumn(ContentFields.hashtags)
        }
        return column?.contains { $0 >= 0 } == true
    }
}

/// Shares as dense columns: which account shared which object when, through which message.
///
/// One entry per input row that has the chosen object; accounts, objects and messages are
/// interned to `Int32` so the co-action engine runs on arrays. A message is the sharing post's
/// id: several rows may carry one message (a retweet of a quote tweet shares two objects), and
/// each row is a share, as in CooRTweet.
public struct ShareLog: Sendable {
    /// Account ids by index.
    public private(set) var accounts = IdentifierList()
    /// Object ids (post ids, URLs or hashes) by index.
    public private(set) var objects = IdentifierList()
    /// Message (post) ids by index.
    public private(set) var messages = IdentifierList()
    /// The account of each share.
    public private(set) var shareAccounts: [Int32] = []
    /// The object of each share.
    public private(set) var shareObjects: [Int32] = []
    /// The message of each share.
    public private(set) var shareMessages: [Int32] = []
    /// The time of each share, Unix seconds.
    public private(set) var shareTimes: [Double] = []
    /// Whether a share's message is its own object (an original listed as a share of itself),
    /// which CooRTweet's loop removal drops.
    public private(set) var sharesItself: [Bool] = []
    /// Rows left out and repeated message ids, counted by category.
    public var diagnostics = Diagnostics()
    /// What made two shares the same object.
    public private(set) var object = SharedObjectKey.parent

    /// The number of shares.
    public var count: Int { shareAccounts.count }

    public init() {}

    /// Adds one share.
    public mutating func append(account: String, object: String, message: String, time: Double) {
        shareAccounts.append(accounts.intern(account))
        shareObjects.append(objects.intern(object))
        shareMessages.append(messages.intern(message))
        shareTimes.append(time)
        sharesItself.append(object == message)
    }

    /// The shares among `posts`, keyed by `object`; posts without that field are counted and
    /// left out (originals, when keyed by the reposted post).
    public init<Posts: Sequence<Post>>(posts: Posts, object: SharedObjectKey) {
        self.init()
        self.object = object
        reserveCapacity(posts.underestimatedCount)
        var missing = 0
        for post in posts {
            guard let key = Self.key(of: post, object) else {
                missing += 1
                continue
            }
            append(account: post.author, object: key, message: post.postID, time: post.time)
        }
        diagnostics.count(Self.missingCategory(object), missing)
    }

    /// The shares among a dataset's posts, keyed by `object`, as ``init(posts:object:)-(Posts,_)``
    /// gives for the same posts: the same shares, ids interned in the same order. Ids are
    /// mapped once per distinct string of the table, and accounts, objects and messages name the
    /// table's strings in order of first sight (``IdentifierList/init(selecting:positions:of:)``),
    /// so no `Post` or `String` is built per post and no id is copied: interning a `String` per
    /// message, in tables growing as they went, took half of `coordination` on 2.5 million
    /// posts, and copying the ids into tables of their own held 358 MB.
    /// - Complexity: O(posts + distinct ids).
    public init(posts: PostTable, object: SharedObjectKey) {
        self.init()
        self.object = object
        reserveCapacity(posts.count)
        // Per string of the table: its account, object and message index (−1: not yet; −2 for
        // an object: a hashtag list with no tag, which is no share), and the strings in order of first sight.
        var accountOf = [Int32](repeating: -1, count: posts.strings.count)
        var objectOf = accountOf
        var messageOf = accountOf
        var accountStrings: [Int32] = [], objectStrings: [Int32] = [], messageStrings: [Int32] = []
        let keys = Self.keys(of: posts, object)
        var missing = 0
        posts.postIDs.withUnsafeBufferPointer { ids in
            posts.authors.withUnsafeBufferPointer { authors in
                for row in 0 ..< posts.count {
                    let key = Int(keys[row])
                    if key >= 0 && objectOf[key] == -1 && object == .hashtagSet {
                        let set = Set(posts.string(Int32(key)).split(separator: " ").map { $0.lowercased() })
                        objectOf[key] = set.isEmpty ? -2 : objects.intern(set.sorted().joined(separator: " "))
                    }
                    guard key >= 0, objectOf[key] != -2 else {
                        missing += 1
                        continue
                    }
                    let author = Int(authors[row]), id = Int(ids[row])
                    if accountOf[author] < 0 {
                        accountOf[author] = Int32(accountStrings.count)
                        accountStrings.append(Int32(author))
                    }
                    if objectOf[key] < 0 {
                        objectOf[key] = Int32(objectStrings.count)
                        objectStrings.append(Int32(key))
                    }
                    if messageOf[id] < 0 {
                        messageOf[id] = Int32(messageStrings.count)
                        messageStrings.append(Int32(id))
                    }
                    shareAccounts.append(accountOf[author])
                    shareObjects.append(objectOf[key])
                    shareMessages.append(messageOf[id])
                    shareTimes.append(posts.times[row])
                    sharesItself.append(object == .hashtagSet ? objects.identifier(at: Int(objectOf[key])) == posts.string(Int32(id)) : key == id)
                }
            }
        }
        accounts = IdentifierList(selecting: accountStrings, positions: accountOf, of: posts.strings)
        if object != .hashtagSet { objects = IdentifierList(selecting: objectStrings, positions: objectOf, of: posts.strings) }
        messages = IdentifierList(selecting: messageStrings, positions: messageOf, of: posts.strings)
        diagnostics.count(Self.missingCategory(object), missing)
    }

    /// The string of each post's object (−1: none): its parent, else its root when that is
    /// another post, or its url, content hash or hashtag list.
    private static func keys(of posts: PostTable, _ object: SharedObjectKey) -> [Int32] {
        switch object {
        case .parent:
            return posts.postIDs.withUnsafeBufferPointer { ids in
                posts.parentPosts.withUnsafeBufferPointer { parents in
                    posts.rootPosts.withUnsafeBufferPointer { roots in
                        (0 ..< posts.count).map { row in parents[row] >= 0 || roots[row] == ids[row] ? parents[row] : roots[row] }
                    }
                }
            }
        case .url: return posts.urlColumn ?? [Int32](repeating: -1, count: posts.count)
        case .contentHash: return posts.contentHashColumn ?? [Int32](repeating: -1, count: posts.count)
        case .hashtagSet: return posts.attributeColumn(ContentFields.hashtags) ?? [Int32](repeating: -1, count: posts.count)
        }
    }

    /// Reads the shares of a posts table, keeping every row (`DatasetLoader` keeps the first of
    /// repeated post ids; co-action counts each row as a share, as CooRTweet does, and repeats
    /// are only counted here).
    ///
    /// `path` is a posts CSV (foreign columns renamed by `options.columnAliases`), a dataset
    /// folder (its `posts.csv`), or a JSON dataset (its posts as loaded).
    /// `object` `nil` chooses it from the data (``SharedObjectKey/automatic(for:)``; for a posts
    /// CSV, from its columns); ``object`` says which was used.
    public static func read(_ path: String, options: DatasetLoader.Options = .init(), object: SharedObjectKey?) throws -> ShareLog {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: path, message: "no such file or folder")
        }
        let format = try options.inputFormat ?? FormatDetection.detect(path)
        if ![.folder, .postsTable, .edgeList].contains(format) {
            // JSON datasets and platform exports are read whole; posts tables stream below.
            let dataset = try DatasetLoader.load(path, options: options)
            guard !dataset.posts.isEmpty else {
                throw InputError(file: (path as NSString).lastPathComponent, message: "holds no posts (\(dataset.format.rawValue)): co-action detection needs posts (who shared which object when)")
            }
            var log = ShareLog(posts: dataset.posts, object: object ?? .automatic(for: dataset.posts))
            dataset.resolvedPostLinks.reportLoops(of: dataset.posts, file: (path as NSString).lastPathComponent, into: &log.diagnostics)
            return log
        }
        var file = path
        if isDirectory.boolValue {
            file = (path as NSString).appendingPathComponent("posts.csv")
            guard FileManager.default.fileExists(atPath: file) else {
                throw InputError(file: path, message: "no posts.csv: co-action detection needs posts (post_id, author, time and the shared object)")
            }
        }
        // Co-action needs no post ids: without a post_id column the rows are numbered.
        var aliases = options.columnAliases
        let header = FormatDetection.csvHeader(try FormatDetection.head(file))
        let numbered = !header.contains { (aliases[$0] ?? $0) == "post_id" } && !aliases.contains { ($0.key == "#" || $0.key.contains("+")) && $0.value == "post_id" }
        if numbered { aliases["#"] = "post_id" }
        let object = object ?? .automatic(columns: header.map { aliases[$0] ?? $0 })
        let table = CSVTable(path: file, columnAliases: aliases)
        if var log = try readWithPostsReader(table, file: file, options: options, object: object) {
            if numbered { log.diagnostics.count("rows numbered as post ids (the file has no post_id)", log.count + log.diagnostics.counts[Self.missingCategory(object), default: 0]) }
            return log
        }
        var log = ShareLog()
        log.object = object
        var missing = 0
        // The line each message was first seen on, by message index (0: not yet).
        var firstLine: [Int] = []
        var times = DatasetTimes(zone: options.timeZone)
        try table.forEachRow(required: Columns.postRequired, known: Columns.postKnown) { row in
            let post = try Post(decoding: &row, times: &times.time, line: row.line)
            times.checkPlausible(post, file: table.fileName, line: row.line, into: &log.diagnostics)
            guard let key = Self.key(of: post, object) else {
                missing += 1
                return
            }
            log.append(account: post.author, object: key, message: post.postID, time: post.time)
            let message = Int(log.shareMessages[log.count - 1])
            if message < firstLine.count {
                log.diagnostics.warn("post ids on several rows (each row kept as a share)", file: table.fileName, line: row.line, "post_id \"\(post.postID)\" also on line \(firstLine[message])")
            } else {
                firstLine.append(row.line)
            }
        }
        log.diagnostics.count(Self.missingCategory(object), missing)
        if numbered { log.diagnostics.count("rows numbered as post ids (the file has no post_id)", log.count + missing) }
        return log
    }

    /// The shares of a posts table read by the posts reader datasets are read with (``PostsTableReader``:
    /// on two threads, no `String` or ``Post`` per row), then mapped as ``init(posts:object:)-(PostTable,_)``
    /// maps them: the same shares, ids interned in the same order and the same warnings as reading
    /// row by row. `nil` when the table repeats a post id: that reader keeps only the first row of
    /// an id, and co-action counts every row, so such a table is read row by row. Row by row took
    /// 8 s of CPU for 2.5 million posts, this a third of it (BENCHMARKS.md, "Ranking and co-action on 2.5M posts").
    private static func readWithPostsReader(_ table: CSVTable, file: String, options: DatasetLoader.Options, object: SharedObjectKey) throws -> ShareLog? {
        var posts = PostCollector(file: table.fileName, capacity: DatasetLoader.expectedRows(file))
        var times = DatasetTimes(zone: options.timeZone)
        _ = try PostsTableReader.read(table, into: &posts, times: &times)
        guard posts.diagnostics.counts[PostCollector.duplicateCategory] == nil else { return nil }
        var log = ShareLog(posts: posts.table, object: object)
        log.diagnostics = posts.diagnostics.merging(log.diagnostics)
        PostLinks(posts: posts.table).reportLoops(of: posts.table, file: table.fileName, into: &log.diagnostics)
        return log
    }

    /// A copy with other share times (same shares, same order): the time-shuffled baseline.
    func withTimes(_ times: [Double]) -> ShareLog {
        var copy = self
        copy.shareTimes = times
        return copy
    }

    private mutating func reserveCapacity(_ capacity: Int) {
        shareAccounts.reserveCapacity(capacity)
        shareObjects.reserveCapacity(capacity)
        shareMessages.reserveCapacity(capacity)
        shareTimes.reserveCapacity(capacity)
        sharesItself.reserveCapacity(capacity)
    }

    private static func key(of post: Post, _ object: SharedObjectKey) -> String? {
        switch object {
        case .parent: return post.parentPost ?? post.rootPost.flatMap { $0 == post.postID ? nil : $0 }
        case .url: return post.url
        case .contentHash: return post.contentHash
        case .hashtagSet:
            guard let tags = post.attributes[ContentFields.hashtags] else { return nil }
            let set = Set(tags.split(separator: " ").map { $0.lowercased() })
            return set.isEmpty ? nil : set.sorted().joined(separator: " ")
        }
    }

    private static func missingCategory(_ object: SharedObjectKey) -> String {
        switch object {
        case .parent: return "posts that repost nothing (not shares)"
        case .url: return "posts without url (not shares)"
        case .contentHash: return "posts without content_hash (not shares)"
        case .hashtagSet: return "posts without hashtags (not shares)"
        }
    }
}
