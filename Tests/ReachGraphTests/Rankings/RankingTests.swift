import ReachGraph
import ReachGraphCore
import XCTest

final class RankingTests: XCTestCase {
    /// hub → a, b, c; a → d; b → d; c → e (a "1+N"-like fan-out with a second stage), and
    /// `accounts` and `relations` (CSV rows) after them.
    private func dataset(accounts: [String] = [], relations: [String] = []) throws -> Dataset {
        let folder = try TemporaryFolder()
        try folder.write("accounts.csv", ([
            "id,kind,province,tier",
            "hub,media_centre,Hunan,provincial",
            "a,city_account,Hunan,municipal",
            "b,city_account,Zhejiang,municipal",
            "c,influencer,,overseas",
            "d,community,,overseas",
            "e,community,,overseas",
        ] + accounts).joined(separator: "\n"))
        try folder.write("relations.csv", ([
            "source,target,relation,weight",
            "hub,a,repost,3",
            "hub,b,repost,2",
            "hub,c,repost,1",
            "a,d,repost,1",
            "b,d,repost,1",
            "c,e,repost,4",
            "a,b,collaboration,1",
        ] + relations).joined(separator: "\n"))
        return try DatasetLoader.load(folder.path)
    }

    func testCompetitionRanksTiesAndFilters() throws {
        let data = try dataset()
        let scores: [Double] = [5, 3, 3, 3, 1, .nan]
        let ranked = Ranking.rank(scores, in: data)
        XCTAssertEqual(ranked.map(\.rank), [1, 2, 2, 2, 5, 6])
        XCTAssertEqual(ranked.map { data.accounts[Int($0.account)].id }, ["hub", "a", "b", "c", "d", "e"])
        // A cut does not split a tie that at most doubles the list…
        XCTAssertEqual(Ranking.rank(scores, in: data, limit: 2).count, 4)
        XCTAssertNil(Ranking.cut(scores, in: data, limit: 2).note())
        XCTAssertEqual(Ranking.rank(scores, in: data, limit: 1).count, 1)
        // …and stops at the limit before a larger one (a star's leaves, all tied), saying so.
        let star = Ranking.cut([5, 3, 3, 3, 3, 3], in: data, limit: 2)
        XCTAssertEqual(star.ranked.map { data.accounts[Int($0.account)].id }, ["hub", "a"])
        XCTAssertEqual(star.ranked.map(\.rank), [1, 2])
        XCTAssertEqual(star.tiedLeftOut, 4)
        XCTAssertEqual(star.note(), "5 accounts tie at rank 2 (score 3); the first by id is listed, 4 are not (--top 6 lists them)")
        XCTAssertEqual(Ranking.cut([5, 3, 3, 3, 3, 3], in: data, limit: 3).ranked.count, 6, "3 more tied with a limit of 3: kept")
        let hunan = Ranking.rank(scores, in: data, filter: AccountFilter(provinces: ["hunan"]))
        XCTAssertEqual(hunan.map { data.accounts[Int($0.account)].id }, ["hub", "a"])
        let overseas = Ranking.rank(scores, in: data, filter: AccountFilter(kinds: [.community], tiers: [.overseas]))
        XCTAssertEqual(overseas.map(\.rank), [1, 2])
        XCTAssertEqual(Ranking.ranks(of: [1, 3, 3, 2]), [4, 1, 1, 3])
        XCTAssertEqual(Ranking.percentiles(of: [10, 20, 20, 30]), [0, 0.5, 0.5, 1])
    }

