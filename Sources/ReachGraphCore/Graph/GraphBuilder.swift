/// Collects edges and compresses them into a ``DirectedGraph``.
///
/// Building sorts edges with two stable counting sorts (by target, then by source), so each row
/// comes out sorted without a comparison sort and parallel edges end up adjacent, where they are
/// merged by summing their weights. Input arrays are released as soon as a pass no longer needs
/// them, which keeps peak memory near the size of the finished graph.
///
/// - Complexity: O(V + E) time; peak memory about three edge arrays.
public final class GraphBuilder {
    private var sources: [Int32] = []
    private var targets: [Int32] = []
    /// Stays `nil` until some edge weighs other than 1.
    private var weights: [Double]?
    /// The number of nodes the graph will have; grows to cover every endpoint seen.
    public private(set) var nodeCount: Int

    /// A builder for a graph with at least `nodeCount` nodes.
    public init(nodeCount: Int = 0, expectedEdgeCount: Int = 0) {
        self.nodeCount = nodeCount
        sources.reserveCapacity(expectedEdgeCount)
        targets.reserveCapacity(expectedEdgeCount)
    }

    /// The number of edges added so far (before merging).
    public var addedEdgeCount: Int { sources.count }

    /// Makes sure the graph has at least `count` nodes (isolated nodes included).
    public func ensureNodeCount(_ count: Int) {
        if count > nodeCount { nodeCount = count }
    }

    /// Adds the edge `source → target`; repeats are merged by summing weights when built.
    public func addEdge(from source: Int32, to target: Int32, weight: Double = 1) {
        precondition(source >= 0 && target >= 0, "node indices are non-negative")
        if weight != 1, weights == nil {
            weights = [Double](repeating: 1, count: sources.count)
            weights?.reserveCapacity(sources.capacity)
        }
        sources.append(source)
        targets.append(target)
        weights?.append(weight)
        let larger = Int(max(source, target)) + 1
        if larger > nodeCount { nodeCount = larger }
    }

    /// Compresses the collected edges. The builder is empty afterwards.
    public func build() -> DirectedGraph {
        let nodes = nodeCount
        let edgeTotal = sources.count

        // Pass 1: group edges by target, keeping input order within a target.
        let byTargetOffsets = Self.prefixOffsets(counting: targets, nodeCount: nodes)
        var groupedSources = [Int32](repeating: 0, count: edgeTotal)
        var groupedWeights: [Double]? = weights.map { _ in [Double](repeating: 0, count: edgeTotal) }
        var cursor = byTargetOffsets
        for edge in 0 ..< edgeTotal {
            let target = Int(targets[edge])
            let position = cursor[target]
            cursor[target] = position + 1
            groupedSources[position] = sources[edge]
            if let weights { groupedWeights![position] = weights[edge] } // safe: allocated above whenever weights exist
        }
        sources = []
        targets = []
        weights = nil

        // Pass 2: stable counting sort by source; walking targets in order leaves rows sorted.
        var outOffsets = Self.prefixOffsets(counting: groupedSources, nodeCount: nodes)
        var outNeighbors = [Int32](repeating: 0, count: edgeTotal)
        var outWeights: [Double]? = groupedWeights.map { _ in [Double](repeating: 0, count: edgeTotal) }
        cursor = outOffsets
        for target in 0 ..< nodes {
            for position in byTargetOffsets[target] ..< byTargetOffsets[target + 1] {
                let source = Int(groupedSources[position])
                let slot = cursor[source]
                cursor[source] = slot + 1
                outNeighbors[slot] = Int32(target)
                if let groupedWeights { outWeights![slot] = groupedWeights[position] } // safe: allocated above
            }
        }
        groupedSources = []
        groupedWeights = nil

        // Merge parallel edges (now adjacent) in place, summing weights.
        var merged = false
        var write = 0
        var selfLoops = 0
        var rowStart = 0
        for node in 0 ..< nodes {
            let rowEnd = outOffsets[node + 1]
            outOffsets[node] = write
            var read = rowStart
            while read < rowEnd {
                let neighbor = outNeighbors[read]
                var total = outWeights?[read] ?? 1
                var next = read + 1
                while next < rowEnd && outNeighbors[next] == neighbor {
                    total += outWeights?[next] ?? 1
                    next += 1
                }
                if next - read > 1 {
                    if outWeights == nil {
                        outWeights = [Double](repeating: 1, count: edgeTotal)
                    }
                    merged = true
                }
                outNeighbors[write] = neighbor
                if outWeights != nil { outWeights![write] = total } // safe: checked on this line
                if neighbor == Int32(node) { selfLoops += 1 }
                write += 1
                read = next
            }
            rowStart = rowEnd
        }
        outOffsets[nodes] = write
        if merged || write < edgeTotal {
            outNeighbors.removeLast(edgeTotal - write)
            outWeights?.removeLast(edgeTotal - write)
        }
        let outgoing = Adjacency(offsets: outOffsets, neighbors: outNeighbors, weights: outWeights)
        return DirectedGraph(
            nodeCount: nodes,
            outgoing: outgoing,
            incoming: Self.transpose(outgoing, nodeCount: nodes),
            selfLoopCount: selfLoops
        )
    }

    /// Row offsets for a counting sort of `keys` into `nodeCount` buckets.
    static func prefixOffsets(counting keys: [Int32], nodeCount: Int) -> [Int] {
        var offsets = [Int](repeating: 0, count: nodeCount + 1)
        keys.withUnsafeBufferPointer { keys in
            for key in keys { offsets[Int(key) + 1] += 1 }
        }
        for node in 0 ..< nodeCount { offsets[node + 1] += offsets[node] }
        return offsets
    }

    /// The reverse adjacency of `adjacency`; rows come out sorted because sources are visited in order.
    static func transpose(_ adjacency: Adjacency, nodeCount: Int) -> Adjacency {
        let offsets = prefixOffsets(counting: adjacency.neighbors, nodeCount: nodeCount)
        var neighbors = [Int32](repeating: 0, count: adjacency.neighbors.count)
        var weights: [Double]? = adjacency.weights.map { [Double](repeating: 0, count: $0.count) }
        var cursor = offsets
        for source in 0 ..< nodeCount {
            for edge in adjacency.offsets[source] ..< adjacency.offsets[source + 1] {
                let target = Int(adjacency.neighbors[edge])
                let slot = cursor[target]
                cursor[target] = slot + 1
                neighbors[slot] = Int32(source)
                if let sourceWeights = adjacency.weights { weights![slot] = sourceWeights[edge] } // safe: allocated when adjacency has weights
            }
        }
        return Adjacency(offsets: offsets, neighbors: neighbors, weights: weights)
    }
}

extension DirectedGraph {
    /// A graph with `nodeCount` nodes and the given edges (weight 1 unless stated).
    public init(nodeCount: Int, edges: [(Int32, Int32)]) {
        let builder = GraphBuilder(nodeCount: nodeCount, expectedEdgeCount: edges.count)
        for (source, target) in edges { builder.addEdge(from: source, to: target) }
        self = builder.build()
    }

    /// A graph with `nodeCount` nodes and the given weighted edges.
    public init(nodeCount: Int, weightedEdges: [(Int32, Int32, Double)]) {
        let builder = GraphBuilder(nodeCount: nodeCount, expectedEdgeCount: weightedEdges.count)
        for (source, target, weight) in weightedEdges { builder.addEdge(from: source, to: target, weight: weight) }
        self = builder.build()
    }
}
