import Foundation
@testable import ReachGraph
import ReachGraphCore
import XCTest

final class CoordinationTests: XCTestCase {
    /// Hand-made shares (account, object, time); messages are `m<row>`.
    ///
    /// x1: a@0 b@30 c@100 · x2: a@200 b@205 b@210 · x3: c@300 d@301 a@400 · x4: d@500 c@560 · x5: e@0 e@5
    private func handLog() -> ShareLog {
        let rows: [(String, String, Double)] = [
            ("a", "x1", 0), ("b", "x1", 30), ("c", "x1", 100),
            ("a", "x2", 200), ("b", "x2", 205), ("b", "x2", 210),
            ("c", "x3", 300), ("d", "x3", 301), ("a", "x3", 400),
            ("d", "x4", 500), ("c", "x4", 560),
            ("e", "x5", 0), ("e", "x5", 5),
        ]
        var log = ShareLog()
        for (index, row) in rows.enumerated() { log.append(account: row.0, object: row.1, message: "m\(index)", time: row.2) }
        return log
    }

    private func edges(_ network: CoActionNetwork) -> [String: CoActionEdge] {
        var result: [String: CoActionEdge] = [:]
        for edge in network.edges { result["\(network.accountIDs[Int(edge.accountA)])-\(network.accountIDs[Int(edge.accountB)])"] = edge }
        return result
    }

    func testPairwiseWeightsFollowCooRTweetAndQUT() throws {
        let network = CoActionNetwork(log: handLog(), options: CoActionOptions(window: 60))
        // a–b: (0,30) on x1, (200,205) and (200,210) on x2; c–d: Δ1 on x3 and Δ60 (inclusive) on x4.
        XCTAssertEqual(network.pairCount, 5)
        let found = edges(network)
        XCTAssertEqual(Set(found.keys), ["a-b", "c-d"])
        let ab = try XCTUnwrap(found["a-b"])
        XCTAssertEqual(ab.coShares, 3)
        XCTAssertEqual(ab.objects, 2)
        // QUT: a's messages matched by b: m0, m3 → 2; b's matched by a: m1, m4, m5 → 3.
        XCTAssertEqual(ab.messagesA, 2)
        XCTAssertEqual(ab.messagesB, 3)
        XCTAssertEqual(ab.symmetry, 2.0 / 3.0, accuracy: 1e-12)
        XCTAssertEqual(ab.meanDelta, 15, accuracy: 1e-12)
        let cd = try XCTUnwrap(found["c-d"])
        XCTAssertEqual([cd.coShares, cd.objects, cd.messagesA, cd.messagesB], [2, 2, 2, 2])
        XCTAssertEqual(cd.meanDelta, 30.5, accuracy: 1e-12)
        XCTAssertEqual(network.edges.map(\.coShares), [3, 2], "heaviest first")
    }

    func testNarrowWindowAndSelfLoops() throws {
        let narrow = CoActionNetwork(log: handLog(), options: CoActionOptions(window: 1))
        XCTAssertEqual(Set(edges(narrow).keys), ["c-d"])
        let loops = CoActionNetwork(log: handLog(), options: CoActionOptions(window: 60, selfLoops: true))
        let found = edges(loops)
        XCTAssertEqual(Set(found.keys), ["a-b", "c-d", "b-b", "e-e"])
        // b reposted x2 twice 5 s apart: one pair, both messages matched.
        XCTAssertEqual(found["b-b"]?.coShares, 1)
        XCTAssertEqual(found["b-b"]?.messagesA, 2)
        XCTAssertEqual(found["b-b"]?.symmetry, 1)
        XCTAssertEqual(loops.pairCount, 7)
    }

    func testQUTMinimumEdgeWeightOnDirectedMessages() {
        // QUT keeps a directed edge when its distinct-message count reaches the minimum; read as
        // undirected, an edge stays when either direction does: a→b 2, b→a 3.
        let three = CoActionNetwork(log: handLog(), options: CoActionOptions(window: 60, weight: .messages, minWeight: 3))
        XCTAssertEqual(Set(edges(three).keys), ["a-b"])
        let four = CoActionNetwork(log: handLog(), options: CoActionOptions(window: 60, weight: .messages, minWeight: 4))
        XCTAssertTrue(four.edges.isEmpty)
        XCTAssertEqual(four.unfilteredEdgeCount, 2)
    }

