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
        let notes = ([description] + graph.jsonColumnNotes).filter { !$0.isEmpty }.joined(separator: "; ")
        var output = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">
              <meta><creator>ReachGraph</creator><description>\(XMLText.escaped(notes))</description></meta>
              <graph mode="static" defaultedgetype="directed">

            """
        output.reserveCapacity(64 * (graph.nodeCount * (graph.nodeColumns.count + 1) + graph.edgeCount * (graph.edgeColumns.count + 2)))
        let nodeTypes = graph.nodeColumns.map(\.valueType)
        let edgeTypes = graph.edgeColumns.map(\.valueType)
        appendDeclarations("node", graph.nodeColumns, nodeTypes, to: &output)
        appendDeclarations("edge", graph.edgeColumns, edgeTypes, to: &output)
        output += "    <nodes>\n"
        for node in 0 ..< graph.nodeCount {
            output += "      <node id=\"\(XMLText.escaped(graph.nodeIDs[node]))\" label=\"\(XMLText.escaped(graph.nodeLabels[node]))\">"
            appendValues(graph.nodeColumns, nodeTypes, element: node, to: &output)
            output += "</node>\n"
        }
        output += "    </nodes>\n    <edges>\n"
        for edge in 0 ..< graph.edgeCount {
            let source = XMLText.escaped(graph.nodeIDs[Int(graph.edgeSources[edge])])
            let target = XMLText.escaped(graph.nodeIDs[Int(graph.edgeTargets[edge])])
            output += "      <edge id=\"\(edge)\" source=\"\(source)\" target=\"\(target)\" weight=\"\(graph.edgeWeights[edge])\">"
            appendValues(graph.edgeColumns, edgeTypes, element: edge, to: &output)
            output += "</edge>\n"
        }
        output += "    </edges>\n  </graph>\n</gexf>\n"
        return output
    }

    private static func appendDeclarations(_ domain: String, _ columns: [AttributeColumn], _ types: [AttributeColumn.ValueType], to output: inout String) {
        guard !columns.isEmpty else { return }
        output += "    <attributes class=\"\(domain)\">\n"
        for (index, column) in columns.enumerated() {
            let declared = types[index] == .json ? "string" : types[index].rawValue
            output += "      <attribute id=\"\(index)\" title=\"\(XMLText.escaped(column.name))\" type=\"\(declared)\"/>\n"
        }
        output += "    </attributes>\n"
    }

    private static func appendValues(_ columns: [AttributeColumn], _ types: [AttributeColumn.ValueType], element: Int, to output: inout String) {
        guard columns.contains(where: { $0.values[element] != nil }) else { return }
        output += "<attvalues>"
        for (index, column) in columns.enumerated() {
            if let value = column.values[element] {
                output += "<attvalue for=\"\(index)\" value=\"\(XMLText.escaped(AttributeColumn.text(of: value, as: types[index])))\"/>"
            }
        }
        output += "</attvalues>"
    }
}
