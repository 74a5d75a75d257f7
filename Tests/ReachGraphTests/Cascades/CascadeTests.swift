import Foundation
import ReachGraph
import ReachGraphCore
import XCTest

final class CascadeTests: XCTestCase {
    private func dataset(posts: String) throws -> Dataset {
        let folder = try TemporaryFolder()
        try folder.write("accounts.csv", """
            id,kind,followers
            city,city_account,100
            kol,influencer,1000
            fan1,community,10
            fan2,community,20
            fan3,community,30
            """)
        try folder.write("posts.csv", posts)
        return try DatasetLoader.load(folder.path)
    }

    func testStagePathKeepsTheTiersOfMediaCentres() throws {
        let folder = try TemporaryFolder()
        try folder.write("accounts.csv", """
            id,kind,tier,followers
            hub,media_centre,provincial,900
            city,media_centre,municipal,90
            county,media_centre,county,9
            other,media_centre,county,1
            fan,community,,2
            """)
        try folder.write("posts.csv", """
            post_id,author,time,parent_post
            p0,hub,0,
            p1,city,60,p0
            p2,county,120,p1
            p3,other,150,p1
            p4,fan,180,p2
            """)
        let cascade = try XCTUnwrap(CascadeAnalysis(dataset: try DatasetLoader.load(folder.path), minimumSize: 2).cascades.first)
        // Provincial, municipal and county centres are three stages; the two county centres one.
        XCTAssertEqual(cascade.stagePath.map(\.rawValue), ["provincial_centre", "municipal_centre", "county_centre", "community"])
        XCTAssertEqual(cascade.stageReach, [900, 90, 10, 2])
        XCTAssertEqual(CascadeStage(kind: .influencer, tier: .overseas).rawValue, "influencer", "only media centres keep a tier")
    }

    func testKnownParentsGiveTheTreeAndStagePath() throws {
        let data = try dataset(posts: """
            post_id,author,time,parent_post,root_post
            p0,city,0,,
            p1,kol,60,p0,p0
            p2,fan1,120,p1,p0
            p3,fan2,180,p1,p0
            p4,fan1,200,p1,p0
            p5,fan3,240,p3,p0
            q0,fan3,0,,
            """)
        let analysis = CascadeAnalysis(dataset: data, minimumSize: 2)
        XCTAssertEqual(analysis.cascades.count, 1)
        let cascade = try XCTUnwrap(analysis.cascades.first)
        XCTAssertEqual(cascade.size, 5)
        XCTAssertEqual(cascade.depth, 3)
        XCTAssertEqual(cascade.maxBreadth, 2)
        // Tree city-kol-{fan1, fan2-fan3}: subtree sizes 4,1,2,1 → W = 4+4+6+4 = 18, ν = 36/20.
        XCTAssertEqual(cascade.structuralVirality, 1.8, accuracy: 1e-12)
        XCTAssertEqual(cascade.potentialReach, 1160)
        XCTAssertEqual(cascade.stagePath.map(\.rawValue), ["city_account", "influencer", "community"])
        XCTAssertEqual(cascade.stageReach, [100, 1000, 60])
        XCTAssertEqual(cascade.attributedShare, 0)
        XCTAssertEqual(analysis.diagnostics.counts["repeated reposts by one account in a cascade (first kept)"], 1)
        XCTAssertEqual(analysis.diagnostics.counts["cascades smaller than the minimum size (not listed)"], 1)
    }

