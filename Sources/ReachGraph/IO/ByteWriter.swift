import Foundation
import ReachGraphCore

/// Text written as UTF-8 bytes, with numbers, times and escaped strings formatted straight into
/// the bytes: the one place the export writers (CSV, JSON, GraphML, GEXF, DOT) turn values into text.
///
/// A writer made by ``AtomicFile/write(to:_:)`` or ``toStandardOutput(_:)`` hands its bytes to the
/// file whenever a megabyte has gathered, so an export of 2.5 million posts (half a gigabyte of
/// text) holds one megabyte of output rather than the whole text as `String`s and their join
/// (2.8 GB and 26 s for the JSON export of 2.5M IRA-sized posts, BENCHMARKS.md). A writer made
/// with ``init()`` keeps every byte (``bytes``), for callers that want the text.
///
/// Appending never throws: the first failed write is kept, later bytes are dropped, and
/// ``AtomicFile/write(to:_:)`` reports it with the file's name once the body returns.
public struct ByteWriter: Sendable {
    /// The bytes not yet handed to the file (all of them for an in-memory writer).
    public private(set) var bytes: [UInt8] = []
    private let descriptor: Int32?
    private let path: String
    /// The first failed write.
    private(set) var failure: InputError?

    /// How many bytes gather before they are written: large enough that the system calls cost
    /// nothing next to formatting, small enough not to count in the peak.
    static let chunkSize = 1 << 20

