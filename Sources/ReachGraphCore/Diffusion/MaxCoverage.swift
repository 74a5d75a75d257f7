/// The greedy choice of `k` nodes covering the most RR sets, and how many sets each choice newly
/// covered.
struct CoverageSelection {
    var seeds: [Int32] = []
    var newlyCovered: [Int] = []

    /// The number of sets covered by all of `seeds`.
    var covered: Int { newlyCovered.reduce(0, +) }
}

extension ReverseReachableSets {
    /// Greedy maximum coverage: `k` times, the node in the most not-yet-covered sets (lowest
    /// index on ties), then those sets count as covered. This is IMM's NodeSelection, a
    /// (1 − 1/e)-approximation of the best coverage (Nemhauser, Wolsey & Fisher 1978).
    ///
    /// An inverted index (the sets containing each node, as two flat arrays built by counting
    /// sort) lets each choice update only the sets it covers, so the whole selection is linear in
    /// the total size of the sets.
    /// - Complexity: O(total size + k·V) time, O(total size + V) memory.
    func greedyMaxCoverage(nodeCount: Int, k: Int) -> CoverageSelection {
        var selection = CoverageSelection()
        let count = min(k, nodeCount)
        guard count > 0 else { return selection }
        var nodeOffsets = [Int](repeating: 0, count: nodeCount + 1)
        var setsOfNode = [Int32](repeating: 0, count: members.count)
        var degree = [Int](repeating: 0, count: nodeCount)
        var isCovered = [Bool](repeating: false, count: self.count)
        members.withUnsafeBufferPointer { members in
            offsets.withUnsafeBufferPointer { offsets in
                nodeOffsets.withUnsafeMutableBufferPointer { nodeOffsets in
                    setsOfNode.withUnsafeMutableBufferPointer { setsOfNode in
                        degree.withUnsafeMutableBufferPointer { degree in
                            isCovered.withUnsafeMutableBufferPointer { isCovered in
                                for member in members { degree[Int(member)] += 1 }
                                for node in 0 ..< nodeCount { nodeOffsets[node + 1] = nodeOffsets[node] + degree[node] }
                                var cursor = Array(nodeOffsets.dropLast())
                                for set in 0 ..< offsets.count - 1 {
                                    for position in offsets[set] ..< offsets[set + 1] {
                                        let node = Int(members[position])
                                        setsOfNode[cursor[node]] = Int32(set)
                                        cursor[node] += 1
                                    }
                                }
                                for _ in 0 ..< count {
                                    // Chosen nodes drop to -1, so a node with no uncovered sets
                                    // left (degree 0) is still picked over them.
                                    var best = 0
                                    for node in 1 ..< nodeCount where degree[node] > degree[best] { best = node }
                                    selection.seeds.append(Int32(best))
                                    selection.newlyCovered.append(degree[best])
                                    degree[best] = -1
                                    for position in nodeOffsets[best] ..< nodeOffsets[best + 1] {
                                        let set = Int(setsOfNode[position])
                                        guard !isCovered[set] else { continue }
                                        isCovered[set] = true
                                        for slot in offsets[set] ..< offsets[set + 1] {
                                            let member = Int(members[slot])
                                            if member != best { degree[member] -= 1 }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return selection
    }
}
