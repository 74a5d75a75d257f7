import ReachGraphCore

/// What one cascade did: its shape, speed, reach and the stages it went through.
public struct CascadeMetrics: Sendable {
    public var rootPostID: String
    public var rootAccount: Int32
    public var size: Int
    /// Shape measures; for probabilistic attribution, the mean over sampled trees.
    public var depth: Double
    public var maxBreadth: Double
    public var structuralVirality: Double
    /// Interquartile ranges over sampled trees (`nil` for deterministic policies).
    public var depthRange: ClosedRange<Double>?
    public var structuralViralityRange: ClosedRange<Double>?
    /// Seconds until the cascade had N participants, for each requested N (`nil`: never).
    public var timeToReach: [Double?]
    /// Seconds until a participant was 2 and 3 hops from the root (`nil`: never).
    public var timeToDepth: [Double?]
    /// Participants at each hop distance of the (first) tree, the root's level first.
    public var breadthByLevel: [Int]
    /// Sum of the followers of the distinct participants, root included.
    public var potentialReach: Double
    /// Account kinds in order of first appearance in time, the root's first
    /// (`city_account → influencer → community`); media centres by tier
    /// (`provincial_centre → municipal_centre → county_centre`), see ``CascadeStage``.
    public var stagePath: [CascadeStage]
    /// Followers each stage's participants add, parallel to `stagePath`.
    public var stageReach: [Double]
    /// Share of nodes whose parent the policy inferred.
    public var attributedShare: Double
    /// Distinct accounts following at least one participant, when follower lists are given.
    public var uniqueReach: Int?
    /// Every participant of the (first) tree with its amplification factor; empty when the
    /// analysis was asked not to keep them.
    public var participants: [Participant]

    /// One participant of a cascade.
    public struct Participant: Sendable, Equatable {
        public var account: Int32
        /// The account it got the content from; `nil` for the root.
        public var parent: Int32?
        public var depth: Int
        /// Followers of its subtree (itself included) over the followers of its parent: how much
        /// audience it turned the audience it was reached through into. `nil` for the root, or
        /// when the parent has no followers.
        public var amplificationFactor: Double?
    }

    /// Measures one tree on its own (no sampled trees, no "time to N" thresholds): what a cascade
    /// figure's caption reports.
    public init(cascade: Cascade, dataset: Dataset) {
        self.init(cascade: cascade, samples: [], facts: AccountFacts(dataset), thresholds: [], follows: nil, keepingParticipants: true)
    }

    /// Measures `cascade`; `samples` are extra trees of the same cascade drawn by a
    /// probabilistic policy (the shape is then averaged over `[cascade] + samples`).
    init(cascade: Cascade, samples: [Cascade], facts: AccountFacts, thresholds: [Int], follows: FollowGraph?, keepingParticipants: Bool) {
        let shape = CascadeShape(of: cascade.tree)
        rootPostID = cascade.rootPostID
        rootAccount = cascade.accounts[0]
        size = cascade.tree.size
        if samples.isEmpty {
            // One tree (every policy but the probabilistic one): its measures, without the arrays
            // of the mean, which were a dozen small allocations per cascade.
            depth = Double(shape.depth)
            maxBreadth = Double(shape.maxBreadth)
            structuralVirality = shape.structuralVirality
            depthRange = nil
            structuralViralityRange = nil
        } else {
            let shapes = [shape] + samples.map { CascadeShape(of: $0.tree) }
            func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
            let depths = shapes.map { Double($0.depth) }
            let viralities = shapes.map(\.structuralVirality)
            depth = mean(depths)
            maxBreadth = mean(shapes.map { Double($0.maxBreadth) })
            structuralVirality = mean(viralities)
            depthRange = Self.interquartileRange(depths)
            structuralViralityRange = Self.interquartileRange(viralities)
        }
        // Reconstruction adds participants in time order, so the sort is usually skipped.
        let times = cascade.tree.times
        let inOrder = times.indices.dropFirst().allSatisfy { times[$0 - 1] <= times[$0] }
        let order = inOrder ? [] : times.indices.sorted { times[$0] != times[$1] ? times[$0] < times[$1] : $0 < $1 }
        func node(at position: Int) -> Int { inOrder ? position : order[position] }
        timeToReach = thresholds.map { count in count >= 1 && count <= times.count ? times[node(at: count - 1)] : nil }
        let treeDepths = cascade.tree.depths
        timeToDepth = CascadeAnalysis.depthMarks.map { mark in
            // The earliest node at that depth, as CascadeTree.timeToDepth finds it, on depths computed once.
            var best: Double?
            for node in treeDepths.indices where Int(treeDepths[node]) == mark { best = min(best ?? times[node], times[node]) }
            return best
        }
        breadthByLevel = shape.breadthByLevel
        var reach = 0.0
        var stages: [CascadeStage] = []
        var stageReach: [Double] = []
        for position in 0 ..< times.count {
            let node = node(at: position)
            let account = Int(cascade.accounts[node])
            let followers = facts.followers[account], kind = facts.stages[account]
            reach += followers
            if let stage = stages.firstIndex(of: kind) {
                stageReach[stage] += followers
            } else {
                stages.append(kind)
                stageReach.append(followers)
            }
        }
        potentialReach = reach
        stagePath = stages
        self.stageReach = stageReach
        attributedShare = size > 1 ? Double(cascade.attributedNodes) / Double(size - 1) : 0
        uniqueReach = follows?.uniqueAudience(of: cascade.accounts)
        participants = keepingParticipants ? Self.participants(of: cascade, facts: facts) : []
    }