    func testMeasuresByNameAndOrientation() throws {
        let data = try dataset()
        let graph = data.graph()
        let outDegree = try RankingMeasure.outDegree.scores(on: graph)
        XCTAssertEqual(outDegree[0], 3.0 / 5.0, accuracy: 1e-12, "hub reaches 3 of 5 others")
        let sourceRank = try RankingMeasure.sourceRank.scores(on: graph)
        XCTAssertEqual(Ranking.rank(sourceRank, in: data).first.map { data.accounts[Int($0.account)].id }, "hub")
        let pageRank = try RankingMeasure.pageRank.scores(on: graph)
        XCTAssertEqual(try graph.pageRank(), pageRank)
        XCTAssertNotEqual(Ranking.rank(pageRank, in: data).first.map { data.accounts[Int($0.account)].id }, "hub")
        // By hand on hub→a 3, hub→b 2, hub→c 1, a→d, b→d, c→e 4 and a↔b (a collaboration: both
        // ways); nodes hub, a, b, c, d, e; n − 1 = 5.
        let byHand: [RankingMeasure: [Double]] = [
            .degree: [3, 4, 4, 2, 2, 1].map { $0 / 5 },
            .inDegree: [0, 2, 2, 1, 2, 1].map { $0 / 5 },
            .outDegree: [3, 2, 2, 1, 0, 0].map { $0 / 5 },
            .strength: [6, 6, 5, 5, 2, 4],
            .inStrength: [0, 4, 3, 1, 2, 4],
            .outStrength: [6, 2, 2, 4, 0, 0],
            // Peeling on in + out degree: e, then c, go at 1; the rest hold at 2.
            .core: [2, 2, 2, 1, 2, 1],
            // Pairs through a node over (n − 1)(n − 2) = 20: hub→d splits over a and b, hub→e runs through c.
            .betweenness: [0, 0.5, 0.5, 1, 0, 0].map { $0 / 20 },
            // Incoming distances: d is 1 from a and b and 2 from hub; e is 1 from c and 2 from hub.
            .harmonic: [0, 2, 2, 1, 2.5, 1.5],
            // Wasserman–Faust: (r / (n − 1)) · (r / Σ distance) over the r accounts that reach the node.
            .closeness: [0, 0.4, 0.4, 0.2, 0.6 * 0.75, 0.4 * 2 / 3],
        ]
        for (measure, expected) in byHand {
            let scores = try measure.scores(on: graph)
            XCTAssertEqual(scores.count, expected.count, measure.rawValue)
            for (score, value) in zip(scores, expected) { XCTAssertEqual(score, value, accuracy: 1e-12, measure.rawValue) }
        }
        // The others are the engine's functions (each checked against NetworkX in ReachGraphCoreTests).
        XCTAssertEqual(try RankingMeasure.hitsHub.scores(on: graph), try graph.hits(HITSOptions(maxIterations: 1000)).hubs)
        XCTAssertEqual(try RankingMeasure.hitsAuthority.scores(on: graph), try graph.hits(HITSOptions(maxIterations: 1000)).authorities)
        XCTAssertEqual(try RankingMeasure.katz.scores(on: graph), try graph.katzCentrality())
        XCTAssertEqual(try RankingMeasure.collectiveInfluence.scores(on: graph), try graph.collectiveInfluence(radius: 2))
        let spreaders = graph.voteRank()
        XCTAssertEqual(try RankingMeasure.voteRank.scores(on: graph).enumerated().filter { $0.element > 0 }.map { 1 / $0.element }.sorted(), (1 ... spreaders.count).map(Double.init))
        let exact = try RankingMeasure.betweenness.scores(on: graph)
        var settings = RankingMeasure.Settings()
        settings.maximumError = 0.01
        for (approximate, value) in zip(try RankingMeasure.approximateBetweenness.scores(on: graph, settings: settings), exact) {
            XCTAssertEqual(approximate, value, accuracy: 0.01, "within ε")
        }
        // Without ε the sampler settles the top 20; on six accounts that means every source.
        let adaptive = try RankingMeasure.approximateBetweenness.evaluate(on: graph)
        for (value, expected) in zip(adaptive.values, exact) { XCTAssertEqual(value, expected, accuracy: 1e-15) }
        XCTAssertEqual(adaptive.warnings, [])
    }