    func testQUTToolkitSettingsOnTheirShapeOfData() {
        // The shape of QUT's own co-retweet test: node counts for (window, min weight, loops).
        // QUT's self-join also matches each message with itself, so with loops every active account
        // has a self-loop; ReachGraph's self-loops are repeats only, so only loop-free settings
        // are comparable: (1, 1) → 2 nodes, (1, 2) → 0, (60, 1) → 6.
        var log = ShareLog()
        let rows: [(String, String, Double)] = [
            ("u0", "r0", 0), ("u1", "r0", 59), ("u2", "r1", 60), ("u3", "r1", 70), ("u2", "r2", 70), ("u3", "r2", 131),
            ("u4", "r3", 30), ("u5", "r3", 89), ("u4", "r4", 40), ("u5", "r4", 41), ("u10", "r5", 42), ("u10", "r5", 52),
            ("u11", "r6", 42), ("u12", "r6", 300),
        ]
        for (index, row) in rows.enumerated() { log.append(account: row.0, object: row.1, message: "\(index)", time: row.2) }
        for (window, minimum, nodes) in [(1.0, 1.0, 2), (1.0, 2.0, 0), (60.0, 1.0, 6)] {
            let network = CoActionNetwork(log: log, options: CoActionOptions(window: window, weight: .messages, minWeight: minimum))
            XCTAssertEqual(network.connectedAccounts.count, nodes, "window \(window), min weight \(minimum)")
        }
        let wide = CoActionNetwork(log: log, options: CoActionOptions(window: 60, weight: .messages))
        let u4u5 = wide.edges.first { wide.accountIDs[Int($0.accountA)] == "u4" }
        XCTAssertEqual(u4u5?.messagesA, 2)
        XCTAssertEqual(u4u5?.messagesB, 2)
    }

    func testBinsAnchorAtTheFirstShare() {
        // Bins of 60 s from each object's first share: x4's d@500 and c@560 fall in bins 0 and 1.
        let network = CoActionNetwork(log: handLog(), options: CoActionOptions(window: 60, matching: .bins))
        let found = edges(network)
        XCTAssertEqual(found["a-b"]?.coShares, 3)
        XCTAssertEqual(found["c-d"]?.coShares, 1)
        XCTAssertEqual(network.pairCount, 4)
    }

    func testMinimumParticipationKeepsPairsTouchingAKeptAccount() {
        // Minimum 3: d and e are dropped first (2 shares each). a has two matched shares (x1, x2)
        // and falls below 3, b has three; CooRTweet keeps a pair when either side is kept.
        let network = CoActionNetwork(log: handLog(), options: CoActionOptions(window: 60, minParticipation: 3))
        XCTAssertEqual(Set(edges(network).keys), ["a-b"])
        XCTAssertEqual(network.pairCount, 3)
        let two = CoActionNetwork(log: handLog(), options: CoActionOptions(window: 60, minParticipation: 2))
        XCTAssertEqual(Set(edges(two).keys), ["a-b", "c-d"])
    }

    func testRankFilters() {
        let top = CoActionNetwork(log: handLog(), options: CoActionOptions(window: 60, edgeFilter: .top(1)))
        XCTAssertEqual(Set(edges(top).keys), ["a-b"])
        // Weights [2, 3]: the median (type 7) is 2.5, and only edges above it stay.
        let median = CoActionNetwork(log: handLog(), options: CoActionOptions(window: 60, edgeFilter: .percentile(50)))
        XCTAssertEqual(Set(edges(median).keys), ["a-b"])
        let none = CoActionNetwork(log: handLog(), options: CoActionOptions(window: 60, edgeFilter: .percentile(100)))
        XCTAssertTrue(none.edges.isEmpty)
    }

