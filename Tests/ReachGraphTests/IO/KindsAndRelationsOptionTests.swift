import Foundation
@testable import ReachGraph
import XCTest

/// `--kinds FILE` on dataset folders, JSON datasets and posts tables (not only platform
/// exports), and `--relations` with `mention` relations derived from the posts' mentions.
final class KindsAndRelationsOptionTests: XCTestCase {
    private let unmapped = "accounts whose account_category is not in --kinds (kind other)"

    private func kinds(_ folder: TemporaryFolder, _ text: String = "account_category,kind\nRightTroll,influencer\nNewsFeed,media_outlet\n") throws -> KindMapping {
        try KindMapping.read(try folder.write("kinds.csv", text))
    }

    /// The IRA-style `account_category` column decides the kind; `kind` is not needed; unmapped
    /// and missing values become `other`, counted with their lines; the column itself is kept.
    func testKindsMapAnAccountsColumn() throws {
        let folder = try TemporaryFolder()
        try folder.write("accounts.csv", "id,account_category\na,RightTroll\nb,newsfeed\nc,HashtagGamer\nd,\n")
        try folder.write("relations.csv", "source,target,relation\na,b,repost\n")
        let dataset = try DatasetLoader.load(folder.path, options: DatasetLoader.Options(kinds: try kinds(folder)))
        XCTAssertEqual(dataset.accounts.map(\.kind), [.influencer, .mediaOutlet, .other, .other])
        XCTAssertEqual(dataset.diagnostics.counts[unmapped], 2)
        XCTAssertEqual(dataset.diagnostics.examples.filter { $0.category == unmapped }.map(\.line), [4, 5])
        XCTAssertEqual(dataset.accounts[0].attributes["account_category"], "RightTroll")
        XCTAssertTrue(dataset.readingNotes.contains(Dataset.ReadingNote(topic: "account kinds", value: "from column account_category (--kinds)")))
    }

    /// Mapping `kind` itself: foreign values are mapped, kinds ReachGraph knows stay, the rest
    /// become `other` instead of stopping the load.
    func testKindsMapTheKindColumnItself() throws {
        let folder = try TemporaryFolder()
        try folder.write("accounts.csv", "id,kind\na,town_hall\nb,embassy\nc,blogger\n")
        try folder.write("relations.csv", "source,target,relation\na,b,repost\n")
        XCTAssertThrowsError(try DatasetLoader.load(folder.path)) { error in
            XCTAssertTrue("\(error)".contains("accounts.csv:2:3: column \"kind\": \"town_hall\" is not one of"), "\(error)")
        }
        let mapping = try kinds(folder, "kind,kind\ntown_hall,city_account\n")
        let dataset = try DatasetLoader.load(folder.path, options: DatasetLoader.Options(kinds: mapping))
        XCTAssertEqual(dataset.accounts.map(\.kind), [.cityAccount, .embassy, .other])
        XCTAssertEqual(dataset.diagnostics.counts["accounts whose kind is not in --kinds (kind other)"], 1)
    }

    func testKindsColumnMissingFromTheHeaderIsAnError() throws {
        let folder = try TemporaryFolder()
        try folder.write("accounts.csv", "id,kind\na,other\n")
        try folder.write("relations.csv", "source,target,relation\na,a,repost\n")
        XCTAssertThrowsError(try DatasetLoader.load(folder.path, options: DatasetLoader.Options(kinds: try kinds(folder)))) { error in
            XCTAssertEqual("\(error)", "accounts.csv:1: --kinds maps column \"account_category\", which the header does not have (header has: id, kind)")
        }
    }

