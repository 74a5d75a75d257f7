import ReachGraph
import ReachGraphCore
import XCTest

final class DatasetLoaderTests: XCTestCase {
    private let accounts = """
        id,name,kind,platform,province,tier,followers,parent,desk
        hub,湖南国际传播中心,media_centre,facebook,Hunan,provincial,1000,,intl
        city,"Changsha, city",city_account,x,Hunan,municipal,200,hub,
        kol,Influencer,influencer,youtube,,overseas,50000,,
        """

    /// Asserts `body` throws an InputError whose text is `expected`.
    private func assertInputError(_ expected: String, file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Void) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            XCTAssertEqual((error as? InputError)?.description, expected, file: file, line: line)
        }
    }

    func testFolderDatasetReadsEveryColumnAndKeepsExtraColumns() throws {
        let folder = try TemporaryFolder()
        try folder.write("accounts.csv", accounts)
        try folder.write("relations.csv", "source,target,relation,weight,first_seen,note\nhub,city,repost,3,2025-05-01T08:00:00Z,x\ncity,kol,collaboration,,,\n")
        let dataset = try DatasetLoader.load(folder.path)
        XCTAssertEqual(dataset.accounts.count, 3)
        XCTAssertEqual(dataset.accounts[0].name, "湖南国际传播中心")
        XCTAssertEqual(dataset.accounts[1].name, "Changsha, city")
        XCTAssertEqual(dataset.accounts[1].parent, "hub")
        XCTAssertEqual(dataset.accounts[2].tier, .overseas)
        XCTAssertEqual(dataset.accounts[2].followers, 50000)
        XCTAssertEqual(dataset.accounts[0].attributes, ["desk": "intl"])
        XCTAssertEqual(dataset.relations.count, 2)
        XCTAssertEqual(dataset.relations[0].weight, 3)
        XCTAssertEqual(dataset.relations[0].firstSeen, 1_746_086_400)
        XCTAssertEqual(dataset.relations[1].weight, 1)
        XCTAssertEqual(dataset.relations.attributeColumns, ["note"])
        XCTAssertTrue(dataset.diagnostics.isEmpty)
        // Collaborations are undirected: both directions in the graph.
        let graph = dataset.graph()
        XCTAssertEqual(graph.edgeCount, 3)
        XCTAssertEqual(graph.weight(from: 2, to: 1), 1)
    }

    func testRoundTripThroughWriterKeepsEverything() throws {
        let folder = try TemporaryFolder()
        try folder.write("accounts.csv", accounts)
        try folder.write("relations.csv", "source,target,relation,weight,note\nhub,city,repost,3,\"a \"\"quoted\"\", note\"\n")
        try folder.write("posts.csv", "post_id,author,time,parent_post,likes,lang\np1,hub,2025-05-01T08:00:00Z,,4,zh\np2,city,1746090000,p1,,en\n")
        try folder.write("metrics.csv", "account,platform,period,posts,qualitative\nhub,facebook,2025-05,10,80\n")
        let original = try DatasetLoader.load(folder.path)
        let copy = try TemporaryFolder()
        try DatasetWriter.write(original, to: copy.path)
        let again = try DatasetLoader.load(copy.path)
        XCTAssertEqual(again.accounts, original.accounts)
        XCTAssertEqual(again.posts, original.posts)
        XCTAssertEqual(again.metrics, original.metrics)
        XCTAssertEqual(again.relations.count, 1)
        XCTAssertEqual(again.relations[0], original.relations[0])
        XCTAssertEqual(again.relations.attributeValues, [["a \"quoted\", note"]])
        XCTAssertEqual(again.posts[1].time, 1_746_090_000)
        XCTAssertEqual(again.posts[0].attributes, ["lang": "zh"])
    }

    func testRelationsDerivedFromPostsWhenNoRelationsFile() throws {
        let folder = try TemporaryFolder()
        try folder.write("accounts.csv", accounts)
        try folder.write("posts.csv", """
            post_id,author,time,parent_post
            p1,hub,2025-05-01T00:00:00Z,
            p2,city,2025-05-01T01:00:00Z,p1
            p3,kol,2025-05-01T02:00:00Z,p2
            p4,kol,2025-05-01T03:00:00Z,p2
            p5,city,2025-05-01T04:00:00Z,p1
            p6,hub,2025-05-01T05:00:00Z,p1
            p7,city,2025-05-02T00:00:00Z,
            p8,hub,2025-05-02T01:00:00Z,p7
            p9,kol,2025-05-02T02:00:00Z,missing
            p1,kol,2025-05-03T00:00:00Z,
            """)
        let dataset = try DatasetLoader.load(folder.path)
        XCTAssertTrue(dataset.relationsDerivedFromPosts)
        XCTAssertEqual(dataset.posts.count, 9)
        let graph = dataset.graph()
        // hub→city (p2; p5 repeats p1 by city, counted once), city→kol (p3; p4 repeats p2), city→hub (p8).
        XCTAssertEqual(graph.weight(from: 0, to: 1), 1)
        XCTAssertEqual(graph.weight(from: 1, to: 2), 1)
        XCTAssertEqual(graph.weight(from: 1, to: 0), 1)
        XCTAssertEqual(graph.edgeCount, 3)
        let counts = dataset.diagnostics.counts
        XCTAssertEqual(counts["repeated reposts of one post by one account (counted once)"], 2)
        XCTAssertEqual(counts["self reposts (not made relations)"], 1)
        XCTAssertEqual(counts["duplicate post ids (first kept)"], 1)
        XCTAssertEqual(counts["reposts of posts not in posts.csv"], 1)
    }

    func testUnknownAccountsAreAddedAndCounted() throws {
        let folder = try TemporaryFolder()
        try folder.write("accounts.csv", accounts)
        try folder.write("relations.csv", "source,target,relation\nhub,stranger,repost\nstranger,other,mention\n")
        let dataset = try DatasetLoader.load(folder.path)
        XCTAssertEqual(dataset.accounts.count, 5)
        XCTAssertEqual(dataset.account(withID: "stranger")?.kind, .other)
        XCTAssertEqual(dataset.diagnostics.counts["unknown account ids (added as kind other)"], 2)
    }

    func testEdgeListWithAndWithoutHeader() throws {
        let folder = try TemporaryFolder()
        let plain = try folder.write("plain.csv", "a,b\nb,c,2.5\n\n")
        let dataset = try DatasetLoader.load(plain)
        XCTAssertEqual(dataset.format, .edgeList)
        XCTAssertEqual(dataset.accounts.map(\.id), ["a", "b", "c"])
        XCTAssertEqual(dataset.relations[1].weight, 2.5)
        let named = try folder.write("named.csv", "\u{FEFF}From,To,Weight,relation,topic\r\nx,y,1,mention,trade\r\ny,x,,reply,\r\n")
        let withHeader = try DatasetLoader.load(named)
        XCTAssertEqual(withHeader.accounts.map(\.id), ["x", "y"])
        XCTAssertEqual(withHeader.relations[0].type, .mention)
        XCTAssertEqual(withHeader.relations[1].weight, 1)
        XCTAssertEqual(withHeader.relations.attributeValues, [["trade"], [""]])
    }

    func testEdgeListColumnsReversedAndItsGraphWithAndWithoutWeights() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("dated.csv", "source,target,weight,first_seen\na,b,2,1700000000\nb,c,,\na,b,3,\n")
        let dataset = try DatasetLoader.load(path, options: .init(edgeDirection: .reposterToAuthor))
        XCTAssertEqual(dataset.accounts.map(\.id), ["a", "b", "c"])
        XCTAssertEqual(dataset.relations.sources, [1, 2, 1])
        XCTAssertEqual(dataset.relations.targets, [0, 1, 0])
        XCTAssertEqual(dataset.relations.weights, [2, 1, 3])
        XCTAssertEqual(dataset.relations.types, [.repost, .repost, .repost])
        XCTAssertEqual(dataset.relations.firstSeen, [1_700_000_000, nil, nil])
        XCTAssertNil(dataset.relations.lastSeen)
        // b → a twice (2 + 3), c → b once.
        let weighted = dataset.graph(), unweighted = dataset.graph(weighted: false)
        XCTAssertEqual(weighted.outgoing.offsets, [0, 0, 1, 2])
        XCTAssertEqual(weighted.outgoing.neighbors, [0, 1])
        XCTAssertEqual(weighted.outgoing.weights, [5, 1])
        XCTAssertEqual(unweighted.outgoing.neighbors, [0, 1])
        XCTAssertEqual(unweighted.incoming.neighbors, weighted.incoming.neighbors)
        XCTAssertNil(unweighted.outgoing.weights)
        XCTAssertEqual(dataset.graph(types: [.repost]).outgoing.weights, [5, 1], "the row-by-row path agrees")
    }

    /// An edge list's `first_seen`/`last_seen` are read as every other time column: epoch
    /// milliseconds (1714521600000 is 2024-05-01T00:00:00Z, not a date in the year 56,000),
    /// microseconds, and naive times in --timezone, counted in a note.
    func testEdgeListTimesTakeEpochUnitsAndTheTimezone() throws {
        let folder = try TemporaryFolder()
        let milliseconds = try folder.write("ms.csv", "source,target,first_seen,last_seen\na,b,1714521600000,1714525200000000\nb,c,1714608000000,\n")
        let epochs = try DatasetLoader.load(milliseconds)
        let may1 = unixSeconds(year: 2024, month: 5, day: 1)
        XCTAssertEqual(epochs.relations.firstSeen, [may1, may1 + 86_400])
        XCTAssertEqual(epochs.relations.lastSeen, [may1 + 3600, nil])
        XCTAssertFalse(epochs.readingNotes.contains { $0.topic == "times without a zone" })

        let naive = try folder.write("naive.csv", "source,target,first_seen,last_seen\na,b,2024-05-01 08:00,2024-05-01T09:00:00Z\nb,c,5/1/2024 9:30,\n")
        let beijing = try DatasetLoader.load(naive, options: DatasetLoader.Options(timeZone: NaiveTimeZone(parsing: "+08:00")))
        XCTAssertEqual(beijing.format, .edgeList)
        XCTAssertEqual(beijing.relations.firstSeen, [may1, may1 + 5400])
        XCTAssertEqual(beijing.relations.lastSeen, [may1 + 9 * 3600, nil])
        XCTAssertTrue(beijing.readingNotes.contains(Dataset.ReadingNote(topic: "times without a zone", value: "2 read as UTC+08:00 (--timezone)")))
        let utc = try DatasetLoader.load(naive)
        XCTAssertEqual(utc.relations.firstSeen?[0], may1 + 8 * 3600)
        XCTAssertTrue(utc.readingNotes.contains(Dataset.ReadingNote(topic: "times without a zone", value: "2 read as UTC (the default; --timezone to change)")))

        let mixed = try folder.write("mixed.csv", "source,target,first_seen\na,b,1714521600\nb,c,1714521600000\n")
        assertInputError(#"mixed.csv:3:5: column "first_seen": 1714521600000 looks like epoch milliseconds but line 2 made this column epoch seconds: a column mixing units is ambiguous"#) {
            _ = try DatasetLoader.load(mixed)
        }
    }

    func testBadInputErrorsNameFileLineAndColumn() throws {
        let folder = try TemporaryFolder()
        let edges = try folder.write("edges.csv", "source,target,weight\na,b,1\nb,c,abc\n")
        assertInputError(#"edges.csv:3:5: column "weight": "abc" is not a number"#) { _ = try DatasetLoader.load(edges) }
        let negative = try folder.write("negative.csv", "a,b,-1\n")
        assertInputError(#"negative.csv:1:5: column "weight": -1.0 is negative; expected 0 or more"#) { _ = try DatasetLoader.load(negative) }
        let wide = try folder.write("wide.csv", "a,b,1\nb,c,1,9\n")
        assertInputError("wide.csv:2:7: row has 4 fields; an edge list without a header has source,target[,weight]") { _ = try DatasetLoader.load(wide) }
        let empty = try folder.write("empty.csv", "")
        assertInputError("empty.csv: file is empty: expected edges as source,target[,weight]") { _ = try DatasetLoader.load(empty) }
        let unclosed = try folder.write("unclosed.csv", "a,b\n\"c,d\n")
        assertInputError("unclosed.csv:2:1: quoted field is never closed") { _ = try DatasetLoader.load(unclosed) }
        let badUTF8 = try folder.write("bytes.csv", bytes: Array("a,b\n".utf8) + [0xFF, 0xFE] + Array(",c\n".utf8))
        assertInputError(#"bytes.csv:2:1: column "source": is not valid UTF-8"#) { _ = try DatasetLoader.load(badUTF8) }
    }

    func testSlashDatesAreReadMonthFirstAndSaySo() throws {
        let folder = try TemporaryFolder()
        try folder.write("posts.csv", "post_id,author,time\np1,a,05/03/2025 10:00\np2,b,2025-03-06T11:00:00Z\np3,c,06/03/2025 11:00\n")
        let dataset = try DatasetLoader.load(folder.path)
        XCTAssertEqual(dataset.posts.times[0], 1_746_266_400, "5 May 2025, 10:00 UTC")
        XCTAssertEqual(dataset.readingNotes.first { $0.topic == "dates with slashes" }?.value.prefix(33), "2 read as month/day/year (as US s")
    }

    func testAFileSavedWithSemicolonsIsNamedAsSuch() throws {
        let folder = try TemporaryFolder()
        try folder.write("accounts.csv", "id;name;kind\nhub;Hub;media_centre\n")
        try folder.write("relations.csv", "source,target,relation\n")
        assertInputError(#"accounts.csv:1: missing required columns "id", "kind" (header has: id;name;kind); the file looks separated by semicolons: save it with commas"#) {
            _ = try DatasetLoader.load(folder.path)
        }
        let edges = try folder.write("edges.csv", "source;target;weight\na;b;3\n")
        assertInputError("edges.csv:1:1: row has 1 field; an edge list without a header has source,target[,weight] (a header row source,target,... allows more columns); the file looks separated by semicolons: save it with commas") {
            _ = try DatasetLoader.load(edges)
        }
    }

    func testTableNamesMatchCaseInsensitively() throws {
        let folder = try TemporaryFolder()
        try folder.write("Accounts.csv", "id,kind\nhub,media_centre\ncity,city_account\n")
        try folder.write("Relations.CSV", "source,target,relation\nhub,city,repost\n")
        let dataset = try DatasetLoader.load(folder.path)
        XCTAssertEqual(dataset.accounts.map(\.kind), [.mediaCentre, .cityAccount], "kinds come from Accounts.csv")
        XCTAssertEqual(dataset.relations.count, 1)
        XCTAssertTrue(dataset.diagnostics.isEmpty, "no account implied: \(dataset.diagnostics.lines)")
        XCTAssertNil(dataset.readingNotes.first { $0.topic == "CSV files not read" })

        try folder.write("account_list.csv", "id,kind\n")
        XCTAssertEqual(
            try DatasetLoader.load(folder.path).readingNotes.first { $0.topic == "CSV files not read" }?.value,
            "account_list.csv (a dataset folder reads accounts.csv, relations.csv, posts.csv and metrics.csv)"
        )
    }

    func testDatasetFolderErrors() throws {
        let folder = try TemporaryFolder()
        try folder.write("accounts.csv", "id,kind\nhub,media_centre\ncity,town_hall\n")
        try folder.write("relations.csv", "source,target,relation\n")
        assertInputError(#"accounts.csv:3:6: column "kind": "town_hall" is not one of think_tank, media_centre, influencer, embassy, city_account, media_outlet, community, other"#) {
            _ = try DatasetLoader.load(folder.path)
        }
        try folder.write("accounts.csv", "id,name\nhub,Hub\n")
        assertInputError(#"accounts.csv:1: missing required column "kind" (header has: id, name)"#) { _ = try DatasetLoader.load(folder.path) }
        try folder.write("accounts.csv", "id,kind\nhub,media_centre\nhub,influencer\n")
        assertInputError(#"accounts.csv:3: account id "hub" is defined twice"#) { _ = try DatasetLoader.load(folder.path) }
        try folder.write("accounts.csv", "id,kind\nhub,media_centre\n")
        try folder.write("posts.csv", "post_id,author,time\np1,hub,2025-13-01\n")
        try folder.write("relations.csv", "source,target,relation\n")
        assertInputError(#"posts.csv:2:8: column "time": "2025-13-01" is not a date (expected ISO 8601, epoch seconds/ms/µs, "Wed Oct 10 20:19:24 +0000 2018" or M/D/YYYY H:MM)"#) {
            _ = try DatasetLoader.load(folder.path)
        }
        try folder.write("posts.csv", "")
        assertInputError("posts.csv: file is empty: expected a header with the columns post_id, author, time") { _ = try DatasetLoader.load(folder.path) }
        let nothing = try TemporaryFolder()
        assertInputError("\(nothing.path): not a dataset folder: expected relations.csv, posts.csv or metrics.csv (with accounts.csv)") { _ = try DatasetLoader.load(nothing.path) }
        assertInputError("/no/such/place: no such file or folder") { _ = try DatasetLoader.load("/no/such/place") }
    }

    func testJSONDataset() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("data.json", """
            {"accounts": [{"id": "hub", "kind": "media_centre", "followers": 12, "team": "a"}, {"id": "kol", "kind": "influencer"}],
             "relations": [{"source": "hub", "target": "kol", "relation": "repost", "weight": 2.5}]}
            """)
        let dataset = try DatasetLoader.load(file)
        XCTAssertEqual(dataset.format, .json)
        XCTAssertEqual(dataset.accounts[0].followers, 12)
        XCTAssertEqual(dataset.accounts[0].attributes, ["team": "a"])
        XCTAssertEqual(dataset.relations[0].weight, 2.5)
        let bad = try folder.write("bad.json", #"{"accounts": [{"id": "hub", "kind": "robot"}], "relations": []}"#)
        assertInputError(#"bad.json:1:37: accounts[0]: column "kind": "robot" is not one of think_tank, media_centre, influencer, embassy, city_account, media_outlet, community, other"#) {
            _ = try DatasetLoader.load(bad)
        }
        let broken = try folder.write("broken.json", "{\"accounts\": [")
        XCTAssertThrowsError(try DatasetLoader.load(broken)) { error in
            XCTAssertTrue((error as? InputError)?.description.hasPrefix("broken.json:1:15: not valid JSON") ?? false, "\(error)")
        }
    }

    func testTimestampsAndNumbers() throws {
        let folder = try TemporaryFolder()
        try folder.write("accounts.csv", "id,kind\na,other\n")
        try folder.write("posts.csv", """
            post_id,author,time
            p1,a,2025-05-01
            p2,a,2025-05-01T08:00Z
            p3,a,2025-05-01 08:00:30.5+08:00
            p4,a,1746086400.25
            """)
        let times = try DatasetLoader.load(folder.path).posts.map(\.time)
        XCTAssertEqual(times, [1_746_057_600, 1_746_086_400, 1_746_057_630.5, 1_746_086_400.25])
        XCTAssertEqual(iso8601String(fromUnixSeconds: 1_746_086_400), "2025-05-01T08:00:00Z")
        XCTAssertEqual(iso8601String(fromUnixSeconds: -1), "1969-12-31T23:59:59Z")
    }
}
