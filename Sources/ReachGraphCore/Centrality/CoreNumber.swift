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
        var degree = [Int](repeating: 0, count: count)
        for node in 0 ..< Int32(count) {
            let loop = hasEdge(from: node, to: node) ? 1 : 0
            switch direction {
            case .outgoing: degree[Int(node)] = outDegree(of: node) - loop
            case .incoming: degree[Int(node)] = inDegree(of: node) - loop
            case .both: degree[Int(node)] = self.degree(of: node) - 2 * loop
            }
        }
        let maximumDegree = degree.max() ?? 0

        // bucketStart[d] is where nodes of current degree d begin in `order`.
        var bucketStart = [Int](repeating: 0, count: maximumDegree + 2)
        for value in degree { bucketStart[value + 1] += 1 }
        for value in 0 ... maximumDegree { bucketStart[value + 1] += bucketStart[value] }
        var order = [Int32](repeating: 0, count: count)
        var position = [Int](repeating: 0, count: count)
        var cursor = bucketStart
        for node in 0 ..< count {
            position[node] = cursor[degree[node]]
            order[position[node]] = Int32(node)
            cursor[degree[node]] += 1
        }

        // Peeling a node lowers the degree of the nodes whose count included it: its
        // out-neighbours for in-degree, its in-neighbours for out-degree, both for total degree.
        let lowered: [Adjacency] = switch direction {
        case .outgoing: [incoming]
        case .incoming: [outgoing]
        case .both: [incoming, outgoing]
        }
        degree.withUnsafeMutableBufferPointer { degree in
            order.withUnsafeMutableBufferPointer { order in
                position.withUnsafeMutableBufferPointer { position in
                    bucketStart.withUnsafeMutableBufferPointer { bucketStart in
                        for index in 0 ..< count {
                            let node = Int(order[index])
                            for adjacency in lowered {
                                adjacency.offsets.withUnsafeBufferPointer { offsets in
                                    adjacency.neighbors.withUnsafeBufferPointer { neighbors in
                                        for edge in offsets[node] ..< offsets[node + 1] {
                                            let neighbor = Int(neighbors[edge])
                                            let neighborDegree = degree[neighbor]
                                            guard neighbor != node, neighborDegree > degree[node] else { continue }
                                            // Swap the neighbour with the first node of its bucket,
                                            // then shrink the bucket past it.
                                            let first = bucketStart[neighborDegree]
                                            let firstNode = Int(order[first])
                                            if firstNode != neighbor {
                                                let neighborPosition = position[neighbor]
                                                order[first] = Int32(neighbor)
                                                order[neighborPosition] = Int32(firstNode)
                                                position[neighbor] = first
                                                position[firstNode] = neighborPosition
                                            }
                                            bucketStart[neighborDegree] += 1
                                            degree[neighbor] = neighborDegree - 1
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return degree
    }
}
