import ReachGraphCore

/// How accounts of a co-action network are grouped.
public enum CoordinationGrouping: String, Sendable, CaseIterable {
    /// Connected components of the network.
    case components
    /// Louvain communities (seeded) of the weighted network.
    case louvain
}

/// Groups of coordinated accounts: the components or communities of a co-action network.
public struct CoordinationGroups: Sendable {
    /// One group: its accounts and what ties them.
    public struct Group: Sendable, Equatable {
        /// Account indices into ``CoActionNetwork/accountIDs``, ascending.
        public var accounts: [Int32]
        /// Edges with both ends in the group.
        public var edges: Int
        /// Their summed weight (in the network's weight measure).
        public var weight: Double
        /// Mean edge symmetry score of those edges (0 without edges).
        public var meanSymmetry: Double
    }

    public let method: CoordinationGrouping
    /// Largest first; ties by lowest account index.
    public let groups: [Group]
    /// Modularity of the grouping on the weighted network (for components too, for comparison).
    public let modularity: Double

    /// Groups the connected accounts of `network`.
    /// - Parameters:
    ///   - seed: seeds Louvain's node order; ignored for components.
    /// - Complexity: O(V + E) for components; Louvain's for communities.
    public init(network: CoActionNetwork, method: CoordinationGrouping, seed: UInt64 = 0) {
        let (graph, accounts) = network.graph()
        let partition: ComponentLabels
        switch method {
        case .components: partition = graph.weaklyConnectedComponents()
        case .louvain: partition = graph.louvainCommunities(seed: seed).partition
        }
        var node = [Int32](repeating: -1, count: network.accountIDs.count)
        for (index, account) in accounts.enumerated() { node[Int(account)] = Int32(index) }
        var groups = partition.members.map { Group(accounts: $0.map { accounts[Int($0)] }, edges: 0, weight: 0, meanSymmetry: 0) }
        for edge in network.edges {
            let a = partition.labels[Int(node[Int(edge.accountA)])], b = partition.labels[Int(node[Int(edge.accountB)])]
            guard a == b else { continue }
            groups[Int(a)].edges += 1
            groups[Int(a)].weight += edge.weight(network.options.weight)
            groups[Int(a)].meanSymmetry += edge.symmetry
        }
        for index in groups.indices where groups[index].edges > 0 {
            groups[index].meanSymmetry /= Double(groups[index].edges)
        }
        self.method = method
        self.groups = groups.sorted { left, right in
            left.accounts.count != right.accounts.count ? left.accounts.count > right.accounts.count : left.accounts[0] < right.accounts[0]
        }
        modularity = graph.modularity(of: partition.labels)
    }

    /// The group of every connected account (account index → group index), `-1` elsewhere.
    public func groupOfAccount(accountCount: Int) -> [Int32] {
        var labels = [Int32](repeating: -1, count: accountCount)
        for (group, members) in groups.enumerated() {
            for account in members.accounts { labels[Int(account)] = Int32(group) }
        }
        return labels
    }
}
