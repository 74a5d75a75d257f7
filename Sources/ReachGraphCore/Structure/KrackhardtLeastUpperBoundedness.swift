extension DirectedGraph {
    /// Krackhardt's least upper boundedness (LUBness): the share of pairs of nodes, within each
    /// weak component of three or more, that have a least upper bound.
    ///
    /// With edges drawn from superior to subordinate (the direction information flows), an upper
    /// bound of `i` and `j` is a node reaching both (each node reaches itself); a least upper bound
    /// is an upper bound that every other upper bound reaches — the lowest common superior.
    /// `LUB = 1 − V / Σ_c (s_c − 1)(s_c − 2) / 2`, with `V` the pairs without one (Krackhardt 1994,
    /// normalised per component as sna's `lubness`). 1 for an out-tree, where the lowest common
    /// ancestor is the least upper bound.
    ///
    /// sna's C routine accepts an upper bound that reaches every other one (the highest common
    /// superior) instead; the two agree on out-trees and whenever the upper bounds of a pair form a
    /// chain, and differ when two superiors that do not reach each other share subordinates.
    /// - Returns: `nil` when no weak component has three nodes (sna gives NaN).
    /// - Complexity: O(V (V + E)) for reachability both ways, then per pair O(V / 64) to intersect
    ///   the ancestor sets and O(U) to find and check the least of the U upper bounds (walking down
    ///   the bounds in order finds a least one if any exists, by transitivity). Meant for
    ///   structure-sized graphs.
    public var krackhardtLeastUpperBoundedness: Double? {
        let components = weaklyConnectedComponents()
        let maximum = components.sizes.reduce(0.0) { total, size in
            size > 2 ? total + Double(size - 1) * Double(size - 2) / 2 : total
        }
        guard maximum > 0 else { return nil }
        let reach = ReachabilityMatrix(self)
        let ancestors = ReachabilityMatrix(reversed())
        let words = ancestors.wordsPerRow
        var shared = [UInt64](repeating: 0, count: words)
        var violations = 0
        for members in components.members where members.count > 2 {
            for (position, first) in members.enumerated() {
                for second in members[(position + 1)...] {
                    let a = Int(first) * words, b = Int(second) * words
                    for word in 0 ..< words { shared[word] = ancestors.bits[a + word] & ancestors.bits[b + word] }
                    // Walk down: move to any bound the current candidate reaches.
                    var candidate = -1
                    forEachBit(shared) { bound in
                        if candidate < 0 || reach.reaches(candidate, bound) { candidate = bound }
                    }
                    var isLeast = candidate >= 0
                    if isLeast {
                        forEachBit(shared) { bound in
                            if isLeast && !reach.reaches(bound, candidate) { isLeast = false }
                        }
                    }
                    if !isLeast { violations += 1 }
                }
            }
        }
        return 1 - Double(violations) / maximum
    }
}

/// Calls `body` with the index of every set bit of `words`, ascending.
@inline(__always)
func forEachBit(_ words: [UInt64], _ body: (Int) -> Void) {
    for (index, word) in words.enumerated() {
        var rest = word
        while rest != 0 {
            body(index * 64 + rest.trailingZeroBitCount)
            rest &= rest - 1
        }
    }
}
