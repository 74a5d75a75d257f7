/// Result tables of the 1+N scorecard, as the `structure` command prints them.
extension StructureAnalysis {
    /// The scorecard, one row per measure: `structure, section, measure, value`; a province left
    /// out has one row, `left out`, whose value is the reason.
    public func scorecardTable(dataset: Dataset) -> ResultTable {
        var table = ResultTable(
            name: "structure_scorecard", title: isDetected ? "Hub-and-spoke scorecard (detected groups: \(rosterDeclaresNoParents ? "the roster declares no parents" : "no roster"))" : "1+N structure scorecard",
            columns: ["structure", "section", "measure", "value"]
        )
        func number(_ value: Double?) -> Cell { value.map(Cell.number) ?? .missing }
        for card in scorecards {
            let structure = card.structure
            func row(_ section: String, _ measure: String, _ value: Cell) { table.rows.append([.text(structure.name), .text(section), .text(measure), value]) }
            row("structure", "hub", .text(dataset.accounts[Int(structure.hub)].id))
            row("structure", "spokes", .integer(structure.spokes.count))
            row("structure", "units", .integer(structure.units.count))
            let response = card.response
            row("coverage", "hub posts", .integer(response.hubPosts.count))
            row("coverage", "structure coverage (hub posts × spokes reposted within \(TimeSpan(seconds: response.window)))", number(response.structureCoverage))
            row("coverage", "hub posts reposted by at least 1 spoke", number(response.shareOfHubPosts(respondedToByAtLeast: 1)))
            row("coverage", "hub posts reposted by at least \(card.minimumSpokes) spokes", number(response.shareOfHubPosts(respondedToByAtLeast: card.minimumSpokes)))
            row("coverage", "hub posts reposted by all spokes", number(structure.spokes.isEmpty ? nil : response.shareOfHubPosts(respondedToByAtLeast: structure.spokes.count)))
            row("lag", "median lag, hours (all spokes' first reposts)", number(response.medianLag.map { $0 / 3600 }))
            let sync = card.synchronisation
            row("synchronisation", "spoke pairs co-reposting within \(TimeSpan(seconds: sync.window)) (pairs)", .integer(sync.network.pairCount))
            if let baseline = sync.baseline {
                row("synchronisation", "expected under \(baseline.shuffles) time shuffles", .number(baseline.pairs.expected))
                row("synchronisation", "z", number(baseline.pairs.z))
                row("synchronisation", "p (shuffled ≥ observed)", .number(baseline.pairs.p))
            }
            let routes = card.routes
            row("routes", "unit reposts classified", .integer(routes.total))
            for route in RouteFidelity.Route.allCases { row("routes", "share \(route.rawValue)", number(routes.share(route))) }
            row("routes", "unit reposts of posts not in the data", .integer(routes.unknownSource))
            let shape = card.shape
            row("shape", "members", .integer(shape.nodes))
            row("shape", "observed ties among members", .integer(shape.edges))
            row("shape", "Krackhardt connectedness", number(shape.connectedness))
            row("shape", "Krackhardt hierarchy", number(shape.hierarchy))
            row("shape", "Krackhardt efficiency", number(shape.efficiency))
            row("shape", "Krackhardt least upper boundedness", number(shape.leastUpperBoundedness))
            row("shape", "out-degree centralization", number(shape.degreeCentralization))
            row("shape", "betweenness centralization (undirected)", number(shape.betweennessCentralization))
            row("shape", "reciprocity", number(shape.reciprocity))
            row("shape", "core-periphery fit (correlation)", number(shape.corePeriphery?.correlation))
            row("shape", "core size", shape.corePeriphery.map { .integer($0.core.filter { $0 }.count) } ?? .missing)
            row("shape", "hub in core", shape.hubInCore.map { .text($0 ? "yes" : "no") } ?? .missing)
            let external = card.external
            row("external", "member originals", .integer(external.memberOriginals))
            row("external", "share reaching accounts outside the roster", number(external.share))
            row("external", "bridges (outside accounts reposting members)", .integer(external.bridges.count))
            row("external", "top bridge", external.bridges.first.map { .text(dataset.accounts[Int($0.account)].id) } ?? .missing)
        }
        for province in leftOut { table.rows.append([.text(province.name), .text("structure"), .text("left out"), .text(province.reason)]) }
        return table
    }

