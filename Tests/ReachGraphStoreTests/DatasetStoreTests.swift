import Foundation
import ReachGraph
import ReachGraphStore
import XCTest

final class DatasetStoreTests: XCTestCase {
    private func ingest(_ path: String, into store: DatasetStore, period: String = "", platform: String? = nil) throws -> IngestReport {
        try store.ingest(DatasetLoader.load(path), source: path, digest: InputDigest(of: path), period: period, platform: platform)
    }

    func testSampleReadBackEqualsTheFolder() throws {
        let scratch = try ScratchFolder()
        let store = try DatasetStore(path: scratch.file("s.sqlite"), create: true)
        let folder = try DatasetLoader.load(StoreTestData.sample)
        let report = try ingest(StoreTestData.sample, into: store)
        XCTAssertGreaterThan(folder.posts.count, 10_000)
        XCTAssertEqual(report.postsAdded, folder.posts.count)
        XCTAssertEqual(report.accountsAdded, folder.accounts.count)
        XCTAssertEqual(report.relationsAdded, folder.relations.count)
        XCTAssertEqual(report.metricsAdded, folder.metrics.count)
        let loaded = try store.load()
        XCTAssertEqual(loaded.format, .store)
        assertSameData(loaded, folder)
    }

    /// Extra columns, implied accounts, a missing parent, an unknown parent post, an unknown
    /// metrics account: every warning about rows the store holds comes back from it. A repeated
    /// post id within one file never reaches the store; the ingest records it.
    func testWarningsAttributesAndImpliedAccountsSurvive() throws {
        let scratch = try ScratchFolder()
        let path = try scratch.folder("data", [
            "accounts.csv": "id,name,kind,followers,parent,desk\na,A,media_centre,10,ghost,intl\nb,B,influencer,5,a,\n",
            "relations.csv": "source,target,relation,weight,note\na,b,repost,2,x\na,b,repost,1,y\nb,stranger,mention,1,\n",
            "posts.csv": "post_id,author,time,parent_post,lang\np1,a,2025-05-01T00:00:00Z,,zh\np2,b,2025-05-02T00:00:00Z,p1,en\np2,b,2025-05-03T00:00:00Z,p1,en\np3,c,2025-05-04T00:00:00Z,p9,\n",
            "metrics.csv": "account,platform,period,posts,extra\na,x,2025-05,3,k\nnobody,x,2025-05,1,\n",
        ])
        var folder = try DatasetLoader.load(path)
        XCTAssertEqual(folder.diagnostics.counts.count, 5, "the fixture exercises five warning categories")
        let store = try DatasetStore(path: scratch.file("s.sqlite"), create: true)
        let report = try ingest(path, into: store)
        XCTAssertEqual(report.relationsAdded, 3, "parallel relations are kept as separate rows")
        XCTAssertEqual(report.postsAdded, 3)
        XCTAssertEqual(report.warnings, folder.diagnostics.counts)
        XCTAssertEqual(try store.info()[2].rows.first { $0[1] == .text("duplicate post ids (first kept)") }?[2], .integer(1))
        var expected = Diagnostics()
        for (category, count) in folder.diagnostics.counts where category != "duplicate post ids (first kept)" { expected.count(category, count) }
        folder.diagnostics = expected
        assertSameData(try store.load(), folder)
    }

    func testPostsOnlyFolderDerivesRelationsWhenReadBack() throws {
        let scratch = try ScratchFolder()
        let path = try scratch.folder("posts", [
            "posts.csv": "post_id,author,time,parent_post\np1,a,1714521600,\np2,b,1714521700,p1\np3,c,1714521800,p1\np4,c,1714521900,p2\n",
        ])
        let store = try DatasetStore(path: scratch.file("s.sqlite"), create: true)
        let report = try ingest(path, into: store)
        XCTAssertTrue(report.relationsDerived)
        XCTAssertEqual(report.relationsAdded, 0)
        let loaded = try store.load()
        assertSameData(loaded, try DatasetLoader.load(path))
        XCTAssertEqual(loaded.relations.count, 3)
    }

