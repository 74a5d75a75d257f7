import Foundation
@testable import ReachGraph
import XCTest

/// Each platform-export adapter on the real sample in `../shared/datasets/formats/`, against the
/// numbers `Fixtures/make_formats_expected.py` computes independently (`formats_expected.json`).
final class FormatConformanceTests: XCTestCase {
    struct Expected: Decodable, Equatable {
        var posts: Int
        var accounts: Int
        var repost_events: Int
        var pairs: Int
        var widest_source: Int
        var languages: [String: Int]?
        var first: String?
        var last: String?
    }

    static let expected: [String: Expected] = {
        let url = Repository.root.appendingPathComponent("Tests/ReachGraphTests/Fixtures/formats_expected.json")
        guard let data = try? Data(contentsOf: url), let decoded = try? JSONDecoder().decode([String: Expected].self, from: data) else { return [:] }
        return decoded
    }()

    /// The same numbers from a loaded dataset. Posts-based formats count reposts among the posts
    /// and pairs among the derived repost relations; edge lists count repost relation rows.
    static func measured(_ dataset: Dataset) -> Expected {
        let relations = dataset.relations
        var pairs = Set<Int64>()
        var repostRows = 0
        var times: [Double] = dataset.posts.map(\.time)
        var reposters: [Int32: Set<Int32>] = [:]
        for row in 0 ..< relations.count {
            if let first = relations.firstSeen?[row] { times.append(first) }
            guard relations.types[row] == .repost else { continue }
            repostRows += 1
            pairs.insert(Int64(relations.sources[row]) << 32 | Int64(relations.targets[row]))
            reposters[relations.sources[row], default: []].insert(relations.targets[row])
        }
        if !dataset.posts.isEmpty { times = dataset.posts.map(\.time) }
        let languages = DatasetSummary(of: dataset).postsByLanguage
        return Expected(
            posts: dataset.posts.count, accounts: dataset.accounts.count,
            repost_events: dataset.posts.isEmpty ? repostRows : dataset.posts.filter(\.isRepost).count,
            pairs: pairs.count, widest_source: reposters.values.map(\.count).max() ?? 0,
            languages: languages.isEmpty ? nil : Dictionary(uniqueKeysWithValues: languages.map { ($0.key, $0.value) }),
            first: times.min().map(iso8601String(fromUnixSeconds:)), last: times.max().map(iso8601String(fromUnixSeconds:))
        )
    }

    func check(_ key: String, _ relative: String, options: DatasetLoader.Options = .init(), format: Dataset.Format) throws -> Dataset {
        let path = try Repository.sharedDataset("formats/\(relative)").path
        let dataset = try DatasetLoader.load(path, options: options)
        XCTAssertEqual(dataset.format, format, key)
        let expected = try XCTUnwrap(Self.expected[key], "formats_expected.json lacks \(key)")
        XCTAssertEqual(Self.measured(dataset), expected, key)
        return dataset
    }

    func testIOArchiveFolder() throws {
        let dataset = try check("x-io-archive", "x-io-archive-csv", format: .ioArchive)
        // The retweet's original is outside the data: kept as an external parent, counted once.
        XCTAssertEqual(dataset.diagnostics.counts["reposts of posts outside the data (parent kept as an external id)"], 1)
        let retweet = try XCTUnwrap(dataset.posts.first { $0.postID == "877919995476496385" })
        XCTAssertEqual(retweet.parentPost, "877917212119416832")
        XCTAssertEqual(retweet.parentAuthor, "2572896396")
        XCTAssertEqual(retweet.attributes["urls"], "http://ru-open.livejournal.com/374284.html")
        XCTAssertEqual(retweet.attributes["language"], "ru")
        // The users file fills the profile of its accounts.
        let user = try XCTUnwrap(dataset.account(withID: "94c383089f0dd9993020276bd01113ecb5935ad860bfa61e6079e7d548577f76"))
        XCTAssertEqual(user.followers, 1541)
        XCTAssertEqual(dataset.readingNotes.first { $0.topic == "times without a zone" }?.value.hasPrefix("2 read as UTC"), true)
    }

    func testSNAPActivityReversed() throws {
        let dataset = try check(
            "snap-activity-reversed", "snap-higgs-edgelist/higgs-activity_time.head50000.txt",
            options: .init(edgeDirection: .reposterToAuthor), format: .snap
        )
        XCTAssertEqual(dataset.diagnostics.counts["mention rows twinning a reply or retweet row (same pair, same second; kept)"], 3672)
        XCTAssertEqual(dataset.readingNotes.first { $0.topic == "edge direction" }?.value.hasPrefix("reposter-to-author"), true)
    }