    func testKindsInJSONDatasetsAndPostsTables() throws {
        let folder = try TemporaryFolder()
        let mapping = try kinds(folder)
        let json = try folder.write("d.json", """
            {"accounts": [{"id": "a", "account_category": "RightTroll"}, {"id": "b", "account_category": "Unknown"}],
             "relations": [{"source": "a", "target": "b", "relation": "repost"}]}
            """)
        let fromJSON = try DatasetLoader.load(json, options: DatasetLoader.Options(kinds: mapping))
        XCTAssertEqual(fromJSON.accounts.map(\.kind), [.influencer, .other])
        XCTAssertEqual(fromJSON.diagnostics.counts[unmapped], 1)

        // A tweets table that repeats the account's category on every row (fivethirtyeight's IRA
        // release): implied accounts take the value of their first post that has it.
        let posts = try folder.write("tweets.csv", "post_id,author,time,account_category\n1,a,2017-01-01T00:00:00Z,NewsFeed\n2,b,2017-01-02T00:00:00Z,\n3,a,2017-01-03T00:00:00Z,RightTroll\n")
        let table = try DatasetLoader.load(posts, options: DatasetLoader.Options(kinds: mapping))
        XCTAssertEqual(table.format, .postsTable)
        XCTAssertEqual(table.accounts.map(\.kind), [.mediaOutlet, .other])
        XCTAssertEqual(table.diagnostics.counts[unmapped], 1)

        let edges = try folder.write("edges.csv", "source,target\na,b\n")
        XCTAssertThrowsError(try DatasetLoader.load(edges, options: DatasetLoader.Options(kinds: mapping))) { error in
            XCTAssertTrue("\(error)".hasPrefix("--kinds: edge-list input names no account fields"), "\(error)")
        }
    }

    /// Posts: p1 by a mentions b and c (and b twice); p2 by a mentions b; p3 by b mentions a and
    /// itself; p4 by c mentions z (not an account); p5 by c reposts p1 and carries its mentions.
    /// Mention relations, mentioned → author: b → a weight 2 (p1, p2; b counted once in p1),
    /// c → a 1, a → b 1, z → c 1; b's self mention counted and left out; z implied; p5 skipped
    /// and counted (its flow is the repost a → c).
    func testMentionRelationsFromPostsMentions() throws {
        let folder = try TemporaryFolder()
        try folder.write("accounts.csv", "id,kind\na,other\nb,other\nc,other\n")
        try folder.write("posts.csv", """
            post_id,author,time,parent_post,mentions
            p1,a,100,,b c b
            p2,a,300,,b
            p3,b,200,,a b
            p4,c,400,,z
            p5,c,500,p1,b c

            """)
        let plain = try DatasetLoader.load(folder.path)
        XCTAssertEqual(plain.relations.types, [.repost], "a → c, p5's repost of p1")
        XCTAssertTrue(plain.relationsDerivedFromPosts)

        let dataset = try DatasetLoader.load(folder.path, options: DatasetLoader.Options(relationTypes: [.repost, .mention]))
        let rows = (0 ..< dataset.relations.count).map { row -> String in
            let relation = dataset.relations[row]
            return "\(dataset.accounts[Int(relation.source)].id)>\(dataset.accounts[Int(relation.target)].id) \(relation.type.rawValue) \(relation.weight) \(relation.firstSeen ?? -1)-\(relation.lastSeen ?? -1)"
        }
        XCTAssertEqual(rows, [
            "a>c repost 1.0 500.0-500.0", "b>a mention 2.0 100.0-300.0", "c>a mention 1.0 100.0-100.0",
            "a>b mention 1.0 200.0-200.0", "z>c mention 1.0 400.0-400.0",
        ])
        XCTAssertEqual(dataset.diagnostics.counts["self mentions (not made relations)"], 1)
        XCTAssertEqual(dataset.diagnostics.counts["accounts implied by mentions (kind other)"], 1)
        XCTAssertEqual(dataset.diagnostics.counts["reposts carrying the original's mentions (not made mention relations)"], 1)
        XCTAssertFalse(dataset.relationsDerivedFromPosts, "writers must write mention relations out")
        XCTAssertTrue(dataset.readingNotes.contains(Dataset.ReadingNote(topic: "relations", value: "repost, mention (--relations)")))
        let summary = DatasetSummary(of: dataset)
        XCTAssertEqual(summary.relationsByType["mention"]?.rows, 4)
        XCTAssertEqual(summary.relationsByType["mention"]?.weight, 5)

        let mentionsOnly = try DatasetLoader.load(folder.path, options: DatasetLoader.Options(relationTypes: [.mention]))
        XCTAssertEqual(mentionsOnly.relations.types, [.mention, .mention, .mention, .mention])
        XCTAssertTrue(mentionsOnly.readingNotes.contains(Dataset.ReadingNote(topic: "relations", value: "mention (--relations); left out: 1 repost")))

        let written = try TemporaryFolder()
        try DatasetWriter.write(dataset, to: written.path)
        XCTAssertEqual(try DatasetLoader.load(written.path).relations.count, 5, "relations.csv written with the mentions")
    }

