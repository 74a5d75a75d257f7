import ReachGraph
import ReachGraphCore

/// The part an account plays in the synthetic world. It decides the account's kind and tier in
/// `accounts.csv`, and how it posts, reposts and is reposted.
enum SampleRole: UInt8, CaseIterable {
    case provincialHub, municipalCentre, countyUnit, provincialMedia, cityAccount
    case thinkTank, nationalMedia, embassy, influencer, community

    var kind: AccountKind {
        switch self {
        case .provincialHub, .municipalCentre, .countyUnit: .mediaCentre
        case .provincialMedia, .nationalMedia: .mediaOutlet
        case .cityAccount: .cityAccount
        case .thinkTank: .thinkTank
        case .embassy: .embassy
        case .influencer: .influencer
        case .community: .community
        }
    }

    var tier: Tier {
        switch self {
        case .provincialHub, .provincialMedia: .provincial
        case .municipalCentre, .cityAccount: .municipal
        case .countyUnit: .county
        case .thinkTank, .nationalMedia: .national
        case .embassy, .influencer, .community: .overseas
        }
    }

    /// Whether the account is Chinese and posts in Beijing working hours.
    var isDomestic: Bool { tier != .overseas }

    /// Median followers over all the account's platforms, the spread of their logarithm, and the
    /// range a draw is clamped to. Each number and its public source is listed in
    /// graphs/sample/README.md ("Shaping numbers"); those without one are stated as assumptions there.
    var followers: (median: Double, sigma: Double, range: ClosedRange<Double>) {
        switch self {
        case .provincialHub: (3_000_000, 0.7, 1_000_000 ... 25_000_000)
        case .municipalCentre: (29_000, 1.1, 500 ... 2_000_000)
        case .countyUnit: (4_000, 1.1, 100 ... 200_000)
        case .provincialMedia: (60_000, 1.0, 2_000 ... 2_000_000)
        case .cityAccount: (15_000, 1.2, 200 ... 1_000_000)
        case .thinkTank: (3_500, 0.8, 200 ... 10_000)
        case .nationalMedia: (20_000_000, 0.8, 1_000_000 ... 150_000_000)
        case .embassy: (40_000, 0.8, 2_000 ... 1_000_000)
        case .influencer: (30_000, 1.6, 500 ... 50_000_000)
        case .community: (250, 1.2, 10 ... 20_000)
        }
    }

    /// Comments and extra shares per like. Think tanks draw likes > shares > comments, as the
    /// public comparison of Chinese and US think tanks on X reports; other kinds draw comments
    /// ahead of shares.
    var interaction: (commentsPerLike: Double, sharesPerLike: Double) {
        switch self {
        case .thinkTank: (0.05, 0.2)
        default: (0.1, 0.04)
        }
    }

    /// The platforms a new account of this role runs. Provincial hubs run the four platforms of
    /// the city index and half of them TikTok; municipal centres mostly Facebook and some of the
    /// others; county units one to three, Facebook first; think tanks X; embassies X and often
    /// Facebook; national media all five. TikTok stays sparse below the national tier. City
    /// accounts, influencers and communities run one platform, drawn where they are added.
    func drawPlatforms(_ random: inout SplitMix64) -> SamplePlatformSet {
        switch self {
        case .provincialHub: Self.each([1, 1, 1, 1, 0.5], &random)
        case .municipalCentre: Self.each([0.95, 0.6, 0.55, 0.6, 0.12], &random)
        case .countyUnit: Self.some(count: Self.countyPlatformCount(&random), weights: [0.5, 0.07, 0.18, 0.2, 0.05], &random)
        case .provincialMedia: Self.each([1, 1, 0.6, 1, 0.2], &random)
        case .thinkTank: SamplePlatformSet(.x)
        case .nationalMedia: .all
        case .embassy: Self.each([0.5, 1, 0, 0, 0], &random)
        case .cityAccount, .influencer, .community: SamplePlatformSet(SamplePlatform.allCases[SamplePlatform.randomIndex(&random)])
        }
    }

    /// One platform for 45% of county units, two for 35%, three for 20%.
    private static func countyPlatformCount(_ random: inout SplitMix64) -> Int {
        let draw = random.nextUnitInterval()
        return draw < 0.45 ? 1 : draw < 0.8 ? 2 : 3
    }

    /// Each platform with its own chance; Facebook when none comes up.
    private static func each(_ chances: [Double], _ random: inout SplitMix64) -> SamplePlatformSet {
        let chosen = SamplePlatformSet(SamplePlatform.allCases.filter { random.chance(chances[$0.rawValue]) })
        return chosen.isEmpty ? SamplePlatformSet(.facebook) : chosen
    }

    /// `count` distinct platforms drawn by weight, without replacement.
    private static func some(count: Int, weights: [Double], _ random: inout SplitMix64) -> SamplePlatformSet {
        var chosen = SamplePlatformSet()
        for _ in 0 ..< min(count, weights.count) {
            let open = SamplePlatform.allCases.filter { !chosen.contains(index: $0.rawValue) }
            var remaining = random.nextUnitInterval() * open.reduce(0) { $0 + weights[$1.rawValue] }
            var pick = open[open.count - 1]
            for platform in open {
                remaining -= weights[platform.rawValue]
                if remaining < 0 { pick = platform; break }
            }
            chosen.insert(SamplePlatformSet(pick))
        }
        return chosen
    }

    /// Original posts a day by a typical account at scale 1 ("local creation" is mostly centres,
    /// city accounts and media; communities rarely post their own content).
    var originalsPerDay: Double {
        switch self {
        case .provincialHub: 1.0
        case .municipalCentre: 0.45
        case .countyUnit: 0.1
        case .provincialMedia: 0.5
        case .cityAccount: 0.4
        case .thinkTank: 0.8
        case .nationalMedia: 2.0
        case .embassy: 0.6
        case .influencer: 0.08
        case .community: 0.004
        }
    }

    /// Expected influencer reposts of a post by a typical account of this role (an original, or
    /// one of its reposts): the "influencer repost" stage of the chain.
    func influencerPull(original: Bool) -> Double {
        switch self {
        case .provincialHub: original ? 1.0 : 0.2
        case .municipalCentre: original ? 0.35 : 0.1
        case .countyUnit: original ? 0.03 : 0.01
        case .provincialMedia: original ? 0.3 : 0.08
        case .cityAccount: original ? 0.5 : 0.15
        case .thinkTank: original ? 0.9 : 0.3
        case .nationalMedia: original ? 0.7 : 0.2
        case .embassy: original ? 0.3 : 0.25
        case .influencer, .community: 0
        }
    }

    /// The chance that the declared superior reposts an original of this role: content that
    /// travels up the structure, which keeps the declared tree from being a perfect out-tree.
    var upwardShare: Double {
        switch self {
        case .municipalCentre: 0.03
        case .countyUnit: 0.08
        case .cityAccount: 0.05
        default: 0
        }
    }
}
