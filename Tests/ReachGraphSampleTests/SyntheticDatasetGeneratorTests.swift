import Foundation
@testable import ReachGraph
@testable import ReachGraphSample
import XCTest

final class SyntheticDatasetGeneratorTests: XCTestCase {
    /// The default dataset, generated once for the tests that only read it.
    private static let sample = try! SyntheticDatasetGenerator().generate()

    /// A small configuration for tests that generate or write several datasets.
    private static func small(seed: UInt64) -> SyntheticDatasetGenerator.Configuration {
        SyntheticDatasetGenerator.Configuration(
            seed: seed, scale: 0.2, months: 1, provinces: [.zhejiang, .hainan], influencers: 100, communities: 600
        )
    }

    private func temporaryFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reachgraph-sample-\(UUID().uuidString)").path
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        return folder
    }

    private func files(in folder: String) throws -> [String: Data] {
        var contents: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            contents[name] = try Data(contentsOf: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(name)))
        }
        return contents
    }

    // MARK: Determinism

    func testSameSeedWritesIdenticalBytesAndAnotherSeedDoesNot() throws {
        let first = try temporaryFolder(), second = try temporaryFolder()
        try SyntheticDatasetGenerator().write(to: first)
        try SyntheticDatasetGenerator().write(to: second)
        let a = try files(in: first), b = try files(in: second)
        XCTAssertEqual(a.keys.sorted(), ["README.md", "accounts.csv", "metrics.csv", "posts.csv", "relations.csv"])
        XCTAssertEqual(a, b)
        let other = try SyntheticDatasetGenerator(configuration: .init(seed: 2)).generate()
        XCTAssertNotEqual(a["posts.csv"], Data(DatasetWriter.postsCSV(other).utf8))
        XCTAssertNotEqual(a["accounts.csv"], Data(DatasetWriter.accountsCSV(other).utf8))
    }

    /// Pins the bytes of a small dataset, which also catches nondeterminism that only shows
    /// between processes (Swift seeds dictionary hashing per process). Update the digest when the
    /// generator changes on purpose.
    func testSmallDatasetMatchesPinnedDigest() throws {
        let dataset = try SyntheticDatasetGenerator(configuration: Self.small(seed: 7)).generate()
        let text = DatasetWriter.accountsCSV(dataset) + DatasetWriter.relationsCSV(dataset) + DatasetWriter.postsCSV(dataset) + DatasetWriter.metricsCSV(dataset)
        var digest: UInt64 = 0xCBF2_9CE4_8422_2325 // FNV-1a
        for byte in text.utf8 { digest = (digest ^ UInt64(byte)) &* 0x100_0000_01B3 }
        XCTAssertEqual(String(digest, radix: 16), "fad18a32df2ba765")
    }

    func testPortableExpAgreesWithTheCLibrary() {
        for step in -400 ... 400 {
            let x = Double(step) * 0.173
            XCTAssertEqual(PortableMath.exp(x), Foundation.exp(x), accuracy: Foundation.exp(x) * 1e-14, "x = \(x)")
        }
        XCTAssertEqual(PortableMath.exp(0), 1)
        XCTAssertEqual(PortableMath.exp(1_000), .infinity)
        XCTAssertEqual(PortableMath.exp(-1_000), 0)
    }

    // MARK: Roster

    func testDefaultSizes() {
        let dataset = Self.sample
        XCTAssertTrue((2_000 ... 4_000).contains(dataset.accounts.count), "\(dataset.accounts.count) accounts")
        XCTAssertTrue((20_000 ... 45_000).contains(dataset.posts.count), "\(dataset.posts.count) posts")
        XCTAssertEqual(dataset.name, "ReachGraph synthetic sample (seed 1)")
        XCTAssertTrue(dataset.diagnostics.isEmpty, "\(dataset.diagnostics.sortedCounts)")
        XCTAssertFalse(dataset.relationsDerivedFromPosts)
    }

    func testHunanDeclaresFourteenCentresOfWhichTwelveExistAndTenAreActive() throws {
        let dataset = Self.sample
        let hub = try XCTUnwrap(dataset.account(withID: "hn-centre"))
        XCTAssertEqual(hub.kind, .mediaCentre)
        XCTAssertEqual(hub.tier, .provincial)
        XCTAssertEqual(hub.name, "湖南样例省级中心")
        XCTAssertEqual(SyntheticDatasetGenerator.Province.hunan.cities.count, 14)
        let centres = dataset.accounts.filter { $0.province == "Hunan" && $0.kind == .mediaCentre && $0.tier == .municipal }
        XCTAssertEqual(centres.count, 12)
        XCTAssertTrue(centres.allSatisfy { $0.parent == "hn-centre" && $0.city != nil })
        // An absent centre leaves nothing of its city behind.
        let cities = Set(centres.compactMap(\.city))
        XCTAssertTrue(dataset.accounts.allSatisfy { $0.province != "Hunan" || $0.city == nil || cities.contains($0.city!) })
        var authors = Set<String>(), reposters = Set<String>()
        for post in dataset.posts {
            authors.insert(post.author)
            if post.isRepost { reposters.insert(post.author) }
        }
        let inactive = centres.filter { !authors.contains($0.id) }
        XCTAssertEqual(inactive.count, 2)
        for centre in inactive {
            let rows = dataset.metrics.filter { $0.account == centre.id }
            XCTAssertEqual(Set(rows.map(\.platform)), ["facebook"], centre.id)
            XCTAssertTrue(rows.allSatisfy { $0.posts == 0 }, centre.id)
        }
        XCTAssertEqual(dataset.accounts.filter { $0.province == "Zhejiang" && $0.kind == .mediaCentre && $0.tier == .municipal }.count, 11)
        let county = try XCTUnwrap(dataset.account(withID: "zj-hangzhou-county-3"))
        XCTAssertEqual(county.tier, .county)
        XCTAssertEqual(county.parent, "zj-hangzhou")
    }

    func testAccountNamesAreFictionalAndPlaceNamesReal() throws {
        let dataset = Self.sample
        XCTAssertEqual(dataset.account(withID: "zj-wenzhou")?.name, "温州样例市级中心")
        XCTAssertEqual(dataset.account(withID: "zj-wenzhou")?.city, "Wenzhou")
        XCTAssertEqual(dataset.account(withID: "think-tank-1")?.name, "样例智库1 Sample think tank 1")
        XCTAssertEqual(dataset.account(withID: "embassy-gb")?.name, "样例驻英国使馆号 Sample embassy account GB")
        XCTAssertEqual(dataset.account(withID: "influencer-0001")?.name, "Sample influencer 0001")
        XCTAssertTrue(dataset.accounts.allSatisfy { ($0.name ?? "").contains("样例") || ($0.name ?? "").hasPrefix("Sample ") }, "every name marks itself as a sample")
    }

    func testEveryDeclaredParentIsAnAccountOneTierUp() throws {
        let dataset = Self.sample
        for account in dataset.accounts {
            guard let parentID = account.parent else { continue }
            let parent = try XCTUnwrap(dataset.account(withID: parentID), "parent of \(account.id)")
            XCTAssertEqual(parent.kind, .mediaCentre, account.id)
            XCTAssertEqual(parent.province, account.province, account.id)
            if account.tier == .county { XCTAssertEqual(parent.tier, .municipal, account.id) }
        }
        XCTAssertTrue(dataset.accounts.contains { $0.kind == .cityAccount && $0.platform != nil })
        for kind in AccountKind.allCases where kind != .other {
            XCTAssertTrue(dataset.accounts.contains { $0.kind == kind }, "no \(kind)")
        }
    }

    func testInfluencerFollowersAreHeavyTailed() {
        let followers = Self.sample.accounts.filter { $0.kind == .influencer }.compactMap(\.followers).sorted()
        let communities = Self.sample.accounts.filter { $0.kind == .community }.compactMap(\.followers).sorted()
        let median = followers[followers.count / 2]
        XCTAssertGreaterThan(followers.last ?? 0, 20 * median)
        XCTAssertLessThan(communities[communities.count / 2], median / 10)
    }

    /// The follower magnitudes the README states with their sources: provincial hubs in the
    /// millions (Zhejiang's 8M), a municipal median near 29k with Wenzhou at 10M, county units at
    /// most 200k, Chinese think tanks at most 10k on X, national outlets in the tens of millions.
    func testFollowerMagnitudesByKindAndTier() throws {
        func followers(_ kind: AccountKind, _ tier: Tier) -> [Int] {
            Self.sample.accounts.filter { $0.kind == kind && $0.tier == tier }.compactMap(\.followers).sorted()
        }
        let hubs = followers(.mediaCentre, .provincial)
        XCTAssertEqual(hubs.count, 4)
        XCTAssertTrue(hubs.allSatisfy { (1_000_000 ... 25_000_000).contains($0) }, "\(hubs)")
        XCTAssertEqual(Self.sample.account(withID: "zj-centre")?.followers, 8_000_000)
        let municipal = followers(.mediaCentre, .municipal)
        XCTAssertTrue((20_000 ... 40_000).contains(municipal[municipal.count / 2]), "median \(municipal[municipal.count / 2])")
        XCTAssertEqual(Self.sample.account(withID: "zj-wenzhou")?.followers, 10_000_000)
        let county = followers(.mediaCentre, .county)
        XCTAssertLessThanOrEqual(county.last ?? .max, 200_000)
        XCTAssertLessThan(county[county.count / 2], municipal[municipal.count / 2] / 3)
        let thinkTanks = Self.sample.accounts.filter { $0.kind == .thinkTank }
        XCTAssertEqual(thinkTanks.count, 6)
        XCTAssertTrue(thinkTanks.allSatisfy { $0.platform == "x" && ($0.followers ?? .max) <= 10_000 })
        XCTAssertTrue(followers(.mediaOutlet, .national).allSatisfy { $0 >= 1_000_000 })
    }

    /// The platforms each official unit runs, read back from `metrics.csv` (one row per platform
    /// it runs and month).
    private static func platformsRun() -> [String: Set<String>] {
        var platforms: [String: Set<String>] = [:]
        for row in sample.metrics { platforms[row.account, default: []].insert(row.platform) }
        return platforms
    }

    func testPlatformCoverageByTier() {
        let run = Self.platformsRun()
        func counts(_ tier: Tier) -> [Int] {
            Self.sample.accounts.filter { $0.kind == .mediaCentre && $0.tier == tier }.map { run[$0.id]?.count ?? 0 }
        }
        XCTAssertTrue(counts(.provincial).allSatisfy { $0 >= 4 }, "\(counts(.provincial))")
        let county = counts(.county)
        XCTAssertTrue(county.allSatisfy { (1 ... 3).contains($0) }, "county units run one to three platforms")
        XCTAssertTrue(Set(county).isSuperset(of: [1, 2, 3]))
        let municipal = counts(.municipal)
        let mean = { (values: [Int]) in Double(values.reduce(0, +)) / Double(values.count) }
        XCTAssertLessThan(mean(county), mean(municipal))
        XCTAssertLessThan(mean(municipal), mean(counts(.provincial)))
        // Nobody posts where it has no account.
        for post in Self.sample.posts.prefix(20_000) {
            if let platforms = run[post.author] { XCTAssertTrue(platforms.contains(post.platform ?? ""), post.postID) }
        }
    }

    func testTikTokIsSparseBelowTheNationalTier() {
        var slots: [String: Int] = [:]
        for platforms in Self.platformsRun().values {
            for platform in platforms { slots[platform, default: 0] += 1 }
        }
        let tiktok = slots["tiktok", default: 0]
        XCTAssertGreaterThan(tiktok, 0)
        for platform in ["facebook", "x", "instagram", "youtube"] {
            XCTAssertLessThan(tiktok, slots[platform, default: 0] / 2, platform)
        }
        XCTAssertLessThan(Double(tiktok), 0.1 * Double(slots.values.reduce(0, +)))
        let posts = Self.sample.posts
        XCTAssertLessThan(Double(posts.filter { $0.platform == "tiktok" }.count), 0.1 * Double(posts.count))
    }

    /// Think-tank posts: likes > shares > comments in total, at low absolute counts, with an
    /// interaction rate per follower close to that of influencers (also one platform each).
    func testThinkTankInteractionIsLikesThenSharesThenCommentsAtLowCounts() {
        let dataset = Self.sample
        func originals(of kind: AccountKind) -> [(post: Post, followers: Double)] {
            dataset.posts.compactMap { post in
                guard !post.isRepost, let author = dataset.account(withID: post.author), author.kind == kind else { return nil }
                return (post, Double(author.followers ?? 1))
            }
        }
        let thinkTank = originals(of: .thinkTank)
        let likes = thinkTank.reduce(0) { $0 + ($1.post.likes ?? 0) }
        let shares = thinkTank.reduce(0) { $0 + ($1.post.shares ?? 0) }
        let comments = thinkTank.reduce(0) { $0 + ($1.post.comments ?? 0) }
        XCTAssertGreaterThan(likes, shares)
        XCTAssertGreaterThan(shares, comments)
        let perPost = thinkTank.map { $0.post.likes ?? 0 }.sorted()
        XCTAssertLessThan(perPost[perPost.count / 2], 100, "median likes per think-tank post")
        func rate(_ posts: [(post: Post, followers: Double)]) -> Double {
            posts.reduce(0) { $0 + Double(($1.post.likes ?? 0) + ($1.post.comments ?? 0)) / $1.followers } / Double(posts.count)
        }
        let ratio = rate(thinkTank) / rate(originals(of: .influencer))
        XCTAssertTrue((0.5 ... 2).contains(ratio), "think-tank interaction rate is \(ratio) × the influencers'")
    }

    func testRepeatedProvinceCodesStillGiveUniqueIDs() throws {
        var configuration = Self.small(seed: 3)
        configuration.provinces = [.hainan, .hainan]
        let dataset = try SyntheticDatasetGenerator(configuration: configuration).generate()
        XCTAssertEqual(Set(dataset.accounts.map(\.id)).count, dataset.accounts.count)
        XCTAssertNotNil(dataset.account(withID: "hi-centre-2"))
        XCTAssertTrue(dataset.diagnostics.isEmpty)
    }

    // MARK: Posts

    func testRepostsComeAfterParentsThatExist() throws {
        let posts = Self.sample.posts
        var index: [String: Int] = [:]
        for (position, post) in posts.enumerated() { index[post.postID] = position }
        XCTAssertEqual(index.count, posts.count, "post ids are unique")
        let start = try XCTUnwrap(FieldParsing.timestamp("2025-03-01")), end = try XCTUnwrap(FieldParsing.timestamp("2025-06-01"))
        var reposts = 0
        for post in posts {
            XCTAssertTrue(post.time >= start && post.time < end, post.postID)
            XCTAssertNotNil(Self.sample.account(withID: post.author), post.postID)
            guard let parentID = post.parentPost else {
                XCTAssertEqual(post.rootPost, post.postID)
                continue
            }
            reposts += 1
            let parent = try XCTUnwrap(index[parentID].map { posts[$0] }, "parent of \(post.postID)")
            XCTAssertGreaterThan(post.time, parent.time, post.postID)
            XCTAssertEqual(post.rootPost, parent.rootPost, post.postID)
            XCTAssertEqual(post.platform, parent.platform, post.postID)
            XCTAssertNotEqual(post.author, parent.author, post.postID)
            XCTAssertGreaterThanOrEqual(parent.shares ?? 0, 1)
        }
        XCTAssertGreaterThan(reposts, posts.count / 2)
        XCTAssertTrue(posts.contains { $0.url != nil })
    }

    func testSomeSpokesNeverRepostTheirHubWhileMostDo() {
        let dataset = Self.sample
        var authorOfPost: [String: String] = [:]
        for post in dataset.posts { authorOfPost[post.postID] = post.author }
        var hubReposts: [String: Int] = [:]
        for post in dataset.posts {
            if let parent = post.parentPost, let account = dataset.account(withID: post.author), account.tier == .municipal,
               account.kind == .mediaCentre, authorOfPost[parent] == account.parent {
                hubReposts[post.author, default: 0] += 1
            }
        }
        for province in ["Hunan", "Zhejiang", "Fujian", "Hainan"] {
            let spokes = dataset.accounts.filter { $0.province == province && $0.kind == .mediaCentre && $0.tier == .municipal }
            let silent = spokes.filter { hubReposts[$0.id, default: 0] == 0 }
            XCTAssertGreaterThanOrEqual(silent.count, 1, province)
            XCTAssertLessThan(silent.count, spokes.count, province)
        }
        XCTAssertGreaterThan(hubReposts.values.filter { $0 >= 20 }.count, 25)
    }

    func testCommunitySpreadMostlyComesThroughInfluencers() {
        let dataset = Self.sample
        var authorOfPost: [String: String] = [:]
        for post in dataset.posts { authorOfPost[post.postID] = post.author }
        func kind(_ id: String?) -> AccountKind? { id.flatMap { dataset.account(withID: $0)?.kind } }
        var communityReposts = 0, viaInfluencer = 0, influencerRepostsOfOfficialContent = 0
        for post in dataset.posts {
            guard let parent = post.parentPost else { continue }
            let parentKind = kind(authorOfPost[parent])
            switch kind(post.author) {
            case .community:
                communityReposts += 1
                if parentKind == .influencer { viaInfluencer += 1 }
            case .influencer:
                if parentKind != .influencer && parentKind != .community { influencerRepostsOfOfficialContent += 1 }
            default: break
            }
        }
        XCTAssertGreaterThan(Double(viaInfluencer), 0.5 * Double(communityReposts))
        XCTAssertGreaterThan(influencerRepostsOfOfficialContent, 1_000)
    }

    func testCampaignsShareAContentHashAcrossAccounts() {
        var authors: [String: Set<String>] = [:]
        for post in Self.sample.posts {
            if let hash = post.contentHash { authors[hash, default: []].insert(post.author) }
        }
        XCTAssertGreaterThan(authors.values.filter { $0.count >= 3 }.count, 10)
    }

    // MARK: Relations and metrics

    func testRelationsAggregateRepostsAndAddCollaborationsAndMentions() {
        let dataset = Self.sample
        var reposts = 0.0, types = Set<RelationType>()
        for row in 0 ..< dataset.relations.count {
            let relation = dataset.relations[row]
            types.insert(relation.type)
            if relation.type == .repost { reposts += relation.weight }
            XCTAssertNotEqual(relation.source, relation.target)
            XCTAssertLessThanOrEqual(relation.firstSeen ?? 0, relation.lastSeen ?? 0)
        }
        XCTAssertEqual(types, [.repost, .collaboration, .mention])
        XCTAssertEqual(Int(reposts), dataset.posts.filter(\.isRepost).count)
        // The repost rows come first and are what the loader would derive from posts.csv.
        var derived = dataset
        derived.deriveRelationsFromPosts(file: "posts.csv")
        XCTAssertTrue(derived.diagnostics.isEmpty, "\(derived.diagnostics.sortedCounts)")
        XCTAssertEqual((0 ..< dataset.relations.count).filter { dataset.relations.types[$0] == .repost }, Array(0 ..< derived.relations.count))
        for row in 0 ..< derived.relations.count where dataset.relations[row] != derived.relations[row] {
            XCTFail("repost relation \(row) differs from the derived one")
            break
        }
    }

    func testMetricsCoverEveryCentreAndCityAccountAndAgreeWithPosts() {
        let dataset = Self.sample
        let reported = Set(dataset.accounts.filter { $0.kind == .mediaCentre || $0.kind == .cityAccount }.map(\.id))
        let pairs = Set(dataset.metrics.map { "\($0.account) \($0.platform)" })
        XCTAssertEqual(Set(dataset.metrics.map(\.account)), reported)
        XCTAssertEqual(dataset.metrics.count, pairs.count * 3, "one row per account, platform and month")
        XCTAssertEqual(Set(dataset.metrics.map(\.period)), ["2025-03", "2025-04", "2025-05"])
        for account in dataset.accounts where account.kind == .cityAccount {
            XCTAssertEqual(Set(dataset.metrics.filter { $0.account == account.id }.map(\.platform)), [account.platform ?? ""], account.id)
        }
        let id = "hn-centre"
        let platform = dataset.metrics.first { $0.account == id }?.platform ?? ""
        let posts = dataset.posts.filter { $0.author == id && $0.platform == platform && iso8601String(fromUnixSeconds: $0.time).hasPrefix("2025-04") }
        let row = dataset.metrics.first { $0.account == id && $0.platform == platform && $0.period == "2025-04" }
        XCTAssertGreaterThan(posts.count, 0)
        XCTAssertEqual(row?.posts, posts.count)
        XCTAssertEqual(row?.likes, posts.reduce(0) { $0 + ($1.likes ?? 0) })
        XCTAssertTrue(dataset.metrics.allSatisfy { ($0.qualitative ?? -1) >= 0 && ($0.qualitative ?? 101) <= 100 && ($0.followers ?? 0) > 0 })
    }

    // MARK: Writing

    func testWrittenDatasetLoadsBackWithoutWarnings() throws {
        let folder = try temporaryFolder()
        let written = try SyntheticDatasetGenerator(configuration: Self.small(seed: 5)).write(to: folder)
        let loaded = try DatasetLoader.load(folder)
        XCTAssertTrue(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.sortedCounts)")
        XCTAssertEqual(loaded.accounts, written.accounts)
        XCTAssertEqual(loaded.posts, written.posts)
        XCTAssertEqual(loaded.metrics, written.metrics)
        XCTAssertEqual(loaded.relations.count, written.relations.count)
        for row in 0 ..< written.relations.count { XCTAssertEqual(loaded.relations[row], written.relations[row]) }
        let readme = try String(contentsOfFile: (folder as NSString).appendingPathComponent("README.md"), encoding: .utf8)
        XCTAssertTrue(readme.hasPrefix("# Synthetic data: ReachGraph synthetic sample (seed 5)"))
        XCTAssertTrue(readme.contains("**This dataset is synthetic.**"))
        XCTAssertTrue(readme.contains("No edge or number is a real"))
        XCTAssertTrue(readme.contains("| seed | 5 |"))
        XCTAssertTrue(readme.contains("| posts.csv | \(written.posts.count) "))
        XCTAssertTrue(readme.contains("| Zhejiang (浙江) | `zj` | 11 | 0 | 0 | 4 | 3 |"))
        XCTAssertTrue(readme.contains("## Shaping numbers and their sources"))
    }

    /// `make sample` output as committed: the sample's README says it is synthetic in its title
    /// and every tidy table in notebooks-data/ carries a `synthetic` column that is `true` on
    /// every row, so a table copied or screenshot alone still says what it is.
    func testCommittedSampleAndNotebookTablesAreLabelledSynthetic() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("graphs/sample/README.md"), encoding: .utf8)
        XCTAssertTrue(readme.hasPrefix("# Synthetic data: ReachGraph synthetic sample (seed 20250301)"))
        let folder = root.appendingPathComponent("notebooks-data")
        let tables = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }.sorted()
        XCTAssertGreaterThanOrEqual(tables.count, 7)
        for table in tables {
            let text = try String(contentsOf: folder.appendingPathComponent(table), encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
            XCTAssertTrue(lines.first?.hasSuffix(",synthetic") ?? false, table)
            XCTAssertGreaterThan(lines.count, 1, table)
            XCTAssertTrue(lines.dropFirst().allSatisfy { $0.hasSuffix(",true") }, table)
        }
        let notebooksReadme = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
        XCTAssertTrue(notebooksReadme.hasPrefix("# notebooks-data: synthetic tables"))
    }

    func testMonthsCarryIntoTheYear() {
        typealias Month = SyntheticDatasetGenerator.Month
        XCTAssertEqual(Month(year: 2025, month: 11).adding(3), Month(year: 2026, month: 2))
        XCTAssertEqual(Month(year: 2025, month: 0).description, "2024-12")
        XCTAssertEqual(Month(year: 2025, month: 3).unixSeconds, FieldParsing.timestamp("2025-03-01"))
    }
}
