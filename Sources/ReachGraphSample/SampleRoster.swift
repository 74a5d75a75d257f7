import ReachGraph
import ReachGraphCore

/// The accounts of a synthetic dataset, and what the cascade simulator needs to know about each:
/// its role, platforms, declared superior, audience and activity.
struct SampleRoster {
    /// The simulator's view of one account, parallel to ``accounts``.
    struct Member {
        var role: SampleRole
        /// The platforms the account runs; it posts and reposts only there.
        var platforms: SamplePlatformSet
        /// Index into ``provinces``, or -1.
        var province = -1
        /// Index into the province's spokes for centres, counties and city accounts, or -1.
        var spoke = -1
        /// The declared superior's account index, or -1.
        var superior: Int32 = -1
        /// Over all its platforms.
        var followers: Double
        /// Followers on each platform, indexed by `SamplePlatform.rawValue`; zero off ``platforms``.
        var followersByPlatform: [Double]
        /// The normal draw behind `followers`: followers / median = e^(sigma × standing) before
        /// followers are clamped to the role's range (the standing is not).
        var standing: Double
        /// Multiplies the role's posting rate; zero for an inactive account.
        var activity: Double
        /// An inactive account was set up but neither posts nor reposts.
        var isActive = true

        /// (followers / role median)^exponent, the account's visibility relative to its peers.
        func visibility(_ exponent: Double) -> Double {
            PortableMath.exp(exponent * role.followers.sigma * standing)
        }
    }

    /// A municipal centre with the units it declares.
    struct Spoke {
        var centre: Int32
        /// The chance it reposts a post of its hub; low or zero for non-compliant spokes.
        var followProbability: Double
        var counties: [Int32] = []
        var cityAccounts: [Int32] = []
    }

    /// A province's declared structure.
    struct ProvinceUnits {
        var hub: Int32
        var spokes: [Spoke] = []
        var media: [Int32] = []
    }

    private(set) var accounts: [Account] = []
    private(set) var members: [Member] = []
    private(set) var provinces: [ProvinceUnits] = []
    private(set) var thinkTanks: [Int32] = []
    private(set) var nationalMedia: [Int32] = []
    private(set) var embassies: [Int32] = []
    /// City accounts per platform (mention targets).
    private(set) var cityAccountsByPlatform = Array(repeating: [Int32](), count: SamplePlatform.allCases.count)
    /// Influencers per platform, drawn in proportion to reach and activity.
    private(set) var influencers = Array(repeating: WeightedPool(), count: SamplePlatform.allCases.count)
    private(set) var communitiesByPlatform = Array(repeating: [Int32](), count: SamplePlatform.allCases.count)
    /// The communities that follow each influencer, by account index (empty for other accounts).
    private(set) var audience: [[Int32]] = []
    /// The influencers each community follows, by account index (empty for other accounts).
    private(set) var followed: [[Int32]] = []
    private var usedIDs = Set<String>()
    private var random: SplitMix64

    init(configuration: SyntheticDatasetGenerator.Configuration, random: SplitMix64) {
        self.random = random
        for province in configuration.provinces {
            addProvince(province, nonCompliantFraction: configuration.nonCompliantSpokeFraction, cityAccountShare: configuration.cityAccountShare)
        }
        addNationalAccounts(configuration)
        addOverseasLayers(influencers: configuration.scaledInfluencers, communities: configuration.scaledCommunities)
    }

    // MARK: Provinces

    private mutating func addProvince(_ province: SyntheticDatasetGenerator.Province, nonCompliantFraction: Double, cityAccountShare: Double) {
        let index = provinces.count
        let code = province.code
        let hub = add(
            id: "\(code)-centre", name: "\(province.chineseName)样例省级中心", role: .provincialHub,
            country: "CN", province: province.name, provinceIndex: index, followers: province.hubFollowers.map(Double.init)
        )
        var units = ProvinceUnits(hub: hub)
        for number in stride(from: 1, through: province.mediaUnits, by: 1) {
            units.media.append(add(
                id: "\(code)-media-\(number)", name: "\(province.chineseName)样例省属媒体\(number)", role: .provincialMedia,
                country: "CN", province: province.name, provinceIndex: index, superior: hub
            ))
        }
        var cityOrder = Array(province.cities.indices)
        shuffle(&cityOrder)
        let absent = Set(cityOrder.prefix(province.absentCentres))
        let inactive = Set(cityOrder.dropFirst(province.absentCentres).prefix(province.inactiveCentres))
        for (cityIndex, city) in province.cities.enumerated() where !absent.contains(cityIndex) {
            let spokeIndex = units.spokes.count
            let prefix = "\(code)-\(city.slug)"
            let isActive = !inactive.contains(cityIndex)
            let centre = add(
                id: prefix, name: "\(city.chineseName)样例市级中心", role: .municipalCentre, country: "CN",
                province: province.name, city: city.name, provinceIndex: index, spoke: spokeIndex, superior: hub,
                followers: city.followers.map(Double.init), isActive: isActive
            )
            var spoke = Spoke(centre: centre, followProbability: 0)
            for number in stride(from: 1, through: province.countiesPerCity, by: 1) {
                spoke.counties.append(add(
                    id: "\(prefix)-county-\(number)", name: "\(city.chineseName)样例县级单位\(number)", role: .countyUnit,
                    country: "CN", province: province.name, city: city.name, provinceIndex: index, spoke: spokeIndex, superior: centre
                ))
            }
            if random.chance(cityAccountShare) {
                spoke.cityAccounts = addCityAccounts(city, prefix: prefix, province: province.name, provinceIndex: index, spoke: spokeIndex, superior: centre)
            }
            units.spokes.append(spoke)
        }
        let active = units.spokes.indices.filter { members[Int(units.spokes[$0].centre)].isActive }
        for (spoke, probability) in zip(active, followProbabilities(spokes: active.count, nonCompliantFraction: nonCompliantFraction)) {
            units.spokes[spoke].followProbability = probability
        }
        provinces.append(units)
    }

