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
public func formatNumber(_ value: Double, digits: Int = 10) -> String {
    guard value.isFinite else { return value.isNaN ? "" : (value > 0 ? "inf" : "-inf") }
    if value.rounded() == value && abs(value) < 1e15 { return String(Int64(value)) }
    var text = String(format: "%.\(digits)g", value)
    if text.contains("e") { return text }
    if text.contains(".") {
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
    }
    return text
}

import Foundation
