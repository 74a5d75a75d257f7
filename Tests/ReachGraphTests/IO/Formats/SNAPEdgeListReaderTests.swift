@testable import ReachGraph
import XCTest

/// SNAP-style whitespace edge lists: the direction flag, the third column, interactions.
final class SNAPEdgeListReaderTests: XCTestCase {
    func edges(_ dataset: Dataset) -> [String] {
        (0 ..< dataset.relations.count).map { row in
            let relation = dataset.relations[row]
            return "\(dataset.accounts[Int(relation.source)].id)>\(dataset.accounts[Int(relation.target)].id):\(relation.type.rawValue):\(relation.weight)"
        }
    }

    func testDirectionFlag() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("net.txt", "# A retweeted B\n1 2 3\n1\t3 1\n")
        let asWritten = try DatasetLoader.load(path)
        XCTAssertEqual(asWritten.format, .snap)
        XCTAssertEqual(edges(asWritten), ["1>2:repost:3.0", "1>3:repost:1.0"])
        XCTAssertTrue(asWritten.readingNotes.contains { $0.topic == "edge direction" && $0.value.hasPrefix("author-to-reposter") })
        let reversed = try DatasetLoader.load(path, options: .init(edgeDirection: .reposterToAuthor))
        XCTAssertEqual(edges(reversed), ["2>1:repost:3.0", "3>1:repost:1.0"])
        XCTAssertTrue(reversed.readingNotes.contains { $0.topic == "edge direction" && $0.value.hasPrefix("reposter-to-author") })
    }

    func testActivityRowsWithTimesAndInteractions() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("activity.txt", "10 20 1341100972 MT\n10 20 1341100972 RE\n30 20 1341101181 RT\n")
        let dataset = try DatasetLoader.load(path, options: .init(edgeDirection: .reposterToAuthor))
        XCTAssertEqual(edges(dataset), ["20>10:mention:1.0", "20>10:reply:1.0", "20>30:repost:1.0"])
        XCTAssertEqual(dataset.relations[2].firstSeen, 1_341_101_181)
        XCTAssertEqual(dataset.diagnostics.counts["mention rows twinning a reply or retweet row (same pair, same second; kept)"], 1)
    }

    func testThreeFieldsWithEpochTimes() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("temporal.txt", "1 2 1341100972\n2 3 1341100999\n")
        let dataset = try DatasetLoader.load(path)
        XCTAssertEqual(dataset.relations[0].firstSeen, 1_341_100_972)
        XCTAssertEqual(dataset.relations[0].weight, 1)
        XCTAssertTrue(dataset.readingNotes.contains { $0.topic == "third column" && $0.value.hasPrefix("a time") })
    }

    func testATabSeparatedHeaderIsReadAsColumnNames() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("sheet.tsv", "Source\tTarget\tWeight\na\tb\t3\nb\tc\t1\n")
        let dataset = try DatasetLoader.load(path)
        XCTAssertEqual(edges(dataset), ["a>b:repost:3.0", "b>c:repost:1.0"])
        XCTAssertTrue(dataset.readingNotes.contains(Dataset.ReadingNote(topic: "header row", value: "Source Target Weight (read as column names)")), "\(dataset.readingNotes)")
    }

    func testHostileRows() throws {
        let folder = try TemporaryFolder()
        let badType = try folder.write("a.txt", "1 2 1341100972 RT\n1 3 1341100973 XX\n")
        XCTAssertThrowsError(try DatasetLoader.load(badType)) {
            XCTAssertEqual("\($0)", "a.txt:2:16: interaction \"XX\" is not one of \(RelationType.acceptedNames)")
        }
        let ragged = try folder.write("b.txt", "1 2 3\n1 3\n")
        XCTAssertThrowsError(try DatasetLoader.load(ragged)) { XCTAssertEqual("\($0)", "b.txt:2:1: 2 fields where earlier rows have 3") }
        let mixed = try folder.write("c.txt", "1 2 1341100972\n2 3 1341100999000\n")
        XCTAssertThrowsError(try DatasetLoader.load(mixed)) { XCTAssertTrue("\($0)".contains("line 1"), "\($0)") }
        // Found by the fuzz smoke: a weight over 1e15 was kept, and the JSON written from it
        // could not be read back.
        let heavy = try folder.write("d.txt", "1 2 5\n1 3 2000000000000000\n")
        XCTAssertThrowsError(try DatasetLoader.load(heavy)) {
            XCTAssertEqual("\($0)", "d.txt:2:5: 2000000000000000.0 is larger than 1e15, the largest weight accepted (sums of weights must stay finite)")
        }
    }

    func testPlainCSVEdgeListTakesTheFlagToo() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("edges.csv", "source,target\na,b\n")
        let dataset = try DatasetLoader.load(path, options: .init(edgeDirection: .reposterToAuthor))
        XCTAssertEqual(dataset.format, .edgeList)
        XCTAssertEqual(edges(dataset), ["b>a:repost:1.0"])
    }
}
