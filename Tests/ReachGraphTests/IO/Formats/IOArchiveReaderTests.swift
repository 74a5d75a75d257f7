@testable import ReachGraph
import XCTest

/// The IO-archive adapter on hand-written rows in the published schema (column order varies
/// between releases, so these put the columns in another order than the real sample).
final class IOArchiveReaderTests: XCTestCase {
    static let header = "tweetid,userid,user_screen_name,follower_count,tweet_language,tweet_text,tweet_time,in_reply_to_userid,in_reply_to_tweetid,quoted_tweet_tweetid,is_retweet,retweet_userid,retweet_tweetid,like_count,retweet_count,hashtags,urls,user_mentions,account_category\n"

    func load(_ rows: String, options: DatasetLoader.Options = .init()) throws -> Dataset {
        let folder = try TemporaryFolder()
        let path = try folder.write("tweets.csv", Self.header + rows)
        return try DatasetLoader.load(path, options: options)
    }

    func testRetweetsOfPostsOutsideTheDataMakeRelationsAndAreNeverOriginals() throws {
        let dataset = try load("""
        1,aaa,alpha,10,en,hello,2019-01-01 10:00,,,,false,,,3,1,"['tag one', ""it's""]",[http://a.example],[],troll
        2,bbb,beta,5,en,RT @x: hi,2019-01-01 10:05,,,,true,999,77,0,0,[],[],[999],troll
        3,ccc,gamma,5,en,RT @x: hi,2019-01-01 10:06,,,,true,999,77,0,0,[],[],[999],news
        4,bbb,beta,5,en,RT @a: hello,2019-01-01 10:07,,,,true,aaa,1,0,0,[],[],[],troll
        5,ccc,gamma,5,en,@alpha no,2019-01-01 10:08,aaa,1,,false,,,0,0,[],[],[aaa],news

        """)
        XCTAssertEqual(dataset.format, .ioArchive)
        XCTAssertEqual(dataset.posts.count, 5)
        XCTAssertEqual(dataset.posts.filter(\.isRepost).count, 3)
        // Two reposts of post 77, which is not in the data: counted once as a category.
        XCTAssertEqual(dataset.diagnostics.counts["reposts of posts outside the data (parent kept as an external id)"], 2)
        var edges: [String: Double] = [:]
        for row in 0 ..< dataset.relations.count {
            let relation = dataset.relations[row]
            edges["\(dataset.accounts[Int(relation.source)].id)>\(dataset.accounts[Int(relation.target)].id):\(relation.type.rawValue)", default: 0] += relation.weight
        }
        XCTAssertEqual(edges, ["999>bbb:repost": 1, "999>ccc:repost": 1, "aaa>bbb:repost": 1, "aaa>ccc:reply": 1])
        let first = dataset.posts[0]
        XCTAssertEqual(first.attributes["hashtags"], "tag one it's")
        XCTAssertEqual(first.url, "http://a.example")
        XCTAssertEqual(first.likes, 3)
        XCTAssertEqual(iso8601String(fromUnixSeconds: first.time), "2019-01-01T10:00:00Z")
        XCTAssertNotNil(first.contentHash)
        XCTAssertEqual(dataset.posts[1].contentHash, dataset.posts[2].contentHash)
        XCTAssertEqual(dataset.account(withID: "aaa")?.name, "alpha")
        XCTAssertEqual(dataset.account(withID: "aaa")?.followers, 10)
    }

    /// Top hashtags count a post once per hashtag whatever its case, ASCII lists (split and
    /// folded as bytes) and others (Swift's rules) alike; a repeated list counts for each post.
    /// Seven retweets of outside posts are counted with five examples.
    func testSummaryHashtagsAndOutsideRepostsCount() throws {
        let dataset = try load("""
        1,aaa,alpha,10,en,hello,2019-01-01 10:00,,,,false,,,3,1,"['Tag', 'tag', 'b']",[],[],troll
        2,bbb,beta,5,en,hi,2019-01-01 10:05,,,,false,,,0,0,['TAG'],[],[],troll
        3,ccc,gamma,5,en,ho,2019-01-01 10:06,,,,false,,,0,0,"['Éclair', 'éCLAIR', 'x']",[],[],news
        4,bbb,beta,5,en,RT @a: x,2019-01-01 10:07,,,,true,aaa,71,0,0,['x'],[],[],troll
        5,ccc,gamma,5,en,RT @a: y,2019-01-01 10:08,,,,true,aaa,72,0,0,"['Tag', 'tag', 'b']",[],[],news
        6,ccc,gamma,5,en,RT @a: z,2019-01-01 10:09,,,,true,aaa,73,0,0,[],[],[],news
        7,ccc,gamma,5,en,RT @a: z,2019-01-01 10:10,,,,true,aaa,74,0,0,[],[],[],news
        8,ccc,gamma,5,en,RT @a: z,2019-01-01 10:11,,,,true,aaa,75,0,0,[],[],[],news
        9,ccc,gamma,5,en,RT @a: z,2019-01-01 10:12,,,,true,aaa,76,0,0,[],[],[],news
        10,bbb,beta,5,en,RT @a: z,2019-01-01 10:13,,,,true,aaa,77,0,0,[],[],[],news

        """)
        let category = "reposts of posts outside the data (parent kept as an external id)"
        XCTAssertEqual(dataset.diagnostics.counts[category], 7)
        XCTAssertEqual(dataset.diagnostics.examples.filter { $0.category == category }.map(\.line), [5, 6, 7, 8, 9])
        let summary = DatasetSummary(of: dataset)
        XCTAssertEqual(Array(summary.topHashtags.keys), ["tag", "b", "x", "éclair"])
        XCTAssertEqual(Array(summary.topHashtags.values), [3, 2, 2, 1])
    }