    /// Schema v2: an account's entity, and the `parent_author` of a repost whose original is
    /// outside the data, from which reading derives the repost relation again (before v2 the
    /// store lost every such relation: the normal case in IO archives).
    func testEntityAndParentAuthorOfRepostsOutsideTheDataSurvive() throws {
        let scratch = try ScratchFolder()
        let path = try scratch.folder("data", [
            "accounts.csv": "id,kind,platform,entity\na,media_centre,x,Hangzhou ICC\nb,influencer,x,\n",
            "posts.csv": "post_id,author,time,parent_post,parent_author\np1,b,1714521600,outside,a\np2,b,1714521700,,\n",
        ])
        let folder = try DatasetLoader.load(path)
        XCTAssertEqual(folder.relations.count, 1)
        let store = try DatasetStore(path: scratch.file("s.sqlite"), create: true)
        _ = try ingest(path, into: store)
        let loaded = try store.load()
        assertSameData(loaded, folder)
        XCTAssertEqual(loaded.accounts.first?.entity, "Hangzhou ICC")
        XCTAssertEqual(loaded.posts.first?.parentAuthor, "a")
        XCTAssertEqual(loaded.relations.count, 1, "a → b, derived from parent_author")
    }

    /// A platform export (Twitter v1.1 lines, written by hand from the API's documentation): the
    /// accounts it describes keep their profile fields in the store, and its reply survives (a
    /// stated tie that cannot be derived again from the posts).
    func testPlatformExportAccountsAndRepliesSurvive() throws {
        let scratch = try ScratchFolder()
        let path = try scratch.folder("stream", ["tweets.jsonl": """
            {"created_at":"Wed Oct 10 20:19:24 +0000 2018","id_str":"1","text":"hello","lang":"en","user":{"id_str":"10","screen_name":"alice","followers_count":100}}
            {"created_at":"Wed Oct 10 21:19:24 +0000 2018","id_str":"2","text":"RT @alice: hello","user":{"id_str":"11","screen_name":"bob","followers_count":5},"retweeted_status":{"created_at":"Wed Oct 10 20:19:24 +0000 2018","id_str":"1","text":"hello","user":{"id_str":"10","screen_name":"alice","followers_count":100}}}
            {"created_at":"Wed Oct 10 22:19:24 +0000 2018","id_str":"3","text":"@alice hi","user":{"id_str":"12","screen_name":"carol","followers_count":7},"in_reply_to_status_id_str":"1","in_reply_to_user_id_str":"10"}

            """]) + "/tweets.jsonl"
        let direct = try DatasetLoader.load(path)
        XCTAssertEqual(direct.format, .twitterV1)
        XCTAssertEqual(direct.relations.types.sorted { $0.rawValue < $1.rawValue }, [.reply, .repost])
        let store = try DatasetStore(path: scratch.file("s.sqlite"), create: true)
        let report = try ingest(path, into: store)
        XCTAssertEqual(report.accountsAdded, 3)
        XCTAssertEqual(report.relationsAdded, 2)
        let loaded = try store.load()
        XCTAssertEqual(loaded.accounts, direct.accounts)
        XCTAssertEqual(loaded.accounts.map(\.followers), [100, 5, 7])
        XCTAssertEqual(loaded.relations.types, direct.relations.types)
        XCTAssertEqual(loaded.posts, direct.posts)
    }

    func testSameInputTwiceChangesNothing() throws {
        let scratch = try ScratchFolder()
        let path = try scratch.folder("data", ["posts.csv": "post_id,author,time\np1,a,100\np2,b,200\n"])
        let store = try DatasetStore(path: scratch.file("s.sqlite"), create: true)
        let first = try ingest(path, into: store)
        XCTAssertEqual(first.ingestID, 1)
        let second = try ingest(path, into: store)
        XCTAssertTrue(second.changedNothing)
        XCTAssertEqual(second.postsRead, 2)
        XCTAssertEqual(second.postsAdded, 0)
        let ingests = try store.info()[1]
        XCTAssertEqual(ingests.rows.count, 1, "no provenance row for an ingest that added nothing")
    }

