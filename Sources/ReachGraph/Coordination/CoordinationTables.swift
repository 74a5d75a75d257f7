/// Result tables of co-action detection, as the `coordination` command prints them.
extension CoActionNetwork {
    /// One row per edge, heaviest first: `account_a, account_b, weight, co_shares, objects,
    /// messages_a, messages_b, symmetry, mean_delta_seconds`, and with a baseline the edge's
    /// expected weight under shuffling, its z and p.
    public func edgeTable(baseline: ShuffleBaseline? = nil) -> ResultTable {
        var columns = ["account_a", "account_b", "weight", "co_shares", "objects", "messages_a", "messages_b", "symmetry", "mean_delta_seconds"]
        if baseline != nil { columns += ["expected_weight", "z", "p"] }
        var table = ResultTable(name: "coordination_edges", title: "Co-action edges (window \(formatNumber(options.window, digits: 6)) s, weight: \(options.weight.rawValue))", columns: columns)
        for (index, edge) in edges.enumerated() {
            var row: [Cell] = [
                .text(accountIDs[Int(edge.accountA)]), .text(accountIDs[Int(edge.accountB)]),
                .number(edge.weight(options.weight)), .integer(edge.coShares), .integer(edge.objects),
                .integer(edge.messagesA), .integer(edge.messagesB), .number(edge.symmetry), .number(edge.meanDelta),
            ]
            if let statistic = baseline?.edgeStatistics[index] {
                row += [.number(statistic.expected), statistic.z.map(Cell.number) ?? .missing, .number(statistic.p)]
            }
            table.rows.append(row)
        }
        return table
    }

    /// The run in numbers: shares, pairs, edges before and after filters, groups, and the
    /// baseline's network statistics.
    public func summaryTable(groups: CoordinationGroups?, baseline: ShuffleBaseline?) -> ResultTable {
        var table = ResultTable(name: "coordination_summary", title: "Co-action detection", columns: ["measure", "value"])
        table.rows = [
            [.text("shares"), .integer(shareCount)],
            [.text("objects"), .integer(objectCount)],
            [.text("accounts"), .integer(accountIDs.count)],
            [.text("co-action pairs"), .integer(pairCount)],
            [.text("edges (all)"), .integer(unfilteredEdgeCount)],
            [.text("edges (at least the minimum weight)"), .integer(thresholdedEdgeCount)],
            [.text("edges (listed)"), .integer(edges.count)],
            [.text("accounts with edges"), .integer(connectedAccounts.count)],
        ]
        if let groups {
            table.rows.append([.text("groups (\(groups.method.rawValue))"), .integer(groups.groups.count)])
            table.rows.append([.text("modularity of the groups"), .number(groups.modularity)])
        }
        if let baseline {
            // Per-object shuffles keep every object's times, so its pairs too (up to an account
            // paired with itself): their count tests nothing, and only edges and weight are shown.
            let pairs = baseline.method == .circular ? [("pairs", baseline.pairs)] : []
            for (name, statistic) in pairs + [("edges", baseline.edges), ("weight", baseline.weight)] {
                table.rows.append([.text("\(name): expected under \(baseline.shuffles) \(baseline.method == .circular ? "time shuffles" : "per-object shuffles")"), .number(statistic.expected)])
                table.rows.append([.text("\(name): standard deviation under shuffles"), .number(statistic.standardDeviation)])
                table.rows.append([.text("\(name): z"), statistic.z.map(Cell.number) ?? .missing])
                table.rows.append([.text("\(name): p (shuffled ≥ observed)"), .number(statistic.p)])
            }
        }
        return table
    }
}

extension CoordinationGroups {
    /// One row per group, largest first: `group, accounts, edges, weight, mean_symmetry, members`
    /// (members space-separated; the `coordination_members` table has one row per account).
    public func groupTable(network: CoActionNetwork) -> ResultTable {
        var table = ResultTable(
            name: "coordination_groups", title: "Coordination groups (\(method.rawValue))",
            columns: ["group", "accounts", "edges", "weight", "mean_symmetry", "members"]
        )
        for (index, group) in groups.enumerated() {
            table.rows.append([
                .integer(index + 1), .integer(group.accounts.count), .integer(group.edges), .number(group.weight),
                .number(group.meanSymmetry), .text(group.accounts.map { network.accountIDs[Int($0)] }.joined(separator: " ")),
            ])
        }
        return table
    }

    /// One row per grouped account: `account, group, strength` (summed weight of its edges).
    public func memberTable(network: CoActionNetwork) -> ResultTable {
        var strength = [Double](repeating: 0, count: network.accountIDs.count)
        for edge in network.edges {
            let weight = edge.weight(network.options.weight)
            strength[Int(edge.accountA)] += weight
            if edge.accountB != edge.accountA { strength[Int(edge.accountB)] += weight }
        }
        var table = ResultTable(name: "coordination_members", title: "Group members", columns: ["account", "group", "strength"])
        for (index, group) in groups.enumerated() {
            for account in group.accounts {
                table.rows.append([.text(network.accountIDs[Int(account)]), .integer(index + 1), .number(strength[Int(account)])])
            }
        }
        return table
    }
}
