import Foundation

/// A figure ready to render: DOT text styled for one engine, and the caption that goes with it.
public struct Figure: Sendable {
    /// The DOT text; legend and caption are part of it (the graph label).
    public let dot: String
    /// The caption as plain lines (title first), for a briefing page or alt text.
    public let caption: [String]
    /// The engine the DOT is styled for (clusters or colours per province depend on it).
    public let engine: LayoutEngine
    /// Why ``engine`` is not the one asked for, when the guard changed it.
    public let notice: String?
    /// The size of the drawn graph.
    public let shape: GraphShape
    /// The ids of the drawn accounts, ascending by dataset order.
    public let accountIDs: [String]
    /// What was cut to keep the figure inside its budget ("showing 150 of 4,012 accounts: …"),
    /// `nil` when everything is drawn; the caption says it too.
    public var trimmed: String? = nil

    /// Why the figure cannot be laid out in seconds (its engine is over budget for its shape),
    /// or `nil`: checked before any Graphviz call, so a caller can skip the figure instead.
    public var layoutProblem: String? { EngineGuard.problem(with: engine, shape: shape) }

    /// Renders the figure with its engine.
    /// - Throws: ``GraphvizError`` at once, from ``shape`` (the DOT text is not parsed), when the
    ///   engine is over budget for it.
    public func render(as format: RenderFormat) throws -> GraphvizRenderer.Rendering {
        _ = try EngineGuard.decide(requested: engine, shape: shape, policy: .refuse)
        return try GraphvizRenderer.render(dot: dot, format: format, options: GraphvizRenderer.Options(engine: engine))
    }

    /// Renders the figure with its engine and writes it to `path` atomically.
    @discardableResult
    public func render(as format: RenderFormat, to path: String) throws -> GraphvizRenderer.Rendering {
        _ = try EngineGuard.decide(requested: engine, shape: shape, policy: .refuse)
        return try GraphvizRenderer.render(dot: dot, format: format, to: path, options: GraphvizRenderer.Options(engine: engine))
    }
}
