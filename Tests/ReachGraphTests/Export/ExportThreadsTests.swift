import Foundation
@testable import ReachGraph
import ReachGraphCore
import XCTest

/// Exports are formatted in chunks of rows on the library's threads (``ByteWriter/appendRows(_:_:)``):
/// every format writes the same bytes on one thread and on four, for tables of several chunks with
/// text that needs escaping, and the escaped values are the hand-written ones.
final class ExportThreadsTests: XCTestCase {
    /// Exports of `dataset` in every format the ReachGraph layer writes, by name.
    private func exports(of dataset: Dataset, threads: Int) throws -> [String: String] {
        let saved = Parallelism.threadCount
        defer { Parallelism.threadCount = saved }
        Parallelism.threadCount = threads
        let graph = try AttributedGraph(dataset: dataset)
        let merged = try AttributedGraph(dataset: dataset, edges: .merged)
        return [
            "json": JSONDatasetWriter.text(of: dataset),
            "accounts.csv": DatasetWriter.accountsCSV(dataset),
            "relations.csv": DatasetWriter.relationsCSV(dataset),
            "posts.csv": DatasetWriter.postsCSV(dataset),
            "graphml": GraphMLWriter.text(of: graph),
            "gexf": GEXFWriter.text(of: graph, description: "threads"),
            "merged.gexf": GEXFWriter.text(of: merged),
        ]
    }

    private func assertSameOnOneAndFourThreads(_ dataset: Dataset, file: StaticString = #filePath, line: UInt = #line) throws -> [String: String] {
        let serial = try exports(of: dataset, threads: 1)
        let parallel = try exports(of: dataset, threads: 4)
        for (name, text) in serial { XCTAssertTrue(parallel[name] == text, "\(name) differs on four threads", file: file, line: line) }
        return serial
    }

    /// 40,000 posts (three chunks of rows) whose ids, authors and extra column need escaping in
    /// every format; relations are derived from the posts.
    func testPostsExportIsTheSameOnAnyThreadCount() throws {
        let folder = try TemporaryFolder()
        var csv = "post_id,author,time,parent_post,likes,note\n"
        func id(_ post: Int) -> String { post % 97 == 0 ? "\"\"p,\(post)\"\" & <q>" : "p\(post)" }
        for post in 0 ..< 40_000 {
            let author = post % 101 == 0 ? "\"a\"\"&<\(post % 5)>\"" : (post % 11 == 0 ? "湖南\(post % 500)" : "a\(post % 3000)")
            let time = post % 13 == 0 ? "\(1_735_689_600 + post * 7).5" : "\(1_735_689_600 + post * 7)"
            let parent = post > 0 && post % 3 != 0 ? id(post / 2) : ""
            let likes = post % 5 == 0 ? "" : "\(post % 17)"
            let note = post % 7 == 0 ? "\"line\nbreak \"\"x\"\"\"" : ""
            let quotedID = post % 97 == 0 ? "\"\(id(post))\"" : id(post)
            let quotedParent = parent.hasPrefix("\"") ? "\"\(parent)\"" : parent
            csv += "\(quotedID),\(author),\(time),\(quotedParent),\(likes),\(note)\n"
        }
        try folder.write("posts.csv", csv)
        let dataset = try DatasetLoader.load(folder.path)
        XCTAssertEqual(dataset.posts.count, 40_000)
        let texts = try assertSameOnOneAndFourThreads(dataset)
        let json = try XCTUnwrap(texts["json"])
        // Post 97: id `"p,97" & <q>`, by a97, at 1735689600 + 679 s, reposting post 48.
        XCTAssertTrue(json.contains(#"{"post_id": "\"p,97\" & <q>", "author": "a97", "time": "2025-01-01T00:11:19Z", "parent_post": "p48", "likes": 12}"#), "post 97")
        // Post 91: a fractional time is written as exact seconds; the note's quotes and line break escaped.
        XCTAssertTrue(json.contains(#"{"post_id": "p91", "author": "a91", "time": 1735690237.5, "parent_post": "p45", "likes": 6, "note": "line\nbreak \"x\""}"#), "post 91")
        let posts = try XCTUnwrap(texts["posts.csv"]).split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertTrue(posts.contains(#""""p,97"" & <q>",a97,2025-01-01T00:11:19Z,p48,,,12,,,,,,"#), "CSV quotes the id of post 97")
        let graphml = try XCTUnwrap(texts["graphml"])
        XCTAssertTrue(graphml.contains(#"<node id="a&quot;&amp;&lt;0&gt;">"#), "the author of post 0 escaped")
        XCTAssertEqual(graphml.components(separatedBy: "<edge ").count - 1, dataset.relations.count)
    }

    /// 40,000 relation rows with an extra column, among accounts with an extra column: the
    /// relations section of JSON and relations.csv, and edges with attributes, on any thread count.
    func testRelationsExportIsTheSameOnAnyThreadCount() throws {
        let folder = try TemporaryFolder()
        var accounts = "id,name,kind,followers,team\n"
        for account in 0 ..< 20_000 { accounts += "u\(account),\(account % 9 == 0 ? "\"名, \"\"\(account)\"\"\"" : "n\(account)"),\(account % 3 == 0 ? "media_centre" : "community"),\(account % 4 == 0 ? "" : "\(account * 3)"),\(account % 2 == 0 ? "red" : "\(account % 7)")\n" }
        var relations = "source,target,relation,weight,first_seen,campaign\n"
        for row in 0 ..< 40_000 {
            let weight = row % 6 == 0 ? "0.25" : "\(row % 9 + 1)"
            relations += "u\(row % 20_000),u\((row * 7 + 1) % 20_000),\(row % 3 == 0 ? "mention" : "repost"),\(weight),\(row % 5 == 0 ? "" : "\(1_700_000_000 + row)"),\(row % 8 == 0 ? "c<\(row % 3)>" : "")\n"
        }
        try folder.write("accounts.csv", accounts)
        try folder.write("relations.csv", relations)
        let dataset = try DatasetLoader.load(folder.path)
        XCTAssertEqual(dataset.relations.count, 40_000)
        let texts = try assertSameOnOneAndFourThreads(dataset)
        let json = try XCTUnwrap(texts["json"])
        // Row 24: u24 → u169, a mention of weight 0.25 on 1700000024, campaign c<0>.
        XCTAssertTrue(json.contains(#"{"source": "u24", "target": "u169", "relation": "mention", "weight": 0.25, "first_seen": "2023-11-14T22:13:44Z", "campaign": "c<0>"}"#), "row 24")
        XCTAssertTrue(json.contains(#"{"id": "u9", "name": "名, \"9\"", "kind": "media_centre", "followers": 27, "team": "2"}"#), "account 9")
        let relationsCSV = try XCTUnwrap(texts["relations.csv"]).split(separator: "\n")
        XCTAssertEqual(relationsCSV.count, 40_001)
        XCTAssertEqual(relationsCSV[25], "u24,u169,mention,0.25,2023-11-14T22:13:44Z,,c<0>")
        let gexf = try XCTUnwrap(texts["gexf"])
        XCTAssertTrue(gexf.contains(#"<edge id="24" source="u24" target="u169" weight="0.25"><attvalues><attvalue for="0" value="mention"/><attvalue for="1" value="2023-11-14T22:13:44Z"/><attvalue for="3" value="c&lt;0&gt;"/></attvalues></edge>"#), "edge 24")
    }
}
