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

    /// Appends the DOT text of `graph` to `output`.
    /// - Complexity: O(V·a + E·b) for a node and b edge columns.
    public static func write(_ graph: AttributedGraph, to output: inout ByteWriter) {
        var moved = ByteWriter()
        swap(&moved, &output)
        var writer = DOTWriter(name: "reachgraph", exactIDs: true, writingTo: moved)
        let nodeTypes = graph.nodeColumns.map(\.valueType)
        let edgeTypes = graph.edgeColumns.map(\.valueType)
        let hasLabelColumn = graph.nodeColumns.contains { $0.name == "label" }
        for node in 0 ..< graph.nodeCount {
            var attributes = DOTAttributes()
            if !hasLabelColumn { attributes.set("label", .data(graph.nodeLabels[node])) }
            for (index, column) in graph.nodeColumns.enumerated() {
                if let value = column.values[node] { attributes.set(column.name, dotValue(value, nodeTypes[index])) }
            }
            writer.node(graph.nodeIDs[node], attributes)
        }
        for edge in 0 ..< graph.edgeCount {
            var attributes: DOTAttributes = ["weight": .number(graph.edgeWeights[edge])]
            for (index, column) in graph.edgeColumns.enumerated() {
                if let value = column.values[edge] { attributes.set(column.name, dotValue(value, edgeTypes[index])) }
            }
            writer.edge(from: graph.nodeIDs[Int(graph.edgeSources[edge])], to: graph.nodeIDs[Int(graph.edgeTargets[edge])], attributes)
        }
        output = writer.finishWriting()
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
