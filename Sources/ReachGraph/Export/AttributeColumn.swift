/// One attribute of every node or every edge of an export, with its declared type.
public struct AttributeColumn: Sendable, Equatable {
    /// The type a column is declared with in GraphML and GEXF.
    public enum ValueType: String, Sendable {
        /// Every value an integer (GraphML and GEXF `long`; NetworkX reads `int`).
        case long
        /// Every value a number, some not integers (`double`; NetworkX reads `float`).
        case double
        case boolean
        /// Text, or values of mixed types written as text.
        case string
        /// Some values are lists: every value is written as JSON text, declared `string`.
        case json
    }

    public var name: String
    /// One value per element; `nil` is missing and is left out of that element.
    public var values: [AttributeValue?]

    public init(name: String, values: [AttributeValue?]) {
        self.name = name
        self.values = values
    }

    /// A column of text fields, typed by ``AttributeValue/init(inferringFrom:)``; empty text is missing.
    public init(name: String, texts: [String?]) {
        self.init(name: name, values: texts.map { $0.flatMap(AttributeValue.init(inferringFrom:)) })
    }

    /// The narrowest type that holds every present value.
    /// - Complexity: O(n).
    public var valueType: ValueType {
        var sawInteger = false, sawDouble = false, sawBoolean = false, sawString = false
        for case let value? in values {
            switch value {
            case .list: return .json
            case .integer: sawInteger = true
            case .double: sawDouble = true
            case .boolean: sawBoolean = true
            case .string, .time: sawString = true
            }
        }
        if sawString || (sawBoolean && (sawInteger || sawDouble)) { return .string }
        if sawBoolean { return .boolean }
        if sawDouble { return .double }
        return sawInteger ? .long : .string
    }

    /// How `value` is written in a column of `type`.
    public static func text(of value: AttributeValue, as type: ValueType) -> String {
        switch (type, value) {
        case (.json, _): return value.jsonText
        case (.double, .integer(let integer)): return String(Double(integer))
        default: return value.text
        }
    }
}

extension ByteWriter {
    /// Appends ``AttributeColumn/text(of:as:)`` escaped for XML.
    mutating func appendXMLText(of value: AttributeValue, as type: AttributeColumn.ValueType) {
        switch (type, value) {
        case (.json, _), (_, .list): appendXMLEscaped(value.jsonText)
        case (.double, .integer(let integer)): appendDouble(Double(integer))
        case (_, .string(let text)): appendXMLEscaped(text)
        case (_, .integer(let integer)): appendInteger(integer)
        case (_, .double(let double)): appendDouble(double)
        case (_, .boolean(let boolean)): append(boolean ? "true" : "false")
        case (_, .time(let seconds)): appendISO8601(seconds)
        }
    }
}

extension ByteWriter {
    /// Appends ` source="…" target="…"`, the XML attributes naming the ends of edge `edge`
    /// (GraphML and GEXF spell them alike); `ids` are the node ids escaped (``xmlIDs(of:)``).
    mutating func appendXMLEnds(of edge: Int, in graph: AttributedGraph, ids: EscapedTexts) {
        append(" source=\"")
        append(ids, at: Int(graph.edgeSources[edge]))
        append("\" target=\"")
        append(ids, at: Int(graph.edgeTargets[edge]))
        append(byte: UInt8(ascii: "\""))
    }

    /// The node ids of `graph` escaped for XML, once for all the edges that name them.
    static func xmlIDs(of graph: AttributedGraph) -> EscapedTexts {
        EscapedTexts(graph.nodeIDs) { $1.appendXMLEscaped($0) }
    }
}
