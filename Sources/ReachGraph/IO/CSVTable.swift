/// A CSV file with a header row, read row by row with typed access by column name.
///
/// Column names are matched case-insensitively after trimming spaces. Columns the caller does
/// not know are reported in ``extraColumns`` so readers can keep them as attributes.
struct CSVTable {
    let reader: CSVReader
    /// Optional renaming of the file's column names to the format's (`--map post_id=content_id`
    /// gives `["content_id": "post_id"]`). A key joining file columns with `+`
    /// (`userid+tweet_time`) builds the format's column from their values joined by `|`; the key
    /// `#` numbers the data rows from 1.
    var columnAliases: [String: String] = [:]

    init(path: String, displayName: String? = nil, columnAliases: [String: String] = [:]) {
        reader = CSVReader(path: path, displayName: displayName)
        self.columnAliases = columnAliases
    }

    var fileName: String { reader.fileName }

    /// Reads every data row. Throws when the file is empty, lacks a `required` column, has a row
    /// longer than the header, or when `body` throws.
    func forEachRow(required: [String], known: [String], _ body: (inout TableRow) throws -> Void) throws {
        try forEachRow(required: required, known: known, prepare: { _ in false }, simple: { _, _, _, _ in false }, body)
    }

    /// The largest number of fields a row may have to take the `simple` path of
    /// ``forEachRow(required:known:prepare:simple:_:)``.
    static let simpleFieldLimit = 64

    /// Like ``forEachRow(required:known:_:)``, with a fast path for rows without quotes: once the
    /// header is read, `prepare` gets it (as a row without a record) and says whether to use the
    /// path; then `simple` gets each unquoted row of at most as many fields as the header (and at
    /// most ``simpleFieldLimit``) as the buffer, the field bounds, the field count and the line
    /// (see ``CSVReader``), before any ``TableRow`` is built. When it returns `false` the row goes to
    /// `body` as usual, so `simple` can leave every irregular row (and its error) to `body`.
    /// Tables with computed columns (`--map a+b`, `#`) never take the path.
    func forEachRow(
        required: [String], known: [String], prepare: (TableRow) throws -> Bool,
        simple: (UnsafeBufferPointer<UInt8>, UnsafeMutableBufferPointer<Int>, Int, Int) throws -> Bool,
        _ body: (inout TableRow) throws -> Void
    ) throws {
        _ = try forEachRow(
            required: required, known: known, prepare: prepare, simple: simple, minimumBytes: Int.max,
            startPart: { nil as Void? }, readPart: { _, _, _, _, _ in false }, mergePart: { _ in false }, body
        )
    }

    /// Like ``forEachRow(required:known:prepare:simple:_:)``, with the second half of a file of
    /// at least `minimumBytes` read on a second thread into a part when the simple path is taken
    /// (see ``CSVReader/forEachRecord(simpleFieldLimit:minimumBytes:firstShare:startPart:readPart:mergePart:simple:_:)``;
    /// `startPart` runs after `prepare`, `readPart` gets only rows `simple` would get). Returns how
    /// many rows the merged part held.
    @discardableResult
    func forEachRow<Part>(
        required: [String], known: [String], prepare: (TableRow) throws -> Bool,
        simple: (UnsafeBufferPointer<UInt8>, UnsafeMutableBufferPointer<Int>, Int, Int) throws -> Bool,
        minimumBytes: Int = 1 << 22, firstShare: Double = 0.5, startPart: () throws -> Part?,
        readPart: (inout Part, UnsafeBufferPointer<UInt8>, UnsafeMutableBufferPointer<Int>, Int, Int) -> Bool,
        mergePart: (Part) throws -> Bool,
        _ body: (inout TableRow) throws -> Void
    ) throws -> Int {
        var row: TableRow?
        var useSimple = false
        let fields = Self.simpleFieldLimit
        func simpleRow(_ bytes: UnsafeBufferPointer<UInt8>, _ bounds: UnsafeMutableBufferPointer<Int>, _ count: Int, _ line: Int) throws -> Bool {
            guard useSimple, count <= row!.fileColumns else { return false } // safe: useSimple is set with row
            guard try simple(bytes, bounds, count, line) else { return false }
            row!.dataRow += 1 // safe: useSimple is set with row
            return true
        }
        func recordBody(_ record: inout CSVRecord) throws {
            guard row != nil else {
                row = try headerRow(&record, required: required, known: known)
                useSimple = try row!.computed.isEmpty && prepare(row!) // safe: set just above
                return
            }
            try row!.take(record) // safe: set just above
            try body(&row!) // safe: set just above
        }
        // The part carries the header's column count, so the second thread reads nothing this thread changes.
        let merged = try reader.forEachRecord(
            simpleFieldLimit: fields, minimumBytes: minimumBytes, firstShare: firstShare,
            startPart: { try useSimple ? startPart().map { ($0, row!.fileColumns) } : nil }, // safe: useSimple is set with row
            readPart: { (state: inout (part: Part, columns: Int), bytes, bounds, count, line) in
                count <= state.columns && readPart(&state.part, bytes, bounds, count, line)
            },
            mergePart: { try mergePart($0.part) }, simple: simpleRow, recordBody
        )
        row?.dataRow += merged
        if row == nil { throw emptyFileError(required) }
        return merged
    }