    func testPercentileKeepsEdgesAtTheQuantileWithCooRnetBinsOnly() {
        // At the 0th percentile (the lightest weight): CooRTweet's `weight > q` drops the lightest
        // edge, CooRnet's `weight >= q` keeps every edge.
        let pairwise = CoActionNetwork(log: handLog(), options: CoActionOptions(window: 60, edgeFilter: .percentile(0)))
        XCTAssertEqual(Set(edges(pairwise).keys), ["a-b"])
        let allBinned = CoActionNetwork(log: handLog(), options: CoActionOptions(window: 60, matching: .bins))
        let binned = CoActionNetwork(log: handLog(), options: CoActionOptions(window: 60, matching: .bins, edgeFilter: .percentile(0)))
        XCTAssertGreaterThan(allBinned.edges.count, 1)
        XCTAssertEqual(Set(edges(binned).keys), Set(edges(allBinned).keys))
    }

    func testPopularObjectWithSmallWindowIsLinear() {
        // 200,000 shares of one object, one per second, window 2 s: 2 pairs per share, not n²/2.
        var log = ShareLog()
        for index in 0 ..< 200_000 { log.append(account: "u\(index % 1000)", object: "hot", message: "m\(index)", time: Double(index)) }
        let network = CoActionNetwork(log: log, options: CoActionOptions(window: 2))
        XCTAssertEqual(network.pairCount, 2 * 200_000 - 3)
    }

    func testCandidatePairsAreCountedBeforeTheSweep() {
        // Shares of one object at 0, 5, 9, 30 s; another at 0 and 100 s.
        var log = ShareLog()
        for (index, row) in [("a", "x", 0.0), ("b", "x", 5), ("c", "x", 9), ("d", "x", 30), ("a", "y", 0), ("b", "y", 100)].enumerated() {
            log.append(account: row.0, object: row.1, message: "m\(index)", time: row.2)
        }
        // 10 s: (0,5) (0,9) (5,9); 30 s: also (0,30) (5,30) (9,30); 100 s: also (y 0,100).
        for (window, pairs) in [(1.0, 0), (10.0, 3), (30.0, 6), (100.0, 7)] {
            let options = CoActionOptions(window: window)
            XCTAssertEqual(CoActionCost.candidatePairs(log: log, options: options), pairs, "window \(window)")
            XCTAssertEqual(CoActionNetwork(log: log, options: options).pairCount, pairs, "distinct accounts and messages: every candidate pairs")
        }
        // The 200,000-share object above, window 2 s.
        var hot = ShareLog()
        for index in 0 ..< 200_000 { hot.append(account: "u\(index % 1000)", object: "hot", message: "m\(index)", time: Double(index)) }
        XCTAssertEqual(CoActionCost.candidatePairs(log: hot, options: CoActionOptions(window: 2)), 2 * 200_000 - 3)
    }

    func testGroupsByComponentsAndLouvain() {
        // Two triangles joined by one light edge.
        var log = ShareLog()
        var message = 0
        func share(_ account: String, _ object: String, _ time: Double) {
            log.append(account: account, object: object, message: "m\(message)", time: time)
            message += 1
        }
        for round in 0 ..< 3 {
            for (group, members) in [["a", "b", "c"], ["d", "e", "f"]].enumerated() {
                for member in members { share(member, "o\(group)-\(round)", Double(round * 100)) }
            }
        }
        share("c", "bridge", 0)
        share("d", "bridge", 1)
        let network = CoActionNetwork(log: log, options: CoActionOptions(window: 10))
        let components = CoordinationGroups(network: network, method: .components)
        XCTAssertEqual(components.groups.count, 1)
        let louvain = CoordinationGroups(network: network, method: .louvain, seed: 7)
        XCTAssertEqual(louvain.groups.map { $0.accounts.count }, [3, 3])
        XCTAssertGreaterThan(louvain.modularity, components.modularity)
        XCTAssertEqual(louvain.groups[0].edges, 3)
        XCTAssertEqual(louvain.groups[0].weight, 9)
    }

