import ReachGraph
import XCTest

/// Inputs from the hostile-input review (issue 13): each is answered with a located error or a
/// counted warning, never a trap or a silently wrong result. All data here is hand-made.
final class HostileInputTests: XCTestCase {
    private func assertInputError(_ expected: String, file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Void) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            XCTAssertEqual((error as? InputError)?.description, expected, file: file, line: line)
        }
    }

    func testTimesBeyondYear9999AreErrorsNotTraps() throws {
        let folder = try TemporaryFolder()
        // Epoch numbers take their unit from their magnitude (below 1e11 seconds, 1e14
        // milliseconds, 1e17 microseconds); beyond that they are no time at all.
        for time in ["-1e19", "1e19"] {
            let posts = try folder.write("posts.csv", "post_id,author,time\np1,a,\(time)\n")
            assertInputError(#"posts.csv:2:6: column "time": \#(time) is too large for an epoch time in seconds, milliseconds or microseconds"#) {
                _ = try DatasetLoader.load(posts)
            }
        }
        let early = try folder.write("posts.csv", "post_id,author,time\np1,a,-99999999999\n")
        assertInputError(#"posts.csv:2:6: column "time": "-99999999999" is outside the years 0000–9999 that times can take"#) {
            _ = try DatasetLoader.load(early)
        }
        try folder.write("relations.csv", "source,target,relation,first_seen\na,b,repost,1e19\n")
        assertInputError(#"relations.csv:2:12: column "first_seen": 1e19 is too large for an epoch time in seconds, milliseconds or microseconds"#) {
            _ = try DatasetLoader.load(folder.path)
        }
        let edges = try folder.write("edges.csv", "source,target,last_seen\na,b,-1e19\n")
        // An edge list's time columns are read as relations.csv's.
        assertInputError(#"edges.csv:2:5: column "last_seen": -1e19 is too large for an epoch time in seconds, milliseconds or microseconds"#) {
            _ = try DatasetLoader.load(edges)
        }
        let json = try folder.write("data.json", #"{"posts": [{"post_id": "p1", "author": "a", "time": 1e19}]}"#)
        assertInputError(#"data.json:1:53: posts[0]: column "time": 1e19 is too large for an epoch time in seconds, milliseconds or microseconds"#) {
            _ = try DatasetLoader.load(json)
        }
        // The last second that can be written is still read, and written back.
        let edge = try folder.write("posts.csv", "post_id,author,time\np1,a,9999-12-31T23:59:59Z\n")
        XCTAssertEqual(try DatasetLoader.load(edge).posts[0].time, 253_402_300_799)
        XCTAssertEqual(iso8601String(fromUnixSeconds: 253_402_300_799), "9999-12-31T23:59:59Z")
        XCTAssertEqual(iso8601String(fromUnixSeconds: -62_167_219_200), "0000-01-01T00:00:00Z")
        XCTAssertEqual(iso8601String(fromUnixSeconds: 1e19), "1e+19")
    }

    func testJSONUnknownTopLevelKeyIsAnError() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("data.json", "{\"acounts\": [],\n \"relations\": []}")
        assertInputError(#"data.json:1:13: unknown key "acounts" at the top level (expected accounts, relations, posts, metrics)"#) {
            _ = try DatasetLoader.load(file)
        }
    }

    func testJSONDuplicateKeysAreAnError() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("data.json", """
            {"relations": [
              {"source": "a", "target": "b", "relation": "repost",
               "source": "c"}]}
            """)
        assertInputError(#"data.json:3:4: not valid JSON: key "source" appears twice in one object (first on line 2)"#) {
            _ = try DatasetLoader.load(file)
        }
        let top = try folder.write("top.json", #"{"relations": [], "relations": []}"#)
        assertInputError(#"top.json:1:19: not valid JSON: key "relations" appears twice in one object (first on line 1)"#) {
            _ = try DatasetLoader.load(top)
        }
    }

    func testJSONBooleanWhereANumberIsExpectedIsAnError() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("data.json", #"{"relations": [{"source": "a", "target": "b", "relation": "repost", "weight": true}]}"#)
        assertInputError(#"data.json:1:79: relations[0]: column "weight": expected a string or a number, not true"#) {
            _ = try DatasetLoader.load(file)
        }
    }

    func testJSONExtraFieldsAreKeptOnEveryKindOfElement() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("data.json", """
            {"accounts": [{"id": "a", "kind": "other", "desk": "intl"}, {"id": "b", "kind": "other"}],
             "relations": [{"source": "a", "target": "b", "relation": "repost", "campaign": "x1", "verified": true},
                           {"source": "b", "target": "a", "relation": "repost", "tags": ["p", "q"]}],
             "posts": [{"post_id": "p1", "author": "a", "time": 0, "lang": "en"}],
             "metrics": [{"account": "a", "platform": "x", "period": "2025-05", "desk": 7}]}
            """)
        let dataset = try DatasetLoader.load(file)
        XCTAssertEqual(dataset.accounts[0].attributes, ["desk": "intl"])
        XCTAssertEqual(dataset.relations.attributeColumns, ["campaign", "verified", "tags"])
        XCTAssertEqual(dataset.relations.attributeValues, [["x1", "true", ""], ["", "", #"["p","q"]"#]])
        XCTAssertEqual(dataset.posts[0].attributes, ["lang": "en"])
        XCTAssertEqual(dataset.metrics[0].attributes, ["desk": "7"])
        // Written and read back, the relation fields survive.
        let copy = try folder.write("copy.json", JSONDatasetWriter.text(of: dataset))
        let again = try DatasetLoader.load(copy)
        XCTAssertEqual(again.relations.attributeColumns, ["campaign", "verified", "tags"])
        XCTAssertEqual(again.relations.attributeValues, dataset.relations.attributeValues)
    }

    func testJSONStringsAndNumbersAreReadExactly() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("data.json", #"{"accounts": [{"id": "\u00e9\ud83d\ude00\n", "kind": "other", "followers": 12.0}], "relations": [{"source": "\u00e9\ud83d\ude00\n", "target": "b", "relation": "repost", "weight": 0.1}]}"#)
        let dataset = try DatasetLoader.load(file)
        XCTAssertEqual(dataset.accounts[0].id, "é😀\n")
        XCTAssertEqual(dataset.accounts[0].followers, 12)
        XCTAssertEqual(dataset.relations[0].weight, 0.1)
        for (text, message) in [
            (#"{"relations": [01]}"#, "1:16: not valid JSON: a number cannot start with 0"),
            // Located at the escape that holds the half pair.
            (#"{"relations": ["\ud800"]}"#, "1:17: not valid JSON: a \\u escape holds half a surrogate pair"),
            ("{\"relations\": [\"a\u{1}\"]}", "1:18: not valid JSON: a control character must be escaped inside a string"),
            (String(repeating: "[", count: 600), "1:513: not valid JSON: nested deeper than 512 levels"),
            (#"{"relations": []} x"#, "1:19: not valid JSON: unexpected text after the JSON value"),
        ] {
            let bad = try folder.write("bad.json", text)
            assertInputError("bad.json:" + message) { _ = try DatasetLoader.load(bad) }
        }
    }

    func testOverflowingWeightsAreRejectedNamingTheRow() throws {
        let folder = try TemporaryFolder()
        let edges = try folder.write("edges.csv", "source,target,weight\na,b,1e308\na,b,1e308\n")
        assertInputError(#"edges.csv:2:5: column "weight": 1e+308 is larger than 1e15, the largest weight accepted (sums of weights must stay finite)"#) {
            _ = try DatasetLoader.load(edges)
        }
        let plain = try folder.write("plain.csv", "a,b,1\na,b,2e15\n")
        assertInputError(#"plain.csv:2:5: column "weight": 2000000000000000.0 is larger than 1e15, the largest weight accepted (sums of weights must stay finite)"#) {
            _ = try DatasetLoader.load(plain)
        }
        try folder.write("relations.csv", "source,target,relation,weight\na,b,repost,1e308\n")
        assertInputError(#"relations.csv:2:12: column "weight": 1e+308 is larger than 1e15, the largest weight accepted (sums of weights must stay finite)"#) {
            _ = try DatasetLoader.load(folder.path)
        }
        // The largest weight accepted, twice on one pair, sums to a finite weight.
        let largest = try folder.write("largest.csv", "a,b,1e15\na,b,1e15\n")
        let graph = try DatasetLoader.load(largest).graph()
        XCTAssertEqual(graph.edgeCount, 1)
        XCTAssertEqual(graph.weight(from: 0, to: 1), 2e15)
    }

    func testShortRowNamesTheLineAndTheFieldCountNotColumnZero() throws {
        let folder = try TemporaryFolder()
        try folder.write("accounts.csv", "id,name,kind\nx\n")
        try folder.write("relations.csv", "source,target,relation\nx,x,repost\n")
        assertInputError(#"accounts.csv:2: column "kind": is empty but required (the row has 1 field, the header 3)"#) {
            _ = try DatasetLoader.load(folder.path)
        }
    }

    func testEdgeListIdsLoseSurroundingSpaces() throws {
        // Found by the fuzz smoke: `a, b` made " b" an account apart from "b", and a target of
        // spaces only was kept as an id the JSON writer's output could not give back.
        let folder = try TemporaryFolder()
        let spaced = try folder.write("spaced.csv", "a, b\nb ,a\n\tc\t,a\n")
        let dataset = try DatasetLoader.load(spaced)
        XCTAssertEqual(dataset.accounts.map(\.id), ["a", "b", "c"])
        XCTAssertEqual((0 ..< dataset.relations.count).map { "\(dataset.relations[$0].source)>\(dataset.relations[$0].target)" }, ["0>1", "1>0", "2>0"])
        let blank = try folder.write("blank.csv", "a,b\nc,  \n")
        assertInputError(#"blank.csv:2:3: column "target": is empty but required"#) {
            _ = try DatasetLoader.load(blank)
        }
    }

    func testEdgeListLastSeenBeforeFirstSeenIsAnError() throws {
        // Found by the fuzz smoke: relations.csv refused it, an edge list with the same columns kept it.
        let folder = try TemporaryFolder()
        let path = try folder.write("edges.csv", "source,target,weight,relation,first_seen,last_seen\na,b,1,repost,2025-05-01,2025-05-02\na,b,1,repost,2025-05-01,20\n")
        assertInputError(#"edges.csv:3:25: column "last_seen": is earlier than first_seen"#) {
            _ = try DatasetLoader.load(path)
        }
    }

    func testPlatformExportsNotReadYetAreNamed() throws {
        // Shapes from the platforms' API documentation, not a ReachGraph dataset with a typo.
        let folder = try TemporaryFolder()
        let tiktok = try folder.write("videos.json", #"{"data": {"videos": [{"id": 1, "username": "a", "create_time": 1704499196}], "cursor": 1, "has_more": false}}"#)
        assertInputError(#"videos.json:1:1: this looks like a TikTok Research API video query response (data.videos), which ReachGraph does not read yet; it reads the formats README.md lists under "Reading platform exports" (or a table of posts with --map)"#) {
            _ = try DatasetLoader.load(tiktok)
        }
        let bluesky = try folder.write("posts.json", #"[{"uri": "at://did:plc:x/app.bsky.feed.post/1", "cid": "b", "author": {"did": "did:plc:x"}}]"#)
        assertInputError(#"posts.json:1:1: this looks like a Bluesky app view list of posts (uri, cid, author), which ReachGraph does not read yet; it reads the formats README.md lists under "Reading platform exports" (or a table of posts with --map)"#) {
            _ = try DatasetLoader.load(bluesky)
        }
    }

    func testRosterParentCyclesAreCounted() throws {
        let folder = try TemporaryFolder()
        try folder.write("accounts.csv", "id,kind,parent\na,other,b\nb,other,c\nc,other,a\nd,other,a\ne,other,e\nf,other,\n")
        try folder.write("relations.csv", "source,target,relation\na,b,repost\n")
        let dataset = try DatasetLoader.load(folder.path)
        XCTAssertEqual(dataset.diagnostics.counts["parent cycles (the 1+N structure cannot place them under a hub)"], 2)
        XCTAssertEqual(dataset.diagnostics.examples.map(\.message), [
            #"accounts "a" → "b" → "c" → "a" declare each other as parents"#,
            #"accounts "e" → "e" declare each other as parents"#,
        ])
    }

    func testMetricsPeriodsAreValidated() throws {
        let folder = try TemporaryFolder()
        for periods in [["2025-05", "2025-06"], ["2025-Q2", "2025-Q3"], ["2024", "2025"], ["2025-H1", "2025-H2"], ["2025-W07", "2025-W08"], ["2025-05-01", "2025-05-02"]] {
            try folder.write("metrics.csv", "account,platform,period,posts\n" + periods.map { "a,x,\($0),1\n" }.joined())
            XCTAssertEqual(try DatasetLoader.load(folder.path).metrics.map(\.period), periods)
        }
        try folder.write("metrics.csv", "account,platform,period,posts\na,x,2025-04,1\nb,x,2025-05,1\na,x,2025-Q2,1\n")
        assertInputError(#"metrics.csv:4:5: column "period": "2025-Q2" is a quarter but line 2 made this file's periods months; give every row periods of one length"#) {
            _ = try DatasetLoader.load(folder.path)
        }
        let json = try folder.write("mixed.json", #"{"metrics": [{"account": "a", "platform": "x", "period": "2025"}, {"account": "a", "platform": "x", "period": "2025-H1"}]}"#)
        XCTAssertThrowsError(try DatasetLoader.load(json)) { error in
            XCTAssertTrue("\(error)".contains(#""2025-H1" is a half but line 1 made this file's periods years"#), "\(error)")
        }
        for period in ["March", "2025-13", "2025-Q5", "25-05", "2025-5"] {
            try folder.write("metrics.csv", "account,platform,period,posts\na,x,\(period),1\n")
            assertInputError(#"metrics.csv:2:5: column "period": "\#(period)" is not a period (expected 2025, 2025-05, 2025-Q2, 2025-H1, 2025-W07 or 2025-05-01)"#) {
                _ = try DatasetLoader.load(folder.path)
            }
        }
    }

    func testDuplicateMetricsRowsNameBothLines() throws {
        let folder = try TemporaryFolder()
        try folder.write("metrics.csv", "account,platform,period,posts\na,x,2025-05,1\na,y,2025-05,1\na,X,2025-05,2\n")
        assertInputError(#"metrics.csv:4: account "a" has a second row for x in 2025-05 (first on line 2)"#) {
            _ = try DatasetLoader.load(folder.path)
        }
    }

    func testPostCyclesAreReportedAtLoad() throws {
        let folder = try TemporaryFolder()
        let posts = try folder.write("posts.csv", """
            post_id,author,time,parent_post
            pa,a,10,pc
            pb,b,20,pa
            pc,c,30,pb
            pd,d,40,pa
            root,a,0,
            r1,b,5,root
            """)
        let dataset = try DatasetLoader.load(posts)
        let category = "posts whose links loop (no root: skipped by cascades)"
        XCTAssertEqual(dataset.diagnostics.counts[category], 4)
        XCTAssertEqual(dataset.diagnostics.examples.first { $0.category == category }?.message,
                       #"posts "pa" → "pc" → "pb" → "pa" point to each other through parent_post/root_post"#)
        let analysis = CascadeAnalysis(dataset: dataset)
        XCTAssertEqual(analysis.cascades.map(\.rootPostID), ["root"])
    }

    func testTwitterTreeDelaysMustBeFiniteNumbers() throws {
        let folder = try TemporaryFolder()
        for (delay, line) in [("nan", 2), ("inf", 2), ("-inf", 2), ("1e400", 2), ("abc", 2), ("0x10", 2)] {
            let file = try folder.write("tree.txt", "['ROOT', 'ROOT', '0.0']->['u1', 't1', '0.0']\n['u1', 't1', '0.0']->['u2', 't1', '\(delay)']\n")
            assertInputError("tree.txt:\(line): delay \"\(delay)\" is not a finite number of minutes") {
                _ = try PropagationTreeReader.read(file)
            }
        }
        let root = try folder.write("root.txt", "['ROOT', 'ROOT', '0.0']->['u1', 't1', 'nan']\n")
        assertInputError("root.txt:1: delay \"nan\" is not a finite number of minutes") {
            _ = try PropagationTreeReader.read(root)
        }
    }
}