    /// The same file under another period (or none) would store its relations a second time:
    /// refused, naming the earlier ingest, unless asked for; under its own period it stays idempotent.
    func testSameInputUnderAnotherPeriodIsRefusedUnlessAskedFor() throws {
        let scratch = try ScratchFolder()
        let path = try scratch.folder("data", ["relations.csv": "source,target,relation,weight\na,b,repost,3\nb,c,repost,2\n"])
        let sha256 = try InputSource.sha256(of: path)
        let store = try DatasetStore(path: scratch.file("s.sqlite"), create: true)
        let first = try ingest(path, into: store)
        XCTAssertEqual(first.relationsAdded, 2)
        XCTAssertEqual(first.sha256, sha256, "the digest hashed beside the inserts")
        XCTAssertEqual(try store.info()[1].rows.first?[3], .text(sha256), "and stored with the ingest")
        for period in ["2025-05", "2025-06"] {
            XCTAssertThrowsError(try ingest(path, into: store, period: period)) { error in
                XCTAssertEqual("\(error)", "\(path): the store already holds this input (sha256 \(sha256.prefix(12))…) as ingest #1 (no period); "
                    + "ingested again under period \(period) its relations would count twice. To add another period's collection, "
                    + "ingest its own export; to store this same file under period \(period) as well, add --again")
            }
        }
        let dataset = try DatasetLoader.load(path)
        XCTAssertThrowsError(try store.checkNotHeldOtherwise(dataset, sha256: sha256, source: path, period: "2025-05"))
        XCTAssertNoThrow(try store.checkNotHeldOtherwise(dataset, sha256: sha256, source: path, period: ""))
        XCTAssertTrue(try ingest(path, into: store).changedNothing)
        XCTAssertEqual(try store.load().graph().weight(from: 0, to: 1), 3, "strengths as ingested once")
        XCTAssertEqual(try store.info()[1].rows.count, 1)

        let again = try store.ingest(DatasetLoader.load(path), source: path, sha256: sha256, period: "2025-05", again: true)
        XCTAssertEqual(again.relationsAdded, 2)
        XCTAssertEqual(try store.load().graph().weight(from: 0, to: 1), 6, "asked for: the relations count in both")
        XCTAssertThrowsError(try ingest(path, into: store, period: "2025-06"), "ingest #1 still holds it without a period")
        XCTAssertTrue(try ingest(path, into: store, period: "2025-05").changedNothing, "stored under 2025-05 on purpose: idempotent there")

        // A posts table stores no relations (they are derived when read back) and its posts are
        // keyed by id alone: under another period it adds nothing, and is not refused.
        let posts = try scratch.folder("posts", ["posts.csv": "post_id,author,time,parent_post\np1,a,100,\np2,b,200,p1\n"])
        XCTAssertEqual(try ingest(posts, into: store).postsAdded, 2)
        XCTAssertTrue(try ingest(posts, into: store, period: "2025-05").changedNothing)
    }

