/// Writes an ``AttributedGraph`` as GEXF 1.2 (gexf.net), the format Gephi reads natively and
/// NetworkX reads with `read_gexf`.
///
/// Columns are declared in `<attributes>` as `long`, `double`, `boolean` or `string`; columns
/// written as JSON text are declared `string` and named in the file's `<meta><description>`.
/// Missing values are left out of the element's `<attvalues>`; NetworkX's own writer fails on them.
/// Node labels are account names (the id when there is none); edge weights are the `weight`
/// attribute; edges have ids `0`, `1`, … so parallel edges stay distinct.
public enum GEXFWriter {
    /// The GEXF text of `graph`; `description` goes into `<meta>`.
    /// - Complexity: O(V·a + E·b) for a node and b edge columns.
    public static func text(of graph: AttributedGraph, description: String = "") -> String {
        var writer = ByteWriter()
        write(graph, description: description, to: &writer)
        return writer.text
    }

    /// Appends the GEXF text of `graph` to `writer`; `description` goes into `<meta>`. Nodes and
    /// edges are formatted on the library's threads (``ByteWriter/appendRows(_:_:)``).
    /// - Complexity: O(V·a + E·b) for a node and b edge columns.
    public static func write(_ graph: AttributedGraph, description: String = "", to output: inout ByteWriter) {
        let notes = ([description] + graph.jsonColumnNotes).filter { !$0.isEmpty }.joined(separator: "; ")
        output.append("""
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">
              <meta><creator>ReachGraph</creator><description>\(XMLText.escaped(notes))</description></meta>
              <graph mode="static" defaultedgetype="directed">

            """)
        let nodeTypes = graph.nodeColumns.map(\.valueType)
        let edgeTypes = graph.edgeColumns.map(\.valueType)
        appendDeclarations("node", graph.nodeColumns, nodeTypes, to: &output)
        appendDeclarations("edge", graph.edgeColumns, edgeTypes, to: &output)
        let ids = ByteWriter.xmlIDs(of: graph)
        output.append("    <nodes>\n")
        output.appendRows(graph.nodeCount) { nodes, output in
            for node in nodes {
                output.append("      <node id=\"")
                output.append(ids, at: node)
                output.append("\" label=\"")
                output.appendXMLEscaped(graph.nodeLabels[node])
                output.append("\">")
                appendValues(graph.nodeColumns, nodeTypes, element: node, to: &output)
                output.append("</node>\n")
            }
        }
        output.append("    </nodes>\n    <edges>\n")
        output.appendRows(graph.edgeCount) { edges, output in
            for edge in edges {
                output.append("      <edge id=\"")
                output.appendInteger(edge)
                output.append("\"")
                output.appendXMLEnds(of: edge, in: graph, ids: ids)
                output.append(" weight=\"")
                output.appendDouble(graph.edgeWeights[edge])
                output.append("\">")
                appendValues(graph.edgeColumns, edgeTypes, element: edge, to: &output)
                output.append("</edge>\n")
            }
        }
        output.append("    </edges>\n  </graph>\n</gexf>\n")
    }

    private static func appendDeclarations(_ domain: String, _ columns: [AttributeColumn], _ types: [AttributeColumn.ValueType], to output: inout ByteWriter) {
        guard !columns.isEmpty else { return }
        output.append("    <attributes class=\"\(domain)\">\n")
        for (index, column) in columns.enumerated() {
            let declared = types[index] == .json ? "string" : types[index].rawValue
            output.append("      <attribute id=\"\(index)\" title=\"\(XMLText.escaped(column.name))\" type=\"\(declared)\"/>\n")
        }
        output.append("    </attributes>\n")
    }

    private static func appendValues(_ columns: [AttributeColumn], _ types: [AttributeColumn.ValueType], element: Int, to output: inout ByteWriter) {
        guard columns.contains(where: { $0.values[element] != nil }) else { return }
        output.append("<attvalues>")
        for (index, column) in columns.enumerated() {
            if let value = column.values[element] {
                output.append("<attvalue for=\"")
                output.appendInteger(index)
                output.append("\" value=\"")
                output.appendXMLText(of: value, as: types[index])
                output.append("\"/>")
            }
        }
        output.append("</attvalues>")
    }
}
