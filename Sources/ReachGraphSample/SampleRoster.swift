import ReachGraph
import ReachGraphCore

/// The accounts of a synthetic dataset, and what the cascade simulator needs to know about each:
/// its role, platform, declared superior, audience and activity.
struct SampleRoster {
    /// The simulator's view of one account, parallel to ``accounts``.
    struct Member {
        var role: SampleRole
        /// Index into `SamplePlatform.allCases`, or -1 for an account active on every platform.
        var platform: Int
        /// Index into ``provinces``, or -1.
        var province = -1
        /// Index into the province's spokes for centres, counties and city accounts, or -1.
        var spoke = -1
        /// The declared superior's account index, or -1.
        var superior: Int32 = -1
        var followers: Double
        /// The normal draw behind `followers`: followers / median = e^(sigma × standing).
        var standing: Double
        /// Multiplies the role's posting rate.
        var activity: Double

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
            id: "\(code)-centre", name: "\(province.chineseName)国际传播中心", role: .provincialHub,
            country: "CN", province: province.name, provinceIndex: index
        )
        var units = ProvinceUnits(hub: hub)
        for number in stride(from: 1, through: province.mediaUnits, by: 1) {
            units.media.append(add(
                id: "\(code)-media-\(number)", name: "\(province.chineseName)省属媒体\(number)", role: .provincialMedia,
                country: "CN", province: province.name, provinceIndex: index, superior: hub
            ))
        }
        let follow = followProbabilities(spokes: province.cities.count, nonCompliantFraction: nonCompliantFraction)
        for (spokeIndex, city) in province.cities.enumerated() {
            let prefix = "\(code)-\(city.slug)"
            let centre = add(
                id: prefix, name: "\(city.chineseName)国际传播中心", role: .municipalCentre, country: "CN",
                province: province.name, city: city.name, provinceIndex: index, spoke: spokeIndex, superior: hub
            )
            var spoke = Spoke(centre: centre, followProbability: follow[spokeIndex])
            for number in stride(from: 1, through: province.countiesPerCity, by: 1) {
                spoke.counties.append(add(
                    id: "\(prefix)-county-\(number)", name: "\(city.chineseName)县级融媒体中心\(number)", role: .countyUnit,
                    country: "CN", province: province.name, city: city.name, provinceIndex: index, spoke: spokeIndex, superior: centre
                ))
            }
            if random.chance(cityAccountShare) {
                spoke.cityAccounts = addCityAccounts(city, prefix: prefix, province: province.name, provinceIndex: index, spoke: spokeIndex, superior: centre)
            }
            units.spokes.append(spoke)
        }
        provinces.append(units)
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

    /// One account per platform on a random subset of platforms (always at least one).
    private mutating func addCityAccounts(
        _ city: SyntheticDatasetGenerator.City, prefix: String, province: String, provinceIndex: Int, spoke: Int, superior: Int32
    ) -> [Int32] {
        var chosen = SamplePlatform.allCases.filter { _ in random.chance(0.6) }
        if chosen.isEmpty { chosen = [.facebook] }
        return chosen.map { platform in
            let account = add(
                id: "\(prefix)-\(platform.name)", name: "\(city.chineseName) \(city.name) · \(platform.name)", role: .cityAccount,
                platform: platform.rawValue, country: "CN", province: province, city: city.name,
                provinceIndex: provinceIndex, spoke: spoke, superior: superior
            )
            cityAccountsByPlatform[platform.rawValue].append(account)
            return account
        }
    }

    // MARK: National and overseas accounts

    private mutating func addNationalAccounts(_ configuration: SyntheticDatasetGenerator.Configuration) {
        for number in stride(from: 1, through: configuration.thinkTanks, by: 1) {
            thinkTanks.append(add(id: "think-tank-\(number)", name: "国家智库\(number) National think tank \(number)", role: .thinkTank, country: "CN"))
        }
        for number in stride(from: 1, through: configuration.nationalMediaOutlets, by: 1) {
            nationalMedia.append(add(id: "national-media-\(number)", name: "中央媒体\(number) National media \(number)", role: .nationalMedia, country: "CN"))
        }
        for number in 0 ..< max(0, configuration.embassies) {
            let host = Self.embassyHosts[number % Self.embassyHosts.count]
            embassies.append(add(id: "embassy-\(host.code.lowercased())", name: "中国驻\(host.chineseName)大使馆", role: .embassy, country: host.code))
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
            let platform = SamplePlatform.randomIndex(&random)
            let label = Self.padded(number, influencerWidth)
            let account = add(
                id: "influencer-\(label)", name: "Overseas influencer \(label)", role: .influencer, platform: platform,
                country: Self.overseasCountries[random.index(below: Self.overseasCountries.count)]
            )
            let member = members[Int(account)]
            influencers[platform].add(account, weight: member.visibility(0.5) * member.activity)
        }
        audience = Array(repeating: [], count: accounts.count + communityCount)
        followed = Array(repeating: [], count: accounts.count + communityCount)
        let communityWidth = max(5, String(communityCount).count)
        for number in stride(from: 1, through: communityCount, by: 1) {
            let platform = SamplePlatform.randomIndex(&random)
            let label = Self.padded(number, communityWidth)
            let account = add(
                id: "community-\(label)", name: "Community account \(label)", role: .community, platform: platform,
                country: Self.overseasCountries[random.index(below: Self.overseasCountries.count)]
            )
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

    /// Adds an account with followers and activity drawn for its role; returns its index. An id
    /// already taken (two provinces with one code, say) gets a numeric suffix.
    private mutating func add(
        id: String, name: String, role: SampleRole, platform: Int = -1, country: String, province: String? = nil,
        city: String? = nil, provinceIndex: Int = -1, spoke: Int = -1, superior: Int32 = -1
    ) -> Int32 {
        var unique = id
        var suffix = 2
        while !usedIDs.insert(unique).inserted {
            unique = "\(id)-\(suffix)"
            suffix += 1
        }
        let standing = random.standardNormal()
        let followers = (role.followers.median * PortableMath.exp(role.followers.sigma * standing)).rounded()
        let index = Int32(accounts.count)
        accounts.append(Account(
            id: unique, name: name, kind: role.kind, platform: platform >= 0 ? SamplePlatform.allCases[platform].name : nil,
            country: country, province: province, city: city, tier: role.tier, followers: Int(followers),
            parent: superior >= 0 ? accounts[Int(superior)].id : nil
        ))
        members.append(Member(
            role: role, platform: platform, province: provinceIndex, spoke: spoke, superior: superior,
            followers: followers, standing: standing, activity: random.logNormal(median: 1, sigma: 0.5)
        ))
        return index
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
