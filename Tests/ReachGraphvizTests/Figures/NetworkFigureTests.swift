import Foundation
import ReachGraph
import ReachGraphCore
@testable import ReachGraphviz
import XCTest

/// Figure recipes: checked on their DOT text and on the structure of what Graphviz draws.
final class NetworkFigureTests: XCTestCase {
    func testOverviewDrawsEveryAccountWithKindShapesAndProvinceBoxes() throws {
        let dataset = try SampleDatasets.hunan()
        let figure = try NetworkOverview.figure(of: dataset, options: .init(caption: .init(notes: ["sample for tests"], isSynthetic: true)))
        XCTAssertEqual(figure.engine, .fdp, "small graphs with provinces get province boxes")
        XCTAssertEqual(figure.accountIDs.count, 12)
        XCTAssertEqual(figure.shape.edgeCount, 14, "13 relations, the collaboration drawn both ways")
        let counts = try GraphvizLibrary.parseCounts(dot: figure.dot)
        XCTAssertEqual(counts.nodes, 12)
        XCTAssertEqual(counts.edges, 14)
        XCTAssertTrue(figure.dot.contains("subgraph cluster_province_0"), figure.dot)
        XCTAssertTrue(figure.dot.contains("label=\"Hunan\""))
        XCTAssertTrue(figure.dot.contains("shape=\"star\""))
        XCTAssertTrue(figure.dot.contains("shape=\"doublecircle\""))
        XCTAssertTrue(figure.dot.contains("fontname=\"WenQuanYi Zen Hei"))
        XCTAssertEqual(figure.caption.first, "Amplification network: \(FigureCaption.name(of: dataset))")
        XCTAssertTrue(figure.caption.contains("relations seen from 2025-03-01 to 2025-05-30"), "\(figure.caption)")
        XCTAssertTrue(figure.caption.contains("12 accounts, 14 ties"))
        XCTAssertTrue(figure.caption.contains("sample for tests"))
        XCTAssertEqual(figure.caption.last, CaptionOptions.syntheticNotice)

        let svg = String(decoding: try figure.render(as: .svg).data, as: UTF8.self)
        XCTAssertEqual(svg.components(separatedBy: "class=\"node\"").count - 1, 12)
        XCTAssertEqual(svg.components(separatedBy: "class=\"edge\"").count - 1, 14)
        XCTAssertEqual(svg.components(separatedBy: "class=\"cluster\"").count - 1, 2)
        for text in ["湖南国际传播中心", "Synthetic data: no edge or number is a real observation", "think tank", "★", "Big V &amp; two"] {
            XCTAssertTrue(svg.contains(text), "missing \(text)")
        }
    }

    func testOverviewWithSFDPColoursProvincesAndSaysSo() throws {
        let dataset = try SampleDatasets.hunan()
        let figure = try NetworkOverview.figure(of: dataset, options: .init(engine: .sfdp))
        XCTAssertEqual(figure.engine, .sfdp)
        XCTAssertFalse(figure.dot.contains("cluster"))
        XCTAssertTrue(figure.caption.contains { $0.contains("colour: province (sfdp draws no province boxes)") }, "\(figure.caption)")
        XCTAssertTrue(figure.dot.contains("fillcolor=\"#4E79A7\""), "the largest province gets the first colour")
        for format in RenderFormat.allCases {
            XCTAssertTrue(try figure.render(as: format).data.starts(with: format.magicNumber))
        }
    }

    func testEveryEngineRendersTheOverviewWithoutWarnings() throws {
        let dataset = try SampleDatasets.hunan()
        for engine in LayoutEngine.allCases {
            let figure = try NetworkOverview.figure(of: dataset, options: .init(engine: engine))
            XCTAssertEqual(figure.engine, engine)
            XCTAssertNoThrow(try figure.render(as: .svg), "\(engine)")
        }
    }

    func testOverviewSizesNodesByTheGivenScores() throws {
        let dataset = try SampleDatasets.hunan()
        var values = [Double](repeating: 1, count: dataset.accounts.count)
        values[Int(try XCTUnwrap(dataset.index(ofAccount: "ccg")))] = 100
        let figure = try NetworkOverview.figure(of: dataset, options: .init(scores: NodeScores(name: "PageRank", values: values), labelCount: 1))
        XCTAssertTrue(figure.caption.contains { $0.hasPrefix("node area: PageRank") })
        XCTAssertTrue(figure.dot.contains("ccg [shape=\"box\", style=\"filled\", width=0.8, height=0.8"), figure.dot)
        XCTAssertTrue(figure.dot.contains("tooltip=\"CCG (ccg) · think_tank · PageRank 100\", label=\"1\", fontcolor=\"#FFFFFF\""), "white on the dark fill: \(figure.dot)")
        XCTAssertEqual(figure.dot.components(separatedBy: "label=\"1\"").count - 1, 1, "only the top account is numbered: \(figure.dot)")
        XCTAssertTrue(figure.caption.contains("1 CCG"), "and named in the caption: \(figure.caption)")
        XCTAssertTrue(figure.caption.contains { $0.contains("numbers: the 1 highest by PageRank, named below") }, "\(figure.caption)")
        XCTAssertThrowsError(try NetworkOverview.figure(of: dataset, options: .init(scores: NodeScores(name: "short", values: [1]))))
    }