    /// Mention relations a file states are kept as they are, never derived a second time.
    func testStatedMentionRelationsAreNotDerivedAgain() throws {
        let folder = try TemporaryFolder()
        try folder.write("relations.csv", "source,target,relation,weight\nb,a,mention,7\na,b,retweet,1\n")
        try folder.write("posts.csv", "post_id,author,time,mentions\np1,a,100,b\n")
        let dataset = try DatasetLoader.load(folder.path, options: DatasetLoader.Options(relationTypes: [.mention]))
        XCTAssertEqual(dataset.relations.count, 1)
        XCTAssertEqual(dataset.relations.weights, [7])
        XCTAssertThrowsError(try DatasetLoader.Options.parseRelationTypes("repost,likes")) { error in
            XCTAssertTrue("\(error)".hasPrefix("--relations: \"likes\" is not one of repost, collaboration, mention, reply, quote"), "\(error)")
        }
        XCTAssertEqual(try DatasetLoader.Options.parseRelationTypes("retweet,MENTION"), [.repost, .mention])
    }
}

/// Times in dataset folders, posts tables and JSON datasets read as the platform-export readers
/// read theirs (``DatasetTimes``).
final class DatasetTimesTests: XCTestCase {
    /// 1714521600000 ms is 2024-05-01T00:00:00Z (not year 56,000 as seconds).
    func testEpochMillisecondsGiveTheRightYear() throws {
        let folder = try TemporaryFolder()
        try folder.write("posts.csv", "post_id,author,time,parent_post\np1,a,1714521600000,\np2,b,1714525200000,p1\n")
        let dataset = try DatasetLoader.load(folder.path)
        XCTAssertEqual(dataset.posts.map(\.time), [1_714_521_600, 1_714_525_200])
        XCTAssertEqual(dataset.relations.firstSeen?[0], 1_714_525_200)
        XCTAssertNil(dataset.diagnostics.counts["times before 2000 or after next year (kept)"])
    }

    func testAColumnMixingUnitsNamesTheLineThatDecided() throws {
        let folder = try TemporaryFolder()
        try folder.write("posts.csv", "post_id,author,time\np1,a,1714521600\np2,b,1714525200000\n")
        XCTAssertThrowsError(try DatasetLoader.load(folder.path)) { error in
            XCTAssertEqual("\(error)", "posts.csv:3:6: column \"time\": 1714525200000 looks like epoch milliseconds but line 2 made this column epoch seconds: a column mixing units is ambiguous")
        }
    }

