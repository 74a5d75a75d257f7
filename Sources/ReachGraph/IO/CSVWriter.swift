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
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Formats a number for CSV and tables: whole numbers without a fraction, others with up to
/// `digits` significant digits.
///
/// C's `%.Ng` into a stack buffer, trailing zeros trimmed there: `String(format:)` and string
/// edits per number took a tenth of writing a cascade table of 155,000 rows.
public func formatNumber(_ value: Double, digits: Int = 10) -> String {
    guard value.isFinite else { return value.isNaN ? "" : (value > 0 ? "inf" : "-inf") }
    if value.rounded() == value && abs(value) < 1e15 { return String(Int64(value)) }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer in
        let written = withVaList([Int32(digits), value]) { arguments in
            buffer.withMemoryRebound(to: CChar.self) { vsnprintf($0.baseAddress, 64, "%.*g", arguments) }
        }
        var end = Int(min(max(written, 0), 63))
        let text = UnsafeBufferPointer(rebasing: buffer[0 ..< end])
        if !text.contains(UInt8(ascii: "e")) && text.contains(UInt8(ascii: ".")) {
            while end > 0 && buffer[end - 1] == UInt8(ascii: "0") { end -= 1 }
            if end > 0 && buffer[end - 1] == UInt8(ascii: ".") { end -= 1 }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: buffer[0 ..< end]), as: UTF8.self)
    }
}

import Foundation
