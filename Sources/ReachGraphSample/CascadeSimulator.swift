import ReachGraph
import ReachGraphCore

/// A post before it has an id: indices instead of strings, so a million of them stay small.
struct DraftPost {
    var author: Int32
    /// Unix seconds, whole.
    var time: Double
    /// Index of the reposted draft, or -1 for an original.
    var parent: Int32
    /// Index of the cascade's original.
    var root: Int32
    /// Index into `SamplePlatform.allCases`.
    var platform: Int
    /// Shared by posts with the same text; 0 when the post has none.
    var contentHash: UInt64
}

/// Generates original posts and lets each spread along "local creation → influencer repost →
/// community spread": spokes repost their hub with a lag, county units through their city (or
/// straight from the hub), influencers pick up content, and their audiences spread it further.
///
/// A cascade is generated whole, breadth first, before the next one starts, which lets
/// ``lastCascade`` keep every account to one repost per cascade without a set per cascade.
struct CascadeSimulator {
    /// Lags after the parent post: median seconds and the spread of their logarithm.
    private enum Lag {
        static let spoke = (median: 45.0 * 60, sigma: 0.8)
        static let countyViaCity = (median: 70.0 * 60, sigma: 0.8)
        static let countyFromHub = (median: 150.0 * 60, sigma: 0.9)
        static let provincialMedia = (median: 90.0 * 60, sigma: 0.9)
        static let cityAccount = (median: 60.0 * 60, sigma: 0.9)
        static let upward = (median: 180.0 * 60, sigma: 0.9)
        static let embassy = (median: 300.0 * 60, sigma: 1.0)
        static let influencer = (median: 180.0 * 60, sigma: 1.1)
        static let community = (median: 50.0 * 60, sigma: 1.1)
        static let campaign = (median: 20.0 * 60, sigma: 0.7)
    }

    /// The chance that a county unit reposts a hub post directly, skipping its city.
    private static let countyFromHubShare = 0.06
    /// The chance that a provincial media unit reposts a hub post.
    private static let provincialMediaShare = 0.45
    /// The chance that an embassy reposts an original of a think tank or national outlet.
    private static let embassyShare = 0.06
    /// Expected communities reposting creator content directly, without an influencer between.
    private static let directCommunityPull = 0.05
    /// Expected community reposts of a typical influencer's post.
    private static let audiencePull = 0.6
    /// Expected further community reposts of a community repost.
    private static let communityChainPull = 0.2
    /// Coordinated campaigns a day per province: the hub and several spokes post the same text.
    private static let campaignsPerDay = 0.08
    /// Share of originals that carry a content hash.
    private static let hashedShare = 0.25
    /// Beijing 08:00–23:00 as seconds after midnight UTC: when domestic accounts post.
    private static let domesticHours = 0.0 ..< 15.0 * 3_600

    private let roster: SampleRoster
    private let start: Double
    private let end: Double
    private let scale: Double
    private var random: SplitMix64
    private(set) var drafts: [DraftPost] = []
    /// The cascade each account last took part in.
    private var lastCascade: [Int32]
    private var cascade: Int32 = 0

    init(roster: SampleRoster, start: Double, end: Double, scale: Double, random: SplitMix64) {
        self.roster = roster
        self.start = start
        self.end = end
        self.scale = scale
        self.random = random
        lastCascade = Array(repeating: 0, count: roster.members.count)
    }

    private var days: Double { (end - start) / 86_400 }

    /// Generates every cascade: each account's originals, then each province's campaigns.
    mutating func run() {
        for account in roster.members.indices {
            let member = roster.members[account]
            let count = random.poisson(member.role.originalsPerDay * member.activity * days * rateScale(member.role))
            for _ in 0 ..< count {
                let platform = SamplePlatform.randomIndex(in: member.platforms, &random)
                let hash = random.chance(Self.hashedShare) ? random.next() | 1 : 0
                startCascade(by: Int32(account), at: postingTime(domestic: member.role.isDomestic), on: platform, contentHash: hash)
            }
        }
        for province in roster.provinces {
            runCampaigns(in: province)
        }
    }

