@testable import ReachGraph
import ReachGraphCore
import XCTest

/// Posts tables read in two halves on two threads give what one reading gives: the same rows,
/// lines, strings in the same interning order, warnings and time notes; and every case where the
/// halves could differ (a quoted row, a quoted field across the middle, a repeated id, another
/// epoch unit) ends as one reading ends. The tables are SYNTHETIC, made here.
final class CSVSplitReadingTests: XCTestCase {
    /// What a reading leaves: the collector and the time column's reader.
    private struct Reading {
        var collector: PostCollector
        var times: DatasetTimes
        var extraColumns: [String]
    }

    private func read(_ path: String, threads: Int) throws -> Reading {
        let saved = Parallelism.threadCount
        defer { Parallelism.threadCount = saved }
        Parallelism.threadCount = threads
        let table = CSVTable(path: path)
        var collector = PostCollector(file: table.fileName, capacity: 16)
        var times = DatasetTimes(zone: nil)
        // Split every file, however small.
        let extra = try PostsTableReader.read(table, into: &collector, times: &times, splitBytes: 0, firstShare: 0.5)
        return Reading(collector: collector, times: times, extraColumns: extra)
    }

    /// Reads `path` on one thread and on two and asserts both readings agree in every detail;
    /// returns the rows the second thread read.
    @discardableResult
    private func assertSameReading(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        let one = try read(path, threads: 1)
        let two = try read(path, threads: 2)
        XCTAssertEqual(one.collector.secondHalfRows, 0, file: file, line: line)
        let (a, b) = (one.collector.table, two.collector.table)
        XCTAssertEqual(a.strings.identifiers, b.strings.identifiers, "interning order", file: file, line: line)
        XCTAssertEqual(a.postIDs, b.postIDs, file: file, line: line)
        XCTAssertEqual(a.authors, b.authors, file: file, line: line)
        XCTAssertEqual(a.parentPosts, b.parentPosts, file: file, line: line)
        XCTAssertEqual(a.rootPosts, b.rootPosts, file: file, line: line)
        XCTAssertEqual(a.platformColumn, b.platformColumn, file: file, line: line)
        XCTAssertEqual(a.likesColumn, b.likesColumn, file: file, line: line)
        XCTAssertEqual(a.attributeColumns, b.attributeColumns, file: file, line: line)
        XCTAssertEqual(a, b, file: file, line: line)
        XCTAssertEqual(one.collector.lines, two.collector.lines, file: file, line: line)
        XCTAssertEqual(one.collector.diagnostics, two.collector.diagnostics, file: file, line: line)
        XCTAssertEqual(one.times.readingNotes, two.times.readingNotes, file: file, line: line)
        XCTAssertEqual(one.extraColumns, two.extraColumns, file: file, line: line)
        for id in ["700000000000000011", "p12", "700000000000002999"] {
            XCTAssertEqual(a.row(ofPostID: id), b.row(ofPostID: id), file: file, line: line)
        }
        return two.collector.secondHalfRows
    }

    /// SYNTHETIC rows: decimal, packed and text ids, repeated authors (short, packed, non-ASCII),
    /// parents and roots reaching back into the first half, platforms to lowercase, empty counts,
    /// an attribute column, zoned and naive times.
    private func rows(_ range: Range<Int>) -> String {
        var text = ""
        for i in range {
            let id = i % 4 == 0 ? "p\(i)" : String(700_000_000_000_000_000 + i)
            let author = [String(format: "u%d", i % 13), "account_\(i % 53)", "автор_\(i % 5)"][i % 3]
            let parent = i % 3 == 1 ? String(700_000_000_000_000_000 + i / 2) : ""
            let root = parent.isEmpty ? id : (i % 2 == 0 ? parent : "p\(i / 4 * 4)")
            let platform = i % 4 == 0 ? "Twitter" : "weibo"
            let likes = i % 5 == 0 ? "" : String(i)
            let time = i % 7 == 0 ? "2024-05-01 08:\(String(format: "%02d", i % 60))" : "2024-05-01T\(String(format: "%02d", i % 24)):00:00Z"
            let language = i % 2 == 0 ? "en" : ""
            text += "\(id),\(author),\(time),\(parent),\(root),\(platform),\(likes),\(language)\n"
        }
        return text
    }

    private let header = "post_id,author,time,parent_post,root_post,platform,likes,language\n"

