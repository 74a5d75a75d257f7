import ReachGraph
import ReachGraphCore

/// The platforms synthetic accounts post on. Raw values index per-platform tables.
enum SamplePlatform: Int, CaseIterable {
    case facebook, x, instagram, youtube, tiktok

    /// The name written to the `platform` columns.
    var name: String {
        switch self {
        case .facebook: "facebook"
        case .x: "x"
        case .instagram: "instagram"
        case .youtube: "youtube"
        case .tiktok: "tiktok"
        }
    }

    /// Monthly users of Facebook, X, Instagram and YouTube in hundreds of millions, as the
    /// monthly city index that this sample imitates reports them (graphs/sample/README.md).
    static let monthlyUsers: [Double] = [30.49, 6.19, 20.00, 24.91]

    /// TikTok's share of overseas audiences and of a multi-platform account's followers. The
    /// index publishes no user figure for it and leaves it out of its composite because few city
    /// accounts exist there, so it gets a small fixed share rather than one from user numbers.
    static let tiktokShare = 0.1

    /// The share of overseas accounts and of an official account's followers on each platform,
    /// in case order: the monthly-user proportions scaled to 1 − ``tiktokShare``, then TikTok.
    static let shares: [Double] = {
        let total = monthlyUsers.reduce(0, +)
        return monthlyUsers.map { $0 / total * (1 - tiktokShare) } + [tiktokShare]
    }()

    /// A platform index of `set` drawn in proportion to ``shares``; `set` must not be empty.
    static func randomIndex(in set: SamplePlatformSet = .all, _ random: inout SplitMix64) -> Int {
        let members = set.indices
        var remaining = random.nextUnitInterval() * members.reduce(0) { $0 + shares[$1] }
        for index in members {
            remaining -= shares[index]
            if remaining < 0 { return index }
        }
        return members[members.count - 1]
    }
}

/// The platforms one account runs, as bits indexed by `SamplePlatform.rawValue`.
struct SamplePlatformSet: OptionSet {
    let rawValue: UInt8

    static let all = SamplePlatformSet(rawValue: 0b1_1111)

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init(_ platform: SamplePlatform) { rawValue = 1 << UInt8(platform.rawValue) }

    init(_ platforms: [SamplePlatform]) {
        rawValue = platforms.reduce(0) { $0 | SamplePlatformSet($1).rawValue }
    }

    func contains(index: Int) -> Bool { rawValue >> UInt8(index) & 1 == 1 }

    /// Platform indices in case order.
    var indices: [Int] { SamplePlatform.allCases.indices.filter(contains(index:)) }

    /// The platform when the account runs exactly one, else `nil`.
    var single: SamplePlatform? {
        rawValue.nonzeroBitCount == 1 ? SamplePlatform(rawValue: rawValue.trailingZeroBitCount) : nil
    }
}