    /// A writer that keeps its bytes in ``bytes``.
    public init() {
        descriptor = nil
        path = ""
    }

    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
        bytes.reserveCapacity(Self.chunkSize + 64 * 1024)
    }

    /// Makes room for `capacity` bytes (an in-memory writer whose size is known roughly).
    public mutating func reserveCapacity(_ capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// The bytes as a `String` (an in-memory writer's whole text).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Streams what `body` writes to standard output.
    public static func toStandardOutput(_ body: (inout ByteWriter) throws -> Void) throws {
        var writer = ByteWriter(descriptor: STDOUT_FILENO, path: "standard output")
        try body(&writer)
        try writer.finish()
    }

    /// Writes out what is left; throws the first failed write.
    mutating func finish() throws {
        flush()
        if let failure { throw failure }
    }

    @inline(__always)
    private mutating func flushIfFull() {
        if bytes.count >= Self.chunkSize && descriptor != nil { flush() }
    }

    private mutating func flush() {
        guard let descriptor, !bytes.isEmpty else { return }
        if failure == nil && !bytes.withUnsafeBufferPointer({ Self.writeAll($0, to: descriptor) }) {
            failure = AtomicFile.systemError(path)
        }
        bytes.removeAll(keepingCapacity: true)
    }

    /// Writes `buffer` whole; false (with `errno` set) when the system refuses.
    private static func writeAll(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset) // safe: count > 0
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    // MARK: Plain bytes

    /// Appends `text` as it is (markup, separators, keys known to need no escaping).
    @inline(__always)
    public mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        flushIfFull()
    }

    @inline(__always)
    public mutating func append(byte: UInt8) {
        bytes.append(byte)
        flushIfFull()
    }

    /// Appends bytes; a megabyte or more goes to the file directly, without a copy.
    @inline(__always)
    public mutating func append(utf8: UnsafeBufferPointer<UInt8>) {
        if let descriptor, utf8.count >= Self.chunkSize {
            flush()
            if failure == nil && !Self.writeAll(utf8, to: descriptor) { failure = AtomicFile.systemError(path) }
            return
        }
        bytes.append(contentsOf: utf8)
        flushIfFull()
    }

    /// Appends `count` bytes written by `body` into a buffer of `capacity` bytes.
    @inline(__always)
    private mutating func append(capacity: Int, _ body: (UnsafeMutableBufferPointer<UInt8>) -> Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0 ..< body(buffer)]))
        }
        flushIfFull()
    }

    // MARK: Rows on the library's threads

    /// Rows formatted together on one thread.
    static let rowsPerChunk = 16_384
    /// Chunks formatted before their bytes are appended: a window of a JSON export of posts is
    /// about 50 MB of text, next to the half gigabyte of the whole file.
    static let chunksPerWindow = 16

    /// Appends what `writeRows` writes for the rows `0 ..< count`, in row order.
    ///
    /// `writeRows` is called on consecutive ranges of rows (chunks of ``rowsPerChunk``), each
    /// writing into a writer of its own, on the library's threads (`Parallelism.threadCount`, as
    /// ``ResultTable/textTable`` formats its rows); the chunks of a window are appended in order
    /// before the next window is formatted, so the bytes are the same on any number of threads as
    /// long as what is written for a range depends only on its rows. `writeRows` runs concurrently
    /// with itself: it may only read what it captures.
    /// - Complexity: O(bytes written); holds one window of text.
    public mutating func appendRows(_ count: Int, _ writeRows: (Range<Int>, inout ByteWriter) -> Void) {
        let window = Self.rowsPerChunk * Self.chunksPerWindow
        var start = 0
        while start < count {
            let end = min(count, start + window)
            let first = start
            let pieces = mapChunksInOrder(of: end - start, chunkSize: Self.rowsPerChunk, parallelism: .automatic, makeScratch: {}) { _, range in
                var piece = ByteWriter()
                piece.reserveCapacity(Self.chunkSize)
                writeRows(first + range.lowerBound ..< first + range.upperBound, &piece)
                return piece.bytes
            }.pieces
            for piece in pieces { piece.withUnsafeBufferPointer { append(utf8: $0) } }
            start = end
        }
    }

    // MARK: Numbers and times

    /// Appends `value` in decimal, as `String(value)`.
    @inline(__always)
    public mutating func appendInteger(_ value: Int) {
        append(capacity: 24) { writeInteger(value, into: $0) }
    }

    /// Appends `value` as Swift writes it (`String(value)`: `1.0`, `-0.0`, `0.25`, `1e-07`,
    /// `1e+16`, `inf`, `nan`). Whole numbers under 10^15 are written here (Swift writes them as
    /// the integer and `.0` up to 2^53); the rest go through Swift's own shortest form.
    @inline(__always)
    public mutating func appendDouble(_ value: Double) {
        if value.rounded() == value && abs(value) < 1e15 {
            if value.sign == .minus { bytes.append(UInt8(ascii: "-")) }
            appendInteger(Int(abs(value)))
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "0"))
        } else {
            append(value.description)
        }
    }

    /// Appends ``formatNumber(_:digits:)`` of `value` (whole numbers without a fraction, others
    /// with up to `digits` significant digits).
    @inline(__always)
    public mutating func appendNumber(_ value: Double, digits: Int = 10) {
        append(capacity: 64) { writeNumber(value, digits: digits, into: $0) }
    }

    /// Appends ``iso8601String(fromUnixSeconds:)`` of `seconds`.
    @inline(__always)
    public mutating func appendISO8601(_ seconds: Double) {
        guard FieldParsing.supportedTimes.contains(seconds) else {
            append("\(seconds)")
            return
        }
        append(capacity: 20) { writeISO8601(seconds, into: $0) }
    }

    // MARK: Escaped text

    /// Appends `text` as a CSV field: quoted when it holds a comma, a quote or a line break, its
    /// quotes doubled (RFC 4180).
    public mutating func appendCSVField(_ text: String) {
        var text = text
        text.withUTF8 { appendCSVField(utf8: $0) }
    }

    /// ``appendCSVField(_:)`` of UTF-8 bytes.
    public mutating func appendCSVField(utf8: UnsafeBufferPointer<UInt8>) {
        Self.appendCSVField(utf8, to: &bytes)
        flushIfFull()
    }

    /// Appends `utf8` to `bytes` as a CSV field (see ``appendCSVField(_:)``).
    @inline(__always)
    static func appendCSVField(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        guard utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in utf8 {
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends `text` as a JSON string literal: quotes, backslashes and control characters
    /// escaped (`\n`, `\r`, `\t`, else `\u001f`); everything else, CJK included, kept as UTF-8.
    public mutating func appendJSONString(_ text: String) {
        var text = text
        text.withUTF8 { appendJSONString(utf8: $0) }
    }

    /// ``appendJSONString(_:)`` of valid UTF-8 bytes.
    public mutating func appendJSONString(utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        // Most ids and values need nothing: one scan, then one copy.
        func needsEscape(_ byte: UInt8) -> Bool { byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") }
        guard let first = utf8.firstIndex(where: needsEscape) else {
            bytes.append(contentsOf: utf8)
            bytes.append(UInt8(ascii: "\""))
            flushIfFull()
            return
        }
        var plainStart = 0
        for index in first ..< utf8.count where needsEscape(utf8[index]) {
            let byte = utf8[index]
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart ..< index]))
            plainStart = index + 1
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
            case UInt8(ascii: "\n"): bytes.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"): bytes.append(UInt8(ascii: "r"))
            case UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "t"))
            default:
                let hex: StaticString = "0123456789abcdef"
                bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex.utf8Start[Int(byte >> 4)], hex.utf8Start[Int(byte & 15)]])
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart...]))
        bytes.append(UInt8(ascii: "\""))
        flushIfFull()
    }

    /// Appends `text` as XML character data or attribute value (see ``XMLText``).
    public mutating func appendXMLEscaped(_ text: String) {
        var text = text
        text.withUTF8 { appendXMLEscaped(utf8: $0) }
    }

    /// ``appendXMLEscaped(_:)`` of valid UTF-8 bytes.
    public mutating func appendXMLEscaped(utf8: UnsafeBufferPointer<UInt8>) {
        appendXMLEscaped(utf8, style: .xml)
    }

    /// Appends valid UTF-8 `utf8` escaped as `style` says: `&`, `<`, `>`, `"` and `'` as entities;
    /// tab, line feed and carriage return as references or as they are; other C0 controls, U+FFFE
    /// and U+FFFF (UTF-8 `EF BF BE`, `EF BF BF`) as U+FFFD or as they are.
    mutating func appendXMLEscaped(_ utf8: UnsafeBufferPointer<UInt8>, style: XMLText.Style) {
        // Most ids and values need nothing: one scan, then one copy.
        guard let first = utf8.firstIndex(where: XMLText.mayNeedEscaping) else {
            bytes.append(contentsOf: utf8)
            flushIfFull()
            return
        }
        var plainStart = 0
        var index = first
        while index < utf8.count {
            let byte = utf8[index]
            var replacement: String?
            var length = 1
            switch byte {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = style.apostrophe
            case UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                if style.lineBreaksAsReferences { replacement = "&#\(byte);" }
            case 0 ..< 0x20:
                if style.replacesForbidden { replacement = "\u{FFFD}" }
            case 0xEF:
                if style.replacesForbidden && index + 2 < utf8.count && utf8[index + 1] == 0xBF && (utf8[index + 2] == 0xBE || utf8[index + 2] == 0xBF) {
                    replacement = "\u{FFFD}"
                    length = 3
                }
            default: break
            }
            if let replacement {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart ..< index]))
                bytes.append(contentsOf: replacement.utf8)
                plainStart = index + length
            }
            index += length
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart...]))
        flushIfFull()
    }
}

/// Writes ``iso8601String(fromUnixSeconds:)`` of `seconds` (inside `FieldParsing.supportedTimes`)
/// into `buffer` (20 bytes or more); returns its length, 20.
@inline(__always)
func writeISO8601(_ seconds: Double, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
    let whole = Int(seconds.rounded(.down))
    var days = whole / 86_400
    var rest = whole % 86_400
    if rest < 0 { rest += 86_400; days -= 1 }
    // Inverse of daysFromCivil (Hinnant).
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthPrime = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
    let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    var position = 0
    func put(_ value: Int, width: Int) {
        var value = value
        for offset in stride(from: width - 1, through: 0, by: -1) {
            buffer[position + offset] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
        }
        position += width
    }
    func put(_ character: Unicode.Scalar) {
        buffer[position] = UInt8(ascii: character)
        position += 1
    }
    put(year, width: 4); put("-"); put(month, width: 2); put("-"); put(day, width: 2)
    put("T"); put(rest / 3600, width: 2); put(":"); put(rest % 3600 / 60, width: 2); put(":"); put(rest % 60, width: 2); put("Z")
    return position
}
