import Foundation
import ReachGraph
@testable import ReachGraphviz
import XCTest

/// Sections adapt to what the data carries: an edge list (no kinds, provinces or metrics) gets no
/// "(none)" tables, no index section, and key-opinion-leader bridges between communities.
final class AdaptiveSectionsTests: XCTestCase {
    /// Two triangles of mutual reposts, a1-a2-a3 and b1-b2-b3, joined only through m (a1 → m → b1).
    static let edges = "source,target\na1,a2\na2,a1\na2,a3\na3,a2\na1,a3\na3,a1\nb1,b2\nb2,b1\nb2,b3\nb3,b2\nb1,b3\nb3,b1\na1,m\nm,b1\n"

    static func edgeList() throws -> Dataset {
        let path = NSTemporaryDirectory() + "adaptive-" + UUID().uuidString + ".csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(edges.utf8).write(to: URL(fileURLWithPath: path))
        return try DatasetLoader.load(path)
    }

    /// Options for a quick briefing: no PNG copies, no bootstrap.
    static var options: BriefingBuilder.Options {
        var options = BriefingBuilder.Options()
        options.png = false
        options.bootstrapReplicates = 0
        return options
    }

    /// A quick briefing of `posts` by `accounts` (CSV text, no relations file).
    static func briefing(accounts: String, posts: String) throws -> BriefingDocument {
        BriefingBuilder(dataset: try SampleDatasets.load(accounts: accounts, relations: nil, posts: posts), options: options).build()
    }

    func testBridgesFallBackToCommunitiesWithoutKinds() throws {
        let dataset = try Self.edgeList()
        XCTAssertEqual(KeyOpinionLeaders.Grouping.automatic(for: dataset), .community, "every account is `other`")
        let m = try XCTUnwrap(dataset.index(ofAccount: "m"))
        // m's only path joins a1 and b1, which Louvain puts in different communities: brokerage 1.
        let communities = try KeyOpinionLeaders(dataset: dataset, grouping: .community)
        XCTAssertEqual(communities.profiles[Int(m)].brokerage, 1)
        XCTAssertEqual(communities.profiles[Int(m)].roles, ["bridge"])
        // By kind everyone is `other`: no path joins different kinds, so there is no bridge.
        let kinds = try KeyOpinionLeaders(dataset: dataset, grouping: .kind)
        XCTAssertEqual(kinds.profiles[Int(m)].brokerage, 0)
        XCTAssertFalse(kinds.profiles.contains { $0.roles.contains("bridge") })

        let mixed = try SampleDatasets.load(accounts: "id,kind\na,influencer\nb,community", relations: "source,target,relation\na,b,repost")
        XCTAssertEqual(KeyOpinionLeaders.Grouping.automatic(for: mixed), .kind)
    }

    func testLeaderSentencesGiveTheKindMixOfReposters() throws {
        // s is reposted by three influencers and one community account: 3 of 4 = 75%; i1 reposts
        // s, s2 and t: 2 of 3 media centres = 67%.
        let dataset = try SampleDatasets.load(
            accounts: "id,kind\ns,media_centre\ns2,media_centre\nt,think_tank\ni1,influencer\ni2,influencer\ni3,influencer\nc1,community",
            relations: "source,target,relation\ns,i1,repost\ns,i2,repost\ns,i3,repost\ns,c1,repost\ns2,i1,repost\nt,i1,repost"
        )
        let options = Self.options
        let section = try XCTUnwrap(BriefingBuilder(dataset: dataset, options: options).build().sections.first { $0.title == "Key opinion leaders" })
        let source = try XCTUnwrap(section.paragraphs.first { $0.hasPrefix("Top source") }, "\(section.paragraphs)")
        XCTAssertTrue(source.hasSuffix("reposted by 4 distinct accounts (75% influencer accounts)."), source)
        let amplifier = try XCTUnwrap(section.paragraphs.first { $0.hasPrefix("Top amplifier") }, "\(section.paragraphs)")
        XCTAssertTrue(amplifier.contains("i1 (influencer) reposts 3 distinct sources (67% media centre accounts)"), amplifier)
    }