    /// A Fisher–Yates shuffle on the roster's stream.
    private mutating func shuffle(_ values: inout [Int]) {
        for position in values.indices.dropLast() {
            values.swapAt(position, position + random.index(below: values.count - position))
        }
    }

    /// Follow probabilities of a province's spokes: compliant ones repost most hub posts; a
    /// `fraction` of them (at least one when the fraction is positive) rarely or never do, and
    /// the first of those never does.
    private mutating func followProbabilities(spokes: Int, nonCompliantFraction: Double) -> [Double] {
        var probabilities = (0 ..< spokes).map { _ in random.uniform(0.55, 0.9) }
        let fraction = min(1, max(0, nonCompliantFraction))
        guard fraction > 0, spokes > 0 else { return probabilities }
        let count = max(1, Int((fraction * Double(spokes)).rounded()))
        var order = Array(0 ..< spokes)
        for position in 0 ..< count {
            order.swapAt(position, position + random.index(below: spokes - position))
            probabilities[order[position]] = position == 0 || random.chance(0.5) ? 0 : 0.03
        }
        return probabilities
    }

    /// One account per platform on a random subset of platforms (always at least one): each of
    /// Facebook, X, Instagram and YouTube with chance 0.5, TikTok with 0.1.
    private mutating func addCityAccounts(
        _ city: SyntheticDatasetGenerator.City, prefix: String, province: String, provinceIndex: Int, spoke: Int, superior: Int32
    ) -> [Int32] {
        let chances = [0.5, 0.5, 0.5, 0.5, 0.1]
        var chosen = SamplePlatform.allCases.filter { random.chance(chances[$0.rawValue]) }
        if chosen.isEmpty { chosen = [.facebook] }
        return chosen.map { platform in
            let account = add(
                id: "\(prefix)-\(platform.name)", name: "\(city.chineseName)样例城市号 · \(platform.name)", role: .cityAccount,
                platforms: SamplePlatformSet(platform), country: "CN", province: province, city: city.name,
                provinceIndex: provinceIndex, spoke: spoke, superior: superior
            )
            cityAccountsByPlatform[platform.rawValue].append(account)
            return account
        }
    }

    // MARK: National and overseas accounts

    private mutating func addNationalAccounts(_ configuration: SyntheticDatasetGenerator.Configuration) {
        for number in stride(from: 1, through: configuration.thinkTanks, by: 1) {
            thinkTanks.append(add(id: "think-tank-\(number)", name: "样例智库\(number) Sample think tank \(number)", role: .thinkTank, country: "CN"))
        }
        for number in stride(from: 1, through: configuration.nationalMediaOutlets, by: 1) {
            nationalMedia.append(add(id: "national-media-\(number)", name: "样例央媒\(number) Sample national outlet \(number)", role: .nationalMedia, country: "CN"))
        }
        for number in 0 ..< max(0, configuration.embassies) {
            let host = Self.embassyHosts[number % Self.embassyHosts.count]
            embassies.append(add(id: "embassy-\(host.code.lowercased())", name: "样例驻\(host.chineseName)使馆号 Sample embassy account \(host.code)", role: .embassy, country: host.code))
        }
    }

    /// Host countries of embassies, in the order they are used.
    private static let embassyHosts: [(code: String, chineseName: String)] = [
        ("GB", "英国"), ("US", "美国"), ("FR", "法国"), ("DE", "德国"), ("PK", "巴基斯坦"), ("NG", "尼日利亚"),
        ("KE", "肯尼亚"), ("BR", "巴西"), ("ZA", "南非"), ("TH", "泰国"), ("MY", "马来西亚"), ("IT", "意大利"),
        ("EG", "埃及"), ("ID", "印度尼西亚"), ("AU", "澳大利亚"), ("AR", "阿根廷"),
    ]

    /// Countries of overseas influencers and communities.
    private static let overseasCountries = ["US", "GB", "PK", "NG", "KE", "BR", "TH", "MY", "IT", "FR", "DE", "ZA", "EG", "ID", "AU", "CA", "RS", "AE"]