    /// Like ``forEachRow(required:known:_:)``, with the rows after a split of a file of at least
    /// `minimumBytes` read on a second thread into a part, with the full parser (see
    /// ``CSVReader/forEachRecord(minimumBytes:firstShare:startPart:readPart:mergePart:_:)``):
    /// `startPart` gets the header (as a row without a record) and makes the part's empty state
    /// (`nil`: one thread); `readPart` gets each row after the split as `body` would, on the second
    /// thread, touching only the part; `mergePart` adds the part after the first part's rows, or
    /// returns `false` (before changing anything) to have this thread read those rows with `body`.
    /// A row longer than the header gives the part up (this thread then meets its error). Tables
    /// with computed columns (`--map a+b`, `#`) are read on one thread. Returns whether a part was merged.
    @discardableResult
    func forEachRow<Part>(
        required: [String], known: [String], minimumBytes: Int, firstShare: Double = 0.5,
        startPart: (TableRow) throws -> Part?, readPart: (inout Part, inout TableRow) throws -> Void,
        mergePart: (inout Part) throws -> Bool, _ body: (inout TableRow) throws -> Void
    ) throws -> Bool {
        var row: TableRow?
        // The part carries its own copy of the header's row, so the second thread changes nothing this thread reads.
        let merged = try reader.forEachRecord(
            minimumBytes: minimumBytes, firstShare: firstShare,
            startPart: { try row!.computed.isEmpty ? startPart(row!).map { ($0, row!) } : nil }, // safe: the header came first
            readPart: { (state: inout (part: Part, row: TableRow), record) in
                try state.row.take(record)
                try readPart(&state.part, &state.row)
            },
            mergePart: { try mergePart(&$0.part) }
        ) { record in
            guard row != nil else {
                row = try headerRow(&record, required: required, known: known)
                return
            }
            try row!.take(record) // safe: set just above
            try body(&row!) // safe: set just above
        }
        if row == nil { throw emptyFileError(required) }
        return merged
    }

    private func emptyFileError(_ required: [String]) -> InputError {
        InputError(file: fileName, message: "file is empty: expected a header with the columns \(required.joined(separator: ", "))")
    }

    /// The row that the header `record` describes, with no record yet.
    private func headerRow(_ record: inout CSVRecord, required: [String], known: [String]) throws -> TableRow {
        var names: [String] = []
        var fileNames: [String] = []
        for index in 0 ..< record.count {
            let name = try record.string(at: index).trimmingSpaces.lowercased()
            fileNames.append(name)
            names.append(columnAliases[name] ?? name)
        }
        let fileColumns = names.count
        var computed: [String: [Int]] = [:]
        for (key, name) in columnAliases.sorted(by: { $0.key < $1.key }) where key == "#" || key.contains("+") {
            var parts: [Int] = []
            if key != "#" {
                for part in key.split(separator: "+").map({ String($0).trimmingSpaces }) {
                    guard let position = fileNames.firstIndex(of: part) else {
                        throw InputError(file: fileName, line: record.line, message: "--map \(name)=\(key): the header has no column \"\(part)\"")
                    }
                    parts.append(position)
                }
            }
            computed[name] = parts
            names.append(name)
        }
        let header = try TableHeader(names: names, required: required, known: known, fileName: fileName, line: record.line)
        return TableRow(header: header, fileColumns: fileColumns, computed: computed)
    }
}

/// Column positions of a header.
struct TableHeader {
    let names: [String]
    let positions: [String: Int]
    /// Columns not in the known list, in file order, with their positions.
    let extraColumns: [(name: String, position: Int)]

