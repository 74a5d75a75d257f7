/// The posts of a dataset, stored by column: a collection of ``Post`` values built on access.
///
/// Every text value (post ids, authors, parents, roots, platforms, hashes, URLs, attribute values)
/// is interned once into one ``IdentifierTable`` and each row holds `Int32` indices into it, so a
/// row costs about 40 bytes plus its new text, however many columns it has. A `Post` per row
/// (thirteen optional strings, four optional counts and an attribute dictionary) took about
/// 400 bytes and one allocation per id longer than 15 bytes: 2.2 GB for 2.5 million posts, where
/// this layout holds them in about 400 MB (BENCHMARKS.md, "Reading posts").
///
/// Commands read the columns (``postIDs``, ``authors``, ``times``, …) where they loop over every
/// post; `posts[i]` builds one `Post` with its strings.
public struct PostTable: Sendable, RandomAccessCollection, Equatable {
    /// The interned text of every value in the table; the columns hold indices into it.
    public private(set) var strings = IdentifierTable()
    /// The string index of each post's id.
    public private(set) var postIDs: [Int32] = []
    /// The string index of each post's author id.
    public private(set) var authors: [Int32] = []
    /// Unix seconds.
    public private(set) var times: [Double] = []
    /// The string index of each post's `parent_post`, −1 when it has none.
    public private(set) var parentPosts: [Int32] = []
    /// The string index of each post's `root_post`, −1 when it has none.
    public private(set) var rootPosts: [Int32] = []
    /// The string index of each post's `parent_author`, −1 when it has none.
    public private(set) var parentAuthors: [Int32] = []
    // Optional columns exist once a row has a value (−1, or `Int.min` for counts, means none).
    private var platforms: [Int32]?
    private var contentHashes: [Int32]?
    private var urls: [Int32]?
    private var likes: [Int]?
    private var comments: [Int]?
    private var shares: [Int]?
    private var views: [Int]?
    /// Names of the attribute columns, in the order they were first seen.
    public private(set) var attributeColumns: [String] = []
    /// One column of string indices (−1: no value) per attribute name.
    private var attributeValues: [[Int32]] = []
    /// The first row whose id is string `i`, or −1; as long as ``strings``.
    private var rowOfString: [Int32] = []
    /// The rows room was made for (``reserveCapacity(rows:strings:stringBytes:)``), which columns
    /// made later (optional ones, attributes) take at once.
    private var reservedRows = 0

    public init() {}

