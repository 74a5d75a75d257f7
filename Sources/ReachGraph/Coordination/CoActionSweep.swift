/// The shares of a log grouped by object and sorted by time within each object, with the sweep
/// that enumerates co-action partners.
///
/// Grouping is a counting sort by object (stable, O(n + objects)); each object's shares are
/// then sorted by time (ties by input order). The sweep keeps two pointers per object, so finding
/// the partners of every share costs O(n + pairs): an object shared a million times with a small
/// window costs its shares plus its actual pairs, never the square of its popularity.
struct CoActionSweep {
    /// `objectCount + 1` positions: object `o` holds positions `objectOffsets[o] ..< objectOffsets[o + 1]`.
    let objectOffsets: [Int]
    /// Per position: the account, message and time of the share there.
    let accounts: [Int32]
    let messages: [Int32]
    let times: [Double]
    /// Per position: whether the share's message is its own object (see ``ShareLog/sharesItself``).
    let itself: [Bool]
    let window: Double
    let matching: CoActionMatching
    let selfLoops: Bool

    /// Groups the shares of `log` whose `included` flag is set, at `times` (the log's own times or
    /// shuffled ones).
    init(log: ShareLog, included: [Bool], times: [Double], options: CoActionOptions) {
        let objectCount = log.objects.count
        var offsets = [Int](repeating: 0, count: objectCount + 1)
        for share in 0 ..< log.count where included[share] { offsets[Int(log.shareObjects[share]) + 1] += 1 }
        for object in 0 ..< objectCount { offsets[object + 1] += offsets[object] }
        let total = offsets[objectCount]
        var order = [Int32](repeating: 0, count: total)
        var cursor = offsets
        for share in 0 ..< log.count where included[share] {
            let object = Int(log.shareObjects[share])
            order[cursor[object]] = Int32(share)
            cursor[object] += 1
        }
        times.withUnsafeBufferPointer { time in
            order.withUnsafeMutableBufferPointer { order in
                for object in 0 ..< objectCount where offsets[object + 1] - offsets[object] > 1 {
                    var segment = UnsafeMutableBufferPointer(rebasing: order[offsets[object] ..< offsets[object + 1]])
                    segment.sort { left, right in
                        let a = time[Int(left)], b = time[Int(right)]
                        return a < b || (a == b && left < right)
                    }
                }
            }
        }
        objectOffsets = offsets
        accounts = order.map { log.shareAccounts[Int($0)] }
        messages = order.map { log.shareMessages[Int($0)] }
        self.times = order.map { times[Int($0)] }
        itself = order.map { log.sharesItself[Int($0)] }
        window = options.window
        matching = options.matching
        selfLoops = options.selfLoops
    }

    var objectCount: Int { objectOffsets.count - 1 }

    /// Whether shares at positions `p` and `q` may pair: with self-loops off, not one account
    /// twice, not one message twice, and neither an original listed as a share of itself
    /// (CooRTweet's `remove_loops`).
    @inline(__always)
    func pairable(_ p: Int, _ q: Int) -> Bool {
        selfLoops || (accounts[p] != accounts[q] && messages[p] != messages[q] && !itself[p] && !itself[q])
    }

    /// Calls `body(object, p, lo, hi)` for every position `p`, where `lo ... hi` are the positions
    /// of its object whose shares match it in time (including `p` itself): `|t_q − t_p| ≤ window`,
    /// or the same bin counted from the object's first share.
    @inline(__always)
    func forEachWindow(_ body: (_ object: Int32, _ p: Int, _ lo: Int, _ hi: Int) -> Void) {
        times.withUnsafeBufferPointer { time in
            for object in 0 ..< objectCount {
                let start = objectOffsets[object], end = objectOffsets[object + 1]
                guard end - start > 1 else { continue }
                var lo = start
                var hi = start
                switch matching {
                case .pairwise:
                    for p in start ..< end {
                        while time[p] - time[lo] > window { lo += 1 }
                        if hi < p { hi = p }
                        while hi + 1 < end && time[hi + 1] - time[p] <= window { hi += 1 }
                        body(Int32(object), p, lo, hi)
                    }
                case .bins:
                    let first = time[start]
                    func bin(_ position: Int) -> Double { ((time[position] - first) / window).rounded(.down) }
                    for p in start ..< end {
                        let own = bin(p)
                        while bin(lo) < own { lo += 1 }
                        if hi < p { hi = p }
                        while hi + 1 < end && bin(hi + 1) == own { hi += 1 }
                        body(Int32(object), p, lo, hi)
                    }
                }
            }
        }
    }
}