    /// How much more a `role` account posts than at scale 1. The number of posts should grow with
    /// the scale, so the posting rate grows only by what the number of accounts does not:
    /// communities (whose count grows with the scale) keep their rate, influencers (count grows
    /// with its square root) take the other square root, and the fixed roster takes it all.
    private func rateScale(_ role: SampleRole) -> Double {
        switch role {
        case .community: 1
        case .influencer: scale.squareRoot()
        default: scale
        }
    }

    /// A time in the window; domestic accounts post in Beijing working hours.
    private mutating func postingTime(domestic: Bool) -> Double {
        guard domestic else { return (start + random.nextUnitInterval() * (end - start)).rounded(.down) }
        let day = Double(random.index(below: max(1, Int(days))))
        return (start + day * 86_400 + random.uniform(Self.domesticHours.lowerBound, Self.domesticHours.upperBound)).rounded(.down)
    }

    /// Coordinated posting: the hub posts a text and compliant spokes and city accounts on the
    /// same platform post the same text (same content hash) minutes later, as originals.
    private mutating func runCampaigns(in province: SampleRoster.ProvinceUnits) {
        let count = random.poisson(Self.campaignsPerDay * days * scale)
        let hub = roster.members[Int(province.hub)]
        for _ in 0 ..< count {
            let hash = random.next() | 1
            let platform = SamplePlatform.randomIndex(in: hub.platforms, &random)
            let time = postingTime(domestic: true)
            startCascade(by: province.hub, at: time, on: platform, contentHash: hash)
            for spoke in province.spokes {
                if random.chance(spoke.followProbability * 0.6), roster.members[Int(spoke.centre)].platforms.contains(index: platform) {
                    startCascade(by: spoke.centre, at: time + lag(Lag.campaign), on: platform, contentHash: hash)
                }
                for account in spoke.cityAccounts where roster.members[Int(account)].platforms.contains(index: platform) {
                    if random.chance(0.5) { startCascade(by: account, at: time + lag(Lag.campaign), on: platform, contentHash: hash) }
                }
            }
        }
    }

    /// A whole-second lag, at least 30 seconds.
    private mutating func lag(_ model: (median: Double, sigma: Double)) -> Double {
        max(30, random.logNormal(median: model.median, sigma: model.sigma).rounded(.down))
    }

    /// Adds an original and everything that reposts it, breadth first.
    private mutating func startCascade(by author: Int32, at time: Double, on platform: Int, contentHash: UInt64) {
        guard time < end else { return }
        cascade += 1
        let first = drafts.count
        drafts.append(DraftPost(author: author, time: time, parent: -1, root: Int32(first), platform: platform, contentHash: contentHash))
        lastCascade[Int(author)] = cascade
        var next = first
        while next < drafts.count {
            spread(next)
            next += 1
        }
    }

    /// Adds a repost of draft `parent` by `account` unless the account already took part in the
    /// cascade, is inactive, does not run the post's platform, or would repost after the window closes.
    private mutating func repost(_ parent: Int, by account: Int32, lag model: (median: Double, sigma: Double)) {
        guard lastCascade[Int(account)] != cascade else { return }
        let source = drafts[parent]
        let member = roster.members[Int(account)]
        guard member.isActive, member.platforms.contains(index: source.platform) else { return }
        let time = source.time + lag(model)
        guard time < end else { return }
        lastCascade[Int(account)] = cascade
        drafts.append(DraftPost(author: account, time: time, parent: Int32(parent), root: source.root, platform: source.platform, contentHash: 0))
    }

