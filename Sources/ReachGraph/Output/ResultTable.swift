import Foundation
import ReachGraphCore

/// One cell of a result table: text or a number, so JSON keeps numbers as numbers.
public enum Cell: Sendable, Equatable {
    case text(String)
    case integer(Int)
    case number(Double)
    case missing

    /// The cell as it reads in a table or CSV.
    public var formatted: String {
        switch self {
        case .text(let value): return value
        case .integer(let value): return String(value)
        case .number(let value): return formatNumber(value, digits: 6)
        case .missing: return ""
        }
    }

    /// Full precision, for machine-readable output.
    var exact: String {
        if case .number(let value) = self { return formatExactNumber(value) }
        return formatted
    }

    var jsonValue: Any {
        switch self {
        case .text(let value): return value
        case .integer(let value): return value
        case .number(let value): return value.isFinite ? value : NSNull()
        case .missing: return NSNull()
        }
    }
}

/// A titled table of results: what every command prints as a table, CSV or JSON.
public struct ResultTable: Sendable, Equatable {
    /// A short name, also the JSON key (`accounts_by_kind`).
    public var name: String
    /// A heading for people.
    public var title: String
    public var columns: [String]
    public var rows: [[Cell]]

    public init(name: String, title: String, columns: [String], rows: [[Cell]] = []) {
        self.name = name
        self.title = title
        self.columns = columns
        self.rows = rows
    }
}

/// How results are printed.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Aligned text for people.
    case table
    /// CSV with a header, one table per file (several tables render in the long form, which the
    /// CLI writes only when asked: it writes one file per table instead).
    case csv
    /// One long table, `table,row,column,value`, whatever the number of tables.
    case longCSV = "long-csv"
    /// A JSON object keyed by table name, each an array of row objects.
    case json
}

extension ResultTable {
    /// The table as CSV with a header, numbers at full precision.
    public var csvText: String {
        var writer = CSVWriter(header: columns)
        for row in rows { writer.appendRow(row.map(\.exact)) }
        return writer.text
    }

    /// Whether `name` picks this table: its full name (`coordination_edges`) or the part after
    /// the command's prefix (`edges`).
    public func isNamed(_ name: String) -> Bool {
        let wanted = name.lowercased().replacingOccurrences(of: "-", with: "_")
        return self.name == wanted || self.name.hasSuffix("_" + wanted)
    }
}

extension Array where Element == ResultTable {
    /// Renders the tables in `format`.
    public func rendered(as format: OutputFormat) -> String {
        switch format {
        case .table: return map(\.textTable).joined(separator: "\n")
        case .csv: return count == 1 ? self[0].csvText : longCSV
        case .longCSV: return longCSV
        case .json: return json
        }
    }

    /// The tables whose names `name` picks (see ``ResultTable/isNamed(_:)``).
    public func named(_ name: String) -> [ResultTable] {
        filter { $0.isNamed(name) }
    }

    private var longCSV: String {
        var writer = CSVWriter(header: ["table", "row", "column", "value"])
        for table in self {
            for (index, row) in table.rows.enumerated() {
                for (column, cell) in zip(table.columns, row) {
                    writer.appendRow([table.name, String(index + 1), column, cell.exact])
                }
            }
        }
        return writer.text
    }