    func testBigGraphIsTrimmedToTheBudgetAndTheCaptionSaysHow() throws {
        let dataset = try SampleDatasets.random(nodes: 600, edgesPerNode: 3, seed: 7)
        let byCore = try NetworkOverview.figure(of: dataset, options: .init(legibility: Legibility(maxNodes: 150, maxEdges: 800)))
        XCTAssertLessThanOrEqual(byCore.shape.nodeCount, 150)
        XCTAssertLessThanOrEqual(byCore.shape.edgeCount, 800)
        let note = try XCTUnwrap(byCore.caption.first { $0.hasPrefix("showing ") })
        XCTAssertTrue(note.hasPrefix("showing \(groupedDigits(byCore.shape.nodeCount)) of 600 accounts: k-core ≥ "), note)
        let counts = try GraphvizLibrary.parseCounts(dot: byCore.dot)
        XCTAssertEqual(counts.nodes, byCore.shape.nodeCount)
        XCTAssertEqual(counts.edges, byCore.shape.edgeCount)

        let byTop = try NetworkOverview.figure(
            of: dataset, options: .init(legibility: Legibility(maxNodes: 40, maxEdges: 12, strategy: .topScores))
        )
        XCTAssertEqual(byTop.shape.nodeCount, 40)
        XCTAssertEqual(byTop.shape.edgeCount, 12)
        let topNote = try XCTUnwrap(byTop.caption.first { $0.hasPrefix("showing ") })
        XCTAssertTrue(topNote.hasPrefix("showing 40 of 600 accounts: top 40 by strength, the 12 heaviest of "), topNote)
        XCTAssertNoThrow(try byTop.render(as: .svg))
    }

    func testTheBudgetLeftByTheCoreGoesToTheStrongestOthers() throws {
        // A clique of five mutual reposters is the core; h, reposted by 30 accounts that repost
        // no one, is a star whose leaves keep its core number at 1. With 8 places, the core takes
        // five and h, the strongest of the rest, is drawn among the other three.
        let clique = (1 ... 5).flatMap { a in (1 ... 5).filter { $0 != a }.map { "c\(a),c\($0),repost" } }
        let star = (1 ... 30).map { "h,l\($0),repost" }
        let ids = (1 ... 5).map { "c\($0)" } + ["h"] + (1 ... 30).map { "l\($0)" }
        let dataset = try SampleDatasets.load(
            accounts: "id,kind\n" + ids.map { "\($0),other" }.joined(separator: "\n"),
            relations: "source,target,relation\n" + (clique + star).joined(separator: "\n")
        )
        let figure = try NetworkOverview.figure(of: dataset, options: .init(legibility: Legibility(maxNodes: 8)))
        XCTAssertEqual(figure.shape.nodeCount, 8)
        let note = try XCTUnwrap(figure.caption.first { $0.hasPrefix("showing ") })
        XCTAssertTrue(note.hasPrefix("showing 8 of 36 accounts: k-core ≥ "), note)
        XCTAssertTrue(note.hasSuffix(", and the 3 others highest by strength"), note)
        XCTAssertTrue(figure.dot.contains(" h ["), figure.dot)
    }

    func testAnAccountKnownOnlyByALongIdIsNamedWholeInTheCaption() throws {
        let hash = "8baf21a1238703855b8f171cc0d5e6d1"
        let dataset = try SampleDatasets.load(
            accounts: "id,name,kind\n\(hash),,other\nnamed,Hunan International Communication Centre,other\nb,,other",
            relations: "source,target,relation\n\(hash),b,repost\nnamed,b,repost"
        )
        let figure = try NetworkOverview.figure(of: dataset, options: .init(labelCount: 3))
        XCTAssertFalse(figure.dot.contains("xlabel"), "numbers inside the nodes, names in the caption: \(figure.dot)")
        XCTAssertTrue(figure.caption.contains { $0.contains("\(hash)") && $0.contains("Hunan International Communication Centre") }, "\(figure.caption)")
        XCTAssertTrue(figure.dot.contains(hash + " ("), "the whole id stays in the tooltip")
        XCTAssertEqual(try EgoNetwork.figure(of: dataset, around: hash).caption.first, "Ego network of \(hash): 1 hop, both directions")
    }

