import ReachGraph
import ReachGraphCore

/// `metrics.csv` rows for every media centre and city account × platform it runs × month of
/// the window.
///
/// Posts and engagement are the sums over the account's posts in the timeline, so the table
/// agrees with `posts.csv`. Followers, follower gain and the qualitative score have no posts to
/// come from and are plausible synthetic values: followers grow a steady 0.5–4% a month to the
/// account's followers on the platform at the end of the window, and the expert score wanders a
/// few points around an account's level.
enum SampleMetrics {
    static func rows(timeline: SampleTimeline, roster: SampleRoster, months: [SyntheticDatasetGenerator.Month], random: SplitMix64) -> [MetricsRow] {
        let platformCount = SamplePlatform.allCases.count
        let monthStarts = months.map(\.unixSeconds)
        // First accumulator slot per reported account (platforms × months each), or -1.
        var base = [Int](repeating: -1, count: roster.members.count)
        var slots = 0
        for (account, member) in roster.members.enumerated() where isReported(member.role) {
            base[account] = slots
            slots += platformCount * months.count
        }
        var sums = [Totals](repeating: Totals(), count: slots)
        for (index, draft) in timeline.drafts.enumerated() where base[Int(draft.author)] >= 0 {
            let month = monthStarts.lastIndex { $0 <= draft.time } ?? 0
            sums[base[Int(draft.author)] + draft.platform * months.count + month].add(timeline.engagement[index])
        }

        var random = random
        var rows: [MetricsRow] = []
        for (account, member) in roster.members.enumerated() where base[account] >= 0 {
            let id = roster.accounts[account].id
            let level = random.uniform(45, 85)
            for platform in member.platforms.indices {
                let growth = 1 + random.uniform(0.005, 0.04)
                var followers = followersByMonth(final: member.followersByPlatform[platform], growth: growth, months: months.count)
                followers.insert(followers[0] / growth, at: 0)
                for month in months.indices {
                    let totals = sums[base[account] + platform * months.count + month]
                    let score = min(100, max(0, level + random.uniform(-6, 6)))
                    rows.append(MetricsRow(
                        account: id, platform: SamplePlatform.allCases[platform].name, period: months[month].description,
                        posts: totals.posts, likes: totals.likes, comments: totals.comments, shares: totals.shares, views: totals.views,
                        followers: Int(followers[month + 1].rounded()),
                        followerGain: Int(followers[month + 1].rounded()) - Int(followers[month].rounded()),
                        qualitative: (score * 10).rounded() / 10
                    ))
                }
            }
        }
        return rows
    }

    /// Media centres and city accounts: the units a communication power index ranks.
    private static func isReported(_ role: SampleRole) -> Bool {
        switch role {
        case .provincialHub, .municipalCentre, .countyUnit, .cityAccount: true
        default: false
        }
    }

    /// Followers at the end of each month, growing by `growth` a month to `final`.
    private static func followersByMonth(final: Double, growth: Double, months: Int) -> [Double] {
        var values = [Double](repeating: final, count: months)
        for month in stride(from: months - 2, through: 0, by: -1) { values[month] = values[month + 1] / growth }
        return values
    }

    private struct Totals {
        var posts = 0, likes = 0, comments = 0, shares = 0, views = 0

        mutating func add(_ engagement: SampleTimeline.Engagement) {
            posts += 1
            likes += engagement.likes
            comments += engagement.comments
            shares += engagement.shares
            views += engagement.views
        }
    }
}
