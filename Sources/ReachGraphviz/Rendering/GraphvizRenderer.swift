import CGraphviz
import Foundation
import ReachGraph

/// Lays out and renders DOT text in-process with libgvc: engines `dot`, `neato`, `fdp`, `sfdp`,
/// `circo`, `twopi`; SVG, PNG and PDF, to memory or atomically to a file.
///
/// Every call runs inside ``GraphvizLibrary/withLock(_:)`` (Graphviz is not thread-safe), on the
/// process's one context (``GraphvizLibrary/sharedContext()`` says why) with a graph and layout
/// that are freed before the lock is released; only `Data` and Swift strings leave it. Safe to call
/// from any thread; calls are serialised.
///
/// Before the layout, ``EngineGuard`` checks the parsed graph against the engine's budget (a
/// `dot` layout of a 200-node cyclic graph takes minutes, and Graphviz dies on running out of
/// memory rather than failing), so a call either renders, or throws a ``GraphvizError`` with the
/// reason and Graphviz's own message — it does not hang on a known-bad case or crash.
public enum GraphvizRenderer {
    /// How a render goes.
    public struct Options: Sendable {
        /// The engine; `nil` uses the graph's `layout` attribute, or `dot` when it has none.
        public var engine: LayoutEngine?
        /// What to do when the engine is over its budget for the graph.
        public var policy: EnginePolicy
        /// Whether a Graphviz warning (an unknown attribute value, shape or colour) fails the
        /// render. On by default: figures from this library render without warnings, so a warning
        /// means a mistake worth stopping for. Graphviz gives some warnings only once per process
        /// (an unknown shape is remembered after its first use), so this catches a mistake the
        /// first time it is rendered, not every time.
        public var warningsAreErrors: Bool

        public init(engine: LayoutEngine? = nil, policy: EnginePolicy = .refuse, warningsAreErrors: Bool = true) {
            self.engine = engine
            self.policy = policy
            self.warningsAreErrors = warningsAreErrors
        }
    }

    /// A finished render.
    public struct Rendering: Sendable {
        /// The file's bytes.
        public var data: Data
        /// The engine that made the layout (differs from the request after a fallback).
        public var engine: LayoutEngine
        /// Why the engine differs from the one asked for, when it does.
        public var notice: String?
        /// Warnings Graphviz gave (empty unless ``Options/warningsAreErrors`` is off).
        public var warnings: [String]
        /// The size of the graph drawn.
        public var shape: GraphShape
    }

    /// Renders `dot` to `format` in memory.
    /// - Complexity: that of the engine's layout (see ``LayoutEngine``), after an O(V + E) parse
    ///   and shape check.
    public static func render(dot: String, format: RenderFormat, options: Options = Options()) throws -> Rendering {
        try GraphvizLibrary.withLock {
            let (result, report) = try GraphvizMessages.capture { () throws -> Rendering in
                try renderLocked(dot: dot, format: format, options: options)
            }
            if options.warningsAreErrors, !report.warnings.isEmpty {
                throw GraphvizError(message: "Graphviz warned: \(report.warnings.joined(separator: "; "))")
            }
            var rendering = result
            rendering.warnings = report.warnings
            return rendering
        }
    }

    /// Renders `dot` and writes it to `path` atomically (a temporary file renamed into place).
    @discardableResult
    public static func render(dot: String, format: RenderFormat, to path: String, options: Options = Options()) throws -> Rendering {
        let rendering = try render(dot: dot, format: format, options: options)
        do {
            try AtomicFile.write(rendering.data, to: path)
        } catch let error as InputError {
            throw GraphvizError(message: error.description)
        }
        return rendering
    }

