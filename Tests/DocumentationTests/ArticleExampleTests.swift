import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ReachGraph
import ReachGraphCore
import ReachGraphviz
import XCTest

/// Runs the example of every DocC article and checks its numbers. The lines between
/// `// example: NAME` and `// end example` are the article's Swift block, verbatim (after
/// removing the indentation): ``ArticleExampleTests/testArticlesShowTheCodeThatRuns`` compares them.
final class ArticleExampleTests: XCTestCase {
    /// A fresh folder for one example's files.
    private func exampleFolder(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reachgraph-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    func testCentralityExample() throws {
        // example: Centrality
        // A city account (0) reposted by an influencer (1, three times) and an embassy (2);
        // the influencer reposted by two community accounts (3 and 4). Edges run source → amplifier.
        let graph = DirectedGraph(nodeCount: 5, weightedEdges: [(0, 1, 3), (0, 2, 1), (1, 3, 2), (1, 4, 1)])
        let sourceRank = try graph.reversed().pageRank()     // networkx.pagerank(G.reverse())
        let bridges = graph.betweennessCentrality()           // networkx.betweenness_centrality(G)
        let audience = graph.harmonicCentrality()             // networkx.harmonic_centrality(G)
        // Betweenness sampled until the top broker is settled; here that takes every source.
        let brokers = try graph.adaptiveBetweennessCentrality(AdaptiveBetweennessOptions(topCount: 1))
        // end example
        // Values from NetworkX 3.6.1 on the same graph.
        assertClose(sourceRank, [0.42102648619305244, 0.27425091491203435, 0.10157419963163788, 0.10157419963163788, 0.10157419963163788], 1e-6)
        assertClose(bridges, [0, 1.0 / 6, 0, 0, 0], 1e-12)
        assertClose(audience, [0, 1, 1, 1.5, 1.5], 1e-12)
        // Only the city account has a two-hop path (0 → 1 → 3), so it is the one source to follow.
        XCTAssertEqual(brokers.top, [1])
        XCTAssertEqual(brokers.contributingSources, 1)
        XCTAssertTrue(brokers.isExact)
        assertClose(brokers.values, bridges, 1e-15)
    }

    func testDiffusionExample() throws {
        // example: Diffusion
        let graph = DirectedGraph(nodeCount: 5, weightedEdges: [(0, 1, 3), (0, 2, 1), (1, 3, 2), (1, 4, 1)])
        // Every repost tie fires with probability 0.5: how many accounts does a post by 0 reach?
        let reach = try graph.simulateIndependentCascade(from: [0], model: .uniform(0.5), runs: 20_000, seed: 7)
        print(reach.expectedReach, reach.confidenceInterval)  // ≈ 2.5, exactly 1 + 2 × 0.5 + 2 × 0.25
        // The one account whose posts would travel furthest under the weighted cascade model.
        let best = try graph.maximizeInfluence(k: 1, model: .independentCascade(.weightedCascade), seed: 7)
        print(best.seeds, best.estimatedSpread)               // [0] 5.0
        // end example
        XCTAssertEqual(reach.expectedReach, 2.5, accuracy: 4 * reach.standardError)
        XCTAssertTrue(reach.confidenceInterval.contains(2.5) || abs(reach.expectedReach - 2.5) < 0.05)
        XCTAssertEqual(best.seeds, [0])
        XCTAssertEqual(best.estimatedSpread, 5, accuracy: 1e-9, "every tie fires under the weighted cascade here: in-degree 1 everywhere")
    }

    func testCascadesExample() throws {
        let folder = try exampleFolder("cascades")
        // example: Cascades
        // A city account posts; an overseas influencer reposts it and two community accounts
        // repost the influencer; a third community account reposts the city directly.
        try """
        id,name,kind,followers
        city,Changsha city,city_account,30000
        bigv,Big V,influencer,500000
        c1,Community 1,community,800
        c2,Community 2,community,1200
        c3,Community 3,community,500
        """.write(to: folder.appendingPathComponent("accounts.csv"), atomically: true, encoding: .utf8)
        try """
        post_id,author,time,parent_post
        p1,city,2025-05-01T08:00:00Z,
        p2,bigv,2025-05-01T09:00:00Z,p1
        p3,c3,2025-05-01T09:30:00Z,p1
        p4,c1,2025-05-01T10:00:00Z,p2
        p5,c2,2025-05-01T11:00:00Z,p2
        """.write(to: folder.appendingPathComponent("posts.csv"), atomically: true, encoding: .utf8)
        let dataset = try DatasetLoader.load(folder.path)
        let cascade = CascadeAnalysis(dataset: dataset).cascades[0]
        print(cascade.size, cascade.depth, cascade.maxBreadth, cascade.structuralVirality)  // 5 2.0 2.0 1.8
        print(cascade.stagePath.map(\.rawValue))  // ["city_account", "influencer", "community"]
        print(cascade.potentialReach)             // 532500.0
        // end example
        XCTAssertEqual(cascade.size, 5)
        XCTAssertEqual(cascade.depth, 2)
        XCTAssertEqual(cascade.maxBreadth, 2)
        XCTAssertEqual(cascade.structuralVirality, 1.8, accuracy: 1e-12, "Wiener index 18 over 10 pairs")
        XCTAssertEqual(cascade.stagePath.map(\.rawValue), ["city_account", "influencer", "community"])
        XCTAssertEqual(cascade.potentialReach, 532_500)
        XCTAssertEqual(cascade.timeToDepth[0], 7200, "c1 is two hops from the root two hours after it")
    }

    func testCoordinationExample() throws {
        // example: Coordination
        var log = ShareLog()
        // Three accounts share the same two links within a minute of each other; a fourth shares
        // one of them a day later.
        log.append(account: "a", object: "https://example.org/1", message: "a1", time: 0)
        log.append(account: "b", object: "https://example.org/1", message: "b1", time: 20)
        log.append(account: "c", object: "https://example.org/1", message: "c1", time: 45)
        log.append(account: "a", object: "https://example.org/2", message: "a2", time: 3600)
        log.append(account: "b", object: "https://example.org/2", message: "b2", time: 3610)
        log.append(account: "c", object: "https://example.org/2", message: "c2", time: 3655)
        log.append(account: "d", object: "https://example.org/1", message: "d1", time: 86_400)
        let network = CoActionNetwork(log: log, options: CoActionOptions(window: 60))
        for edge in network.edges {
            print(network.accountIDs[Int(edge.accountA)], network.accountIDs[Int(edge.accountB)], edge.coShares, edge.symmetry)
        }
        // a b 2 1.0 · a c 2 1.0 · b c 2 1.0 — d is never within 60 s of anyone

        // Twenty accounts share each of five viral posts within its first 50 s; no one co-ordinates.
        var viral = ShareLog()
        for post in 0 ..< 5 {
            for account in 0 ..< 20 {
                let time = Double(post * 86_400 + (account * 7 + post * 3) % 50)
                viral.append(account: "u\(account)", object: "post\(post)", message: "m\(post)-\(account)", time: time)
            }
        }
        let crowd = CoActionNetwork(log: viral, options: CoActionOptions(window: 60))
        let circular = ShuffleBaseline(log: viral, network: crowd, shuffles: 20, seed: 1)
        let object = ShuffleBaseline(log: viral, network: crowd, shuffles: 20, seed: 1, method: .object)
        print(circular.pairs.observed, circular.pairs.p, object.pairs.expected, object.pairs.p)
        // 950.0 0.047619047619047616 950.0 1.0 — virality is "significant" only against circular shifts
        // end example
        let pairs = network.edges.map { "\(network.accountIDs[Int($0.accountA)])-\(network.accountIDs[Int($0.accountB)]):\($0.coShares):\($0.objects)" }
        XCTAssertEqual(pairs, ["a-b:2:2", "a-c:2:2", "b-c:2:2"])
        XCTAssertEqual(network.pairCount, 6)
        XCTAssertEqual(network.edges.map(\.symmetry), [1, 1, 1])
        XCTAssertEqual(circular.pairs.observed, 950)
        XCTAssertEqual(circular.pairs.p, 1.0 / 21.0, accuracy: 1e-15, "no circular shuffle reaches the viral crowd's pairs")
        XCTAssertLessThan(circular.pairs.expected, 200)
        XCTAssertEqual(object.pairs.expected, 950, "a permutation within an object keeps its times, so its pairs")
        XCTAssertEqual(object.pairs.standardDeviation, 0)
        XCTAssertEqual(object.pairs.p, 1)
    }

    func testStructureExample() throws {
        let folder = try exampleFolder("structure")
        // example: Structure
        // Hunan's provincial centre (the hub) declares two municipal centres as its spokes.
        try """
        id,name,kind,province,tier,parent
        hub,Hunan centre,media_centre,Hunan,provincial,
        cs,Changsha centre,media_centre,Hunan,municipal,hub
        yy,Yueyang centre,media_centre,Hunan,municipal,hub
        """.write(to: folder.appendingPathComponent("accounts.csv"), atomically: true, encoding: .utf8)
        // The hub posts twice; Changsha relays both (after 1 h and 3 h), Yueyang one (after 2 h).
        try """
        post_id,author,time,parent_post
        h1,hub,2025-05-01T08:00:00Z,
        h2,hub,2025-05-02T08:00:00Z,
        r1,cs,2025-05-01T09:00:00Z,h1
        r2,yy,2025-05-01T10:00:00Z,h1
        r3,cs,2025-05-02T11:00:00Z,h2
        """.write(to: folder.appendingPathComponent("posts.csv"), atomically: true, encoding: .utf8)
        let dataset = try DatasetLoader.load(folder.path)
        let scorecard = StructureAnalysis(dataset: dataset, options: StructureOptions(shuffles: 0)).scorecards[0]
        for (slot, spoke) in scorecard.structure.spokes.enumerated() {
            let id = dataset.accounts[Int(spoke)].id
            print(id, scorecard.response.coverage(ofSpoke: slot)!, scorecard.response.lag(ofSpoke: slot)!.median / 3600)
        }
        // cs 1.0 2.0 (relays every hub post, median lag 2 h) · yy 0.5 2.0
        print(scorecard.response.structureCoverage!)  // 0.75
        // end example
        XCTAssertEqual(scorecard.structure.name, "Hunan")
        let ids = scorecard.structure.spokes.map { dataset.accounts[Int($0)].id }
        let coverage = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, scorecard.response.coverage(ofSpoke: $0)!) })
        XCTAssertEqual(coverage, ["cs": 1, "yy": 0.5])
        let lags = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, scorecard.response.lag(ofSpoke: $0)!.median) })
        XCTAssertEqual(lags, ["cs": 7200, "yy": 7200], "median of 1 h and 3 h; Yueyang's single 2 h")
        XCTAssertEqual(scorecard.response.structureCoverage, 0.75)
        XCTAssertEqual(scorecard.response.shareOfHubPosts(respondedToByAtLeast: 2), 0.5)
    }

    func testIndexExample() throws {
        let folder = try exampleFolder("index")
        // example: CommunicationPowerIndex
        try """
        id,name,kind,city
        cs_fb,Changsha on Facebook,city_account,Changsha
        yy_fb,Yueyang on Facebook,city_account,Yueyang
        zz_fb,Zhuzhou on Facebook,city_account,Zhuzhou
        """.write(to: folder.appendingPathComponent("accounts.csv"), atomically: true, encoding: .utf8)
        try """
        account,platform,period,posts,likes,comments,shares,views,followers,follower_gain
        cs_fb,facebook,2025-05,40,900,120,300,50000,30000,1200
        yy_fb,facebook,2025-05,10,100,20,30,8000,9000,100
        zz_fb,facebook,2025-05,20,400,60,120,20000,15000,400
        cs_fb,facebook,2025-06,20,200,30,60,9000,30500,500
        yy_fb,facebook,2025-06,30,1500,200,450,70000,9800,800
        zz_fb,facebook,2025-06,20,400,60,120,20000,15400,400
        """.write(to: folder.appendingPathComponent("metrics.csv"), atomically: true, encoding: .utf8)
        let index = CommunicationPowerIndex(dataset: try DatasetLoader.load(folder.path))
        let june = try index.report(by: .city)   // the latest period, compared with May
        for entry in june.composite {
            print(entry.rank, entry.unit.label, entry.changeLabel)
        }
        // 1 Yueyang ↑2 · 2 Zhuzhou = · 3 Changsha ↓2
        // end example
        XCTAssertEqual(june.period, "2025-06")
        XCTAssertEqual(june.previousPeriod, "2025-05")
        XCTAssertEqual(june.composite.map(\.unit.label), ["Yueyang", "Zhuzhou", "Changsha"])
        XCTAssertEqual(june.composite.map(\.changeLabel), ["↑2", "=", "↓2"])
        XCTAssertEqual(june.composite.map(\.rank.position), [1, 2, 3])
        // Yueyang is highest on every indicator but followers: 100 × (0.2 G + 0.4 I + 0.4 × (0.2 gain + 0.4 views)) = 84
        // quantitative, and no qualitative column, so the score is all quantitative.
        XCTAssertEqual(try XCTUnwrap(june.composite.first).score, 84, accuracy: 1e-9)
    }

    func testFiguresExample() throws {
        let folder = try exampleFolder("figures")
        // example: Figures
        try """
        id,name,kind,province
        hub,湖南国际传播中心,media_centre,Hunan
        bigv,Big V,influencer,
        c1,Community 1,community,
        """.write(to: folder.appendingPathComponent("accounts.csv"), atomically: true, encoding: .utf8)
        try """
        source,target,relation,weight
        hub,bigv,repost,12
        bigv,c1,repost,4
        """.write(to: folder.appendingPathComponent("relations.csv"), atomically: true, encoding: .utf8)
        let dataset = try DatasetLoader.load(folder.path)
        let figure = try NetworkOverview.figure(of: dataset)
        print(figure.engine, figure.caption.joined(separator: " "))
        let svg = try figure.render(as: .svg).data   // in-process Graphviz; also .png and .pdf
        try svg.write(to: folder.appendingPathComponent("overview.svg"))
        // end example
        let text = String(decoding: svg, as: UTF8.self)
        XCTAssertEqual(text.components(separatedBy: "class=\"node\"").count - 1, 3)
        XCTAssertEqual(text.components(separatedBy: "class=\"edge\"").count - 1, 2)
        XCTAssertTrue(text.contains("湖南国际传播中心"))
        XCTAssertTrue(XMLParser(data: svg).parse(), "the SVG is well-formed XML")
    }

    /// Each article's single Swift block is the code between its `// example:` markers here.
    func testArticlesShowTheCodeThatRuns() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let articles = [
            "Sources/ReachGraphCore/ReachGraphCore.docc/Centrality.md": "Centrality",
            "Sources/ReachGraphCore/ReachGraphCore.docc/Diffusion.md": "Diffusion",
            "Sources/ReachGraph/ReachGraph.docc/Cascades.md": "Cascades",
            "Sources/ReachGraph/ReachGraph.docc/Coordination.md": "Coordination",
            "Sources/ReachGraph/ReachGraph.docc/Structure.md": "Structure",
            "Sources/ReachGraph/ReachGraph.docc/PowerIndex.md": "CommunicationPowerIndex",
            "Sources/ReachGraphviz/ReachGraphviz.docc/Figures.md": "Figures",
        ]
        for (path, name) in articles.sorted(by: { $0.key < $1.key }) {
            let article = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            let blocks = Self.swiftBlocks(in: article)
            XCTAssertEqual(blocks.count, 1, "\(path): one Swift example")
            XCTAssertEqual(blocks.first, Self.example(name, in: source), "\(path) differs from the code the test runs")
        }
    }

    /// The contents of every ```swift block of a Markdown text.
    static func swiftBlocks(in markdown: String) -> [String] {
        var blocks: [String] = [], current: [Substring]?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line.trimmingCharacters(in: .whitespaces) == "```swift" {
                current = []
            } else if let lines = current, line.trimmingCharacters(in: .whitespaces) == "```" {
                blocks.append(dedented(lines))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    /// The lines of this file between `// example: name` and `// end example`, dedented.
    static func example(_ name: String, in source: String) -> String? {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "// example: \(name)" }),
              let end = lines[start...].firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "// end example" }) else { return nil }
        return dedented(Array(lines[(start + 1) ..< end]))
    }

    static func dedented(_ lines: [Substring]) -> String {
        let indent = lines.filter { !$0.allSatisfy(\.isWhitespace) }.map { $0.prefix(while: { $0 == " " }).count }.min() ?? 0
        return lines.map { String($0.dropFirst(min(indent, $0.prefix(while: { $0 == " " }).count))) }.joined(separator: "\n")
    }

    private func assertClose(_ actual: [Double], _ expected: [Double], _ tolerance: Double, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(actual.count, expected.count, file: file, line: line)
        for (a, e) in zip(actual, expected) { XCTAssertEqual(a, e, accuracy: tolerance * max(1, abs(e)), file: file, line: line) }
    }
}
