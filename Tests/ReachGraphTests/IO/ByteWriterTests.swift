import Foundation
@testable import ReachGraph
import ReachGraphCore
import XCTest

/// The byte writer every export writes through: numbers, times and escapes checked against
/// hand-written text, and the streaming file writer against a file read back.
final class ByteWriterTests: XCTestCase {
    private func written(_ body: (inout ByteWriter) -> Void) -> String {
        var writer = ByteWriter()
        body(&writer)
        return writer.text
    }

    func testIntegers() {
        XCTAssertEqual(written { $0.appendInteger(0) }, "0")
        XCTAssertEqual(written { $0.appendInteger(-7) }, "-7")
        XCTAssertEqual(written { $0.appendInteger(1_234_567_890) }, "1234567890")
        XCTAssertEqual(written { $0.appendInteger(Int.max) }, "9223372036854775807")
        XCTAssertEqual(written { $0.appendInteger(Int.min) }, "-9223372036854775808")
    }

    /// As Swift writes a `Double`: `.0` on whole numbers up to 2^53, exponents beyond and below 1e-4.
    func testDoublesAsSwiftWritesThem() {
        let cases: [(Double, String)] = [
            (0, "0.0"), (-0.0, "-0.0"), (1, "1.0"), (-3, "-3.0"), (0.25, "0.25"), (-2.5, "-2.5"),
            (1e-7, "1e-07"), (0.0001, "0.0001"), (999_999_999_999_999, "999999999999999.0"),
            (1e15, "1000000000000000.0"), (1e16, "1e+16"), (12_345_678_901_234_567, "1.2345678901234568e+16"),
            (0.1 + 0.2, "0.30000000000000004"), (.infinity, "inf"), (-.infinity, "-inf"), (.nan, "nan"),
        ]
        for (value, text) in cases {
            XCTAssertEqual(written { $0.appendDouble(value) }, text, "\(value)")
        }
    }

    /// ``formatNumber(_:digits:)``'s form: whole numbers bare, others with up to 10 significant digits.
    func testNumbersForTables() {
        let cases: [(Double, String)] = [
            (0, "0"), (-0.0, "0"), (-4, "-4"), (2.5, "2.5"), (1e-7, "1e-07"), (1.0 / 3, "0.3333333333"),
            (123_456_789_012, "123456789012"), (1e20, "1e+20"), (-1.5e-300, "-1.5e-300"), (.infinity, "inf"), (.nan, ""),
        ]
        for (value, text) in cases {
            XCTAssertEqual(written { $0.appendNumber(value) }, text, "\(value)")
        }
    }

    func testTimes() {
        XCTAssertEqual(written { $0.appendISO8601(0) }, "1970-01-01T00:00:00Z")
        XCTAssertEqual(written { $0.appendISO8601(-1) }, "1969-12-31T23:59:59Z")
        // 2016-02-29 12:34:56 UTC, a leap day; the fraction is cut, not rounded.
        XCTAssertEqual(written { $0.appendISO8601(1_456_749_296.9) }, "2016-02-29T12:34:56Z")
        XCTAssertEqual(written { $0.appendISO8601(-62_167_219_200) }, "0000-01-01T00:00:00Z")
        XCTAssertEqual(written { $0.appendISO8601(253_402_300_799) }, "9999-12-31T23:59:59Z")
        // Outside the years 0000–9999: plain seconds, as iso8601String writes them.
        XCTAssertEqual(written { $0.appendISO8601(1e19) }, "1e+19")
        XCTAssertEqual(iso8601String(fromUnixSeconds: 1_456_749_296), "2016-02-29T12:34:56Z")
    }

    func testCSVFields() {
        XCTAssertEqual(written { $0.appendCSVField("plain 湖南") }, "plain 湖南")
        XCTAssertEqual(written { $0.appendCSVField("a,b") }, "\"a,b\"")
        XCTAssertEqual(written { $0.appendCSVField("say \"hi\"") }, "\"say \"\"hi\"\"\"")
        XCTAssertEqual(written { $0.appendCSVField("two\nlines\r") }, "\"two\nlines\r\"")
        XCTAssertEqual(written { $0.appendCSVField("") }, "")
        XCTAssertEqual(CSVWriter.escape("x\"y"), "\"x\"\"y\"")
    }

