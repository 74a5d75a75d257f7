import Foundation
import ReachGraph
import XCTest

final class StructureTests: XCTestCase {
    /// A province with hub → c1, c2, c3 (cities) → k1 (under c1), k2 (under c2), and two overseas
    /// accounts. Hub originals h1 (t 0), h2 (t 100000), h3 (t 200000); c1 posts o1.
    private let accounts = """
        id,kind,province,tier,parent,followers
        hub,media_centre,P,provincial,,1000
        c1,media_centre,P,municipal,hub,100
        c2,media_centre,P,municipal,hub,100
        c3,media_centre,P,municipal,hub,100
        k1,media_centre,P,county,c1,10
        k2,media_centre,P,county,c2,10
        inf,influencer,,overseas,,50000
        fan,community,,overseas,,10
        """
    private let posts = """
        post_id,author,time,parent_post,root_post
        h1,hub,0,,
        r1,c1,600,h1,h1
        r2,c2,1200,h1,h1
        r3,c3,400000,h1,h1
        k1a,k1,2000,r1,h1
        k2a,k2,3000,h1,h1
        i1,inf,5000,r2,h1
        f1,fan,6000,i1,h1
        h2,hub,100000,,
        r4,c1,103600,h2,h2
        r5,c2,107200,h2,h2
        k2b,k2,108000,r4,h2
        h3,hub,200000,,
        o1,c1,300000,,
        i2,inf,300100,o1,o1
        """

