import Foundation
import ReachGraph

/// The small example every index test computes by hand (derivations in `IndexScoringTests`).
///
/// Three accounts, two cities. In 2025-05: a, b and c on facebook; a and b on youtube (c is
/// missing there); only c on x (1 account, below the minimum of 2, so x is left out of the
/// composite); a on tiktok (left out by `in_composite: false`); one weibo row (not indexed).
/// In 2025-04: a and b on facebook only.
enum IndexFixture {
    static let accounts = [
        Account(id: "a", name: "杭州发布 Hangzhou", kind: .cityAccount, province: "Zhejiang", city: "Hangzhou"),
        Account(id: "b", name: "Hangzhou Culture", kind: .mediaCentre, province: "Zhejiang", city: "Hangzhou"),
        Account(id: "c", name: "宁波 Ningbo", kind: .cityAccount, province: "Zhejiang", city: "Ningbo"),
    ]

    static let accountsCSV = """
        id,name,kind,city,province
        a,杭州发布 Hangzhou,city_account,Hangzhou,Zhejiang
        b,Hangzhou Culture,media_centre,Hangzhou,Zhejiang
        c,宁波 Ningbo,city_account,Ningbo,Zhejiang

        """

    static let metricsCSV = """
        account,platform,period,posts,likes,comments,shares,views,followers,follower_gain,qualitative
        a,facebook,2025-05,10,40,0,20,100,1000,,80
        b,facebook,2025-05,20,0,10,10,300,3000,,60
        c,facebook,2025-05,0,80,20,0,200,2000,,70
        a,youtube,2025-05,5,0,0,0,50,100,,50
        b,youtube,2025-05,5,10,10,10,150,300,,50
        c,x,2025-05,30,0,0,0,0,0,,90
        a,tiktok,2025-05,1,1,1,1,1,1,,10
        a,weibo,2025-05,1,1,1,1,1,1,,10
        a,facebook,2025-04,20,20,20,20,200,900,,80
        b,facebook,2025-04,10,10,10,10,100,2900,,60

        """

    /// `metricsCSV` as rows.
    static let metrics: [MetricsRow] = metricsCSV.split(separator: "\n").dropFirst().map { line in
        let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return MetricsRow(
            account: f[0], platform: f[1], period: f[2], posts: Int(f[3]), likes: Int(f[4]), comments: Int(f[5]),
            shares: Int(f[6]), views: Int(f[7]), followers: Int(f[8]), followerGain: Int(f[9]), qualitative: Double(f[10])
        )
    }

    /// Weights chosen so the example can be done by hand: facebook 0.4 (G/I/U 0.2/0.4/0.4),
    /// YouTube 0.3 (I/U 0.5/0.5; the key's case is ignored), x 0.2 (G only), tiktok 0.1 (G only,
    /// out of the composite); I = 0.5 shares + 0.25 comments + 0.25 likes; U = 0.5 followers +
    /// 0.5 views; 80/20; at least 2 accounts.
    static func weightsJSON(normalisation: String = "min-max", log1p: Bool = false, perPostRates: Bool = false, minimumAccounts: Int = 2) -> String {
        """
        {
          "platforms": {
            "facebook": { "weight": 0.4, "dimensions": { "G": 0.2, "I": 0.4, "U": 0.4 } },
            "YouTube":  { "weight": 0.3, "dimensions": { "I": 0.5, "U": 0.5 } },
            "x":        { "weight": 0.2, "dimensions": { "G": 1 } },
            "tiktok":   { "weight": 0.1, "dimensions": { "G": 1 }, "in_composite": false }
          },
          "indicators": {
            "G": { "posts": 1 },
            "I": { "shares": 0.5, "comments": 0.25, "likes": 0.25 },
            "U": { "followers": 0.5, "views": 0.5 }
          },
          "options": { "log1p": \(log1p), "per_post_rates": \(perPostRates), "normalisation": "\(normalisation)" },
          "quantitative_share": 0.8,
          "min_accounts_per_platform": \(minimumAccounts)
        }

        """
    }

    static func weights(normalisation: String = "min-max", log1p: Bool = false, perPostRates: Bool = false, minimumAccounts: Int = 2) throws -> IndexWeights {
        try IndexWeights(
            json: Data(weightsJSON(normalisation: normalisation, log1p: log1p, perPostRates: perPostRates, minimumAccounts: minimumAccounts).utf8),
            fileName: "weights.json"
        )
    }

    static func index(_ weights: IndexWeights, metrics: [MetricsRow] = metrics) -> CommunicationPowerIndex {
        CommunicationPowerIndex(metrics: metrics, accounts: accounts, weights: weights)
    }
}

extension Array where Element == IndexEntry {
    /// The entry of unit `id`.
    subscript(unit id: String) -> IndexEntry? { first { $0.unit.id == id } }
}
