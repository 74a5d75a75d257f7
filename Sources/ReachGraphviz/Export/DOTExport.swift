import ReachGraph

/// Writes an ``AttributedGraph`` as DOT for other tools (NetworkX via pydot, Graphviz's `gvpr`,
/// Gephi): every column becomes an attribute of its node or edge.
///
/// DOT has no types: numbers are written as numerals, text with ``DOTValue/data(_:)`` so cgraph
/// reads back exactly the text, JSON columns as their JSON text. Missing values are left out.
/// Node ids double their backslashes (``DOTEscaping``: the one encoding that keeps every id
/// distinct). `label` is the account name (the id when there is none) unless a column is called
/// `label`; edge weights are `weight`. Parallel edges are kept (the graph is not `strict`).
public enum DOTExport {
    /// The DOT text of `graph`.
    /// - Complexity: O(V·a + E·b) for a node and b edge columns.
    public static func text(of graph: AttributedGraph) -> String {
        var output = ByteWriter()
        write(graph, to: &output)
        return output.text
    }

    /// Appends the DOT text of `graph` to `output`; nodes and edges are formatted on the library's
    /// threads (``DOTWriter/statements(_:_:)``).
    ///
    /// Attribute names and node ids are escaped once, not per statement, and each statement's
    /// list is written straight from the columns. That is the text ``DOTAttributes`` gives while
    /// every name of a node (or edge) list is distinct; a merged export with an extra relation
    /// column called `relations` repeats a name, and then each list is built as ``DOTAttributes``
    /// (a repeated name keeps its first place and takes the last value).
    public static func write(_ graph: AttributedGraph, to output: inout ByteWriter) {
        var moved = ByteWriter()
        swap(&moved, &output)
        var writer = DOTWriter(name: "reachgraph", exactIDs: true, writingTo: moved)
        let nodeTypes = graph.nodeColumns.map(\.valueType)
        let edgeTypes = graph.edgeColumns.map(\.valueType)
        let hasLabelColumn = graph.nodeColumns.contains { $0.name == "label" }
        let nodeNames = (hasLabelColumn ? [] : ["label"]) + graph.nodeColumns.map(\.name)
        let edgeNames = ["weight"] + graph.edgeColumns.map(\.name)
        guard Set(nodeNames).count == nodeNames.count && Set(edgeNames).count == edgeNames.count else {
            writeThroughAttributes(graph, nodeTypes, edgeTypes, hasLabelColumn, to: &writer)
            output = writer.finishWriting()
            return
        }
        let ids = EscapedTexts(graph.nodeIDs) { DOTEscaping.appendID($0, to: &$1) }
        let assignment: (String, inout ByteWriter) -> Void = { name, output in
            DOTEscaping.appendID(name, to: &output)
            output.append("=")
        }
        let nodeAssignments = EscapedTexts(graph.nodeColumns.map(\.name), assignment)
        let edgeAssignments = EscapedTexts(graph.edgeColumns.map(\.name), assignment)
        writer.statements(graph.nodeCount) { node, writer in
            writer.statement { output in
                output.append(ids, at: node)
                var listed = false
                if !hasLabelColumn {
                    output.append(" [label=")
                    DOTValue.data(graph.nodeLabels[node]).write(to: &output)
                    listed = true
                }
                for (index, column) in graph.nodeColumns.enumerated() {
                    guard let value = column.values[node] else { continue }
                    output.append(listed ? ", " : " [")
                    listed = true
                    output.append(nodeAssignments, at: index)
                    appendValue(value, nodeTypes[index], to: &output)
                }
                if listed { output.append("]") }
            }
        }
        writer.statements(graph.edgeCount) { edge, writer in
            writer.statement { output in
                output.append(ids, at: Int(graph.edgeSources[edge]))
                output.append(" -> ")
                output.append(ids, at: Int(graph.edgeTargets[edge]))
                output.append(" [weight=")
                DOTEscaping.appendNumber(graph.edgeWeights[edge], to: &output)
                for (index, column) in graph.edgeColumns.enumerated() {
                    guard let value = column.values[edge] else { continue }
                    output.append(", ")
                    output.append(edgeAssignments, at: index)
                    appendValue(value, edgeTypes[index], to: &output)
                }
                output.append("]")
            }
        }
        output = writer.finishWriting()
    }

    /// The lists built as ``DOTAttributes`` (a repeated name keeps its first place, the last value).
    private static func writeThroughAttributes(
        _ graph: AttributedGraph, _ nodeTypes: [AttributeColumn.ValueType], _ edgeTypes: [AttributeColumn.ValueType], _ hasLabelColumn: Bool, to writer: inout DOTWriter
    ) {
        writer.statements(graph.nodeCount) { node, writer in
            var attributes = DOTAttributes()
            if !hasLabelColumn { attributes.set("label", .data(graph.nodeLabels[node])) }
            for (index, column) in graph.nodeColumns.enumerated() {
                if let value = column.values[node] { attributes.set(column.name, dotValue(value, nodeTypes[index])) }
            }
            writer.node(graph.nodeIDs[node], attributes)
        }
        writer.statements(graph.edgeCount) { edge, writer in
            var attributes: DOTAttributes = ["weight": .number(graph.edgeWeights[edge])]
            for (index, column) in graph.edgeColumns.enumerated() {
                if let value = column.values[edge] { attributes.set(column.name, dotValue(value, edgeTypes[index])) }
            }
            writer.edge(from: graph.nodeIDs[Int(graph.edgeSources[edge])], to: graph.nodeIDs[Int(graph.edgeTargets[edge])], attributes)
        }
    }

    /// Appends what `dotValue(value, type)` writes; a time as its ISO 8601 text in quotes (which
    /// needs no escaping) without making a `String` of it.
    private static func appendValue(_ value: AttributeValue, _ type: AttributeColumn.ValueType, to output: inout ByteWriter) {
        if case .time(let seconds) = value, type != .json {
            output.append(byte: UInt8(ascii: "\""))
            output.appendISO8601(seconds)
            output.append(byte: UInt8(ascii: "\""))
        } else {
            dotValue(value, type).write(to: &output)
        }
    }

    private static func dotValue(_ value: AttributeValue, _ type: AttributeColumn.ValueType) -> DOTValue {
        switch (type, value) {
        case (.long, .integer(let integer)): return .integer(integer)
        case (.double, .integer(let integer)): return .number(Double(integer))
        case (.double, .double(let double)): return .number(double)
        default: return .data(AttributeColumn.text(of: value, as: type))
        }
    }
}