    /// The same file under the same period read another way (the other edge direction, other
    /// column renames) would store its relations again as read this time: refused, naming how
    /// the earlier ingest read it, unless asked for; read as before it stays idempotent.
    func testSameInputReadAnotherWayIsRefusedUnlessAskedFor() throws {
        let scratch = try ScratchFolder()
        let path = scratch.file("edges.csv")
        try "a,b\nb,c\n".write(toFile: path, atomically: true, encoding: .utf8)
        let sha256 = try InputSource.sha256(of: path)
        let store = try DatasetStore(path: scratch.file("s.sqlite"), create: true)
        let reversed = DatasetLoader.Options(edgeDirection: .reposterToAuthor)
        let ingestRead = { (options: DatasetLoader.Options, again: Bool) throws -> IngestReport in
            try store.ingest(DatasetLoader.load(path, options: options), source: path, digest: InputDigest(of: path), period: "2025-05", again: again)
        }
        XCTAssertEqual(try ingestRead(DatasetLoader.Options(), false).relationsAdded, 2)
        XCTAssertTrue(try ingestRead(DatasetLoader.Options(edgeDirection: .authorToReposter), false).changedNothing, "the default, named: the same reading")
        XCTAssertThrowsError(try ingestRead(reversed, false)) { error in
            XCTAssertEqual("\(error)", "\(path): the store already holds this input (sha256 \(sha256.prefix(12))…) as ingest #1, read as edge-list, "
                + "--edge-direction author-to-reposter; read now as edge-list, --edge-direction reposter-to-author, its relations would be "
                + "stored again as read this time. To ingest it again, read it as before; to store it read this way as well, add --again")
        }
        XCTAssertThrowsError(try store.checkNotHeldOtherwise(DatasetLoader.load(path, options: reversed), sha256: sha256, source: path, period: "2025-05"))
        XCTAssertNoThrow(try store.checkNotHeldOtherwise(DatasetLoader.load(path), sha256: sha256, source: path, period: "2025-05"))
        let ignored = DatasetLoader.Options(columnAliases: ["x": "source"])
        XCTAssertEqual(try DatasetLoader.load(path, options: ignored).relationReading, "edge-list, --edge-direction author-to-reposter", "edge lists take no --map")
        XCTAssertTrue(try ingestRead(ignored, false).changedNothing)
        XCTAssertEqual(try store.load().relations.count, 2, "nothing kept of the refused ingest")

        XCTAssertEqual(try ingestRead(reversed, true).relationsAdded, 2, "asked for")
        XCTAssertTrue(try ingestRead(reversed, false).changedNothing, "read this way on purpose: idempotent")
        XCTAssertTrue(try ingestRead(DatasetLoader.Options(), false).changedNothing)
        XCTAssertEqual(try store.load().relations.count, 4)

        // A folder whose columns are renamed the other way round by --map.
        let folder = try scratch.folder("data", ["relations.csv": "from,to,relation\na,b,repost\nb,c,repost\n"])
        let forward = DatasetLoader.Options(columnAliases: ["from": "source", "to": "target"])
        let backward = DatasetLoader.Options(columnAliases: ["to": "source", "from": "target"])
        XCTAssertEqual(try DatasetLoader.load(folder, options: forward).relationReading, "folder, --map source=from,target=to")
        let folderSHA = try InputSource.sha256(of: folder)
        XCTAssertEqual(try store.ingest(DatasetLoader.load(folder, options: forward), source: folder, sha256: folderSHA).relationsAdded, 2)
        XCTAssertThrowsError(try store.ingest(DatasetLoader.load(folder, options: backward), source: folder, sha256: folderSHA)) { error in
            XCTAssertTrue("\(error)".contains("read as folder, --map source=from,target=to; read now as folder, --map source=to,target=from"), "\(error)")
        }
        XCTAssertTrue(try store.ingest(DatasetLoader.load(folder, options: forward), source: folder, sha256: folderSHA).changedNothing)
        // Renames of other columns change no relation's key: the same reading.
        let weighted = DatasetLoader.Options(columnAliases: ["from": "source", "to": "target", "w": "weight", "nothing": "here", "relation": "relation"])
        XCTAssertEqual(try DatasetLoader.load(folder, options: weighted).relationReading, "folder, --map source=from,target=to", "an identity rename is none")

        // An earlier ingest of a file that stored no relations (--relations kept none) holds none
        // that could count twice, read another way or under another period.
        let onlyMentions = DatasetLoader.Options(relationTypes: [.mention])
        let swapped = DatasetLoader.Options(columnAliases: ["source": "target", "target": "source"])
        for (name, other, period) in [("reposts", swapped, ""), ("reposts-later", DatasetLoader.Options(), "2025-06")] {
            let reposts = try scratch.folder(name, [
                "relations.csv": "source,target,relation\n\(name)-x,\(name)-y,repost\n", "accounts.csv": "id,kind\n\(name)-x,influencer\n\(name)-y,community\n",
            ])
            let sha = try InputSource.sha256(of: reposts)
            let none = try store.ingest(DatasetLoader.load(reposts, options: onlyMentions), source: reposts, sha256: sha)
            XCTAssertEqual(none.relationsAdded, 0, name)
            XCTAssertFalse(none.changedNothing, "its accounts were stored")
            XCTAssertEqual(try store.ingest(DatasetLoader.load(reposts, options: other), source: reposts, sha256: sha, period: period).relationsAdded, 1, name)
        }
    }

    /// An ingest's period is the label slices read it by: one they would not take is refused, as
    /// `StoreSlice(period:)` refuses it, and nothing is written.
    func testIngestPeriodIsOneASliceTakes() throws {
        let scratch = try ScratchFolder()
        let path = try scratch.folder("data", ["relations.csv": "source,target,relation\na,b,repost\n"])
        let store = try DatasetStore(path: scratch.file("s.sqlite"), create: true)
        for label in ["2025-5", "may", "2025-Q2", "2025-02-30"] {
            XCTAssertThrowsError(try ingest(path, into: store, period: label)) { error in
                XCTAssertEqual("\(error)", "--period: \"\(label)\" is not a period (expected YYYY-MM, YYYY-MM-DD or YYYY)")
            }
        }
        XCTAssertEqual(try store.info()[1].rows.count, 0)
        for label in ["2025-05", "2025-05-01", "2025"] {
            XCTAssertEqual(try ingest(try scratch.folder(label, ["relations.csv": "source,target,relation\na,b,repost\n\(label),b,repost\n"]), into: store, period: label).relationsAdded, 2)
            XCTAssertEqual(try store.load(StoreSlice(period: label)).relations.count, 2, label)
        }
    }

