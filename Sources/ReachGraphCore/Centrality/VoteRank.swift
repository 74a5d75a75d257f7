extension DirectedGraph {
    /// VoteRank (Zhang et al. 2016, "Identifying a set of influential spreaders in complex
    /// networks", Sci. Rep. 6, 27823): spreaders elected one by one, the same list as NetworkX's
    /// `voterank` on a `DiGraph`, ties included.
    ///
    /// Definition, as NetworkX runs it on digraphs: every node starts with voting ability 1. In
    /// each round every edge `u → v` gives `u` the current ability of `v` (nodes vote for their
    /// in-neighbours), so `score(u) = Σ_{u→v} ability(v)`, summed in ascending `v`. The
    /// not-yet-elected node with the highest score wins, the lowest index on ties; the election
    /// stops early when that score is 0. The winner's ability drops to 0 and each of its
    /// out-neighbours loses `1 / ⟨k⁺⟩` (the average out-degree `E / n`), floored at 0.
    ///
    /// Orientation: on a graph drawn source → amplifier, amplifiers vote for the sources they
    /// repost, and once a source is elected its amplifiers' votes weaken. Unlike the undirected
    /// original, NetworkX does not let sources vote for their amplifiers. Weights are ignored.
    ///
    /// Edge cases: an empty graph, a graph without edges or `count ≤ 0` give `[]`; isolated and
    /// dangling nodes (no out-edges) are never elected; a self-loop is a node voting for itself.
    ///
    /// Instead of NetworkX's full recount each round, only the scores of in-neighbours of nodes
    /// whose ability changed are summed again, in the same order, so they equal NetworkX's bit for
    /// bit; a tournament tree finds the winner.
    ///
    /// - Parameter count: the most nodes to elect; `nil` elects until no score is positive.
    /// - Returns: the elected nodes in order of election.
    /// - Complexity: O(E + k log V + Σ over changed abilities of the work to re-sum their voters'
    ///   scores), at most O(k · E) for k elected nodes, O(V) memory; NetworkX is Θ(k · (V + E)).
    public func voteRank(count: Int? = nil) -> [Int32] {
        let nodes = nodeCount
        let limit = min(count ?? nodes, nodes)
        guard limit > 0, edgeCount > 0 else { return [] }
        let decrement = 1 / (Double(edgeCount) / Double(nodes))
        var ability = [Double](repeating: 1, count: nodes)
        var elected: [Int32] = []
        elected.reserveCapacity(limit)

        withRows(outgoing) { outOffsets, outNeighbors in
            withRows(incoming) { inOffsets, inNeighbors in
                ability.withUnsafeMutableBufferPointer { ability in
                    func score(of node: Int) -> Double {
                        var total = 0.0
                        for edge in outOffsets[node] ..< outOffsets[node + 1] { total += ability[Int(outNeighbors[edge])] }
                        return total
                    }
                    var tree = MaximumTree(scores: (0 ..< nodes).map(score(of:)))
                    // Voters of nodes whose ability just changed, each re-scored once per round.
                    var stamp = [Int](repeating: -1, count: nodes)
                    var changed: [Int] = []
                    for round in 0 ..< limit {
                        guard let (winner, best) = tree.top, best > 0 else { return }
                        elected.append(winner)
                        tree.withdraw(winner)
                        let node = Int(winner)
                        ability[node] = 0
                        changed.removeAll(keepingCapacity: true)
                        changed.append(node)
                        for edge in outOffsets[node] ..< outOffsets[node + 1] {
                            let neighbor = Int(outNeighbors[edge])
                            ability[neighbor] = max(ability[neighbor] - decrement, 0)
                            if neighbor != node { changed.append(neighbor) }
                        }
                        for target in changed {
                            for edge in inOffsets[target] ..< inOffsets[target + 1] {
                                let voter = Int(inNeighbors[edge])
                                guard stamp[voter] != round else { continue }
                                stamp[voter] = round
                                tree.update(Int32(voter), to: score(of: voter))
                            }
                        }
                    }
                }
            }
        }
        return elected
    }
}