    /// Amplification factors from subtree follower sums, one backward pass (children follow parents).
    static func participants(of cascade: Cascade, facts: AccountFacts) -> [Participant] {
        let tree = cascade.tree
        let followers = cascade.accounts.map { facts.followers[Int($0)] }
        var subtreeReach = followers
        for node in stride(from: tree.size - 1, through: 1, by: -1) { subtreeReach[Int(tree.parents[node])] += subtreeReach[node] }
        let depths = tree.depths
        return (0 ..< tree.size).map { node in
            let parent = Int(tree.parents[node])
            let factor: Double? = parent < 0 || followers[parent] == 0 ? nil : subtreeReach[node] / followers[parent]
            return Participant(account: cascade.accounts[node], parent: parent < 0 ? nil : cascade.accounts[parent], depth: Int(depths[node]), amplificationFactor: factor)
        }
    }

    /// The 25th to 75th percentile (linear interpolation, as NumPy's default).
    static func interquartileRange(_ values: [Double]) -> ClosedRange<Double> {
        let sorted = values.sorted()
        func quantile(_ q: Double) -> Double {
            let position = q * Double(sorted.count - 1)
            let lower = Int(position.rounded(.down)), upper = Int(position.rounded(.up))
            return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
        }
        return quantile(0.25) ... quantile(0.75)
    }
}

/// Per-account values the measures read, pulled out of the account records once.
struct AccountFacts {
    let kinds: [AccountKind]
    /// Each account's stage in stage paths: its kind, with the tier of a media centre.
    let stages: [CascadeStage]
    /// Follower counts (0 when unknown).
    let followers: [Double]

    init(_ dataset: Dataset) {
        kinds = dataset.accounts.map(\.kind)
        stages = dataset.accounts.map(CascadeStage.init(of:))
        followers = dataset.accounts.map { Double($0.followers ?? 0) }
    }
}

/// Reconstructs and measures every cascade of a dataset.
///
/// Cascades are rebuilt and measured in chunks on up to ``Parallelism/threadCount`` threads
/// (each cascade on its own, its random stream split off by its index) and put back in index
/// order, and the CSV table is sorted and written the same way: the same results and bytes on
/// any number of threads.
public struct CascadeAnalysis: Sendable {
    public var cascades: [CascadeMetrics]
    public var diagnostics: Diagnostics
    /// The participant counts `timeToReach` refers to.
    public var thresholds: [Int]
    /// The hop distances `timeToDepth` refers to.
    public static let depthMarks = [2, 3]