    func testApproximateBetweennessWarnsWhenEpsilonCannotSeparateTheTopK() throws {
        let data = try dataset()
        // Exact betweenness is c 1/20, a and b 1/40 each: a fixed ε = 0.3 cannot tell the top 2.
        var settings = RankingMeasure.Settings()
        settings.maximumError = 0.3
        let coarse = try MeasureRanking(dataset: data, measure: .approximateBetweenness, settings: settings, top: 2)
        XCTAssertEqual(coarse.warnings.count, 1)
        XCTAssertTrue(coarse.warnings[0].hasPrefix("betweenness-approx: ε = 0.3 cannot separate the top 2: the estimates ranked 2 and 3 lie "), coarse.warnings[0])
        XCTAssertEqual(coarse.notes, [])
        // The default follows all three accounts that can route anything (hub, and a and b through
        // their collaboration tie) and gives the exact values.
        let adaptive = try MeasureRanking(dataset: data, measure: .approximateBetweenness, top: 2)
        XCTAssertEqual(adaptive.warnings, [])
        XCTAssertEqual(adaptive.notes, ["betweenness-approx: all 3 contributing searches followed (exact values)"])
        XCTAssertEqual(adaptive.ranked.map { data.accounts[Int($0.account)].id }, ["c", "a", "b"])
        for (ranked, expected) in zip(adaptive.ranked, [1.0 / 20, 1.0 / 40, 1.0 / 40]) { XCTAssertEqual(ranked.score, expected, accuracy: 1e-15) }
    }

    func testKeyOpinionLeaderBetweennessIsExactWithinTheBudget() throws {
        let data = try dataset()
        let exact = try KeyOpinionLeaders(dataset: data)
        XCTAssertTrue(exact.betweennessNote.hasPrefix("betweenness: exact (estimated "), exact.betweennessNote)
        XCTAssertTrue(exact.betweennessNote.hasSuffix("on one thread, within the 5 s budget)"), exact.betweennessNote)
        // A zero budget always samples; on this graph the sampler still takes every source.
        let sampled = try KeyOpinionLeaders(dataset: data, budget: .init(seconds: 0, topCount: 2))
        XCTAssertTrue(sampled.betweennessNote.hasPrefix("betweenness: exact would take an estimated "), sampled.betweennessNote)
        XCTAssertTrue(sampled.betweennessNote.hasSuffix("over the 0 s budget; sampled 1 of 1 searches (100%) until the top 2 was settled (which took every search: exact values)"), sampled.betweennessNote)
        XCTAssertEqual(sampled.profiles.map(\.betweenness), exact.profiles.map(\.betweenness))
        XCTAssertEqual(sampled.profiles.map(\.score), exact.profiles.map(\.score))
    }

    func testKeyOpinionLeaderBootstrapIsPricedBeforeItRuns() throws {
        let data = try dataset()
        let leaders = try KeyOpinionLeaders(dataset: data)
        // Exact here: the estimate's searches plus every contributing search, at the cost model's rate.
        let cost = data.graph(types: KeyOpinionLeaders.amplificationTypes).exactBetweennessCost(seed: 1)
        let perSearch = cost.estimatedSeconds / Double(cost.contributingSources)
        XCTAssertEqual(leaders.betweennessSeconds, cost.estimatedSeconds + Double(cost.sampledSources) * perSearch, accuracy: 1e-15)
        XCTAssertGreaterThan(leaders.betweennessSeconds, 0)
        let unbounded = try KeyOpinionLeaderRanking(dataset: data, top: 3, bootstrapReplicates: 5, seed: 2)
        XCTAssertNil(unbounded.bootstrapNote)
        XCTAssertEqual(unbounded.bootstrap?.replicates, 5)
        // A budget the five replicates fit in changes nothing; one they do not fit in skips them.
        let roomy = try KeyOpinionLeaderRanking(dataset: data, top: 3, bootstrapReplicates: 5, seed: 2, bootstrapBudget: 5 * leaders.betweennessSeconds)
        XCTAssertEqual(roomy.bootstrap?.entries, unbounded.bootstrap?.entries)
        XCTAssertNil(roomy.bootstrapNote)
        let tight = try KeyOpinionLeaderRanking(dataset: data, top: 3, bootstrapReplicates: 5, seed: 2, bootstrapBudget: 4 * leaders.betweennessSeconds)
        XCTAssertNil(tight.bootstrap)
        XCTAssertEqual(tight.ranked, unbounded.ranked)
        XCTAssertEqual(
            tight.bootstrapNote,
            "rank intervals skipped: 5 bootstrap replicates would take an estimated 1 s on one thread (betweenness alone), over the budget of \(String(format: "%g", 4 * leaders.betweennessSeconds)) s"
        )
        XCTAssertNil(try KeyOpinionLeaderRanking(dataset: data, top: 3, bootstrapBudget: 0).bootstrapNote, "no bootstrap asked for, none skipped")
    }

