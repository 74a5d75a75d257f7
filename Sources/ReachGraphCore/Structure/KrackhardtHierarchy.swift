extension DirectedGraph {
    /// Krackhardt's hierarchy: among unordered pairs in which at least one node reaches the other,
    /// the share in which the reach goes one way only, `1 − M / (M + A)` with `M` mutually and `A`
    /// one-way reachable pairs.
    ///
    /// 1 for an out-tree and any acyclic graph; 0 when every reachable pair lies on a cycle.
    /// Krackhardt (1994); same value as sna's `hierarchy(measure = "krackhardt")` (one minus the
    /// dyadic non-null reciprocity of the reachability matrix).
    /// - Returns: `nil` when no node reaches another (sna gives NaN).
    /// - Complexity: O(V (V + E)) for reachability, then O(V²).
    public var krackhardtHierarchy: Double? {
        krackhardtHierarchy(ReachabilityMatrix(self))
    }

    /// Krackhardt's hierarchy from a reachability matrix already computed for this graph.
    public func krackhardtHierarchy(_ reach: ReachabilityMatrix) -> Double? {
        var mutual = 0, oneWay = 0
        for i in 0 ..< nodeCount {
            for j in i + 1 ..< nodeCount {
                let forward = reach.reaches(i, j), backward = reach.reaches(j, i)
                if forward && backward { mutual += 1 } else if forward || backward { oneWay += 1 }
            }
        }
        guard mutual + oneWay > 0 else { return nil }
        return 1 - Double(mutual) / Double(mutual + oneWay)
    }
}
