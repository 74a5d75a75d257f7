import ReachGraph

/// Writes DOT text that Graphviz always parses: every id and value is quoted and escaped by
/// ``DOTEscaping``, subgraphs are closed in order, and ``finish()`` closes whatever is still open.
///
/// A streaming writer rather than a document model: a million-edge graph goes straight into
/// bytes (about 40 bytes an edge) without a struct per edge, and the DOT export hands them to its
/// file as they come (``init(name:isDirected:isStrict:exactIDs:writingTo:)``).
///
/// ```swift
/// var writer = DOTWriter(name: "G")
/// writer.nodeDefaults(["shape": "box"])
/// writer.beginCluster("Hunan", attributes: ["label": "湖南"])
/// writer.node("a \"quoted\" id", ["label": "湖南国际传播中心"])
/// writer.endSubgraph()
/// writer.edge(from: "a \"quoted\" id", to: "b:c")
/// let dot = writer.finish()
/// ```
///
/// Ids are written as given: a `:` inside a quoted id is part of the name (ports only apply to
/// bare ids followed by `:`, which the writer never produces for edges).
public struct DOTWriter: Sendable {
    /// Whether edges have a direction (`digraph`, `->`) or not (`graph`, `--`).
    public let isDirected: Bool
    /// Whether ids are written exactly (the DOT export) rather than for display (figures, see
    /// ``DOTEscaping/appendDisplayID(_:to:)``).
    public let exactIDs: Bool
    private var output: ByteWriter
    private var depth = 1
    private var indentation = "  "

    /// Starts a graph. `strict` makes Graphviz merge parallel edges.
    public init(name: String? = nil, isDirected: Bool = true, isStrict: Bool = false, exactIDs: Bool = false, reservingCapacity capacity: Int = 0) {
        var output = ByteWriter()
        output.reserveCapacity(capacity)
        self.init(name: name, isDirected: isDirected, isStrict: isStrict, exactIDs: exactIDs, writingTo: output)
    }

    /// Starts a graph written on after what `initial` holds; ``finishWriting()`` hands the writer back.
    init(name: String?, isDirected: Bool = true, isStrict: Bool = false, exactIDs: Bool, writingTo initial: consuming ByteWriter) {
        self.isDirected = isDirected
        self.exactIDs = exactIDs
        output = initial
        if isStrict { output.append("strict ") }
        output.append(isDirected ? "digraph" : "graph")
        if let name {
            output.append(" ")
            exactIDs ? DOTEscaping.appendID(name, to: &output) : DOTEscaping.appendDisplayID(name, to: &output)
        }
        output.append(" {\n")
    }

    /// Graph attributes (`label`, `layout`, `fontname` …) of the current graph or subgraph.
    public mutating func graphAttributes(_ attributes: DOTAttributes) {
        guard !attributes.isEmpty else { return }
        output.append(indentation)
        attributes.writeAssignments(separator: ";\n" + indentation, to: &output)
        output.append(";\n")
    }

    /// Defaults for nodes declared after this point in the current scope.
    public mutating func nodeDefaults(_ attributes: DOTAttributes) {
        defaults("node", attributes)
    }

    /// Defaults for edges declared after this point in the current scope.
    public mutating func edgeDefaults(_ attributes: DOTAttributes) {
        defaults("edge", attributes)
    }

    /// Declares a node (again declaring an existing node sets more attributes on it).
    public mutating func node(_ id: String, _ attributes: DOTAttributes = [:]) {
        output.append(indentation)
        appendID(id)
        attributes.writeList(to: &output)
        output.append(";\n")
    }

    /// Adds an edge, declaring its end nodes if needed.
    public mutating func edge(from source: String, to target: String, _ attributes: DOTAttributes = [:]) {
        output.append(indentation)
        appendID(source)
        output.append(isDirected ? " -> " : " -- ")
        appendID(target)
        attributes.writeList(to: &output)
        output.append(";\n")
    }

    /// Appends one statement at the current depth: the indentation, what `body` writes (an id or
    /// an edge, written and escaped by the caller, and its list) and `;`.
    mutating func statement(_ body: (inout ByteWriter) -> Void) {
        output.append(indentation)
        body(&output)
        output.append(";\n")
    }

    /// Calls `body(index, &writer)` for every index in `0 ..< count`, in chunks of indices on the
    /// library's threads (``ByteWriter/appendRows(_:_:)``), each chunk with a writer of its own
    /// at this writer's depth: the text is the same as calling `body` on this writer for every
    /// index in order, on any number of threads. `body` runs concurrently with itself, so it may
    /// only read what it captures and only declare nodes and edges.
    mutating func statements(_ count: Int, _ body: (Int, inout DOTWriter) -> Void) {
        var template = self
        template.output = ByteWriter()
        output.appendRows(count) { indices, piece in
            var writer = template
            swap(&writer.output, &piece)
            for index in indices { body(index, &writer) }
            swap(&writer.output, &piece)
        }
    }

    /// Opens `subgraph cluster_<name>`, which `dot` and `fdp` draw as a box (`sfdp`, `neato`,
    /// `circo` and `twopi` ignore clusters). Close it with ``endSubgraph()``.
    public mutating func beginCluster(_ name: String, attributes: DOTAttributes = [:]) {
        beginSubgraph("cluster_" + name, attributes: attributes)
    }

    /// Opens a subgraph (`nil` name: anonymous). Close it with ``endSubgraph()``.
    public mutating func beginSubgraph(_ name: String? = nil, attributes: DOTAttributes = [:]) {
        output.append(indentation)
        output.append("subgraph ")
        if let name {
            appendID(name)
            output.append(" ")
        }
        output.append("{\n")
        depth += 1
        indentation = String(repeating: "  ", count: depth)
        graphAttributes(attributes)
    }

    /// Closes the innermost open subgraph; does nothing at the top level.
    public mutating func endSubgraph() {
        guard depth > 1 else { return }
        depth -= 1
        indentation = String(repeating: "  ", count: depth)
        output.append(indentation)
        output.append("}\n")
    }

    /// The finished DOT text, with every open subgraph and the graph closed. Consumes the writer,
    /// so the text is handed over without a copy.
    public consuming func finish() -> String {
        finishWriting().text
    }

    /// Closes every open subgraph and the graph and hands back the writer.
    consuming func finishWriting() -> ByteWriter {
        while depth > 1 { endSubgraph() }
        output.append("}\n")
        return output
    }

    private mutating func appendID(_ id: String) {
        exactIDs ? DOTEscaping.appendID(id, to: &output) : DOTEscaping.appendDisplayID(id, to: &output)
    }

    private mutating func defaults(_ keyword: String, _ attributes: DOTAttributes) {
        guard !attributes.isEmpty else { return }
        output.append(indentation)
        output.append(keyword)
        attributes.writeList(to: &output)
        output.append(";\n")
    }
}