    func testShuffleBaselineIsSeededAndSeparatesTimingFromPopularity() {
        // Ten accounts that always share within 2 s of each other, over a long period.
        var log = ShareLog()
        var message = 0
        for object in 0 ..< 40 {
            for account in 0 ..< 10 {
                log.append(account: "bot\(account)", object: "o\(object)", message: "m\(message)", time: Double(object * 86_400 + account / 5))
                message += 1
            }
        }
        let network = CoActionNetwork(log: log, options: CoActionOptions(window: 2))
        let first = ShuffleBaseline(log: log, network: network, shuffles: 20, seed: 3)
        let again = ShuffleBaseline(log: log, network: network, shuffles: 20, seed: 3)
        XCTAssertEqual(first.pairs, again.pairs)
        XCTAssertEqual(first.edgeStatistics, again.edgeStatistics)
        XCTAssertEqual(first.pairs.observed, Double(40 * 45))
        XCTAssertLessThan(first.pairs.expected, first.pairs.observed / 10)
        XCTAssertEqual(first.pairs.p, 1.0 / 21.0, accuracy: 1e-12)
        // Each bot pair co-shares all 40 objects; shuffled, hardly ever.
        XCTAssertEqual(first.edgeStatistics[0].p, 1.0 / 21.0, accuracy: 1e-12)
        XCTAssertLessThan(first.edgeStatistics[0].expected, 2)
    }

    func testPerObjectShuffleKeepsEachObjectsTimesAndMovesOnlyWhoSharedWhen() {
        // o1: a, b within 1 s and c 99 s later; o2: a alone; window 2.
        var log = ShareLog()
        log.append(account: "a", object: "o1", message: "m1", time: 0)
        log.append(account: "b", object: "o1", message: "m2", time: 1)
        log.append(account: "c", object: "o1", message: "m3", time: 100)
        log.append(account: "a", object: "o2", message: "m4", time: 500)
        var random = SplitMix64(seed: 9)
        for _ in 0 ..< 50 {
            let times = ShuffleBaseline.permutedWithinObjects(log, random: &random)
            XCTAssertEqual(times[0 ..< 3].sorted(), [0, 1, 100])
            XCTAssertEqual(times[3], 500)
        }
        let network = CoActionNetwork(log: log, options: CoActionOptions(window: 2))
        XCTAssertEqual(network.edges.count, 1)
        let baseline = ShuffleBaseline(log: log, network: network, shuffles: 300, seed: 4, method: .object)
        // Whichever two accounts draw the times 0 and 1 pair: one pair in every shuffle.
        XCTAssertEqual(baseline.pairs.expected, 1)
        XCTAssertEqual(baseline.pairs.standardDeviation, 0)
        XCTAssertNil(baseline.pairs.z)
        XCTAssertEqual(baseline.pairs.p, 1)
        // So the summary does not offer the pairs' count as a test; the edges' stays.
        let summary = network.summaryTable(groups: nil, baseline: baseline).rows.map { "\($0[0])" }
        XCTAssertFalse(summary.contains { $0.contains("pairs: ") }, "\(summary)")
        XCTAssertTrue(summary.contains { $0.contains("edges: z") }, "\(summary)")
        // a–b is that pair in 1/3 of permutations (binomial sd over 300: 0.027).
        XCTAssertEqual(baseline.edgeStatistics[0].expected, 1.0 / 3.0, accuracy: 0.09)
        let circular = ShuffleBaseline(log: log, network: network, shuffles: 300, seed: 4)
        XCTAssertLessThan(circular.pairs.expected, 0.2, "shifted apart, the three accounts rarely meet within 2 s")
    }

    func testShuffleBaselinesAreTheSameOnAnyThreadCount() {
        var log = ShareLog()
        var random = SplitMix64(seed: 5)
        for share in 0 ..< 2_000 {
            log.append(account: "u\(random.next(below: 60))", object: "o\(random.next(below: 40))", message: "m\(share)", time: Double(random.next(below: 20_000)))
        }
        let network = CoActionNetwork(log: log, options: CoActionOptions(window: 120))
        let saved = Parallelism.threadCount
        defer { Parallelism.threadCount = saved }
        for method in ShuffleMethod.allCases {
            Parallelism.threadCount = 1
            let serial = ShuffleBaseline(log: log, network: network, shuffles: 12, seed: 3, method: method)
            Parallelism.threadCount = 4
            let parallel = ShuffleBaseline(log: log, network: network, shuffles: 12, seed: 3, method: method)
            XCTAssertEqual(serial.pairs, parallel.pairs, "\(method)")
            XCTAssertEqual(serial.edges, parallel.edges, "\(method)")
            XCTAssertEqual(serial.edgeStatistics, parallel.edgeStatistics, "\(method)")
        }
    }

