import Foundation
import ReachGraph
import ReachGraphCore
@testable import ReachGraphviz
import XCTest

/// The cascade, stage-path, 1+N and coordination recipes on one hand-made province: checked on
/// their DOT text, on what Graphviz parses from it, and on one real render each.
final class AnalysisFigureTests: XCTestCase {
    /// Hunan's hub with two city spokes and a provincial media unit, one county unit under each
    /// city, and overseas accounts. Cascades: p1 (8 participants, depth 3), p2 (3), p3 (3). The
    /// roster's ties: hub → cs, hub → media, cs → cs1 observed; hub → yy and yy → yy1 declared but
    /// never observed; hub → yy1 observed but not declared. Co-action within 60 s: c1–c2 twice
    /// (r5/r6, s1/s2), kol–kol2 once (t1/t2).
    static func province() throws -> Dataset {
        try SampleDatasets.load(
            accounts: """
                id,name,kind,province,city,tier,parent,followers
                hub,湖南国际传播中心,media_centre,Hunan,Changsha,provincial,,1000
                cs,长沙国际传播中心,media_centre,Hunan,Changsha,municipal,hub,500
                yy,岳阳国际传播中心,media_centre,Hunan,Yueyang,municipal,hub,400
                media,湖南省属媒体1,media_outlet,Hunan,,provincial,hub,300
                cs1,长沙县级融媒体中心1,media_centre,Hunan,Changsha,county,cs,50
                yy1,岳阳县级融媒体中心1,media_centre,Hunan,Yueyang,county,yy,40
                kol,Big V,influencer,,,overseas,,20000
                kol2,Big V two,influencer,,,overseas,,10000
                c1,Community 1,community,,,,,100
                c2,Community 2,community,,,,,100
                """,
            relations: nil,
            posts: """
                post_id,author,time,parent_post,root_post
                p1,hub,2025-03-01T00:00:00Z,,
                r1,cs,2025-03-01T00:10:00Z,p1,p1
                r2,media,2025-03-01T00:20:00Z,p1,p1
                r7,yy1,2025-03-01T00:30:00Z,p1,p1
                r3,cs1,2025-03-01T01:00:00Z,r1,p1
                r4,kol,2025-03-01T02:15:00Z,r1,p1
                r5,c1,2025-03-01T03:00:00Z,r4,p1
                r6,c2,2025-03-01T03:00:30Z,r4,p1
                p2,kol,2025-03-02T00:00:00Z,,
                s1,c1,2025-03-02T00:05:00Z,p2,p2
                s2,c2,2025-03-02T00:05:20Z,p2,p2
                p3,hub,2025-03-03T00:00:00Z,,
                t1,kol,2025-03-03T00:01:30Z,p3,p3
                t2,kol2,2025-03-03T00:02:10Z,p3,p3
                """
        )
    }

    private static let synthetic = CaptionOptions(notes: ["hand-made"], isSynthetic: true)

    private func cascade(_ root: String, in dataset: Dataset) throws -> Cascade {
        var reconstruction = CascadeReconstruction(dataset: dataset)
        let index = try XCTUnwrap(reconstruction.cascadeIndex(ofRoot: root))
        var random = SplitMix64(seed: 0)
        return reconstruction.cascade(index, policy: .root, random: &random)
    }

    private func svg(_ figure: Figure) throws -> String {
        String(decoding: try figure.render(as: .svg).data, as: UTF8.self)
    }

