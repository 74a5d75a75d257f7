/// A Graphviz layout engine, with the size of graph it is allowed to lay out in-process.
///
/// Budgets come from timings on this project's machines (Graphviz 2.42, the command-line tools
/// to SVG on random graphs with about three edges per node, two shared and busy cores, so
/// on the slow side; docs/graphviz.md and Benchmarks/graphviz.md). They keep a layout to
/// about ten seconds and far from memory exhaustion, after which Graphviz does not fail but dies
/// (a large `dot` layout grew to 7.9 GB and crashed with signal 11):
///
/// | engine | measured | budget (nodes / edges) |
/// |---|---|---|
/// | `dot` | see ``EngineGuard``: trees and layered diagrams only | 2,000 / 3,000 |
/// | `neato` | 1,000 / 3,000: 2.3 s; 1,500 / 4,500: 9.7 s; 3,000 / 9,000: 27.5 s | 1,500 / 4,500 |
/// | `fdp` | 100 / 300: 1.2 s; 200 / 600: 5.3 s; 300 / 900: 11.3 s; 1,000 / 3,000: 95 s | 200 / 600 |
/// | `sfdp` | 5,000 / 15,000: 1.1 s; 10,000 / 30,000: 5.8 s; 20,000 / 60,000: 23.6 s; 50,000 / 150,000: over 120 s | 20,000 / 60,000 |
/// | `circo` | 100 / 200: 1.0 s; 100 / 300: 10.8 s; 300 / 900: over 120 s | 100 / 200 |
/// | `twopi` | 2,000 / 6,000: 1.3 s; 3,000 / 9,000: 4.0 s; 5,000 / 15,000: 35 s | 3,000 / 9,000 |
///
/// Only `dot` and `fdp` draw `subgraph cluster_*` boxes; the others ignore them.
public enum LayoutEngine: String, Sendable, CaseIterable {
    /// Layered (hierarchical) drawing: trees, cascades, 1+N diagrams.
    case dot
    /// Stress majorization: small general networks.
    case neato
    /// Force-directed with clusters: small networks grouped by province.
    case fdp
    /// Multiscale force-directed: large networks.
    case sfdp
    /// Circular layout.
    case circo
    /// Radial layout around a centre node.
    case twopi

    /// Whether the engine draws `subgraph cluster_*` as boxes.
    public var drawsClusters: Bool { self == .dot || self == .fdp }

    /// The largest graph the engine may lay out in-process.
    public var budget: (nodes: Int, edges: Int) {
        switch self {
        case .dot: return (2_000, 3_000)
        case .neato: return (1_500, 4_500)
        case .fdp: return (200, 600)
        case .sfdp: return (20_000, 60_000)
        case .circo: return (100, 200)
        case .twopi: return (3_000, 9_000)
        }
    }
}
