import Foundation
import XCTest

/// Datasets for the render and export tests; running goes through ``ReachGraphCLI``.
enum ReachGraphProcess {
    /// A fresh folder with a small dataset: a hub, cities, influencers, communities, CJK names.
    static func sampleDataset() throws -> String {
        let folder = NSTemporaryDirectory() + "reachgraph-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("""
            id,name,kind,province
            hub,湖南国际传播中心,media_centre,Hunan
            cs,Changsha,city_account,Hunan
            yy,Yueyang,city_account,Hunan
            kol,Big V,influencer,
            c1,Community 1,community,
            c2,Community 2,community,

            """.utf8).write(to: URL(fileURLWithPath: folder + "/accounts.csv"))
        try Data("""
            source,target,relation,weight
            hub,cs,repost,5
            hub,yy,repost,3
            hub,kol,repost,9
            kol,c1,repost,20
            kol,c2,repost,2
            cs,c1,repost,1

            """.utf8).write(to: URL(fileURLWithPath: folder + "/relations.csv"))
        return folder
    }

    /// An edge list of `nodes` accounts in a ring with chords: cyclic, three edges per node.
    static func cyclicEdgeList(nodes: Int) throws -> String {
        let path = NSTemporaryDirectory() + "reachgraph-cli-" + UUID().uuidString + "-edges.csv"
        var text = "source,target\n"
        for node in 0 ..< nodes {
            for step in [1, 7, 31] { text += "n\(node),n\((node + step) % nodes)\n" }
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}

/// `reachgraph render`: formats from the extension, figures, trimming, exit codes.
final class RenderCommandTests: XCTestCase {
    func testOverviewInEveryFormat() throws {
        let dataset = try ReachGraphProcess.sampleDataset()
        let magic: [String: [UInt8]] = ["svg": Array("<?xml".utf8), "png": [0x89, 0x50, 0x4E, 0x47], "pdf": Array("%PDF".utf8), "dot": Array("digraph".utf8)]
        for (fileExtension, prefix) in magic {
            let path = dataset + "/figures/overview.\(fileExtension)"
            let result = try ReachGraphCLI.run(["render", dataset, "--synthetic", "-o", path])
            XCTAssertEqual(result.status, 0, result.error)
            XCTAssertEqual(result.output, "")
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            XCTAssertEqual(Array(data.prefix(prefix.count)), prefix, fileExtension)
        }
        let svg = try String(contentsOfFile: dataset + "/figures/overview.svg", encoding: .utf8)
        XCTAssertTrue(svg.contains("Synthetic data: no edge or number is a real observation"))
        XCTAssertTrue(svg.contains("湖南国际传播中心"))
        XCTAssertEqual(svg.components(separatedBy: "class=\"node\"").count - 1, 6)
    }

    func testEgoNetworkAndItsErrors() throws {
        let dataset = try ReachGraphProcess.sampleDataset()
        let dot = dataset + "/ego.dot"
        let ego = try ReachGraphCLI.run(["render", dataset, "--figure", "ego", "--account", "kol", "--radius", "1", "-o", dot])
        XCTAssertEqual(ego.status, 0, ego.error)
        let text = try String(contentsOfFile: dot, encoding: .utf8)
        XCTAssertTrue(text.contains("Ego network of Big V (kol): 1 hop, both directions"))
        XCTAssertEqual(text.components(separatedBy: "tooltip=").count - 1, 4 + 3, "4 accounts and 3 ties")

        let unknown = try ReachGraphCLI.run(["render", dataset, "--figure", "ego", "--account", "nobody", "-o", dataset + "/x.svg"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertEqual(unknown.error, "reachgraph: account \"nobody\" is not in \((dataset as NSString).lastPathComponent)\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dataset + "/x.svg"))
    }

    func testTheCascadeFigureNeedsARepostOfAPostInTheData() throws {
        let folder = NSTemporaryDirectory() + "reachgraph-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let orphans = folder + "/orphans.csv", traced = folder + "/traced.csv"
        try Data("post_id,author,time,parent_post\np1,a,100,\np2,b,200,p9\np3,c,300,p9\n".utf8).write(to: URL(fileURLWithPath: orphans))
        let none = try ReachGraphCLI.run(["render", orphans, "--figure", "cascade", "--quiet", "-o", folder + "/none.dot"])
        XCTAssertEqual(none.status, 1)
        XCTAssertEqual(none.error, "reachgraph: \(orphans) has no repost of a post it holds (2 lead back to posts not in the data), so no cascade to draw\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/none.dot"))

        try Data("post_id,author,time,parent_post\np0,z,50,\np1,a,100,\np2,b,200,p1\n".utf8).write(to: URL(fileURLWithPath: traced))
        let drawn = try ReachGraphCLI.run(["render", traced, "--figure", "cascade", "--quiet", "-o", folder + "/largest.dot"])
        XCTAssertEqual(drawn.status, 0, drawn.error)
        let text = try String(contentsOfFile: folder + "/largest.dot", encoding: .utf8)
        XCTAssertTrue(text.contains("p1"), "the cascade of p1 (2 participants), not the lone post p0")
        XCTAssertFalse(text.contains("p0"))
    }

    func testTheStructureFigureTakesTheResponseWindow() throws {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("graphs/sample").path
        let folder = try ReachGraphCLI.temporaryFolder()
        let day = try ReachGraphCLI.run(["render", sample, "--figure", "structure", "--province", "Fujian", "--window", "24h", "--quiet", "-o", folder + "/day.dot"])
        XCTAssertEqual(day.status, 0, day.error)
        XCTAssertTrue(try String(contentsOfFile: folder + "/day.dot", encoding: .utf8).contains("of (hub post, spoke) pairs within 1 d"))
        XCTAssertEqual(try ReachGraphCLI.run(["render", sample, "--figure", "structure", "--province", "Fujian", "--quiet", "-o", folder + "/default.dot"]).status, 0)
        XCTAssertTrue(try String(contentsOfFile: folder + "/default.dot", encoding: .utf8).contains("of (hub post, spoke) pairs within 3 d"))
        let cycle = try ReachGraphCLI.temporaryFolder([
            "accounts.csv": "id,kind,province,tier,parent\nh,media_centre,Hunan,provincial,m\nm,media_outlet,Hunan,provincial,h\nc,city_account,Hunan,municipal,h\n",
            "relations.csv": "source,target,relation\nh,c,repost\n",
        ])
        let leftOut = try ReachGraphCLI.run(["render", cycle, "--figure", "structure", "--province", "Hunan", "-o", folder + "/cycle.svg"])
        XCTAssertEqual(leftOut.status, 1)
        XCTAssertTrue(leftOut.error.contains("Hunan is left out of the 1+N structure in"), leftOut.error)
        XCTAssertTrue(leftOut.error.contains("the cycle h → m → h"), leftOut.error)
        let overview = try ReachGraphCLI.run(["render", sample, "--window", "24h", "-o", folder + "/x.svg"])
        XCTAssertEqual(overview.status, 2)
        XCTAssertTrue(overview.error.contains("--window is for --figure coordination and structure"), overview.error)
    }

    func testUsageErrorsExitTwo() throws {
        let dataset = try ReachGraphProcess.sampleDataset()
        let cases: [([String], String)] = [
            (["-o", dataset + "/figure.jpg"], "cannot tell the format of \"\(dataset)/figure.jpg\": use a .svg, .png, .pdf or .dot file name"),
            (["-o", dataset + "/figure"], "cannot tell the format of \"\(dataset)/figure\": use a .svg, .png, .pdf or .dot file name"),
            (["--top", "3", "--max-nodes", "3", "-o", dataset + "/f.svg"], "give --top or --max-nodes, not both"),
            (["--figure", "ego", "-o", dataset + "/f.svg"], "--figure ego needs --account ID"),
            (["--account", "kol", "-o", dataset + "/f.svg"], "--account is for --figure ego"),
            (["--layout", "spring", "-o", dataset + "/f.svg"], "The value 'spring' is invalid for '--layout <layout>'. Please provide one of the following:"),
            (["--by", "fame", "-o", dataset + "/f.svg"], "The value 'fame' is invalid for '--by <by>'. Please provide one of the following:"),
            (["--top", "0", "-o", dataset + "/f.svg"], "--top must be at least 1"),
        ]
        for (arguments, message) in cases {
            try assertUsageError(["render", dataset] + arguments, message)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dataset + "/f.svg"), "nothing written")
    }

    func testByTakesEveryMeasureRankTakes() throws {
        let edges = try ReachGraphCLI.temporaryFile("edges.csv", "source,target,weight\nhub,a,2\nhub,b,1\na,b,1\nb,hub,1\n")
        let figure = (edges as NSString).deletingLastPathComponent + "/f.dot"
        // In-degree centrality by hand: hub 1/2, a 1/2, b 2/2. (The cycle lets eigenvector converge.)
        let inDegree = try ReachGraphCLI.run(["render", edges, "--by", "in-degree", "-o", figure])
        XCTAssertEqual(inDegree.status, 0, inDegree.error)
        let dot = try String(contentsOfFile: figure, encoding: .utf8)
        XCTAssertTrue(dot.contains("node area: in-degree"), dot)
        XCTAssertTrue(dot.contains("tooltip=\"a (a) · other · in-degree 0.5\""), dot)
        XCTAssertTrue(dot.contains("tooltip=\"b (b) · other · in-degree 1\""), dot)
        // The same PageRank as `rank --by pagerank` (NetworkX's, checked in PageRankTests).
        XCTAssertEqual(try ReachGraphCLI.run(["render", edges, "--by", "pagerank", "-o", figure]).status, 0)
        let rank = try ReachGraphCLI.run(["rank", edges, "--by", "pagerank", "--top", "1", "--format", "csv"])
        let top = rank.output.split(separator: "\n")[1].split(separator: ",")
        let score = String(format: "%.6g", try XCTUnwrap(Double(top[2])))
        XCTAssertTrue(try String(contentsOfFile: figure, encoding: .utf8).contains("tooltip=\"\(top[1]) (\(top[1])) · other · pagerank \(score)\""))
        let measures = [
            "degree", "in-degree", "out-degree", "strength", "in-strength", "out-strength", "pagerank", "source-rank", "hits-hub",
            "hits-authority", "eigenvector", "katz", "betweenness", "betweenness-approx", "closeness", "harmonic", "core",
            "collective-influence", "voterank",
        ]
        let help = try ReachGraphCLI.run(["rank", "--help"]).output
        for measure in measures {
            XCTAssertTrue(help.contains("  \(measure): "), "rank lists \(measure)")
            let result = try ReachGraphCLI.run(["render", edges, "--by", measure, "-o", figure])
            XCTAssertEqual(result.status, 0, "\(measure): \(result.error)")
            XCTAssertTrue(try String(contentsOfFile: figure, encoding: .utf8).contains("node area: \(measure);"), measure)
        }
    }

    func testTopAndKCoreTrimmingAreNamedInTheCaption() throws {
        let edges = try ReachGraphProcess.cyclicEdgeList(nodes: 400)
        let folder = (edges as NSString).deletingLastPathComponent
        let top = try ReachGraphCLI.run(["render", edges, "--top", "50", "--by", "in-degree", "-o", folder + "/top.dot"])
        XCTAssertEqual(top.status, 0, top.error)
        XCTAssertTrue(try String(contentsOfFile: folder + "/top.dot", encoding: .utf8).contains("showing 50 of 400 accounts: top 50 by in-degree"))
        let core = try ReachGraphCLI.run(["render", edges, "--max-nodes", "50", "-o", folder + "/core.svg"])
        XCTAssertEqual(core.status, 0, core.error)
        // Graphviz's SVG writes "-" as "&#45;".
        let svg = try String(contentsOfFile: folder + "/core.svg", encoding: .utf8).replacingOccurrences(of: "&#45;", with: "-")
        XCTAssertTrue(svg.contains("showing 50 of 400 accounts: k-core ≥ 6, top 50 by strength"))
    }

    func testAnOverviewIsTrimmedToTheBriefingsBudgetUnlessToldOtherwise() throws {
        let edges = try ReachGraphProcess.cyclicEdgeList(nodes: 400)
        let folder = (edges as NSString).deletingLastPathComponent
        let trimmed = try ReachGraphCLI.run(["render", edges, "-o", folder + "/default.dot"])
        XCTAssertEqual(trimmed.status, 0, trimmed.error)
        let dot = try String(contentsOfFile: folder + "/default.dot", encoding: .utf8)
        XCTAssertTrue(dot.contains(" of 400 accounts: k-core ≥ "), dot.prefix(2000).description)
        let all = try ReachGraphCLI.run(["render", edges, "--max-nodes", "400", "-o", folder + "/all.dot"])
        XCTAssertEqual(all.status, 0, all.error)
        XCTAssertFalse(try String(contentsOfFile: folder + "/all.dot", encoding: .utf8).contains(" of 400 accounts"))
    }

    func testDotOnABigCyclicGraphIsReplacedWithAWarning() throws {
        let edges = try ReachGraphProcess.cyclicEdgeList(nodes: 300)
        let output = (edges as NSString).deletingLastPathComponent + "/dot.svg"
        let result = try ReachGraphCLI.run(["render", edges, "--layout", "dot", "--max-nodes", "300", "-o", output])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.error.hasPrefix("warning: dot was not run (dot is for trees and layered diagrams"), result.error)
        XCTAssertTrue(result.error.contains("laid out with sfdp instead"))
        let quiet = try ReachGraphCLI.run(["render", edges, "--layout", "dot", "--max-nodes", "300", "--quiet", "-o", output])
        XCTAssertEqual(quiet.error, "")
    }

    func testDOTInputIsRenderedAsItIs() throws {
        let folder = NSTemporaryDirectory() + "reachgraph-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("digraph { layout=neato; a -> b -> c; c [label=\"湖南\"] }".utf8).write(to: URL(fileURLWithPath: folder + "/in.gv"))
        let result = try ReachGraphCLI.run(["render", folder + "/in.gv", "-o", folder + "/out.png"])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(try Data(contentsOf: URL(fileURLWithPath: folder + "/out.png")).starts(with: [0x89, 0x50, 0x4E, 0x47]))
        try Data("digraph { a -> ".utf8).write(to: URL(fileURLWithPath: folder + "/bad.dot"))
        let bad = try ReachGraphCLI.run(["render", folder + "/bad.dot", "-o", folder + "/bad.svg"])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.error.hasPrefix("reachgraph: Graphviz could not parse the DOT text: syntax error"), bad.error)
        XCTAssertEqual(bad.error.split(separator: "\n").count, 1)
        XCTAssertEqual(try ReachGraphCLI.run(["render", folder + "/in.gv", "-o", folder + "/out.dot"]).status, 2)
    }
}
