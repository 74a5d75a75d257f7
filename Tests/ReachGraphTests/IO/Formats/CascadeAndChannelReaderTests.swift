@testable import ReachGraph
import XCTest

/// Telegram, Weibo CED, DeepHawkes and link-sharing adapters on hand-written files in the
/// documented layouts.
final class CascadeAndChannelReaderTests: XCTestCase {
    func edges(_ dataset: Dataset) -> [String] {
        (0 ..< dataset.relations.count).map { row in
            let relation = dataset.relations[row]
            return "\(dataset.accounts[Int(relation.source)].id)>\(dataset.accounts[Int(relation.target)].id):\(relation.type.rawValue):\(relation.weight)"
        }.sorted()
    }

    func testTelegramDesktopExportForwardsAreReposts() throws {
        let export = """
        {"name": "City News", "type": "public_channel", "id": 1500,
         "messages": [
          {"id": 1, "type": "message", "date": "2021-01-01T10:00:00", "date_unixtime": "1609495200", "from": "City News", "from_id": "channel1500", "text": "hello"},
          {"id": 2, "type": "message", "date": "2021-01-01T11:00:00", "date_unixtime": "1609498800", "from": "City News", "from_id": "channel1500", "forwarded_from": "Province Centre", "forwarded_from_id": "channel77", "text": [{"type": "bold", "text": "big"}, " news"]},
          {"id": 3, "type": "service", "date": "2021-01-01T12:00:00", "action": "pin_message"},
          {"id": 4, "type": "message", "date": "2021-01-01T13:00:00", "from": "City News", "from_id": "channel1500", "forwarded_from": "Someone Private", "text": "x"}
         ]}
        """
        let folder = try TemporaryFolder()
        let dataset = try DatasetLoader.load(try folder.write("result.json", export), options: .init(timeZone: NaiveTimeZone(parsing: "+01:00")))
        XCTAssertEqual(dataset.format, .telegram)
        XCTAssertEqual(dataset.posts.map(\.postID), ["1500/1", "1500/2", "1500/4"])
        XCTAssertEqual(dataset.posts.filter(\.isRepost).count, 2)
        XCTAssertEqual(dataset.posts[1].attributes["text"], "big news")
        // date_unixtime wins; a message with only the naive date is read in --timezone.
        XCTAssertEqual(dataset.posts[1].time, 1_609_498_800)
        XCTAssertEqual(iso8601String(fromUnixSeconds: dataset.posts[2].time), "2021-01-01T12:00:00Z")
        XCTAssertEqual(edges(dataset), ["77>1500:repost:1.0", "Someone Private>1500:repost:1.0"])
        XCTAssertEqual(dataset.diagnostics.counts["service messages (joins, pins; not posts)"], 1)
        XCTAssertEqual(dataset.diagnostics.counts["forwards naming their source by display name only (the name is the account id)"], 1)
    }

    func testTGDatasetMessagesStoredTwiceCountOnce() throws {
        let map = """
        {"100": {"username": "a", "n_subscribers": 5, "text_messages": {"1": {"message": "m", "date": 1637750294.0, "author": null, "is_forwarded": true, "forwarded_from_id": 200, "forwarded_message_date": 1637398793.0}, "2": {"message": "n", "date": 1637750300.0, "is_forwarded": true, "forwarded_from_id": null, "forwarded_message_date": 1600260819.0}},
                 "generic_media": {"1": {"title": "m", "date": 1637750294.0, "is_forwarded": true, "forwarded_from_id": 200, "forwarded_message_date": 1637398793.0}}}}
        """
        let folder = try TemporaryFolder()
        let dataset = try DatasetLoader.load(try folder.write("tg.json", map))
        XCTAssertEqual(dataset.format, .telegram)
        XCTAssertEqual(dataset.posts.count, 2)
        XCTAssertEqual(dataset.posts[0].parentPost, "200@1637398793")
        XCTAssertEqual(edges(dataset), ["200>100:repost:1.0"])
        XCTAssertEqual(dataset.diagnostics.counts["messages stored twice (text and media under one id; counted once)"], 1)
        XCTAssertEqual(dataset.diagnostics.counts["forwards whose source is hidden (kept as reposts, no relation)"], 1)
        XCTAssertEqual(dataset.account(withID: "100")?.followers, 5)
    }