    func testKeyOpinionLeaderSamplerRunsTheSearchesThatFitTheBudget() {
        // A working set in cache: 4.8e10 visits at 2e8 per second, 240 s of one thread over
        // 10,000 searches, 24 ms each. 60 s fit 2,500 searches: a pilot of 256 (run twice) and
        // 2,244 in all. 2 s fit 83: a pilot of 32 (the floor), 64 in all (the 96-search floor).
        let cost = BetweennessCost(contributingSources: 10_000, sampledSources: 64, estimatedVisits: 4.8e10)
        XCTAssertEqual(cost.estimatedSeconds, 240, accuracy: 1e-9)
        XCTAssertEqual(cost.searches(within: 60), 2_500)
        let sixty = KeyOpinionLeaders.BetweennessBudget(seconds: 60).samplerOptions(for: cost)
        XCTAssertEqual([sixty.initialSampleSize, sixty.maximumSearches], [256, 2_244])
        let two = KeyOpinionLeaders.BetweennessBudget(seconds: 2).samplerOptions(for: cost)
        XCTAssertEqual([two.initialSampleSize, two.maximumSearches], [32, 64])
        // 12 s fit 500: a pilot of a third, 166, and 334 more.
        let twelve = KeyOpinionLeaders.BetweennessBudget(seconds: 12).samplerOptions(for: cost)
        XCTAssertEqual([twelve.initialSampleSize, twelve.maximumSearches], [166, 334])
        XCTAssertEqual(KeyOpinionLeaders.BetweennessBudget(seconds: 0).samplerOptions(for: cost).maximumSearches, 64)
    }

    func testBetweennessRateFallsWithTheWorkingSet() {
        // Up to 1 MiB the cached rate; 32 MiB is 32^0.3 = 2.83 times slower, so the same visits
        // take 2.83 times as long and fewer searches fit.
        let cached = BetweennessCost(contributingSources: 1_000, sampledSources: 64, estimatedVisits: 2e9, workingSetBytes: 1 << 20)
        XCTAssertEqual(cached.visitsPerSecond, 2e8)
        XCTAssertEqual(cached.estimatedSeconds, 10, accuracy: 1e-9)
        let large = BetweennessCost(contributingSources: 1_000, sampledSources: 64, estimatedVisits: 2e9, workingSetBytes: 32 << 20)
        XCTAssertEqual(large.visitsPerSecond, 2e8 / pow(32, 0.3), accuracy: 1)
        XCTAssertEqual(large.estimatedSeconds, 10 * pow(32, 0.3), accuracy: 1e-9)
        XCTAssertEqual(large.searches(within: 10), Int((1_000 / pow(32, 0.3)).rounded(.down)))
        XCTAssertEqual(large.searches(within: 10), 353)
    }

