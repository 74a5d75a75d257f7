import Foundation
import ReachGraph

/// A province's 1+N structure as declared and as observed: the hub on top, the spokes below it
/// and the units below them, one `subgraph cluster_*` box per level and tier ("spokes ·
/// municipal", "spokes · provincial", "units · county" …), and three kinds of tie
/// (``ShapeConformance/ties``):
///
/// - declared and observed: solid dark grey, width by observed reposts (log scale);
/// - declared but never observed: dashed grey, thin;
/// - observed but not declared (between roster members): magenta with an open arrowhead (the
///   arrowhead keeps it apart from declared ties in grey print), width by reposts, and
///   `constraint=false` so these ties do not pull the declared hierarchy out of its levels.
///
/// Nodes are cards (``KindNodeLabel``); a spoke's card gives its coverage of hub posts. Units of
/// one parent and tier are stacked in a column under it (invisible edges), so a province with
/// dozens of county units stays about as wide as its list of spokes instead of one very long row.
///
/// - Engine: `dot`: the declared structure is a tree and the figure is about its levels;
///   clusters need `dot` or `fdp`. When the undeclared ties would put the graph over `dot`'s
///   budget (``EngineGuard``), only the heaviest of them that fit are drawn and the caption says so.
/// - The caption carries the province, the tie counts, coverage, share of hub posts reached by a
///   majority of spokes, median lag and route fidelity from the scorecard (when defined).
/// - Complexity: O((V + E) log E) for V members and E ties (sorting, and a binary search over
///   the number of undeclared ties with an O(V + E) budget check each).
public enum StructureFigure {
    /// What the caller chooses.
    public struct Options: Sendable {
        /// At most this many observed-but-undeclared ties are drawn, the heaviest first.
        public var maxUndeclaredTies: Int
        public var caption: CaptionOptions

        public init(maxUndeclaredTies: Int = 150, caption: CaptionOptions = CaptionOptions()) {
            self.maxUndeclaredTies = max(0, maxUndeclaredTies)
            self.caption = caption
        }
    }

    static let declaredColor = "#404040"
    /// dot's pull on declared ties, keeping units near below their declared parent.
    static let declaredWeight = 8
    static let unobservedColor = "#8C8C8C"
    static let undeclaredColor = "#C51B7D"
    /// Undeclared ties are translucent so the declared hierarchy stays in front.
    static let undeclaredStroke = "#C51B7DA6"

