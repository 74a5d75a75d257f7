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

    /// Median followers and the spread of their logarithm: heavy tails for influencers, small
    /// audiences for communities and county units.
    var followers: (median: Double, sigma: Double) {
        switch self {
        case .provincialHub: (300_000, 0.6)
        case .municipalCentre: (25_000, 0.9)
        case .countyUnit: (1_500, 1.0)
        case .provincialMedia: (60_000, 1.0)
        case .cityAccount: (15_000, 1.2)
        case .thinkTank: (80_000, 1.0)
        case .nationalMedia: (2_000_000, 0.8)
        case .embassy: (40_000, 0.8)
        case .influencer: (30_000, 1.6)
        case .community: (250, 1.2)
        }
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
