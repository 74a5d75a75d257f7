import Foundation
@testable import ReachGraph
import XCTest

/// The `entity` column of `accounts.csv` (one institution, several accounts): read, written back
/// by every writer, shown beside the account in ranking tables and used in labels.
final class EntityTests: XCTestCase {
    private let accounts = """
        id,name,kind,platform,city,entity
        hz_x,HZ on X,media_centre,x,Hangzhou,Hangzhou ICC
        hz_yt,HZ on YouTube,media_centre,youtube,Hangzhou,Hangzhou ICC
        kol,Big V,influencer,x,,

        """
    private let relations = """
        source,target,relation,weight
        hz_x,kol,repost,2
        hz_yt,kol,repost,1

        """

    private func dataset() throws -> (Dataset, TemporaryFolder) {
        let folder = try TemporaryFolder()
        try folder.write("accounts.csv", accounts)
        try folder.write("relations.csv", relations)
        return (try DatasetLoader.load(folder.path), folder)
    }

    func testEntityIsReadAndLabelsTheAccount() throws {
        let (dataset, _) = try dataset()
        XCTAssertTrue(dataset.hasEntities)
        XCTAssertEqual(dataset.accounts.map(\.entity), ["Hangzhou ICC", "Hangzhou ICC", nil])
        XCTAssertEqual(dataset.accounts.map(\.label), ["Hangzhou ICC · x", "Hangzhou ICC · youtube", "Big V"])
        XCTAssertTrue(dataset.accountAttributeColumns.isEmpty, "entity is a known column, not an attribute")
        XCTAssertEqual(Account(id: "u", kind: .other).label, "u")
        XCTAssertEqual(Account(id: "u", kind: .other, entity: "E").label, "E")
    }

    func testWritersKeepTheEntity() throws {
        let (original, _) = try dataset()
        let folder = try TemporaryFolder()
        try DatasetWriter.write(original, to: folder.path)
        let header = try String(contentsOfFile: folder.path + "/accounts.csv", encoding: .utf8).split(separator: "\n").first
        XCTAssertEqual(header, "id,name,kind,platform,country,province,city,tier,followers,parent,entity")
        XCTAssertEqual(try DatasetLoader.load(folder.path).accounts, original.accounts)

        let json = try folder.write("d.json", JSONDatasetWriter.text(of: original))
        XCTAssertEqual(try DatasetLoader.load(json).accounts, original.accounts)

        let graph = try AttributedGraph(dataset: original)
        XCTAssertEqual(graph.nodeLabels, ["Hangzhou ICC · x", "Hangzhou ICC · youtube", "Big V"])
        let column = try XCTUnwrap(graph.nodeColumns.first { $0.name == "entity" })
        XCTAssertEqual(column.values, [.string("Hangzhou ICC"), .string("Hangzhou ICC"), nil])
    }

    func testWithoutEntitiesNothingChanges() throws {
        let folder = try TemporaryFolder()
        try folder.write("accounts.csv", "id,kind\na,other\nb,other\n")
        try folder.write("relations.csv", "source,target,relation\na,b,repost\n")
        let dataset = try DatasetLoader.load(folder.path)
        XCTAssertFalse(dataset.hasEntities)
        XCTAssertEqual(DatasetWriter.accountsCSV(dataset).split(separator: "\n").first, "id,name,kind,platform,country,province,city,tier,followers,parent")
        XCTAssertNil(try AttributedGraph(dataset: dataset).nodeColumns.first { $0.name == "entity" })
        XCTAssertEqual(try MeasureRanking(dataset: dataset, measure: .strength).table(dataset: dataset).columns, ["rank", "id", "score"] + RankingTable.attributeColumns)
    }

    /// Strength: hz_x 2, hz_yt 1, kol 3 (in 2 + 1).
    func testRankingTablesShowTheEntityBesideTheAccount() throws {
        let (dataset, _) = try dataset()
        let table = try MeasureRanking(dataset: dataset, measure: .strength).table(dataset: dataset)
        XCTAssertEqual(table.columns, ["rank", "id", "score", "name", "entity", "kind", "tier", "province", "platform", "followers"])
        XCTAssertEqual(table.rows.map { $0[1] }, [.text("kol"), .text("hz_x"), .text("hz_yt")])
        XCTAssertEqual(table.rows.map { $0[4] }, [.missing, .text("Hangzhou ICC"), .text("Hangzhou ICC")])
        XCTAssertEqual(table.rows.map { $0[2] }, [.number(3), .number(2), .number(1)])

        let leaders = try KeyOpinionLeaderRanking(dataset: dataset, top: 3).table(dataset: dataset)
        let entity = try XCTUnwrap(leaders.columns.firstIndex(of: "entity"))
        XCTAssertEqual(leaders.columns[entity - 1], "name")
        let byID = Dictionary(uniqueKeysWithValues: leaders.rows.map { ($0[1].formatted, $0[entity]) })
        XCTAssertEqual(byID["hz_yt"], Cell.text("Hangzhou ICC"))
        XCTAssertEqual(byID["kol"], Cell.missing)
    }
}