    func testTimezoneAndKindsOptions() throws {
        let folder = try TemporaryFolder()
        let kinds = try folder.write("kinds.csv", "account_category,kind\ntroll,influencer\n")
        let options = DatasetLoader.Options(timeZone: NaiveTimeZone(parsing: "+08:00"), kinds: try KindMapping.read(kinds))
        let dataset = try load("""
        1,aaa,alpha,10,en,hello,2019-01-01 10:00,,,,false,,,3,1,[],[],[],troll
        2,bbb,beta,5,en,hi,2019-01-01 10:05,,,,false,,,0,0,[],[],[],news

        """, options: options)
        XCTAssertEqual(iso8601String(fromUnixSeconds: dataset.posts[0].time), "2019-01-01T02:00:00Z")
        XCTAssertEqual(dataset.account(withID: "aaa")?.kind, .influencer)
        XCTAssertEqual(dataset.account(withID: "bbb")?.kind, .other)
        XCTAssertEqual(dataset.diagnostics.counts["accounts whose account_category is not in --kinds (kind other)"], 1)
        XCTAssertEqual(dataset.readingNotes.first { $0.topic == "times without a zone" }?.value, "2 read as UTC+08:00 (--timezone)")
    }

    /// A release's own column named like a post field of ReachGraph's (found by the fuzz smoke:
    /// `parent_author` was written twice in one JSON object) is kept under another name, said in a
    /// note, and the dataset written out reads back with the same values.
    func testExtraColumnsNamedLikePostFieldsAreRenamed() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("tweets.csv", """
        tweetid,userid,tweet_time,parent_author,url,tweet_text,text,export_url,note
        1,aaa,2019-01-01 10:00,p,http://u.example,hello,t,e,n

        """)
        let dataset = try DatasetLoader.load(path)
        let post = dataset.posts[0]
        XCTAssertNil(post.parentAuthor)
        XCTAssertNil(post.url)
        XCTAssertEqual(post.attributes["text"], "hello")
        XCTAssertEqual(post.attributes["export_parent_author"], "p")
        XCTAssertEqual(post.attributes["export_export_url"], "http://u.example")
        XCTAssertEqual(post.attributes["export_text"], "t")
        XCTAssertEqual(post.attributes["export_url"], "e")
        XCTAssertEqual(post.attributes["note"], "n")
        XCTAssertEqual(dataset.readingNotes.first { $0.topic == "columns renamed (named like a post field)" }?.value,
                       "parent_author as export_parent_author, url as export_export_url, text as export_text")
        let json = try folder.write("copy.json", JSONDatasetWriter.text(of: dataset))
        let again = try DatasetLoader.load(json)
        XCTAssertEqual(again.posts[0].attributes, post.attributes)
        XCTAssertNil(again.posts[0].parentAuthor)
    }

    func testHostileRowsAreLocatedErrors() throws {
        XCTAssertThrowsError(try load("1,aaa,alpha,10,en,x,2019-01-01 10:00,,,,false,,,0,0,\"['open]\",[],[],t\n")) { error in
            XCTAssertTrue("\(error)".hasPrefix("tweets.csv:2:"), "\(error)")
            XCTAssertTrue("\(error)".contains("hashtags"), "\(error)")
        }
        XCTAssertThrowsError(try load("1,aaa,alpha,10,en,x,2019-01-01 10:00,,,,maybe,,,0,0,[],[],[],t\n")) { error in
            XCTAssertTrue("\(error)".contains("is_retweet"), "\(error)")
        }
        XCTAssertThrowsError(try load("1,aaa,alpha,10,en,x,2019-31-01 10:00,,,,false,,,0,0,[],[],[],t\n")) { error in
            XCTAssertTrue("\(error)".hasPrefix("tweets.csv:2:"), "\(error)")
            XCTAssertTrue("\(error)".contains("tweet_time"), "\(error)")
        }
    }

    func testImplausibleYearsAreCountedNotDropped() throws {
        let dataset = try load("1,aaa,alpha,10,en,x,1970-01-01 00:00,,,,false,,,0,0,[],[],[],t\n")
        XCTAssertEqual(dataset.posts.count, 1)
        XCTAssertEqual(dataset.diagnostics.counts["times before 2000 or after next year (kept)"], 1)
    }

    func testListLiterals() {
        XCTAssertEqual(ContentFields.listItems("[]"), [])
        XCTAssertEqual(ContentFields.listItems(""), [])
        XCTAssertEqual(ContentFields.listItems("[a, b]"), ["a", "b"])
        XCTAssertEqual(ContentFields.listItems("['a, b', \"c\"]"), ["a, b", "c"])
        XCTAssertEqual(ContentFields.listItems("['it\\'s']"), ["it's"])
        XCTAssertEqual(ContentFields.listItems("[2572896396]"), ["2572896396"])
        XCTAssertNil(ContentFields.listItems("['a"))
        XCTAssertNil(ContentFields.listItems("[a"))
    }
}
