#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A streaming RFC 4180 CSV reader that works on bytes.
///
/// Handles quoted fields with embedded commas, quotes (`""`) and newlines, a UTF-8 byte-order
/// mark, CRLF or LF line ends, and blank lines (skipped). Records are handed to a closure one at a
/// time from a fixed-size buffer, so memory stays flat whatever the file size.
///
/// Hand-written rather than taken from a package: the listed CSV packages (SwiftCSV 0.10,
/// CSV.swift 2.5) build a `String` per field; reading a 10-million-row edge list with them took
/// 20 s and 14 s of CPU against 0.8 s with this reader (BENCHMARKS.md), which hands out byte
/// ranges and leaves the decoding to the caller.
public struct CSVReader {
    /// The name used in messages.
    public let fileName: String
    let path: String
    private let chunkSize: Int

    /// A reader for the file at `path`; `displayName` defaults to the file's last path component.
    public init(path: String, displayName: String? = nil, chunkSize: Int = 1 << 20) {
        self.path = path
        self.fileName = displayName ?? String(path.split(separator: "/").last ?? Substring(path))
        self.chunkSize = max(chunkSize, 16)
    }

    /// Calls `body` with each record in file order. Throws ``InputError`` when the file cannot be
    /// read or a quoted field never closes; rethrows what `body` throws.
    public func forEachRecord(_ body: (inout CSVRecord) throws -> Void) throws {
        try forEachRecord(simpleFieldLimit: 0, simple: { _, _, _, _ in false }, body)
    }

    /// Like ``forEachRecord(_:)``, with a fast path for *simple* records: no quote, at most
    /// `simpleFieldLimit` fields, ended by LF, CRLF or the end of the file. For those, `simple`
    /// gets the buffer, the fields' byte bounds (`bounds[2 * i] ..< bounds[2 * i + 1]` is field
    /// `i`), the field count and the record's line straight from the scan, with no ``CSVRecord``
    /// built. When it returns `false` (say, to report an error with its column) the record is parsed in full
    /// and handed to `body`, as are all records that are not simple. Blank lines reach neither.
    ///
    /// This is the path a large edge list takes: one comparison per ordinary byte, no per-record
    /// arrays, and field bounds that the caller can use at once (``EdgeListReader`` batches its id
    /// lookups from them). It needs no resynchronisation: the scan starts only at record boundaries
    /// and gives up on the first quote, so a quoted field (which may hold commas and newlines)
    /// always goes through the full parser.
    func forEachRecord(
        simpleFieldLimit: Int,
        simple: (UnsafeBufferPointer<UInt8>, UnsafeMutableBufferPointer<Int>, Int, Int) throws -> Bool,
        _ body: (inout CSVRecord) throws -> Void
    ) throws {
        _ = try forEachRecord(from: 0, line: 1, stoppingAt: nil, simpleFieldLimit: simpleFieldLimit, simple: simple, body)
    }

