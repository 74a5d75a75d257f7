extension DirectedGraph {
    /// The core number of every node: the largest `k` such that the node belongs to the k-core,
    /// the largest subgraph in which every node has degree at least `k` (Seidman 1983).
    ///
    /// Degree is counted in `direction`, inside the subgraph:
    /// - `.both` (default): in-degree plus out-degree, NetworkX's `core_number` on a `DiGraph`;
    ///   a reciprocated pair counts twice, once per edge.
    /// - `.incoming`: the in-core, where every member is reached by at least `k` members (has
    ///   reposted at least `k` of them, with edges drawn source → amplifier).
    /// - `.outgoing`: the out-core, where every member reaches at least `k` members (is reposted
    ///   by at least `k` of them).
    ///
    /// Weights are ignored: a core counts distinct neighbours.
    ///
    /// Self-loops are ignored, so the result equals NetworkX's `core_number` on the graph after
    /// `G.remove_edges_from(nx.selfloop_edges(G))`. NetworkX instead raises for a graph with
    /// self-loops; a self-repost says nothing about how embedded an account is, so dropping it is
    /// the useful reading.
    ///
    /// Isolated nodes have core number 0; an empty graph gives `[]`.
    ///
    /// Batagelj & Zaversnik (2003), "An O(m) algorithm for cores decomposition of networks":
    /// nodes sit in an array bucketed by current degree and are peeled in increasing order; each
    /// peel lowers the degree of the neighbours it counted for by moving them one bucket down.
    /// - Complexity: O(V + E) time, O(V) extra memory.
    public func coreNumbers(_ direction: EdgeDirection = .both) -> [Int] {
        let count = nodeCount
        // Int32 state (node ids and degrees fit, as in the CSR arrays): half the memory the
        // peeling loop walks through, which is what it spends its time on.
        var degree = [Int32](repeating: 0, count: count)
        for node in 0 ..< Int32(count) {
            let loop = hasEdge(from: node, to: node) ? 1 : 0
            switch direction {
            case .outgoing: degree[Int(node)] = Int32(outDegree(of: node) - loop)
            case .incoming: degree[Int(node)] = Int32(inDegree(of: node) - loop)
            case .both: degree[Int(node)] = Int32(self.degree(of: node) - 2 * loop)
            }
        }
        let maximumDegree = Int(degree.max() ?? 0)

        // bucketStart[d] is where nodes of current degree d begin in `order`.
        var bucketStart = [Int32](repeating: 0, count: maximumDegree + 2)
        for value in degree { bucketStart[Int(value) + 1] += 1 }
        for value in 0 ... maximumDegree { bucketStart[value + 1] += bucketStart[value] }
        var order = [Int32](repeating: 0, count: count)
        var position = [Int32](repeating: 0, count: count)
        var cursor = bucketStart
        for node in 0 ..< count {
            let bucket = Int(degree[node])
            position[node] = cursor[bucket]
            order[Int(cursor[bucket])] = Int32(node)
            cursor[bucket] += 1
        }

        // Peeling a node lowers the degree of the nodes whose count included it: its
        // out-neighbours for in-degree, its in-neighbours for out-degree, both for total degree.
        let lowersOutNeighbors = direction != .outgoing
        let lowersInNeighbors = direction != .incoming
        withRows(outgoing) { outOffsets, outNeighbors in
            withRows(incoming) { inOffsets, inNeighbors in
                degree.withUnsafeMutableBufferPointer { degree in
                    order.withUnsafeMutableBufferPointer { order in
                        position.withUnsafeMutableBufferPointer { position in
                            bucketStart.withUnsafeMutableBufferPointer { bucketStart in
                                // A neighbour is lowered only when its degree is above the peeled
                                // node's, which also skips a self-loop (equal degrees).
                                func lower(_ neighbor: Int, above nodeDegree: Int32) {
                                    let neighborDegree = degree[neighbor]
                                    guard neighborDegree > nodeDegree else { return }
                                    // Moving the neighbour to the front of its bucket and shrinking
                                    // the bucket past it keeps `order` sorted by degree in O(1).
                                    // Wrapping arithmetic: bucket starts stay below the node
                                    // count and the degree is above another node's, so above 0.
                                    let first = Int(bucketStart[Int(neighborDegree)])
                                    let firstNode = Int(order[first])
                                    if firstNode != neighbor {
                                        let neighborPosition = position[neighbor]
                                        order[first] = Int32(truncatingIfNeeded: neighbor)
                                        order[Int(neighborPosition)] = Int32(truncatingIfNeeded: firstNode)
                                        position[neighbor] = Int32(truncatingIfNeeded: first)
                                        position[firstNode] = neighborPosition
                                    }
                                    bucketStart[Int(neighborDegree)] &+= 1
                                    degree[neighbor] = neighborDegree &- 1
                                }
                                for index in 0 ..< count {
                                    let node = Int(order[index])
                                    let nodeDegree = degree[node]
                                    if lowersOutNeighbors {
                                        var edge = outOffsets[node]
                                        let end = outOffsets[node + 1]
                                        while edge < end {
                                            lower(Int(outNeighbors[edge]), above: nodeDegree)
                                            edge &+= 1
                                        }
                                    }
                                    if lowersInNeighbors {
                                        var edge = inOffsets[node]
                                        let end = inOffsets[node + 1]
                                        while edge < end {
                                            lower(Int(inNeighbors[edge]), above: nodeDegree)
                                            edge &+= 1
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return degree.map { Int($0) }
    }
}