    func testBrokerageByHandWithAReciprocatedTieAndGroupsSharedAcrossAccounts() throws {
        let folder = try TemporaryFolder()
        try folder.write("accounts.csv", """
            id,kind
            x,influencer
            y,community
            z,influencer
            m,community
            w,city_account
            v,community
            """)
        // m: in from x, y, z; out to w, x (reciprocated), v. w: in from m and z; out to v.
        try folder.write("relations.csv", """
            source,target,relation,weight
            x,m,repost,1
            y,m,repost,2
            z,m,repost,1
            m,w,repost,1
            m,x,repost,1
            m,v,repost,1
            z,w,repost,1
            w,v,repost,3
            """)
        let leaders = try KeyOpinionLeaders(dataset: try DatasetLoader.load(folder.path))
        // m: 3 × 3 pairs less (x, x) = 8; same kind: (z, x) influencers, (y, v) communities, so 6/8.
        // w: (m, v) same kind, (z, v) not: 1/2 — only if m's counts were cleared before w.
        // x: its one pair is with m on both sides, so no pair is left.
        XCTAssertEqual(leaders.profiles.map(\.brokerage), [0, 0, 0, 0.75, 0.5, 0])
    }

    func testKeyOpinionLeaderRolesByHand() throws {
        let data = try dataset()
        let leaders = try KeyOpinionLeaders(dataset: data)
        let hub = leaders.profiles[0]
        XCTAssertEqual(hub.distinctReposters, 3)
        XCTAssertEqual(hub.distinctSources, 0)
        XCTAssertEqual(hub.brokerage, 0, "no in-neighbours: brokers nothing")
        // c: in from hub (media_centre), out to e (community): every pair crosses kinds.
        XCTAssertEqual(leaders.profiles[3].brokerage, 1)
        // a: in from hub (media_centre); out to d (community): crosses. Collaborations are not amplification.
        XCTAssertEqual(leaders.profiles[1].distinctReposters, 1)
        XCTAssertTrue(hub.roles.contains("source"))
        // Percentiles by hand: source-rank hub > c > a = b > d = e; reposters hub > a = b = c > d = e;
        // betweenness among the accounts with betweenness above 0 (a, b, c): c (1 pair) 1,
        // a = b (half a pair each) 0.25; 0 for hub, d and e. The score is the larger of all three
        // terms and the first two over 0.7.
        XCTAssertEqual(hub.score, 1, "first by source rank and by reposters: (0.4 + 0.3) / 0.7")
        // a: bridging (0.455) would lower it below its reach alone (0.543): reposting never costs.
        XCTAssertEqual(leaders.profiles[1].score, (0.4 * 0.5 + 0.3 * 0.6) / 0.7, accuracy: 1e-12)
        XCTAssertEqual(leaders.profiles[3].score, 0.4 * 0.8 + 0.3 * 0.6 + 0.3 * 1, accuracy: 1e-12, "c: bridging raises it above 0.714")
        XCTAssertEqual(leaders.profiles[4].score, (0.4 * 0.1 + 0.3 * 0.1) / 0.7, accuracy: 1e-12)
        XCTAssertEqual(leaders.profiles.map(\.roles), [["source"], [], [], ["bridge"], [], []])
        let best = Ranking.rank(leaders.profiles.map(\.score), in: data, limit: 1)
        XCTAssertEqual(best.first?.account, 0, "the most reposted source leads: betweenness does not apply to it, and counts for c, which relays it")
    }

    func testAnAccountOnNoShortestPathIsNoBridge() throws {
        // x → y → z and x → z: y has an in- and an out-edge but lies on no shortest path. Ranked
        // among the accounts that could broker, its betweenness 0 was the only value, percentile 1:
        // a bridge with betweenness 0, and 0.3 more score.
        let folder = try TemporaryFolder()
        try folder.write("accounts.csv", "id,kind\nx,media_outlet\ny,embassy\nz,influencer\n")
        try folder.write("relations.csv", "source,target,relation\nx,y,repost\ny,z,repost\nx,z,repost\n")
        let leaders = try KeyOpinionLeaders(dataset: try DatasetLoader.load(folder.path))
        let y = leaders.profiles[1]
        XCTAssertEqual(y.betweenness, 0)
        XCTAssertEqual(y.roles, [])
        // Source rank z < y < x, reposters z (0) < y (1) < x (2): y is at 0.5 of both.
        XCTAssertEqual(y.score, (4 * 0.5 + 3 * 0.5) / 7, accuracy: 1e-12)
    }