    /// Like ``forEachRecord(simpleFieldLimit:simple:_:)`` from byte `offset` of the file (a record
    /// boundary, on line `line`), stopping before the record that starts at byte `stop`. Returns
    /// the line `stop` is on when the reading stopped there, `nil` when it read to the end of the
    /// file (`stop` was not the start of a record: a quoted field spans it).
    func forEachRecord(
        from offset: Int, line startLine: Int, stoppingAt stop: Int?, simpleFieldLimit: Int,
        simple: (UnsafeBufferPointer<UInt8>, UnsafeMutableBufferPointer<Int>, Int, Int) throws -> Bool,
        _ body: (inout CSVRecord) throws -> Void
    ) throws -> Int? {
        guard let file = fopen(path, "rb") else {
            throw InputError(file: fileName, message: "cannot open: \(String(cString: strerror(errno)))")
        }
        InputFiles.register(path)
        defer { fclose(file) }
        if offset > 0 && fseeko(file, off_t(offset), SEEK_SET) != 0 {
            throw InputError(file: fileName, message: "cannot read: \(String(cString: strerror(errno)))")
        }
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        // The file offset of `buffer[0]`.
        var bufferOffset = offset
        var filled = 0
        var start = 0
        var atEnd = false
        var line = startLine
        var firstChunk = offset == 0
        var record = CSVRecord(fileName: fileName)
        let bounds = UnsafeMutableBufferPointer<Int>.allocate(capacity: 2 * max(simpleFieldLimit, 1))
        defer { bounds.deallocate() }

        while true {
            if !atEnd {
                if start > 0 {
                    buffer.withUnsafeMutableBytes { raw in
                        guard let base = raw.baseAddress else { return }
                        memmove(base, base + start, filled - start)
                    }
                    filled -= start
                    bufferOffset += start
                    start = 0
                }
                if filled == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
                let read = buffer.withUnsafeMutableBytes { raw -> Int in
                    guard let base = raw.baseAddress else { return 0 }
                    return fread(base + filled, 1, raw.count - filled, file)
                }
                if read == 0 {
                    if ferror(file) != 0 { throw InputError(file: fileName, message: "read error") }
                    atEnd = true
                }
                filled += read
                if firstChunk && filled >= 3 || atEnd && firstChunk {
                    if filled >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { start = 3 }
                    firstChunk = false
                }
            }
            let stopPosition = stop.map { $0 - bufferOffset } ?? Int.min
            let outcome = try buffer.withUnsafeBufferPointer { bytes -> (consumed: Int, needMore: Bool, stopped: Bool) in
                var position = start
                while position < filled {
                    if position == stopPosition { return (position, false, true) }
                    if simpleFieldLimit > 0 {
                        switch Self.scanSimple(bytes, from: position, limit: filled, atEnd: atEnd, fieldLimit: simpleFieldLimit, bounds: bounds) {
                        case .needMore:
                            return (position, true, false)
                        case let .blank(next):
                            line += 1
                            position = next
                            continue
                        case let .record(fields, next):
                            if try simple(bytes, bounds, fields, line) {
                                line += 1
                                position = next
                                continue
                            }
                        case .notSimple:
                            break
                        }
                    }
                    guard let end = try record.parse(bytes, from: position, limit: filled, atEnd: atEnd, line: line) else {
                        return (position, true, false)
                    }
                    line = record.nextLine
                    position = end
                    if record.isBlank { continue }
                    try body(&record)
                }
                return (position, false, position == stopPosition)
            }
            start = outcome.consumed
            if outcome.stopped { return line }
            if atEnd && (start >= filled || !outcome.needMore) { return nil }
        }
    }

    enum SimpleScan {
        /// A simple record of `fields` fields (bounds written); the next record starts at `next`.
        case record(fields: Int, next: Int)
        /// An empty line (LF or CRLF).
        case blank(next: Int)
        /// The buffer ends inside the line and more input follows.
        case needMore
        /// A quote, a lone CR or too many fields: the full parser must read this record.
        case notSimple
    }

    /// Splits one line at commas if it is a simple record.
    @inline(__always)
    static func scanSimple(
        _ bytes: UnsafeBufferPointer<UInt8>, from position: Int, limit: Int, atEnd: Bool, fieldLimit: Int,
        bounds: UnsafeMutableBufferPointer<Int>
    ) -> SimpleScan {
        let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), carriage = UInt8(ascii: "\r")
        var fields = 0
        var fieldStart = position
        var index = position
        var end: Int
        var next: Int
        while true {
            guard index < limit else {
                guard atEnd else { return .needMore }
                end = limit
                next = limit
                break
            }
            let byte = bytes[index]
            // Digits, letters, `-`, `.`, `/`, `_` and UTF-8 lead and continuation bytes all sort
            // above the comma; one comparison passes them.
            if byte > comma {
                index += 1
                continue
            }
            if byte == comma {
                fields += 1
                if fields >= fieldLimit { return .notSimple }
                bounds[2 * fields - 2] = fieldStart
                bounds[2 * fields - 1] = index
                index += 1
                fieldStart = index
                continue
            }
            if byte == newline {
                end = index
                next = index + 1
                break
            }
            if byte == carriage {
                guard index + 1 < limit else {
                    guard atEnd else { return .needMore }
                    end = index
                    next = index + 1
                    break
                }
                guard bytes[index + 1] == newline else { return .notSimple }
                end = index
                next = index + 2
                break
            }
            if byte == quote { return .notSimple }
            index += 1
        }
        if fields == 0 && end == fieldStart { return .blank(next: next) }
        bounds[2 * fields] = fieldStart
        bounds[2 * fields + 1] = end
        return .record(fields: fields + 1, next: next)
    }
}