    private func dataset(withRoster: Bool = true) throws -> Dataset {
        let folder = try TemporaryFolder()
        let roster = withRoster ? accounts : accounts.split(separator: "\n").map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return "\(fields[0]),\(fields[1]),\(fields[5])"
        }.joined(separator: "\n")
        try folder.write("accounts.csv", roster)
        try folder.write("posts.csv", posts)
        return try DatasetLoader.load(folder.path)
    }

    private func card() throws -> (StructureScorecard, Dataset) {
        let data = try dataset()
        let analysis = StructureAnalysis(dataset: data, options: StructureOptions(shuffles: 0))
        XCTAssertFalse(analysis.isDetected)
        XCTAssertEqual(analysis.scorecards.count, 1)
        return (try XCTUnwrap(analysis.scorecards.first), data)
    }

    private func ids(_ indices: [Int32], _ data: Dataset) -> [String] { indices.map { data.accounts[Int($0)].id } }

    func testRosterGivesHubSpokesAndUnits() throws {
        let (card, data) = try card()
        XCTAssertEqual(card.structure.name, "P")
        XCTAssertEqual(ids([card.structure.hub], data), ["hub"])
        XCTAssertEqual(ids(card.structure.spokes, data), ["c1", "c2", "c3"])
        XCTAssertEqual(ids(card.structure.units, data), ["k1", "k2"])
        XCTAssertEqual(ids(card.structure.unitParents, data), ["c1", "c2"])
    }

    func testCoverageAndLag() throws {
        let (card, _) = try card()
        let response = card.response
        XCTAssertEqual(response.hubPosts.count, 3)
        XCTAssertEqual(response.coverage(ofSpoke: 0), 2.0 / 3.0)
        XCTAssertEqual(response.coverage(ofSpoke: 1), 2.0 / 3.0)
        XCTAssertEqual(response.coverage(ofSpoke: 2), 0, "c3's repost came after 72 h")
        XCTAssertEqual(response.structureCoverage, 4.0 / 9.0)
        XCTAssertEqual(response.shareOfHubPosts(respondedToByAtLeast: 1), 2.0 / 3.0)
        XCTAssertEqual(card.minimumSpokes, 2)
        XCTAssertEqual(response.shareOfHubPosts(respondedToByAtLeast: 3), 0)
        let lag = try XCTUnwrap(response.lag(ofSpoke: 0))
        XCTAssertEqual(lag.median, 2100)
        XCTAssertEqual(lag.lower, 1350)
        XCTAssertEqual(lag.upper, 2850)
        XCTAssertNil(response.lag(ofSpoke: 2))
    }

    func testSynchronisationCountsSpokePairsWithinTau() throws {
        let (card, data) = try card()
        XCTAssertEqual(card.synchronisation.network.pairCount, 2)
        XCTAssertEqual(card.synchronisation.network.edges.first?.coShares, 2)
        let seeded = StructureAnalysis(dataset: data, options: StructureOptions(shuffles: 30, seed: 5))
        let again = StructureAnalysis(dataset: data, options: StructureOptions(shuffles: 30, seed: 5))
        XCTAssertEqual(seeded.scorecards[0].synchronisation.baseline?.pairs, again.scorecards[0].synchronisation.baseline?.pairs)
        XCTAssertEqual(seeded.scorecards[0].synchronisation.baseline?.pairs.observed, 2)
    }

    func testRouteFidelity() throws {
        let (card, _) = try card()
        let routes = card.routes
        XCTAssertEqual(routes.total, 3)
        XCTAssertEqual(routes.share(.declaredParent), 1.0 / 3.0)
        XCTAssertEqual(routes.share(.hub), 1.0 / 3.0)
        XCTAssertEqual(routes.share(.otherSpoke), 1.0 / 3.0, "k2 reposted c1's repost, not its own c2's")
        XCTAssertEqual(routes.share(.outsideRoster), 0)
    }

    func testShapeAndTies() throws {
        let (card, data) = try card()
        let shape = card.shape
        XCTAssertEqual(shape.nodes, 6)
        XCTAssertEqual(shape.edges, 6)
        XCTAssertEqual(shape.connectedness, 1)
        XCTAssertEqual(shape.hierarchy, 1)
        XCTAssertEqual(try XCTUnwrap(shape.efficiency), 0.96, accuracy: 1e-12)
        XCTAssertEqual(shape.leastUpperBoundedness, 1)
        XCTAssertEqual(shape.reciprocity, 0)
        XCTAssertEqual(shape.hubInCore, true)
        var ties: [String: (Bool, Double)] = [:]
        for tie in shape.ties { ties["\(data.accounts[Int(tie.source)].id)>\(data.accounts[Int(tie.target)].id)"] = (tie.isDeclared, tie.observedWeight) }
        XCTAssertEqual(ties.count, 7)
        XCTAssertEqual(ties["hub>c1"]?.1, 2)
        XCTAssertEqual(ties["c2>k2"]?.0, true)
        XCTAssertEqual(ties["c2>k2"]?.1, 0, "declared but never observed")
        XCTAssertEqual(ties["hub>k2"]?.0, false, "observed but not declared")
        XCTAssertEqual(ties["c1>k2"]?.0, false)
    }

    func testExternalAmplification() throws {
        let (card, data) = try card()
        let external = card.external
        XCTAssertEqual(external.memberOriginals, 4)
        XCTAssertEqual(external.reachingOutside, 2)
        XCTAssertEqual(external.share, 0.5)
        XCTAssertEqual(external.bridges.count, 1)
        let bridge = try XCTUnwrap(external.bridges.first)
        XCTAssertEqual(data.accounts[Int(bridge.account)].id, "inf")
        XCTAssertEqual(bridge.reposts, 2)
        XCTAssertEqual(bridge.cascades, 2)
        XCTAssertEqual(bridge.downstream, 1)
    }

    func testOutTreeFlowScoresOneOnKrackhardt() throws {
        // Content flows exactly along the declared tree: every shape measure of a hierarchy is 1.
        let folder = try TemporaryFolder()
        try folder.write("accounts.csv", accounts)
        try folder.write("posts.csv", """
            post_id,author,time,parent_post
            h1,hub,0,
            a,c1,60,h1
            b,c2,60,h1
            c,c3,60,h1
            d,k1,120,a
            e,k2,120,b
            """)
        let data = try DatasetLoader.load(folder.path)
        let shape = try XCTUnwrap(StructureAnalysis(dataset: data, options: StructureOptions(shuffles: 0)).scorecards.first).shape
        XCTAssertEqual(shape.connectedness, 1)
        XCTAssertEqual(shape.hierarchy, 1)
        XCTAssertEqual(shape.efficiency, 1)
        XCTAssertEqual(shape.leastUpperBoundedness, 1)
        XCTAssertTrue(shape.ties.allSatisfy(\.isDeclared))
        XCTAssertTrue(shape.ties.allSatisfy { $0.observedWeight == 1 })
    }

    func testDetectionWithoutRoster() throws {
        let data = try dataset(withRoster: false)
        let options = StructureOptions(shuffles: 0, detection: HubSpokeDetection.Options(minimumCoverage: 0.2, minimumResponses: 1, minimumSpokes: 2))
        let analysis = StructureAnalysis(dataset: data, options: options)
        XCTAssertTrue(analysis.isDetected)
        XCTAssertEqual(analysis.scorecards.count, 1)
        let structure = try XCTUnwrap(analysis.scorecards.first).structure
        XCTAssertEqual(structure.name, "detected: hub")
        XCTAssertEqual(ids(structure.spokes, data).sorted(), ["c1", "c2", "k2"])
        XCTAssertTrue(structure.units.isEmpty)
        // Defaults ask for two direct reposts and three spokes: nothing qualifies here.
        XCTAssertTrue(StructureAnalysis(dataset: data, options: StructureOptions(shuffles: 0)).scorecards.isEmpty)
        XCTAssertFalse(analysis.rosterDeclaresNoParents)
        XCTAssertEqual(analysis.scorecardTable(dataset: data).title, "Hub-and-spoke scorecard (detected groups: no roster)")
        let hubTies = analysis.tieTable(dataset: data).rows.filter { $0[1] == .text("hub") }
        XCTAssertEqual(hubTies.map { $0[3] }, [.text("detected"), .text("detected"), .text("detected")], "found in the reposts, not declared: \(hubTies)")
    }

    func testARosterWithoutParentsIsDetectedAndSaidSo() throws {
        // The roster with its parent column cut: provinces and tiers declare no tree, so the hub
        // and spokes are detected, as without a roster, not scored as a hub with no spokes.
        let folder = try TemporaryFolder()
        try folder.write("accounts.csv", accounts.split(separator: "\n").map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).enumerated().filter { $0.offset != 4 }.map(\.element).joined(separator: ",")
        }.joined(separator: "\n"))
        try folder.write("posts.csv", posts)
        let data = try DatasetLoader.load(folder.path)
        let options = StructureOptions(shuffles: 0, detection: HubSpokeDetection.Options(minimumCoverage: 0.2, minimumResponses: 1, minimumSpokes: 2))
        let analysis = StructureAnalysis(dataset: data, options: options)
        XCTAssertTrue(analysis.isDetected && analysis.rosterDeclaresNoParents)
        XCTAssertEqual(analysis.scorecards.map(\.structure.name), ["detected: hub"])
        XCTAssertEqual(ids(try XCTUnwrap(analysis.scorecards.first).structure.spokes, data).sorted(), ["c1", "c2", "k2"])
        XCTAssertEqual(analysis.diagnostics.counts["rosters without parents"], 1)
        XCTAssertEqual(analysis.scorecardTable(dataset: data).title, "Hub-and-spoke scorecard (detected groups: the roster declares no parents)")
    }

    func testProvinceFilterAndTables() throws {
        let data = try dataset()
        let none = StructureAnalysis(dataset: data, options: StructureOptions(shuffles: 0, province: "Q"))
        XCTAssertTrue(none.scorecards.isEmpty)
        let analysis = StructureAnalysis(dataset: data, options: StructureOptions(shuffles: 10, province: "P"))
        let scorecard = analysis.scorecardTable(dataset: data)
        XCTAssertTrue(scorecard.rows.contains { $0[2] == .text("Krackhardt hierarchy") && $0[3] == .number(1) })
        // Spokes (see testCoverageAndLag): c1 answers h1 after 600 s and h2 after 3,600 s, c2
        // after 1,200 s and 7,200 s; c3 only after 72 h, so it covers nothing and has no lag.
        let spokes = analysis.spokeTable(dataset: data).rows.map { [$0[1], $0[5], $0[6]] }
        XCTAssertEqual(spokes, [
            [.text("c1"), .number(2.0 / 3.0), .number(2100.0 / 3600)],
            [.text("c2"), .number(2.0 / 3.0), .number(4200.0 / 3600)],
            [.text("c3"), .number(0), .missing],
        ])
        // Seven ties: hub → c1 observed twice (r1, r4); c2 → k2 declared but k2 reposted hub and c1.
        let ties = analysis.tieTable(dataset: data).rows
        XCTAssertEqual(ties.count, 7)
        XCTAssertTrue(ties.contains([.text("P"), .text("hub"), .text("c1"), .text("yes"), .number(2), .text("provincial"), .text("municipal")]), "\(ties)")
        XCTAssertTrue(ties.contains([.text("P"), .text("c2"), .text("k2"), .text("yes"), .number(0), .text("municipal"), .text("county")]), "\(ties)")
        XCTAssertEqual(analysis.bridgeTable(dataset: data).rows.first?[1], .text("inf"))
        // c1 and c2 both answer h1 (600 s apart) and h2 (3,600 s apart): 2 co-reposts, mean 2,100 s.
        let pairs = analysis.synchronisationTable().rows
        XCTAssertEqual(pairs.count, 1)
        let pair = pairs.first.map { [$0[1], $0[2]] } ?? []
        XCTAssertTrue(pair == [.text("c1"), .text("c2")] || pair == [.text("c2"), .text("c1")], "\(pair)")
        XCTAssertEqual(pairs.first?[3], .integer(2))
        XCTAssertEqual(pairs.first?[4], .number(2100))
    }

    func testAProvinceWhoseParentsLoopIsLeftOutWithItsReason() throws {
        // Q's hub and q1 declare each other as parents and q2 hangs below q1: Q has no root, so no hub.
        let folder = try TemporaryFolder()
        try folder.write("accounts.csv", accounts + "\nqhub,media_centre,Q,provincial,q1,1000\nq1,media_centre,Q,municipal,qhub,100\nq2,media_centre,Q,municipal,q1,100")
        try folder.write("posts.csv", posts)
        let data = try DatasetLoader.load(folder.path)
        let analysis = StructureAnalysis(dataset: data, options: StructureOptions(shuffles: 0))
        let reason = "every parent chain in its roster ends in the cycle qhub → q1 → qhub, so no account heads its tree"
        XCTAssertEqual(analysis.scorecards.map(\.structure.name), ["P"])
        XCTAssertEqual(analysis.leftOut, [LeftOutStructure(name: "Q", reason: reason)])
        XCTAssertFalse(analysis.isDetected, "a roster whose province is left out is still a roster")
        XCTAssertEqual(analysis.diagnostics.examples.map(\.message), ["Q: " + reason])
        XCTAssertEqual(analysis.scorecardTable(dataset: data).rows.last, [.text("Q"), .text("structure"), .text("left out"), .text(reason)])
        let wide = analysis.scorecardWideTable(dataset: data)
        XCTAssertEqual(wide.columns, ["section", "measure", "P", "Q"])
        XCTAssertEqual(wide.rows.last, [.text("structure"), .text("left out"), .missing, .text(reason)])
        XCTAssertEqual(StructureAnalysis(dataset: data, options: StructureOptions(shuffles: 0, province: "P")).leftOut, [])
    }

    func testAProvinceWhoseRosterNamesNoParentIsLeftOutNotAHubAlone() throws {
        // P declares its tree; Q gives tiers but no parent, while other provinces do: before, Q was
        // scored as a hub with 0 spokes.
        let folder = try TemporaryFolder()
        try folder.write("accounts.csv", accounts + "\nqhub,media_centre,Q,provincial,,1000\nq1,media_centre,Q,municipal,,100\nq2,media_centre,Q,municipal,,100")
        try folder.write("posts.csv", posts)
        let data = try DatasetLoader.load(folder.path)
        let analysis = StructureAnalysis(dataset: data, options: StructureOptions(shuffles: 0))
        XCTAssertEqual(analysis.scorecards.map(\.structure.name), ["P"])
        XCTAssertEqual(analysis.leftOut, [LeftOutStructure(
            name: "Q", reason: "none of its 3 roster accounts names a parent in the province's roster, so no hub has declared spokes"
        )])
        XCTAssertEqual(analysis.diagnostics.counts["provinces left out of the 1+N structure"], 1)
    }
}
