@testable import ReachGraph
import XCTest

/// Twitter v1.1 and v2 adapters on hand-written tweets in the documented shapes.
final class TwitterReaderTests: XCTestCase {
    static let v1 = """
    {"created_at":"Wed Oct 10 20:19:24 +0000 2018","id":1050118621198921728,"id_str":"1050118621198921728","text":"hi #a","lang":"en","user":{"id_str":"10","screen_name":"ten","followers_count":5},"entities":{"hashtags":[{"text":"a"}],"urls":[],"user_mentions":[]}}
    {"created_at":"Wed Oct 10 20:20:00 +0000 2018","id_str":"2","text":"RT @x: hi","user":{"id_str":"20"},"retweeted_status":{"id_str":"999","user":{"id_str":"30","screen_name":"thirty"}},"quoted_status":{"id_str":"5","user":{"id_str":"40"}},"is_quote_status":true}
    {"created_at":"Wed Oct 10 20:21:00 +0000 2018","id_str":"3","text":"look","user":{"id_str":"20"},"is_quote_status":true,"quoted_status_id_str":"1050118621198921728","quoted_status":{"id_str":"1050118621198921728","user":{"id_str":"10"}},"in_reply_to_user_id_str":"10","in_reply_to_status_id_str":"1050118621198921728"}

    """

    func edges(_ dataset: Dataset) -> [String] {
        (0 ..< dataset.relations.count).map { row in
            let relation = dataset.relations[row]
            return "\(dataset.accounts[Int(relation.source)].id)>\(dataset.accounts[Int(relation.target)].id):\(relation.type.rawValue)"
        }.sorted()
    }

    func testV1LinesRetweetsQuotesReplies() throws {
        let folder = try TemporaryFolder()
        let dataset = try DatasetLoader.load(try folder.write("tweets.jsonl", Self.v1.replacingOccurrences(of: "\n", with: "\r\n")))
        XCTAssertEqual(dataset.format, .twitterV1)
        // The id above 2^53 comes from id_str, digit for digit.
        XCTAssertEqual(dataset.posts[0].postID, "1050118621198921728")
        XCTAssertEqual(dataset.posts[0].time, 1_539_202_764)
        XCTAssertEqual(dataset.posts[0].attributes["hashtags"], "a")
        XCTAssertEqual(dataset.posts[1].parentAuthor, "30")
        // The retweet's copied quoted_status is not a quote by the retweeter.
        XCTAssertEqual(edges(dataset), ["10>20:quote", "10>20:reply", "30>20:repost"])
        XCTAssertEqual(dataset.account(withID: "30")?.name, "thirty")
    }

    /// Escaped strings, ids written as numbers, and a user seen again with more fields: the
    /// reader interns bytes where it can and decodes where it must, with the same values.
    func testV1EscapesNumericIDsAndUsersSeenAgain() throws {
        let lines = """
        {"created_at":"Wed Oct 10 20:19:24 +0000 2018","id":12.0,"text":"caf\\u00e9  \\"x\\"","user":{"id":10},"entities":{"hashtags":[{"text":"caf\\u00e9"},{"text":" b "}],"urls":[{"expanded_url":"","url":"http://t.co/a"},{"expanded_url":"http://b"}],"user_mentions":[{"id_str":"5"},{"id":6}]}}
        {"created_at":"Wed Oct 10 20:20:00 +0000 2018","id":-0,"text":"x","user":{"id_str":"10","screen_name":"ten","followers_count":7,"name":"T\\u00e9n","location":""}}
        {"created_at":"Wed Oct 10 20:21:00 +0000 2018","id_str":" 3 ","text":"y","user":{"id_str":"10","screen_name":"other","followers_count":9,"location":"here"}}

        """
        let folder = try TemporaryFolder()
        let dataset = try DatasetLoader.load(try folder.write("tweets.jsonl", lines), options: .init(inputFormat: .twitterV1))
        XCTAssertEqual(dataset.posts.map(\.postID), ["12", "0", "3"])
        let first = dataset.posts[0]
        XCTAssertEqual(first.attributes["text"], "caf\u{E9}  \"x\"")
        XCTAssertEqual(first.contentHash, ContentFields.textHash("caf\u{E9} \"x\""))
        XCTAssertEqual(first.attributes["hashtags"], "caf\u{E9} b")
        XCTAssertEqual(first.attributes["urls"], "http://t.co/a http://b")
        XCTAssertEqual(first.url, "http://t.co/a")
        XCTAssertEqual(first.attributes["mentions"], "5")
        XCTAssertEqual(first.platform, "x")
        // The first sighting had no fields; the second filled them, the third only the location.
        let account = try XCTUnwrap(dataset.account(withID: "10"))
        XCTAssertEqual(account.name, "ten")
        XCTAssertEqual(account.followers, 7)
        XCTAssertEqual(account.attributes, ["display_name": "T\u{E9}n", "location": "here"])
    }