    func testCascadeTreeDrawsEveryParticipantWithTimesAndMeasures() throws {
        let dataset = try Self.province()
        XCTAssertNil(CascadeReconstruction(dataset: dataset).cascadeIndex(ofRoot: "r1"), "a repost is not a root")
        let figure = try CascadeTreeFigure.figure(of: try cascade("p1", in: dataset), dataset: dataset, options: .init(caption: Self.synthetic))
        XCTAssertEqual(figure.engine, .dot)
        let shape = try GraphvizLibrary.parseShape(dot: figure.dot)
        XCTAssertEqual(shape.nodeCount, 8)
        XCTAssertEqual(shape.edgeCount, 7)
        XCTAssertTrue(shape.isAcyclic)
        XCTAssertEqual(figure.shape, shape)
        XCTAssertTrue(figure.dot.contains("rankdir=\"TB\""))
        for time in ["+10 min", "+2 h 15 min", "+3 h", "root · 2025-03-01T00:00:00Z"] {
            XCTAssertTrue(figure.dot.contains(time), "missing \(time)")
        }
        XCTAssertTrue(figure.dot.contains(AccountKindStyle.of(.influencer).fill) && figure.dot.contains("★"), "cards carry the kind style")
        XCTAssertEqual(figure.caption.first, "Cascade of post p1 by 湖南国际传播中心 (hub)")
        let measures = try XCTUnwrap(figure.caption.first { $0.hasPrefix("size ") })
        XCTAssertTrue(measures.hasPrefix("size 8 · depth 3 · structural virality "), measures)
        XCTAssertTrue(measures.hasSuffix("potential reach 22,090 followers"), measures)
        XCTAssertTrue(figure.caption.contains("stage path: provincial_centre → municipal_centre → media_outlet → county_centre → influencer → community"), "\(figure.caption)")
        XCTAssertTrue(figure.caption.contains("all 8 participants"))
        XCTAssertEqual(figure.caption.suffix(2), ["hand-made", CaptionOptions.syntheticNotice])
        XCTAssertEqual(figure.accountIDs, ["hub", "cs", "media", "cs1", "yy1", "kol", "c1", "c2"])

        let rendered = try svg(figure)
        XCTAssertTrue(rendered.hasPrefix("<?xml") && rendered.contains("<svg"))
        XCTAssertEqual(rendered.components(separatedBy: "class=\"node\"").count - 1, 8)
        XCTAssertTrue(rendered.contains("长沙县级融媒体中心1"))
    }

    func testCascadeTreeKeepsTheLargestSubtreesSoDepthSurvivesAndSaysWhatWasCut() throws {
        let dataset = try Self.province()
        // Subtree sizes: hub 8, cs 5, kol 3, every other participant 1.
        let figure = try CascadeTreeFigure.figure(of: try cascade("p1", in: dataset), dataset: dataset, options: .init(maxNodes: 3))
        let counts = try GraphvizLibrary.parseCounts(dot: figure.dot)
        XCTAssertEqual(counts.nodes, 3)
        XCTAssertEqual(counts.edges, 2)
        XCTAssertEqual(figure.accountIDs, ["hub", "cs", "kol"])
        let cut = "showing 3 of 8 participants: those heading the largest subtrees, down to level 2 of 3; 5 cut (\"+N more\" under an account)"
        XCTAssertTrue(figure.caption.contains(cut), "\(figure.caption)")
        XCTAssertEqual(figure.trimmed, cut)
        for more in ["+2 more not drawn", "+1 more not drawn"] { XCTAssertTrue(figure.dot.contains(more), "missing \(more)") }
        XCTAssertTrue(figure.caption.contains { $0.hasPrefix("size 8 ") }, "measures describe the whole cascade")
        XCTAssertEqual(CascadeTreeFigure.Options(maxNodes: 1_000_000).maxNodes, LayoutEngine.dot.budget.nodes)
    }

    func testCascadeTreeGoesRadialWhenALevelIsTooWide() throws {
        let dataset = try Self.province()
        let figure = try CascadeTreeFigure.figure(of: try cascade("p1", in: dataset), dataset: dataset, options: .init(maxLevelWidth: 2))
        XCTAssertEqual(figure.engine, .twopi, "three reposters of the hub on one level")
        XCTAssertTrue(figure.dot.contains("root=\"n0\""))
        XCTAssertNil(figure.trimmed)
        XCTAssertTrue(figure.caption.contains { $0.hasPrefix("rings: hops from the root (drawn radially") }, "\(figure.caption)")
    }

    func testCascadeTreeWithCJKLabelsRendersToPNG() throws {
        let dataset = try Self.province()
        let figure = try CascadeTreeFigure.figure(of: try cascade("p1", in: dataset), dataset: dataset)
        XCTAssertTrue(figure.dot.contains("fontname=\"WenQuanYi Zen Hei"))
        let png = try figure.render(as: .png).data
        XCTAssertTrue(png.starts(with: RenderFormat.png.magicNumber))
        XCTAssertGreaterThan(png.count, 5_000)
    }

