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
/// Hand-written rather than taken from a package: the listed CSV packages (SwiftCSV, CSV.swift)
/// build a `String` per field; loading a 10-million-row edge list that way took several times
/// longer than NetworKit's C++ reader (see BENCHMARKS.md), while this reader hands out byte
/// ranges and leaves the decoding to the caller.
public struct CSVReader {
    /// The name used in messages.
    public let fileName: String
    private let path: String
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
        guard let file = fopen(path, "rb") else {
            throw InputError(file: fileName, message: "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { fclose(file) }
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        var filled = 0
        var start = 0
        var atEnd = false
        var line = 1
        var firstChunk = true
        var record = CSVRecord(fileName: fileName)

        while true {
            if !atEnd {
                if start > 0 {
                    buffer.withUnsafeMutableBytes { raw in
                        guard let base = raw.baseAddress else { return }
                        memmove(base, base + start, filled - start)
                    }
                    filled -= start
                    start = 0
                }
                if filled == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
                let read = buffer.withUnsafeMutableBytes { raw in
                    fread(raw.baseAddress! + filled, 1, raw.count - filled, file) // safe: buffer is never empty
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
            let outcome = try buffer.withUnsafeBufferPointer { bytes -> (consumed: Int, needMore: Bool) in
                var position = start
                while position < filled {
                    guard let end = try record.parse(bytes, from: position, limit: filled, atEnd: atEnd, line: line) else {
                        return (position, true)
                    }
                    line = record.nextLine
                    position = end
                    if record.isBlank { continue }
                    try body(&record)
                }
                return (position, false)
            }
            start = outcome.consumed
            if atEnd && (start >= filled || !outcome.needMore) { return }
        }
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
    private var starts: [Int] = []
    private var ends: [Int] = []
    private var quoted: [Bool] = []
    private var columns: [Int] = []
    private var bytes: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0)
    private var scratch: [UInt8] = []

    init(fileName: String) { self.fileName = fileName }

    /// The number of fields.
    public var count: Int { starts.count }

    /// Whether the record is a blank line.
    var isBlank: Bool { starts.count == 1 && ends[0] == starts[0] && !quoted[0] }

    /// The 1-based character column where field `index` starts (its line is ``line`` unless a
    /// quoted field before it spans lines).
    public func column(of index: Int) -> Int { columns[index] }

    /// Whether field `index` is empty.
    public func isEmpty(_ index: Int) -> Bool { ends[index] == starts[index] }

    /// Calls `body` with the raw bytes of field `index`, quotes removed and `""` unescaped.
    public mutating func withBytes<Result>(of index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        let range = UnsafeBufferPointer(rebasing: bytes[starts[index] ..< ends[index]])
        guard quoted[index] else { return try body(range) }
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
        let column = columns[index]
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
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        quoted.removeAll(keepingCapacity: true)
        columns.removeAll(keepingCapacity: true)
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
                while index < limit {
                    let byte = buffer[index]
                    if byte == quote {
                        if index + 1 < limit && buffer[index + 1] == quote { index += 2; continue }
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
                starts.append(contentStart)
                ends.append(index)
                quoted.append(true)
                columns.append(fieldColumn)
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
                starts.append(fieldStart)
                ends.append(index)
                quoted.append(false)
                columns.append(fieldColumn)
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
