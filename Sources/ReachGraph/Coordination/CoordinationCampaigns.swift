/// What each coordination group pushed: per group, the objects (content hashes, URLs or reposted
/// posts) shared by the most of its members, at any time.
///
/// Groups come from a co-action network built on one object key (usually the reposted post); the
/// campaign can be read on another (the same text or link posted by all of them), so the posts
/// are keyed afresh by `object`. An object counts for a group once per distinct member who
/// shared it; objects shared by a single member are not campaigns.
///
/// - Complexity: O(n + c log c) for n posts and c (group, object) pairs.
public struct CoordinationCampaigns: Sendable {
    /// One object one group shared.
    public struct Campaign: Sendable, Equatable {
        /// The object: a content hash, URL or post id.
        public var object: String
        /// Distinct members of the group who shared it.
        public var members: Int
        /// Their shares of it (a member may share an object several times).
        public var shares: Int
    }

    public let object: SharedObjectKey
    /// Per group (parallel to ``CoordinationGroups/groups``, up to `maxGroups`): most members
    /// first, then most shares, then object; at most `top` each.
    public let campaigns: [[Campaign]]

    public init(posts: PostTable, network: CoActionNetwork, groups: CoordinationGroups, object: SharedObjectKey, maxGroups: Int = 6, top: Int = 3) {
        let groupOfAccount = groups.groupOfAccount(accountCount: network.accountIDs.count)
        var groupOfID: [String: Int] = [:]
        for (index, id) in network.accountIDs.enumerated() where groupOfAccount[index] >= 0 && Int(groupOfAccount[index]) < maxGroups {
            groupOfID[id] = Int(groupOfAccount[index])
        }
        let log = ShareLog(posts: posts, object: object)
        let groupOfShareAccount = (0 ..< log.accounts.count).map { groupOfID[log.accounts.identifier(at: $0)] ?? -1 }
        struct Key: Hashable { var group: Int; var object: Int32 }
        var shares: [Key: Int] = [:]
        var members: [Key: Set<Int32>] = [:]
        for share in 0 ..< log.count {
            let group = groupOfShareAccount[Int(log.shareAccounts[share])]
            guard group >= 0 else { continue }
            let key = Key(group: group, object: log.shareObjects[share])
            shares[key, default: 0] += 1
            members[key, default: []].insert(log.shareAccounts[share])
        }
        var perGroup = [[Campaign]](repeating: [], count: min(maxGroups, groups.groups.count))
        for (key, accounts) in members where accounts.count > 1 {
            perGroup[key.group].append(Campaign(object: log.objects.identifier(at: Int(key.object)), members: accounts.count, shares: shares[key] ?? 0))
        }
        campaigns = perGroup.map { list in
            Array(list.sorted { ($0.members, $0.shares, $1.object) > ($1.members, $1.shares, $0.object) }.prefix(top))
        }
        self.object = object
    }

    /// `coordination_campaigns`: group, object, members, shares.
    public func table() -> ResultTable {
        var table = ResultTable(
            name: "coordination_campaigns", title: "What each group shared most (\(object == .contentHash ? "the same text, by content-hash" : object.rawValue))", columns: ["group", "object", "members", "shares"]
        )
        for (group, list) in campaigns.enumerated() {
            for campaign in list {
                table.rows.append([.integer(group + 1), .text(campaign.object), .integer(campaign.members), .integer(campaign.shares)])
            }
        }
        return table
    }
}