    func testStagePathsAggregateStepsBetweenKinds() throws {
        let dataset = try Self.province()
        let analysis = CascadeAnalysis(dataset: dataset)
        XCTAssertEqual(analysis.cascades.count, 3)
        let figure = try StagePathFigure.figure(of: analysis, dataset: dataset, options: .init(caption: Self.synthetic))
        XCTAssertEqual(figure.engine, .dot)
        // Media centres keep their tier. Stages: provincial_centre@1 (p1, p3), municipal_centre@2,
        // media_outlet@3, county_centre@4 (yy1, then cs1), influencer@5, community@6 (p1);
        // influencer@1, community@2 (p2); influencer@2 (p3): 9 stages, 5 + 1 + 1 steps.
        let shape = try GraphvizLibrary.parseShape(dot: figure.dot)
        XCTAssertEqual(shape.nodeCount, 9)
        XCTAssertEqual(shape.edgeCount, 7)
        XCTAssertTrue(shape.isAcyclic)
        XCTAssertTrue(figure.dot.contains("rankdir=\"LR\""))
        XCTAssertTrue(figure.dot.contains("stage 1 · 2 cascades"), "the provincial centre starts two cascades")
        XCTAssertTrue(figure.dot.contains("s0_provincial_centre -> s1_municipal_centre") && figure.dot.contains("s2_media_outlet -> s3_county_centre"))
        XCTAssertTrue(figure.dot.contains(AccountKindStyle.of(.community).fill))
        XCTAssertTrue(figure.caption[1].contains("column n holds the nth stage"), "\(figure.caption)")
        XCTAssertEqual(figure.caption.last, CaptionOptions.syntheticNotice)

        let rendered = try svg(figure)
        XCTAssertTrue(rendered.hasPrefix("<?xml") && rendered.contains("<svg"))
        XCTAssertEqual(rendered.components(separatedBy: "class=\"edge\"").count - 1, 7)
    }

    func testStagePathsLeaveOutRareStepsAndSaySo() throws {
        let dataset = try Self.province()
        let figure = try StagePathFigure.figure(of: CascadeAnalysis(dataset: dataset), dataset: dataset, options: .init(minimumCascades: 2))
        let counts = try GraphvizLibrary.parseCounts(dot: figure.dot)
        XCTAssertEqual(counts.nodes, 1, "only provincial_centre at stage 1 has two cascades")
        XCTAssertEqual(counts.edges, 0)
        XCTAssertTrue(figure.caption.contains("left out: 7 of 7 steps and 8 of 9 stages, steps taken by fewer than 2 cascades"), "\(figure.caption)")
        XCTAssertThrowsError(try StagePathFigure.figure(of: CascadeAnalysis(dataset: dataset, minimumSize: 100), dataset: dataset))
    }

    func testStagePathsKeepTheMostTakenSteps() throws {
        // Every step of the province's three cascades is taken once: a budget of 2 keeps the
        // first two in stage and kind order (provincial_centre@1 → municipal_centre@2 and
        // → influencer@2), their 3 stages and the other first stage (influencer@1, p2's root),
        // and no stage standing alone past the first.
        let dataset = try Self.province()
        let figure = try StagePathFigure.figure(of: CascadeAnalysis(dataset: dataset), dataset: dataset, options: .init(maxSteps: 2))
        let shape = try GraphvizLibrary.parseShape(dot: figure.dot)
        XCTAssertEqual(shape.edgeCount, 2)
        XCTAssertTrue(figure.dot.contains("s0_provincial_centre -> s1_influencer") && figure.dot.contains("s0_provincial_centre -> s1_municipal_centre"), figure.dot)
        XCTAssertEqual(shape.nodeCount, 4)
        XCTAssertTrue(figure.caption.contains("left out: 5 of 7 steps and 5 of 9 stages, all but the 2 steps taken by most cascades (1 or more)"), "\(figure.caption)")
    }