    /// - Parameters:
    ///   - minimumSize: cascades with fewer participants are left out of the result (counted).
    ///   - thresholds: participant counts for "time to reach N".
    ///   - follows: follower lists, for unique reach (also used by the follow-graph policy).
    ///   - participants: whether each cascade keeps its participants (``participantTable(dataset:)``);
    ///     without them 2.5 million posts' cascades hold about 100 MB less.
    public init(
        dataset: Dataset, policy: AttributionPolicy = .root, minimumSize: Int = 1, thresholds: [Int] = [10, 100], follows: FollowGraph? = nil,
        participants: Bool = true
    ) {
        let reachFollows: FollowGraph?
        if let follows {
            reachFollows = follows
        } else if case .followGraph(let graph) = policy {
            reachFollows = graph
        } else {
            reachFollows = nil
        }
        let reconstruction = CascadeReconstruction(dataset: dataset)
        let facts = AccountFacts(dataset)
        var seed: UInt64 = 0
        var sampleCount = 0
        if case .probabilistic(let model) = policy {
            seed = model.seed
            sampleCount = max(1, model.samples)
        }
        // Cascades are rebuilt and measured on their own (each draws from the stream split off
        // by its index), so chunks of them run on any threads and are put back in index order:
        // the same results on one thread or many.
        struct Share {
            var reconstruction: CascadeReconstruction
            var small = 0
        }
        let count = reconstruction.cascadeCount
        var (pieces, shares) = mapChunksInOrder(
            of: count, chunkSize: Parallelism.automatic.chunkSize(for: count, minimum: 512), parallelism: .automatic,
            makeScratch: { Share(reconstruction: reconstruction.withoutDiagnostics) }
        ) { share, range -> [CascadeMetrics] in
            var piece: [CascadeMetrics] = []
            for index in range {
                // A root post nobody reposted is a cascade of one with nothing to count: building it
                // only to drop it was half the reconstruction on a million posts.
                if minimumSize > 1 && share.reconstruction.postCount(of: index) == 1 {
                    share.small += 1
                    continue
                }
                var random = SplitMix64(seed: seed).split(UInt64(index))
                let first = share.reconstruction.cascade(index, policy: policy, random: &random)
                if first.tree.size < minimumSize {
                    share.small += 1
                    continue
                }
                var samples: [Cascade] = []
                if sampleCount > 1 {
                    for _ in 1 ..< sampleCount { samples.append(share.reconstruction.cascade(index, policy: policy, random: &random, recordingIssues: false)) }
                }
                piece.append(CascadeMetrics(cascade: first, samples: samples, facts: facts, thresholds: thresholds, follows: reachFollows, keepingParticipants: participants))
            }
            return piece
        }
        var diagnostics = reconstruction.diagnostics
        var small = 0
        for share in shares {
            diagnostics = diagnostics.merging(share.reconstruction.diagnostics)
            small += share.small
        }
        diagnostics.count("cascades smaller than the minimum size (not listed)", small)
        var results: [CascadeMetrics] = []
        results.reserveCapacity(pieces.reduce(0) { $0 + $1.count })
        // Each piece is let go once copied: holding them all beside the result was 100 MB of
        // the briefing's peak on 2.5M posts.
        for index in pieces.indices {
            results += pieces[index]
            pieces[index] = []
        }
        cascades = results
        self.diagnostics = diagnostics
        self.thresholds = thresholds
    }
}

extension CascadeAnalysis {
    /// One row per cascade, largest first (ties by root post id); with `limit`, only the first
    /// `limit` rows (``cascadeCSVBytes(dataset:)`` has them all without the cells).
    public func cascadeTable(dataset: Dataset, rows limit: Int? = nil) -> ResultTable {
        var table = ResultTable(name: "cascades", title: "Cascades", columns: cascadeColumns)
        let ordered = orderedCascades.prefix(limit ?? cascades.count)
        table.rows.reserveCapacity(ordered.count)
        for index in ordered { table.rows.append(cascadeRow(cascades[index], dataset: dataset)) }
        return table
    }

    /// ``cascadeTable(dataset:)`` as CSV (its `csvText`, byte for byte), written as bytes field
    /// by field without the table: the cells of 390,000 cascades took more memory than the posts
    /// they came from, and a `String` per field a fifth of the time of `cascades` on a million posts.
    public func cascadeCSV(dataset: Dataset) -> String {
        String(decoding: cascadeCSVBytes(dataset: dataset), as: UTF8.self)
    }

