/// Whether spokes repost the hub together: spoke pairs whose responses to the same hub post fall
/// within `τ` seconds of each other, against the time-shuffled baseline.
///
/// The events are the spokes' responses to hub posts (see ``SpokeResponse``), each hub post an
/// object; co-action pairs within `τ` are counted as in ``CoActionNetwork`` (pairwise, no
/// self-pairs), and ``ShuffleBaseline`` shifts each spoke's responses in time to give the pairs
/// expected from the spokes' activity alone. A z well above 0 (small p) means the spokes move in
/// step — orchestration, or a shared schedule.
public struct SpokeSynchronisation: Sendable {
    /// Spoke pairs co-reposting within τ.
    public let network: CoActionNetwork
    /// `nil` when no shuffles were asked for.
    public let baseline: ShuffleBaseline?
    public let window: Double

    init(structure: DeclaredStructure, index: RepostIndex, dataset: Dataset, responseWindow: Double, window: Double, shuffles: Int, seed: UInt64) {
        let isSpoke = index.accountFlags(structure.spokes)
        var log = ShareLog()
        for post in 0 ..< index.count {
            let root = Int(index.roots[post])
            let author = Int(index.authors[post])
            guard root != post, index.authors[root] == structure.hub, author >= 0, isSpoke[author] else { continue }
            let delay = index.times[post] - index.times[root]
            guard delay >= 0, delay <= responseWindow else { continue }
            log.append(
                account: dataset.accounts[Int(index.authors[post])].id, object: dataset.posts[root].postID,
                message: dataset.posts[post].postID, time: index.times[post]
            )
        }
        let network = CoActionNetwork(log: log, options: CoActionOptions(window: window))
        self.network = network
        baseline = shuffles > 0 ? ShuffleBaseline(log: log, network: network, shuffles: shuffles, seed: seed) : nil
        self.window = window
    }
}
