/// Writes an ``AttributedGraph`` as GraphML (graphml.graphdrawing.org), readable by NetworkX's
/// `read_graphml`, igraph, Gephi, Cytoscape and yEd.
///
/// Each column is a `<key>` with `attr.type` `long`, `double`, `boolean` or `string`; a column
/// written as JSON text is declared `string` and says so in the key's `<desc>`. Missing values are
/// left out of the element (GraphML's way of saying "no value"); NetworkX's own writer fails on
/// them. Edge weights are the `weight` key; edges have ids `e0`, `e1`, … so parallel edges stay
/// distinct (NetworkX reads them into a `MultiDiGraph`).
public enum GraphMLWriter {
    /// The GraphML text of `graph`.
    /// - Complexity: O(V·a + E·b) for a node and b edge columns.
    public static func text(of graph: AttributedGraph) -> String {
        var writer = ByteWriter()
        write(graph, to: &writer)
        return writer.text
    }

    /// Appends the GraphML text of `graph` to `writer`; nodes and edges are formatted on the
    /// library's threads (``ByteWriter/appendRows(_:_:)``).
    /// - Complexity: O(V·a + E·b) for a node and b edge columns.
    public static func write(_ graph: AttributedGraph, to output: inout ByteWriter) {
        output.append("""
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

            """)
        let nodeTypes = graph.nodeColumns.map(\.valueType)
        let edgeTypes = graph.edgeColumns.map(\.valueType)
        for (index, column) in graph.nodeColumns.enumerated() { appendKey(id: "n\(index)", for: "node", column.name, nodeTypes[index], to: &output) }
        appendKey(id: "weight", for: "edge", "weight", .double, to: &output)
        for (index, column) in graph.edgeColumns.enumerated() { appendKey(id: "e\(index)", for: "edge", column.name, edgeTypes[index], to: &output) }
        output.append("  <graph id=\"G\" edgedefault=\"directed\">\n")
        let ids = ByteWriter.xmlIDs(of: graph)
        let nodeKeys = graph.nodeColumns.indices.map { "<data key=\"n\($0)\">" }
        let edgeKeys = graph.edgeColumns.indices.map { "<data key=\"e\($0)\">" }
        output.appendRows(graph.nodeCount) { nodes, output in
            for node in nodes {
                output.append("    <node id=\"")
                output.append(ids, at: node)
                output.append("\">")
                for (index, column) in graph.nodeColumns.enumerated() {
                    if let value = column.values[node] { appendData(key: nodeKeys[index], value, nodeTypes[index], to: &output) }
                }
                output.append("</node>\n")
            }
        }
        output.appendRows(graph.edgeCount) { edges, output in
            for edge in edges {
                output.append("    <edge id=\"e")
                output.appendInteger(edge)
                output.append("\"")
                output.appendXMLEnds(of: edge, in: graph, ids: ids)
                output.append("><data key=\"weight\">")
                output.appendDouble(graph.edgeWeights[edge])
                output.append("</data>")
                for (index, column) in graph.edgeColumns.enumerated() {
                    if let value = column.values[edge] { appendData(key: edgeKeys[index], value, edgeTypes[index], to: &output) }
                }
                output.append("</edge>\n")
            }
        }
        output.append("  </graph>\n</graphml>\n")
    }

    private static func appendKey(id: String, for domain: String, _ name: String, _ type: AttributeColumn.ValueType, to output: inout ByteWriter) {
        let declared = type == .json ? "string" : type.rawValue
        output.append("  <key id=\"\(id)\" for=\"\(domain)\" attr.name=\"\(XMLText.escaped(name))\" attr.type=\"\(declared)\"")
        if type == .json {
            output.append("><desc>JSON text: lists of values, written as JSON because GraphML has no list type</desc></key>\n")
        } else {
            output.append("/>\n")
        }
    }

    /// Appends `<data key="…">value</data>`; `start` is the opening tag.
    private static func appendData(key start: String, _ value: AttributeValue, _ type: AttributeColumn.ValueType, to output: inout ByteWriter) {
        output.append(start)
        output.appendXMLText(of: value, as: type)
        output.append("</data>")
    }
}