    func testStructureDrawsAPanelPerSpokeAndSummarisesUndeclaredTies() throws {
        let dataset = try Self.province()
        let scorecard = try XCTUnwrap(StructureAnalysis(dataset: dataset, options: .init(shuffles: 0)).scorecards.first)
        let figure = try StructureFigure.figure(of: scorecard, dataset: dataset, options: .init(caption: Self.synthetic))
        XCTAssertEqual(figure.engine, .dot)
        let counts = try GraphvizLibrary.parseCounts(dot: figure.dot)
        XCTAssertEqual(counts.nodes, 6)
        // Panels: cs (cs1), yy (yy1), media. Drawn ties: cs → cs1 (observed), yy → yy1 (never
        // observed); hub → spoke ties are on the cards; hub → yy1 (undeclared) is summarised.
        for cluster in ["cluster_panel_1", "cluster_panel_2", "cluster_panel_3"] {
            XCTAssertTrue(figure.dot.contains("subgraph \(cluster)"), "missing \(cluster)")
        }
        let visible = figure.dot.split(separator: "\n").filter { $0.contains(" -> ") && !$0.contains("invis") }
        XCTAssertEqual(visible.count, 2, "\(visible)")
        XCTAssertEqual(visible.filter { $0.contains("style=\"dashed\"") }.map { String($0.split(separator: " ")[0]) }, ["a2"], "yy → yy1")
        XCTAssertEqual(visible.filter { $0.contains("color=\"\(StructureFigure.declaredColor)\"") }.map { String($0.split(separator: " ")[0]) }, ["a1"])
        for card in ["1 reposts of the hub", "never reposted the hub", "hub · 2 hub posts"] {
            XCTAssertTrue(figure.dot.contains(card), "missing \(card)")
        }
        XCTAssertEqual(figure.caption.first, "1+N structure: Hunan")
        XCTAssertTrue(figure.caption.contains("declared ties: 5, 3 observed and 2 never observed"), "\(figure.caption)")
        XCTAssertTrue(figure.caption.contains("observed ties not declared (not drawn): 1 carrying 1 reposts — hub → unit 1"), "\(figure.caption)")
        XCTAssertTrue(figure.caption.contains("heaviest undeclared: 湖南国际传播中心 → 岳阳县级融媒体中心1 (1)"), "\(figure.caption)")
        XCTAssertTrue(figure.caption.contains { $0.hasPrefix("coverage: spokes reposted ") }, "\(figure.caption)")
        XCTAssertTrue(figure.caption.contains { $0.hasPrefix("route fidelity: ") }, "\(figure.caption)")
        XCTAssertEqual(Set(figure.accountIDs), ["hub", "cs", "yy", "media", "cs1", "yy1"])

        let rendered = try svg(figure)
        XCTAssertTrue(rendered.hasPrefix("<?xml") && rendered.contains("<svg"))
        XCTAssertEqual(rendered.components(separatedBy: "class=\"cluster\"").count - 1, 3)
        XCTAssertTrue(rendered.contains("湖南国际传播中心"))
    }

    func testAnAccountKnownOnlyByItsIdIsNamedOnceInTheCoordinationCaption() throws {
        // Two accounts without names repost the same two posts within a minute.
        let dataset = try SampleDatasets.load(
            accounts: "id,kind\n2125111695,other\n77,other\ns,other",
            relations: nil,
            posts: "post_id,author,time,parent_post\np1,s,1700000000,\np2,s,1700000100,\nr1,2125111695,1700000010,p1\nr2,77,1700000020,p1\nr3,2125111695,1700000110,p2\nr4,77,1700000130,p2"
        )
        let network = CoActionNetwork(log: ShareLog(posts: dataset.posts, object: .parent), options: CoActionOptions(window: 60))
        let figure = try CoordinationFigure.figure(of: network, groups: CoordinationGroups(network: network, method: .components), dataset: dataset)
        XCTAssertTrue(figure.caption.contains { $0.hasPrefix("1 2125111695 · 2 77") }, "\(figure.caption)")
    }

    func testCoordinationGroupsAreBoxedWithFDPAndTheSmallestAreCut() throws {
        let dataset = try Self.province()
        let network = CoActionNetwork(log: ShareLog(posts: dataset.posts, object: .parent), options: CoActionOptions(window: 60))
        let groups = CoordinationGroups(network: network, method: .components)
        XCTAssertEqual(groups.groups.map(\.accounts.count), [2, 2])
        let figure = try CoordinationFigure.figure(of: network, groups: groups, dataset: dataset, options: .init(caption: Self.synthetic))
        XCTAssertEqual(figure.engine, .fdp, "clusters need fdp (or dot, which is for layered diagrams)")
        let counts = try GraphvizLibrary.parseCounts(dot: figure.dot)
        XCTAssertEqual(counts.nodes, 4)
        XCTAssertEqual(counts.edges, 2)
        XCTAssertTrue(figure.dot.hasPrefix("graph coordination"), "co-action ties are undirected")
        XCTAssertTrue(figure.dot.contains("subgraph cluster_group_1") && figure.dot.contains("subgraph cluster_group_2"))
        XCTAssertTrue(figure.dot.contains("shape=\"star\"") && figure.dot.contains(AccountKindStyle.of(.community).fill))
        XCTAssertTrue(figure.caption.contains { $0.hasPrefix("co-action: two accounts shared the same object within 60 s (pairwise)") }, "\(figure.caption)")
        XCTAssertTrue(figure.dot.contains("label=\"1\""), "the strongest account is numbered")
        XCTAssertTrue(figure.caption.contains { $0.hasPrefix("1 Community 1 (c1) · 2 ") }, "and named in the caption: \(figure.caption)")
        XCTAssertEqual(figure.caption.last, CaptionOptions.syntheticNotice)

        let rendered = try svg(figure)
        XCTAssertTrue(rendered.hasPrefix("<?xml") && rendered.contains("<svg"))
        XCTAssertEqual(rendered.components(separatedBy: "class=\"cluster\"").count - 1, 2)

        let top = try CoordinationFigure.figure(of: network, groups: groups, dataset: dataset, options: .init(maxGroups: 1))
        XCTAssertEqual(top.accountIDs, ["kol", "kol2"], "equal sizes: the group with the lowest account index first")
        XCTAssertEqual(try GraphvizLibrary.parseCounts(dot: top.dot).edges, 1)
        XCTAssertTrue(top.caption.contains { $0.hasPrefix("showing the 1 largest groups") && $0.hasSuffix("the 1 smaller groups (2 accounts) are cut") }, "\(top.caption)")
    }