    func testABootstrapOverItsBudgetIsLeftOutWithANote() throws {
        var options = BriefingBuilder.Options()
        options.png = false
        options.bootstrapReplicates = 5
        let dataset = try Self.edgeList()
        let roomy = BriefingBuilder(dataset: dataset, options: options).build()
        let intervals = try XCTUnwrap(roomy.sections.first { $0.title == "Key opinion leaders" })
        XCTAssertEqual(intervals.notes, [])
        XCTAssertTrue(intervals.paragraphs.contains { $0.hasPrefix("The rank interval bounds each account's rank in 95% of 5 bootstrap replicates") })
        XCTAssertTrue(intervals.tables[0].rows.allSatisfy { $0.last != .missing }, "every ranked account has an interval")
        options.bootstrapBudget = 0
        let tight = BriefingBuilder(dataset: dataset, options: options).build()
        let leaders = try XCTUnwrap(tight.sections.first { $0.title == "Key opinion leaders" })
        XCTAssertEqual(leaders.notes.count, 1)
        XCTAssertTrue(leaders.notes[0].hasPrefix("rank intervals skipped: 5 bootstrap replicates would take an estimated 1 s on one thread (betweenness alone), over the budget of 0 s; "), leaders.notes[0])
        XCTAssertTrue(leaders.notes[0].hasSuffix("`reachgraph kol --top 15 --bootstrap 5` computes them"), leaders.notes[0])
        XCTAssertEqual(tight.degradations, ["Key opinion leaders: " + leaders.notes[0]])
        XCTAssertFalse(leaders.paragraphs.contains { $0.hasPrefix("The rank interval bounds") })
        XCTAssertEqual(intervals.tables[0].columns.last, "rank interval")
        XCTAssertEqual(leaders.tables[0].columns, Array(intervals.tables[0].columns.dropLast()), "no column of dashes")
        XCTAssertEqual(leaders.tables[0].rows, intervals.tables[0].rows.map { Array($0.dropLast()) }, "the ranking itself is the same")
    }

    func testBriefingWithoutTiesDrawsNoNetworkAndSaysWhatIsMissing() throws {
        // Posts that repost nothing (a link-sharing export): no relation ties two accounts.
        let dataset = try SampleDatasets.load(
            accounts: "id,kind\na,media_centre\nb,influencer",
            relations: nil,
            posts: "post_id,author,time,url\np1,a,2025-03-01T00:00:00Z,http://x.example/1\np2,b,2025-03-01T00:01:00Z,http://x.example/1"
        )
        let document = BriefingBuilder(dataset: dataset, options: Self.options).build()
        XCTAssertEqual(document.sections.map(\.title), ["Dataset", "The network", "Cascades", "Coordination"])
        let network = try XCTUnwrap(document.sections.first { $0.title == "The network" })
        XCTAssertEqual(network.paragraphs, ["No two accounts are tied by a relation: there is no network to draw."])
        XCTAssertTrue(network.figures.isEmpty)
        // A self-loop ties an account to itself only.
        let loop = try SampleDatasets.load(accounts: "id,kind\na,media_centre\nb,influencer", relations: "source,target,relation\na,a,repost")
        let loopNetwork = try XCTUnwrap(BriefingBuilder(dataset: loop, options: Self.options).build().sections.first { $0.title == "The network" })
        XCTAssertTrue(loopNetwork.figures.isEmpty, "\(loopNetwork.paragraphs)")
        let summary = try XCTUnwrap(document.sections.first)
        XCTAssertEqual(
            summary.paragraphs.last,
            "Not in this briefing, for want of data: key opinion leaders and who to reach (no repost or quote relations); the 1+N structure (no account declares a parent hub); the communication power index (no metrics rows)."
        )
    }