    /// A slice the store holds nothing for (no post, metrics row or relation) is refused in one
    /// line listing the periods it holds, rather than read as every account tied at nothing.
    func testSliceOfNothingIsRefusedListingThePeriodsHeld() throws {
        let scratch = try ScratchFolder()
        let store = try scratch.store(ingesting: [
            "posts.csv": "post_id,author,time,parent_post\np1,a,2025-04-30T00:00:00Z,\np2,b,2025-05-02T00:00:00Z,p1\n",
            "metrics.csv": "account,platform,period,posts\na,x,2025-07,3\n",
        ])
        _ = try ingest(try scratch.folder("june", ["relations.csv": "source,target,relation\na,b,repost\n"]), into: store, period: "2025-06")
        XCTAssertEqual(try store.periods(), ["2025-04", "2025-05", "2025-06", "2025-07"])
        XCTAssertThrowsError(try store.load(StoreSlice(period: "2024-01"))) { error in
            XCTAssertEqual("\(error)", "--period: the store holds nothing for \"2024-01\" (no post, metrics row or relation); available periods: 2025-04, 2025-05, 2025-06, 2025-07")
        }
        XCTAssertThrowsError(try store.load(StoreSlice(fromText: "2025-05-03", toText: "2025-06-01"))) { error in
            XCTAssertEqual("\(error)", "--from/--to: the store holds nothing from 2025-05-03T00:00:00Z to 2025-06-01T00:00:00Z (no post, metrics row or relation); available periods: 2025-04, 2025-05, 2025-06, 2025-07")
        }
        XCTAssertEqual(try store.load(StoreSlice(period: "2025-06")).relations.count, 1, "a month of relations only")
        XCTAssertEqual(try store.load(StoreSlice(period: "2025-07")).metrics.count, 1, "a month of metrics only")
        XCTAssertEqual(try store.load(StoreSlice(period: "2025-05-02")).posts.count, 1)
        XCTAssertEqual(try store.load(StoreSlice(period: "2025")).posts.count, 2)
    }

    func testOverlappingExportAddsOnlyNewRows() throws {
        let scratch = try ScratchFolder()
        let header = "post_id,author,time,platform\n"
        let april = try scratch.folder("april", ["posts.csv": header + "p1,a,2025-04-29T00:00:00Z,x\np2,b,2025-04-30T00:00:00Z,x\n"])
        let may = try scratch.folder("may", ["posts.csv": header + "p2,b,2025-04-30T00:00:00Z,x\np3,a,2025-05-01T00:00:00Z,x\np4,b,2025-05-02T00:00:00Z,x\n"])
        let facebook = try scratch.folder("facebook", ["posts.csv": header + "p1,c,2025-05-03T00:00:00Z,facebook\n"])
        let store = try DatasetStore(path: scratch.file("s.sqlite"), create: true)
        XCTAssertEqual(try ingest(april, into: store).postsAdded, 2)
        let report = try ingest(may, into: store)
        XCTAssertEqual(report.postsRead, 3)
        XCTAssertEqual(report.postsAdded, 2, "p3 and p4 are new; p2 is not")
        XCTAssertEqual(try ingest(facebook, into: store).postsAdded, 1, "posts are keyed by platform and id")
        let loaded = try store.load()
        XCTAssertEqual(loaded.posts.map(\.postID), ["p1", "p2", "p3", "p4"], "a dataset keeps the first of repeated post ids")
        XCTAssertEqual(loaded.diagnostics.counts["duplicate post ids (first kept)"], 1)
    }