    func testSNAPRetweetNetworkBothDirections() throws {
        let file = "snap-higgs-edgelist/higgs-retweet_network.head50000.edgelist"
        _ = try check("snap-retweet-network-reversed", file, options: .init(edgeDirection: .reposterToAuthor), format: .snap)
        let asWritten = try check("snap-retweet-network-as-written", file, format: .snap)
        XCTAssertEqual(asWritten.readingNotes.first { $0.topic == "edge direction" }?.value.contains("the default"), true)
    }

    func testTwitterV1StreamAndSearch() throws {
        let stream = try check("twitter-v1-stream", "twitter-v1-jsonl-stream/api-stream-small.jsonl", format: .twitterV1)
        // None of the 328 retweeted originals is in the file: all kept as external parents.
        XCTAssertEqual(stream.diagnostics.counts["reposts of posts outside the data (parent kept as an external id)"], 328)
        XCTAssertEqual(stream.diagnostics.counts["self reposts (not made relations)"], 2)
        // Retweets of quotes carry a copied quoted_status: only real quotes make quote ties.
        XCTAssertEqual((0 ..< stream.relations.count).filter { stream.relations.types[$0] == .quote }.count, 80)
        _ = try check("twitter-v1-search", "twitter-v1-search-json/get_search_raw.json", format: .twitterV1)
    }

    /// `--relations mention` on the Twitter samples, against `mentions_expected.json` (the same
    /// script, from the mentions in the raw JSON).
    func testMentionRelationsOfTheTwitterSamples() throws {
        struct Mentions: Decodable, Equatable {
            var pairs: Int
            var weight: Int
            var self_mentions: Int
            var retweets_with_mentions: Int
        }
        let url = Repository.root.appendingPathComponent("Tests/ReachGraphTests/Fixtures/mentions_expected.json")
        let expected = try JSONDecoder().decode([String: Mentions].self, from: try Data(contentsOf: url))
        let samples = [
            ("twitter-v1-stream", "twitter-v1-jsonl-stream/api-stream-small.jsonl"), ("twitter-v1-search", "twitter-v1-search-json/get_search_raw.json"),
            ("twitter-v2-2sets", "twitter-v2-twarc2-jsonl/2sets.jsonl"), ("twitter-v2-entities", "twitter-v2-twarc2-jsonl/entities_test.jsonl"),
        ]
        for (key, relative) in samples {
            let dataset = try DatasetLoader.load(try Repository.sharedDataset("formats/\(relative)").path, options: .init(relationTypes: [.mention]))
            XCTAssertEqual(Set(dataset.relations.types), [.mention], key)
            let measured = Mentions(
                pairs: dataset.relations.count, weight: Int(dataset.relations.weights.reduce(0, +)),
                self_mentions: dataset.diagnostics.counts["self mentions (not made relations)"] ?? 0,
                retweets_with_mentions: dataset.diagnostics.counts["reposts carrying the original's mentions (not made mention relations)"] ?? 0
            )
            XCTAssertEqual(measured, expected[key], key)
        }
    }

    func testTwitterV2Pages() throws {
        _ = try check("twitter-v2-2sets", "twitter-v2-twarc2-jsonl/2sets.jsonl", format: .twitterV2)
        let entities = try check("twitter-v2-entities", "twitter-v2-twarc2-jsonl/entities_test.jsonl", format: .twitterV2)
        XCTAssertTrue(entities.posts.contains { $0.attributes["hashtags"] != nil })
    }

    func testTelegramTGDataset() throws {
        let dataset = try check("telegram-tgdataset", "telegram-tgdataset-json/tgdataset_preview.json", format: .telegram)
        XCTAssertEqual(dataset.diagnostics.counts["messages stored twice (text and media under one id; counted once)"], 522)
        XCTAssertEqual(dataset.diagnostics.counts["forwards whose source is hidden (kept as reposts, no relation)"], 16)
    }

    func testWeiboCEDInBeijingTime() throws {
        let dataset = try check("weibo-ced", "weibo-ced-repost-json", format: .weiboCED)
        XCTAssertEqual(dataset.diagnostics.counts["Weibo dates without a year (the original's year taken)"], 10)
        XCTAssertEqual(dataset.readingNotes.first { $0.topic == "times without a zone" }?.value.contains("UTC+08:00"), true)
    }

    func testLinkSharingKeepsEveryRowAsAShare() throws {
        let shares = try check("crowdtangle-ctshares", "crowdtangle-ctshares-csv/ct_shares.csv", format: .linkSharing)
        XCTAssertEqual(shares.diagnostics.counts["rows repeating a post for another link (kept, id suffixed ~N)"], 1684 - 1058)
        // Rows with newlines inside quoted fields: 772 records on 1,899 lines.
        _ = try check("crowdtangle-coornet-marked", "crowdtangle-coornet-marked-csv/ct_shares_marked.csv", format: .linkSharing)
    }
}