    func testDotOnABigCyclicOverviewFallsBackToSFDP() throws {
        let dataset = try SampleDatasets.random(nodes: 300, edgesPerNode: 3, seed: 3)
        let figure = try NetworkOverview.figure(of: dataset, options: .init(engine: .dot))
        XCTAssertEqual(figure.engine, .sfdp)
        XCTAssertTrue(figure.notice?.contains("dot is for trees and layered diagrams") ?? false)
        let refused = try NetworkOverview.figure(of: dataset, options: .init(engine: .dot, policy: .refuse))
        XCTAssertEqual(refused.engine, .dot, "the DOT text is still written")
        XCTAssertThrowsError(try refused.render(as: .svg)) { error in
            XCTAssertTrue("\(error)".contains("dot was not run"), "\(error)")
        }
        // A figure that is to be laid out is refused as it is built, with the same message.
        var laidOut = NetworkFigureOptions(engine: .dot, policy: .refuse)
        laidOut.isLaidOut = true
        XCTAssertThrowsError(try NetworkOverview.figure(of: dataset, options: laidOut)) { error in
            XCTAssertTrue(error is GraphvizError, "\(error)")
            XCTAssertTrue("\(error)".hasPrefix("dot was not run: dot is for trees and layered diagrams"), "\(error)")
        }
        laidOut.policy = .fallBackToSFDP
        XCTAssertEqual(try NetworkOverview.figure(of: dataset, options: laidOut).engine, .sfdp)
    }

    func testEgoNetworkKeepsTheNeighbourhoodAndHighlightsTheEgo() throws {
        let dataset = try SampleDatasets.hunan()
        let one = try EgoNetwork.figure(of: dataset, around: "kol1")
        XCTAssertEqual(Set(one.accountIDs), ["kol1", "hn_centre", "ccg", "c1", "odd \"id\" \\ with: colon"])
        XCTAssertEqual(one.engine, .twopi)
        XCTAssertTrue(one.dot.contains("kol1 [shape=\"star\", style=\"filled\""), one.dot)
        XCTAssertTrue(one.dot.contains("penwidth=3, color=\"#000000\", root=true];"), one.dot)
        XCTAssertEqual(one.caption.first, "Ego network of Big V one (kol1): 1 hop, both directions")
        let svg = String(decoding: try one.render(as: .svg).data, as: UTF8.self)
        XCTAssertEqual(svg.components(separatedBy: "class=\"node\"").count - 1, 5)

        let two = try EgoNetwork.figure(of: dataset, around: "kol1", radius: 2, direction: .outgoing)
        XCTAssertEqual(Set(two.accountIDs), ["kol1", "c1", "odd \"id\" \\ with: colon"])
        let alone = try EgoNetwork.figure(of: dataset, around: "emb", radius: 0)
        XCTAssertEqual(alone.accountIDs, ["emb"])
        XCTAssertNoThrow(try alone.render(as: .png))

        XCTAssertThrowsError(try EgoNetwork.figure(of: dataset, around: "nobody")) { error in
            XCTAssertEqual("\(error)", "account \"nobody\" is not in \(FigureCaption.name(of: dataset))")
        }
    }

    func testAProvinceKeepsItsColourFromFigureToFigure() throws {
        // Zhejiang has the most accounts (3), Hunan 2; the ego network of h1 draws more Hunan.
        let dataset = try SampleDatasets.load(
            accounts: "id,kind,province\nz1,city_account,Zhejiang\nz2,city_account,Zhejiang\nz3,city_account,Zhejiang\nh1,influencer,Hunan\nh2,community,Hunan\n",
            relations: "source,target,relation\nh1,h2,repost\nh1,z1,repost\nz1,z2,repost\nz2,z3,repost\n"
        )
        let zhejiang = "fillcolor=\"#4E79A7\"", hunan = "fillcolor=\"#F28E2B\""
        let overview = try NetworkOverview.figure(of: dataset, options: .init(engine: .sfdp))
        let ego = try EgoNetwork.figure(of: dataset, around: "h1")
        XCTAssertEqual(Set(ego.accountIDs), ["h1", "h2", "z1"])
        for figure in [overview, ego] {
            let lines = figure.dot.components(separatedBy: "\n")
            XCTAssertTrue(lines.contains { $0.contains("z1 [") && $0.contains(zhejiang) }, figure.dot)
            XCTAssertTrue(lines.contains { $0.contains("h2 [") && $0.contains(hunan) }, figure.dot)
        }
        let palette = ProvincePalette(provinces: ["A", "A", "B", nil, "C"], drawn: ["B", nil])
        XCTAssertEqual(palette.assigned.map(\.province), ["B"], "the legend lists what is drawn")
        XCTAssertEqual(palette.color(of: "B"), "#F28E2B", "B is second in the whole dataset")
        XCTAssertEqual(palette.color(of: nil), ProvincePalette.none)
    }

