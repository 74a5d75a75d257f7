import Foundation

/// A typed attribute value of an exported node or edge.
public enum AttributeValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case double(Double)
    case boolean(Bool)
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
        case .list: return jsonText
        }
    }

    /// The value as JSON text (`"a"`, `3`, `1.5`, `true`, `["a",null,2]`).
    public var jsonText: String {
        switch self {
        case .string(let value): return Self.jsonString(value)
        case .integer(let value): return String(value)
        case .double(let value): return value.isFinite ? String(value) : "null"
        case .boolean(let value): return value ? "true" : "false"
        case .list(let values): return "[" + values.map { $0?.jsonText ?? "null" }.joined(separator: ",") + "]"
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped; everything else
    /// (CJK included) kept as UTF-8.
    static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{0}" ..< "\u{20}": result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
