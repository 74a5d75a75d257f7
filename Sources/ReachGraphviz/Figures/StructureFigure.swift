import Foundation
import ReachGraph

/// A province's 1+N structure as declared and as observed, as small multiples: the hub's card on
/// top, then one panel (`subgraph cluster_*`) per spoke holding the spoke's card and, below it,
/// the units declared under it (under a unit that is under it, and so on), the panels in rows.
///
/// - Why panels: drawn as one tree, a province with 14 city centres and 40 county units is a
///   ribbon many times wider than tall (3,840 × 732 px for Hunan), its text unreadable at page
///   width. Panels in rows keep the figure within 3:1 whatever the number of spokes; the number
///   of panels a row holds is chosen from the panels' sizes so the figure is about 1.6 times as
///   wide as tall.
/// - Ties inside a panel (spoke → unit, unit → unit) are drawn: declared and observed solid dark
///   grey, width by observed reposts (log scale); declared but never observed dashed grey.
/// - Hub → spoke ties are not drawn (they would cross every panel); each spoke's card says how
///   many reposts came from the hub, or that none did, and its coverage of hub posts.
/// - Observed ties that are not declared are summarised in the caption (counts and reposts by
///   level, the heaviest named) rather than drawn one by one.
/// - Units of a panel stack in columns of at most ``Options/unitsPerColumn`` (invisible edges),
///   so a spoke with many units stays narrow.
/// - Engine: `dot` (a forest of small trees and invisible ordering edges: acyclic and sparse,
///   within the guard's tree budget).
/// - Complexity: O(V + E log E) for V members and E ties.
public enum StructureFigure {
    /// What the caller chooses.
    public struct Options: Sendable {
        /// The heaviest observed-but-undeclared ties named in the caption.
        public var namedUndeclaredTies: Int
        /// Units stacked in one column of a panel before a new column starts.
        public var unitsPerColumn: Int
        public var caption: CaptionOptions
        /// ``figures(of:dataset:options:)`` splits the panels into figures of at most about this
        /// many cards each (a panel is never split).
        public var maxCards: Int

        public init(namedUndeclaredTies: Int = 3, unitsPerColumn: Int = 3, caption: CaptionOptions = CaptionOptions(), maxCards: Int = 48) {
            self.namedUndeclaredTies = max(0, namedUndeclaredTies)
            self.unitsPerColumn = max(1, unitsPerColumn)
            self.caption = caption
            self.maxCards = max(1, maxCards)
        }
    }

    /// The longest lines of a spoke's card, for width estimates.
    static let spokeLines = (hub: "888 reposts of the hub", coverage: "coverage 100%")
    static let declaredColor = "#404040"
    static let unobservedColor = "#8C8C8C"
    /// The width-to-height ratio the panel grid aims at.
    static let targetAspect = 1.6

    /// The 1+N diagram of `scorecard`'s structure as one figure or, when it has more than
    /// ``Options/maxCards`` cards, as several of about equal size (consecutive panels, the hub on
    /// each; the title says which panels), so that no part's text shrinks below legibility at page width.
    /// - Throws: ``FigureError`` when the structure names accounts outside the dataset.
    public static func figures(of scorecard: StructureScorecard, dataset: Dataset, options: Options = Options()) throws -> [Figure] {
        guard scorecard.structure.members.allSatisfy({ $0 >= 0 && Int($0) < dataset.accounts.count }) else {
            throw FigureError(message: "structure \(scorecard.structure.name) names accounts that are not in \(FigureCaption.name(of: dataset))")
        }
        let all = panels(scorecard.structure, dataset: dataset, unitsPerColumn: options.unitsPerColumn)
        let cards = all.reduce(0) { $0 + $1.members.count }
        let parts = max(1, Int((Double(cards) / Double(options.maxCards)).rounded(.up)))
        guard parts > 1 else { return [try figure(of: scorecard, dataset: dataset, options: options)] }
        var chunks: [Range<Int>] = []
        var start = 0, taken = 0
        for (index, panel) in all.enumerated() {
            taken += panel.members.count
            let goal = Double(cards) * Double(chunks.count + 1) / Double(parts)
            if Double(taken) >= goal - Double(panel.members.count) / 2, chunks.count < parts - 1 {
                chunks.append(start ..< index + 1)
                start = index + 1
            }
        }
        if start < all.count { chunks.append(start ..< all.count) }
        return try chunks.map { range in
            var part = options
            part.caption.title = part.caption.title
                ?? "1+N structure: \(scorecard.structure.name), spokes \(range.lowerBound + 1)–\(range.upperBound) of \(all.count)"
            return try figure(of: scorecard, dataset: dataset, options: part, panels: range)
        }
    }