    func testEdgeListBriefingShowsOnlyWhatTheDataHas() throws {
        let options = Self.options
        let document = BriefingBuilder(dataset: try Self.edgeList(), options: options).build()
        XCTAssertEqual(document.sections.map(\.title), ["Dataset", "The network", "Key opinion leaders", "Who to reach"], "no index without metrics")
        let summary = try XCTUnwrap(document.sections.first)
        XCTAssertEqual(summary.tables.map(\.name), ["overview", "relations_by_type"], "no kind or province breakdown of one value")
        XCTAssertEqual(summary.paragraphs[1], "The accounts carry no kinds (every account is other) and no provinces, as in a plain edge list: key opinion leaders are bridges between Louvain communities instead of kinds.")
        XCTAssertEqual(
            summary.paragraphs[2],
            "Not in this briefing, for want of data: cascades and coordination (no posts); the 1+N structure (no account declares a parent hub); the communication power index (no metrics rows)."
        )
        let network = try XCTUnwrap(document.sections.first { $0.title == "The network" })
        XCTAssertTrue(network.paragraphs[0].hasPrefix("The accounts carry no kinds or provinces, so all are drawn alike and coloured by the community Louvain finds (see the legend), sized by their ties"), network.paragraphs[0])
        let leaders = try XCTUnwrap(document.sections.first { $0.title == "Key opinion leaders" })
        XCTAssertEqual(leaders.tables.first?.columns, ["rank", "name", "role", "score"], "no bootstrap, no interval column")
        XCTAssertTrue(leaders.paragraphs.contains { $0.hasPrefix("Top bridge (the only bridge): m stands between its sources and its reposters; 100% of the paths through it join different communities.") }, "\(leaders.paragraphs)")
        XCTAssertTrue(leaders.paragraphs.contains { $0.hasSuffix("bridge (between communities found by Louvain, since the accounts carry no kinds).") }, "\(leaders.paragraphs)")
        XCTAssertFalse(document.markdown().contains("(none)"))
        // Key findings open the page: one per section that finds something, in page order.
        XCTAssertEqual(document.keyFindings.map(\.section), ["Key opinion leaders", "Who to reach"])
        let reach = try XCTUnwrap(document.sections.first { $0.title == "Who to reach" })
        XCTAssertEqual(document.keyFindings.last?.finding, reach.paragraphs[0])
        // Every account is chosen, so every run reaches all 7: the 256-run pilot settles the interval.
        XCTAssertEqual(reach.paragraphs[0], "If these 7 accounts (first a1, b2, a2) posted the same content, it would reach 7 accounts on average, themselves included (95% interval 7–7, 256 simulations).", "k = 10 asked, but there are 7 accounts")
        // On 2.5M posts the interval read "5.156e+04–5.258e+04".
        XCTAssertEqual([51_555.7, 1_000, 999.96, 12.3456, 7].map(BriefingBuilder.reachText), ["51,556", "1,000", "1000", "12.35", "7"])
        let markdown = document.markdown()
        let findings = try XCTUnwrap(markdown.range(of: "## Key findings\n\n- **Key opinion leaders**: Top source (the only source): a1, reposted by 3 distinct accounts.\n"), String(markdown.prefix(900)))
        XCTAssertLessThan(findings.lowerBound, try XCTUnwrap(markdown.range(of: "## Dataset")).lowerBound)
        let dataset = try XCTUnwrap(document.sections.first { $0.title == "Dataset" })
        let overview = try XCTUnwrap(dataset.tables.first { $0.name == "overview" })
        XCTAssertGreaterThan(overview.rows.count, 12)
        XCTAssertTrue(markdown.contains("| input format | "), "the overview is shown whole, its last row included")
        XCTAssertTrue(document.html().contains("<div class=\"findings\"><h2>Key findings</h2><ul><li><strong>Key opinion leaders</strong>: Top source (the only source): a1"))
    }

