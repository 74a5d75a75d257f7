import ReachGraph

/// What to do when a layout engine is over its budget for a graph.
public enum EnginePolicy: Sendable {
    /// Throw a ``GraphvizError`` that says why and what to use instead.
    case refuse
    /// Lay out with `sfdp` instead and say so in ``EngineGuard/Decision/notice``.
    case fallBackToSFDP
}

/// Decides, before any Graphviz call, whether an engine may lay out a graph of a given shape.
///
/// `dot` ranks nodes into layers and then minimises edge crossings layer by layer; on a graph that
/// is not a tree or a sparse DAG the crossing minimisation explodes. Measured (random graphs,
/// Graphviz 2.42; in-process in docs/graphviz.md, the `dot` tool in Benchmarks/graphviz.md;
/// the shared machine was busy, so some times vary by a factor of three between runs):
///
/// | graph | `dot` layout |
/// |---|---|
/// | 100 nodes / 300 edges, with cycles | 0.8–1.0 s |
/// | 150 / 450, with cycles | 14.5 s |
/// | 200 / 600, with cycles | 151 s |
/// | DAG 300 / 900 | 0.3 s |
/// | DAG 500 / 1,500 | 2.1 s |
/// | DAG 1,000 / 1,500 | 0.5 s |
/// | DAG 1,000 / 3,000 | 7.9 s |
/// | DAG 2,000 / 3,000 | 4.3 s |
/// | DAG 3,000 / 4,500 | 41 s |
/// | tree 2,000 | 3.0 s |
/// | tree 3,000 | 0.8–3.2 s |
/// | tree 5,000 | 19 s |
///
/// Hence `dot` is allowed for
/// - any graph up to 100 nodes and 300 edges;
/// - an acyclic graph up to 300 nodes and 900 edges;
/// - a sparse acyclic graph (at most 1.5 edges per node, as trees, cascades and 1+N
///   diagrams are) up to 2,000 nodes (``LayoutEngine/budget``).
///
/// Every engine also has a node and edge budget (``LayoutEngine/budget``), because Graphviz
/// does not survive running out of memory.
public enum EngineGuard {
    /// The engine to use, and why it differs from the request when it does.
    public struct Decision: Sendable, Equatable {
        public var engine: LayoutEngine
        public var notice: String?
    }

    /// The engine to use for a graph of `shape` when `requested` was asked for.
    /// - Throws: ``GraphvizError`` when the request is over budget and `policy` is ``EnginePolicy/refuse``,
    ///   or when even `sfdp` is over its budget.
    public static func decide(requested: LayoutEngine, shape: GraphShape, policy: EnginePolicy) throws -> Decision {
        guard let reason = problem(with: requested, shape: shape) else { return Decision(engine: requested, notice: nil) }
        let sfdpFits = problem(with: .sfdp, shape: shape) == nil
        if requested == .sfdp || policy == .refuse || !sfdpFits {
            let alternative = requested != .sfdp && sfdpFits ? "use sfdp, or " : ""
            throw GraphvizError(message: "\(requested.rawValue) was not run: \(reason); \(alternative)draw fewer nodes (--top or --max-nodes)")
        }
        return Decision(engine: .sfdp, notice: "\(requested.rawValue) was not run (\(reason)); laid out with sfdp instead")
    }

    /// Why `engine` must not lay out a graph of `shape`, or `nil` when it may.
    public static func problem(with engine: LayoutEngine, shape: GraphShape) -> String? {
        let size = "\(groupedDigits(shape.nodeCount)) nodes and \(groupedDigits(shape.edgeCount)) edges"
        if engine == .dot, !dotAllows(shape) {
            let kind = shape.isAcyclic ? "an acyclic graph with more than 1.5 edges per node" : "a graph with cycles"
            return "dot is for trees and layered diagrams and would take minutes on \(kind) of \(size) (measured: 150 nodes with cycles 15 s, 200 nodes 151 s)"
        }
        let budget = engine.budget
        if shape.nodeCount > budget.nodes || shape.edgeCount > budget.edges {
            return "\(size) is over \(engine.rawValue)'s budget of \(groupedDigits(budget.nodes)) nodes and \(groupedDigits(budget.edges)) edges (Graphviz crashes rather than fails when memory runs out)"
        }
        return nil
    }

    private static func dotAllows(_ shape: GraphShape) -> Bool {
        if shape.nodeCount <= 100 && shape.edgeCount <= 300 { return true }
        guard shape.isAcyclic else { return false }
        if shape.nodeCount <= 300 && shape.edgeCount <= 900 { return true }
        return Double(shape.edgeCount) <= 1.5 * Double(shape.nodeCount)
    }
}