    func testCoordinationKeepsWholeGroupsWithinTheNodeBudgetAndTheHeaviestTies() throws {
        let dataset = try Self.province()
        let network = CoActionNetwork(log: ShareLog(posts: dataset.posts, object: .parent), options: CoActionOptions(window: 60))
        let groups = CoordinationGroups(network: network, method: .components)
        let three = try CoordinationFigure.figure(of: network, groups: groups, dataset: dataset, options: .init(maxNodes: 3))
        XCTAssertEqual(three.accountIDs, ["kol", "kol2"], "the second group does not fit whole")
        XCTAssertEqual(three.trimmed, "showing 1 of 2 groups (2 of 4 accounts)")
        let one = try CoordinationFigure.figure(of: network, groups: groups, dataset: dataset, options: .init(maxNodes: 1))
        XCTAssertEqual(one.accountIDs, ["kol"], "equal strength: the earlier account")
        XCTAssertTrue(one.caption.contains("group 1 drawn with its 1 strongest of 2 accounts"), "\(one.caption)")
        let noTies = try CoordinationFigure.figure(of: network, groups: groups, dataset: dataset, options: .init(maxEdges: 1))
        XCTAssertEqual(try GraphvizLibrary.parseCounts(dot: noTies.dot).edges, 1)
        XCTAssertEqual(noTies.trimmed, "showing the 1 heaviest of 2 ties among them drawn")
        XCTAssertNil(try CoordinationFigure.figure(of: network, groups: groups, dataset: dataset).trimmed)
    }

    func testCoordinationWithSFDPColoursGroups() throws {
        let dataset = try Self.province()
        let network = CoActionNetwork(log: ShareLog(posts: dataset.posts, object: .parent), options: CoActionOptions(window: 60))
        let groups = CoordinationGroups(network: network, method: .components)
        let figure = try CoordinationFigure.figure(of: network, groups: groups, dataset: dataset, options: .init(engine: .sfdp))
        XCTAssertFalse(figure.dot.contains("cluster"))
        XCTAssertTrue(figure.dot.contains("fillcolor=\"\(ProvincePalette.colors[0])\"") && figure.dot.contains("fillcolor=\"\(ProvincePalette.colors[1])\""))
        XCTAssertTrue(figure.caption.contains { $0.hasPrefix("colour: group (sfdp draws no boxes)") }, "\(figure.caption)")
        XCTAssertNoThrow(try figure.render(as: .svg))
    }

    func testElapsedTimeReadsInTheTwoLargestUnits() {
        XCTAssertEqual(elapsedText(45.9), "+45 s")
        XCTAssertEqual(elapsedText(720), "+12 min")
        XCTAssertEqual(elapsedText(2 * 3600 + 15 * 60 + 59), "+2 h 15 min")
        XCTAssertEqual(elapsedText(3600), "+1 h")
        XCTAssertEqual(elapsedText(3 * 86_400 + 4 * 3600 + 5), "+3 d 4 h")
        XCTAssertEqual(elapsedText(-5), "+0 s")
        XCTAssertEqual(percentText(0.004), "<1%")
        XCTAssertEqual(percentText(0.625), "63%")
    }
}
