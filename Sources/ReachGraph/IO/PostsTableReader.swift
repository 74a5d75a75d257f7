#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the rows of a posts table (a dataset's `posts.csv`, or one CSV of posts) into a
/// ``PostCollector``.
///
/// Rows without quotes are decoded straight from the CSV reader's buffer: ids and other text
/// interned from their bytes into the posts' string table, times and counts parsed from bytes,
/// no `String` or ``Post`` per row. Reading a million posts that way takes a fraction of the
/// time the general path took (BENCHMARKS.md, "Reading posts"), where each row built a `String`
/// per field, hashed column names to find them and built a `Post`.
///
/// A row the fast path does not take exactly as it is (a quoted field, a value that does not
/// parse, a platform with non-ASCII letters, bytes that are not UTF-8) goes through
/// `Post(decoding:)`, which accepts it or throws the usual error at file:line:col: both paths
/// accept and reject the same rows, with the same values.
/// - Complexity: O(bytes), one id lookup per id field.
enum PostsTableReader {
    /// Reads `table`'s rows into `collector`; returns the names of the columns the format does
    /// not define (the post attributes), in file order, or `[]` when the table has no rows.
    /// Times are read by `times` (``DatasetTimes``); posts dated before 2000 or after next year
    /// are counted in `collector`'s diagnostics. A file of at least `splitBytes` is read in two
    /// halves on two threads when ``Parallelism/threadCount`` allows, with the same result (see
    /// ``CSVReader/forEachRecord(simpleFieldLimit:minimumBytes:firstShare:startPart:readPart:mergePart:simple:_:)``).
    static func read(
        _ table: CSVTable, into collector: inout PostCollector, times: inout DatasetTimes, splitBytes: Int = 1 << 22, firstShare: Double = firstShare
    ) throws -> [String] {
        var positions = Positions()
        var attributes: [(column: Int, value: Int32)] = []
        var lookahead = PostSlotLookahead()
        var extraColumns: [String] = []
        collector.secondHalfRows = try table.forEachRow(required: Columns.postRequired, known: Columns.postKnown, prepare: { row in
            extraColumns = row.extraColumnNames
            positions = Positions(header: row.header, table: &collector.table)
            return true
        }, simple: { bytes, bounds, count, line in
            decode(bytes, bounds, count, line: line, positions: positions, attributes: &attributes, lookahead: &lookahead, times: &times.time, into: &collector)
        }, minimumBytes: splitBytes, firstShare: firstShare, startPart: {
            SecondPart(
                collector: PostCollector(file: collector.file, attributeColumns: collector.table.attributeColumns),
                times: TimestampReader(zone: times.time.zone), positions: positions,
                capacity: Int(Double(collector.table.postIDs.capacity) * (1 - firstShare)) + 1024
            )
        }, readPart: { part, bytes, bounds, count, line in
            if part.capacity > 0 {
                // Reserved here, so the second thread rather than the first fills the id table's slots.
                part.collector.reserveCapacity(part.capacity)
                part.capacity = 0
            }
            let before = part.collector.count
            guard decode(bytes, bounds, count, line: line, positions: part.positions, attributes: &part.attributes, lookahead: &part.lookahead, times: &part.times, into: &part.collector) else {
                return false
            }
            // A repeated id gives the part up: its warning belongs among the others in file order.
            return part.collector.count > before
        }, mergePart: { part in
            guard part.collector.diagnostics == Diagnostics(), times.time.absorb(part.times) else { return false }
            collector.append(contentsOf: part.collector)
            return true
        }) { row in
            collector.add(try Post(decoding: &row, times: &times.time, line: row.line), line: row.line)
        }
        times.checkPlausible(collector, into: &collector.diagnostics)
        return collector.count > 0 ? extraColumns : []
    }

    /// The share of a large table's bytes read on the caller's thread, which then merges the
    /// rest read on a second. In a profile of `cascades` on a million posts (BENCHMARKS.md,
    /// "Reading posts") merging took the first thread about 0.3 of reading the same rows, and the
    /// second thread spent about as much more per row (it counts the first part's lines and fills
    /// a table of its own): with 42 % the first thread waited, halves finish together.
    static let firstShare = 0.5

    /// What the second thread reads the second half of a large table into (see
    /// ``CSVReader/forEachRecord(simpleFieldLimit:minimumBytes:firstShare:startPart:readPart:mergePart:simple:_:)``):
    /// posts with an id table of their own, and the time column's reader.
    struct SecondPart {
        var collector: PostCollector
        var times: TimestampReader
        let positions: Positions
        /// The rows to reserve room for on the second thread; 0 once reserved.
        var capacity: Int
        var attributes: [(column: Int, value: Int32)] = []
        var lookahead = PostSlotLookahead()
    }

    /// Where each column of the format is in the file (−1: absent), and where the attribute
    /// columns are with their column numbers in the posts table.
    struct Positions {
        var postID = -1, author = -1, time = -1, parentPost = -1, rootPost = -1, platform = -1, likes = -1
        var comments = -1, shares = -1, views = -1, contentHash = -1, url = -1, parentAuthor = -1
        var attributes: [(position: Int, column: Int)] = []

