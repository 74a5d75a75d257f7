import ReachGraph

/// The value of one Graphviz attribute, written so that Graphviz reads back exactly what was meant.
///
/// - ``string(_:)`` is for text: labels, tooltips, ids, URLs, colours, font names. Backslashes
///   and double quotes are escaped, `&` becomes `&amp;` (Graphviz decodes HTML entities in plain
///   labels, so `&lt;` would otherwise show as `<`), and line breaks become Graphviz's centred
///   line break `\n`. Text therefore shows verbatim: `\N` in a label is the two characters, not the
///   node name.
/// - ``data(_:)`` is for data that other tools read back (the DOT export): written so that cgraph
///   reads back exactly the text. Not meant for labels, where Graphviz would still interpret
///   escapes and entities. The one loss DOT forces: a run of an odd number of backslashes right
///   before a double quote, a line break or the end of the text gains one backslash (cgraph keeps
///   `\\` as two characters, so such a run cannot be written).
/// - ``html(_:)`` is an HTML-like label built by ``HTMLLabel``, written between `<` and `>`.
/// - ``number(_:)`` and ``integer(_:)`` are written as DOT numerals (quoted when Swift's shortest
///   form uses an exponent, which DOT numerals do not allow; Graphviz parses both with `strtod`).
/// - ``bool(_:)`` is `true` or `false`.
public enum DOTValue: Sendable, Equatable {
    case string(String)
    case data(String)
    case html(HTMLLabel)
    case number(Double)
    case integer(Int)
    case bool(Bool)

    /// Appends the value as it must appear after `=` in DOT text.
    /// - Complexity: O(n) in the length of the value.
    func write(to output: inout ByteWriter) {
        switch self {
        case .string(let text):
            DOTEscaping.appendQuotedText(text, to: &output)
        case .data(let text):
            DOTEscaping.appendQuotedData(text, to: &output)
        case .html(let label):
            output.append("<")
            output.append(label.markup)
            output.append(">")
        case .integer(let value):
            output.appendInteger(value)
        case .number(let value):
            DOTEscaping.appendNumber(value, to: &output)
        case .bool(let value):
            output.append(value ? "true" : "false")
        }
    }
}

extension DOTValue: ExpressibleByStringLiteral, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
