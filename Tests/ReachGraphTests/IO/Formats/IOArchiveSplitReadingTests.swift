@testable import ReachGraph
import ReachGraphCore
import XCTest

/// An IO-archive tweets file read in two parts on two threads gives what one reading gives: the
/// same dataset written out byte for byte, the same warnings (counts and examples, with their
/// lines) and notes; a split that is not a record's start, a second part the merge refuses and an
/// error in the second part all end as one reading ends. The archives are SYNTHETIC, made here.
final class IOArchiveSplitReadingTests: XCTestCase {
    private struct Reading: Equatable {
        var json: String
        var diagnostics: Diagnostics
        var notes: [Dataset.ReadingNote]
        var merged: Bool
    }

    private func read(_ path: String, threads: Int) throws -> Reading {
        let saved = Parallelism.threadCount
        defer { Parallelism.threadCount = saved }
        Parallelism.threadCount = threads
        var export = PlatformExport(format: .ioArchive, file: "tweets.csv")
        export.accountAttributeColumns = IOArchiveReader.accountAttributeNames
        var times = TimestampReader()
        // Split every file, however small.
        let merged = try IOArchiveReader.readTweets(path, into: &export, times: &times, options: .init(), splitBytes: 0)
        export.notes.append(.naiveTimes(times.zone, count: times.naiveCount, defaultReason: "the default"))
        let dataset = export.dataset(name: path)
        return Reading(json: try JSONDatasetWriter.text(of: dataset), diagnostics: dataset.diagnostics, notes: dataset.readingNotes, merged: merged)
    }

    /// Reads `text` on one thread and on two, asserts both agree, and returns whether the two-thread reading merged a part.
    private func assertSameReading(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> Bool {
        let folder = try TemporaryFolder()
        let path = try folder.write("tweets.csv", text)
        let one = try read(path, threads: 1)
        let two = try read(path, threads: 2)
        XCTAssertFalse(one.merged, file: file, line: line)
        XCTAssertEqual(one.json, two.json, file: file, line: line)
        XCTAssertEqual(one.diagnostics, two.diagnostics, file: file, line: line)
        XCTAssertEqual(one.notes, two.notes, file: file, line: line)
        return two.merged
    }

    private let header = "tweetid,userid,user_screen_name,follower_count,user_reported_location,tweet_language,tweet_text,tweet_time,in_reply_to_userid,is_retweet,retweet_userid,retweet_tweetid,like_count,hashtags,urls,user_mentions,note\n"

    /// SYNTHETIC rows, every field quoted: texts with line feeds (one that starts a line with a
    /// doubled quote), accounts first seen bare (retweeted) and filled later, screen names and
    /// locations that appear only in later rows, replies, repeated texts, retweets naming no
    /// original, implausible years and an extra column.
    private func rows(_ range: Range<Int>, quoteFirst: Bool = true) -> String {
        var text = ""
        for i in range {
            let author = "u\(i % 37)"
            let name = i % 5 == 0 ? "" : "name\(i % 37)"
            let followers = i % 7 == 0 ? "" : String(i % 37 * 10)
            let location = i > 1500 && i % 3 == 0 ? "place\(i % 37)" : ""
            let body = i % 11 == 0 ? "line one\nline two of \(i % 50)" : (i % 13 == 0 ? "said\n\"\"quoted\"\" \(i)" : "text \(i % 40), plain")
            let time = i % 500 == 7 ? "1970-01-01 00:00" : "2019-01-0\(1 + i % 9) 10:\(String(format: "%02d", i % 60))"
            let reply = i % 17 == 0 ? "u\((i + 3) % 41)" : ""
            let retweet = i % 3 == 1
            let retweetUser = retweet && i % 29 != 1 ? "r\(i % 43)" : ""
            let retweetTweet = retweet && i % 29 != 1 ? String(i / 2) : ""
            let hashtags = i % 4 == 0 ? "['tag\(i % 6)', \"it's\"]" : "[]"
            let fields = [
                String(1000 + i), author, name, followers, location, i % 2 == 0 ? "en" : "ru", body, time, reply,
                retweet ? "true" : "false", retweetUser, retweetTweet, String(i % 9), hashtags, "[http://x.example/\(i % 8)]", "[u\(i % 5)]", "n\(i % 3)",
            ]
            let quoted = fields.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            text += (quoteFirst ? quoted : [fields[0]] + quoted.dropFirst()).joined(separator: ",") + "\n"
        }
        return text
    }

    func testTwoPartsGiveWhatOneReadingGives() throws {
        XCTAssertTrue(try assertSameReading(header + rows(0 ..< 3000)))
    }

    /// The same tweet id in both parts: the merge would need the part's own warning, so the second
    /// part is read again on this thread.
    func testRepeatedIdInTheSecondPartIsReadOnOneThread() throws {
        var rows = rows(0 ..< 3000)
        rows += rows.split(separator: "\n", omittingEmptySubsequences: false)[2990] + "\n"
        rows += rows.split(separator: "\n", omittingEmptySubsequences: false)[2995] + "\n"
        XCTAssertFalse(try assertSameReading(header + rows))
    }

    /// With an unquoted first column the split is the first line end past the middle, which here
    /// is inside a tweet's text: the first part never ends a record there, so one thread reads on.
    func testSplitInsideAQuotedFieldIsNotTaken() throws {
        var rows = rows(0 ..< 300, quoteFirst: false)
        let long = String(repeating: "long text\n", count: 40000)
        rows += "\"9999\",\"u1\",\"\",\"\",\"\",\"en\",\"\(long)\",\"2019-01-01 10:00\",\"\",\"false\",\"\",\"\",\"\",\"[]\",\"[]\",\"[]\",\"\"\n"
        rows += self.rows(300 ..< 600, quoteFirst: false)
        XCTAssertFalse(try assertSameReading(header + rows))
    }

    /// An error in the second part is reported as one reading reports it, with its line.
    func testErrorInTheSecondPartIsLocatedAsOneReadingLocatesIt() throws {
        let folder = try TemporaryFolder()
        var rows = rows(0 ..< 3000)
        rows += "\"5000\",\"u1\",\"\",\"\",\"\",\"en\",\"x\",\"2019-31-01 10:00\",\"\",\"false\",\"\",\"\",\"\",\"[]\",\"[]\",\"[]\",\"\"\n"
        let path = try folder.write("tweets.csv", header + rows)
        var messages: [String] = []
        for threads in [1, 2] {
            XCTAssertThrowsError(try read(path, threads: threads)) { messages.append("\($0)") }
        }
        XCTAssertEqual(messages.count, 2)
        XCTAssertEqual(Set(messages).count, 1, "\(messages)")
        XCTAssertTrue(messages[0].contains("tweet_time"), messages[0])
    }
}
