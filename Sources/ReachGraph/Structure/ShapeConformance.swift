import ReachGraphCore

/// A tie of a structure as a figure draws it: declared, observed, or both.
public struct StructureTie: Sendable, Equatable {
    public var source: Int32
    public var target: Int32
    /// Whether the roster declares it (`parent → member`).
    public var isDeclared: Bool
    /// Observed repost weight `source → target` (0 when declared but never observed).
    public var observedWeight: Double
}

/// How closely the observed flow among a structure's members follows the shape of a hierarchy.
///
/// Measured on the flow graph induced by the members (an edge `a → b` when `b` reposted `a`):
/// Krackhardt's connectedness, hierarchy, efficiency and least upper boundedness (all exactly 1
/// for an out-tree, the declared shape), Freeman out-degree centralization and undirected
/// betweenness centralization (igraph's maxima; 1 for a star), reciprocity, and the
/// Borgatti–Everett core–periphery fit with whether the hub falls in the core.
public struct ShapeConformance: Sendable {
    public let nodes: Int
    public let edges: Int
    public let connectedness: Double?
    public let hierarchy: Double?
    public let efficiency: Double?
    public let leastUpperBoundedness: Double?
    public let degreeCentralization: Double?
    public let betweennessCentralization: Double?
    public let reciprocity: Double?
    public let corePeriphery: CorePeripheryFit?
    /// Whether the hub is in the best-fitting core.
    public let hubInCore: Bool?
    /// Declared ties with their observed weights, then observed ties among members that are not
    /// declared: what a 1+N figure draws.
    public let ties: [StructureTie]

    /// - Parameter flow: the dataset's repost graph (node = account index).
    /// - Complexity: that of the measures on the induced graph (Krackhardt's LUB is the largest,
    ///   about O(n² · n / 64) for n members).
    init(structure: DeclaredStructure, flow: DirectedGraph) {
        let induced = flow.inducedSubgraph(on: structure.members)
        let graph = induced.graph
        nodes = graph.nodeCount
        edges = graph.edgeCount
        connectedness = graph.krackhardtConnectedness
        hierarchy = graph.krackhardtHierarchy
        efficiency = graph.krackhardtEfficiency
        leastUpperBoundedness = graph.krackhardtLeastUpperBoundedness
        degreeCentralization = graph.degreeCentralization(direction: .outgoing)
        betweennessCentralization = graph.betweennessCentralization(directed: false)
        reciprocity = graph.reciprocity
        let fit = graph.corePeriphery()
        corePeriphery = fit
        hubInCore = fit.flatMap { fit in induced.originalNodes.firstIndex(of: structure.hub).map { fit.core[$0] } }

        var ties: [StructureTie] = []
        var declared = Set<UInt64>()
        for (source, target) in structure.declaredTies {
            declared.insert(UInt64(UInt32(source)) << 32 | UInt64(UInt32(target)))
            ties.append(StructureTie(source: source, target: target, isDeclared: true, observedWeight: flow.weight(from: source, to: target) ?? 0))
        }
        for (source, target, weight) in graph.edges {
            let a = induced.originalNodes[Int(source)], b = induced.originalNodes[Int(target)]
            if a != b && !declared.contains(UInt64(UInt32(a)) << 32 | UInt64(UInt32(b))) {
                ties.append(StructureTie(source: a, target: b, isDeclared: false, observedWeight: weight))
            }
        }
        self.ties = ties
    }
}