    /// The 1+N diagram of `scorecard`'s structure, whose accounts index `dataset.accounts`: every
    /// panel, or those in `panels` (positions in spoke order).
    /// - Throws: ``FigureError`` when the structure names accounts outside the dataset.
    public static func figure(
        of scorecard: StructureScorecard, dataset: Dataset, options: Options = Options(), panels selection: Range<Int>? = nil
    ) throws -> Figure {
        let structure = scorecard.structure
        let members = structure.members
        guard members.allSatisfy({ $0 >= 0 && Int($0) < dataset.accounts.count }),
            structure.units.count == structure.unitParents.count
        else {
            throw FigureError(message: "structure \(structure.name) names accounts that are not in \(FigureCaption.name(of: dataset))")
        }
        let allPanels = Self.panels(structure, dataset: dataset, unitsPerColumn: options.unitsPerColumn)
        let panels = selection.map { Array(allPanels[$0.clamped(to: allPanels.indices)]) } ?? allPanels
        var local: [Int32: Int] = [structure.hub: 0]
        for member in panels.flatMap(\.members) where local[member] == nil { local[member] = local.count }
        let allTies = scorecard.shape.ties.filter { $0.source != $0.target }
        let ties = allTies.filter { local[$0.source] != nil && local[$0.target] != nil }
        var panelOf: [Int32: Int] = [:]
        for (index, panel) in panels.enumerated() { for member in panel.members { panelOf[member] = index } }
        // Declared ties inside one panel are drawn; hub → spoke ties go on the spokes' cards.
        let drawn = ties.filter { $0.isDeclared && $0.source != structure.hub && panelOf[$0.source] != nil && panelOf[$0.source] == panelOf[$0.target] }
        let fromHub = Dictionary(ties.filter { $0.source == structure.hub }.map { ($0.target, $0.observedWeight) }, uniquingKeysWith: +)
        let undeclared = allTies.filter { !$0.isDeclared }.sorted { $0.observedWeight != $1.observedWeight ? $0.observedWeight > $1.observedWeight : ($0.source, $0.target) < ($1.source, $1.target) }
        let rows = gridRows(panels)
        let ordering = orderingEdges(rows: rows, panels: panels, hub: structure.hub)

        let caption = captionLines(scorecard, dataset: dataset, ties: allTies, undeclared: undeclared, rows: rows, options: options)
        let edgeLegend: [FigureLabel.Entry] = [
            (lineSwatch("━━━", color: declaredColor), "declared, observed (width: reposts)"),
            (lineSwatch("╍╍╍", color: unobservedColor), "declared, never observed"),
        ]
        var writer = DOTWriter(name: "structure", reservingCapacity: 700 * local.count + 200 * ties.count + 4096)
        var graph = FigureLabel.graphAttributes(caption: caption, legends: [edgeLegend, FigureLabel.kindEntries(local.keys.map { dataset.accounts[Int($0)].kind })])
        graph.set("rankdir", "TB")
        graph.set("nodesep", 0.15)
        graph.set("ranksep", 0.3)
        graph.set("outputorder", "edgesfirst")
        writer.graphAttributes(graph)
        writer.nodeDefaults(["fontname": .string(FontFamily.cjk), "fontsize": 10])
        writer.edgeDefaults(["fontname": .string(FontFamily.cjk), "arrowsize": 0.5])

        writer.beginSubgraph(attributes: ["rank": "min"])
        writer.node(nodeID(structure.hub), card(structure.hub, scorecard: scorecard, fromHub: nil, dataset: dataset))
        writer.endSubgraph()
        for (index, panel) in panels.enumerated() {
            writer.beginCluster("panel_\(index + 1)", attributes: ["label": "", "style": "rounded", "color": "#BBBBBB", "margin": 6])
            for member in panel.members {
                writer.node(nodeID(member), card(member, scorecard: scorecard, fromHub: fromHub[member], dataset: dataset))
            }
            writer.endSubgraph()
        }
        for edge in ordering { writer.edge(from: nodeID(edge.above), to: nodeID(edge.below), ["style": "invis", "weight": .integer(edge.weight)]) }

        let maxWeight = max(1, ties.map(\.observedWeight).max() ?? 1)
        func width(_ weight: Double) -> DOTValue { .number(((0.6 + 3.4 * log1p(max(weight, 0)) / log1p(maxWeight)) * 100).rounded() / 100) }
        for tie in drawn {
            let from = dataset.accounts[Int(tie.source)].id, to = dataset.accounts[Int(tie.target)].id
            var attributes: DOTAttributes = tie.observedWeight > 0
                ? ["color": .string(declaredColor), "penwidth": width(tie.observedWeight)]
                : ["color": .string(unobservedColor), "style": "dashed", "penwidth": 0.8]
            let kind = structure.isDetected ? "found in the reposts" : tie.observedWeight > 0 ? "declared" : "declared, never observed"
            attributes.set("tooltip", .string("\(from) → \(to): \(formatNumber(tie.observedWeight)) reposts (\(kind))"))
            writer.edge(from: nodeID(tie.source), to: nodeID(tie.target), attributes)
        }
        let edges = (drawn.map { ($0.source, $0.target) } + ordering.map { ($0.above, $0.below) }).compactMap { pair in local[pair.0].flatMap { a in local[pair.1].map { (a, $0) } } }
        return Figure(
            dot: writer.finish(), caption: caption, engine: .dot, notice: nil, shape: GraphShape(nodeCount: local.count, edges: edges),
            accountIDs: local.keys.sorted().map { dataset.accounts[Int($0)].id }
        )
    }

