/// Builds RFC 4180 CSV text: fields with commas, quotes or line breaks are quoted, quotes doubled.
public struct CSVWriter {
    public private(set) var text = ""

    public init(header: [String]) {
        appendRow(header)
    }

    /// Appends one row.
    public mutating func appendRow(_ fields: [String]) {
        var first = true
        for field in fields {
            if !first { text.append(",") }
            first = false
            text.append(Self.escape(field))
        }
        text.append("\n")
    }

    /// The field as it must appear in a CSV file.
    public static func escape(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) else {
            return field
        }
        var writer = ByteWriter()
        writer.appendCSVField(field)
        return writer.text
    }
}

/// Formats a number for CSV and tables: whole numbers without a fraction, others with up to
/// `digits` significant digits.
///
/// C's `%.Ng` into a stack buffer, trailing zeros trimmed there: `String(format:)` and string
/// edits per number took a tenth of writing a cascade table of 155,000 rows.
public func formatNumber(_ value: Double, digits: Int = 10) -> String {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer in
        String(decoding: UnsafeBufferPointer(rebasing: buffer[0 ..< writeNumber(value, digits: digits, into: buffer)]), as: UTF8.self)
    }
}

/// `value` at full precision in the fewest digits that read back to it exactly: Swift's shortest
/// round-trip form (`0.85`, where `%.17g` writes `0.84999999999999998`); whole numbers below 10^15
/// without a fraction, NaN empty and infinities as ``formatNumber(_:digits:)`` writes them.
public func formatExactNumber(_ value: Double) -> String {
    isShortestForm(value) ? value.description : formatNumber(value, digits: 17)
}

/// Whether ``formatExactNumber(_:)`` writes `value` in Swift's shortest form.
@inline(__always)
func isShortestForm(_ value: Double) -> Bool {
    value.isFinite && !(value.rounded() == value && abs(value) < 1e15)
}

/// Writes the text ``formatNumber(_:digits:)`` gives for `value` into `buffer` (64 bytes or
/// more); returns its length.
@inline(__always)
func writeNumber(_ value: Double, digits: Int, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
    guard value.isFinite else {
        let text: StaticString = value.isNaN ? "" : (value > 0 ? "inf" : "-inf")
        for index in 0 ..< text.utf8CodeUnitCount { buffer[index] = text.utf8Start[index] }
        return text.utf8CodeUnitCount
    }
    if value.rounded() == value && abs(value) < 1e15 { return writeInteger(Int(value), into: buffer) }
    let written = withVaList([Int32(digits), value]) { arguments in
        buffer.withMemoryRebound(to: CChar.self) { vsnprintf($0.baseAddress, 64, "%.*g", arguments) }
    }
    var end = Int(min(max(written, 0), 63))
    let text = UnsafeBufferPointer(rebasing: buffer[0 ..< end])
    if !text.contains(UInt8(ascii: "e")) && text.contains(UInt8(ascii: ".")) {
        while end > 0 && buffer[end - 1] == UInt8(ascii: "0") { end -= 1 }
        if end > 0 && buffer[end - 1] == UInt8(ascii: ".") { end -= 1 }
    }
    return end
}

/// Writes `value` in decimal (as `String(value)`) into `buffer` (21 bytes or more); returns its length.
@inline(__always)
func writeInteger(_ value: Int, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
    var magnitude = value.magnitude
    var length = 0
    repeat {
        buffer[length] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
        length += 1
    } while magnitude > 0
    if value < 0 {
        buffer[length] = UInt8(ascii: "-")
        length += 1
    }
    var low = 0, high = length - 1
    while low < high {
        buffer.swapAt(low, high)
        low += 1
        high -= 1
    }
    return length
}

/// CSV built as bytes one field at a time, the same text ``CSVWriter`` builds from the fields'
/// strings: a table of hundreds of thousands of rows written without a `String` per field
/// (building them took a fifth of `cascades` on a million posts).
struct CSVBytes {
    private(set) var bytes: [UInt8] = []
    private var atRowStart = true

    /// The CSV text.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Rows to come, without a header: a part of a table written on another thread, joined with
    /// ``append(rows:)``.
    init() {}

    init(header: [String]) {
        for name in header { text(name) }
        endRow()
    }

    mutating func reserveCapacity(_ capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Appends whole rows written by another `CSVBytes` (after this one's last row ended).
    mutating func append(rows: [UInt8]) { bytes += rows }

    /// Starts a field: the comma before every field but a row's first.
    @inline(__always)
    mutating func startField() {
        if !atRowStart { bytes.append(UInt8(ascii: ",")) }
        atRowStart = false
    }

    mutating func endRow() {
        bytes.append(UInt8(ascii: "\n"))
        atRowStart = true
    }

    /// A text field, quoted as ``CSVWriter/escape(_:)`` quotes it.
    mutating func text(_ field: String) {
        startField()
        var field = field
        field.withUTF8 { ByteWriter.appendCSVField($0, to: &bytes) }
    }

    /// An empty field.
    mutating func missing() { startField() }

    /// Appends `value` (as `String(value)`) to the current field.
    @inline(__always)
    mutating func appendInteger(_ value: Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0 ..< writeInteger(value, into: buffer)]))
        }
    }

    /// Appends ``formatNumber(_:digits:)`` of `value` to the current field.
    @inline(__always)
    mutating func appendNumber(_ value: Double, digits: Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer in
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0 ..< writeNumber(value, digits: digits, into: buffer)]))
        }
    }

    /// Appends ASCII text that needs no quoting (a separator, an enumeration's raw value) to the current field.
    mutating func appendPlain(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// A whole-number field.
    mutating func integer(_ value: Int) {
        startField()
        appendInteger(value)
    }

    /// A number field at full precision (``Cell/exact``, ``formatExactNumber(_:)``).
    mutating func number(_ value: Double) {
        startField()
        if isShortestForm(value) { appendPlain(value.description) } else { appendNumber(value, digits: 17) }
    }
}

import Foundation
