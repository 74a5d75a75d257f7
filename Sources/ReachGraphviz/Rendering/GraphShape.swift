/// What the engine guard needs to know about a graph before a layout: its size and whether its
/// edges, read tail → head as `dot` ranks them, contain a cycle.
public struct GraphShape: Sendable, Equatable {
    public var nodeCount: Int
    public var edgeCount: Int
    /// No directed cycle (self-loops are ignored: every engine draws them cheaply).
    public var isAcyclic: Bool

    public init(nodeCount: Int, edgeCount: Int, isAcyclic: Bool) {
        self.nodeCount = nodeCount
        self.edgeCount = edgeCount
        self.isAcyclic = isAcyclic
    }

    /// The shape of a graph given as `nodeCount` nodes and edges between indices `0 ..< nodeCount`
    /// (out-of-range ends are ignored).
    ///
    /// Kahn's algorithm: repeatedly remove nodes without incoming edges; a cycle is what remains.
    /// - Complexity: O(V + E).
    public init(nodeCount: Int, edges: some Collection<(Int, Int)>) {
        var inDegree = [Int](repeating: 0, count: nodeCount)
        var offsets = [Int](repeating: 0, count: nodeCount + 1)
        var counted = 0
        for (source, target) in edges where source != target && (0 ..< nodeCount).contains(source) && (0 ..< nodeCount).contains(target) {
            offsets[source + 1] += 1
            inDegree[target] += 1
            counted += 1
        }
        for node in 0 ..< nodeCount { offsets[node + 1] += offsets[node] }
        var targets = [Int](repeating: 0, count: counted)
        var cursor = offsets
        for (source, target) in edges where source != target && (0 ..< nodeCount).contains(source) && (0 ..< nodeCount).contains(target) {
            targets[cursor[source]] = target
            cursor[source] += 1
        }
        var ready = (0 ..< nodeCount).filter { inDegree[$0] == 0 }
        var removed = 0
        while let node = ready.popLast() {
            removed += 1
            for edge in offsets[node] ..< offsets[node + 1] {
                let target = targets[edge]
                inDegree[target] -= 1
                if inDegree[target] == 0 { ready.append(target) }
            }
        }
        self.init(nodeCount: nodeCount, edgeCount: edges.count, isAcyclic: removed == nodeCount)
    }
}
