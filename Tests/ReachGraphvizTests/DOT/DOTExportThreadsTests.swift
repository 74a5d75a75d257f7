import Foundation
import ReachGraph
import ReachGraphCore
import ReachGraphviz
import XCTest

/// The DOT export formats nodes and edges in chunks on the library's threads: the same bytes on
/// one thread and on four, with ids that need quoting, and hand-written statements.
final class DOTExportThreadsTests: XCTestCase {
    func testDOTExportIsTheSameOnAnyThreadCount() throws {
        let folder = NSTemporaryDirectory() + "dot-threads-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Every 1,000th account has an id with a quote, a backslash and a space (CSV-quoted here).
        func id(_ account: Int) -> String { account % 1_000 == 0 ? "\"say \"\"hi\"\" \\ \(account)\"" : "u\(account)" }
        var accounts = "id,name,kind,followers,team\n"
        for account in 0 ..< 20_000 { accounts += "\(id(account)),\(account % 9 == 0 ? "\"名, \"\"\(account)\"\"\"" : "n\(account)"),\(account % 3 == 0 ? "media_centre" : "community"),\(account % 4 == 0 ? "" : "\(account * 3)"),\(account % 2 == 0 ? "red" : "\(account % 7)")\n" }
        var relations = "source,target,relation,weight,first_seen,campaign\n"
        for row in 0 ..< 40_000 {
            let weight = row % 6 == 0 ? "0.25" : "\(row % 9 + 1)"
            relations += "\(id(row % 20_000)),\(id((row * 7 + 1) % 20_000)),\(row % 3 == 0 ? "mention" : "repost"),\(weight),\(row % 5 == 0 ? "" : "\(1_700_000_000 + row)"),\(row % 8 == 0 ? "c<\(row % 3)>" : "")\n"
        }
        try Data(accounts.utf8).write(to: URL(fileURLWithPath: folder + "/accounts.csv"))
        try Data(relations.utf8).write(to: URL(fileURLWithPath: folder + "/relations.csv"))
        let graph = try AttributedGraph(dataset: try DatasetLoader.load(folder))
        let saved = Parallelism.threadCount
        defer { Parallelism.threadCount = saved }
        Parallelism.threadCount = 1
        let serial = DOTExport.text(of: graph)
        Parallelism.threadCount = 4
        XCTAssertTrue(DOTExport.text(of: graph) == serial, "four threads write the same DOT")
        let lines = serial.split(separator: "\n")
        XCTAssertEqual(lines.count, 1 + 20_000 + 40_000 + 1)
        XCTAssertEqual(lines.first, "digraph reachgraph {")
        XCTAssertEqual(lines.last, "}")
        // Row 24: u24 → u169, a mention of weight 0.25 first seen at 1700000024, campaign c<0>.
        XCTAssertEqual(lines[1 + 20_000 + 24], #"  u24 -> u169 [weight=0.25, relation="mention", first_seen="2023-11-14T22:13:44Z", campaign="c<0>"];"#)
        // Row 1,000: from the quoted id of account 1,000 to u7001, a repost of weight 2 with no time, campaign c<1>.
        XCTAssertEqual(lines[1 + 20_000 + 1_000], #"  "say \"hi\" \\ 1000" -> u7001 [weight=2, relation="repost", campaign="c<1>"];"#)
        XCTAssertEqual(lines[1 + 9], #"  u9 [label="名, \"9\"", name="名, \"9\"", kind="media_centre", followers=27, team="2"];"#)
    }
}