    /// Rows are inserted a hundred to a statement: rows on both sides of a statement's end, a
    /// last statement shorter than the others, and rows already stored inside a statement.
    func testRowsAcrossInsertStatementsKeepTheirOrderAndKeys() throws {
        let scratch = try ScratchFolder()
        func posts(_ range: ClosedRange<Int>) -> String {
            "post_id,author,time,likes\n" + range.map { "p\($0),a\($0 % 7),\(1000 + $0),\($0 % 3 == 0 ? "" : "\($0)")\n" }.joined()
        }
        // 205 relation rows: pairs repeat, so occurrences 0, 1, 2… fall on both sides of row 100.
        let relations = "source,target,relation,weight\n" + (0 ..< 205).map { "a\($0 % 3),b\($0 % 2),repost,\($0 + 1)\n" }.joined()
        let first = try scratch.folder("first", ["posts.csv": posts(1 ... 250), "relations.csv": relations])
        // 201…301: one statement of 50 stored and 50 new rows, then a statement of one.
        let second = try scratch.folder("second", ["posts.csv": posts(201 ... 301)])
        let store = try DatasetStore(path: scratch.file("s.sqlite"), create: true)
        let report = try ingest(first, into: store)
        XCTAssertEqual(report.postsAdded, 250)
        XCTAssertEqual(report.relationsRead, 205)
        XCTAssertEqual(report.relationsAdded, 205)
        XCTAssertEqual(try ingest(second, into: store).postsAdded, 51, "p251…p301 are new; p201…p250 are not")
        let loaded = try store.load()
        XCTAssertEqual(loaded.posts.map(\.postID), (1 ... 301).map { "p\($0)" })
        XCTAssertEqual(loaded.posts.map(\.time), (1 ... 301).map { Double(1000 + $0) })
        XCTAssertEqual(loaded.posts.map(\.likes), (1 ... 301).map { $0 % 3 == 0 ? nil : $0 }, "a NULL after a value in the same place of a statement")
        XCTAssertEqual(loaded.posts.map(\.url), Array(repeating: nil, count: 301), "a column the input lacks is NULL")
        let direct = try DatasetLoader.load(first)
        XCTAssertEqual(loaded.relations.weights, direct.relations.weights)
        XCTAssertEqual(loaded.relations.weights, (1 ... 205).map(Double.init))
    }

    func testChangedAccountAttributesAreKeptPerPeriod() throws {
        let scratch = try ScratchFolder()
        let header = "id,name,kind,followers\n"
        let april = try scratch.folder("april", ["accounts.csv": header + "a,Alpha,media_centre,100\nb,Beta,influencer,7\n", "relations.csv": "source,target,relation\na,b,repost\n"])
        let may = try scratch.folder("may", ["accounts.csv": header + "a,Alpha Centre,media_centre,150\nb,Beta,influencer,7\n", "relations.csv": "source,target,relation\na,b,repost\n"])
        let store = try DatasetStore(path: scratch.file("s.sqlite"), create: true)
        _ = try ingest(april, into: store, period: "2025-04")
        let report = try ingest(may, into: store, period: "2025-05")
        XCTAssertEqual(report.accountsAdded, 0)
        XCTAssertEqual(report.accountsChanged, 1)
        XCTAssertEqual(report.relationsAdded, 1, "a relation is kept per period")
        XCTAssertTrue(try ingest(may, into: store, period: "2025-05").changedNothing)

        let asOfApril = try store.load(StoreSlice(period: "2025-04"))
        XCTAssertEqual(asOfApril.account(withID: "a")?.followers, 100)
        XCTAssertEqual(asOfApril.account(withID: "a")?.name, "Alpha")
        XCTAssertEqual(asOfApril.relations.count, 1)
        let asOfMay = try store.load(StoreSlice(period: "2025-05"))
        XCTAssertEqual(asOfMay.account(withID: "a")?.followers, 150)
        XCTAssertEqual(asOfMay.account(withID: "a")?.name, "Alpha Centre")
        let whole = try store.load()
        XCTAssertEqual(whole.account(withID: "a")?.followers, 150)
        XCTAssertEqual(whole.relations.count, 2)
        XCTAssertEqual(whole.graph().edgeCount, 1)
        XCTAssertEqual(whole.graph().weight(from: 0, to: 1), 2, "parallel relations of two periods add up")
    }

    func testMonthSliceOfTheSampleEqualsTheMonthFolder() throws {
        let scratch = try ScratchFolder()
        let store = try DatasetStore(path: scratch.file("s.sqlite"), create: true)
        _ = try ingest(StoreTestData.sample, into: store)
        // The sample's relations were ingested without a period: a slice leaves them out and counts them.
        let stored = try store.load().relations.count
        XCTAssertGreaterThan(stored, 1_000)
        func withLeftOut(_ folder: Dataset) -> Dataset {
            var expected = folder
            expected.diagnostics.count("relations stored without a --period, left out of a slice (whole-export ties: read the store without --period, --from or --to)", stored)
            return expected
        }
        for month in ["2025-03", "2025-05"] {
            let folder = try DatasetLoader.load(try StoreTestData.sampleMonthFolder(month, in: scratch))
            XCTAssertGreaterThan(folder.posts.count, 1_000)
            assertSameData(try store.load(StoreSlice(period: month)), withLeftOut(folder))
        }
        let window = try StoreSlice(fromText: "2025-04-01", toText: "2025-05-01T00:00:00Z")
        assertSameData(try store.load(window), withLeftOut(try DatasetLoader.load(try StoreTestData.sampleMonthFolder("2025-04", in: scratch))))
    }

