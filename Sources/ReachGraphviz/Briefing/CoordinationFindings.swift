import ReachGraph

/// What the coordination section opens with: the largest groups with their most central members
/// (strength: summed tie weight) and what they shared most, the ties that beat the per-object
/// shuffle baseline, and an honest line on what each baseline can tell.
/// - Complexity: O(E + groups · top) after the analyses.
enum CoordinationFindings {
    /// Groups described by name, at most this many.
    static let describedGroups = 3

    static func sentences(
        network: CoActionNetwork, groups: CoordinationGroups, campaigns: CoordinationCampaigns, baseline: ShuffleBaseline?, dataset: Dataset, window: Double
    ) -> [String] {
        func name(_ account: Int32) -> String {
            let id = network.accountIDs[Int(account)]
            return dataset.index(ofAccount: id).flatMap { dataset.accounts[Int($0)].name } ?? id
        }
        guard !network.edges.isEmpty else {
            return ["No two accounts reposted the same post within \(formatNumber(window)) s of each other at least twice: no sign of co-reposting."]
        }
        var strength = [Double](repeating: 0, count: network.accountIDs.count)
        for edge in network.edges {
            let weight = edge.weight(network.options.weight)
            strength[Int(edge.accountA)] += weight
            if edge.accountB != edge.accountA { strength[Int(edge.accountB)] += weight }
        }
        let connected = groups.groups.reduce(0) { $0 + $1.accounts.count }
        var sentences = [
            "\(groupedDigits(network.edges.count)) pairs of accounts reposted the same posts within \(formatNumber(window)) s of each other at least twice; "
                + "\(groupedDigits(connected)) accounts fall into \(groupedDigits(groups.groups.count)) groups (Louvain communities)."
        ]
        for (index, group) in groups.groups.prefix(describedGroups).enumerated() {
            let central = group.accounts.sorted { strength[Int($0)] != strength[Int($1)] ? strength[Int($0)] > strength[Int($1)] : $0 < $1 }.prefix(3)
            var line = "Group \(index + 1) (\(groupedDigits(group.accounts.count)) accounts, \(groupedDigits(group.edges)) ties): most central "
                + central.map { "\(name($0)) (\(formatNumber(strength[Int($0)])) co-reposts)" }.joined(separator: ", ")
            if index < campaigns.campaigns.count, let top = campaigns.campaigns[index].first {
                line += "; shared most: \(objectText(top.object, campaigns.object)) by \(top.members) of its members (\(top.shares) posts)"
            }
            sentences.append(line + ".")
        }
        if let baseline {
            let above = network.edges.indices.filter { baseline.edgeStatistics[$0].p <= 0.05 }
            var line = "Against \(baseline.shuffles) per-object shuffles (each post keeps its reposting curve; only who reposted when moves), "
                + "\(groupedDigits(above.count)) of \(groupedDigits(network.edges.count)) ties are above chance (p ≤ 0.05)"
            let strongest = above.sorted { (baseline.edgeStatistics[$0].z ?? .infinity, $1) > (baseline.edgeStatistics[$1].z ?? .infinity, $0) }.prefix(3)
            if !strongest.isEmpty {
                line += ", strongest " + strongest.map { index in
                    let edge = network.edges[index], statistic = baseline.edgeStatistics[index]
                    return "\(name(edge.accountA)) – \(name(edge.accountB)) (\(edge.coShares) co-reposts, \(formatNumber(statistic.expected, digits: 2)) expected)"
                }.joined(separator: ", ")
            }
            sentences.append(line + ".")
        }
        sentences.append(
            "How to read it: the usual baseline shifts each account's activity in time (`reachgraph coordination --shuffles`); it also flags organic virality, "
                + "many accounts reposting a hot post in its first hour. The per-object shuffle keeps each post's popularity curve, so a tie above it means two accounts "
                + "repost closer together than the crowd around the same posts, again and again (`--shuffle-method object`). Neither proves intent."
        )
        return sentences
    }

    /// A content hash or URL shortened for a sentence; a post id with its author when known.
    static func objectText(_ object: String, _ key: SharedObjectKey) -> String {
        let short = object.count > 48 ? String(object.prefix(45)) + "…" : object
        switch key {
        case .contentHash: return "content \(short)"
        case .url: return short
        case .hashtagSet: return "hashtags \(short)"
        case .parent: return "post \(short)"
        }
    }
}