    func testPostsTableKeepsRepeatedPostIDs() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("shares.csv", """
            object_id,account_id,content_id,timestamp_share
            o1,a,c1,100
            o2,a,c1,100
            o1,b,c2,105
            o2,b,c3,104
            o3,c,o3,0
            """)
        let aliases = try DatasetLoader.Options.parseColumnMap("post_id=content_id,author=account_id,parent_post=object_id,time=timestamp_share")
        let log = try ShareLog.read(path, options: DatasetLoader.Options(columnAliases: aliases), object: .parent)
        XCTAssertEqual(log.count, 5)
        XCTAssertEqual(log.diagnostics.counts["post ids on several rows (each row kept as a share)"], 1)
        let network = CoActionNetwork(log: log, options: CoActionOptions(window: 10))
        XCTAssertEqual(network.pairCount, 2)
        // c1 matched b on two objects: one distinct message of a.
        XCTAssertEqual(network.edges.first?.messagesA, 1)
        XCTAssertEqual(network.edges.first?.messagesB, 2)
        XCTAssertEqual(network.edges.first?.objects, 2)
    }

    func testPostsTableWithoutRepeatsIsReadByThePostsReader() throws {
        let folder = try TemporaryFolder()
        // p1 is an original (no share); p3 reposts by root only and is dated 1990; p4's quoted
        // field takes the reader's general path; p5 shares itself.
        let path = try folder.write("posts.csv", """
            post_id,author,time,parent_post,root_post
            p1,a,2020-01-01T00:00:00Z,,p1
            p2,b,2020-01-01T00:00:10Z,p1,p1
            p3,c,1990-01-01T00:00:00Z,,p1
            p4,b,"2020-01-01T00:01:00Z",p3,p1
            p5,d,2020-01-01T00:02:00Z,p5,p5
            """)
        let log = try ShareLog.read(path, object: nil)
        XCTAssertEqual(log.object, .parent)
        XCTAssertEqual(log.accounts.identifiers, ["b", "c", "d"])
        XCTAssertEqual(log.objects.identifiers, ["p1", "p3", "p5"])
        XCTAssertEqual(log.messages.identifiers, ["p2", "p3", "p4", "p5"])
        XCTAssertEqual(log.shareAccounts, [0, 1, 0, 2])
        XCTAssertEqual(log.shareObjects, [0, 0, 1, 2])
        XCTAssertEqual(log.shareMessages, [0, 1, 2, 3])
        XCTAssertEqual(log.shareTimes, [1_577_836_810, 631_152_000, 1_577_836_860, 1_577_836_920])
        XCTAssertEqual(log.sharesItself, [false, false, false, true])
        // p5 reposting itself is a loop of one post, which summary reports too.
        XCTAssertEqual(
            log.diagnostics.counts,
            ["posts that repost nothing (not shares)": 1, "times before 2000 or after next year (kept)": 1, "posts whose links loop (no root: skipped by cascades)": 1]
        )
        XCTAssertEqual(log.diagnostics.examples.map(\.line), [4, nil])
    }

    func testHashtagSetsAreSharedInAnyOrderAndCase() throws {
        let folder = try TemporaryFolder()
        // p1 and p2 carry the same set (#a #b) in another order and case; p3 none; "#x" is a
        // post whose id is its own set.
        let path = try folder.write("posts.csv", """
            post_id,author,time,hashtags
            p1,a,1600000000,#B #a
            p2,b,1600000010,#A #b #a
            p3,c,1600000020,
            p5,a,1600000040,#c
            p6,e,1600000050,#a #b
            #x,f,1600000060,#X
            """)
        let log = try ShareLog.read(path, object: .hashtagSet)
        XCTAssertEqual(log.accounts.identifiers, ["a", "b", "e", "f"])
        XCTAssertEqual(log.objects.identifiers, ["#a #b", "#c", "#x"])
        XCTAssertEqual(log.messages.identifiers, ["p1", "p2", "p5", "p6", "#x"])
        XCTAssertEqual(log.shareAccounts, [0, 1, 0, 2, 3])
        XCTAssertEqual(log.shareObjects, [0, 0, 1, 0, 2])
        XCTAssertEqual(log.sharesItself, [false, false, false, false, true])
        XCTAssertEqual(log.diagnostics.counts, ["posts without hashtags (not shares)": 1])
        // The same shares from the posts one by one (the `Post` path).
        let posts = try DatasetLoader.load(path).posts
        let perPost = ShareLog(posts: (0 ..< posts.count).map { posts[$0] }, object: .hashtagSet)
        XCTAssertEqual(perPost.objects.identifiers, log.objects.identifiers)
        XCTAssertEqual(perPost.shareObjects, log.shareObjects)
        XCTAssertEqual(perPost.sharesItself, log.sharesItself)
    }

    func testPostsTableWithoutPostIDsIsNumbered() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("links.csv", "author,time,url\na,1600000000,u1\nb,1600000010,u1\nc,1600000020,\n")
        let log = try ShareLog.read(path, object: nil)
        XCTAssertEqual(log.object, .url)
        XCTAssertEqual(log.accounts.identifiers, ["a", "b"])
        XCTAssertEqual(log.shareTimes, [1_600_000_000, 1_600_000_010])
        XCTAssertEqual(log.diagnostics.counts, ["posts without url (not shares)": 1, "rows numbered as post ids (the file has no post_id)": 3])
        let network = CoActionNetwork(log: log, options: CoActionOptions(window: 10))
        XCTAssertEqual(network.edges.map(\.coShares), [1])
    }

    func testALargePostsTableGivesTheSameSharesOnAnyThreadCount() throws {
        // Over the posts reader's 4 MiB split, so two threads read halves; a quoted row and a
        // 1990 date in the second half take the general path and the warnings.
        let rows = 120_000
        var text = "post_id,author,time,parent_post,root_post\n"
        for row in 0 ..< rows {
            let parent = row % 3 == 0 ? "" : "post\(row / 2)"
            let time = row == 70_000 ? "631152000" : String(1_600_000_000 + row)
            text += row == 60_001 ? "post\(row),\"user\(row % 997)\",\(time),\(parent),\n" : "post\(row),user\(row % 997),\(time),\(parent),\n"
        }
        let folder = try TemporaryFolder()
        let path = try folder.write("posts.csv", text)
        XCTAssertGreaterThan(text.utf8.count, 4 << 20)
        let saved = Parallelism.threadCount
        defer { Parallelism.threadCount = saved }
        Parallelism.threadCount = 1
        let serial = try ShareLog.read(path, object: .parent)
        Parallelism.threadCount = 2
        let parallel = try ShareLog.read(path, object: .parent)
        let shares = (0 ..< rows).filter { $0 % 3 != 0 }
        XCTAssertEqual(serial.count, shares.count)
        XCTAssertEqual(serial.accounts.count, 997)
        XCTAssertEqual(serial.messages.identifier(at: Int(serial.shareMessages[40_000])), "post\(shares[40_000])")
        XCTAssertEqual(serial.objects.identifier(at: Int(serial.shareObjects[40_000])), "post\(shares[40_000] / 2)")
        XCTAssertEqual(serial.shareTimes.reduce(0, +), shares.map { $0 == 70_000 ? 631_152_000 : Double(1_600_000_000 + $0) }.reduce(0, +))
        XCTAssertEqual(serial.diagnostics.counts["times before 2000 or after next year (kept)"], 1)
        XCTAssertEqual(serial.diagnostics.counts["posts that repost nothing (not shares)"], rows - shares.count)
        XCTAssertEqual(parallel.accounts.identifiers, serial.accounts.identifiers)
        XCTAssertEqual(parallel.objects.identifiers, serial.objects.identifiers)
        XCTAssertEqual(parallel.messages.identifiers, serial.messages.identifiers)
        XCTAssertEqual(parallel.shareAccounts, serial.shareAccounts)
        XCTAssertEqual(parallel.shareObjects, serial.shareObjects)
        XCTAssertEqual(parallel.shareMessages, serial.shareMessages)
        XCTAssertEqual(parallel.shareTimes, serial.shareTimes)
        XCTAssertEqual(parallel.sharesItself, serial.sharesItself)
        XCTAssertEqual(parallel.diagnostics, serial.diagnostics)
    }

    // MARK: CooRTweet conformance on the real data

    struct CooRTweetExpectation: Decodable {
        struct Case: Decodable {
            let time_window: Double
            let min_participation: Int
            let remove_loops: Bool
            let pairs: Int
            let edges: Int
            let loop_edges: Int
            let nodes: Int
            let watched_account_present: Bool
            let weight_histogram: [[Int]]
            let listed_edges: [Edge]
        }

        struct Edge: Decodable {
            let account_a: String
            let account_b: String
            let weight: Int
            let objects: Int
            let contribution_a: Int
            let contribution_b: Int
            let mean_time_delta: Double
        }

        let rows: Int
        let watched_account: String
        let cases: [Case]
    }

    func testCooRTweetRussianCoordTweets() throws {
        let data = try Repository.sharedDataset("coortweet-russian_coord_tweets.csv")
        guard let url = Bundle.module.url(forResource: "Fixtures/coortweet_expected", withExtension: "json") else {
            return XCTFail("coortweet_expected.json missing from the test bundle")
        }
        let expected = try JSONDecoder().decode(CooRTweetExpectation.self, from: Data(contentsOf: url))
        let aliases = try DatasetLoader.Options.parseColumnMap("post_id=content_id,author=account_id,parent_post=object_id,time=timestamp_share")
        let log = try ShareLog.read(data.path, options: DatasetLoader.Options(columnAliases: aliases), object: .parent)
        XCTAssertEqual(log.count, expected.rows)
        for item in expected.cases {
            let name = "window \(item.time_window), min participation \(item.min_participation), remove loops \(item.remove_loops)"
            let network = CoActionNetwork(log: log, options: CoActionOptions(
                window: item.time_window, minParticipation: item.min_participation, selfLoops: !item.remove_loops
            ))
            XCTAssertEqual(network.pairCount, item.pairs, name)
            XCTAssertEqual(network.edges.count, item.edges, name)
            XCTAssertEqual(network.edges.filter { $0.accountA == $0.accountB }.count, item.loop_edges, name)
            let accounts = Set(network.connectedAccounts.map { network.accountIDs[Int($0)] })
            XCTAssertEqual(accounts.count, item.nodes, name)
            XCTAssertEqual(accounts.contains(expected.watched_account), item.watched_account_present, name)
            var histogram: [Int: Int] = [:]
            for edge in network.edges { histogram[edge.coShares, default: 0] += 1 }
            XCTAssertEqual(histogram.keys.sorted().map { [$0, histogram[$0] ?? 0] }, item.weight_histogram, name)
            var byPair: [String: CoActionEdge] = [:]
            for edge in network.edges {
                let ids = [network.accountIDs[Int(edge.accountA)], network.accountIDs[Int(edge.accountB)]].sorted()
                byPair[ids.joined(separator: "-")] = edge
            }
            for listed in item.listed_edges {
                guard let edge = byPair["\(listed.account_a)-\(listed.account_b)"] else {
                    XCTFail("\(name): edge \(listed.account_a)-\(listed.account_b) missing")
                    continue
                }
                let flipped = network.accountIDs[Int(edge.accountA)] != listed.account_a
                XCTAssertEqual(edge.coShares, listed.weight, name)
                XCTAssertEqual(edge.objects, listed.objects, name)
                XCTAssertEqual(flipped ? edge.messagesB : edge.messagesA, listed.contribution_a, name)
                XCTAssertEqual(flipped ? edge.messagesA : edge.messagesB, listed.contribution_b, name)
                XCTAssertEqual(edge.meanDelta, listed.mean_time_delta, accuracy: 1e-9, name)
            }
        }
        // The package's own test (README): time_window 10, min_participation 5.
        let removed = CoActionNetwork(log: log, options: CoActionOptions(window: 10, minParticipation: 5))
        let kept = CoActionNetwork(log: log, options: CoActionOptions(window: 10, minParticipation: 5, selfLoops: true))
        let watched = log.accounts.index(of: expected.watched_account)
        XCTAssertNotNil(watched)
        XCTAssertFalse(removed.connectedAccounts.contains { $0 == watched }, "dropped when self-loops are removed")
        XCTAssertTrue(kept.connectedAccounts.contains { $0 == watched }, "kept when they are not")
    }
}
