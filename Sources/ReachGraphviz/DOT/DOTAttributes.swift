import ReachGraph

/// Graphviz attributes in the order they are written (`["shape": "box", "width": 0.5]`).
///
/// Order is kept so the DOT text is stable from run to run; a name given twice is written twice
/// and Graphviz keeps the last.
public struct DOTAttributes: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    public private(set) var entries: [(name: String, value: DOTValue)]

    public init(dictionaryLiteral elements: (String, DOTValue)...) {
        entries = elements.map { (name: $0.0, value: $0.1) }
    }

    public init(_ entries: [(name: String, value: DOTValue)] = []) {
        self.entries = entries
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// Sets `name`, replacing an earlier value of the same name.
    public mutating func set(_ name: String, _ value: DOTValue) {
        if let index = entries.firstIndex(where: { $0.name == name }) {
            entries[index].value = value
        } else {
            entries.append((name, value))
        }
    }

    public static func == (lhs: DOTAttributes, rhs: DOTAttributes) -> Bool {
        lhs.entries.count == rhs.entries.count && zip(lhs.entries, rhs.entries).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    /// Appends ` [a=1, b="x"]`, or nothing when empty.
    func writeList(to output: inout ByteWriter) {
        guard !entries.isEmpty else { return }
        output.append(" [")
        writeAssignments(separator: ", ", to: &output)
        output.append("]")
    }

    /// Appends `a=1<separator>b="x"`.
    func writeAssignments(separator: String, to output: inout ByteWriter) {
        for (index, entry) in entries.enumerated() {
            if index > 0 { output.append(separator) }
            DOTEscaping.appendID(entry.name, to: &output)
            output.append("=")
            if case .string(let text) = entry.value, entry.name.hasSuffix("tooltip") {
                DOTEscaping.appendQuotedText(text, backslash: "\\\\\\\\", to: &output)
            } else {
                entry.value.write(to: &output)
            }
        }
    }
}
