import CGraphviz
import Foundation

/// The one gate to the Graphviz C library.
///
/// cgraph(3) says "The library is not thread safe"; concurrent renders crashed here even with a
/// separate context each (docs/graphviz.md). Every call into Graphviz therefore runs
/// inside one process-wide lock, and no C pointer leaves it.
public enum GraphvizLibrary {
    private static let lock = NSLock()

    /// The one Graphviz context of the process. `@unchecked Sendable`: read and written only
    /// while ``lock`` is held, and the pointer is never handed out of this module.
    private final class ContextStorage: @unchecked Sendable {
        var context: OpaquePointer?
    }

    private static let storage = ContextStorage()

    /// Runs `body` while holding the process-wide Graphviz lock.
    ///
    /// Internal: `NSLock` is not recursive, so a body that called back into a locking entry point
    /// (a render, ``parseShape(dot:)``) would deadlock; only this module's callers, which never
    /// nest, take the lock.
    static func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// The version of the linked Graphviz library, such as `2.42.2`.
    public static var version: String {
        withLock {
            guard let context = try? sharedContext(), let text = gvcVersion(context) else { return "unknown" }
            return String(cString: text)
        }
    }

    /// The process's Graphviz context, created on first use, after cgraph is set to number
    /// objects in creation order (so layouts do not depend on heap addresses; see `shim.h`).
    /// Call only inside ``withLock(_:)``.
    ///
    /// One context for the whole process rather than one per render, because valgrind showed two
    /// faults of Graphviz 2.42 with a context per render (Benchmarks/graphviz.md): `gvContext`
    /// leaks its plugin configuration on every call (3,662 bytes, the size of `config6a`), and
    /// `gvFreeContext` frees the font names that the pango plugin keeps a static pointer to, so the
    /// next render in the process reads freed memory. A context that lives as long as the process
    /// has neither problem; layouts and renders are still freed after every call.
    static func sharedContext() throws -> OpaquePointer {
        if let context = storage.context { return context }
        reachgraph_number_ids_in_creation_order()
        guard let context = gvContext() else { throw GraphvizError(message: "Graphviz could not create a context") }
        storage.context = context
        return context
    }

    /// Parses DOT text with cgraph and returns its node and edge counts; throws with Graphviz's
    /// complaint when the text does not parse.
    public static func parseCounts(dot: String) throws -> (nodes: Int, edges: Int) {
        let shape = try parseShape(dot: dot)
        return (shape.nodeCount, shape.edgeCount)
    }

    /// Parses DOT text with cgraph and returns its size and whether it is acyclic; throws with
    /// Graphviz's complaint when the text does not parse.
    /// - Complexity: O(V + E).
    public static func parseShape(dot: String) throws -> GraphShape {
        try withLock {
            _ = try sharedContext()
            let (graph, report) = GraphvizMessages.capture { dot.withCString { agmemread($0) } }
            guard let graph else {
                throw GraphvizError(message: "Graphviz could not parse the DOT text: \(report.summary)")
            }
            defer { agclose(graph) }
            return shape(of: graph)
        }
    }

    /// The size and acyclicity of a parsed graph, edges read tail → head. Call inside the lock.
    /// - Complexity: O(V + E) with a dictionary from node pointers to indices.
    static func shape(of graph: UnsafeMutablePointer<Agraph_t>) -> GraphShape {
        var index: [UnsafeMutablePointer<Agnode_t>: Int] = [:]
        var node = agfstnode(graph)
        while let current = node {
            index[current] = index.count
            node = agnxtnode(graph, current)
        }
        var edges: [(Int, Int)] = []
        edges.reserveCapacity(Int(agnedges(graph)))
        node = agfstnode(graph)
        while let current = node {
            var edge = agfstout(graph, current)
            while let out = edge {
                // `agtail`/`aghead` are macros Swift cannot import; for an edge from `agfstout` the
                // tail is `current` and `node` is the head (cgraph.h's AGHEAD for out-edges).
                if let tail = index[current], let headNode = out.pointee.node, let head = index[headNode] {
                    edges.append((tail, head))
                }
                edge = agnxtout(graph, out)
            }
            node = agnxtnode(graph, current)
        }
        return GraphShape(nodeCount: index.count, edges: edges)
    }
}

/// An error reported by Graphviz.
public struct GraphvizError: Error, CustomStringConvertible, Sendable {
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