/// One record of a CSV file: its fields as byte ranges into the reader's buffer.
///
/// Valid only inside the closure that receives it. Field text is decoded on demand.
public struct CSVRecord {
    public let fileName: String
    /// The 1-based line on which the record starts.
    public private(set) var line = 1
    /// The line after the record's end.
    fileprivate(set) var nextLine = 1
    /// One entry per field; a single array so a record costs one append per field.
    private var fields: [Field] = []
    private var bytes: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0)
    private var scratch: [UInt8] = []

    init(fileName: String) { self.fileName = fileName }

    private struct Field {
        var start: Int
        var end: Int
        /// 1-based character column of the field's first byte.
        var column: Int
        var quoted: Bool
        /// Whether the quoted field holds an escaped quote (`""`), so its bytes need unescaping.
        var escaped = false
    }

    /// The number of fields.
    public var count: Int { fields.count }

    /// Whether the record is a blank line.
    var isBlank: Bool { fields.count == 1 && fields[0].end == fields[0].start && !fields[0].quoted }

    /// The 1-based character column where field `index` starts (its line is ``line`` unless a
    /// quoted field before it spans lines).
    public func column(of index: Int) -> Int { fields[index].column }

    /// Whether field `index` is empty.
    public func isEmpty(_ index: Int) -> Bool { fields[index].end == fields[index].start }

    /// Calls `body` with the raw bytes of field `index`, quotes removed and `""` unescaped.
    public mutating func withBytes<Result>(of index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        let field = fields[index]
        let range = UnsafeBufferPointer(rebasing: bytes[field.start ..< field.end])
        guard field.escaped else { return try body(range) }
        scratch.removeAll(keepingCapacity: true)
        var skipNextQuote = false
        for byte in range {
            if byte == UInt8(ascii: "\"") {
                if skipNextQuote { skipNextQuote = false; continue }
                skipNextQuote = true
            } else {
                skipNextQuote = false
            }
            scratch.append(byte)
        }
        return try scratch.withUnsafeBufferPointer(body)
    }

    /// The text of field `index`; throws when it is not valid UTF-8.
    public mutating func string(at index: Int) throws -> String {
        let column = fields[index].column
        let line = self.line
        let fileName = self.fileName
        return try withBytes(of: index) { raw in
            guard let text = String(validating: raw, as: UTF8.self) else {
                throw InputError(file: fileName, line: line, column: column, message: "field \(index + 1) is not valid UTF-8")
            }
            return text
        }
    }

    /// Parses one record beginning at `position`. Returns the position after it, or `nil` when
    /// the buffer ends before the record does and more input may follow.
    fileprivate mutating func parse(_ buffer: UnsafeBufferPointer<UInt8>, from position: Int, limit: Int, atEnd: Bool, line startLine: Int) throws -> Int? {
        bytes = buffer
        fields.removeAll(keepingCapacity: true)
        line = startLine
        var currentLine = startLine
        var lineStart = position
        var index = position
        let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), carriage = UInt8(ascii: "\r")
        while true {
            // One field.
            let fieldColumn = index - lineStart + 1
            if index < limit && buffer[index] == quote {
                let quoteLine = currentLine
                index += 1
                let contentStart = index
                var closed = false
                var escaped = false
                while index < limit {
                    let byte = buffer[index]
                    if byte == quote {
                        if index + 1 < limit && buffer[index + 1] == quote { index += 2; escaped = true; continue }
                        if index + 1 >= limit && !atEnd { return nil }
                        closed = true
                        break
                    }
                    if byte == newline { currentLine += 1; lineStart = index + 1 }
                    index += 1
                }
                if !closed {
                    if !atEnd { return nil }
                    throw InputError(file: fileName, line: quoteLine, column: fieldColumn, message: "quoted field is never closed")
                }
                fields.append(Field(start: contentStart, end: index, column: fieldColumn, quoted: true, escaped: escaped))
                index += 1
                if index < limit && buffer[index] != comma && buffer[index] != newline && buffer[index] != carriage {
                    throw InputError(file: fileName, line: currentLine, column: index - lineStart + 1, message: "unexpected character after a closing quote")
                }
            } else {
                let fieldStart = index
                while index < limit {
                    let byte = buffer[index]
                    if byte == comma || byte == newline || byte == carriage { break }
                    index += 1
                }
                fields.append(Field(start: fieldStart, end: index, column: fieldColumn, quoted: false))
            }
            if index >= limit {
                if !atEnd { return nil }
                nextLine = currentLine + 1
                return index
            }
            let byte = buffer[index]
            if byte == comma { index += 1; continue }
            if byte == carriage {
                if index + 1 >= limit && !atEnd { return nil }
                index += (index + 1 < limit && buffer[index + 1] == newline) ? 2 : 1
            } else {
                index += 1
            }
            nextLine = currentLine + 1
            return index
        }
    }
}
