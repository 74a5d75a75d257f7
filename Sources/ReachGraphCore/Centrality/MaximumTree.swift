/// A tournament tree over per-node scores that answers "which node scores highest" in O(1) and
/// takes a score change in O(log n), for the greedy selections of VoteRank and adaptive
/// collective influence.
///
/// Ties go to the lowest node index, the order in which NetworkX's `max(G.nodes, key=…)` meets
/// nodes. A node can be withdrawn, after which it is never the winner.
struct MaximumTree {
    private var scores: [Double]
    private var withdrawn: [Bool]
    /// `winners[leafBase + i]` is node `i` (or -1 past the last node); each inner slot holds the
    /// winner of its two children.
    private var winners: [Int32]
    private let leafBase: Int

    init(scores: [Double]) {
        self.scores = scores
        withdrawn = [Bool](repeating: false, count: scores.count)
        var base = 1
        while base < scores.count { base *= 2 }
        leafBase = base
        winners = [Int32](repeating: -1, count: 2 * base)
        for node in scores.indices { winners[base + node] = Int32(node) }
        for slot in stride(from: base - 1, to: 0, by: -1) { winners[slot] = match(winners[2 * slot], winners[2 * slot + 1]) }
    }

    /// The highest-scoring node still in, with its score; `nil` once every node is withdrawn.
    var top: (node: Int32, score: Double)? {
        let winner = winners[1]
        guard winner >= 0 else { return nil }
        return (winner, scores[Int(winner)])
    }

    mutating func update(_ node: Int32, to score: Double) {
        scores[Int(node)] = score
        replay(from: Int(node))
    }

    mutating func withdraw(_ node: Int32) {
        withdrawn[Int(node)] = true
        replay(from: Int(node))
    }

    private mutating func replay(from node: Int) {
        var slot = leafBase + node
        winners[slot] = withdrawn[node] ? -1 : Int32(node)
        slot /= 2
        while slot >= 1 {
            winners[slot] = match(winners[2 * slot], winners[2 * slot + 1])
            slot /= 2
        }
    }

    /// The winner of two entrants; -1 marks an empty seat. `left` always has the lower index.
    private func match(_ left: Int32, _ right: Int32) -> Int32 {
        if left < 0 { return right }
        if right < 0 { return left }
        return scores[Int(right)] > scores[Int(left)] ? right : left
    }
}