    /// A spoke and the units declared below it, in columns.
    struct Panel {
        var head: Int32
        /// Columns of units, top to bottom.
        var columns: [[Int32]]
        /// Estimated width in inches (from the cards' text), for the grid.
        var width: Double

        var members: [Int32] { [head] + columns.flatMap { $0 } }
        /// Cards down.
        var height: Int { 1 + (columns.map(\.count).max() ?? 0) }
        /// The card at the bottom of the longest column.
        var bottom: Int32 { columns.max { $0.count < $1.count }?.last ?? head }
    }

    /// About how wide a card with `lines` is drawn, in inches: the glyph cell and the longest
    /// line at 10 pt (a CJK character about twice a Latin one).
    static func cardWidth(_ lines: [String]) -> Double {
        let longest = lines.map { line in line.unicodeScalars.reduce(0.0) { $0 + ($1.value > 0x2E80 ? 0.14 : 0.075) } }.max() ?? 0
        return 0.35 + longest
    }

    /// One panel per spoke, in roster order; each unit goes to the spoke its chain of declared
    /// parents reaches (units whose chain reaches no spoke are left to the caption's counts).
    static func panels(_ structure: DeclaredStructure, dataset: Dataset, unitsPerColumn: Int) -> [Panel] {
        var parentOf: [Int32: Int32] = [:]
        for (unit, parent) in zip(structure.units, structure.unitParents) { parentOf[unit] = parent }
        let spokeIndex = Dictionary(structure.spokes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var unitsOf = [[Int32]](repeating: [], count: structure.spokes.count)
        for unit in structure.units where spokeIndex[unit] == nil && unit != structure.hub {
            var current = unit
            var steps = 0
            while let parent = parentOf[current], spokeIndex[parent] == nil, steps < structure.units.count {
                current = parent
                steps += 1
            }
            if let parent = parentOf[current], let spoke = spokeIndex[parent] { unitsOf[spoke].append(unit) }
        }
        return structure.spokes.enumerated().compactMap { index, spoke in
            guard spoke != structure.hub, spokeIndex[spoke] == index else { return nil }
            let units = unitsOf[index].sorted { (dataset.accounts[Int($0)].tier ?? .overseas, $0) < (dataset.accounts[Int($1)].tier ?? .overseas, $1) }
            let columns = stride(from: 0, to: units.count, by: unitsPerColumn).map { Array(units[$0 ..< min($0 + unitsPerColumn, units.count)]) }
            let name = { (account: Int32) in shortName(dataset.accounts[Int(account)]) }
            let headWidth = cardWidth([name(spoke), spokeLines.hub, spokeLines.coverage])
            let unitsWidth = columns.reduce(0) { $0 + ($1.map { cardWidth([name($0)]) }.max() ?? 0) + 0.15 }
            return Panel(head: spoke, columns: columns, width: max(headWidth, unitsWidth) + 0.2)
        }
    }

    /// Panels split into rows: the number per row whose grid comes closest to ``targetAspect``
    /// (a card is taken as 2.2 in wide and a level as 0.75 in tall).
    static func gridRows(_ panels: [Panel]) -> [[Int]] {
        guard !panels.isEmpty else { return [] }
        func rows(_ perRow: Int) -> [[Int]] { stride(from: 0, to: panels.count, by: perRow).map { Array($0 ..< min($0 + perRow, panels.count)) } }
        func aspect(_ grid: [[Int]]) -> Double {
            let width = grid.map { $0.reduce(0) { $0 + panels[$1].width + 0.15 } }.max() ?? 1
            let height = 1 + grid.reduce(0) { $0 + ($1.map { panels[$0].height }.max() ?? 0) + 1 }
            return width / (0.62 * Double(height))
        }
        let best = (1 ... panels.count).min { abs(log(aspect(rows($0)) / targetAspect)) < abs(log(aspect(rows($1)) / targetAspect)) } ?? 1
        return rows(best)
    }

    /// Invisible edges that place the grid, with their `weight` (dot's pull toward short,
    /// vertical edges): the hub → the first row's spokes and the bottom of each row's tallest
    /// panel → the next row's spokes (weight 0: rank only); the bottom of the panel above →
    /// a spoke (weight 4: panels align in columns); in a panel, the spoke → each column's first
    /// unit and each unit → the one below it (weight 8: straight columns).
    static func orderingEdges(rows: [[Int]], panels: [Panel], hub: Int32) -> [(above: Int32, below: Int32, weight: Int)] {
        var edges: [(above: Int32, below: Int32, weight: Int)] = []
        var previous: [Int] = []
        for row in rows {
            let tallest = previous.max { panels[$0].height != panels[$1].height ? panels[$0].height < panels[$1].height : $0 > $1 }
            for (position, index) in row.enumerated() {
                guard let tallest else {
                    edges.append((hub, panels[index].head, 0))
                    continue
                }
                edges.append((panels[tallest].bottom, panels[index].head, 0))
                if position < previous.count, previous[position] != tallest { edges.append((panels[previous[position]].bottom, panels[index].head, 4)) }
            }
            previous = row
        }
        for panel in panels {
            for column in panel.columns {
                guard let first = column.first else { continue }
                edges.append((panel.head, first, 8))
                for (upper, lower) in zip(column, column.dropFirst()) { edges.append((upper, lower, 8)) }
            }
        }
        return edges
    }

    /// A member's card: its name; a spoke's coverage of hub posts and reposts from the hub; the
    /// hub's post count.
    private static func card(_ member: Int32, scorecard: StructureScorecard, fromHub: Double?, dataset: Dataset) -> DOTAttributes {
        let account = dataset.accounts[Int(member)]
        var lines = [shortName(account)]
        if member == scorecard.structure.hub {
            lines.append("hub · \(groupedDigits(scorecard.response.hubPosts.count)) hub posts")
        } else if let spoke = scorecard.structure.spokes.firstIndex(of: member) {
            let reposts = fromHub ?? 0
            lines.append(reposts > 0 ? "\(formatNumber(reposts)) reposts of the hub" : "never reposted the hub")
            if let coverage = scorecard.response.coverage(ofSpoke: spoke) { lines.append("coverage \(percentText(coverage))") }
        }
        let tooltip = "\(account.label) (\(account.id)) · \(account.kind.rawValue) · \(account.tier?.rawValue ?? "no tier")"
        return KindNodeLabel.attributes(kind: account.kind, lines: lines, tooltip: tooltip, highlighted: member == scorecard.structure.hub)
    }

    /// The name (else id), cut to 24 characters so one long name does not widen a panel.
    private static func shortName(_ account: Account) -> String {
        FigureLabel.shortened(account.label, to: 24)
    }

    private static func nodeID(_ account: Int32) -> String { "a\(account)" }

    /// A legend swatch that shows a line style in its colour.
    private static func lineSwatch(_ line: String, color: String) -> HTMLCell {
        HTMLCell(.font(color: color, .text(line)), alignment: .center)
    }

    /// Title, hub and counts, tie counts, the undeclared ties summarised, coverage and lag, route
    /// fidelity, encoding, notes, notice.
    private static func captionLines(
        _ scorecard: StructureScorecard, dataset: Dataset, ties: [StructureTie], undeclared: [StructureTie], rows: [[Int]], options: Options
    ) -> [String] {
        let structure = scorecard.structure
        let hub = dataset.accounts[Int(structure.hub)]
        let declared = ties.filter(\.isDeclared)
        let observed = declared.filter { $0.observedWeight > 0 }.count
        var lines = [
            options.caption.title ?? "1+N structure: \(structure.name)\(structure.isDetected ? " (detected from reposts)" : "")",
            "hub \(hub.label) (\(hub.id)); \(groupedDigits(structure.spokes.count)) spokes, \(groupedDigits(structure.units.count)) units",
            structure.isDetected
                ? "hub–spoke ties found in the reposts (the roster declares none): \(groupedDigits(declared.count))"
                : "declared ties: \(groupedDigits(declared.count)), \(groupedDigits(observed)) observed and \(groupedDigits(declared.count - observed)) never observed",
        ]
        if !undeclared.isEmpty {
            let spokes = Set(structure.spokes)
            func level(_ account: Int32) -> String { account == structure.hub ? "hub" : spokes.contains(account) ? "spoke" : "unit" }
            var byLevels: [String: (ties: Int, reposts: Double)] = [:]
            for tie in undeclared {
                let key = "\(level(tie.source)) → \(level(tie.target))"
                byLevels[key, default: (0, 0)].ties += 1
                byLevels[key, default: (0, 0)].reposts += tie.observedWeight
            }
            let parts = byLevels.sorted { $0.value.ties != $1.value.ties ? $0.value.ties > $1.value.ties : $0.key < $1.key }
                .map { "\($0.key) \(groupedDigits($0.value.ties))" }
            let total = undeclared.reduce(0) { $0 + $1.observedWeight }
            lines.append(
                "observed ties not declared (not drawn): \(groupedDigits(undeclared.count)) carrying \(formatNumber(total)) reposts — " + parts.joined(separator: ", ")
            )
            let named = undeclared.prefix(options.namedUndeclaredTies).map { tie in
                "\(shortName(dataset.accounts[Int(tie.source)])) → \(shortName(dataset.accounts[Int(tie.target)])) (\(formatNumber(tie.observedWeight)))"
            }
            if !named.isEmpty { lines.append("heaviest undeclared: " + named.joined(separator: ", ")) }
        }
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
        lines.append(
            "panels: one per spoke (\(rows.count == 1 ? "one row" : "\(rows.count) rows")), its declared units below it; hub → spoke ties are not drawn:"
                + " each spoke's card gives its reposts of the hub and coverage of hub posts; edge width: observed reposts (log); glyph and colour: kind"
        )
        return lines + FigureLabel.closingLines(options.caption)
    }
}