    /// Decides who reposts draft `index`.
    private mutating func spread(_ index: Int) {
        let post = drafts[index]
        let member = roster.members[Int(post.author)]
        let isOriginal = post.parent < 0
        switch member.role {
        case .provincialHub:
            if isOriginal { spreadFromHub(index, province: roster.provinces[member.province]) }
        case .municipalCentre:
            let parentAuthor = isOriginal ? -1 : Int(drafts[Int(post.parent)].author)
            let fromHub = parentAuthor >= 0 && roster.members[parentAuthor].role == .provincialHub
            spreadThroughCity(index, spoke: roster.provinces[member.province].spokes[member.spoke], isOriginal: isOriginal, fromHub: fromHub)
        case .thinkTank, .nationalMedia:
            if isOriginal {
                for embassy in roster.embassies where random.chance(Self.embassyShare) { repost(index, by: embassy, lag: Lag.embassy) }
            }
        case .influencer:
            spreadToAudience(index, of: post.author, visibility: member.visibility(0.5))
        case .community:
            spreadAmongCommunities(index, from: post.author)
        case .countyUnit, .provincialMedia, .cityAccount, .embassy:
            break
        }
        if isOriginal, member.superior >= 0, random.chance(member.role.upwardShare) {
            repost(index, by: member.superior, lag: Lag.upward)
        }
        // Better-followed accounts draw more influencers, but less than in proportion.
        amplify(index, platform: post.platform, pull: member.role.influencerPull(original: isOriginal) * member.visibility(0.4))
    }

    /// Spokes follow their hub; a few county units skip their city; media units follow too.
    private mutating func spreadFromHub(_ index: Int, province: SampleRoster.ProvinceUnits) {
        for spoke in province.spokes where random.chance(spoke.followProbability) {
            repost(index, by: spoke.centre, lag: Lag.spoke)
        }
        for spoke in province.spokes {
            for county in spoke.counties where random.chance(Self.countyFromHubShare) {
                repost(index, by: county, lag: Lag.countyFromHub)
            }
        }
        for media in province.media where random.chance(Self.provincialMediaShare) {
            repost(index, by: media, lag: Lag.provincialMedia)
        }
    }

    /// A city centre's post reaches its county units and city accounts: most when it relays the
    /// hub, less for its own content, not at all for other reposts.
    private mutating func spreadThroughCity(_ index: Int, spoke: SampleRoster.Spoke, isOriginal: Bool, fromHub: Bool) {
        let countyShare = fromHub ? 0.55 : (isOriginal ? 0.25 : 0)
        let cityShare = fromHub ? 0.35 : (isOriginal ? 0.5 : 0)
        guard countyShare > 0 else { return }
        for county in spoke.counties where random.chance(countyShare) {
            repost(index, by: county, lag: Lag.countyViaCity)
        }
        for account in spoke.cityAccounts where random.chance(cityShare) {
            repost(index, by: account, lag: Lag.cityAccount)
        }
    }

    /// Influencers on the post's platform repost it ("influencer repost"), `pull` of them on
    /// average, and a few communities take it directly.
    private mutating func amplify(_ index: Int, platform: Int, pull: Double) {
        guard pull > 0 else { return }
        let pool = roster.influencers[platform]
        if !pool.isEmpty {
            let wanted = min(random.poisson(pull), 25)
            for _ in 0 ..< wanted { repost(index, by: pool.pick(&random), lag: Lag.influencer) }
        }
        let communities = roster.communitiesByPlatform[platform]
        if !communities.isEmpty {
            for _ in 0 ..< random.poisson(Self.directCommunityPull) {
                repost(index, by: communities[random.index(below: communities.count)], lag: Lag.community)
            }
        }
    }

    /// An influencer's followers repost its post ("community spread"), more for larger audiences.
    private mutating func spreadToAudience(_ index: Int, of influencer: Int32, visibility: Double) {
        let audience = roster.audience[Int(influencer)]
        guard !audience.isEmpty else { return }
        let wanted = min(random.poisson(Self.audiencePull * visibility), audience.count)
        for _ in 0 ..< wanted {
            repost(index, by: audience[random.index(below: audience.count)], lag: Lag.community)
        }
    }

    /// A community repost reaches a few communities that follow the same influencers.
    private mutating func spreadAmongCommunities(_ index: Int, from community: Int32) {
        let followed = roster.followed[Int(community)]
        guard !followed.isEmpty else { return }
        for _ in 0 ..< random.poisson(Self.communityChainPull) {
            let audience = roster.audience[Int(followed[random.index(below: followed.count)])]
            repost(index, by: audience[random.index(below: audience.count)], lag: Lag.community)
        }
    }
}
