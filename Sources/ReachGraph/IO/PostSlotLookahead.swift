/// Fetches the string table's slots of the ids of the rows ahead of the one being decoded, a
/// batch of rows at a time, so their cache misses overlap one another.
///
/// With a million posts the string table is far larger than the cache, and a new post id (or a
/// root named long before) costs a cache miss on its slot. Fetching one row's slots just before
/// its own lookups overlapped only that row's three or four misses, and waiting for them was
/// still a fifth of `cascades` on a million posts (BENCHMARKS.md, "Reading posts"); fetching one
/// row's slots some rows ahead did not help, as the decoding between two such rows is longer
/// than the processor looks ahead. So the slots of ``batch`` rows are fetched together: the
/// lines are split at commas and the hashes of their id fields (post, author, parent, root)
/// computed first, then the slots read one after another, with nothing between the reads.
/// The reader hands out one row at a time from its buffer, so this looks into the buffer itself,
/// from a cursor after the rows already fetched.
///
/// Only a hint: a line at the cursor is not checked to be a record the reader will hand out (a
/// quoted line, a blank line or stale bytes past the buffer's filled part give other slots, never
/// other results). When rows do not come one after another (the buffer moved on a refill, or a row
/// went the general way) the cursor starts again at the current row. A line longer than
/// ``longestLine`` or a zero byte stops it until then.
/// - Complexity: O(bytes of the rows) more scanning in all; one slot read per id field.
struct PostSlotLookahead {
    /// How many rows' slots are fetched together.
    static let batch = 16
    static let longestLine = 1024

    /// Where the row after the last one decoded starts, when rows come one after another.
    private var expectedStart = -1
    /// Where the first line not yet fetched starts; `Int.max` when stopped.
    private var cursor = Int.max
    /// Rows fetched, from the current one on.
    private var fetched = 0

    /// Called with each row decoded on the fast path, before its lookups: the row spans
    /// `rowStart ..< rowEnd` of `bytes` (line end excluded).
    @inline(__always)
    mutating func advance(
        _ bytes: UnsafeBufferPointer<UInt8>, rowStart: Int, rowEnd: Int, positions: PostsTableReader.Positions, strings: IdentifierTable
    ) {
        var next = rowEnd
        if next < bytes.count && bytes[next] == UInt8(ascii: "\r") { next += 1 }
        next += 1
        if rowStart == expectedStart {
            fetched -= 1
        } else {
            cursor = rowStart
            fetched = 0
        }
        expectedStart = next
        // Half a batch ahead, so the next rows' slots arrive while those rows are decoded.
        if fetched <= Self.batch / 2 { fetchBatch(bytes, positions: positions, strings: strings) }
    }

    @inline(never)
    private mutating func fetchBatch(_ bytes: UnsafeBufferPointer<UInt8>, positions: PostsTableReader.Positions, strings: IdentifierTable) {
        guard cursor < bytes.count, let base = bytes.baseAddress else { return }
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 4 * Self.batch) { hashes in
            var count = 0
            let comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), carriage = UInt8(ascii: "\r")
            lines: for _ in 0 ..< Self.batch {
                let limit = min(bytes.count, cursor + Self.longestLine)
                var index = cursor, fieldStart = cursor, field = 0
                var fields = 0
                while index < limit {
                    let byte = bytes[index]
                    if byte > comma {
                        index += 1
                        continue
                    }
                    if byte == 0 { break }
                    if byte == comma || byte == newline || byte == carriage {
                        if fields < 4 && (field == positions.postID || field == positions.author || field == positions.parentPost || field == positions.rootPost) {
                            let value = FieldParsing.trimmingSpaces(UnsafeBufferPointer(start: base + fieldStart, count: index - fieldStart))
                            if !value.isEmpty {
                                hashes[count] = IdentifierTable.key(value).hash
                                count += 1
                                fields += 1
                            }
                        }
                        if byte == newline {
                            cursor = index + 1
                            fetched += 1
                            continue lines
                        }
                        field += 1
                        fieldStart = index + 1
                    }
                    index += 1
                }
                cursor = Int.max
                break
            }
            var touched: UInt64 = 0
            for hash in hashes[0 ..< count] { touched &+= strings.touch(hash) }
            IdentifierTable.keep(touched)
        }
    }
}
