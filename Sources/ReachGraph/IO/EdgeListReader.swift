/// Edges read from a plain edge-list CSV: `source,target[,weight]`, header optional.
///
/// A first row whose first two fields are `source,target` (or `from,to`, `src,dst`; any case)
/// is a header; with a header, columns are found by name (`weight`, `relation`, `first_seen`,
/// `last_seen`) and any other column is kept as a relation attribute. Without a header a row has
/// two or three fields. Ids are numbered in order of first appearance.
public struct EdgeList: Sendable {
    public var identifiers: IdentifierTable
    public var sources: [Int32]
    public var targets: [Int32]
    /// `nil` when the file has no weight column.
    public var weights: [Double]?
    /// Present when a header names a `relation` column.
    public var types: [RelationType]?
    public var firstSeen: [Double?]?
    public var lastSeen: [Double?]?
    public var attributeColumns: [String]
    public var attributeValues: [[String]]
    public var hasHeader: Bool

    /// The number of edges (rows).
    public var count: Int { sources.count }
}

public enum EdgeListReader {
    private static let sourceNames: Set<String> = ["source", "from", "src"]
    private static let targetNames: Set<String> = ["target", "to", "dst"]

    /// Reads the edge list at `path`; errors name `displayName` (default: the file name).
    public static func read(path: String, displayName: String? = nil) throws -> EdgeList {
        let reader = CSVReader(path: path, displayName: displayName)
        let file = reader.fileName
        var list = EdgeList(
            identifiers: IdentifierTable(capacity: 1 << 16), sources: [], targets: [], weights: nil, types: nil,
            firstSeen: nil, lastSeen: nil, attributeColumns: [], attributeValues: [], hasHeader: false
        )
        var layout: Layout?
        var rows = 0
        try reader.forEachRecord { record in
            rows += 1
            if layout == nil {
                let made = try Layout(firstRecord: &record, file: file)
                layout = made
                list.hasHeader = made.hasHeader
                list.attributeColumns = made.extraColumns.map(\.name)
                if made.weight != nil { list.weights = [] }
                if made.relation != nil { list.types = [] }
                if made.firstSeen != nil { list.firstSeen = [] }
                if made.lastSeen != nil { list.lastSeen = [] }
                if made.hasHeader { return }
            }
            guard let layout else { return }
            if record.count > layout.fieldCount || record.count < 2 {
                let expectation = layout.hasHeader ? "the header has \(layout.fieldCount)" : "an edge list without a header has source,target[,weight]"
                let column = record.count > layout.fieldCount ? record.column(of: layout.fieldCount) : 1
                throw InputError(file: file, line: record.line, column: column, message: "row has \(record.count) field\(record.count == 1 ? "" : "s"); \(expectation)")
            }
            list.sources.append(try identifier(&record, layout.source, "source", &list.identifiers))
            list.targets.append(try identifier(&record, layout.target, "target", &list.identifiers))
            if let column = layout.weight {
                list.weights?.append(try weight(&record, column))
            }
            if layout.hasNamedColumns {
                var row = RecordFields(record: record, layout: layout)
                if layout.relation != nil { list.types?.append(try row.enumeration("relation", as: RelationType.self) ?? .repost) }
                if layout.firstSeen != nil { list.firstSeen?.append(try row.timestamp("first_seen")) }
                if layout.lastSeen != nil { list.lastSeen?.append(try row.timestamp("last_seen")) }
                if !layout.extraColumns.isEmpty {
                    list.attributeValues.append(try layout.extraColumns.map { try row.text($0.name) ?? "" })
                }
            }
        }
        if rows == 0 {
            throw InputError(file: file, message: "file is empty: expected edges as source,target[,weight]")
        }
        return list
    }

    private static func identifier(_ record: inout CSVRecord, _ column: Int, _ name: String, _ table: inout IdentifierTable) throws -> Int32 {
        if column >= record.count || record.isEmpty(column) {
            throw InputError(file: record.fileName, line: record.line, column: column < record.count ? record.column(of: column) : nil, message: "column \"\(name)\": is empty but required")
        }
        if let index = record.withBytes(of: column, { bytes in table.intern(bytes) }) { return index }
        throw InputError(file: record.fileName, line: record.line, column: record.column(of: column), message: "column \"\(name)\": is not valid UTF-8")
    }

    private static func weight(_ record: inout CSVRecord, _ column: Int) throws -> Double {
        guard column < record.count, !record.isEmpty(column) else { return 1 }
        if let value = record.withBytes(of: column, FieldParsing.double) {
            if value >= 0 { return value }
            throw InputError(file: record.fileName, line: record.line, column: record.column(of: column), message: "column \"weight\": \(value) is negative; expected 0 or more")
        }
        let text = (try? record.string(at: column)) ?? "?"
        throw InputError(file: record.fileName, line: record.line, column: record.column(of: column), message: "column \"weight\": \"\(text)\" is not a number")
    }

    /// Where each column is.
    struct Layout {
        var hasHeader: Bool
        var fieldCount: Int
        var source = 0
        var target = 1
        var weight: Int?
        var relation: Int?
        var firstSeen: Int?
        var lastSeen: Int?
        var positions: [String: Int] = [:]
        var extraColumns: [(name: String, position: Int)] = []

        /// Whether rows need more than source, target and weight.
        var hasNamedColumns: Bool { relation != nil || firstSeen != nil || lastSeen != nil || !extraColumns.isEmpty }

        init(firstRecord record: inout CSVRecord, file: String) throws {
            let first = (try? record.string(at: 0).trimmingSpaces.lowercased()) ?? ""
            let second = record.count > 1 ? ((try? record.string(at: 1).trimmingSpaces.lowercased()) ?? "") : ""
            hasHeader = EdgeListReader.sourceNames.contains(first) && EdgeListReader.targetNames.contains(second)
            guard hasHeader else {
                guard record.count >= 2 && record.count <= 3 else {
                    throw InputError(file: file, line: record.line, column: 1, message: "row has \(record.count) field\(record.count == 1 ? "" : "s"); an edge list without a header has source,target[,weight] (a header row source,target,... allows more columns)")
                }
                fieldCount = 3
                weight = 2
                return
            }
            fieldCount = record.count
            for index in 0 ..< record.count {
                let name = try record.string(at: index).trimmingSpaces.lowercased()
                if positions[name] != nil {
                    throw InputError(file: file, line: record.line, column: record.column(of: index), message: "column \"\(name)\" appears twice in the header")
                }
                positions[name] = index
                switch name {
                case _ where index == 0, _ where index == 1: break
                case "weight": weight = index
                case "relation": relation = index
                case "first_seen": firstSeen = index
                case "last_seen": lastSeen = index
                default: if !name.isEmpty { extraColumns.append((name, index)) }
                }
            }
        }
    }

    /// Named access to one record of an edge list with a header.
    struct RecordFields: FieldSource {
        var record: CSVRecord
        let layout: Layout

        mutating func text(_ column: String) throws -> String? {
            guard let position = layout.positions[column], position < record.count, !record.isEmpty(position) else { return nil }
            return try record.string(at: position)
        }

        func error(_ column: String, _ message: String) -> InputError {
            let position = layout.positions[column]
            let columnNumber = position.flatMap { $0 < record.count ? record.column(of: $0) : nil }
            return InputError(file: record.fileName, line: record.line, column: columnNumber, message: "column \"\(column)\": \(message)")
        }

        var extraColumnNames: [String] { layout.extraColumns.map(\.name) }
    }
}