    func testLargestCascadeBreaksTiesByRootPostID() throws {
        // r2 and r1 both have 3 participants; r1 wins the tie though it comes later in the file.
        let data = try dataset(posts: """
            post_id,author,time,parent_post,root_post
            r2,fan1,0,,
            x1,kol,10,r2,r2
            x2,fan2,20,x1,r2
            r1,city,5,,
            y1,fan1,15,r1,r1
            y2,fan3,25,,r1
            r3,fan2,0,,
            z1,fan1,5,r3,r3
            """)
        let analysis = CascadeAnalysis(dataset: data)
        XCTAssertEqual(analysis.largest?.rootPostID, "r1")
        XCTAssertEqual(analysis.largest?.size, 3)
        // The CSV written row by row is the table's, largest first, ties by root post id.
        let csv = analysis.cascadeCSV(dataset: data)
        XCTAssertEqual(csv, analysis.cascadeTable(dataset: data).csvText)
        XCTAssertEqual(csv.split(separator: "\n").dropFirst().map { $0.prefix(2) }, ["r1", "r2", "r3"])
        // Ids that need quoting, and a cascade without follower counts.
        let quoted = try dataset(posts: "post_id,author,time,parent_post,root_post\n\"r,\"\"1\",fan1,0,,\nx1,kol,10,\"r,\"\"1\",\"r,\"\"1\"\n")
        let quotedAnalysis = CascadeAnalysis(dataset: quoted)
        XCTAssertEqual(quotedAnalysis.cascadeCSV(dataset: quoted), quotedAnalysis.cascadeTable(dataset: quoted).csvText)
        XCTAssertTrue(quotedAnalysis.cascadeCSV(dataset: quoted).contains("\n\"r,\"\"1\",fan1,"))
        XCTAssertNil(CascadeAnalysis(dataset: try dataset(posts: "post_id,author,time\n")).largest)
        var reconstruction = CascadeReconstruction(dataset: data)
        // x2 names its parent x1; y2 names none and hangs on the root.
        let chain = try XCTUnwrap(reconstruction.rootAttributedCascade(ofRoot: "r2"))
        XCTAssertEqual(chain.accounts.map { data.accounts[Int($0)].id }, ["fan1", "kol", "fan2"])
        XCTAssertEqual(chain.tree.parents, [-1, 0, 1])
        let star = try XCTUnwrap(reconstruction.rootAttributedCascade(ofRoot: "r1"))
        XCTAssertEqual(star.tree.parents, [-1, 0, 0])
        XCTAssertNil(reconstruction.rootAttributedCascade(ofRoot: "x1"), "a repost is not a root")
        XCTAssertNil(reconstruction.rootAttributedCascade(ofRoot: "nope"))
    }

    func testRootOnlyPostsUseThePolicy() throws {
        let data = try dataset(posts: """
            post_id,author,time,root_post
            p0,city,0,
            p1,kol,10,p0
            p2,fan1,20,p0
            p3,fan2,30,p0
            p4,fan3,25,missing
            """)
        let star = try XCTUnwrap(CascadeAnalysis(dataset: data).cascades.first)
        XCTAssertEqual(star.depth, 1)
        XCTAssertEqual(star.attributedShare, 1)

        let follows = FollowGraph(accountCount: data.accounts.count, pairs: [(2, 1), (3, 2), (4, 1)])
        XCTAssertEqual(follows.uniqueAudience(of: [1]), 2, "fan1 and fan3 follow kol")
        XCTAssertEqual(follows.uniqueAudience(of: [1, 2]), 3, "and fan2 follows fan1")
        let followed = try XCTUnwrap(CascadeAnalysis(dataset: data, policy: .followGraph(follows)).cascades.first)
        XCTAssertEqual(followed.depth, 3, "fan1 follows kol, fan2 follows fan1")
        let analysis = CascadeAnalysis(dataset: data, policy: .followGraph(follows))
        XCTAssertEqual(analysis.diagnostics.counts["reposts whose root post is missing (skipped)"], 1)

        let model = ProbabilisticAttribution(gamma: 0.5, alpha: 1, samples: 50, seed: 7)
        let first = try XCTUnwrap(CascadeAnalysis(dataset: data, policy: .probabilistic(model)).cascades.first)
        let again = try XCTUnwrap(CascadeAnalysis(dataset: data, policy: .probabilistic(model)).cascades.first)
        XCTAssertEqual(first.structuralVirality, again.structuralVirality, "same seed, same result")
        XCTAssertGreaterThan(first.depth, 1, "some samples chain through earlier reposters")
        XCTAssertLessThanOrEqual(first.depth, 3)
        let range = try XCTUnwrap(first.depthRange)
        XCTAssertLessThanOrEqual(range.lowerBound, range.upperBound)
    }

    func testParentLaterThanRepostIsAttributedAndCounted() throws {
        let data = try dataset(posts: """
            post_id,author,time,parent_post,root_post
            p0,city,0,,
            p1,kol,100,p2,p0
            p2,fan1,50,p0,p0
            """)
        let analysis = CascadeAnalysis(dataset: data)
        XCTAssertEqual(analysis.cascades.first?.size, 3)
        XCTAssertEqual(analysis.diagnostics.counts["reposts earlier than their parent (attributed by policy)"], nil, "p2 is earlier, so p1 attaches to fan1")
        XCTAssertEqual(analysis.cascades.first?.depth, 2)
    }

