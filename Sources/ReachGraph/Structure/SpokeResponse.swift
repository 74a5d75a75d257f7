/// How the spokes of a structure respond to their hub: which hub posts each reposts within the
/// response window, and how fast (coverage and lag).
///
/// A hub post is an original by the hub. A spoke responds to it with any post whose cascade root
/// is that hub post (a direct repost, or a repost of someone's repost) made within `window`
/// seconds after it; its lag is the delay of its first such post.
public struct SpokeResponse: Sendable {
    /// Hub posts (originals by the hub), in dataset order.
    public let hubPosts: [Int32]
    /// Per spoke (parallel to ``DeclaredStructure/spokes``): the first-response delay, in seconds,
    /// for each hub post it responded to within the window, ascending.
    public let delays: [[Double]]
    /// Per hub post (parallel to ``hubPosts``): how many spokes responded within the window.
    public let respondingSpokes: [Int]
    public let window: Double

    /// - Complexity: O(posts + hub posts × spokes).
    init(structure: DeclaredStructure, index: RepostIndex, window: Double) {
        var hubSlot = [Int32](repeating: -1, count: index.count)
        var hubPosts: [Int32] = []
        for post in 0 ..< index.count where index.authors[post] == structure.hub && index.parents[post] < 0 && !index.parentMissing[post] {
            hubSlot[post] = Int32(hubPosts.count)
            hubPosts.append(Int32(post))
        }
        var spokeSlot = [Int](repeating: -1, count: index.accountCount)
        for (slot, spoke) in structure.spokes.enumerated() { spokeSlot[Int(spoke)] = slot }
        let spokeCount = structure.spokes.count
        var first = [Double](repeating: .infinity, count: hubPosts.count * spokeCount)
        for post in 0 ..< index.count {
            let slot = hubSlot[Int(index.roots[post])]
            let author = Int(index.authors[post])
            guard slot >= 0, Int(index.roots[post]) != post, author >= 0, spokeSlot[author] >= 0 else { continue }
            let spoke = spokeSlot[author]
            let delay = index.times[post] - index.times[Int(hubPosts[Int(slot)])]
            guard delay >= 0, delay <= window else { continue }
            let cell = Int(slot) * spokeCount + spoke
            first[cell] = min(first[cell], delay)
        }
        var delays = [[Double]](repeating: [], count: spokeCount)
        var responding = [Int](repeating: 0, count: hubPosts.count)
        for post in 0 ..< hubPosts.count {
            for spoke in 0 ..< spokeCount where first[post * spokeCount + spoke].isFinite {
                delays[spoke].append(first[post * spokeCount + spoke])
                responding[post] += 1
            }
        }
        self.hubPosts = hubPosts
        self.delays = delays.map { $0.sorted() }
        respondingSpokes = responding
        self.window = window
    }

    /// Share of hub posts spoke `spoke` (an index into the spokes) responded to; `nil` without hub posts.
    public func coverage(ofSpoke spoke: Int) -> Double? {
        hubPosts.isEmpty ? nil : Double(delays[spoke].count) / Double(hubPosts.count)
    }

    /// Structure coverage: the share of all (hub post, spoke) pairs with a response, which is the
    /// mean of the spokes' coverages; `nil` without hub posts or spokes.
    public var structureCoverage: Double? {
        guard !hubPosts.isEmpty, !delays.isEmpty else { return nil }
        return Double(delays.reduce(0) { $0 + $1.count }) / Double(hubPosts.count * delays.count)
    }

    /// Share of hub posts that at least `k` spokes responded to; `nil` without hub posts.
    public func shareOfHubPosts(respondedToByAtLeast k: Int) -> Double? {
        hubPosts.isEmpty ? nil : Double(respondingSpokes.filter { $0 >= k }.count) / Double(hubPosts.count)
    }

    /// Median and interquartile range (25th, 75th percentile, type 7) of spoke `spoke`'s lags,
    /// seconds; `nil` when it never responded.
    public func lag(ofSpoke spoke: Int) -> (median: Double, lower: Double, upper: Double)? {
        let values = delays[spoke]
        guard let median = sampleQuantile(values, 0.5), let lower = sampleQuantile(values, 0.25), let upper = sampleQuantile(values, 0.75) else { return nil }
        return (median, lower, upper)
    }

    /// Median of all first responses of all spokes, seconds.
    public var medianLag: Double? { sampleQuantile(delays.flatMap { $0 }.sorted(), 0.5) }
}