    /// The body of ``render(dot:format:options:)``; the caller holds the lock and captures messages.
    private static func renderLocked(dot: String, format: RenderFormat, options: Options) throws -> Rendering {
        let context = try GraphvizLibrary.sharedContext()
        guard let graph = dot.withCString({ agmemread($0) }) else {
            throw GraphvizError(message: "Graphviz could not parse the DOT text: \(GraphvizMessages.current.summary)")
        }
        defer { agclose(graph) }

        let requested = try options.engine ?? engineNamed(by: graph)
        let shape = GraphvizLibrary.shape(of: graph)
        let decision = try EngineGuard.decide(requested: requested, shape: shape, policy: options.policy)
        // gvLayout lets a `layout` attribute in the graph override the engine it is given, which
        // would bypass the guard; pin the attribute to the engine the guard allowed.
        setGraphAttribute(graph, "layout", decision.engine.rawValue)
        reachgraph_reseed_layout_randomness()

        let laidOut = decision.engine.rawValue.withCString { gvLayout(context, graph, $0) }
        guard laidOut == 0 else {
            throw GraphvizError(message: "Graphviz could not lay out the graph with \(decision.engine.rawValue): \(GraphvizMessages.current.summary)")
        }
        defer { gvFreeLayout(context, graph) }
        var result: UnsafeMutablePointer<CChar>?
        let (status, length) = format.graphvizName.withCString { name in
            renderData(gvRenderData, context: context, graph: graph, format: name, result: &result)
        }
        defer { if let result { gvFreeRenderData(result) } }
        guard status == 0, let result else {
            throw GraphvizError(message: "Graphviz could not render \(format.rawValue): \(GraphvizMessages.current.summary)")
        }
        let rendered = Data(bytes: result, count: length)
        let data = format == .svg ? SVGClusterOrder.canonical(rendered) : rendered
        return Rendering(data: data, engine: decision.engine, notice: decision.notice, warnings: [], shape: shape)
    }

    /// The engine named by the graph's `layout` attribute, `dot` when unset.
    private static func engineNamed(by graph: UnsafeMutablePointer<Agraph_t>) throws -> LayoutEngine {
        guard let value = "layout".withCString({ agget(graph, UnsafeMutablePointer(mutating: $0)) }), value.pointee != 0 else { return .dot }
        let name = String(cString: value)
        guard let engine = LayoutEngine(rawValue: name) else {
            throw GraphvizError(message: "unknown layout engine \"\(name)\" (expected one of \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return engine
    }

    private static func setGraphAttribute(_ graph: UnsafeMutablePointer<Agraph_t>, _ name: String, _ value: String) {
        name.withCString { name in
            value.withCString { value in
                _ = agattr(graph, Int32(AGRAPH), UnsafeMutablePointer(mutating: name), UnsafeMutablePointer(mutating: value))
            }
        }
    }

    // `gvRenderData`'s length is `unsigned int *` up to Graphviz 2.4x and `size_t *` from 2.50 on.
    // Passing the function itself to one of these two overloads lets the compiler pick whichever
    // matches the installed header, so the code builds against both.

    private static func renderData(
        _ function: (OpaquePointer?, UnsafeMutablePointer<Agraph_t>?, UnsafePointer<CChar>?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, UnsafeMutablePointer<UInt32>?) -> Int32,
        context: OpaquePointer, graph: UnsafeMutablePointer<Agraph_t>, format: UnsafePointer<CChar>, result: inout UnsafeMutablePointer<CChar>?
    ) -> (status: Int32, length: Int) {
        var length: UInt32 = 0
        let status = function(context, graph, format, &result, &length)
        return (status, Int(length))
    }

    private static func renderData(
        _ function: (OpaquePointer?, UnsafeMutablePointer<Agraph_t>?, UnsafePointer<CChar>?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, UnsafeMutablePointer<Int>?) -> Int32,
        context: OpaquePointer, graph: UnsafeMutablePointer<Agraph_t>, format: UnsafePointer<CChar>, result: inout UnsafeMutablePointer<CChar>?
    ) -> (status: Int32, length: Int) {
        var length = 0
        let status = function(context, graph, format, &result, &length)
        return (status, length)
    }
}
