/// Collective influence (Morone & Makse 2015, "Influence maximization in complex networks through
/// optimal percolation", Nature 524, 65–68).
///
/// Definition: on the undirected simple graph underlying this one (directions, weights,
/// parallel edges and self-loops dropped), with `k` the number of distinct neighbours,
///
///     CI_ℓ(i) = (k_i − 1) · Σ_{j ∈ ∂Ball(i, ℓ)} (k_j − 1)
///
/// where `∂Ball(i, ℓ)` is the set of nodes at hop distance exactly `ℓ` from `i`. Scores are whole
/// numbers stored as `Double`, never negative; leaves and isolated nodes score 0. There is no
/// NetworkX function; the fixtures check a direct Python transcription of this formula.
///
/// Orientation: none. Influence in the optimal-percolation sense spreads both ways along a tie,
/// so the graph is symmetrised (``DirectedGraph/symmetrized()``) first.
extension DirectedGraph {
    /// The static collective influence `CI_ℓ` of every node.
    ///
    /// - Parameter radius: the ball radius `ℓ ≥ 1`; the paper uses 2 to 4 on large networks.
    /// - Throws: ``CentralityError/invalidOption(_:)`` when `radius < 1`.
    /// - Complexity: O(Σ_i |Ball(i, ℓ)| + edges inside it), between O(V + E) and O(V · E);
    ///   O(V + E) memory.
    public func collectiveInfluence(radius: Int = 2) throws -> [Double] {
        guard radius >= 1 else { throw CentralityError.invalidOption("radius must be at least 1") }
        var balls = BallSearch(graph: self)
        return (0 ..< Int32(nodeCount)).map { balls.influence(of: $0, radius: radius) }
    }

    /// The adaptive collective-influence removal order of Morone & Makse: repeatedly remove the
    /// node with the highest `CI_ℓ` in the remaining graph (lowest index on ties), then update the
    /// scores it changed.
    ///
    /// Removing a node changes its neighbours' degrees and the balls around it, so only nodes
    /// within `ℓ + 1` hops of it are re-scored. The order stops when the highest remaining score
    /// is 0 (what is left is made of stars and isolated edges, which CI cannot tell apart) or
    /// after `count` nodes. The paper's final reinsertion step is not applied.
    ///
    /// - Parameters:
    ///   - radius: the ball radius `ℓ ≥ 1`.
    ///   - count: the most nodes to return; `nil` continues while some score is positive.
    /// - Returns: the removed nodes, most influential first.
    /// - Throws: ``CentralityError/invalidOption(_:)`` when `radius < 1`.
    /// - Complexity: the static cost once, then per removal a search of depth `ℓ + 1` and a
    ///   ball search per node it reaches, plus O(log V) per changed score; O(V + E) memory.
    public func collectiveInfluenceOrder(radius: Int = 2, count: Int? = nil) throws -> [Int32] {
        guard radius >= 1 else { throw CentralityError.invalidOption("radius must be at least 1") }
        let limit = min(count ?? nodeCount, nodeCount)
        var balls = BallSearch(graph: self)
        var tree = MaximumTree(scores: (0 ..< Int32(nodeCount)).map { balls.influence(of: $0, radius: radius) })
        var order: [Int32] = []
        while order.count < limit, let (node, score) = tree.top, score > 0 {
            order.append(node)
            tree.withdraw(node)
            let affected = balls.ball(around: node, radius: radius + 1)
            balls.remove(node)
            for other in affected where other != node {
                tree.update(other, to: balls.influence(of: other, radius: radius))
            }
        }
        return order
    }
}

/// Breadth-first balls on the undirected simple graph, with nodes that can be removed.
private struct BallSearch {
    private let offsets: [Int]
    private let neighbors: [Int32]
    /// Distinct neighbours still present, self excluded.
    private var degree: [Int]
    private var removed: [Bool]
    /// `seen[v] == visit` marks `v` as reached in the current search, so nothing is reset between
    /// searches.
    private var seen: [Int]
    private var visit = 0
    /// The nodes reached by the last search in breadth-first order, layer by layer.
    private var reached: [Int32] = []
    /// `reached[layerStarts[d] ..< layerStarts[d + 1]]` are the nodes at distance `d`.
    private var layerStarts: [Int] = []

    init(graph: DirectedGraph) {
        let undirected = graph.symmetrized().outgoing
        offsets = undirected.offsets
        neighbors = undirected.neighbors
        degree = (0 ..< graph.nodeCount).map { node in
            let row = undirected.neighbors(of: Int32(node))
            return row.count - (row.contains(Int32(node)) ? 1 : 0)
        }
        removed = [Bool](repeating: false, count: graph.nodeCount)
        seen = [Int](repeating: -1, count: graph.nodeCount)
    }

    /// `CI_ℓ(node)` in the graph of nodes not removed.
    mutating func influence(of node: Int32, radius: Int) -> Double {
        let ownDegree = degree[Int(node)]
        guard ownDegree > 1 else { return 0 }
        search(from: node, radius: radius)
        guard layerStarts.count > radius + 1 else { return 0 }
        var boundary = 0
        for member in reached[layerStarts[radius] ..< layerStarts[radius + 1]] { boundary += degree[Int(member)] - 1 }
        return Double(ownDegree - 1) * Double(boundary)
    }

    /// Every present node within `radius` hops of `node`, `node` included.
    mutating func ball(around node: Int32, radius: Int) -> [Int32] {
        search(from: node, radius: radius)
        return reached
    }

    mutating func remove(_ node: Int32) {
        removed[Int(node)] = true
        for edge in offsets[Int(node)] ..< offsets[Int(node) + 1] {
            let neighbor = Int(neighbors[edge])
            if neighbor != Int(node) && !removed[neighbor] { degree[neighbor] -= 1 }
        }
    }

    /// Breadth-first search over present nodes to depth `radius`, filling `reached` and
    /// `layerStarts` (which ends early when the ball stops growing).
    private mutating func search(from start: Int32, radius: Int) {
        visit += 1
        let mark = visit
        reached.removeAll(keepingCapacity: true)
        layerStarts.removeAll(keepingCapacity: true)
        reached.append(start)
        layerStarts.append(0)
        seen[Int(start)] = mark
        offsets.withUnsafeBufferPointer { offsets in
            neighbors.withUnsafeBufferPointer { neighbors in
                removed.withUnsafeBufferPointer { removed in
                    seen.withUnsafeMutableBufferPointer { seen in
                        var layerStart = 0
                        while layerStarts.count <= radius && layerStart < reached.count {
                            let layerEnd = reached.count
                            layerStarts.append(layerEnd)
                            for index in layerStart ..< layerEnd {
                                let node = Int(reached[index])
                                for edge in offsets[node] ..< offsets[node + 1] {
                                    let neighbor = neighbors[edge]
                                    if seen[Int(neighbor)] != mark && !removed[Int(neighbor)] {
                                        seen[Int(neighbor)] = mark
                                        reached.append(neighbor)
                                    }
                                }
                            }
                            layerStart = layerEnd
                        }
                        layerStarts.append(reached.count)
                    }
                }
            }
        }
    }
}
