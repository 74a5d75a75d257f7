import Foundation
import XCTest

/// `reachgraph ingest`, `store info` and every analysis command on a store, run as a user runs
/// them, on the bundled synthetic sample.
final class StoreCommandTests: XCTestCase {
    private static let sample = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("graphs/sample").path

    /// A store holding the whole sample, made once for the tests that only read it.
    private static let sampleStore: Result<String, Error> = Result {
        let store = try ReachGraphCLI.temporaryFolder() + "/sample.sqlite"
        let run = try ReachGraphCLI.run(["ingest", sample, "--into", store])
        guard run.status == 0 else { throw NSError(domain: "ingest", code: Int(run.status), userInfo: [NSLocalizedDescriptionKey: run.error]) }
        return store
    }

    /// Runs each of `commands` with INPUT first on `folder`, then on `store` plus `slice`, and
    /// asserts the same output; lines naming the input (`Dataset …`) are left out. Two commands
    /// run at a time.
    private func assertSameOutput(_ commands: [[String]], folder: String, store: String, slice: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws {
        let runs = ResultSlots<Result<(ReachGraphCLI.Result, ReachGraphCLI.Result), Error>>(count: commands.count)
        DispatchQueue.concurrentPerform(iterations: commands.count) { index in
            let command = commands[index][0], rest = Array(commands[index].dropFirst())
            runs[index] = Result { (try ReachGraphCLI.run([command, folder] + rest), try ReachGraphCLI.run([command, store] + slice + rest)) }
        }
        for (arguments, run) in zip(commands, runs.values) {
            let (onFolder, onStore) = try run.get()
            XCTAssertEqual(onFolder.status, 0, "\(arguments): \(onFolder.error)", file: file, line: line)
            XCTAssertEqual(onStore.status, 0, "\(arguments): \(onStore.error)", file: file, line: line)
            // A slice also counts the ties stored without a period that it leaves out (checked by
            // the callers): that row, the warnings total and the table's column widths differ.
            func body(_ text: String) -> [String] {
                text.split(separator: "\n").filter {
                    !$0.hasPrefix("Dataset ") && !$0.hasPrefix("input format") && !$0.allSatisfy { $0 == "-" || $0 == " " }
                        && !$0.contains("relations stored without a --period") && !$0.hasPrefix("warnings ")
                }.map { $0.split(separator: " ").joined(separator: " ") }
            }
            XCTAssertGreaterThan(body(onFolder.output).count, 2, "\(arguments) printed almost nothing", file: file, line: line)
            XCTAssertEqual(body(onStore.output), body(onFolder.output), "\(arguments)", file: file, line: line)
        }
    }

    private static let analyses: [[String]] = [
        ["summary"],
        ["rank", "--by", "pagerank", "--top", "25"],
        ["rank", "--by", "betweenness", "--top", "25", "--format", "csv"],
        ["kol", "--top", "30"],
        ["cascades", "--format", "csv"],
        ["cascades", "--by", "kind"],
        ["coordination", "--window", "600", "--table", "summary"],
        ["coordination", "--window", "600", "--table", "edges", "--format", "csv"],
        ["structure"],
        ["seeds", "--k", "5", "--model", "ic", "--seed", "3"],
    ]

    func testEveryCommandGivesTheFolderNumbersOnTheStore() throws {
        let store = try Self.sampleStore.get()
        try assertSameOutput(
            Self.analyses + [["index"], ["index", "--by", "city", "--period", "2025-04"], ["export", "--to", "graphml"], ["export", "--to", "json"]],
            folder: Self.sample, store: store
        )
    }

    /// A month of the store gives the numbers of a folder holding that month: every account, the
    /// month's posts and metrics rows, and relations derived from the posts.
    func testMonthSliceGivesTheMonthFolderNumbers() throws {
        let store = try Self.sampleStore.get()
        let month = "2025-04"
        func lines(_ name: String) throws -> [Substring] {
            try String(contentsOfFile: Self.sample + "/" + name, encoding: .utf8).split(separator: "\n")
        }
        let posts = try lines("posts.csv"), metrics = try lines("metrics.csv")
        let folder = try ReachGraphCLI.temporaryFolder([
            "accounts.csv": try String(contentsOfFile: Self.sample + "/accounts.csv", encoding: .utf8),
            "posts.csv": ([posts[0]] + posts.dropFirst().filter { $0.split(separator: ",", omittingEmptySubsequences: false)[2].hasPrefix(month) }).joined(separator: "\n") + "\n",
            "metrics.csv": ([metrics[0]] + metrics.dropFirst().filter { $0.split(separator: ",", omittingEmptySubsequences: false)[2] == month }).joined(separator: "\n") + "\n",
        ])
        try assertSameOutput(Self.analyses, folder: folder, store: store, slice: ["--period", month])
        let relations = try lines("relations.csv").count - 1
        let summary = try ReachGraphCLI.run(["summary", store, "--period", month, "--format", "csv", "--table", "warnings"])
        XCTAssertTrue(
            summary.output.contains("relations stored without a --period, left out of a slice (whole-export ties: read the store without --period, --from or --to)\",\(relations)\n"),
            "the sample's \(relations) relations were ingested without a period: \(summary.output)"
        )
        try assertSameOutput([["rank", "--by", "in-strength", "--top", "10"], ["index"]], folder: folder, store: store, slice: ["--from", "2025-04-01", "--to", "2025-05-01"])
        try assertSameOutput([["export", "--to", "graphml"]], folder: folder, store: store, slice: ["--from", "2025-04-01", "--until", "2025-05-01"])
    }

    /// A period the store holds nothing for stops every command that reads the slice, in one line
    /// listing the periods it holds, as `index` stops for a period without metrics.
    func testEveryCommandRefusesAPeriodTheStoreDoesNotHold() throws {
        let store = try Self.sampleStore.get()
        for command in [["kol", "--top", "3"], ["summary"], ["rank", "--by", "pagerank"], ["export", "--to", "json"], ["brief", "-o", "/nonexistent/brief"]] {
            let run = try ReachGraphCLI.run([command[0], store, "--period", "2024-01"] + command.dropFirst())
            XCTAssertEqual(run.status, 1, "\(command)")
            XCTAssertEqual(run.error, "reachgraph: --period: the store holds nothing for \"2024-01\" (no post, metrics row or relation); available periods: 2025-03, 2025-04, 2025-05\n", "\(command)")
            XCTAssertEqual(run.output, "", "\(command)")
        }
        let index = try ReachGraphCLI.run(["index", store, "--period", "2024-01"])
        XCTAssertEqual(index.error, "reachgraph: --period: no metrics for \"2024-01\"; available periods: 2025-03, 2025-04, 2025-05\n")
    }

    func testTrendPrintsTheTidyTableAndDrawsTheChart() throws {
        let store = try Self.sampleStore.get()
        let chart = try ReachGraphCLI.temporaryFolder() + "/coverage.svg"
        let run = try ReachGraphCLI.run(["trend", store, "--measure", "coverage", "--by", "month", "--top", "4", "--chart", chart, "--format", "csv"])
        XCTAssertEqual(run.status, 0, run.error)
        let lines = run.output.split(separator: "\n")
        XCTAssertEqual(lines.first, "period,unit,value,rank,change")
        XCTAssertEqual(lines.count, 1 + 4 * 3, "four provinces, three months")
        XCTAssertEqual(Set(lines.dropFirst().map { $0.split(separator: ",")[0] }), ["2025-03", "2025-04", "2025-05"])
        let svg = try String(contentsOfFile: chart, encoding: .utf8)
        XCTAssertTrue(svg.contains("coverage by month · top 4 structures in 2025-05"), svg)
        XCTAssertEqual(svg.components(separatedBy: "<polyline").count - 1, 4)
        XCTAssertTrue(svg.contains("Synthetic data: no edge or number is a real observation"), "the sample's store is synthetic")
        let folder = try ReachGraphCLI.run(["trend", Self.sample, "--measure", "kol"])
        XCTAssertEqual(folder.status, 1)
        XCTAssertEqual(folder.error, "reachgraph: \(Self.sample): is a folder, not a store file\n")
    }

    /// Across missing months `trend` says since when a change is counted; a month ranks only its
    /// active accounts (d never posts or reposts, so it is in no month).
    func testTrendNamesTheMonthAChangeIsCountedSince() throws {
        let recent = try ReachGraphCLI.temporaryFolder([
            "accounts.csv": "id,kind\na,media_centre\nb,influencer\nd,community\n",
            "posts.csv": "post_id,author,time,parent_post\np1,a,2025-03-01T00:00:00Z,\np2,b,2025-03-01T01:00:00Z,p1\n",
        ])
        let old = try ReachGraphCLI.temporaryFolder(["posts.csv": "post_id,author,time,parent_post\nq1,b,2019-09-01T00:00:00Z,\nq2,a,2019-09-02T00:00:00Z,q1\n"])
        let store = try ReachGraphCLI.temporaryFolder() + "/gap.sqlite"
        XCTAssertEqual(try ReachGraphCLI.run(["ingest", old, recent, "--into", store, "--quiet"]).status, 0)
        let run = try ReachGraphCLI.run(["trend", store, "--measure", "pagerank", "--format", "csv"])
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertEqual(run.error, "note: change in 2025-03 is counted since 2019-09: the trend has no month between\n")
        XCTAssertEqual(run.output.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).enumerated().filter { $0.offset != 2 }.map(\.element).joined(separator: ",") }, [
            "period,unit,rank,change", "2019-09,a,1,", "2019-09,b,2,", "2025-03,b,1,1", "2025-03,a,2,-1",
        ])
    }

    /// A measure that ranks nothing in any month says what a month needs for it.
    func testTrendOfNothingRankedSaysWhatTheMeasureNeeds() throws {
        let edges = try ReachGraphCLI.temporaryFolder(["relations.csv": "source,target,relation\na,b,repost\n"])
        let store = try ReachGraphCLI.temporaryFolder() + "/edges.sqlite"
        XCTAssertEqual(try ReachGraphCLI.run(["ingest", edges, "--into", store, "--period", "2025-05", "--quiet"]).status, 0)
        let run = try ReachGraphCLI.run(["trend", store, "--measure", "reach"])
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertEqual(run.error, "note: no account was ranked in the store's one month: reach needs posts that were reposted (cascades) and follower counts of the accounts reached\n")
    }

    /// A month without ties ranks nobody, and the note names it.
    func testTrendNamesTheMonthsThatRankedNobody() throws {
        let posts = try ReachGraphCLI.temporaryFolder(["posts.csv": "post_id,author,time,parent_post\np1,a,2025-04-01T00:00:00Z,\np2,b,2025-04-01T01:00:00Z,p1\np3,c,2025-05-01T00:00:00Z,\n"])
        let store = try ReachGraphCLI.temporaryFolder() + "/posts.sqlite"
        XCTAssertEqual(try ReachGraphCLI.run(["ingest", posts, "--into", store, "--quiet"]).status, 0)
        let run = try ReachGraphCLI.run(["trend", store, "--measure", "pagerank", "--format", "csv"])
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertEqual(run.error, "note: 1 of 2 months ranked no account (pagerank needs ties between accounts): 2025-05\n")
        XCTAssertEqual(run.output.split(separator: "\n").map { String($0.prefix(9)) }, ["period,un", "2025-04,b", "2025-04,a"])
    }

    /// The sample's README says it is synthetic; the store remembers it, and a briefing on the
    /// store is marked as a briefing on the folder is.
    func testBriefOnAStoreOfSyntheticDataSaysSo() throws {
        let store = try Self.sampleStore.get()
        XCTAssertEqual(try storeInfo(store).ingests.first?["synthetic"] as? String, "yes")
        let output = try ReachGraphCLI.temporaryFolder() + "/brief"
        let run = try ReachGraphCLI.run(["brief", store, "--period", "2025-05", "-o", output, "--bootstrap", "0", "--no-png", "--quiet"])
        XCTAssertEqual(run.status, 0, run.error)
        let markdown = try String(contentsOfFile: output + "/brief.md", encoding: .utf8)
        XCTAssertTrue(markdown.hasPrefix("# Synthetic data — Amplification briefing: sample.sqlite"), String(markdown.prefix(200)))
        XCTAssertTrue(markdown.contains("`reachgraph store info` lists the synthetic inputs"))
        let record = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output + "/tables/provenance.json"))) as? [String: Any]
        XCTAssertEqual(record?["synthetic"] as? Bool, true)
        XCTAssertEqual(record?["format"] as? String, "store")

        // The change since April, in the sections whose measure is followed month to month, on
        // the page and in the Markdown; the counts of posting accounts are the CSV's.
        var authors: [String: Set<Substring>] = [:]
        for line in try String(contentsOfFile: Self.sample + "/posts.csv", encoding: .utf8).split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            authors[String(fields[2].prefix(7)), default: []].insert(fields[1])
        }
        func grouped(_ count: Int) -> String {
            let digits = Array(String(count))
            return String(digits.enumerated().flatMap { offset, digit in offset > 0 && (digits.count - offset) % 3 == 0 ? [",", digit] : [digit] })
        }
        let posting = "Change since 2025-04 (posts per account, 2025-05 against 2025-04): \(grouped(authors["2025-05"]!.count)) accounts posted in 2025-05, \(grouped(authors["2025-04"]!.count)) in 2025-04; largest risers "
        XCTAssertTrue(markdown.contains(posting), posting)
        let html = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        XCTAssertTrue(html.contains(posting), posting)
        for measure in ["PageRank of accounts with a tie in the month, top 15", "key-opinion-leader score, top 15", "potential reach of the cascades each account started",
                        "co-reposts within 600 s", "coverage: share of (hub post, spoke) pairs reposted"] {
            XCTAssertTrue(markdown.contains("Change since 2025-04 (\(measure)"), measure)
        }
    }

    func testIngestTwiceSaysNothingNewAndInfoShowsProvenance() throws {
        let folder = try ReachGraphCLI.temporaryFolder([
            "accounts.csv": "id,name,kind,followers\na,Alpha,media_centre,10\nb,Beta,influencer,5\n",
            "posts.csv": "post_id,author,time,parent_post\np1,a,2025-05-01T00:00:00Z,\np2,b,2025-05-01T01:00:00Z,p1\np3,b,2025-05-01T02:00:00Z,p1\n",
        ])
        let store = try ReachGraphCLI.temporaryFolder() + "/monthly.sqlite"
        let first = try ReachGraphCLI.run(["ingest", folder, "--into", store, "--period", "2025-05"])
        XCTAssertEqual(first.status, 0, first.error)
        XCTAssertEqual(first.output, "ingest #1 \(folder) → \(store) (period 2025-05): new 3 of 3 posts, 2 of 2 accounts (0 changed), relations derived from posts, 0 of 0 metrics rows (0 changed), 1 warnings\n")
        let second = try ReachGraphCLI.run(["ingest", folder, "--into", store, "--period", "2025-05"])
        XCTAssertEqual(second.status, 0, second.error)
        XCTAssertTrue(second.output.hasPrefix("nothing new: \(store) already holds every row of \(folder) (sha256 "), second.output)
        let info = try storeInfo(store)
        XCTAssertEqual(info.contents["posts"], 3)
        XCTAssertEqual(info.contents["ingests"], 1)
        XCTAssertEqual(info.ingests.count, 1)
        XCTAssertEqual(info.ingests[0]["source"] as? String, folder)
        XCTAssertEqual(info.ingests[0]["period"] as? String, "2025-05")
        XCTAssertEqual(info.ingests[0]["posts_added"] as? Int, 3)
        XCTAssertEqual((info.ingests[0]["sha256"] as? String)?.count, 64, "SHA-256 in hex")
        XCTAssertEqual(info.warnings.first?["category"] as? String, "repeated reposts of one post by one account (counted once)")
        XCTAssertEqual(info.warnings.first?["count"] as? Int, 1)
        let summary = try ReachGraphCLI.run(["summary", store, "--period", "2025-05", "--format", "long-csv"])
        XCTAssertTrue(summary.output.contains("overview,13,measure,posts\noverview,13,value,3\n"), summary.output)
    }

    /// The same export under another --period would double its relations: refused in one line
    /// naming the earlier ingest, before anything is written; --again stores it anyway.
    func testIngestOfTheSameInputUnderAnotherPeriodIsRefused() throws {
        let folder = try ReachGraphCLI.temporaryFolder(["relations.csv": "source,target,relation,weight\na,b,repost,3\nb,c,repost,2\n"])
        let other = try ReachGraphCLI.temporaryFolder(["relations.csv": "source,target,relation,weight\na,c,repost,1\n"])
        let store = try ReachGraphCLI.temporaryFolder() + "/monthly.sqlite"
        XCTAssertEqual(try ReachGraphCLI.run(["ingest", folder, "--into", store]).status, 0)
        let refused = try ReachGraphCLI.run(["ingest", other, folder, "--into", store, "--period", "2025-05"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.error.hasPrefix("reachgraph: \(folder): the store already holds this input (sha256 "), refused.error)
        XCTAssertTrue(refused.error.hasSuffix("as ingest #1 (no period); ingested again under period 2025-05 its relations would count twice. "
            + "To add another period's collection, ingest its own export; to store this same file under period 2025-05 as well, add --again\n"), refused.error)
        XCTAssertEqual(refused.error.split(separator: "\n").count, 1)
        XCTAssertEqual(try storeInfo(store).contents["relations"], 2, "nothing written, not even the other input")
        // One input is checked at the end of its transaction (its digest computed beside the
        // inserts): the same line, and the rows it inserted are rolled back.
        let alone = try ReachGraphCLI.run(["ingest", folder, "--into", store, "--period", "2025-06"])
        XCTAssertEqual(alone.status, 1)
        XCTAssertTrue(alone.error.hasPrefix("reachgraph: \(folder): the store already holds this input (sha256 "), alone.error)
        XCTAssertTrue(alone.error.hasSuffix("under period 2025-06 as well, add --again\n"), alone.error)
        XCTAssertEqual(try storeInfo(store).contents["relations"], 2, "its relations rolled back")
        XCTAssertEqual(try storeInfo(store).contents["ingests"], 1)
        let strength = try ReachGraphCLI.run(["rank", store, "--by", "out-strength", "--top", "1", "--format", "csv"])
        XCTAssertEqual(strength.output.split(separator: "\n").dropFirst().first, "1,a,3,,other,,,,", "a's strength as ingested once")

        let again = try ReachGraphCLI.run(["ingest", folder, "--into", store, "--period", "2025-05", "--again"])
        XCTAssertEqual(again.status, 0, again.error)
        XCTAssertTrue(again.output.contains(", 2 of 2 relations"), again.output)
        XCTAssertEqual(try storeInfo(store).contents["relations"], 4)
    }

    /// The same edge list read the other way round under the same period would store its
    /// relations again, reversed: refused in one line naming both readings; --again stores it.
    func testIngestOfTheSameEdgeListReadTheOtherWayIsRefused() throws {
        let folder = try ReachGraphCLI.temporaryFolder(["edges.csv": "a,b\nb,c\n"])
        let edges = folder + "/edges.csv"
        let store = folder + "/s.sqlite"
        XCTAssertEqual(try ReachGraphCLI.run(["ingest", edges, "--into", store]).status, 0)
        let refused = try ReachGraphCLI.run(["ingest", edges, "--into", store, "--edge-direction", "reposter-to-author"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.error.hasSuffix(" as ingest #1, read as edge-list, --edge-direction author-to-reposter; read now as edge-list, "
            + "--edge-direction reposter-to-author, its relations would be stored again as read this time. To ingest it again, read it "
            + "as before; to store it read this way as well, add --again\n"), refused.error)
        XCTAssertEqual(refused.error.split(separator: "\n").count, 1)
        XCTAssertEqual(try storeInfo(store).contents["relations"], 2)
        XCTAssertTrue(try ReachGraphCLI.run(["ingest", edges, "--into", store, "--edge-direction", "author-to-reposter"]).output.contains("nothing new"))
        let again = try ReachGraphCLI.run(["ingest", edges, "--into", store, "--edge-direction", "reposter-to-author", "--again"])
        XCTAssertEqual(again.status, 0, again.error)
        let info = try storeInfo(store)
        XCTAssertEqual(info.contents["relations"], 4)
        XCTAssertEqual(info.ingests.map { $0["reading"] as? String }, ["edge-list, --edge-direction author-to-reposter", "edge-list, --edge-direction reposter-to-author"])
    }

    /// `ingest --period` takes what every command's --period takes, checked by the same function
    /// before any input is read: a malformed label is a usage error in one line, and nothing is written.
    func testMalformedPeriodIsAUsageErrorOfIngestAsOfEveryCommand() throws {
        let folder = try ReachGraphCLI.temporaryFolder(["relations.csv": "source,target,relation\na,b,repost\n"])
        let store = try ReachGraphCLI.temporaryFolder() + "/monthly.sqlite"
        for label in ["2025-5", "may", ""] {
            let expected = "Error: --period: \"\(label)\" is not a period (expected YYYY-MM, YYYY-MM-DD or YYYY)\n"
            let ingest = try ReachGraphCLI.run(["ingest", folder, "--into", store, "--period", label])
            XCTAssertEqual(ingest.status, 2)
            XCTAssertEqual(ingest.error, expected)
            XCTAssertFalse(FileManager.default.fileExists(atPath: store))
            let summary = try ReachGraphCLI.run(["summary", folder, "--period", label])
            XCTAssertEqual(summary.status, 2)
            XCTAssertEqual(summary.error, expected)
        }
        let time = try ReachGraphCLI.run(["summary", folder, "--from", "2025-13-01"])
        XCTAssertEqual(time.status, 2)
        XCTAssertEqual(time.error, "Error: --from: \"2025-13-01\" is not a time (expected ISO 8601 or Unix seconds)\n")
    }

    /// `store info --format json`: the counts by item, the ingests and their warnings.
    private func storeInfo(_ store: String, file: StaticString = #filePath, line: UInt = #line) throws -> (contents: [String: Int], ingests: [[String: Any]], warnings: [[String: Any]]) {
        let run = try ReachGraphCLI.run(["store", "info", store, "--format", "json"])
        XCTAssertEqual(run.status, 0, run.error, file: file, line: line)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: [[String: Any]]], file: file, line: line)
        var contents: [String: Int] = [:]
        for row in object["store"] ?? [] {
            if let item = row["item"] as? String, let value = row["value"] as? Int { contents[item] = value }
        }
        return (contents, object["ingests"] ?? [], object["ingest_warnings"] ?? [])
    }

    func testBadInputIsRejectedBeforeAnythingIsWritten() throws {
        let good = try ReachGraphCLI.temporaryFolder(["posts.csv": "post_id,author,time\np1,a,100\n"])
        let bad = try ReachGraphCLI.temporaryFolder(["posts.csv": "post_id,author,time\np2,b,100\np3,c,2025-13-01\n"])
        let fresh = try ReachGraphCLI.temporaryFolder() + "/fresh.sqlite"
        let refused = try ReachGraphCLI.run(["ingest", good, bad, "--into", fresh])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.error.hasPrefix("reachgraph: \(bad)/posts.csv:3:"), "of two inputs, the one at fault is named: \(refused.error)")
        XCTAssertEqual(refused.error.split(separator: "\n").count, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: fresh), "no store is created for bad input")

        XCTAssertEqual(try ReachGraphCLI.run(["ingest", good, "--into", fresh]).status, 0)
        XCTAssertEqual(try ReachGraphCLI.run(["ingest", bad, "--into", fresh]).status, 1)
        let info = try storeInfo(fresh)
        XCTAssertEqual(info.contents["posts"], 1)
        XCTAssertEqual(info.contents["ingests"], 1)

        let notStore = try ReachGraphCLI.temporaryFile("x.sqlite", "id,name\n")
        let wrong = try ReachGraphCLI.run(["summary", notStore])
        XCTAssertEqual(wrong.status, 1)
        XCTAssertEqual(wrong.error, "reachgraph: \(notStore): not a store: the file is not an SQLite database\n")
        let sliceOfFolder = try ReachGraphCLI.run(["summary", good, "--period", "2025-05"])
        XCTAssertEqual(sliceOfFolder.status, 1)
        XCTAssertTrue(sliceOfFolder.error.contains("--from, --to and --period choose a slice of a store"), sliceOfFolder.error)
    }
}

/// One result per index, filled from concurrent iterations.
private final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }

    var values: [Value] { lock.withLock { slots.map { $0! } } }
}
