extension IndexWeights {
    /// The shipped weights, identical to `graphs/weights/default-index-weights.json` (a test
    /// holds them equal). Every number is a documented judgement, not a measurement; a report
    /// should publish the file it actually used.
    ///
    /// - Platform weights (sum 1): facebook 0.25, x 0.20, instagram 0.15, youtube 0.20,
    ///   tiktok 0.20. User scale alone (monthly users, roughly Facebook > YouTube > Instagram ≈
    ///   TikTok > X) would put X last; X is weighted up because international news, diplomacy and
    ///   think-tank debate happen there, and Instagram down because it carries the least news.
    /// - G/I/U inside a platform: 0.2/0.4/0.4 on facebook, x and instagram; 0.2/0.3/0.5 on the
    ///   video platforms youtube and tiktok, where views are the main currency. Creation weighs
    ///   least everywhere because posting is under the account's own control; interaction and
    ///   reach are what the audience grants.
    /// - Indicators inside a dimension (sum 1 each): G = posts; I = 0.4 shares + 0.35 comments +
    ///   0.25 likes (a share carries content to a new audience, which is what amplification is;
    ///   a comment costs the user more than a like); U = 0.4 followers + 0.2 follower_gain +
    ///   0.4 views (followers is the standing audience, views the audience reached this period,
    ///   follower gain the growth; gain weighs less because small accounts swing most).
    /// - Options: `log1p` on (counts are heavy-tailed), per-post rates off (reports rank total
    ///   communication power, not efficiency), min–max normalisation (scores on 0–100, as
    ///   monitoring reports print them).
    /// - Quantitative share 0.8, qualitative 0.2: the published 80/20 split.
    /// - `minimumAccountsPerPlatform` 3: with fewer accounts a platform's min–max or z-score scale
    ///   is set by one or two accounts, so it is reported but kept out of the composite.
    public static let `default` = IndexWeights(
        about: "ReachGraph default weights: platform weights balance user scale against relevance for international news and diplomacy. Every choice is explained in docs/communication-power-index.md; replace them with the weights your report publishes.",
        platforms: [
            Platform(name: "facebook", weight: 0.25, dimensions: [.creation: 0.2, .interaction: 0.4, .utilisation: 0.4]),
            Platform(name: "x", weight: 0.2, dimensions: [.creation: 0.2, .interaction: 0.4, .utilisation: 0.4]),
            Platform(name: "instagram", weight: 0.15, dimensions: [.creation: 0.2, .interaction: 0.4, .utilisation: 0.4]),
            Platform(name: "youtube", weight: 0.2, dimensions: [.creation: 0.2, .interaction: 0.3, .utilisation: 0.5]),
            Platform(name: "tiktok", weight: 0.2, dimensions: [.creation: 0.2, .interaction: 0.3, .utilisation: 0.5]),
        ],
        indicators: [
            .creation: [.posts: 1],
            .interaction: [.shares: 0.4, .comments: 0.35, .likes: 0.25],
            .utilisation: [.followers: 0.4, .followerGain: 0.2, .views: 0.4],
        ],
        options: IndicatorOptions(log1p: true, perPostRates: false, normalisation: .minMax),
        quantitativeShare: 0.8,
        minimumAccountsPerPlatform: 3
    )
}
