/// The three sub-indices of the communication power index, as monitoring reports name them.
public enum IndexDimension: String, CaseIterable, Sendable {
    /// G, content creation: how much an account publishes.
    case creation = "G"
    /// I, interaction: how much its audience engages (shares, comments, likes).
    case interaction = "I"
    /// U, utilisation: how many people follow it and see its content (followers, follower gain, views).
    case utilisation = "U"

    /// The indicators that may measure this dimension.
    public var indicators: [IndexIndicator] { IndexIndicator.allCases.filter { $0.dimension == self } }
}

/// A quantitative column of `metrics.csv` that enters the index.
public enum IndexIndicator: String, CaseIterable, Sendable, Comparable {
    case posts
    case shares
    case comments
    case likes
    case followers
    case followerGain = "follower_gain"
    case views

    /// The sub-index the indicator belongs to.
    public var dimension: IndexDimension {
        switch self {
        case .posts: return .creation
        case .shares, .comments, .likes: return .interaction
        case .followers, .followerGain, .views: return .utilisation
        }
    }

    /// Whether the indicator is earned by posts, so "per-post rates" divides it by `posts`.
    /// Followers and follower gain belong to the account, not to its posts, and stay totals.
    public var isEarnedPerPost: Bool {
        switch self {
        case .shares, .comments, .likes, .views: return true
        case .posts, .followers, .followerGain: return false
        }
    }

    /// The indicator's value in a metrics row; `nil` when the cell is empty.
    func value(in row: MetricsRow) -> Int? {
        switch self {
        case .posts: return row.posts
        case .shares: return row.shares
        case .comments: return row.comments
        case .likes: return row.likes
        case .followers: return row.followers
        case .followerGain: return row.followerGain
        case .views: return row.views
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// How indicator values are put on a common scale within one platform and period.
public enum IndexNormalisation: String, CaseIterable, Sendable {
    /// `100 · (x − min) / (max − min)`: 0 for the lowest, 100 for the highest.
    case minMax = "min-max"
    /// `(x − mean) / sd` with the population standard deviation: 0 is the average, units are
    /// standard deviations.
    case zScore = "z-score"
}

/// The indicator formula options: what is done to each raw count before it is weighted.
public struct IndicatorOptions: Sendable, Equatable {
    /// Replace `x` by `sign(x) · log(1 + |x|)`: counts are heavy-tailed, and without it one viral
    /// account squeezes everyone else towards 0 under min–max. The sign keeps a follower loss
    /// (negative `follower_gain`) below no change.
    public var log1p: Bool
    /// Divide shares, comments, likes and views by posts (0 when there are no posts), measuring
    /// how well content does rather than how much there is.
    public var perPostRates: Bool
    public var normalisation: IndexNormalisation

    public init(log1p: Bool, perPostRates: Bool, normalisation: IndexNormalisation) {
        self.log1p = log1p
        self.perPostRates = perPostRates
        self.normalisation = normalisation
    }
}