    func testJSONStrings() {
        XCTAssertEqual(written { $0.appendJSONString("") }, "\"\"")
        XCTAssertEqual(written { $0.appendJSONString("湖南 é") }, "\"湖南 é\"")
        XCTAssertEqual(written { $0.appendJSONString("q\"b\\n\nr\rt\t") }, #""q\"b\\n\nr\rt\t""#)
        XCTAssertEqual(written { $0.appendJSONString("\u{0}\u{1}\u{1f}\u{7f}") }, "\"\\u0000\\u0001\\u001f\u{7f}\"")
        // Escapes first, last and after a long plain run (which is copied whole).
        XCTAssertEqual(written { $0.appendJSONString("\"start") }, #""\"start""#)
        XCTAssertEqual(written { $0.appendJSONString("end\\") }, #""end\\""#)
        XCTAssertEqual(written { $0.appendJSONString(String(repeating: "湖a", count: 40) + "\u{8}") }, "\"" + String(repeating: "湖a", count: 40) + "\\u0008\"")
        XCTAssertEqual(AttributeValue.list([.string("a"), nil, .integer(-2), .double(0.5), .double(.nan), .boolean(true), .time(0)]).jsonText,
                       #"["a",null,-2,0.5,null,true,"1970-01-01T00:00:00Z"]"#)
    }

    func testXMLEscapes() {
        XCTAssertEqual(written { $0.appendXMLEscaped("a&b<c>d\"e'f") }, "a&amp;b&lt;c&gt;d&quot;e&apos;f")
        XCTAssertEqual(written { $0.appendXMLEscaped("t\tn\nr\r") }, "t&#9;n&#10;r&#13;")
        // Characters XML forbids become U+FFFD; U+FFFD itself and other text starting with EF stay.
        XCTAssertEqual(written { $0.appendXMLEscaped("\u{0}\u{1}x\u{FFFE}\u{FFFF}\u{FFFD}\u{FF01}湖") }, "\u{FFFD}\u{FFFD}x\u{FFFD}\u{FFFD}\u{FFFD}\u{FF01}湖")
        XCTAssertEqual(written { $0.appendXMLEscaped(String(repeating: "湖a", count: 40) + ">") }, String(repeating: "湖a", count: 40) + "&gt;")
        XCTAssertEqual(written { $0.appendXMLEscaped("plain id 湖南") }, "plain id 湖南")
        XCTAssertEqual(XMLText.escaped("a\u{1}\n'", .svg), "a\u{FFFD}\n&apos;")
        XCTAssertEqual(XMLText.escaped("a\u{1}\n'\u{FFFF}", .html), "a\u{1}\n&#39;\u{FFFF}")
    }

    /// Rows formatted in chunks on several threads come out in row order, across windows, in
    /// memory and streamed to a file.
    func testRowsFormattedOnSeveralThreadsKeepTheirOrder() throws {
        let count = ByteWriter.rowsPerChunk * ByteWriter.chunksPerWindow + 1_234
        let expected = "head\n" + (0 ..< count).map { "\($0),\($0 % 7 == 0 ? "湖南" : "")\n" }.joined()
        func write(_ writer: inout ByteWriter) {
            writer.append("head\n")
            writer.appendRows(count) { rows, piece in
                for row in rows {
                    piece.appendInteger(row)
                    piece.append(byte: UInt8(ascii: ","))
                    if row % 7 == 0 { piece.append("湖南") }
                    piece.append(byte: UInt8(ascii: "\n"))
                }
            }
        }
        let folder = try TemporaryFolder()
        let saved = Parallelism.threadCount
        defer { Parallelism.threadCount = saved }
        for threads in [1, 3] {
            Parallelism.threadCount = threads
            var writer = ByteWriter()
            write(&writer)
            XCTAssertTrue(writer.text == expected, "in memory on \(threads) threads")
            let path = (folder.path as NSString).appendingPathComponent("rows-\(threads).txt")
            try AtomicFile.write(to: path) { write(&$0) }
            XCTAssertTrue(try String(contentsOfFile: path, encoding: .utf8) == expected, "streamed on \(threads) threads")
        }
        var empty = ByteWriter()
        empty.appendRows(0) { _, _ in XCTFail("no rows, no call") }
        XCTAssertEqual(empty.bytes, [])
    }

    /// A file written in chunks holds every byte in order, and a failed body leaves no file.
    func testStreamingToAFileIsAtomicAndComplete() throws {
        let folder = try TemporaryFolder()
        let path = (folder.path as NSString).appendingPathComponent("out/big.txt")
        let line = "0123456789abcdef湖南\n"
        let lines = 3 * ByteWriter.chunkSize / line.utf8.count
        try AtomicFile.write(to: path) { writer in
            for index in 0 ..< lines {
                writer.appendInteger(index)
                writer.append(line)
            }
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertEqual(text, (0 ..< lines).map { "\($0)\(line)" }.joined())
        struct Stop: Error {}
        let other = (folder.path as NSString).appendingPathComponent("other.txt")
        XCTAssertThrowsError(try AtomicFile.write(to: other) { writer in
            writer.append(String(repeating: "x", count: 2 * ByteWriter.chunkSize))
            throw Stop()
        })
        XCTAssertFalse(FileManager.default.fileExists(atPath: other))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["out"])
    }
}
