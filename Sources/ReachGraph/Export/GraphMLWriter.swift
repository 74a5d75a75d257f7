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
        var output = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

            """
        output.reserveCapacity(64 * (graph.nodeCount * (graph.nodeColumns.count + 1) + graph.edgeCount * (graph.edgeColumns.count + 2)))
        let nodeTypes = graph.nodeColumns.map(\.valueType)
        let edgeTypes = graph.edgeColumns.map(\.valueType)
        for (index, column) in graph.nodeColumns.enumerated() { appendKey(id: "n\(index)", for: "node", column.name, nodeTypes[index], to: &output) }
        appendKey(id: "weight", for: "edge", "weight", .double, to: &output)
        for (index, column) in graph.edgeColumns.enumerated() { appendKey(id: "e\(index)", for: "edge", column.name, edgeTypes[index], to: &output) }
        output += "  <graph id=\"G\" edgedefault=\"directed\">\n"
        for node in 0 ..< graph.nodeCount {
            output += "    <node id=\"\(XMLText.escaped(graph.nodeIDs[node]))\">"
            for (index, column) in graph.nodeColumns.enumerated() {
                if let value = column.values[node] { appendData(key: "n\(index)", AttributeColumn.text(of: value, as: nodeTypes[index]), to: &output) }
            }
            output += "</node>\n"
        }
        for edge in 0 ..< graph.edgeCount {
            let source = XMLText.escaped(graph.nodeIDs[Int(graph.edgeSources[edge])])
            let target = XMLText.escaped(graph.nodeIDs[Int(graph.edgeTargets[edge])])
            output += "    <edge id=\"e\(edge)\" source=\"\(source)\" target=\"\(target)\">"
            appendData(key: "weight", String(graph.edgeWeights[edge]), to: &output)
            for (index, column) in graph.edgeColumns.enumerated() {
                if let value = column.values[edge] { appendData(key: "e\(index)", AttributeColumn.text(of: value, as: edgeTypes[index]), to: &output) }
            }
            output += "</edge>\n"
        }
        output += "  </graph>\n</graphml>\n"
        return output
    }

    private static func appendKey(id: String, for domain: String, _ name: String, _ type: AttributeColumn.ValueType, to output: inout String) {
        let declared = type == .json ? "string" : type.rawValue
        output += "  <key id=\"\(id)\" for=\"\(domain)\" attr.name=\"\(XMLText.escaped(name))\" attr.type=\"\(declared)\""
        if type == .json {
            output += "><desc>JSON text: lists of values, written as JSON because GraphML has no list type</desc></key>\n"
        } else {
            output += "/>\n"
        }
    }

    private static func appendData(key: String, _ text: String, to output: inout String) {
        output += "<data key=\"\(key)\">\(XMLText.escaped(text))</data>"
    }
}
