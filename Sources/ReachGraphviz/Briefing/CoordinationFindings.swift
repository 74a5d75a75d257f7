import ReachGraph

/// What the coordination section opens with: whether the pairs and their weight exceed what the
/// per-object shuffles give, the largest groups with their most central members (strength:
/// summed tie weight) and what they shared most, the ties that beat the baseline beside how many
/// would by chance alone, and an honest line on what each baseline can tell. A count of pairs is
/// no finding by itself: on the sample, 160 pairs against 157 expected from shuffles.
/// - Complexity: O(E + groups · top) after the analyses.
enum CoordinationFindings {
    /// Groups described by name, at most this many.
    static let describedGroups = 3

    /// The words for what was shared, so a link-sharing export is not described as reposts.
    struct Wording {
        /// "co-reposting", …
        var activity: String
        /// "post", "link", … (one shared object)
        var object: String
        /// "posts", "links", …
        var objects: String
        /// "reposted", "shared", …
        var verb: String

        init(_ key: SharedObjectKey) {
            switch key {
            case .parent: (activity, object, objects, verb) = ("co-reposting", "post", "posts", "reposted")
            case .url: (activity, object, objects, verb) = ("co-sharing of links", "link", "links", "shared")
            case .contentHash: (activity, object, objects, verb) = ("co-posting", "content", "contents", "posted")
            case .hashtagSet: (activity, object, objects, verb) = ("co-hashtagging", "hashtag set", "hashtag sets", "used")
            }
        }

        /// A number of objects in common: "2 posts in common", or summed over several ties
        /// ("35 posts in common, summed over its partners"), where one post counts once per tie.
        func inCommon(_ value: Double, summedOver ties: String? = nil) -> String {
            "\(formatNumber(value)) \(value == 1 ? object : objects) in common" + (ties.map { ", summed over \($0)" } ?? "")
        }

        /// What a pair of the network did: "reposted at least 2 of the same posts within 600 s of
        /// each other" (an account reposting one post several times is one post, not several).
        func pairs(_ options: CoActionOptions) -> String {
            "\(verb) at least \(formatNumber(options.minWeight)) of the same \(objects) within \(formatNumber(options.window)) s of each other"
        }
    }