    func testLinkSharingBriefingFindsCoSharingOfLinks() throws {
        // A CrowdTangle-style export: two pages share the same two links 30 s and 20 s apart.
        let path = NSTemporaryDirectory() + "links-" + UUID().uuidString + ".csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("""
            "id","expanded","date","account.url","account.name"
            1,"http://x.example/a","2021-01-13 21:41:10","https://fb.com/g1","G1"
            2,"http://x.example/a","2021-01-13 21:41:40","https://fb.com/g2","G2"
            3,"http://x.example/b","2021-01-13 22:00:00","https://fb.com/g1","G1"
            4,"http://x.example/b","2021-01-13 22:00:20","https://fb.com/g2","G2"

            """.utf8).write(to: URL(fileURLWithPath: path))
        var options = Self.options
        options.coordinationShuffles = 0
        let document = BriefingBuilder(dataset: try DatasetLoader.load(path), options: options).build()
        let coordination = try XCTUnwrap(document.sections.first { $0.title == "Coordination" })
        XCTAssertEqual(coordination.paragraphs[0], "1 pair of accounts shared at least 2 of the same links within 600 s of each other; 2 accounts fall into 1 group (Louvain communities).")
        XCTAssertTrue(coordination.paragraphs[1].hasPrefix("Group 1 (2 accounts, 1 tie): most central G1 (2 links in common, summed over its partners), G2 (2 links in common, summed over its partners)"), coordination.paragraphs[1])
        XCTAssertEqual(
            coordination.paragraphs.last,
            "The same network and groups at the command line: `reachgraph coordination INPUT --window 600s --weight objects --min-weight 2 --groups louvain --seed 1 --object url`, "
                + "with INPUT and the options that read it (a store's `--period`, `--map` …) as given to `brief`."
        )
    }

    func testIndexWithoutIndexedRowsIsSkippedWithItsReason() throws {
        let dataset = try SampleDatasets.load(
            accounts: "id,kind,city\na,city_account,Alpha\nb,city_account,Beta", relations: "source,target,relation\na,b,repost",
            metrics: "account,platform,period,posts\na,weibo,2025-05,3\nb,weibo,2025-05,4"
        )
        let options = Self.options
        let index = try XCTUnwrap(BriefingBuilder(dataset: dataset, options: options).build().sections.first { $0.title == "Communication power index" })
        XCTAssertTrue(index.tables.isEmpty && index.figures.isEmpty)
        XCTAssertEqual(index.notes, [
            "skipped: no composite ranking in 2025-05: no metrics row is on a platform the weights index (facebook, x, instagram, youtube, tiktok); "
                + "metrics rows on platforms without weights left out: weibo (2)",
        ])
    }

    func testOneRepostedPostIsSaidInTheSingular() throws {
        let document = try Self.briefing(
            accounts: "id,kind\na,city_account\nb,influencer\nc,community",
            posts: "post_id,author,time,root_post\np1,a,1700000000,\np2,b,1700000060,p1\np3,c,1700000120,p1\np4,c,1700000200,"
        )
        let cascades = try XCTUnwrap(document.sections.first { $0.title == "Cascades" })
        XCTAssertTrue(cascades.paragraphs[0].hasPrefix("1 post was reposted at least once; a cascade has 3 participants on average."), cascades.paragraphs[0])
        XCTAssertTrue(cascades.figures.contains { $0.name == "stage-paths" }, "city account → influencer → community")
        // The same cascade among accounts of one kind: a stage-path figure would be one box.
        let oneKind = try Self.briefing(
            accounts: "id,kind\na,other\nb,other\nc,other",
            posts: "post_id,author,time,root_post\np1,a,1700000000,\np2,b,1700000060,p1\np3,c,1700000120,p1"
        )
        let plain = try XCTUnwrap(oneKind.sections.first { $0.title == "Cascades" })
        XCTAssertEqual(plain.figures.map(\.name), ["cascade-largest"])
    }

    func testRepostsOfPostsOutsideTheDataAreSaidSoAndThePickupSectionNeedsLocalAccounts() throws {
        // Three reposts of two originals the export does not hold (their authors are named).
        let document = try Self.briefing(
            accounts: "id,kind\na,other\nb,other\nc,other",
            posts: "post_id,author,time,parent_post,parent_author\np1,b,1700000000,x1,a\np2,c,1700000060,x1,a\np3,c,1700000120,x2,b"
        )
        let cascades = try XCTUnwrap(document.sections.first { $0.title == "Cascades" })
        XCTAssertEqual(
            cascades.paragraphs[0],
            "No cascade can be traced: 3 reposts lead back to a post that is not in the data (an export often holds reposts without what they repost). The repost relations still count in the other sections."
        )
        XCTAssertNotNil(document.sections.first { $0.title == "Key opinion leaders" }, "the reposts still make relations")
        XCTAssertFalse(document.sections.contains { $0.title.hasPrefix("Local creation") }, "no city account or local centre")

        let local = try Self.briefing(accounts: "id,kind\na,city_account\nb,influencer", posts: "post_id,author,time,root_post\np1,a,1700000000,\np2,b,1700000060,p1")
        XCTAssertTrue(local.sections.contains { $0.title.hasPrefix("Local creation") })
    }

    func testTiedMostFrequentPickupPairsAreAllNamed() throws {
        // i1 picks up both of Alpha's originals, i2 both of Beta's, i3 one of Alpha's: a tie at 2.
        let document = try Self.briefing(
            accounts: "id,kind,city\na,city_account,Alpha\nb,city_account,Beta\ni1,influencer,\ni2,influencer,\ni3,influencer,",
            posts: """
                post_id,author,time,parent_post
                p1,a,1700000000,
                p2,a,1700010000,
                q1,b,1700020000,
                q2,b,1700030000,
                r1,i1,1700000060,p1
                r2,i1,1700010060,p2
                r3,i2,1700020060,q1
                r4,i2,1700030060,q2
                r5,i3,1700000120,p1
                """
        )
        let pickup = try XCTUnwrap(document.sections.first { $0.title.hasPrefix("Local creation") })
        XCTAssertTrue(pickup.paragraphs.contains("Most frequent pairs, 2 tied at 2 pickups each: i1 with Alpha's, i2 with Beta's originals."), "\(pickup.paragraphs)")
    }

    func testTopSourceIsTheMostRepostedAndLeads() throws {
        // s is reposted by six accounts and reposts no one; t, one of them, is reposted by four and
        // lies on the paths from s. Both are sources; the sentence names s, reposted by more, and
        // s leads by score: betweenness does not apply to an account nobody it reposted, so a
        // relay's bridging does not lift it above the source it relays (on the Weibo CED export,
        // the source reposted by 650 accounts ranked 1,755th when betweenness 0 counted for it).
        let fillers = (1 ... 9).map { "f\($0),community" }.joined(separator: "\n")
        let reposters = ["r1", "r2", "r3", "r4", "r5", "u1", "u2", "u3", "u4"].map { "\($0),community" }.joined(separator: "\n")
        let dataset = try SampleDatasets.load(
            accounts: "id,kind\ns,media_centre\nt,influencer\n\(reposters)\n\(fillers)",
            relations: "source,target,relation\n" + ["r1", "r2", "r3", "r4", "r5", "t"].map { "s,\($0),repost" }.joined(separator: "\n") + "\n"
                + ["u1", "u2", "u3", "u4"].map { "t,\($0),repost" }.joined(separator: "\n")
        )
        let leaders = try KeyOpinionLeaders(dataset: dataset)
        let s = leaders.profiles[Int(try XCTUnwrap(dataset.index(ofAccount: "s")))]
        let t = leaders.profiles[Int(try XCTUnwrap(dataset.index(ofAccount: "t")))]
        XCTAssertEqual(s.roles, ["source"])
        XCTAssertEqual(t.roles, ["source", "bridge"])
        XCTAssertGreaterThan(s.score, t.score)
        XCTAssertEqual(s.score, 1, accuracy: 1e-12, "first by source rank and by reposters")
        XCTAssertGreaterThan(s.sourceRank, t.sourceRank)
        let options = Self.options
        let section = try XCTUnwrap(BriefingBuilder(dataset: dataset, options: options).build().sections.first { $0.title == "Key opinion leaders" })
        let source = try XCTUnwrap(section.paragraphs.first { $0.hasPrefix("Top source") }, "\(section.paragraphs)")
        XCTAssertTrue(source.hasPrefix("Top source (first of 2 sources): s (media centre), reposted by 6 distinct accounts"), source)
    }

    func testWhatAGroupSharedMostSaysWhenItIsTheSameText() {
        // Groups come from the reposted post; a content hash names identical text, not that post.
        XCTAssertEqual(CoordinationFindings.objectText("4fd5cf134ced1ebc", .contentHash), "the same text (content hash 4fd5cf134ced1ebc)")
        XCTAssertEqual(CoordinationFindings.objectText("p1", .parent), "post p1")
    }
}