    func testPropagationTreeRules() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("42.txt", """
            ['u1', '42', '0.0']->['u2', '43', '1.0']
            ['ROOT', 'ROOT', '0.0']->['u1', '42', '0.0']
            ['u1', '42', '0.0']->['u2', '43', '1.0']
            ['u3', '45', '3.0']->['u4', '46', '4.0']
            ['u2', '43', '1.0']->['u3', '45', '3.0']
            ['u1', '42', '0.0']->['u3', '47', '5.0']
            ['u4', '46', '4.0']->['u4', '46', '4.0']
            ['u9', '99', '1.0']->['u8', '98', '2.0']
            """)
        let tree = try PropagationTreeReader.read(path)
        XCTAssertEqual(tree.rootID, "42")
        XCTAssertEqual(tree.users, ["u1", "u2", "u3", "u4"])
        XCTAssertEqual(tree.tree.parents, [-1, 0, 1, 2])
        XCTAssertEqual(tree.tree.times, [0, 60, 180, 240])
        let counts = tree.diagnostics.counts
        XCTAssertEqual(counts["duplicate lines"], 1)
        XCTAssertEqual(counts["users already in the tree (first parent kept)"], 1)
        XCTAssertEqual(counts["self edges (user to itself)"], 1)
        XCTAssertEqual(counts["parents never in the tree"], 1)
        XCTAssertNil(counts["delays before the source post (kept)"])
        let early = try PropagationTreeReader.read(try folder.write("7.txt", "['ROOT', 'ROOT', '0.0']->['u1', '7', '2.0']\n['u1', '7', '2.0']->['u2', '8', '-5']\n"))
        XCTAssertEqual(early.tree.times, [0, -420], "kept, 7 minutes before the source")
        XCTAssertEqual(early.diagnostics.counts["delays before the source post (kept)"], 1)
        let bad = try folder.write("bad.txt", "['u1', '42', '0.0']->['u2', '43', '1.0']\n")
        XCTAssertThrowsError(try PropagationTreeReader.read(bad)) { error in
            XCTAssertEqual((error as? InputError)?.description, "bad.txt: no edge from ['ROOT', 'ROOT', '0.0']: cannot tell the source post")
        }
    }

    /// Conformance with NetworkX on the real Twitter15 trees beside the project (skipped when absent).
    func testTwitter15TreesMatchNetworkX() throws {
        let shared = try Repository.sharedDataset("twitter15/tree")
        guard let url = Bundle.module.url(forResource: "Fixtures/twitter15_expected", withExtension: "json") else {
            return XCTFail("twitter15_expected.json missing from the test bundle")
        }
        struct Expected: Decodable {
            let size: Int
            let depth: Int
            let structural_virality: Double
        }
        let expected = try JSONDecoder().decode([String: Expected].self, from: Data(contentsOf: url))
        let trees = try PropagationTreeReader.readFolder(shared.path)
        XCTAssertEqual(trees.count, expected.count)
        for item in trees {
            let shape = CascadeShape(of: item.tree)
            let reference = try XCTUnwrap(expected[item.rootID], item.rootID)
            XCTAssertEqual(shape.size, reference.size, item.rootID)
            XCTAssertEqual(shape.depth, reference.depth, item.rootID)
            XCTAssertEqual(shape.structuralVirality, reference.structural_virality, accuracy: 1e-9 * reference.structural_virality, item.rootID)
        }
    }
}

extension CascadeTests {
    func testAmplificationFactorsAndUniqueReach() throws {
        let folder = try TemporaryFolder()
        try folder.write("accounts.csv", "id,kind,followers\ncity,city_account,100\nkol,influencer,1000\nfan1,community,10\nfan2,community,20\n")
        try folder.write("posts.csv", "post_id,author,time,parent_post\np0,city,0,\np1,kol,60,p0\np2,fan1,120,p1\np3,fan2,180,p1\n")
        let data = try DatasetLoader.load(folder.path)
        let follows = FollowGraph(accountCount: 4, pairs: [(1, 0), (2, 1), (3, 1), (2, 0)])
        let cascade = try XCTUnwrap(CascadeAnalysis(dataset: data, follows: follows).cascades.first)
        XCTAssertEqual(cascade.uniqueReach, 3, "kol, fan1 follow city; fan1, fan2 follow kol")
        // kol's subtree holds 1000 + 10 + 20 followers, reached through city's 100.
        XCTAssertEqual(cascade.participants.map(\.amplificationFactor), [nil, 10.3, 0.01, 0.02])
        XCTAssertEqual(cascade.participants.map(\.depth), [0, 1, 2, 2])
    }
}

