/// One row of `posts.csv`: an original post, or a repost when `parentPost` is set.
public struct Post: Sendable, Equatable, Codable {
    public var postID: String
    /// The author's account id.
    public var author: String
    /// Unix seconds.
    public var time: Double
    /// The post this one reposts, when known.
    public var parentPost: String?
    /// The account whose post this one reposts, when the export names it even though the
    /// original post itself may be outside the data (an IO archive's `retweet_userid`, a v1.1
    /// `retweeted_status.user`, a Telegram forward's source channel).
    public var parentAuthor: String?
    /// The original post of the cascade, when known.
    public var rootPost: String?
    public var platform: String?
    public var likes: Int?
    public var comments: Int?
    public var shares: Int?
    public var views: Int?
    public var contentHash: String?
    public var url: String?
    public var attributes: [String: String]

    public init(
        postID: String, author: String, time: Double, parentPost: String? = nil, rootPost: String? = nil,
        platform: String? = nil, likes: Int? = nil, comments: Int? = nil, shares: Int? = nil, views: Int? = nil,
        contentHash: String? = nil, url: String? = nil, parentAuthor: String? = nil, attributes: [String: String] = [:]
    ) {
        self.postID = postID
        self.author = author
        self.time = time
        self.parentPost = parentPost
        self.rootPost = rootPost
        self.platform = platform
        self.likes = likes
        self.comments = comments
        self.shares = shares
        self.views = views
        self.contentHash = contentHash
        self.url = url
        self.parentAuthor = parentAuthor
        self.attributes = attributes
    }

    /// Whether the post reposts another (a repost is never an original, even when the post it
    /// reposts is outside the data).
    public var isRepost: Bool { parentPost != nil || parentAuthor != nil || (rootPost != nil && rootPost != postID) }
}

/// One row of `metrics.csv`: an account's activity on one platform in one period.
public struct MetricsRow: Sendable, Equatable, Codable {
    public var account: String
    public var platform: String
    /// A period label such as `2025-05`.
    public var period: String
    public var posts: Int?
    public var likes: Int?
    public var comments: Int?
    public var shares: Int?
    public var views: Int?
    public var followers: Int?
    public var followerGain: Int?
    /// Expert score 0–100.
    public var qualitative: Double?
    public var attributes: [String: String]

    public init(
        account: String, platform: String, period: String, posts: Int? = nil, likes: Int? = nil,
        comments: Int? = nil, shares: Int? = nil, views: Int? = nil, followers: Int? = nil,
        followerGain: Int? = nil, qualitative: Double? = nil, attributes: [String: String] = [:]
    ) {
        self.account = account
        self.platform = platform
        self.period = period
        self.posts = posts
        self.likes = likes
        self.comments = comments
        self.shares = shares
        self.views = views
        self.followers = followers
        self.followerGain = followerGain
        self.qualitative = qualitative
        self.attributes = attributes
    }
}