        init() {}

        init(header: TableHeader, table: inout PostTable) {
            func position(_ name: String) -> Int { header.positions[name] ?? -1 }
            postID = position("post_id")
            author = position("author")
            time = position("time")
            parentPost = position("parent_post")
            rootPost = position("root_post")
            platform = position("platform")
            likes = position("likes")
            comments = position("comments")
            shares = position("shares")
            views = position("views")
            contentHash = position("content_hash")
            url = position("url")
            parentAuthor = position("parent_author")
            attributes = header.extraColumns.map { ($0.position, table.attributeColumn(named: $0.name)) }
        }
    }

    /// Decodes one unquoted row and adds it; `false` (nothing added) when the general path must read it.
    @inline(__always)
    private static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, _ bounds: UnsafeMutableBufferPointer<Int>, _ count: Int, line: Int,
        positions: Positions, attributes: inout [(column: Int, value: Int32)], lookahead: inout PostSlotLookahead, times: inout TimestampReader,
        into collector: inout PostCollector
    ) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        func field(_ position: Int) -> UnsafeBufferPointer<UInt8> {
            guard position >= 0 && position < count else { return UnsafeBufferPointer(start: base, count: 0) }
            return UnsafeBufferPointer(start: base + bounds[2 * position], count: bounds[2 * position + 1] - bounds[2 * position])
        }
        // −1 for an empty field, nil when it must go the general way.
        func text(_ position: Int) -> Int32? {
            let value = FieldParsing.trimmingSpaces(field(position))
            return value.isEmpty ? -1 : collector.table.intern(value)
        }
        func number(_ position: Int) -> Int? {
            let value = FieldParsing.trimmingSpaces(field(position))
            if value.isEmpty { return Int.min }
            guard let number = FieldParsing.integer(value), number >= 0 else { return nil }
            return number
        }
        // The string table's slots of this row's ids and the next rows' are fetched a batch at a
        // time: waiting for the post id's slot was most of this function on a million posts.
        lookahead.advance(bytes, rowStart: bounds[0], rowEnd: bounds[2 * count - 1], positions: positions, strings: collector.table.strings)
        guard let postID = text(positions.postID), postID >= 0, let author = text(positions.author), author >= 0,
              let time = times.readCommonForm(field(positions.time), line: line), FieldParsing.supportedTimes.contains(time) else { return false }
        var row = PostTable.Row(postID: postID, author: author, time: time)
        // A root post's `root_post` is its own id, and a repost's is often its `parent_post`: equal
        // bytes take the index already found instead of a second lookup.
        func rootText(parentPost: Int32) -> Int32? {
            let value = FieldParsing.trimmingSpaces(field(positions.rootPost))
            if value.isEmpty { return -1 }
            if equal(value, FieldParsing.trimmingSpaces(field(positions.postID))) { return postID }
            if parentPost >= 0 && equal(value, FieldParsing.trimmingSpaces(field(positions.parentPost))) { return parentPost }
            return collector.table.intern(value)
        }
        guard let parentPost = text(positions.parentPost), let rootPost = rootText(parentPost: parentPost),
              let parentAuthor = text(positions.parentAuthor), let contentHash = text(positions.contentHash), let url = text(positions.url),
              let likes = number(positions.likes), let comments = number(positions.comments), let shares = number(positions.shares),
              let views = number(positions.views), let platform = lowercasedText(field(positions.platform), into: &collector.table) else { return false }
        row.parentPost = parentPost
        row.rootPost = rootPost
        row.parentAuthor = parentAuthor
        row.contentHash = contentHash
        row.url = url
        row.platform = platform
        row.likes = likes
        row.comments = comments
        row.shares = shares
        row.views = views
        attributes.removeAll(keepingCapacity: true)
        for (position, column) in positions.attributes {
            // Attribute values are kept as written, spaces included.
            let value = field(position)
            guard !value.isEmpty else { continue }
            guard let string = collector.table.intern(value) else { return false }
            attributes.append((column, string))
        }
        collector.add(row, attributes: attributes, line: line)
        return true
    }

    @inline(__always)
    private static func equal(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        guard left.count == right.count, let a = left.baseAddress, let b = right.baseAddress else { return false }
        return memcmp(a, b, left.count) == 0
    }

    /// The trimmed, ASCII-lowercased text of `bytes` interned (−1 when empty); `nil` for
    /// non-ASCII text, whose lowercasing the general path does with Unicode's rules.
    private static func lowercasedText(_ bytes: UnsafeBufferPointer<UInt8>, into table: inout PostTable) -> Int32? {
        let value = FieldParsing.trimmingSpaces(bytes)
        if value.isEmpty { return -1 }
        var upper = false
        for byte in value {
            if byte >= 0x80 { return nil }
            if byte >= 0x41 && byte <= 0x5A { upper = true }
        }
        guard upper else { return table.intern(value) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: value.count) { lowered in
            for (index, byte) in value.enumerated() { lowered[index] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
            return table.intern(UnsafeBufferPointer(lowered))
        }
    }
}