    /// Naive times in --timezone +08:00: 2024-05-01 08:00 there is 00:00 UTC; said in a note.
    /// Twitter's form and M/D/YYYY are read too; a 1990 post is kept and counted.
    func testNaiveTimesFollowTheTimezoneAndAreCounted() throws {
        let folder = try TemporaryFolder()
        try folder.write("posts.csv", "post_id,author,time\np1,a,2024-05-01 08:00\np2,b,5/1/2024 9:30\np3,c,Wed Oct 10 20:19:24 +0000 2018\np4,d,1990-01-01T00:00:00Z\n")
        try folder.write("relations.csv", "source,target,relation,first_seen\na,b,repost,2024-05-01 10:00\n")
        let dataset = try DatasetLoader.load(folder.path, options: DatasetLoader.Options(timeZone: NaiveTimeZone(parsing: "+08:00")))
        XCTAssertEqual(dataset.posts.map { iso8601String(fromUnixSeconds: $0.time) }, [
            "2024-05-01T00:00:00Z", "2024-05-01T01:30:00Z", "2018-10-10T20:19:24Z", "1990-01-01T00:00:00Z",
        ])
        XCTAssertEqual(dataset.relations.firstSeen?[0], unixSeconds(year: 2024, month: 5, day: 1) + 2 * 3600)
        XCTAssertEqual(dataset.readingNotes, [
            Dataset.ReadingNote(topic: "input format", value: "folder (detected from the content)"),
            Dataset.ReadingNote(topic: "times without a zone", value: "3 read as UTC+08:00 (--timezone)"),
            Dataset.ReadingNote(
                topic: "dates with slashes",
                value: "1 read as month/day/year (as US spreadsheets and CrowdTangle write them; a day/month file stops at its first day above 12)"
            ),
        ])
        XCTAssertEqual(dataset.diagnostics.counts["times before 2000 or after next year (kept)"], 1)

        let plain = try DatasetLoader.load(folder.path)
        XCTAssertEqual(plain.posts.first?.time, unixSeconds(year: 2024, month: 5, day: 1) + 8 * 3600)
        XCTAssertTrue(plain.readingNotes.contains(Dataset.ReadingNote(topic: "times without a zone", value: "3 read as UTC (the default; --timezone to change)")))
    }

    /// In one posts table, unquoted rows are decoded from bytes and quoted ones by the general
    /// path: both read times alike, share the column's epoch unit and count naive times and
    /// implausible dates.
    func testPostsTableRowsOfBothPathsShareTheUnitAndTheZone() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(
            "shares.csv",
            "post_id,author,time\n\"p1\",a,1714521600000\np2,b,1714525200000\np3,c,2024-05-01 08:00\n\"p4\",d,2024-05-01 09:00\np5,e,1990-01-01T00:00:00Z\n"
        )
        let dataset = try DatasetLoader.load(path, options: DatasetLoader.Options(timeZone: NaiveTimeZone(parsing: "+08:00")))
        XCTAssertEqual(dataset.format, .postsTable)
        XCTAssertEqual(dataset.posts.map(\.time), [1_714_521_600, 1_714_525_200, 1_714_521_600, 1_714_525_200, 631_152_000])
        XCTAssertTrue(dataset.readingNotes.contains(Dataset.ReadingNote(topic: "times without a zone", value: "2 read as UTC+08:00 (--timezone)")))
        XCTAssertEqual(dataset.diagnostics.counts["times before 2000 or after next year (kept)"], 1)

        let mixed = try folder.write("mixed.csv", "post_id,author,time\n\"p1\",a,1714521600\np2,b,1714525200000\n")
        XCTAssertThrowsError(try DatasetLoader.load(mixed)) { error in
            XCTAssertEqual("\(error)", "mixed.csv:3:6: column \"time\": 1714525200000 looks like epoch milliseconds but line 2 made this column epoch seconds: a column mixing units is ambiguous")
        }
    }

    func testJSONDatasetTimesFollowTheTimezone() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("d.json", #"{"posts": [{"post_id": "p1", "author": "a", "time": "2024-05-01 08:00"}, {"post_id": "p2", "author": "b", "time": "2024-05-01T08:00:00+08:00", "parent_post": "p1"}]}"#)
        let dataset = try DatasetLoader.load(path, options: DatasetLoader.Options(timeZone: NaiveTimeZone(parsing: "Asia/Shanghai")))
        XCTAssertEqual(dataset.posts.map(\.time), [unixSeconds(year: 2024, month: 5, day: 1), unixSeconds(year: 2024, month: 5, day: 1)])
        XCTAssertTrue(dataset.readingNotes.contains(Dataset.ReadingNote(topic: "times without a zone", value: "1 read as Asia/Shanghai (--timezone)")))
    }
}