    func testTrimmedEgoNetworkKeepsTheEgo() throws {
        let dataset = try SampleDatasets.random(nodes: 400, edgesPerNode: 4, seed: 11)
        let figure = try EgoNetwork.figure(of: dataset, around: "a5", radius: 3, options: .init(legibility: Legibility(maxNodes: 20, strategy: .topScores)))
        XCTAssertTrue(figure.accountIDs.contains("a5"))
        XCTAssertLessThanOrEqual(figure.accountIDs.count, 21)
        XCTAssertTrue(figure.caption.contains("showing 20 of 316 accounts: the heaviest ties, hop by hop from the ego"), "\(figure.caption)")
    }

    func testEgoNetworkTrimmedByTieWeightHopByHop() throws {
        // e's ties: a (3 + 2 back = 5), b (4), c (1), d (2); x hangs off c (weight 9), y off a (1).
        let dataset = try SampleDatasets.load(
            accounts: "id,kind\ne,city_account\na,influencer\nb,influencer\nc,community\nd,community\nx,community\ny,community",
            relations: """
                source,target,relation,weight
                e,a,repost,3
                a,e,repost,2
                e,b,repost,4
                c,e,repost,1
                e,d,repost,2
                c,x,repost,9
                a,y,repost,1
                """
        )
        let budget = { (nodes: Int) in NetworkFigureOptions(legibility: Legibility(maxNodes: nodes, strategy: .topScores)) }
        XCTAssertEqual(Set(try EgoNetwork.figure(of: dataset, around: "e", radius: 2, options: budget(3)).accountIDs), ["e", "a", "b"])
        XCTAssertEqual(Set(try EgoNetwork.figure(of: dataset, around: "e", radius: 2, options: budget(5)).accountIDs), ["e", "a", "b", "d", "c"])
        // Every first-hop account before any second-hop one; then the heavier tie (x: 9) first.
        XCTAssertEqual(Set(try EgoNetwork.figure(of: dataset, around: "e", radius: 2, options: budget(6)).accountIDs), ["e", "a", "b", "d", "c", "x"])
    }

