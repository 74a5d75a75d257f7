import ReachGraph
import ReachGraphCore

/// The relations that do not come from posts: collaborations between think tanks and media
/// (joint events, undirected, stored once) and mention ties.
///
/// A mention row runs from the mentioned account to the one mentioning it: like a repost, the
/// mentioned account is the source whose content the other amplifies, so every edge points the
/// way information flows.
struct SampleTies {
    private let roster: SampleRoster
    private let start: Double
    private let end: Double
    private var random: SplitMix64
    private(set) var relations: [Relation] = []
    /// Row of each relation already added, keyed by type and account pair, so repeated events add
    /// weight. Only looked up, never iterated: the output order is the order rows were added.
    private var rowOfPair: [PairKey: Int] = [:]

    private struct PairKey: Hashable {
        var type: RelationType
        var first: Int32
        var second: Int32
    }

    init(roster: SampleRoster, start: Double, end: Double, months: Int, random: SplitMix64) {
        self.roster = roster
        self.start = start
        self.end = end
        self.random = random
        addCollaborations()
        addMentions(months: Double(months))
    }

    /// Think tanks work with two to four partners among national and provincial media, hubs and
    /// other think tanks; each hub and about a third of provincial media units work with a national outlet.
    private mutating func addCollaborations() {
        let media = roster.provinces.flatMap(\.media)
        let partners = roster.nationalMedia + roster.provinces.map(\.hub) + media + roster.thinkTanks
        for thinkTank in roster.thinkTanks {
            for _ in 0 ..< 2 + random.index(below: 3) {
                let partner = partners[random.index(below: partners.count)]
                if partner != thinkTank { addEvents(.collaboration, thinkTank, partner) }
            }
        }
        guard !roster.nationalMedia.isEmpty else { return }
        for hub in roster.provinces.map(\.hub) {
            addEvents(.collaboration, roster.nationalMedia[random.index(below: roster.nationalMedia.count)], hub)
        }
        for unit in media where random.chance(0.3) {
            addEvents(.collaboration, roster.nationalMedia[random.index(below: roster.nationalMedia.count)], unit)
        }
    }

    /// Influencers mention city accounts of their platform (or a hub or think tank), embassies
    /// mention think tanks, national media and hubs, and think tanks mention embassies.
    private mutating func addMentions(months: Double) {
        let hubs = roster.provinces.map(\.hub)
        let official = hubs + roster.thinkTanks
        for platform in SamplePlatform.allCases.indices {
            let cityAccounts = roster.cityAccountsByPlatform[platform]
            for influencer in roster.influencers[platform].members {
                for _ in 0 ..< random.poisson(0.5 * months) {
                    if !cityAccounts.isEmpty && random.chance(0.6) {
                        addMention(of: cityAccounts[random.index(below: cityAccounts.count)], by: influencer)
                    } else if !official.isEmpty {
                        addMention(of: official[random.index(below: official.count)], by: influencer)
                    }
                }
            }
        }
        let sources = roster.thinkTanks + roster.nationalMedia + hubs
        for embassy in roster.embassies where !sources.isEmpty {
            for _ in 0 ..< random.poisson(1.5 * months) { addMention(of: sources[random.index(below: sources.count)], by: embassy) }
        }
        for thinkTank in roster.thinkTanks where !roster.embassies.isEmpty {
            for _ in 0 ..< random.poisson(0.7 * months) {
                addMention(of: roster.embassies[random.index(below: roster.embassies.count)], by: thinkTank)
            }
        }
    }

    private mutating func addMention(of mentioned: Int32, by mentioner: Int32) {
        addEvents(.mention, mentioned, mentioner, count: 1)
    }

    /// Adds `count` events (1 to 5 when not given) between two accounts at random times in the
    /// window, merging them into the pair's row.
    private mutating func addEvents(_ type: RelationType, _ source: Int32, _ target: Int32, count: Int? = nil) {
        let events = count ?? 1 + random.index(below: 5)
        for _ in 0 ..< events {
            let time = (start + random.nextUnitInterval() * (end - start)).rounded(.down)
            // An undirected tie is one row whichever way round it comes up.
            let key = type.isUndirected
                ? PairKey(type: type, first: min(source, target), second: max(source, target))
                : PairKey(type: type, first: source, second: target)
            if let row = rowOfPair[key] {
                relations[row].weight += 1
                relations[row].firstSeen = min(relations[row].firstSeen ?? time, time)
                relations[row].lastSeen = max(relations[row].lastSeen ?? time, time)
            } else {
                rowOfPair[key] = relations.count
                relations.append(Relation(source: source, target: target, type: type, weight: 1, firstSeen: time, lastSeen: time))
            }
        }
    }
}