    /// ``cascadeCSV(dataset:)`` as its UTF-8 bytes, for writing without a `String` of them
    /// (checking 2.5 million posts' table as UTF-8 took 2 % of `cascades`).
    public func cascadeCSVBytes(dataset: Dataset) -> [UInt8] {
        let ordered = orderedCascades
        // Rows are written in chunks on the library's threads (formatting numbers is most of the
        // work) and joined in order: the same bytes on any number of threads.
        let pieces = mapChunksInOrder(
            of: ordered.count, chunkSize: Parallelism.automatic.chunkSize(for: ordered.count, minimum: 1024), parallelism: .automatic,
            makeScratch: {}
        ) { _, range -> [UInt8] in
            var csv = CSVBytes()
            for position in range { appendRow(of: cascades[ordered[position]], dataset: dataset, to: &csv) }
            return csv.bytes
        }.pieces
        var csv = CSVBytes(header: cascadeColumns)
        csv.reserveCapacity(csv.bytes.count + pieces.reduce(0) { $0 + $1.count })
        for piece in pieces { csv.append(rows: piece) }
        return csv.bytes
    }

    private func appendRow(of cascade: CascadeMetrics, dataset: Dataset, to csv: inout CSVBytes) {
        let account = dataset.accounts[Int(cascade.rootAccount)]
        csv.text(cascade.rootPostID)
        csv.text(account.id)
        csv.text(account.kind.rawValue)
        csv.integer(cascade.size)
        csv.number(cascade.depth)
        csv.number(cascade.maxBreadth)
        csv.number(cascade.structuralVirality)
        for time in cascade.timeToReach {
            if let time { csv.number(time) } else { csv.missing() }
        }
        for time in cascade.timeToDepth {
            if let time { csv.number(time) } else { csv.missing() }
        }
        csv.startField()
        for (level, breadth) in cascade.breadthByLevel.enumerated() {
            if level > 0 { csv.appendPlain(" ") }
            csv.appendInteger(breadth)
        }
        csv.number(cascade.potentialReach)
        if let reach = cascade.uniqueReach { csv.integer(reach) } else { csv.missing() }
        // Stage names are enumeration values: nothing in them needs quoting.
        csv.startField()
        for (position, stage) in cascade.stagePath.enumerated() {
            if position > 0 { csv.appendPlain(" → ") }
            csv.appendPlain(stage.rawValue)
        }
        csv.startField()
        for (position, reach) in cascade.stageReach.enumerated() {
            if position > 0 { csv.appendPlain(" ") }
            if cascade.potentialReach > 0 { csv.appendNumber(reach / cascade.potentialReach, digits: 3) } else { csv.appendPlain("0") }
        }
        csv.number(cascade.attributedShare)
        csv.endRow()
    }

    private var cascadeColumns: [String] {
        ["root", "root_account", "kind", "size", "depth", "max_breadth", "structural_virality"]
            + thresholds.map { "time_to_\($0)_s" } + CascadeAnalysis.depthMarks.map { "time_to_depth_\($0)_s" }
            + ["breadth_by_level", "potential_reach", "unique_reach", "stage_path", "stage_reach_share", "attributed_share"]
    }

    /// Indices of the cascades, largest first, ties by root post id.
    private var orderedCascades: [Int] {
        // Sorting indices moves 8 bytes per swap instead of a whole CascadeMetrics, and the keys
        // pulled out side by side are read from a few cache lines instead of one per cascade.
        let sizes = cascades.map(\.size), ids = cascades.map(\.rootPostID)
        func precedes(_ left: Int, _ right: Int) -> Bool { sizes[left] != sizes[right] ? sizes[left] > sizes[right] : ids[left] < ids[right] }
        // Two halves sorted at once, then merged: root post ids differ, so the order is total and
        // the result is the one a single sort gives, on any number of threads.
        let count = cascades.count
        let sorted = mapChunksInOrder(of: count, chunkSize: max(4096, (count + 1) / 2), parallelism: .automatic, makeScratch: {}) { _, range in
            range.sorted(by: precedes)
        }.pieces
        guard sorted.count == 2 else { return sorted.first ?? [] }
        var merged: [Int] = []
        merged.reserveCapacity(count)
        var left = 0, right = 0
        let first = sorted[0], second = sorted[1]
        while left < first.count && right < second.count {
            if precedes(second[right], first[left]) {
                merged.append(second[right])
                right += 1
            } else {
                merged.append(first[left])
                left += 1
            }
        }
        merged += first[left...]
        merged += second[right...]
        return merged
    }

