import Foundation
@testable import ReachGraph
import XCTest

/// The CSV reader and the edge-list reader on the edge cases that break hand-written readers.
/// Every case runs with several tiny chunk sizes, so records straddle buffer refills.
final class CSVReaderTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("CSVReaderTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: directory)
    }

    private func file(_ bytes: [UInt8], name: String = "input.csv") throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    private func file(_ text: String, name: String = "input.csv") throws -> String {
        try file(Array(text.utf8), name: name)
    }

    private static let chunkSizes = [16, 17, 19, 23, 31, 64, 1 << 20]

    /// Every record as its line and field texts, read with `chunkSize`.
    private func records(_ path: String, chunkSize: Int) throws -> [(line: Int, fields: [String])] {
        var result: [(line: Int, fields: [String])] = []
        try CSVReader(path: path, chunkSize: chunkSize).forEachRecord { record in
            result.append((record.line, try (0 ..< record.count).map { try record.string(at: $0) }))
        }
        return result
    }

    private func assertRecords(_ text: String, _ expected: [(Int, [String])], file: StaticString = #filePath, line: UInt = #line) throws {
        let path = try self.file(text)
        for chunkSize in Self.chunkSizes {
            let got = try records(path, chunkSize: chunkSize)
            XCTAssertEqual(got.map(\.fields), expected.map(\.1), "chunk \(chunkSize)", file: file, line: line)
            XCTAssertEqual(got.map(\.line), expected.map(\.0), "lines, chunk \(chunkSize)", file: file, line: line)
        }
    }

    func testPlainRecordsWithAndWithoutFinalNewline() throws {
        try assertRecords("a,b,c\nd,e,f\n", [(1, ["a", "b", "c"]), (2, ["d", "e", "f"])])
        try assertRecords("a,b,c\nd,e,f", [(1, ["a", "b", "c"]), (2, ["d", "e", "f"])])
    }

    func testQuotedFieldsWithCommasQuotesAndNewlines() throws {
        try assertRecords(
            "id,text\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,end\n",
            [(1, ["id", "text"]), (2, ["1", "a, b"]), (3, ["2", "say \"hi\""]), (4, ["3", "two\nlines"]), (6, ["4", "end"])]
        )
    }

    func testCRLFLineEnds() throws {
        try assertRecords("a,b\r\nc,\"d\r\ne\"\r\nf,g\r\n", [(1, ["a", "b"]), (2, ["c", "d\r\ne"]), (4, ["f", "g"])])
    }

    func testByteOrderMarkIsSkipped() throws {
        let path = try file([0xEF, 0xBB, 0xBF] + Array("source,target\nx,y\n".utf8))
        for chunkSize in Self.chunkSizes {
            XCTAssertEqual(try records(path, chunkSize: chunkSize).map(\.fields), [["source", "target"], ["x", "y"]])
        }
    }

    func testBlankAndTrailingEmptyLinesAreSkipped() throws {
        try assertRecords("a,b\n\n\nc,d\n\n\n", [(1, ["a", "b"]), (4, ["c", "d"])])
        try assertRecords("a,b\r\n\r\nc,d\r\n\r\n", [(1, ["a", "b"]), (3, ["c", "d"])])
    }

    func testEmptyFieldsAndEmptyQuotedField() throws {
        try assertRecords(",b,\n\"\",x\n", [(1, ["", "b", ""]), (2, ["", "x"])])
    }

    func testRecordLongerThanTheChunkSpansRefills() throws {
        let long = String(repeating: "z", count: 100)
        try assertRecords("\(long),\"\(long)\n\(long)\"\nq,r\n", [(1, [long, "\(long)\n\(long)"]), (3, ["q", "r"])])
    }

    func testUnclosedQuoteIsAnErrorWithItsLine() throws {
        let path = try file("a,b\nc,\"never closed\nmore\n")
        for chunkSize in Self.chunkSizes {
            XCTAssertThrowsError(try records(path, chunkSize: chunkSize)) { error in
                XCTAssertEqual((error as? InputError)?.line, 2)
            }
        }
    }

    func testCharacterAfterClosingQuoteIsAnError() throws {
        let path = try file("\"a\"b,c\n")
        XCTAssertThrowsError(try records(path, chunkSize: 16))
    }

    func testColumnsAreReported() throws {
        let path = try file("ab,cde,f\n")
        try CSVReader(path: path, chunkSize: 16).forEachRecord { record in
            XCTAssertEqual((0 ..< record.count).map(record.column(of:)), [1, 4, 8])
        }
    }
}