    /// The 1+N diagram of `scorecard`'s structure, whose accounts index `dataset.accounts`.
    /// - Throws: ``FigureError`` when the structure names accounts outside the dataset.
    public static func figure(of scorecard: StructureScorecard, dataset: Dataset, options: Options = Options()) throws -> Figure {
        let structure = scorecard.structure
        let members = structure.members
        guard members.allSatisfy({ $0 >= 0 && Int($0) < dataset.accounts.count }),
            structure.units.count == structure.unitParents.count
        else {
            throw FigureError(message: "structure \(structure.name) names accounts that are not in \(FigureCaption.name(of: dataset))")
        }
        var local: [Int32: Int] = [:]
        for member in members where local[member] == nil { local[member] = local.count }
        let ties = scorecard.shape.ties.filter { local[$0.source] != nil && local[$0.target] != nil && $0.source != $0.target }
        let declared = ties.filter(\.isDeclared)
        let undeclaredAll = ties.filter { !$0.isDeclared }.sorted { $0.observedWeight > $1.observedWeight }
        let groups = clusterGroups(structure, dataset: dataset)
        let stacking = stackingEdges(groups, structure: structure)

        // The most undeclared ties (heaviest first) that keep the graph inside dot's budget.
        func shape(undeclared count: Int) -> GraphShape {
            let drawnTies = declared + undeclaredAll.prefix(count)
            let edges = drawnTies.compactMap { tie in local[tie.source].flatMap { a in local[tie.target].map { (a, $0) } } }
                + stacking.compactMap { pair in local[pair.0].flatMap { a in local[pair.1].map { (a, $0) } } }
            return GraphShape(nodeCount: local.count, edges: edges)
        }
        var low = 0, high = min(options.maxUndeclaredTies, undeclaredAll.count)
        while low < high {
            let middle = (low + high + 1) / 2
            if EngineGuard.problem(with: .dot, shape: shape(undeclared: middle)) == nil { low = middle } else { high = middle - 1 }
        }
        let undeclared = Array(undeclaredAll.prefix(low))

        let caption = captionLines(scorecard, dataset: dataset, declared: declared, undeclared: undeclared, undeclaredTotal: undeclaredAll.count, options: options.caption)
        let edgeLegend: [FigureLabel.Entry] = [
            (lineSwatch("━━━", color: declaredColor), "declared, observed (width: reposts)"),
            (lineSwatch("╍╍╍", color: unobservedColor), "declared, never observed"),
            (lineSwatch("━━▷", color: undeclaredColor), "observed, not declared"),
        ]
        var writer = DOTWriter(name: "structure", reservingCapacity: 700 * local.count + 200 * ties.count + 4096)
        var graph = FigureLabel.graphAttributes(
            caption: caption, legends: [edgeLegend, FigureLabel.kindEntries(members.map { dataset.accounts[Int($0)].kind })]
        )
        graph.set("rankdir", "TB")
        graph.set("nodesep", 0.12)
        graph.set("ranksep", 0.35)
        graph.set("outputorder", "edgesfirst")
        // Straight edges: with boxes spanning whole levels, dot's splines detour around them in
        // wide loops (hub → unit ties skip the spokes' level); straight lines stay short, and
        // cards are drawn over them.
        graph.set("splines", "line")
        writer.graphAttributes(graph)
        writer.nodeDefaults(["fontname": .string(FontFamily.cjk), "fontsize": 9])
        writer.edgeDefaults(["fontname": .string(FontFamily.cjk), "arrowsize": 0.5])

        writer.beginSubgraph(attributes: ["rank": "min"])
        writer.node(nodeID(structure.hub), card(structure.hub, scorecard: scorecard, dataset: dataset))
        writer.endSubgraph()
        for group in groups {
            writer.beginCluster(group.id, attributes: [
                "label": .string("\(group.title) (\(group.members.count))"), "style": "rounded", "color": "#999999",
                "fontname": .string(FontFamily.cjk), "fontsize": 10,
            ])
            for member in group.members { writer.node(nodeID(member), card(member, scorecard: scorecard, dataset: dataset)) }
            writer.endSubgraph()
        }
        for (above, below) in stacking { writer.edge(from: nodeID(above), to: nodeID(below), ["style": "invis"]) }

        let maxWeight = max(1, ties.map(\.observedWeight).max() ?? 1)
        func width(_ weight: Double) -> DOTValue { .number(((0.6 + 3.4 * log1p(max(weight, 0)) / log1p(maxWeight)) * 100).rounded() / 100) }
        for tie in declared + undeclared {
            let from = dataset.accounts[Int(tie.source)].id, to = dataset.accounts[Int(tie.target)].id
            var attributes: DOTAttributes
            if !tie.isDeclared {
                attributes = ["color": .string(undeclaredStroke), "penwidth": width(tie.observedWeight), "arrowhead": "empty", "constraint": false]
            } else if tie.observedWeight > 0 {
                attributes = ["color": .string(declaredColor), "penwidth": width(tie.observedWeight), "weight": .integer(declaredWeight)]
            } else {
                attributes = ["color": .string(unobservedColor), "style": "dashed", "penwidth": 0.8, "weight": .integer(declaredWeight)]
            }
            let status = tie.isDeclared ? (tie.observedWeight > 0 ? "declared" : "declared, never observed") : "not declared"
            attributes.set("tooltip", .string("\(from) → \(to): \(formatNumber(tie.observedWeight)) reposts (\(status))"))
            writer.edge(from: nodeID(tie.source), to: nodeID(tie.target), attributes)
        }
        return Figure(
            dot: writer.finish(), caption: caption, engine: .dot, notice: nil, shape: shape(undeclared: low),
            accountIDs: local.keys.sorted().map { dataset.accounts[Int($0)].id }
        )
    }

    /// The members below the hub, boxed by level (spokes, units) and tier.
    private struct ClusterGroup {
        var id: String
        var title: String
        var members: [Int32]
    }

    /// Spokes' boxes first, then units'; within a level, tiers in roster order (`provincial`
    /// before `municipal` before `county`), then accounts without a tier.
    private static func clusterGroups(_ structure: DeclaredStructure, dataset: Dataset) -> [ClusterGroup] {
        var groups: [ClusterGroup] = []
        for (level, accounts) in [("spokes", structure.spokes), ("units", structure.units)] {
            var byTier: [Tier?: [Int32]] = [:]
            for account in accounts where account != structure.hub { byTier[dataset.accounts[Int(account)].tier, default: []].append(account) }
            let tiers = byTier.keys.sorted { left, right in
                switch (left, right) {
                case let (left?, right?): return left < right
                case (.some, nil): return true
                default: return false
                }
            }
            for tier in tiers {
                groups.append(ClusterGroup(id: "\(level)_\(tier?.rawValue ?? "none")", title: "\(level) · \(tier?.rawValue ?? "no tier")", members: byTier[tier] ?? []))
            }
        }
        return groups
    }