    /// The section's sentences on `network`, weighed by distinct objects in common
    /// (``CoActionOptions/repeatedPairs(window:)``).
    static func sentences(
        network: CoActionNetwork, groups: CoordinationGroups, campaigns: CoordinationCampaigns, baseline: ShuffleBaseline?, dataset: Dataset,
        object: SharedObjectKey = .parent
    ) -> [String] {
        func name(_ account: Int32) -> String {
            let id = network.accountIDs[Int(account)]
            return dataset.index(ofAccount: id).flatMap { dataset.accounts[Int($0)].name } ?? id
        }
        precondition(network.options.weight == .objects, "the sentences count objects in common")
        let words = Wording(object)
        let weight = network.options.weight
        guard !network.edges.isEmpty else {
            return ["No two accounts \(words.pairs(network.options)): no sign of \(words.activity)."]
        }
        var strength = [Double](repeating: 0, count: network.accountIDs.count)
        for edge in network.edges {
            let value = edge.weight(weight)
            strength[Int(edge.accountA)] += value
            if edge.accountB != edge.accountA { strength[Int(edge.accountB)] += value }
        }
        let connected = groups.groups.reduce(0) { $0 + $1.accounts.count }
        var opening = "\(network.edges.count == 1 ? "1 pair" : "\(groupedDigits(network.edges.count)) pairs") of accounts \(words.pairs(network.options))"
        if let baseline {
            let summed = "their summed weight, \(words.inCommon(baseline.weight.observed)) over all pairs, is \(baseline.weight.p <= 0.05 ? "" : "not ")above chance (\(expectedText(baseline.weight)))"
            opening += baseline.edges.p <= 0.05
                ? " — more than \(baseline.shuffles) per-object shuffles give (\(expectedText(baseline.edges))); \(summed)"
                : " — \(baseline.edges.observed < baseline.edges.expected ? "fewer than" : "about as many as") \(baseline.shuffles) per-object shuffles give (\(expectedText(baseline.edges))): by count, no sign of \(words.activity) beyond chance; \(summed)"
        }
        var sentences = [
            opening + (baseline == nil ? "; " : ". ") + "\(groupedDigits(connected)) accounts fall into \(groups.groups.count == 1 ? "1 group" : "\(groupedDigits(groups.groups.count)) groups") (Louvain communities)."
        ]
        for (index, group) in groups.groups.prefix(describedGroups).enumerated() {
            let central = group.accounts.sorted { strength[Int($0)] != strength[Int($1)] ? strength[Int($0)] > strength[Int($1)] : $0 < $1 }.prefix(3)
            var line = "Group \(index + 1) (\(groupedDigits(group.accounts.count)) accounts, \(group.edges == 1 ? "1 tie" : "\(groupedDigits(group.edges)) ties")): most central "
                + central.map { "\(name($0)) (\(words.inCommon(strength[Int($0)], summedOver: "its partners")))" }.joined(separator: ", ")
            if index < campaigns.campaigns.count, let top = campaigns.campaigns[index].first {
                line += "; shared most: \(objectText(top.object, campaigns.object)) by \(top.members) of its members (\(top.shares) posts)"
            }
            sentences.append(line + ".")
        }
        if let baseline {
            let above = network.edges.indices.filter { baseline.edgeStatistics[$0].p <= 0.05 }
            var line = "Against \(baseline.shuffles) per-object shuffles (each \(words.object) keeps its sharing curve; only who shared it when moves), "
                + "\(groupedDigits(above.count)) of \(groupedDigits(network.edges.count)) ties are above chance (p ≤ 0.05), "
                + "where about \(groupedDigits(Int((Double(network.edges.count) * 0.05).rounded()))) would pass by chance alone"
            let strongest = above.sorted { (baseline.edgeStatistics[$0].z ?? .infinity, $1) > (baseline.edgeStatistics[$1].z ?? .infinity, $0) }.prefix(3)
            if !strongest.isEmpty {
                line += "; strongest " + strongest.map { index in
                    let edge = network.edges[index], statistic = baseline.edgeStatistics[index]
                    return "\(name(edge.accountA)) – \(name(edge.accountB)) (\(words.inCommon(edge.weight(weight))), \(formatNumber(statistic.expected, digits: 2)) expected)"
                }.joined(separator: ", ")
            }
            sentences.append(line + ".")
        }
        sentences.append(
            "How to read it: the usual baseline shifts each account's activity in time (`reachgraph coordination --shuffles`); it also flags organic virality, "
                + "many accounts sharing a hot \(words.object) in its first hour. The per-object shuffle keeps each \(words.object)'s popularity curve, so a tie above it means two accounts "
                + "share closer together than the crowd around the same \(words.object), again and again (`--shuffle-method object`). Neither proves intent."
        )
        return sentences
    }

    /// "157 expected, p = 0.35": whole numbers from 10 up, where two significant digits would
    /// print `1.6e+02`.
    static func expectedText(_ statistic: ShuffledStatistic) -> String {
        let expected = statistic.expected >= 10 ? groupedDigits(Int(statistic.expected.rounded())) : formatNumber(statistic.expected, digits: 2)
        return "\(expected) expected, p = \(formatNumber(statistic.p, digits: 2))"
    }

    /// A content hash or URL shortened for a sentence; a post id with its author when known.
    static func objectText(_ object: String, _ key: SharedObjectKey) -> String {
        let short = object.count > 48 ? String(object.prefix(45)) + "…" : object
        switch key {
        // Groups were found on another key (usually the reposted post): say that this is the
        // same text posted, which a bare hash does not.
        case .contentHash: return "the same text (content hash \(short))"
        case .url: return short
        case .hashtagSet: return "hashtags \(short)"
        case .parent: return "post \(short)"
        }
    }
}
