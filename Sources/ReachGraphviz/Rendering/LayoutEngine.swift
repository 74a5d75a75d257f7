/// A Graphviz layout engine, with the size of graph it is allowed to lay out in-process.
///
/// Budgets come from timings on this project's machines (Graphviz 2.42, one core, SVG; random
/// graphs with the stated edges per node; shared/notes/graphviz.md and
/// Benchmarks/graphviz-engines.txt). They keep a layout to about ten seconds and well away
/// from memory exhaustion, after which Graphviz does not fail but dies (a large `dot` layout grew
/// to 7.9 GB and crashed with signal 11):
///
/// | engine | measured | budget (nodes / edges) |
/// |---|---|---|
/// | `dot` | see ``EngineGuard``: trees and layered diagrams only | 3,000 / 4,500 |
/// | `neato` | 1,000 / 3,000: 2.3 s; 3,000 / 9,000: 27.5 s | 1,500 / 6,000 |
/// | `fdp` | 300 / 900: FDP300 s; 1,000 / 3,000: 95 s | FDPBUDGET |
/// | `sfdp` | 5,000 / 15,000: 1.1 s; 50,000 / 150,000: SFDP50K | SFDPBUDGET |
/// | `circo` | CIRCO | CIRCOBUDGET |
/// | `twopi` | TWOPI | TWOPIBUDGET |
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
        case .dot: return (3_000, 4_500)
        case .neato: return (1_500, 6_000)
        case .fdp: return (400, 1_600)
        case .sfdp: return (100_000, 400_000)
        case .circo: return (2_000, 8_000)
        case .twopi: return (20_000, 80_000)
        }
    }
}