    func testAccountsWithoutTiesMoveNoKeyOpinionLeaderScore() throws {
        // A store's month holds every account of every platform; those without a repost or quote
        // tie that month score 0 and leave the others' percentiles, and so their scores, as they are.
        let data = try dataset()
        let wide = try dataset(accounts: (1 ... 12).map { "x\($0),community,,overseas" }, relations: ["x1,x2,collaboration,1"])
        let wider = try KeyOpinionLeaders(dataset: wide)
        XCTAssertEqual(wider.profiles.prefix(6).map(\.score), try KeyOpinionLeaders(dataset: data).profiles.map(\.score))
        XCTAssertEqual(Set(wider.profiles.dropFirst(6).map(\.score)), [0], "a collaboration is no amplification tie")
    }

    func testBootstrapIsSeededAndThreadIndependent() throws {
        let data = try dataset()
        let scores = try RankingMeasure.outStrength.scores(on: data.graph())
        let top = Ranking.rank(scores, in: data, limit: 2)
        let first = try RankBootstrap(dataset: data, top: top, k: 2, replicates: 200, seed: 9) { try RankingMeasure.outStrength.scores(on: $0) }
        let second = try RankBootstrap(dataset: data, top: top, k: 2, replicates: 200, seed: 9) { try RankingMeasure.outStrength.scores(on: $0) }
        XCTAssertEqual(first.entries, second.entries)
        let hub = try XCTUnwrap(first.entries.first { $0.account == 0 })
        XCTAssertGreaterThan(hub.probabilityInTopK, 0.9, "hub's 6 reposts dominate")
        XCTAssertEqual(hub.rankInterval.lowerBound, 1)
        let other = try RankBootstrap(dataset: data, top: top, k: 2, replicates: 200, seed: 10) { try RankingMeasure.outStrength.scores(on: $0) }
        XCTAssertNotEqual(first.entries.map(\.probabilityInTopK), other.entries.map(\.probabilityInTopK) + [0])
    }

    func testKeyOpinionLeaderRankingCutsAndBootstraps() throws {
        let data = try dataset()
        // Scores by hand (see above): hub 1, c 0.8; the cut at 1 keeps hub alone.
        let ranking = try KeyOpinionLeaderRanking(dataset: data, top: 1, bootstrapReplicates: 50, seed: 4)
        XCTAssertEqual(ranking.ranked.map { data.accounts[Int($0.account)].id }, ["hub"])
        let table = ranking.table(dataset: data)
        XCTAssertEqual(table.name, "key_opinion_leaders")
        XCTAssertEqual(table.columns.suffix(3), ["rank_low", "rank_high", "p_top_k"])
        XCTAssertEqual(table.rows.first?[2], .number(1))
        let again = try KeyOpinionLeaderRanking(dataset: data, top: 1, bootstrapReplicates: 50, seed: 4)
        XCTAssertEqual(ranking.bootstrap?.entries, again.bootstrap?.entries)
        let plain = try KeyOpinionLeaderRanking(dataset: data, filter: AccountFilter(kinds: [.community]), top: 5)
        XCTAssertNil(plain.bootstrap)
        XCTAssertEqual(plain.ranked.map { data.accounts[Int($0.account)].id }.sorted(), ["d", "e"])
    }

    func testMeasureRankingTable() throws {
        let data = try dataset()
        // Out-strength over repost and collaboration ties: hub 6, c 4, a 1 + 1 (collaboration), b 1 + 1.
        let ranking = try MeasureRanking(dataset: data, measure: .outStrength, top: 3)
        let table = ranking.table(dataset: data)
        XCTAssertEqual(table.rows.map { $0.prefix(3) }, [
            [.integer(1), .text("hub"), .number(6)], [.integer(2), .text("c"), .number(4)],
            [.integer(3), .text("a"), .number(2)], [.integer(3), .text("b"), .number(2)],
        ])
        XCTAssertNil(ranking.bootstrap)
        XCTAssertNil(try MeasureRanking(dataset: data, measure: .outStrength, bootstrapReplicates: 10).bootstrap, "no top N, no bootstrap")
    }
}