extension CascadeTests {
    func testTimeToDepthAndBreadthByLevel() throws {
        let folder = try TemporaryFolder()
        try folder.write("accounts.csv", "id,kind\na,city_account\nb,influencer\nc,community\nd,community\n")
        try folder.write("posts.csv", "post_id,author,time,parent_post\np0,a,0,\np1,b,60,p0\np2,c,120,p1\np3,d,300,p0\n")
        let cascade = try XCTUnwrap(CascadeAnalysis(dataset: try DatasetLoader.load(folder.path)).cascades.first)
        XCTAssertEqual(cascade.timeToDepth, [120, nil])
        XCTAssertEqual(cascade.breadthByLevel, [1, 2, 1])
    }

    /// SYNTHETIC posts (seeded): 10,000 roots, reposts naming a parent or only their root, repeated
    /// and self reposts, enough cascades for several chunks of the parallel measures and writer
    /// and for the two halves of the sort.
    private func syntheticPostsFolder() throws -> TemporaryFolder {
        var random = SplitMix64(seed: 11)
        var rows = ["post_id,author,time,parent_post,root_post"]
        for root in 0 ..< 10_000 {
            let start = Int(random.next(below: 100_000))
            rows.append("r\(root),u\(random.next(below: 400)),\(start),,")
            var earlier = ["r\(root)"]
            for repost in 0 ..< Int(random.next(below: 8)) {
                let parent = earlier[Int(random.next(below: UInt64(earlier.count)))]
                let named = random.next(below: 3) == 0 ? "" : parent
                rows.append("r\(root)-\(repost),u\(random.next(below: 400)),\(start + 10 * (repost + 1)),\(named),r\(root)")
                earlier.append("r\(root)-\(repost)")
            }
        }
        let folder = try TemporaryFolder()
        try folder.write("posts.csv", rows.joined(separator: "\n") + "\n")
        return folder
    }

    func testCascadesAreTheSameOnAnyThreadCount() throws {
        let folder = try syntheticPostsFolder()
        let data = try DatasetLoader.load(folder.path)
        let saved = Parallelism.threadCount
        defer { Parallelism.threadCount = saved }
        let policies: [AttributionPolicy] = [.root, .probabilistic(ProbabilisticAttribution(gamma: 0.5, alpha: 1, samples: 5, seed: 3))]
        for policy in policies {
            Parallelism.threadCount = 1
            let serial = CascadeAnalysis(dataset: data, policy: policy, minimumSize: 2)
            Parallelism.threadCount = 4
            let parallel = CascadeAnalysis(dataset: data, policy: policy, minimumSize: 2)
            XCTAssertGreaterThan(serial.cascades.count, 8_192, "several chunks of cascades and of rows, two halves to sort")
            XCTAssertEqual(parallel.diagnostics, serial.diagnostics)
            XCTAssertEqual(parallel.cascadeCSV(dataset: data), serial.cascadeCSV(dataset: data))
            XCTAssertEqual(parallel.cascadeCSV(dataset: data), serial.cascadeTable(dataset: data).csvText)
            // Largest first, ties by root post id, as one sort of all cascades orders them.
            let expected = serial.cascades.sorted { $0.size != $1.size ? $0.size > $1.size : $0.rootPostID < $1.rootPostID }.map(\.rootPostID)
            XCTAssertEqual(parallel.cascadeCSV(dataset: data).split(separator: "\n").dropFirst().map { String($0.prefix { $0 != "," }) }, expected)
            XCTAssertEqual(parallel.participantTable(dataset: data).csvText, serial.participantTable(dataset: data).csvText)
            XCTAssertEqual(parallel.cascades.map(\.depthRange), serial.cascades.map(\.depthRange))
        }
    }

    func testCountingRelationsOnlyKeepsTheWarnings() throws {
        let folder = try syntheticPostsFolder()
        var options = DatasetLoader.Options()
        let derived = try DatasetLoader.load(folder.path, options: options)
        options.derivesRelations = false
        let counted = try DatasetLoader.load(folder.path, options: options)
        XCTAssertGreaterThan(derived.relations.count, 0)
        XCTAssertGreaterThan(derived.diagnostics.counts["self reposts (not made relations)"] ?? 0, 0)
        XCTAssertGreaterThan(derived.diagnostics.counts["repeated reposts of one post by one account (counted once)"] ?? 0, 0)
        XCTAssertEqual(counted.diagnostics, derived.diagnostics)
        XCTAssertEqual(counted.relations.count, 0)
        XCTAssertFalse(counted.relationsDerivedFromPosts)
        XCTAssertEqual(CascadeAnalysis(dataset: counted).cascadeCSV(dataset: counted), CascadeAnalysis(dataset: derived).cascadeCSV(dataset: derived))
    }
}