    func testCoreNumbersMatchNetworkX() {
        // Values printed by NetworkX 3.6: nx.core_number(nx.DiGraph(edges)).
        let graph = DirectedGraph(nodeCount: 5, edges: [(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (0, 2)])
        XCTAssertEqual(graph.coreNumbers(.both), [2, 2, 2, 1, 1])
        // A mutual triangle: in- plus out-degree counts each mutual pair twice.
        let mutual = DirectedGraph(nodeCount: 4, edges: [(0, 1), (1, 0), (1, 2), (2, 1), (0, 2), (2, 0), (2, 3)])
        XCTAssertEqual(mutual.coreNumbers(.both), [4, 4, 4, 1])
        let withLoop = DirectedGraph(nodeCount: 3, edges: [(0, 0), (0, 1), (1, 2)])
        XCTAssertEqual(withLoop.coreNumbers(.both), [1, 1, 1])
        XCTAssertEqual(DirectedGraph(nodeCount: 0, edges: []).coreNumbers(.both), [])
    }

    func testKindPaletteIsDistinctInGreyScaleAndInShape() throws {
        let styles = AccountKind.allCases.map(AccountKindStyle.of)
        let greys = try styles.map { try XCTUnwrap(AccountKindStyle.grey(of: $0.fill)) }.sorted()
        for (darker, lighter) in zip(greys, greys.dropFirst()) {
            XCTAssertGreaterThanOrEqual(lighter - darker, 0.10, "fills must differ by 10 points of grey")
        }
        XCTAssertEqual(Set(styles.map(\.glyph)).count, styles.count)
        XCTAssertEqual(Set(styles.map { "\($0.shape) \($0.style)" }).count, styles.count)
    }

    func testGroupedDigits() {
        XCTAssertEqual(groupedDigits(4_012), "4,012")
        XCTAssertEqual(groupedDigits(150), "150")
        XCTAssertEqual(groupedDigits(1_000_000), "1,000,000")
        XCTAssertEqual(groupedDigits(-12_345), "-12,345")
    }

    func testColorByCommunityKindAndColumn() throws {
        // Two triangles joined by one tie: Louvain (seed 1) finds the two triangles.
        let dataset = try SampleDatasets.load(
            accounts: "id,kind,province,platform\na,influencer,Hunan,x\nb,influencer,Hunan,x\nc,community,Hunan,weibo\nd,community,Zhejiang,weibo\ne,community,Zhejiang,weibo\nf,embassy,,weibo\n",
            relations: "source,target,relation,weight\na,b,repost,5\nb,c,repost,5\nc,a,repost,5\nd,e,repost,5\ne,f,repost,5\nf,d,repost,5\nc,d,repost,1\n"
        )
        var options = NetworkFigureOptions(engine: .neato)
        options.colorBy = NodeColoring("community")
        let community = try NetworkOverview.figure(of: dataset, options: options)
        XCTAssertTrue(community.caption.contains { $0.contains("shape: kind; colour: community (Louvain, seed 1)") }, "\(community.caption)")
        let categories = try XCTUnwrap(try NodeColoring.community(seed: 1).categories(of: dataset, graph: dataset.graph()))
        XCTAssertEqual(Set(categories[0 ..< 3]).count, 1)
        XCTAssertEqual(Set(categories[3 ..< 6]).count, 1)
        XCTAssertNotEqual(categories[0], categories[3])
        XCTAssertEqual(Set(categories.compactMap { $0 }), ["community 1", "community 2"])
        // Tableau's first two colours, in legend and fills; shapes stay the kinds'.
        XCTAssertTrue(community.dot.contains("fillcolor=\"#4E79A7\"") && community.dot.contains("fillcolor=\"#F28E2B\""))
        let svg = String(decoding: try community.render(as: .svg).data, as: UTF8.self)
        XCTAssertTrue(svg.contains(">community 1") && svg.contains(">community 2"), "the legend names the communities")

        options.colorBy = NodeColoring("platform")
        let platform = try NetworkOverview.figure(of: dataset, options: options)
        XCTAssertTrue(platform.caption.contains { $0.contains("colour: platform") })
        XCTAssertTrue(platform.dot.contains("subgraph") == false, "no province boxes when fill shows a column")
        options.colorBy = NodeColoring("kind")
        let kind = try NetworkOverview.figure(of: dataset, options: options)
        XCTAssertTrue(kind.caption.contains { $0.contains("shape and colour: kind") })
        options.colorBy = NodeColoring("language")
        XCTAssertThrowsError(try NetworkOverview.figure(of: dataset, options: options)) { error in
            XCTAssertTrue("\(error)".contains("no account has a value for \"language\""), "\(error)")
        }
    }

    func testAccountsWithoutKindsOrProvincesAreColouredByCommunity() throws {
        // The two triangles of the test above, as an edge list gives them: no kinds, no provinces.
        let dataset = try SampleDatasets.load(
            accounts: "id,kind\na,other\nb,other\nc,other\nd,other\ne,other\nf,other\n",
            relations: "source,target,relation,weight\na,b,repost,5\nb,c,repost,5\nc,a,repost,5\nd,e,repost,5\ne,f,repost,5\nf,d,repost,5\nc,d,repost,1\n"
        )
        XCTAssertEqual(NodeColoring.automatic(for: dataset, seed: 7), .community(seed: 7))
        var options = NetworkFigureOptions(engine: .neato)
        options.seed = 7
        let figure = try NetworkOverview.figure(of: dataset, options: options)
        XCTAssertTrue(figure.caption.contains { $0.contains("one shape (every account is other); colour: community (Louvain, seed 7)") }, "\(figure.caption)")
        XCTAssertTrue(figure.dot.contains("fillcolor=\"#4E79A7\"") && figure.dot.contains("fillcolor=\"#F28E2B\""), "two communities, two fills")
        // One account with a province, or two kinds, keeps the default fill.
        let withProvince = try SampleDatasets.load(accounts: "id,kind,province\na,other,Hunan\nb,other,\n", relations: "source,target,relation,weight\na,b,repost,1\n")
        XCTAssertNil(NodeColoring.automatic(for: withProvince, seed: 1))
        let withKinds = try SampleDatasets.load(accounts: "id,kind\na,influencer\nb,community\n", relations: "source,target,relation,weight\na,b,repost,1\n")
        XCTAssertNil(NodeColoring.automatic(for: withKinds, seed: 1))
    }
}
