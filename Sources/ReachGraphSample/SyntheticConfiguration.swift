import ReachGraph
import ReachGraphCore

extension SyntheticDatasetGenerator {
    /// What to generate. The defaults give about 3,000 accounts, 31,000 posts (65% reposts),
    /// 10,000 relations and 1,000 metrics rows over three months from March 2025; `scale` 32
    /// gives about 82,000 accounts and 1.0 million posts.
    public struct Configuration: Sendable, Equatable {
        /// The seed of every random choice: the same configuration gives the same dataset.
        public var seed: UInt64
        /// Multiplies the community layer and every posting rate (so the number of posts); the
        /// influencer layer grows with its square root, and the declared roster (provinces, think
        /// tanks, media, embassies) stays as configured. Values below 0.01 count as 0.01.
        public var scale: Double
        /// The first month of the observation window.
        public var start: Month
        /// The length of the window in calendar months, 1 to 1,200 (values outside are clamped).
        public var months: Int
        /// The provinces with a "1+N" international-communication structure.
        public var provinces: [Province]
        /// National think tanks.
        public var thinkTanks: Int
        /// National media outlets (tier `national`).
        public var nationalMediaOutlets: Int
        /// Embassies abroad (tier `overseas`).
        public var embassies: Int
        /// Overseas influencers at scale 1.
        public var influencers: Int
        /// Community accounts at scale 1.
        public var communities: Int
        /// The share of municipal centres that rarely or never repost their provincial hub. At least
        /// one per province never does when the share is above zero. Nothing in the data marks them.
        public var nonCompliantSpokeFraction: Double
        /// The share of cities that run official city accounts (one per platform on some platforms).
        public var cityAccountShare: Double

        public init(
            seed: UInt64 = 1, scale: Double = 1, start: Month = Month(year: 2025, month: 3), months: Int = 3,
            provinces: [Province] = Province.defaults, thinkTanks: Int = 6, nationalMediaOutlets: Int = 5,
            embassies: Int = 12, influencers: Int = 300, communities: Int = 2_500,
            nonCompliantSpokeFraction: Double = 0.2, cityAccountShare: Double = 0.5
        ) {
            self.seed = seed
            self.scale = scale
            self.start = start
            self.months = months
            self.provinces = provinces
            self.thinkTanks = thinkTanks
            self.nationalMediaOutlets = nationalMediaOutlets
            self.embassies = embassies
            self.influencers = influencers
            self.communities = communities
            self.nonCompliantSpokeFraction = nonCompliantSpokeFraction
            self.cityAccountShare = cityAccountShare
        }

        /// `scale` as used: at least 0.01, so a zero or negative value still gives a dataset.
        var effectiveScale: Double { max(0.01, scale.isFinite ? scale : 1) }
        /// `months` as used. The cap keeps post times within the 32 bits of seconds the timeline's
        /// sort key gives them.
        var effectiveMonths: Int { min(1_200, max(1, months)) }
        /// Influencers generated: the configured count grown with the square root of the scale.
        var scaledInfluencers: Int { max(0, Int((Double(influencers) * effectiveScale.squareRoot()).rounded())) }
        /// Communities generated: the configured count times the scale.
        var scaledCommunities: Int { max(0, Int((Double(communities) * effectiveScale).rounded())) }
        /// The first second of the window, Unix seconds.
        var windowStart: Double { start.unixSeconds }
        /// The first second after the window, Unix seconds.
        var windowEnd: Double { start.adding(effectiveMonths).unixSeconds }
    }

    /// A province with a "1+N" structure: one provincial hub, a municipal centre per city, county
    /// units under each city centre, and provincial media units under the hub.
    public struct Province: Sendable, Equatable {
        /// The pinyin prefix of every id in the province (`hn` gives `hn-centre`, `hn-changsha`).
        public var code: String
        /// The English name, written to the `province` column.
        public var name: String
        /// The Chinese name, used in account names (`湖南` gives `湖南样例省级中心`).
        public var chineseName: String
        /// The prefecture-level cities the structure declares, each with a municipal centre.
        public var cities: [City]
        /// County units under each city centre.
        public var countiesPerCity: Int
        /// Provincial media units under the hub (the "N" of "1+14+N").
        public var mediaUnits: Int
        /// A published follower total for the provincial hub, used instead of a draw; `nil` draws.
        public var hubFollowers: Int?
        /// Declared cities whose centre was never set up: neither the centre nor its county units
        /// and city accounts are in the data. Which ones is drawn from the seed.
        public var absentCentres: Int
        /// Declared cities whose centre exists but is inactive: set up on Facebook with few
        /// followers, it never posts or reposts. Drawn from the seed among the other cities.
        public var inactiveCentres: Int

        public init(
            code: String, name: String, chineseName: String, cities: [City], countiesPerCity: Int, mediaUnits: Int,
            hubFollowers: Int? = nil, absentCentres: Int = 0, inactiveCentres: Int = 0
        ) {
            self.code = code
            self.name = name
            self.chineseName = chineseName
            self.cities = cities
            self.countiesPerCity = countiesPerCity
            self.mediaUnits = mediaUnits
            self.hubFollowers = hubFollowers
            self.absentCentres = max(0, absentCentres)
            self.inactiveCentres = max(0, inactiveCentres)
        }
    }

    /// A prefecture-level city.
    public struct City: Sendable, Equatable {
        /// The pinyin name, written to the `city` column and used in ids.
        public var name: String
        /// The Chinese name, used in account names.
        public var chineseName: String
        /// A published follower total for the city's centre, used instead of a draw; `nil` draws.
        public var followers: Int?

        public init(_ name: String, _ chineseName: String, followers: Int? = nil) {
            self.name = name
            self.chineseName = chineseName
            self.followers = followers
        }

        /// The name as an id part: lower case, spaces as hyphens.
        var slug: String { name.lowercased().split(separator: " ").joined(separator: "-") }
    }

    /// A calendar month, the unit of the window and of `metrics.csv` periods.
    public struct Month: Sendable, Hashable, Comparable, CustomStringConvertible {
        public let year: Int
        /// 1 to 12.
        public let month: Int

        /// A month; a `month` outside 1…12 carries into the year (`month: 13` is January next year).
        public init(year: Int, month: Int) {
            let zeroBased = year * 12 + (month - 1)
            let wholeYears = zeroBased >= 0 ? zeroBased / 12 : (zeroBased - 11) / 12
            self.year = wholeYears
            self.month = zeroBased - wholeYears * 12 + 1
        }

        /// The month `count` months later.
        public func adding(_ count: Int) -> Month { Month(year: year, month: month + count) }

        /// The period label, `2025-03`.
        public var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }

        public static func < (lhs: Month, rhs: Month) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

        /// Midnight UTC of the month's first day, Unix seconds.
        var unixSeconds: Double { ReachGraph.unixSeconds(year: year, month: month, day: 1) }
    }
}