    func testWeiboCEDTreesInBeijingTime() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/original-microblog", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder.path + "/rumor-repost", withIntermediateDirectories: true)
        try folder.write("original-microblog/1_M0_U0.json", #"{"text": "orig", "user": {"followers": 7}, "time": 1357000000}"#)
        try folder.write("rumor-repost/1_M0_U0.json", #"""
        [{"mid": "M1", "uid": "U1", "parent": "", "kids": ["M2"], "text": "a", "date": "2013-01-01 09:00:00"},
         {"mid": "M2", "uid": "U2", "parent": "M1", "kids": [], "text": "b", "date": "01月02日 08:00"},
         {"mid": "M3", "uid": "U0", "parent": "", "kids": [], "text": "self", "date": "2013-01-01 10:00:00"}]
        """#)
        let dataset = try DatasetLoader.load(folder.path)
        XCTAssertEqual(dataset.format, .weiboCED)
        XCTAssertEqual(dataset.posts.map(\.postID), ["M0", "M1", "M2", "M3"])
        // 2013-01-01 09:00 Beijing is 01:00 UTC.
        XCTAssertEqual(iso8601String(fromUnixSeconds: dataset.posts[1].time), "2013-01-01T01:00:00Z")
        XCTAssertEqual(iso8601String(fromUnixSeconds: dataset.posts[2].time), "2013-01-02T00:00:00Z")
        XCTAssertEqual(edges(dataset), ["U0>U1:repost:1.0", "U1>U2:repost:1.0"])
        XCTAssertEqual(dataset.diagnostics.counts["self reposts (not made relations)"], 1)
        XCTAssertEqual(dataset.account(withID: "U0")?.followers, 7)
        XCTAssertEqual(dataset.posts[2].rootPost, "M0")
        let utc = try DatasetLoader.load(folder.path, options: .init(timeZone: .utc))
        XCTAssertEqual(iso8601String(fromUnixSeconds: utc.posts[1].time), "2013-01-01T09:00:00Z")
    }

    /// Telegram and Weibo CED files are checked on the same byte-level JSON reader as the Twitter
    /// ones: errors name file:line:column, and a key repeated in one object is an error.
    func testTelegramAndWeiboErrorsAreLocated() throws {
        let folder = try TemporaryFolder()
        let desktop = try folder.write("result.json", """
        {"name": "C", "id": 1500,
         "messages": [
          {"id": 1, "type": "message", "date": "2021-01-01T10:00:00", "text": "a"},
          {"type": "message", "date": "2021-01-01T11:00:00", "text": "b"}
         ]}
        """)
        XCTAssertThrowsError(try DatasetLoader.load(desktop, options: .init(inputFormat: .telegram))) { error in
            XCTAssertEqual("\(error)", "result.json:4:3: messages[1]: message without id")
        }
        let map = try folder.write("tg.json", """
        {"100": {"username": "a",
                 "text_messages": {"1": {"message": "m", "date": 1637750294.0},
                                   "1": {"message": "n", "date": 1637750295.0}}}}
        """)
        XCTAssertThrowsError(try DatasetLoader.load(map, options: .init(inputFormat: .telegram))) { error in
            XCTAssertEqual("\(error)", #"tg.json:3:28: not valid JSON: key "1" appears twice in one object"#)
        }

        let ced = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: ced.path + "/rumor-repost", withIntermediateDirectories: true)
        try ced.write("rumor-repost/1_M0_U0.json", #"""
        [{"mid": "M1", "uid": "U1", "parent": "", "text": "a", "date": "2013-01-01 09:00:00"},
         {"mid": "M2", "parent": "M1", "text": "b", "date": "2013-01-01 10:00:00"}]
        """#)
        XCTAssertThrowsError(try DatasetLoader.load(ced.path, options: .init(inputFormat: .weiboCED))) { error in
            XCTAssertEqual("\(error)", "rumor-repost/1_M0_U0.json:2:2: [1]: entry without mid or uid")
        }
        try ced.write("rumor-repost/1_M0_U0.json", #"[{"mid": "M1", "uid": "U1", "date": "2013-01-01 09:00:00", "date": "2013-01-01 09:00:01"}]"#)
        XCTAssertThrowsError(try DatasetLoader.load(ced.path, options: .init(inputFormat: .weiboCED))) { error in
            XCTAssertEqual("\(error)", #"rumor-repost/1_M0_U0.json:1:60: not valid JSON: key "date" appears twice in one object"#)
        }
    }

    func testDeepHawkesPaths() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("cascades.txt", "7\tu1\t1464710400\t2\tu1:0 u1/u2:60 u1/u2/u3:120\n8\tv1\t1464710500\t1\tv1:0 v1/v2:5\n")
        let dataset = try DatasetLoader.load(path)
        XCTAssertEqual(dataset.format, .deepHawkes)
        XCTAssertEqual(dataset.posts.count, 5)
        XCTAssertEqual(dataset.posts[2].parentPost, "7/u2")
        XCTAssertEqual(dataset.posts[2].time, 1_464_710_520)
        XCTAssertEqual(edges(dataset), ["u1>u2:repost:1.0", "u2>u3:repost:1.0", "v1>v2:repost:1.0"])
        let bad = try folder.write("bad.txt", "7\tu1\t1464710400\t2\tu1:0 u1/u2:soon\n")
        XCTAssertThrowsError(try DatasetLoader.load(bad, options: .init(inputFormat: .deepHawkes))) { XCTAssertTrue("\($0)".hasPrefix("bad.txt:1:"), "\($0)") }
        // Found by the fuzz smoke: a delay that carries the repost past the year 9999 was kept,
        // and the JSON writer's output of it could not be read back.
        let far = try folder.write("far.txt", "7\tu1\t1464710400\t1\tu1:0\nx\tv1\t0\t1\tv1:0 v1/v2:1e53\n")
        XCTAssertThrowsError(try DatasetLoader.load(far, options: .init(inputFormat: .deepHawkes))) {
            XCTAssertTrue("\($0)".hasPrefix("far.txt:2:") && "\($0)".contains("outside the years 0000–9999"), "\($0)")
        }
    }

    func testLinkSharingRowsAreSharesOfURLs() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("shares.csv", """
        "id","expanded","date","account.url","account.name","account.subscriberCount","account.platform"
        11,"http://x.example/a","2017-01-13 21:41:10","https://fb.com/g1","G1",NA,"Facebook"
        11,"http://x.example/b","2017-01-13 21:41:10","https://fb.com/g1","G1",NA,"Facebook"
        12,"http://x.example/a","2017-01-13 21:41:40","https://fb.com/g2","G2",30,"Facebook"

        """)
        let dataset = try DatasetLoader.load(path)
        XCTAssertEqual(dataset.format, .linkSharing)
        XCTAssertEqual(dataset.posts.map(\.postID), ["11", "11~2", "12"])
        XCTAssertEqual(dataset.posts.map(\.url), ["http://x.example/a", "http://x.example/b", "http://x.example/a"])
        XCTAssertEqual(dataset.account(withID: "https://fb.com/g2")?.followers, 30)
        let log = try ShareLog.read(path, object: .url)
        XCTAssertEqual(log.count, 3)
        XCTAssertEqual(log.objects.count, 2)
        // Links and no reposts: the object chosen from the data is the link.
        XCTAssertEqual(SharedObjectKey.automatic(for: dataset.posts), .url)
        let chosen = try ShareLog.read(path, object: nil)
        XCTAssertEqual(chosen.object, .url)
        XCTAssertEqual(chosen.shareObjects, log.shareObjects)
    }

    /// An export column named like a post field (here `url`, beside the `expanded` link read as
    /// the post's url) is kept as `export_url`, not written twice.
    func testLinkSharingColumnNamedLikeAPostFieldIsRenamed() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("shares.csv", """
        "id","expanded","date","account.url","url"
        11,"http://x.example/a","2017-01-13 21:41:10","https://fb.com/g1","http://short.example/1"

        """)
        let dataset = try DatasetLoader.load(path)
        XCTAssertEqual(dataset.posts[0].url, "http://x.example/a")
        XCTAssertEqual(dataset.posts[0].attributes["export_url"], "http://short.example/1")
        XCTAssertEqual(dataset.readingNotes.first { $0.topic == "columns renamed (named like a post field)" }?.value, "url as export_url")
    }

    /// CrowdTangle's own CSV download (the dashboard's "Historical Data"), whose `Post Created`
    /// carries the dashboard's zone as an abbreviation: EST before the 2021-03-14 change, EDT
    /// after. Hand-written from the download's documented columns.
    func testCrowdTangleDownloadTimesWithZoneAbbreviations() throws {
        let folder = try TemporaryFolder()
        let header = "Page Name,User Name,Facebook Id,Page Created,Likes at Posting,Followers at Posting,Post Created,Post Created Date,Post Created Time,Type,URL,Link\n"
        let path = try folder.write("historical.csv", header + """
        City Daily,citydaily,1001,2009-09-01 10:02:36,500,800,2021-03-01 12:00:00 EST,2021-03-01,12:00:00,Link,https://www.facebook.com/1001/posts/1,https://news.example/a
        Town Times,towntimes,1002,2012-01-01 00:00:00,40,90,2021-03-15 12:00:00 EDT,2021-03-15,12:00:00,Link,https://www.facebook.com/1002/posts/2,https://news.example/a

        """)
        let dataset = try DatasetLoader.load(path)
        XCTAssertEqual(dataset.format, .linkSharing)
        XCTAssertEqual(dataset.posts.map { iso8601String(fromUnixSeconds: $0.time) }, ["2021-03-01T17:00:00Z", "2021-03-15T16:00:00Z"])
        XCTAssertTrue(dataset.readingNotes.contains(Dataset.ReadingNote(topic: "zone abbreviations", value: "EDT as UTC-04:00 ×1, EST as UTC-05:00 ×1")), "\(dataset.readingNotes)")
        XCTAssertTrue(dataset.readingNotes.contains(Dataset.ReadingNote(topic: "times without a zone", value: "0 read as UTC (the default; CrowdTangle answers in UTC; --timezone to change)")), "\(dataset.readingNotes)")

        let unknown = try folder.write("ist.csv", header + "Delhi Daily,delhidaily,1003,2012-01-01 00:00:00,40,90,2021-03-01 12:00:00 IST,2021-03-01,12:00:00,Link,https://www.facebook.com/1003/posts/3,https://news.example/b\n")
        XCTAssertThrowsError(try DatasetLoader.load(unknown)) { error in
            XCTAssertTrue("\(error)".hasPrefix(#"ist.csv:2:55: column "post created": "2021-03-01 12:00:00 IST": zone abbreviation "IST" is not one ReachGraph reads"#), "\(error)")
        }
    }

    func testRelationSynonyms() throws {
        let folder = try TemporaryFolder()
        try folder.write("relations.csv", "source,target,relation\na,b,retweet\nb,c,Share\nc,d,forward\n")
        let dataset = try DatasetLoader.load(folder.path)
        XCTAssertEqual(Set(dataset.relations.types), [.repost])
        try folder.write("relations.csv", "source,target,relation\na,b,like\n")
        XCTAssertThrowsError(try DatasetLoader.load(folder.path)) { XCTAssertTrue("\($0)".contains("retweet"), "\($0)") }
    }
}

/// `--map` building a column from two, or numbering rows, and co-action without post ids.
final class ComputedColumnTests: XCTestCase {
    func testMapJoinsColumnsAndNumbersRows() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("troll.csv", "userid,tweet_time,parent\nu1,2019-01-01 10:00,\nu2,2019-01-01 10:05,u1|2019-01-01 10:00\n")
        let aliases = try DatasetLoader.Options.parseColumnMap("post_id=userid+tweet_time,author=userid,time=tweet_time,parent_post=parent")
        let dataset = try DatasetLoader.load(path, options: .init(columnAliases: aliases))
        XCTAssertEqual(dataset.format, .postsTable)
        XCTAssertEqual(dataset.posts.map(\.postID), ["u1|2019-01-01 10:00", "u2|2019-01-01 10:05"])
        XCTAssertEqual(dataset.relations.count, 1)
        let numbered = try DatasetLoader.load(path, options: .init(columnAliases: try DatasetLoader.Options.parseColumnMap("post_id=#,author=userid,time=tweet_time")))
        XCTAssertEqual(numbered.posts.map(\.postID), ["1", "2"])
        let missing = try DatasetLoader.Options.parseColumnMap("post_id=userid+nothing,author=userid,time=tweet_time")
        XCTAssertThrowsError(try DatasetLoader.load(path, options: .init(columnAliases: missing, inputFormat: .postsTable))) {
            XCTAssertTrue("\($0)".contains("no column \"nothing\""), "\($0)")
        }
    }

    func testCoordinationNeedsNoPostIDs() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("shares.csv", "author,time,url\na,2020-01-01T00:00:00Z,http://x\nb,2020-01-01T00:00:30Z,http://x\n")
        let log = try ShareLog.read(path, object: .url)
        XCTAssertEqual(log.count, 2)
        XCTAssertEqual(log.diagnostics.counts["rows numbered as post ids (the file has no post_id)"], 2)
    }
}
