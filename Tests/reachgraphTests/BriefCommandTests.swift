import Foundation
import XCTest

/// `reachgraph brief`: the page and its tables hold the same numbers as the commands that make
/// each table on their own (the briefing and the CLI call the same library steps).
final class BriefCommandTests: XCTestCase {
    func testTablesEqualTheCommandsOutputs() throws {
        let folder = try ReachGraphCLI.temporaryFolder([
            "accounts.csv": "id,kind,province,tier\nhub,media_centre,Hunan,provincial\na,city_account,Hunan,municipal\nb,city_account,Zhejiang,municipal\nc,influencer,,overseas\nd,community,,overseas\ne,community,,overseas\n",
            "relations.csv": "source,target,relation,weight\nhub,a,repost,3\nhub,b,repost,2\nhub,c,repost,1\na,d,repost,1\nb,d,repost,1\nc,e,repost,4\na,b,collaboration,1\n",
        ])
        let output = folder + "/brief"
        let result = try ReachGraphCLI.run(["brief", folder, "-o", output, "--bootstrap", "0", "--no-png", "--seed", "3"])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.error.hasPrefix("wrote \(output)/index.html and brief.md: "), result.error)
        XCTAssertTrue(result.output.hasPrefix("Key findings\n- Key opinion leaders: Top "), result.output)
        XCTAssertTrue(result.output.contains("\n- Who to reach: If these 6 accounts (first hub, "), "k = 10 asked, 6 accounts: \(result.output)")
        let page = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        XCTAssertTrue(page.contains("Key opinion leaders"))
        let markdown = try String(contentsOfFile: output + "/brief.md", encoding: .utf8)
        XCTAssertTrue(markdown.contains("Who to reach"))
        XCTAssertTrue(markdown.contains("The same table (tables/key_opinion_leaders.csv) at the command line: `reachgraph kol INPUT --top 15`"), markdown)
        func table(_ name: String) throws -> String { try String(contentsOfFile: output + "/tables/\(name).csv", encoding: .utf8) }
        let kol = try ReachGraphCLI.run(["kol", folder, "--top", "15", "--format", "csv"])
        XCTAssertEqual(try table("key_opinion_leaders"), kol.output)
        XCTAssertTrue(kol.output.contains("\n1,hub,1,source,") && kol.output.contains("\n2,c,0.8,bridge,"), kol.output)
        let seeds = try ReachGraphCLI.run(["seeds", folder, "--k", "10", "--model", "wc", "--seed", "3", "--table", "seeds", "--format", "csv"])
        XCTAssertEqual(try table("who_to_reach"), seeds.output)
        // hub is upstream of every other account, so it is chosen first.
        XCTAssertEqual(seeds.output.split(separator: "\n")[1].split(separator: ",").prefix(2), ["1", "hub"])
        XCTAssertEqual(try table("overview"), try ReachGraphCLI.run(["summary", folder, "--table", "overview", "--format", "csv"]).output)
    }

    /// Every file under `folder`, by relative path.
    static func files(in folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: folder))
        while let path = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            let full = (folder as NSString).appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = try Data(contentsOf: URL(fileURLWithPath: full))
            }
        }
        return files
    }

    /// Same input and seed → the same bytes in every file (page, Markdown, SVG, PNG, CSV, JSON),
    /// from two processes on different thread counts; a time on the page only when asked for.
    func testTwoRunsWriteTheSameBytesOnAnyThreadCount() throws {
        let folder = try ReachGraphCLI.temporaryFolder()
        let generated = try ReachGraphCLI.run(["generate", "--seed", "3", "--scale", "0.05", "--months", "2", "--output", folder + "/data", "--quiet"])
        XCTAssertEqual(generated.status, 0, generated.error)
        var runs: [[String: Data]] = []
        for (run, threads) in ["1", "2"].enumerated() {
            let result = try ReachGraphCLI.run(["brief", folder + "/data", "-o", folder + "/brief\(run)", "--bootstrap", "8", "--seed", "5", "--threads", threads, "--quiet"])
            XCTAssertEqual(result.status, 0, result.error)
            runs.append(try Self.files(in: folder + "/brief\(run)"))
        }
        let first = runs[0]
        let figures = first.keys.filter { $0.hasPrefix("figures/") }
        XCTAssertTrue(figures.contains("figures/coordination.png") && figures.contains("figures/overview.png"), "PNG figures are compared too: \(figures.sorted())")
        XCTAssertTrue(figures.contains { $0.hasPrefix("figures/structure-") && $0.hasSuffix(".svg") }, "clustered dot figures")
        XCTAssertGreaterThanOrEqual(first.keys.filter { $0.hasPrefix("tables/") }.count, 10)
        XCTAssertEqual(runs[1].keys.sorted(), first.keys.sorted())
        for (path, data) in first.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(runs[1][path], data, "\(path) differs between 1 and 2 threads")
        }
        let page = String(decoding: try XCTUnwrap(first["index.html"]), as: UTF8.self)
        XCTAssertTrue(page.contains("<p class=\"meta\">Generated by ReachGraph.</p>"), "no wall-clock time unless asked for")
        let stamped = try ReachGraphCLI.run(["brief", folder + "/data", "-o", folder + "/stamped", "--bootstrap", "0", "--no-png", "--timestamp", "--quiet"])
        XCTAssertEqual(stamped.status, 0, stamped.error)
        XCTAssertTrue(try String(contentsOfFile: folder + "/stamped/brief.md", encoding: .utf8).contains("_Generated 20"))
    }
}