    private func cascadeRow(_ cascade: CascadeMetrics, dataset: Dataset) -> [Cell] {
        let account = dataset.accounts[Int(cascade.rootAccount)]
        let shares = cascade.stageReach.map { cascade.potentialReach > 0 ? formatNumber($0 / cascade.potentialReach, digits: 3) : "0" }
        var row: [Cell] = [
            .text(cascade.rootPostID), .text(account.id), .text(account.kind.rawValue), .integer(cascade.size),
            .number(cascade.depth), .number(cascade.maxBreadth), .number(cascade.structuralVirality),
        ]
        row += cascade.timeToReach.map { $0.map(Cell.number) ?? .missing }
        row += cascade.timeToDepth.map { $0.map(Cell.number) ?? .missing }
        row += [.text(cascade.breadthByLevel.map(String.init).joined(separator: " "))]
        row += [
            .number(cascade.potentialReach), cascade.uniqueReach.map(Cell.integer) ?? .missing, .text(cascade.stagePath.map(\.rawValue).joined(separator: " → ")),
            .text(shares.joined(separator: " ")), .number(cascade.attributedShare),
        ]
        return row
    }

    /// One row per participant of every listed cascade, with its amplification factor.
    public func participantTable(dataset: Dataset) -> ResultTable {
        var table = ResultTable(
            name: "cascade_participants", title: "Cascade participants",
            columns: ["root", "account", "kind", "parent", "depth", "followers", "amplification_factor"]
        )
        for cascade in cascades {
            for participant in cascade.participants {
                let account = dataset.accounts[Int(participant.account)]
                table.rows.append([
                    .text(cascade.rootPostID), .text(account.id), .text(account.kind.rawValue),
                    participant.parent.map { .text(dataset.accounts[Int($0)].id) } ?? .missing, .integer(participant.depth),
                    account.followers.map(Cell.integer) ?? .missing, participant.amplificationFactor.map(Cell.number) ?? .missing,
                ])
            }
        }
        return table
    }

    /// Cascades aggregated by a property of the root account.
    ///
    /// Sums as it goes, in cascade order (the order the sums were always taken in), rather than
    /// gathering each group's cascades: copies of 387,772 cascades' metrics were 145 MB of the
    /// briefing's peak on 2.5M posts.
    public func aggregateTable(dataset: Dataset, by grouping: CascadeGrouping) -> ResultTable {
        struct Sums {
            var cascades = 0, size = 0, maximumSize = 0
            var depth = 0.0, virality = 0.0, reach = 0.0

            mutating func add(_ cascade: CascadeMetrics) {
                cascades += 1
                size += cascade.size
                maximumSize = max(maximumSize, cascade.size)
                depth += cascade.depth
                virality += cascade.structuralVirality
                reach += cascade.potentialReach
            }
        }
        var groups: [String: Sums] = [:]
        for cascade in cascades {
            let account = dataset.accounts[Int(cascade.rootAccount)]
            let key: String
            switch grouping {
            case .account: key = account.id
            case .kind: key = account.kind.rawValue
            case .province: key = account.province ?? "(none)"
            }
            groups[key, default: Sums()].add(cascade)
        }
        var table = ResultTable(
            name: "cascades_by_\(grouping.rawValue)", title: "Cascades by root \(grouping.rawValue)",
            columns: [grouping.rawValue, "cascades", "mean_size", "max_size", "mean_depth", "mean_structural_virality", "total_potential_reach"]
        )
        let rows = groups.sorted { $0.value.cascades != $1.value.cascades ? $0.value.cascades > $1.value.cascades : $0.key < $1.key }
        for (key, sums) in rows {
            let count = Double(sums.cascades)
            table.rows.append([
                .text(key), .integer(sums.cascades), .number(Double(sums.size) / count), .integer(sums.maximumSize),
                .number(sums.depth / count), .number(sums.virality / count), .number(sums.reach),
            ])
        }
        return table
    }
}

/// What cascades are aggregated by.
public enum CascadeGrouping: String, CaseIterable, Sendable {
    case account
    case kind
    case province
}
