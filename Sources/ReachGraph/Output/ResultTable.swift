import Foundation

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
        if case .number(let value) = self { return formatNumber(value, digits: 17) }
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
    public var textTable: String {
        let cells = rows.map { $0.map(\.formatted) }
        var widths = columns.map(Self.displayWidth)
        for row in cells {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = Swift.max(widths[index], Self.displayWidth(cell))
            }
        }
        let numeric = columns.indices.map { column in
            rows.allSatisfy { row in
                guard column < row.count else { return true }
                switch row[column] {
                case .integer, .number, .missing: return true
                case .text: return false
                }
            }
        }
        func line(_ values: [String]) -> String {
            var text = values.enumerated().map { index, value in
                let padding = String(repeating: " ", count: Swift.max(0, widths[index] - Self.displayWidth(value)))
                return numeric[index] ? padding + value : value + padding
            }.joined(separator: "  ")
            // Not a regular expression: ICU's matcher took 90% of `cascades` printing 155k rows.
            while let last = text.last, last.isWhitespace { text.removeLast() }
            return text
        }
        var output = "\(title)\n"
        output += line(columns) + "\n"
        output += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in cells { output += line(row) + "\n" }
        if rows.isEmpty { output += "(none)\n" }
        return output
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