    /// A table of `posts` in order (repeated ids are kept; ``row(ofPostID:)`` finds the first).
    public init<Posts: Sequence>(_ posts: Posts) where Posts.Element == Post {
        self.init()
        reserveCapacity(posts.underestimatedCount)
        for post in posts { append(post) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { postIDs.count }

    /// The post at `index`, built from the columns.
    public subscript(index: Int) -> Post {
        var attributes: [String: String] = [:]
        for (column, name) in attributeColumns.enumerated() {
            let value = attributeValues[column][index]
            if value >= 0 { attributes[name] = string(value) }
        }
        return Post(
            postID: string(postIDs[index]), author: string(authors[index]), time: times[index],
            parentPost: optionalString(parentPosts[index]), rootPost: optionalString(rootPosts[index]),
            platform: optionalString(platforms?[index] ?? -1), likes: Self.count(likes?[index]), comments: Self.count(comments?[index]),
            shares: Self.count(shares?[index]), views: Self.count(views?[index]),
            contentHash: optionalString(contentHashes?[index] ?? -1), url: optionalString(urls?[index] ?? -1),
            parentAuthor: optionalString(parentAuthors[index]), attributes: attributes
        )
    }

    public static func == (left: PostTable, right: PostTable) -> Bool { left.elementsEqual(right) }

    /// The id of the post at `index`.
    public func postID(at index: Int) -> String { string(postIDs[index]) }

    /// The author id of the post at `index`.
    public func author(at index: Int) -> String { string(authors[index]) }

    /// Whether the post at `index` reposts another (see ``Post/isRepost``).
    public func isRepost(at index: Int) -> Bool {
        parentPosts[index] >= 0 || parentAuthors[index] >= 0 || (rootPosts[index] >= 0 && rootPosts[index] != postIDs[index])
    }

    /// The value of attribute `name` of the post at `index`.
    public func attribute(_ name: String, at index: Int) -> String? {
        guard let column = attributeColumns.firstIndex(of: name) else { return nil }
        return optionalString(attributeValues[column][index])
    }

    /// The string indices of attribute `name` (−1: no value), one per post; `nil` when no post has it.
    public func attributeColumn(_ name: String) -> [Int32]? {
        attributeColumns.firstIndex(of: name).map { attributeValues[$0] }
    }

    /// The string indices of the `content_hash` column (−1: none); `nil` when no post has one.
    public var contentHashColumn: [Int32]? { contentHashes }
    /// The string indices of the `url` column (−1: none); `nil` when no post has one.
    public var urlColumn: [Int32]? { urls }

    /// The string indices of the `platform` column (−1: none); `nil` when no post names one.
    public var platformColumn: [Int32]? { platforms }
    /// The `likes` column (`Int.min`: none); `nil` when no post has one.
    public var likesColumn: [Int]? { likes }
    /// The `comments` column (`Int.min`: none); `nil` when no post has one.
    public var commentsColumn: [Int]? { comments }
    /// The `shares` column (`Int.min`: none); `nil` when no post has one.
    public var sharesColumn: [Int]? { shares }
    /// The `views` column (`Int.min`: none); `nil` when no post has one.
    public var viewsColumn: [Int]? { views }

    /// The string with index `index`.
    public func string(_ index: Int32) -> String { strings.identifier(at: Int(index)) }

    private func optionalString(_ index: Int32) -> String? { index >= 0 ? string(index) : nil }
    private static func count(_ value: Int?) -> Int? { value == nil || value == Int.min ? nil : value }

    /// The first row whose post id is `id`.
    public func row(ofPostID id: String) -> Int? {
        guard let string = strings.index(of: id) else { return nil }
        let row = rowOfString[Int(string)]
        return row >= 0 ? Int(row) : nil
    }

    /// The first row whose post id is string `index`, or −1.
    func row(ofString index: Int32) -> Int32 { rowOfString[Int(index)] }

    public mutating func reserveCapacity(_ capacity: Int) {
        postIDs.reserveCapacity(capacity)
        authors.reserveCapacity(capacity)
        times.reserveCapacity(capacity)
        parentPosts.reserveCapacity(capacity)
        rootPosts.reserveCapacity(capacity)
        parentAuthors.reserveCapacity(capacity)
        strings.reserveCapacity(capacity + capacity / 8)
        rowOfString.reserveCapacity(capacity + capacity / 8)
    }

    /// Makes room for `rows` rows in every column, those made later included, and for `strings`
    /// strings of `stringBytes` bytes in all: a reader that can estimate them from its file's size
    /// fills the table without copying a column or rehashing the strings on the way. The string
    /// slots are sized for the estimate filling 62 % of them (see
    /// ``IdentifierTable/reserveCapacity(_:bytes:loadPercent:)``).
    mutating func reserveCapacity(rows: Int, strings: Int, stringBytes: Int) {
        reserveCapacity(rows)
        reservedRows = rows
        self.strings.reserveCapacity(strings, bytes: stringBytes, loadPercent: 62)
        rowOfString.reserveCapacity(strings)
        for column in attributeValues.indices { attributeValues[column].reserveCapacity(rows) }
    }

    /// Appends `post` (a repeated id is kept as a row; ``row(ofPostID:)`` finds the first).
    public mutating func append(_ post: Post) {
        var row = Row(postID: intern(post.postID), author: intern(post.author), time: post.time)
        row.parentPost = intern(post.parentPost)
        row.rootPost = intern(post.rootPost)
        row.parentAuthor = intern(post.parentAuthor)
        row.platform = intern(post.platform)
        row.contentHash = intern(post.contentHash)
        row.url = intern(post.url)
        row.likes = post.likes ?? Int.min
        row.comments = post.comments ?? Int.min
        row.shares = post.shares ?? Int.min
        row.views = post.views ?? Int.min
        var attributes: [(column: Int, value: Int32)] = []
        for name in post.attributes.keys.sorted() {
            attributes.append((attributeColumn(named: name), intern(post.attributes[name])))
        }
        append(row, attributes: attributes)
    }

    /// One row as string indices, before it is appended.
    struct Row {
        var postID: Int32
        var author: Int32
        var time: Double
        var parentPost: Int32 = -1
        var rootPost: Int32 = -1
        var parentAuthor: Int32 = -1
        var platform: Int32 = -1
        var contentHash: Int32 = -1
        var url: Int32 = -1
        var likes = Int.min
        var comments = Int.min
        var shares = Int.min
        var views = Int.min
    }

    /// Appends a row whose strings were interned with ``intern(_:)-(UnsafeBufferPointer<UInt8>)``;
    /// `attributes` pairs attribute column numbers (``attributeColumn(named:)``) with values.
    @inline(__always)
    mutating func append(_ row: Row, attributes: [(column: Int, value: Int32)] = []) {
        let index = postIDs.count
        if rowOfString[Int(row.postID)] < 0 { rowOfString[Int(row.postID)] = Int32(index) }
        postIDs.append(row.postID)
        authors.append(row.author)
        times.append(row.time)
        parentPosts.append(row.parentPost)
        rootPosts.append(row.rootPost)
        parentAuthors.append(row.parentAuthor)
        Self.append(row.platform, to: &platforms, count: index, reserved: reservedRows, missing: -1)
        Self.append(row.contentHash, to: &contentHashes, count: index, reserved: reservedRows, missing: -1)
        Self.append(row.url, to: &urls, count: index, reserved: reservedRows, missing: -1)
        Self.append(row.likes, to: &likes, count: index, reserved: reservedRows, missing: Int.min)
        Self.append(row.comments, to: &comments, count: index, reserved: reservedRows, missing: Int.min)
        Self.append(row.shares, to: &shares, count: index, reserved: reservedRows, missing: Int.min)
        Self.append(row.views, to: &views, count: index, reserved: reservedRows, missing: Int.min)
        for column in attributeValues.indices { attributeValues[column].append(-1) }
        for (column, value) in attributes { attributeValues[column][index] = value }
    }

    @inline(__always)
    private static func append<Value: Equatable>(_ value: Value, to column: inout [Value]?, count: Int, reserved: Int, missing: Value) {
        if column == nil {
            guard value != missing else { return }
            column = [Value](repeating: missing, count: count)
            column!.reserveCapacity(Swift.max(count * 2, 1024, reserved)) // safe: set just above
        }
        column!.append(value) // safe: set above when it was nil
    }

    /// Appends every row of `other`, whose string indices `index` maps to this table's (see
    /// ``intern(contentsOf:)``), column by column: the same rows ``append(_:attributes:)`` would
    /// add one by one, for a table none of whose post ids is here yet (nor twice in `other`).
    mutating func append(rowsOf other: PostTable, mapping index: [Int32]) {
        let start = postIDs.count
        let added = other.count
        // Numbered before any row is added, so a new column starts with as many rows as the others.
        let attributeTargets = other.attributeColumns.map { attributeColumn(named: $0) }
        func mapped(_ column: [Int32]) -> [Int32] { column.map { $0 < 0 ? $0 : index[Int($0)] } }
        let ids = mapped(other.postIDs)
        for (row, id) in ids.enumerated() { rowOfString[Int(id)] = Int32(start + row) }
        postIDs += ids
        authors += mapped(other.authors)
        times += other.times
        parentPosts += mapped(other.parentPosts)
        rootPosts += mapped(other.rootPosts)
        parentAuthors += mapped(other.parentAuthors)
        func join<Value>(_ column: inout [Value]?, _ more: [Value]?, missing: Value) {
            guard column != nil || more != nil else { return }
            if column == nil { column = [Value](repeating: missing, count: start) }
            column! += more ?? [Value](repeating: missing, count: added) // safe: set just above
        }
        join(&platforms, other.platforms.map(mapped), missing: -1)
        join(&contentHashes, other.contentHashes.map(mapped), missing: -1)
        join(&urls, other.urls.map(mapped), missing: -1)
        join(&likes, other.likes, missing: Int.min)
        join(&comments, other.comments, missing: Int.min)
        join(&shares, other.shares, missing: Int.min)
        join(&views, other.views, missing: Int.min)
        for (column, values) in zip(attributeTargets, other.attributeValues) { attributeValues[column] += mapped(values) }
        for column in attributeValues.indices where attributeValues[column].count < start + added {
            attributeValues[column] += [Int32](repeating: -1, count: start + added - attributeValues[column].count)
        }
    }

    /// The number of the attribute column `name`, added (empty for the rows so far) when new.
    mutating func attributeColumn(named name: String) -> Int {
        if let column = attributeColumns.firstIndex(of: name) { return column }
        attributeColumns.append(name)
        var values = [Int32](repeating: -1, count: postIDs.count)
        values.reserveCapacity(reservedRows)
        attributeValues.append(values)
        return attributeColumns.count - 1
    }

    /// The string index of `bytes`, interned when new; `nil` when new bytes are not valid UTF-8.
    @inline(__always)
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard let index = strings.intern(bytes) else { return nil }
        if Int(index) == rowOfString.count { rowOfString.append(-1) }
        return index
    }

    /// ``intern(contentsOf:)`` of `other`'s strings, leaving `other` without strings (its rows keep
    /// their string indices): a part merged into this table needs them no more, and holding them
    /// while this table grows raised the peak.
    mutating func intern(takingStringsOf other: inout PostTable) -> [Int32] {
        let indices = strings.intern(takingContentsOf: &other.strings)
        other.rowOfString = []
        rowOfString.append(contentsOf: repeatElement(-1, count: strings.count - rowOfString.count))
        return indices
    }

    /// The string index here of every string of `other`, in `other`'s order, each interned when
    /// new (see ``IdentifierTable/intern(contentsOf:)``).
    mutating func intern(contentsOf other: IdentifierTable) -> [Int32] {
        let indices = strings.intern(contentsOf: other)
        rowOfString.append(contentsOf: repeatElement(-1, count: strings.count - rowOfString.count))
        return indices
    }

    /// The string index of `text`, −1 for `nil`.
    mutating func intern(_ text: String?) -> Int32 {
        guard var text else { return -1 }
        return text.withUTF8 { intern($0) } ?? -1 // a Swift String is always valid UTF-8
    }
}