    /// Posts of an input whose relations were derived have their reposts derived in every read,
    /// beside the relations another input stored (found with a Twitter v2 export under a period
    /// beside a Telegram export without one: the Telegram reposts vanished); ties stored without
    /// a period are counted as left out of a slice.
    func testReadsDeriveRepostsBesideStoredRelations() throws {
        let scratch = try ScratchFolder()
        let store = try DatasetStore(path: scratch.file("s.sqlite"), create: true)
        let posts = try scratch.folder("posts", ["posts.csv": """
            post_id,author,time,parent_post
            p1,a,2025-04-01T00:00:00Z,
            p2,b,2025-04-01T01:00:00Z,p1
            p3,c,2025-04-02T00:00:00Z,p1
            p4,c,2025-05-02T00:00:00Z,p5
            p5,a,2025-05-01T00:00:00Z,

            """])
        _ = try store.ingest(try DatasetLoader.load(posts), source: posts, sha256: "posts")
        let april = try scratch.folder("april", ["relations.csv": "source,target,relation\nx,y,repost\n"])
        _ = try store.ingest(try DatasetLoader.load(april), source: april, sha256: "april", period: "2025-04")
        let ties = try scratch.folder("ties", ["relations.csv": "source,target,relation\nx,z,collaboration\ny,z,mention\n"])
        _ = try store.ingest(try DatasetLoader.load(ties), source: ties, sha256: "ties")
        func edges(_ dataset: Dataset) -> [String] {
            (0 ..< dataset.relations.count).map { dataset.relations[$0] }.map { "\(dataset.accounts[Int($0.source)].id)→\(dataset.accounts[Int($0.target)].id) \($0.type.rawValue) \(formatNumber($0.weight))" }
        }
        let slice = try store.load(StoreSlice(period: "2025-04"))
        XCTAssertEqual(edges(slice), ["x→y repost 1", "a→b repost 1", "a→c repost 1"], "April's stored tie, then p2's and p3's reposts")
        XCTAssertFalse(slice.relationsDerivedFromPosts, "stored relations are part of it")
        XCTAssertEqual(slice.diagnostics.counts["relations stored without a --period, left out of a slice (whole-export ties: read the store without --period, --from or --to)"], 2)
        let may = try store.load(StoreSlice(period: "2025-05"))
        XCTAssertEqual(edges(may), ["a→c repost 1"], "no relation stored for May: p4's repost is derived")
        let whole = try store.load()
        XCTAssertEqual(edges(whole), ["x→y repost 1", "x→z collaboration 1", "y→z mention 1", "a→b repost 1", "a→c repost 2"])
        XCTAssertNil(whole.diagnostics.counts["relations stored without a --period, left out of a slice (whole-export ties: read the store without --period, --from or --to)"])
    }

    func testPlatformFillsRowsThatNameNone() throws {
        let scratch = try ScratchFolder()
        let path = try scratch.folder("fb", ["posts.csv": "post_id,author,time,platform\np1,a,100,\np2,b,200,x\n"])
        let store = try DatasetStore(path: scratch.file("s.sqlite"), create: true)
        _ = try ingest(path, into: store, platform: "facebook")
        XCTAssertEqual(try store.load().posts.map(\.platform), ["facebook", "x"])
    }

