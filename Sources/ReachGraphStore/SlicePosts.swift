import Dispatch
import Foundation
import GRDB
import ReachGraph

/// A slice's posts, stepped out of SQLite on the reading thread and interned on a second thread.
///
/// Reading a month of a 9.4M-post store, stepping SQLite's cursor and interning the text (hash
/// lookups that mostly miss the cache) were the two halves of the post loop, and the accounts came
/// on top (BENCHMARKS.md, "The store"). So the reading thread copies each batch of rows' bytes out
/// of SQLite and hands it over, then goes on to the accounts and relations, while the interning
/// thread adds the rows to a ``PostRows`` in row order: string indices, and so the dataset, are
/// exactly those one thread makes. At most ``maximumPending`` batches wait, bounding memory.
///
/// The snapshot stays one: only the reading thread touches the database.
final class SlicePostReader: @unchecked Sendable {
    private static let batchRows = 16_384
    private static let maximumPending = 8
    /// The text columns of the query below, in the order a batch keeps them.
    private static let textColumns: [CInt] = [0, 1, 2, 4, 5, 10, 11, 12, 13]
    static let sql = """
        SELECT platform, post_id, author, time, parent_post, root_post, likes, comments, shares, views, content_hash, url, attributes,
            parent_author, ingest_id
        FROM post WHERE seq BETWEEN ? AND ? AND +time >= ? AND +time < ? ORDER BY seq
        """

    /// Rows copied out of SQLite: each row's text values end to end in `bytes` (lengths in
    /// `lengths`, −1 for NULL, nine per row), its time, and its four counts (`Int.min`: NULL).
    private struct Batch {
        var bytes: [UInt8] = []
        var lengths: [Int32] = []
        var times: [Double] = []
        var counts: [Int] = []
    }

    private let condition = NSCondition()
    // Guarded by `condition`.
    private var pending: [Batch] = []
    private var closed = false
    // Owned by the interning thread until `finished` is waited for.
    private var rows: PostRows?
    private let finished = DispatchGroup()
    /// The ingest of each post, in row order: the store derives reposts for the posts of
    /// ingests that derived theirs.
    private(set) var ingestIDs: [Int64] = []

    /// Steps the slice's posts (`statement` over ``sql``), handing them to an interning thread
    /// that adds them to `rows`; returns once every row is read. ``wait()`` gives the rows.
    init(reading statement: RawStatement, into rows: PostRows) throws {
        self.rows = rows
        DispatchQueue.global().async(group: finished) { self.intern() }
        defer { close() }
        var batch = Batch()
        try statement.forEachRow { row in
            for column in Self.textColumns {
                row.withText(column) { bytes in
                    if let bytes {
                        batch.lengths.append(Int32(bytes.count))
                        batch.bytes.append(contentsOf: bytes)
                    } else {
                        batch.lengths.append(-1)
                    }
                }
            }
            batch.times.append(row.double(3))
            for column: CInt in 6 ... 9 { batch.counts.append(row.integer(column) ?? Int.min) }
            ingestIDs.append(row.int64(14))
            if batch.times.count == Self.batchRows {
                hand(batch)
                batch = Batch()
            }
        }
        hand(batch)
    }

    /// The rows, once the interning thread has added every one.
    func wait() -> PostRows {
        finished.wait()
        return rows! // safe: the interning thread puts them back before it finishes
    }

    private func hand(_ batch: Batch) {
        condition.lock()
        while pending.count >= Self.maximumPending { condition.wait() }
        pending.append(batch)
        condition.broadcast()
        condition.unlock()
    }

    private func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    private func next() -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while pending.isEmpty && !closed { condition.wait() }
        guard !pending.isEmpty else { return nil }
        let batch = pending.removeFirst()
        condition.broadcast()
        return batch
    }

    private func intern() {
        var posts = rows! // safe: set before this thread started
        rows = nil // the only reference, so adding rows does not copy the columns
        while let batch = next() { add(batch, to: &posts) }
        rows = posts
    }

    private func add(_ batch: Batch, to posts: inout PostRows) {
        batch.bytes.withUnsafeBufferPointer { bytes in
            var offset = 0, field = 0
            func text() -> UnsafeBufferPointer<UInt8>? {
                let length = Int(batch.lengths[field])
                field += 1
                guard length >= 0 else { return nil }
                defer { offset += length }
                return UnsafeBufferPointer(rebasing: bytes[offset ..< offset + length])
            }
            func intern(_ bytes: UnsafeBufferPointer<UInt8>?) -> Int32 {
                guard let bytes else { return -1 }
                return posts.intern(bytes) ?? -1
            }
            for row in batch.times.indices {
                let platformText = text(), postIDText = text(), authorText = text(), parentText = text(), rootText = text()
                let hashText = text(), urlText = text(), attributesText = text(), parentAuthorText = text()
                let platform = platformText.map { $0.isEmpty ? -1 : intern($0) } ?? -1
                let postID = intern(postIDText), author = intern(authorText), parentPost = intern(parentText)
                // A root post's `root_post` is its own id, and a repost's is often its parent: equal
                // bytes take the index already found, as the CSV reader does.
                let rootPost: Int32
                if let rootText, let postIDText, Self.equal(rootText, postIDText) {
                    rootPost = postID
                } else if let rootText, let parentText, Self.equal(rootText, parentText) {
                    rootPost = parentPost
                } else {
                    rootPost = intern(rootText)
                }
                var attributes: [(column: Int, value: Int32)] = []
                if let attributesText {
                    let values = AttributeText.decode(String(decoding: attributesText, as: UTF8.self))
                    for name in values.keys.sorted() {
                        var value = values[name]! // safe: a key of `values`
                        let column = posts.attributeColumn(named: name)
                        attributes.append((column, value.withUTF8 { posts.intern($0) } ?? -1))
                    }
                }
                let counts = 4 * row
                func count(_ index: Int) -> Int? {
                    let value = batch.counts[counts + index]
                    return value == Int.min ? nil : value
                }
                posts.add(
                    postID: postID, author: author, time: batch.times[row], parentPost: parentPost, rootPost: rootPost,
                    parentAuthor: intern(parentAuthorText), platform: platform, likes: count(0), comments: count(1), shares: count(2),
                    views: count(3), contentHash: intern(hashText), url: intern(urlText), attributes: attributes
                )
            }
        }
    }

    @inline(__always)
    private static func equal(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        guard left.count == right.count else { return false }
        guard let a = left.baseAddress, let b = right.baseAddress else { return left.isEmpty }
        return memcmp(a, b, left.count) == 0
    }
}
