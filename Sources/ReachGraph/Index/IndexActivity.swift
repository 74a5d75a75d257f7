/// A unit's raw activity in one period: the totals behind its G, I and U scores, and the same
/// activity as per-post rates, so a report can show both side by side.
///
/// What each dimension's numbers are (the seed method names G, I and U but not the columns a
/// report prints):
/// - **G, creation**: `posts`, the number of posts published.
/// - **I, interaction**: `interactions` = shares + comments + likes received, and
///   `interactionsPerPost` = interactions / posts.
/// - **U, utilisation**: `views` and `viewsPerPost`; `followers` at the end of the period,
///   `followerGain` in the period, and `followerGrowth` = gain / (followers − gain), the growth
///   relative to the followers at the start of the period.
///
/// Totals are sums over the unit's rows (a city's accounts, a composite's platforms), so rates
/// are ratios of sums. A total is `nil` when no row recorded it (the column is empty); a rate is
/// `nil` when its numerator is missing or its denominator is not positive (no posts, or no
/// followers at the start), never a division by zero.
public struct IndexActivity: Sendable, Equatable {
    /// Sums over the rows; an indicator is absent when no row recorded it.
    public var totals: [IndexIndicator: Double]

    public init(totals: [IndexIndicator: Double] = [:]) {
        self.totals = totals
    }

    /// The sum of `indicator`; `nil` when no row recorded it.
    public func total(_ indicator: IndexIndicator) -> Double? { totals[indicator] }

    public var posts: Double? { totals[.posts] }

    /// Shares + comments + likes; `nil` when none of the three was recorded.
    public var interactions: Double? {
        let parts = [IndexIndicator.shares, .comments, .likes].compactMap { totals[$0] }
        return parts.isEmpty ? nil : parts.reduce(0, +)
    }

    public var interactionsPerPost: Double? { perPost(interactions) }

    public var views: Double? { totals[.views] }

    public var viewsPerPost: Double? { perPost(views) }

    public var followers: Double? { totals[.followers] }

    public var followerGain: Double? { totals[.followerGain] }

    /// Follower gain over the followers at the start of the period (`followers − gain`); `nil`
    /// when either is missing or the start is not positive.
    public var followerGrowth: Double? {
        guard let followers, let followerGain, followers - followerGain > 0 else { return nil }
        return followerGain / (followers - followerGain)
    }

    private func perPost(_ value: Double?) -> Double? {
        guard let value, let posts, posts > 0 else { return nil }
        return value / posts
    }

    /// The activity of both together: totals summed, an indicator recorded when either recorded it.
    public func adding(_ other: IndexActivity) -> IndexActivity {
        IndexActivity(totals: totals.merging(other.totals, uniquingKeysWith: +))
    }
}