    private mutating func addOverseasLayers(influencers influencerCount: Int, communities communityCount: Int) {
        let influencerWidth = max(4, String(influencerCount).count)
        for number in stride(from: 1, through: influencerCount, by: 1) {
            let label = Self.padded(number, influencerWidth)
            let account = add(
                id: "influencer-\(label)", name: "Sample influencer \(label)", role: .influencer,
                country: Self.overseasCountries[random.index(below: Self.overseasCountries.count)]
            )
            let member = members[Int(account)]
            influencers[member.platforms.indices[0]].add(account, weight: member.visibility(0.5) * member.activity)
        }
        audience = Array(repeating: [], count: accounts.count + communityCount)
        followed = Array(repeating: [], count: accounts.count + communityCount)
        let communityWidth = max(5, String(communityCount).count)
        for number in stride(from: 1, through: communityCount, by: 1) {
            let label = Self.padded(number, communityWidth)
            let account = add(
                id: "community-\(label)", name: "Sample community \(label)", role: .community,
                country: Self.overseasCountries[random.index(below: Self.overseasCountries.count)]
            )
            let platform = members[Int(account)].platforms.indices[0]
            communitiesByPlatform[platform].append(account)
            follow(account, on: platform)
        }
    }

    /// Makes a community follow one or a few influencers of its platform, popular ones more often.
    private mutating func follow(_ community: Int32, on platform: Int) {
        guard !influencers[platform].isEmpty else { return }
        let wanted = 1 + random.poisson(1.2)
        for _ in 0 ..< wanted * 2 where followed[Int(community)].count < wanted {
            let influencer = influencers[platform].pick(&random)
            guard !followed[Int(community)].contains(influencer) else { continue }
            followed[Int(community)].append(influencer)
            audience[Int(influencer)].append(community)
        }
    }

    // MARK: Adding accounts

    /// Adds an account with platforms, followers and activity drawn for its role; returns its
    /// index. `platforms` and `followers` replace the draws when given. An inactive account
    /// runs Facebook only, with a tenth of the drawn followers. An id already taken (two
    /// provinces with one code, say) gets a numeric suffix.
    private mutating func add(
        id: String, name: String, role: SampleRole, platforms given: SamplePlatformSet? = nil, country: String,
        province: String? = nil, city: String? = nil, provinceIndex: Int = -1, spoke: Int = -1, superior: Int32 = -1,
        followers reported: Double? = nil, isActive: Bool = true
    ) -> Int32 {
        var unique = id
        var suffix = 2
        while !usedIDs.insert(unique).inserted {
            unique = "\(id)-\(suffix)"
            suffix += 1
        }
        let platforms = isActive ? given ?? role.drawPlatforms(&random) : SamplePlatformSet(.facebook)
        let standing = random.standardNormal()
        let model = role.followers
        let draw = min(model.range.upperBound, max(model.range.lowerBound, model.median * PortableMath.exp(model.sigma * standing)))
        let followers = (reported ?? (isActive ? draw : draw / 10)).rounded()
        let index = Int32(accounts.count)
        accounts.append(Account(
            id: unique, name: name, kind: role.kind, platform: platforms.single?.name,
            country: country, province: province, city: city, tier: role.tier, followers: Int(followers),
            parent: superior >= 0 ? accounts[Int(superior)].id : nil
        ))
        let activity = random.logNormal(median: 1, sigma: 0.5)
        members.append(Member(
            role: role, platforms: platforms, province: provinceIndex, spoke: spoke, superior: superior,
            followers: followers, followersByPlatform: split(followers, over: platforms), standing: standing,
            activity: isActive ? activity : 0, isActive: isActive
        ))
        return index
    }

    /// Followers per platform: ``SamplePlatform/shares`` restricted to `platforms`, each jittered
    /// by a factor in [0.5, 1.5), normalised to `followers`.
    private mutating func split(_ followers: Double, over platforms: SamplePlatformSet) -> [Double] {
        var weights = [Double](repeating: 0, count: SamplePlatform.allCases.count)
        for platform in platforms.indices { weights[platform] = SamplePlatform.shares[platform] * random.uniform(0.5, 1.5) }
        let total = weights.reduce(0, +)
        return weights.map { $0 / total * followers }
    }

    private static func padded(_ number: Int, _ width: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}

/// Account indices drawn with probability proportional to a weight (cumulative sums and a
/// binary search: O(log n) a draw, and the same draw on every machine).
struct WeightedPool {
    private(set) var members: [Int32] = []
    private var cumulative: [Double] = []

    var isEmpty: Bool { members.isEmpty }

    mutating func add(_ member: Int32, weight: Double) {
        members.append(member)
        cumulative.append((cumulative.last ?? 0) + max(weight, 0))
    }

    /// A member drawn by weight; the pool must not be empty.
    func pick(_ random: inout SplitMix64) -> Int32 {
        let target = random.nextUnitInterval() * (cumulative.last ?? 0)
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return members[low]
    }
}
