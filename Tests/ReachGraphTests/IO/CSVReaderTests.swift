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
        XCTAssertThrowsError(try records(path, chunkSize: 16)) { error in
            XCTAssertEqual((error as? InputError)?.description, "input.csv:1:4: unexpected character after a closing quote")
        }
    }

    func testColumnsAreReported() throws {
        let path = try file("ab,cde,f\n")
        try CSVReader(path: path, chunkSize: 16).forEachRecord { record in
            XCTAssertEqual((0 ..< record.count).map(record.column(of:)), [1, 4, 8])
        }
    }

    // MARK: The fast path for simple records

    /// Every record as field texts, taking simple records from the fast path (which must then
    /// agree with the full parser) and the rest from the full parser.
    private func recordsWithFastPath(_ path: String, chunkSize: Int, limit: Int) throws -> (records: [(line: Int, fields: [String])], simple: Int) {
        var result: [(line: Int, fields: [String])] = []
        var simpleCount = 0
        try CSVReader(path: path, chunkSize: chunkSize).forEachRecord(simpleFieldLimit: limit, simple: { bytes, bounds, count, line in
            simpleCount += 1
            let fields = (0 ..< count).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[bounds[2 * $0] ..< bounds[2 * $0 + 1]]), as: UTF8.self) }
            result.append((line, fields))
            return true
        }) { record in
            result.append((record.line, try (0 ..< record.count).map { try record.string(at: $0) }))
        }
        return (result, simpleCount)
    }

    func testFastPathAgreesWithTheFullParser() throws {
        let long = String(repeating: "w", count: 40)
        let text = "\u{FEFF}source,target,weight\r\na,b,1\r\n\r\nc,\"d,e\",2\nf,\"g\nh\",3\n"
            + "i,j,4,extra\n\(long),\(long),5\nk,l\rm,n,6\n\"\"\"q\"\"\",r,7\ns,t\n\n\n"
        let path = try file(text)
        for chunkSize in Self.chunkSizes {
            let reference = try records(path, chunkSize: chunkSize).map(\.fields)
            let (fast, simple) = try recordsWithFastPath(path, chunkSize: chunkSize, limit: 3)
            XCTAssertEqual(fast.map(\.fields), reference, "chunk \(chunkSize)")
            XCTAssertGreaterThanOrEqual(simple, 4, "chunk \(chunkSize)")
        }
    }

    func testFastPathHandsQuotedAndLongRecordsToTheFullParserWithTheirLines() throws {
        let path = try file("a,b\n\"x\ny\",z\nc,d,e,f\ng,h\n")
        for chunkSize in Self.chunkSizes {
            let (got, simple) = try recordsWithFastPath(path, chunkSize: chunkSize, limit: 3)
            XCTAssertEqual(got.map(\.fields), [["a", "b"], ["x\ny", "z"], ["c", "d", "e", "f"], ["g", "h"]])
            XCTAssertEqual(got.map(\.line), [1, 2, 4, 5], "chunk \(chunkSize)")
            XCTAssertEqual(simple, 2)
        }
    }

    func testFastPathLastLineWithoutNewlineAndCarriageReturnAtEnd() throws {
        for text in ["a,b\nc,d", "a,b\nc,d\r", "a,b\r\nc,d\r\n"] {
            let path = try file(text)
            for chunkSize in Self.chunkSizes {
                XCTAssertEqual(try recordsWithFastPath(path, chunkSize: chunkSize, limit: 3).records.map(\.fields), [["a", "b"], ["c", "d"]], text.debugDescription)
            }
        }
    }

    // MARK: Edge lists

    /// The edge list in `text`, checked to read the same with every chunk size.
    private func edgeList(_ text: String) throws -> EdgeList {
        let path = try file(text, name: "edges.csv")
        let list = try EdgeListReader.read(path: path)
        for chunkSize in Self.chunkSizes {
            let small = try EdgeListReader.read(path: path, displayName: nil, chunkSize: chunkSize)
            XCTAssertEqual(small.identifiers.identifiers, list.identifiers.identifiers, "chunk \(chunkSize)")
            XCTAssertEqual(edges(small), edges(list), "chunk \(chunkSize)")
            let halves = try EdgeListReader.read(path: path, displayName: nil, chunkSize: chunkSize, twoPartThreshold: 0)
            XCTAssertEqual(halves.identifiers.identifiers, list.identifiers.identifiers, "two parts, chunk \(chunkSize)")
            XCTAssertEqual(edges(halves), edges(list), "two parts, chunk \(chunkSize)")
        }
        return list
    }

    private func edges(_ list: EdgeList) -> [String] {
        (0 ..< list.count).map { row in
            let weight = list.weights.map { " \($0[row])" } ?? ""
            return "\(list.identifiers.identifier(at: Int(list.sources[row])))>\(list.identifiers.identifier(at: Int(list.targets[row])))\(weight)"
        }
    }

    func testEdgeListMixesFastAndFullRowsInFileOrder() throws {
        let text = "source,target,weight\r\nu1,u2,3\r\n\"u 3\",u1,\r\nlonger-than-seven,u2,1.5\n"
            + "é,u4,2\nu4,u1\n\nu2,\"u,5\",1e1\n"
        let list = try edgeList(text)
        XCTAssertTrue(list.hasHeader)
        XCTAssertEqual(list.identifiers.identifiers, ["u1", "u2", "u 3", "longer-than-seven", "é", "u4", "u,5"])
        XCTAssertEqual(edges(list), ["u1>u2 3.0", "u 3>u1 1.0", "longer-than-seven>u2 1.5", "é>u4 2.0", "u4>u1 1.0", "u2>u,5 10.0"])
    }

    func testEdgeListNumbersIdsInOrderOfFirstAppearanceAcrossBatches() throws {
        // More rows than one interning batch, with ids new and old, short and long.
        var text = ""
        var expectedOrder: [String] = []
        var seen = Set<String>()
        var expectedEdges: [String] = []
        var state: UInt64 = 7
        for row in 0 ..< 1000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let source = "n\(state >> 55)"
            let target = row % 97 == 0 ? "a-long-identifier-\(row)" : "m\(state >> 40 & 255)"
            text += "\(source),\(target)\n"
            for id in [source, target] where seen.insert(id).inserted { expectedOrder.append(id) }
            expectedEdges.append("\(source)>\(target) 1.0")
        }
        let list = try edgeList(text)
        XCTAssertFalse(list.hasHeader)
        XCTAssertEqual(list.identifiers.identifiers, expectedOrder)
        XCTAssertEqual(edges(list), expectedEdges)
        for (index, id) in expectedOrder.enumerated() { XCTAssertEqual(list.identifiers.index(of: id), Int32(index)) }
    }

    func testEdgeListErrorsFromFastRowsKeepLineAndColumn() throws {
        let cases: [(String, Int, Int?)] = [
            ("source,target\nu1,u2\n,u3\n", 3, nil),
            ("source,target,weight\nu1,u2,1\nu1,u2,-2\n", 3, 7),
            ("source,target,weight\nu1,u2,1\nu1,u2,x\n", 3, 7),
            ("u1,u2\nu1,u2,1,4\n", 2, 9),
            ("source,target\nu1,u2\nu1\n", 3, 1),
        ]
        for (text, line, column) in cases {
            let path = try file(text, name: "edges.csv")
            for chunkSize in Self.chunkSizes {
                for threshold in [EdgeListReader.twoPartThreshold, 0] {
                    XCTAssertThrowsError(try EdgeListReader.read(path: path, displayName: nil, chunkSize: chunkSize, twoPartThreshold: threshold), text.debugDescription) { error in
                        let error = error as? InputError
                        XCTAssertEqual(error?.line, line, "\(text.debugDescription), chunk \(chunkSize), split from \(threshold)")
                        if let column { XCTAssertEqual(error?.column, column, "\(text.debugDescription), chunk \(chunkSize), split from \(threshold)") }
                    }
                }
            }
        }
    }

    func testTwoPartReadNumbersIdsAsOnePass() throws {
        // 3,000 rows: ids seen only in the first half, only in the second, in both, in every key
        // form; the halves' own numberings differ from the file's, which the join must restore.
        let forms = ["u%d", "user%05d", "u.%06d", "%d00000000", "account-number-%d", "é%d"]
        var text = "source,target,weight\n"
        for row in 0 ..< 3_000 {
            let source = String(format: forms[row % forms.count], row % 700 + (row < 1_500 ? 0 : 400))
            let target = String(format: forms[(row / 7) % forms.count], (row * 37) % 1_100)
            text += "\(source),\(target),\(row % 5 + 1)\n"
        }
        let list = try edgeList(text)
        XCTAssertEqual(list.count, 3_000)
        var expected: [String] = []
        var seen: Set<String> = []
        for line in text.split(separator: "\n").dropFirst() {
            for id in line.split(separator: ",").prefix(2) where seen.insert(String(id)).inserted { expected.append(String(id)) }
        }
        XCTAssertEqual(list.identifiers.identifiers, expected)
        let path = try file(text, name: "halves.csv")
        let halves = try XCTUnwrap(EdgeListReader.readInTwoParts(path: path, displayName: nil, chunkSize: 64, fileBytes: text.utf8.count), "a plain file is read in two parts")
        XCTAssertEqual(halves.identifiers.identifiers, expected)
        XCTAssertEqual(edges(halves), edges(list))
    }

    func testTwoPartReadJoinsUnweightedRowsAsOnePass() throws {
        // No weight column: the join appends the second part's renumbered ids alone (ids new in
        // the second half among them), and the list stays without weights.
        var text = "source,target\n"
        for row in 0 ..< 2_000 { text += "n\(row % 300 + (row < 1_000 ? 0 : 250)),m\((row * 53) % 700)\n" }
        let list = try edgeList(text)
        XCTAssertNil(list.weights)
        let path = try file(text, name: "unweighted.csv")
        let halves = try XCTUnwrap(EdgeListReader.readInTwoParts(path: path, displayName: nil, chunkSize: 64, fileBytes: text.utf8.count), "a plain file is read in two parts")
        XCTAssertNil(halves.weights)
        XCTAssertEqual(halves.count, 2_000)
        XCTAssertEqual(halves.identifiers.identifiers, list.identifiers.identifiers)
        XCTAssertEqual(edges(halves), edges(list))
    }

    func testTwoPartReadFallsBackOnQuotesAndReportsLaterErrorsWithTheirLine() throws {
        var rows = (0 ..< 200).map { "a\($0),b\($0 % 13)" }
        rows[150] = "\"a,150\",b1"
        let quoted = try edgeList("source,target\n" + rows.joined(separator: "\n") + "\n")
        XCTAssertEqual(quoted.identifiers.identifier(at: Int(quoted.sources[150])), "a,150")
        let quotedText = "source,target\n" + rows.joined(separator: "\n") + "\n"
        let quotedPath = try file(quotedText, name: "quoted.csv")
        XCTAssertNil(EdgeListReader.readInTwoParts(path: quotedPath, displayName: nil, chunkSize: 64, fileBytes: quotedText.utf8.count), "a quote in the second half: one pass")
        rows[150] = "a150,"
        let path = try file("source,target\n" + rows.joined(separator: "\n") + "\n", name: "late-error.csv")
        XCTAssertThrowsError(try EdgeListReader.read(path: path, displayName: nil, chunkSize: 64, twoPartThreshold: 0)) { error in
            XCTAssertEqual((error as? InputError)?.line, 152)
        }
    }

    func testInvalidUTF8IdIsReported() throws {
        let path = try file(Array("source,target\nu1,u2\n".utf8) + [0x75, 0xFF, 0x2C, 0x75, 0x31, 0x0A], name: "bad.csv")
        XCTAssertThrowsError(try EdgeListReader.read(path: path)) { error in
            XCTAssertEqual((error as? InputError)?.line, 3)
            XCTAssertEqual((error as? InputError)?.column, 1)
        }
    }

    func testTakeGraphMovesRowsIntoAMergedGraph() throws {
        var list = try edgeList("source,target,weight\na,b,2\nb,c,1\na,b,3\nc,c,1\n")
        let graph = list.takeGraph()
        XCTAssertEqual(list.count, 0)
        XCTAssertEqual(list.weights?.count, 0)
        XCTAssertEqual(list.identifiers.identifiers, ["a", "b", "c"])
        XCTAssertEqual(graph.nodeCount, 3)
        XCTAssertEqual(graph.edgeCount, 3)
        XCTAssertEqual(graph.weight(from: 0, to: 1), 5)
        XCTAssertEqual(graph.selfLoopCount, 1)
    }
}