    func testSlicesAndStoresAreCheckedWithOneLineErrors() throws {
        XCTAssertThrowsError(try StoreSlice(period: "May 2025")) { error in
            XCTAssertEqual("\(error)", "--period: \"May 2025\" is not a period (expected YYYY-MM, YYYY-MM-DD or YYYY)")
        }
        XCTAssertThrowsError(try StoreSlice(fromText: "2025-05-02", toText: "2025-05-01"))
        XCTAssertEqual(StoreSlice.window(ofPeriod: "2024-02")?.to, StoreSlice.window(ofPeriod: "2024-03")?.from)
        XCTAssertEqual(StoreSlice.window(ofPeriod: "2024-12")?.to, StoreSlice.window(ofPeriod: "2025")?.from)
        XCTAssertEqual(StoreSlice.window(ofPeriod: "2024-02-29").map { $0.to - $0.from }, 86_400)
        // The timestamps' whole range slices, year 0000 (kept with a warning) to 9999.
        XCTAssertEqual(StoreSlice.window(ofPeriod: "0000-12")?.to, StoreSlice.window(ofPeriod: "0001")?.from)
        XCTAssertEqual(StoreSlice.window(ofPeriod: "0000-12").map { StoreSlice.month(of: $0.from) }, "0000-12")
        XCTAssertEqual(StoreSlice.window(ofPeriod: "9999-12").map { $0.to - $0.from }, 31 * 86_400)
        XCTAssertEqual(StoreSlice.window(ofPeriod: "9999").map { $0.to - $0.from }, 365 * 86_400)
        XCTAssertNil(StoreSlice.window(ofPeriod: "2024-13"))
        let scratch = try ScratchFolder()
        let text = scratch.file("notes.sqlite")
        try Data("hello".utf8).write(to: URL(fileURLWithPath: text))
        XCTAssertThrowsError(try DatasetStore(path: text, create: false)) { error in
            XCTAssertEqual("\(error)", "\(text): not a store: the file is not an SQLite database")
        }
        XCTAssertThrowsError(try DatasetStore(path: scratch.file("missing.sqlite"), create: false))
        XCTAssertThrowsError(try InputSource.load(StoreTestData.sample, slice: StoreSlice(period: "2025-05")))
    }

    /// A store that does not exist is built beside its path and appears only once complete, in
    /// WAL mode (byte 18 of an SQLite header is 2), holding what an ingest in place writes; an
    /// existing store is written in place.
    func testNewStoreIsBuiltAsideAndMovedIntoPlace() throws {
        let scratch = try ScratchFolder()
        let path = scratch.file("new.sqlite")
        var report: IngestReport?
        try DatasetStore.write(into: path) { store in
            report = try ingest(StoreTestData.sample, into: store)
            XCTAssertFalse(FileManager.default.fileExists(atPath: path), "not visible before it is complete")
        }
        XCTAssertEqual(report?.ingestID, 1)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.path), ["new.sqlite"], "no temporary file left")
        let header = try XCTUnwrap(FileHandle(forReadingAtPath: path)?.read(upToCount: 20))
        XCTAssertEqual(Array(header.prefix(16)), Array("SQLite format 3\u{0}".utf8))
        XCTAssertEqual(Array(header[18 ... 19]), [2, 2], "WAL mode")

        let inPlace = try DatasetStore(path: scratch.file("in-place.sqlite"), create: true)
        _ = try ingest(StoreTestData.sample, into: inPlace)
        let built = try DatasetStore(path: path, create: false)
        assertSameData(try built.load(), try inPlace.load())
        XCTAssertEqual(try built.integrityCheck(), ["ok"])
        XCTAssertEqual(try built.info()[0].rows, try inPlace.info()[0].rows)

        try DatasetStore.write(into: path) { store in
            XCTAssertTrue(try ingest(StoreTestData.sample, into: store).changedNothing)
        }
    }

    /// When the ingests of a new store fail, no store and no temporary file are left.
    func testFailedNewStoreLeavesNothing() throws {
        let scratch = try ScratchFolder()
        let path = scratch.file("new.sqlite")
        XCTAssertThrowsError(try DatasetStore.write(into: path) { store in
            _ = try ingest(StoreTestData.sample, into: store)
            throw InputError(file: "second", message: "unreadable")
        }) { XCTAssertEqual(($0 as? InputError)?.file, "second") }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.path), [])
    }

    func testANewStoreMakesItsMissingFolders() throws {
        let scratch = try ScratchFolder()
        let path = scratch.file("a/b/new.sqlite")
        try DatasetStore.write(into: path) { store in _ = try ingest(StoreTestData.sample, into: store) }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.file("a/b")), ["new.sqlite"])
        XCTAssertTrue(FileManager.default.createFile(atPath: scratch.file("file"), contents: Data()))
        XCTAssertThrowsError(try DatasetStore.write(into: scratch.file("file/new.sqlite")) { _ in }) { error in
            XCTAssertEqual((error as? InputError)?.description, "\(scratch.file("file")): cannot write into it: it is a file, not a folder")
        }
    }
}