    init(names: [String], required: [String], known: [String], fileName: String, line: Int) throws {
        var positions: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            if positions[name] != nil {
                throw InputError(file: fileName, line: line, message: "column \"\(name)\" appears twice in the header")
            }
            positions[name] = index
        }
        let missing = required.filter { positions[$0] == nil }
        if !missing.isEmpty {
            let list = missing.map { "\"\($0)\"" }.joined(separator: ", ")
            let hint = names.count == 1 ? FieldParsing.separatorHint(inOnlyField: names[0]) : ""
            throw InputError(
                file: fileName, line: line,
                message: "missing required column\(missing.count > 1 ? "s" : "") \(list) (header has: \(names.joined(separator: ", ")))\(hint)"
            )
        }
        let knownSet = Set(known).union(required)
        self.names = names
        self.positions = positions
        self.extraColumns = names.enumerated().filter { !knownSet.contains($0.element) && !$0.element.isEmpty }.map { ($0.element, $0.offset) }
    }
}

/// The current row of a ``CSVTable``, with typed, located access to its fields.
struct TableRow: FieldSource {
    let header: TableHeader
    var record: CSVRecord?
    /// How many of the header's names are the file's own (the rest are computed).
    let fileColumns: Int
    /// Computed columns: the file positions whose values are joined, none for the row number.
    let computed: [String: [Int]]
    /// The 1-based number of the current data row.
    var dataRow = 0

    init(header: TableHeader, fileColumns: Int? = nil, computed: [String: [Int]] = [:]) {
        self.header = header
        self.fileColumns = fileColumns ?? header.names.count
        self.computed = computed
    }

    var line: Int { record?.line ?? 0 }
    var fileName: String { record?.fileName ?? "" }

    /// Makes `record` the next data row; throws when it has more fields than the header.
    mutating func take(_ record: CSVRecord) throws {
        if record.count > fileColumns {
            throw InputError(
                file: record.fileName, line: record.line, column: record.column(of: fileColumns),
                message: "row has \(record.count) fields but the header has \(fileColumns)"
            )
        }
        dataRow += 1
        self.record = record
    }

    private func position(_ column: String) -> Int? {
        guard let position = header.positions[column], let record, position < record.count else { return nil }
        return position
    }

    /// An error located at `column` of this row.
    /// A column past the end of a short row has no position on the line: the error names the line
    /// and says how many fields the row has.
    func error(_ column: String, _ message: String) -> InputError {
        if let position = header.positions[column], let record, position >= record.count {
            let fields = "\(record.count) field\(record.count == 1 ? "" : "s")"
            return InputError(file: fileName, line: line, message: "column \"\(column)\": \(message) (the row has \(fields), the header \(header.names.count))")
        }
        let columnNumber = header.positions[column].flatMap { position in record.map { $0.column(of: position) } }
        return InputError(file: fileName, line: line, column: columnNumber, message: "column \"\(column)\": \(message)")
    }

    /// The text of `column`, or `nil` when the column is absent or the field empty.
    mutating func text(_ column: String) throws -> String? {
        if let parts = computed[column] {
            guard !parts.isEmpty else { return String(dataRow) }
            var values: [String] = []
            for part in parts {
                guard let record, part < record.count, !record.isEmpty(part) else { values.append(""); continue }
                values.append(try self.record!.string(at: part).trimmingSpaces) // safe: checked just above
            }
            return values.allSatisfy(\.isEmpty) ? nil : values.joined(separator: "|")
        }
        guard let position = position(column), record?.isEmpty(position) == false else { return nil }
        let value = try record!.string(at: position) // safe: position() checked record
        return value.isEmpty ? nil : value
    }

    var extraColumnNames: [String] { header.extraColumns.map(\.name) }

    /// The file position of `column` (−1 when the header has no such file column), found once
    /// per table so per-row reads need no lookup by name.
    func filePosition(_ column: String) -> Int {
        guard computed[column] == nil, let position = header.positions[column], position < fileColumns else { return -1 }
        return position
    }

    /// Calls `body` with the raw bytes of the field at file `position` (quotes removed), or with
    /// no bytes when the position is −1 or past the end of this row.
    mutating func withBytes<Result>(at position: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        guard position >= 0, let count = record?.count, position < count else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try record!.withBytes(of: position, body) // safe: checked just above
    }
}
