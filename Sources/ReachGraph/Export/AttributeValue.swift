import Foundation

/// A typed attribute value of an exported node or edge.
public enum AttributeValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case double(Double)
    case boolean(Bool)
    /// A time in whole Unix seconds, written as ISO 8601 text (``iso8601String(fromUnixSeconds:)``)
    /// and typed as a string: kept as the number so a million-edge export holds no text per time.
    case time(Double)
    /// Several values; written as JSON text, since neither GraphML nor GEXF has a list type
    /// NetworkX reads (its own writers reject lists).
    case list([AttributeValue?])

    /// The value a text field stands for, typed only when typing loses nothing: an integer or a
    /// number whose canonical form is exactly the text (`7`, `-3`, `1.5`; not `007`, `+5`,
    /// `1.50` or `1e5`), `true` or `false`; any other text stays a string; empty text is missing.
    public init?(inferringFrom text: String) {
        guard !text.isEmpty else { return nil }
        if let integer = Int(text), String(integer) == text {
            self = .integer(integer)
        } else if let double = Double(text), double.isFinite, String(double) == text {
            self = .double(double)
        } else if text == "true" || text == "false" {
            self = .boolean(text == "true")
        } else {
            self = .string(text)
        }
    }

    /// The value as plain text (numbers in their shortest exact form; lists as JSON).
    public var text: String {
        switch self {
        case .string(let value): return value
        case .integer(let value): return String(value)
        case .double(let value): return String(value)
        case .boolean(let value): return value ? "true" : "false"
        case .time(let seconds): return iso8601String(fromUnixSeconds: seconds)
        case .list: return jsonText
        }
    }

    /// The value as JSON text (`"a"`, `3`, `1.5`, `true`, `["a",null,2]`).
    public var jsonText: String {
        var writer = ByteWriter()
        writer.appendJSON(self)
        return writer.text
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped; everything else
    /// (CJK included) kept as UTF-8.
    static func jsonString(_ text: String) -> String {
        var writer = ByteWriter()
        writer.appendJSONString(text)
        return writer.text
    }
}

extension ByteWriter {
    /// Appends ``AttributeValue/jsonText`` of `value`.
    mutating func appendJSON(_ value: AttributeValue) {
        switch value {
        case .string(let text): appendJSONString(text)
        case .integer(let integer): appendInteger(integer)
        case .double(let double): double.isFinite ? appendDouble(double) : append("null")
        case .boolean(let boolean): append(boolean ? "true" : "false")
        case .time(let seconds):
            append(byte: UInt8(ascii: "\""))
            appendISO8601(seconds)
            append(byte: UInt8(ascii: "\""))
        case .list(let values):
            append(byte: UInt8(ascii: "["))
            for (index, element) in values.enumerated() {
                if index > 0 { append(byte: UInt8(ascii: ",")) }
                if let element { appendJSON(element) } else { append("null") }
            }
            append(byte: UInt8(ascii: "]"))
        }
    }
}
