import Foundation
import ReachGraph

/// Small datasets for figure tests, written as CSV folders and loaded the way users load them.
enum SampleDatasets {
    /// A 1+N-shaped network: Hunan's provincial centre, two cities, a think tank, influencers and
    /// communities, with CJK names and one id full of DOT-special characters.
    static let hunanCSV = (
        accounts: #"""
        id,name,kind,province,city,tier,parent
        hn_centre,湖南国际传播中心,media_centre,Hunan,Changsha,provincial,
        cs,Changsha city,city_account,Hunan,Changsha,municipal,hn_centre
        yy,"Yueyang ""岳阳""",city_account,Hunan,Yueyang,municipal,hn_centre
        zj_centre,浙江国际传播中心,media_centre,Zhejiang,Hangzhou,provincial,
        ccg,CCG,think_tank,,,national,
        emb,Embassy <UK>,embassy,,,overseas,
        kol1,Big V one,influencer,,,overseas,
        kol2,Big V & two,influencer,,,overseas,
        "odd ""id"" \ with: colon",Odd one,community,,,,
        c1,Community 1,community,,,,
        c2,Community 2,community,,,,
        outlet,Outlet,media_outlet,Zhejiang,,,
        """#,
        relations: #"""
        source,target,relation,weight,first_seen,last_seen
        hn_centre,cs,repost,12,2025-03-01,2025-05-30
        hn_centre,yy,repost,7,2025-03-02,2025-05-01
        hn_centre,kol1,repost,20,2025-03-05,2025-05-20
        kol1,c1,repost,40,2025-03-06,2025-05-21
        kol1,"odd ""id"" \ with: colon",repost,3,,
        cs,kol2,repost,5,,
        kol2,c2,repost,9,,
        ccg,kol1,repost,4,,
        zj_centre,outlet,repost,6,,
        outlet,kol2,repost,2,,
        emb,c1,mention,1,,
        c1,kol1,repost,1,,
        hn_centre,zj_centre,collaboration,2,,
        """#
    )

    /// Loads the Hunan sample from a fresh temporary folder.
    static func hunan() throws -> Dataset {
        try load(accounts: hunanCSV.accounts, relations: hunanCSV.relations)
    }

    /// Writes and loads a dataset folder (relations are derived from the posts when not given).
    static func load(accounts: String, relations: String?, posts: String? = nil, metrics: String? = nil) throws -> Dataset {
        let folder = NSTemporaryDirectory() + "reachgraphviz-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data((accounts + "\n").utf8).write(to: URL(fileURLWithPath: folder + "/accounts.csv"))
        if let relations { try Data((relations + "\n").utf8).write(to: URL(fileURLWithPath: folder + "/relations.csv")) }
        if let posts { try Data((posts + "\n").utf8).write(to: URL(fileURLWithPath: folder + "/posts.csv")) }
        if let metrics { try Data((metrics + "\n").utf8).write(to: URL(fileURLWithPath: folder + "/metrics.csv")) }
        return try DatasetLoader.load(folder)
    }

    /// A random network of `nodes` accounts and about `edgesPerNode` × `nodes` reposts, seeded, with
    /// kinds and provinces spread over the accounts.
    static func random(nodes: Int, edgesPerNode: Int, seed: UInt64) throws -> Dataset {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let kinds = AccountKind.allCases.map(\.rawValue)
        let provinces = ["Hunan", "Zhejiang", "Guangdong", ""]
        var accounts = "id,name,kind,province\n"
        for node in 0 ..< nodes {
            accounts += "a\(node),账号 \(node),\(kinds[next(kinds.count)]),\(provinces[next(provinces.count)])\n"
        }
        var relations = "source,target,relation,weight\n"
        for _ in 0 ..< nodes * edgesPerNode {
            let source = next(nodes), target = next(nodes)
            if source != target { relations += "a\(source),a\(target),repost,\(1 + next(20))\n" }
        }
        return try load(accounts: accounts, relations: relations)
    }
}