    /// Line feeds counted eight bytes at a time agree with a byte loop at every length and
    /// alignment, with bytes next to a line feed in value (0x09, 0x0B, 0x8A) and high bytes.
    func testLineFeedsCountedByWordAgreeWithABytesCount() {
        var generator = SplitMix64(seed: 7)
        let alphabet: [UInt8] = [0x0A, 0x0A, 0x09, 0x0B, 0x8A, 0x7F, 0xFF, 0x00, 0x41, 0x20]
        let bytes = (0 ..< 700).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
        bytes.withUnsafeBufferPointer { all in
            for start in 0 ..< 9 {
                for end in stride(from: start, through: all.count, by: 13) {
                    let slice = UnsafeBufferPointer(rebasing: all[start ..< end])
                    XCTAssertEqual(CSVReader.lineFeeds(in: slice), slice.filter { $0 == 0x0A }.count, "\(start)..<\(end)")
                }
            }
        }
    }

    func testTwoHalvesGiveWhatOneReadingGives() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("posts.csv", header + rows(0 ..< 3000))
        let second = try assertSameReading(path)
        XCTAssertGreaterThan(second, 1000)
        XCTAssertLessThan(second, 2000)
    }

    func testRepeatedIdAcrossTheHalvesIsWarnedAtItsLine() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("posts.csv", header + rows(0 ..< 3000) + "700000000000000011,u1,2024-05-01T00:00:00Z,,,,,\n" + rows(3000 ..< 3010))
        XCTAssertGreaterThan(try assertSameReading(path), 1000)
        let reading = try read(path, threads: 2)
        XCTAssertEqual(reading.collector.diagnostics.counts["duplicate post ids (first kept)"], 1)
        XCTAssertEqual(reading.collector.diagnostics.examples.first?.line, 3002)
    }

    func testRepeatedIdWithinTheSecondHalfIsReadOnOneThread() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("posts.csv", header + rows(0 ..< 3000) + rows(2990 ..< 3000))
        XCTAssertEqual(try assertSameReading(path), 0)
    }

    func testQuotedRowInTheSecondHalfIsReadOnOneThread() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("posts.csv", header + rows(0 ..< 3000) + "\"q1\",u1,2024-05-01T00:00:00Z,,,,,\"a, b\"\n" + rows(3000 ..< 3010))
        XCTAssertEqual(try assertSameReading(path), 0)
    }

    func testQuotedFieldAcrossTheMiddleIsReadOnOneThread() throws {
        let folder = try TemporaryFolder()
        let long = (0 ..< 400).map { "line \($0) of a long quoted text" }.joined(separator: "\n")
        let path = try folder.write("posts.csv", header + rows(0 ..< 10) + "q1,u1,2024-05-01T00:00:00Z,,,,,\"\(long)\"\n" + rows(10 ..< 20))
        XCTAssertEqual(try assertSameReading(path), 0)
        XCTAssertEqual(try read(path, threads: 2).collector.table.attribute("language", at: 10), long)
    }

    func testAnotherEpochUnitInTheSecondHalfIsTheUsualError() throws {
        let folder = try TemporaryFolder()
        let first = "post_id,author,time\n" + (0 ..< 500).map { "s\($0),a,\(1_714_521_600 + $0)\n" }.joined()
        // Milliseconds from the first line feed after the middle on: the halves decide different
        // units, and the merge refuses.
        var second = (0 ..< 400).map { "m\($0),b,\(1_714_521_600_000 + $0)\n" }.joined()
        second += "m400," + String(repeating: "b", count: first.utf8.count - 4 - second.utf8.count - 20) + ",1714521600000\n"
        XCTAssertEqual(second.utf8.count, first.utf8.count - 4)
        let path = try folder.write("units.csv", first + second)
        for threads in [1, 2] {
            XCTAssertThrowsError(try read(path, threads: threads)) { error in
                XCTAssertEqual("\(error)", "units.csv:502:6: column \"time\": 1714521600000 looks like epoch milliseconds but line 2 made this column epoch seconds: a column mixing units is ambiguous")
            }
        }
        let iso = "post_id,author,time\n" + (0 ..< 500).map { "s\($0),a,2024-05-01T00:00:00Z\n" }.joined()
        let later = try folder.write("later.csv", iso + second)
        XCTAssertGreaterThan(try assertSameReading(later), 100)
        XCTAssertEqual(try read(later, threads: 2).times.time.unitLine, 502)
    }
}