    private var json: String {
        var object: [String: Any] = [:]
        for table in self {
            object[table.name] = table.rows.map { row -> [String: Any] in
                var item: [String: Any] = [:]
                for (column, cell) in zip(table.columns, row) { item[column] = cell.jsonValue }
                return item
            }
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

extension ResultTable {
    /// Aligned columns under a title; numbers right-aligned. Widths count characters, with CJK
    /// characters as two columns, so Chinese names line up in a terminal.
    ///
    /// Built as bytes: each cell is written once with its width, and each line is assembled from
    /// those bytes; chunks of rows are formatted, then assembled, on the library's threads, and
    /// joined in row order. Formatting a `String` per cell and padding and joining them per line
    /// took about a second for `rank`'s 242,000 rows (BENCHMARKS.md, "Ranking and co-action on
    /// 2.5M posts"). A line is trimmed of trailing whitespace byte by byte when it is ASCII,
    /// where every character is one byte (or CR LF); a line with other text is trimmed by
    /// `Character`, whose clusters decide what whitespace ends it.
    /// - Complexity: O(cells + bytes).
    public var textTable: String {
        var header = CellBytes()
        header.appendRow(columns.map(Cell.text))
        let rows = self.rows
        let chunks = mapChunksInOrder(of: rows.count, chunkSize: 16_384, parallelism: .automatic, makeScratch: {}) { _, range in
            var cells = CellBytes()
            for row in rows[range] { cells.appendRow(row) }
            return cells
        }.pieces
        var widths = [Int](repeating: 0, count: columns.count)
        header.widen(&widths)
        for cells in chunks { cells.widen(&widths) }
        let numeric = columns.indices.map { column in
            rows.allSatisfy { row in
                guard column < row.count else { return true }
                switch row[column] {
                case .integer, .number, .missing: return true
                case .text: return false
                }
            }
        }
        var output = Array(title.utf8)
        output.append(UInt8(ascii: "\n"))
        header.appendLines(to: &output, widths: widths, numeric: numeric)
        for (column, width) in widths.enumerated() {
            if column > 0 { output.append(contentsOf: "  ".utf8) }
            output.append(contentsOf: repeatElement(UInt8(ascii: "-"), count: width))
        }
        output.append(UInt8(ascii: "\n"))
        let lines = mapChunksInOrder(of: chunks.count, chunkSize: 1, parallelism: .automatic, makeScratch: {}) { _, range in
            var bytes: [UInt8] = []
            chunks[range.lowerBound].appendLines(to: &bytes, widths: widths, numeric: numeric)
            return bytes
        }.pieces
        output.reserveCapacity(output.count + lines.reduce(0) { $0 + $1.count } + 7)
        for piece in lines { output.append(contentsOf: piece) }
        if rows.isEmpty { output.append(contentsOf: "(none)\n".utf8) }
        return String(decoding: output, as: UTF8.self)
    }

    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            let value = scalar.value
            let wide = (0x1100 ... 0x115F).contains(value) || (0x2E80 ... 0xA4CF).contains(value)
                || (0xAC00 ... 0xD7A3).contains(value) || (0xF900 ... 0xFAFF).contains(value)
                || (0xFE30 ... 0xFE4F).contains(value) || (0xFF00 ... 0xFF60).contains(value) || (0x20000 ... 0x3FFFD).contains(value)
            return width + (wide ? 2 : 1)
        }
    }
}

/// The cells of a text table as they read (``Cell/formatted``), in one byte array, with the
/// display width of each (``ResultTable/displayWidth(_:)``).
private struct CellBytes {
    var bytes: [UInt8] = []
    /// `count + 1` offsets into ``bytes``.
    var starts = [0]
    var widths: [Int32] = []
    /// `rows + 1` offsets into the cells.
    var rowStarts = [0]
    /// Whether a row's cells are all ASCII.
    var rowIsASCII: [Bool] = []

    mutating func appendRow(_ row: [Cell]) {
        var ascii = true
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer in
            for cell in row {
                var width: Int
                switch cell {
                case .text(var value):
                    width = value.withUTF8 { text in
                        bytes.append(contentsOf: text)
                        return text.allSatisfy { $0 < 0x80 } ? text.count : -1
                    }
                    if width < 0 {
                        ascii = false
                        width = ResultTable.displayWidth(value)
                    }
                case .integer(let value):
                    width = writeInteger(value, into: buffer)
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0 ..< width]))
                case .number(let value):
                    width = writeNumber(value, digits: 6, into: buffer)
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0 ..< width]))
                case .missing:
                    width = 0
                }
                starts.append(bytes.count)
                widths.append(Int32(clamping: width))
            }
        }
        rowStarts.append(widths.count)
        rowIsASCII.append(ascii)
    }

    /// Raises `widths[column]` to the widest cell of each column.
    func widen(_ widths: inout [Int]) {
        for row in 0 ..< rowIsASCII.count {
            for cell in rowStarts[row] ..< rowStarts[row + 1] where cell - rowStarts[row] < widths.count {
                let column = cell - rowStarts[row]
                widths[column] = Swift.max(widths[column], Int(self.widths[cell]))
            }
        }
    }

    /// Appends one line per row: cells padded to `widths` (right-aligned where `numeric`), two
    /// spaces apart, trailing whitespace trimmed.
    func appendLines(to output: inout [UInt8], widths: [Int], numeric: [Bool]) {
        output.reserveCapacity(output.count + bytes.count + rowIsASCII.count * (widths.reduce(0, +) + 2 * widths.count + 1))
        func appendSpaces(_ count: Int) {
            if count > 0 { output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count)) }
        }
        for row in 0 ..< rowIsASCII.count {
            let start = output.count
            for cell in rowStarts[row] ..< rowStarts[row + 1] {
                let column = cell - rowStarts[row]
                if column > 0 { appendSpaces(2) }
                let padding = widths[column] - Int(self.widths[cell])
                if numeric[column] { appendSpaces(padding) }
                output.append(contentsOf: bytes[starts[cell] ..< starts[cell + 1]])
                if !numeric[column] { appendSpaces(padding) }
            }
            if rowIsASCII[row] {
                while output.count > start, let last = output.last, last == UInt8(ascii: " ") || (0x09 ... 0x0D).contains(last) {
                    output.removeLast()
                }
            } else {
                // Not a regular expression: ICU's matcher took 90% of `cascades` printing 155k rows.
                var text = String(decoding: output[start...], as: UTF8.self)
                while let last = text.last, last.isWhitespace { text.removeLast() }
                output.removeSubrange(start...)
                output.append(contentsOf: text.utf8)
            }
            output.append(UInt8(ascii: "\n"))
        }
    }
}