    /// The scorecard as one wide table: a row per measure, a column per structure, so every
    /// province is visible side by side (``scorecardTable(dataset:)`` is the same in long form).
    public func scorecardWideTable(dataset: Dataset) -> ResultTable {
        let long = scorecardTable(dataset: dataset)
        let names = scorecards.map(\.structure.name) + leftOut.map(\.name)
        var table = ResultTable(name: "structure_scorecard_wide", title: long.title + " (one column per structure)", columns: ["section", "measure"] + names)
        var rowOf: [String: Int] = [:]
        for row in long.rows {
            guard case .text(let structure) = row[0], case .text(let section) = row[1], case .text(let measure) = row[2],
                let column = names.firstIndex(of: structure)
            else { continue }
            let key = section + "\u{1F}" + measure
            if rowOf[key] == nil {
                rowOf[key] = table.rows.count
                table.rows.append([.text(section), .text(measure)] + names.map { _ in Cell.missing })
            }
            table.rows[rowOf[key]!][2 + column] = row[3]  // safe: set just above
        }
        return table
    }

    /// One row per spoke: coverage and lag.
    public func spokeTable(dataset: Dataset) -> ResultTable {
        var table = ResultTable(
            name: "structure_spokes", title: "Spokes: coverage of hub posts and lag",
            columns: ["structure", "spoke", "kind", "tier", "responses", "coverage", "lag_median_hours", "lag_q1_hours", "lag_q3_hours"]
        )
        for card in scorecards {
            for (slot, spoke) in card.structure.spokes.enumerated() {
                let account = dataset.accounts[Int(spoke)]
                let lag = card.response.lag(ofSpoke: slot)
                table.rows.append([
                    .text(card.structure.name), .text(account.id), .text(account.kind.rawValue), account.tier.map { .text($0.rawValue) } ?? .missing,
                    .integer(card.response.delays[slot].count), card.response.coverage(ofSpoke: slot).map(Cell.number) ?? .missing,
                    lag.map { .number($0.median / 3600) } ?? .missing, lag.map { .number($0.lower / 3600) } ?? .missing, lag.map { .number($0.upper / 3600) } ?? .missing,
                ])
            }
        }
        return table
    }

    /// Declared and observed ties per structure: what a 1+N figure draws (declared but unobserved
    /// ties have weight 0; observed but undeclared ties have `declared` = no; a detected group's
    /// hub–spoke ties, found in the reposts rather than declared, have `declared` = detected).
    public func tieTable(dataset: Dataset) -> ResultTable {
        var table = ResultTable(
            name: "structure_ties", title: "Declared and observed ties",
            columns: ["structure", "source", "target", "declared", "observed_weight", "source_tier", "target_tier"]
        )
        for card in scorecards {
            for tie in card.shape.ties {
                let source = dataset.accounts[Int(tie.source)], target = dataset.accounts[Int(tie.target)]
                table.rows.append([
                    .text(card.structure.name), .text(source.id), .text(target.id), .text(tie.isDeclared ? (card.structure.isDetected ? "detected" : "yes") : "no"), .number(tie.observedWeight),
                    source.tier.map { .text($0.rawValue) } ?? .missing, target.tier.map { .text($0.rawValue) } ?? .missing,
                ])
            }
        }
        return table
    }

    /// Accounts outside the roster that carried members' content out, per structure.
    public func bridgeTable(dataset: Dataset) -> ResultTable {
        var table = ResultTable(
            name: "structure_bridges", title: "External amplification: entry points outside the roster",
            columns: ["structure", "account", "kind", "followers", "reposts", "cascades", "downstream"]
        )
        for card in scorecards {
            for bridge in card.external.bridges {
                let account = dataset.accounts[Int(bridge.account)]
                table.rows.append([
                    .text(card.structure.name), .text(account.id), .text(account.kind.rawValue), account.followers.map(Cell.integer) ?? .missing,
                    .integer(bridge.reposts), .integer(bridge.cascades), .integer(bridge.downstream),
                ])
            }
        }
        return table
    }

    /// Spoke pairs that co-reposted hub posts within τ, with their baseline where computed.
    public func synchronisationTable() -> ResultTable {
        var table = ResultTable(
            name: "structure_synchronisation", title: "Spoke pairs co-reposting hub posts",
            columns: ["structure", "spoke_a", "spoke_b", "co_reposts", "mean_delta_seconds", "expected", "z", "p"]
        )
        for card in scorecards {
            let network = card.synchronisation.network
            for (position, edge) in network.edges.enumerated() {
                let statistic = card.synchronisation.baseline?.edgeStatistics[position]
                table.rows.append([
                    .text(card.structure.name), .text(network.accountIDs[Int(edge.accountA)]), .text(network.accountIDs[Int(edge.accountB)]),
                    .integer(edge.coShares), .number(edge.meanDelta),
                    statistic.map { .number($0.expected) } ?? .missing, statistic?.z.map(Cell.number) ?? .missing, statistic.map { .number($0.p) } ?? .missing,
                ])
            }
        }
        return table
    }
}