    /// Invisible edges that stack the units of one parent and box in a column below the first.
    private static func stackingEdges(_ groups: [ClusterGroup], structure: DeclaredStructure) -> [(Int32, Int32)] {
        var parentOf: [Int32: Int32] = [:]
        for (unit, parent) in zip(structure.units, structure.unitParents) { parentOf[unit] = parent }
        var edges: [(Int32, Int32)] = []
        for group in groups {
            var last: [Int32: Int32] = [:]
            for member in group.members {
                guard let parent = parentOf[member] else { continue }
                if let previous = last[parent] { edges.append((previous, member)) }
                last[parent] = member
            }
        }
        return edges
    }

    /// A member's card: its name; a spoke's coverage of hub posts; the hub's post count.
    private static func card(_ member: Int32, scorecard: StructureScorecard, dataset: Dataset) -> DOTAttributes {
        let account = dataset.accounts[Int(member)]
        var lines = [account.name ?? account.id]
        if member == scorecard.structure.hub {
            lines.append("hub · \(groupedDigits(scorecard.response.hubPosts.count)) hub posts")
        } else if let spoke = scorecard.structure.spokes.firstIndex(of: member), let coverage = scorecard.response.coverage(ofSpoke: spoke) {
            lines.append("coverage \(percentText(coverage))")
        }
        let tooltip = "\(account.name ?? account.id) (\(account.id)) · \(account.kind.rawValue) · \(account.tier?.rawValue ?? "no tier")"
        return KindNodeLabel.attributes(kind: account.kind, lines: lines, tooltip: tooltip, highlighted: member == scorecard.structure.hub)
    }

    private static func nodeID(_ account: Int32) -> String { "a\(account)" }

    /// A legend swatch that shows a line style in its colour.
    private static func lineSwatch(_ line: String, color: String) -> HTMLCell {
        HTMLCell(.font(color: color, .text(line)), alignment: .center)
    }

    /// Title, hub and counts, tie counts, coverage and lag, route fidelity, encoding, notes, notice.
    private static func captionLines(
        _ scorecard: StructureScorecard, dataset: Dataset, declared: [StructureTie], undeclared: [StructureTie], undeclaredTotal: Int, options: CaptionOptions
    ) -> [String] {
        let structure = scorecard.structure
        let hub = dataset.accounts[Int(structure.hub)]
        let observed = declared.filter { $0.observedWeight > 0 }.count
        var lines = [
            options.title ?? "1+N structure: \(structure.name)\(structure.isDetected ? " (detected from reposts)" : "")",
            "hub \(hub.name ?? hub.id) (\(hub.id)); \(groupedDigits(structure.spokes.count)) spokes, \(groupedDigits(structure.units.count)) units",
            "declared ties: \(groupedDigits(declared.count)), \(groupedDigits(observed)) observed and \(groupedDigits(declared.count - observed)) never observed;"
                + " observed ties not declared: \(groupedDigits(undeclaredTotal))"
                + (undeclared.count < undeclaredTotal ? " (the \(groupedDigits(undeclared.count)) heaviest drawn)" : ""),
        ]
        let response = scorecard.response
        if let coverage = response.structureCoverage {
            var line = "coverage: spokes reposted \(percentText(coverage)) of (hub post, spoke) pairs within \(elapsedText(response.window).dropFirst())"
            if let share = response.shareOfHubPosts(respondedToByAtLeast: scorecard.minimumSpokes) {
                line += "; \(percentText(share)) of \(groupedDigits(response.hubPosts.count)) hub posts reached ≥ \(scorecard.minimumSpokes) spokes"
            }
            if let lag = response.medianLag { line += "; median lag \(elapsedText(lag).dropFirst())" }
            lines.append(line)
        }
        if let fidelity = scorecard.routes.share(.declaredParent) {
            lines.append(
                "route fidelity: \(percentText(fidelity)) of \(groupedDigits(scorecard.routes.total)) unit reposts came via the declared parent"
                    + (scorecard.routes.share(.hub).map { ", \(percentText($0)) directly from the hub" } ?? "")
            )
        }
        lines.append("levels: hub, spokes, units; boxes: level and tier; edge width: observed reposts (log); glyph and colour: kind")
        return lines + FigureLabel.closingLines(options)
    }
}