    func testV1TruncatedLineIsALocatedError() throws {
        let folder = try TemporaryFolder()
        let truncated = Self.v1.trimmingCharacters(in: .newlines) + "\n{\"created_at\":\"Wed Oct 10 20:22:00 +0000 2018\",\"id_str\":\"4\",\"us"
        XCTAssertThrowsError(try DatasetLoader.load(try folder.write("t.jsonl", truncated), options: .init(inputFormat: .twitterV1))) { error in
            // The column is the one just past the line's 63 bytes, where the text ran out.
            XCTAssertEqual("\(error)", "t.jsonl:4:64: not valid JSON: the line ends inside a string (a truncated or partly written line?)")
        }
    }

    /// v1.1 fields beyond the content fields: client, quote count, place and point coordinates
    /// are kept (Twitter's documented shapes: `source` is a link, written with `\u003c` and `\/`
    /// escapes by the streaming API, `coordinates` GeoJSON `[longitude, latitude]`); every other
    /// top-level field with a value is counted by name, `null` ones are not.
    func testV1KeepsPostFieldsAndCountsTheOthers() throws {
        let lines = #"""
        {"created_at":"Wed Oct 10 20:19:24 +0000 2018","id_str":"1","text":"a","user":{"id_str":"10"},"source":"<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>","quote_count":3,"place":{"id":"01a9a39529b27f36","full_name":"Manhattan, NY","country_code":"US"},"coordinates":{"type":"Point","coordinates":[-73.9857,40.7484]},"geo":{"type":"Point","coordinates":[40.7484,-73.9857]},"truncated":false,"favorited":false,"contributors":null,"filter_level":"low"}
        {"created_at":"Wed Oct 10 20:20:00 +0000 2018","id_str":"2","text":"b","user":{"id_str":"20"},"source":"web","place":null,"coordinates":null,"geo":null,"truncated":false,"favorited":false,"contributors":null}
        {"created_at":"Wed Oct 10 20:21:00 +0000 2018","id_str":"3","text":"c","user":{"id_str":"20"},"source":"\u003ca href=\"http:\/\/twitter.com\/download\/android\" rel=\"nofollow\"\u003eTwitter for Android\u003c\/a\u003e","quote_count":0}
        {"created_at":"Wed Oct 10 20:22:00 +0000 2018","id_str":"4","text":"d","user":{"id_str":"20"},"source":"<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>","retweeted":false,"favorited":true}

        """#
        let folder = try TemporaryFolder()
        let dataset = try DatasetLoader.load(try folder.write("tweets.jsonl", lines))
        XCTAssertEqual(dataset.format, .twitterV1)
        XCTAssertEqual(dataset.posts.map { $0.attributes["client"] }, ["Twitter for iPhone", "web", "Twitter for Android", "Twitter for iPhone"])
        XCTAssertEqual(dataset.posts.map { $0.attributes["quote_count"] }, ["3", nil, "0", nil])
        XCTAssertEqual(dataset.posts[0].attributes["place"], "Manhattan, NY")
        XCTAssertEqual(dataset.posts[0].attributes["coordinates"], "-73.9857,40.7484")
        XCTAssertNil(dataset.posts[1].attributes["place"])
        XCTAssertNil(dataset.posts[1].attributes["coordinates"])
        for column in ["client", "quote_count", "place", "coordinates"] { XCTAssertTrue(dataset.postAttributeColumns.contains(column), column) }
        XCTAssertEqual(
            dataset.readingNotes.first { $0.topic == "tweet fields not read" }?.value,
            "favorited ×3, truncated ×2, filter_level ×1, geo ×1, retweeted ×1"
        )
    }

    /// A reply to, or a quote of, the account's own tweet makes no relation (a loop), and is
    /// counted as self reposts are; one to another account makes its relation.
    func testSelfRepliesAndSelfQuotesAreCountedNotDropped() throws {
        let v1 = #"""
        {"created_at":"Wed Oct 10 20:19:24 +0000 2018","id_str":"1","text":"a","user":{"id_str":"10"}}
        {"created_at":"Wed Oct 10 20:20:00 +0000 2018","id_str":"2","text":"b","user":{"id_str":"10"},"in_reply_to_status_id_str":"1","in_reply_to_user_id_str":"10"}
        {"created_at":"Wed Oct 10 20:21:00 +0000 2018","id_str":"3","text":"c","user":{"id_str":"10"},"is_quote_status":true,"quoted_status_id_str":"1","quoted_status":{"created_at":"Wed Oct 10 20:19:24 +0000 2018","id_str":"1","text":"a","user":{"id_str":"10"}}}
        {"created_at":"Wed Oct 10 20:22:00 +0000 2018","id_str":"4","text":"d","user":{"id_str":"20"},"in_reply_to_status_id_str":"1","in_reply_to_user_id_str":"10"}

        """#
        let folder = try TemporaryFolder()
        let tweets = try DatasetLoader.load(try folder.write("tweets.jsonl", v1))
        XCTAssertEqual(tweets.diagnostics.counts["self replies (not made relations)"], 1)
        XCTAssertEqual(tweets.diagnostics.counts["self quotes (not made relations)"], 1)
        XCTAssertEqual(tweets.relations.count, 1, "20 replying to 10")

        let v2 = """
        {"data":[{"id":"2","author_id":"10","created_at":"2022-09-25T23:59:59.000Z","text":"more","referenced_tweets":[{"type":"replied_to","id":"1"}],"in_reply_to_user_id":"10"},{"id":"3","author_id":"10","created_at":"2022-09-25T23:59:58.000Z","text":"see","referenced_tweets":[{"type":"quoted","id":"1"}]}],"includes":{"users":[{"id":"10","username":"a"}],"tweets":[{"id":"1","author_id":"10","text":"x"}]}}
        """
        let page = try DatasetLoader.load(try folder.write("page.jsonl", v2))
        XCTAssertEqual(page.diagnostics.counts["self replies (not made relations)"], 1)
        XCTAssertEqual(page.diagnostics.counts["self quotes (not made relations)"], 1)
        XCTAssertEqual(page.relations.count, 0)
    }

    /// A file of v1.1 tweets that holds only fields the reader reads has no note.
    func testV1ReadsEveryFieldOfPlainTweetsWithoutANote() throws {
        let folder = try TemporaryFolder()
        let dataset = try DatasetLoader.load(try folder.write("tweets.jsonl", Self.v1))
        XCTAssertNil(dataset.readingNotes.first { $0.topic == "tweet fields not read" })
        XCTAssertNil(dataset.posts[0].attributes["client"])
    }

    func testV2PageResolvesAuthorsThroughIncludes() throws {
        let page = """
        {"data":[{"id":"2","author_id":"20","created_at":"2022-09-25T23:59:59.000Z","text":"RT @a: x","referenced_tweets":[{"type":"retweeted","id":"1"}]},{"id":"3","author_id":"30","created_at":"2022-09-25T23:58:00.000Z","text":"hm","referenced_tweets":[{"type":"quoted","id":"1"},{"type":"replied_to","id":"1"}],"in_reply_to_user_id":"10","entities":{"hashtags":[{"tag":"q"}],"mentions":[{"id":"10","username":"a"}]}},{"id":"4","author_id":"40","created_at":"2022-09-25T23:57:00.000Z","text":"RT @gone","referenced_tweets":[{"type":"retweeted","id":"77"}]}],"includes":{"users":[{"id":"10","username":"a","public_metrics":{"followers_count":9}},{"id":"20","username":"b"}],"tweets":[{"id":"1","author_id":"10","text":"x"}]},"errors":[{"resource_id":"77","title":"Not Found Error"}]}
        {"data":[{"id":"5","author_id":"50","created_at":"2022-09-25T23:56:00.000Z","text":"RT","referenced_tweets":[{"type":"retweeted","id":"1"}]}],"includes":{"users":[],"tweets":[]}}

        """
        let folder = try TemporaryFolder()
        let dataset = try DatasetLoader.load(try folder.write("pages.jsonl", page))
        XCTAssertEqual(dataset.format, .twitterV2)
        XCTAssertEqual(dataset.posts.count, 4)
        XCTAssertEqual(dataset.posts.filter(\.isRepost).count, 3)
        // Expansions are per page: the second page's retweet cannot see the first page's includes.
        XCTAssertEqual(edges(dataset), ["10>20:repost", "10>30:quote", "10>30:reply"])
        XCTAssertEqual(dataset.diagnostics.counts["retweets whose original is not in the page's includes (no relation)"], 2)
        XCTAssertEqual(dataset.account(withID: "10")?.followers, 9)
        XCTAssertEqual(dataset.posts[1].attributes["mentions"], "10")
    }

    /// v2: client, quote count (from public_metrics), conversation, place (named from
    /// includes.places) and coordinates kept; edit_history_tweet_ids and the like counted.
    func testV2KeepsPostFieldsAndCountsTheOthers() throws {
        let page = """
        {"data":[{"id":"2","author_id":"20","created_at":"2022-09-25T23:59:59.000Z","text":"x","source":"Twitter Web App","conversation_id":"2","public_metrics":{"retweet_count":1,"reply_count":0,"like_count":4,"quote_count":2},"geo":{"place_id":"01a9a39529b27f36","coordinates":{"type":"Point","coordinates":[-73.9857,40.7484]}},"edit_history_tweet_ids":["2"],"possibly_sensitive":false,"reply_settings":"everyone"},{"id":"3","author_id":"30","created_at":"2022-09-25T23:58:00.000Z","text":"y","geo":{"place_id":"ffff"},"edit_history_tweet_ids":["3"]}],"includes":{"places":[{"id":"01a9a39529b27f36","full_name":"Manhattan, NY"}]}}

        """
        let folder = try TemporaryFolder()
        let dataset = try DatasetLoader.load(try folder.write("pages.jsonl", page))
        XCTAssertEqual(dataset.format, .twitterV2)
        XCTAssertEqual(dataset.posts[0].attributes["client"], "Twitter Web App")
        XCTAssertEqual(dataset.posts[0].attributes["quote_count"], "2")
        XCTAssertEqual(dataset.posts[0].attributes["conversation_id"], "2")
        XCTAssertEqual(dataset.posts[0].attributes["place"], "Manhattan, NY")
        XCTAssertEqual(dataset.posts[0].attributes["coordinates"], "-73.9857,40.7484")
        // A place the page does not include keeps its id.
        XCTAssertEqual(dataset.posts[1].attributes["place"], "ffff")
        XCTAssertEqual(
            dataset.readingNotes.first { $0.topic == "tweet fields not read" }?.value,
            "edit_history_tweet_ids ×2, possibly_sensitive ×1, reply_settings ×1"
        )
    }

    func testTheNoteNamesTwelveFieldsAtMost() throws {
        var unread = UnreadFields(topic: "tweet fields", read: ["id"])
        let fields = (1 ... 14).map { "\"f\($0 < 10 ? "0" : "")\($0)\":\($0)" }.joined(separator: ",")
        let tape = JSONTape()
        // An escaped key is matched by its text: "\u0069d" is "id", read.
        var text = "{\"id\":1,\(fields),\"\\u0069d\":2,\"nothing\":null}"
        try text.withUTF8 { try tape.parse($0, file: "t.json") }
        unread.count(tape, tape.root)
        unread.count(tape, tape.root)
        XCTAssertEqual(unread.readingNote?.value, "f01 ×2, f02 ×2, f03 ×2, f04 ×2, f05 ×2, f06 ×2, f07 ×2, f08 ×2, f09 ×2, f10 ×2, f11 ×2, f12 ×2 and 2 more")
    }
}

