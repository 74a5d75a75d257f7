import Foundation
import ReachGraph

/// The groups of a co-action (coordination) network: accounts that shared the same objects within
/// the window, joined by undirected ties whose width is the log of their weight, the
/// ``Options/maxGroups`` largest groups boxed one `subgraph cluster_*` each.
///
/// - Engine: `fdp` by default. The network is undirected and full of cycles, so `dot` (layered,
///   and minutes on cyclic graphs of a few hundred nodes) does not fit it; of the force-directed
///   engines only `fdp` draws cluster boxes (`sfdp` and `neato` ignore them; docs/graphviz.md).
///   When the drawn part is over `fdp`'s budget (200 nodes, 600 edges) the figure is laid out
///   with `sfdp` instead, groups shown by fill colour (Tableau 10; grey beyond the tenth group)
///   and kinds by shape alone, and ``Figure/notice`` says so.
/// - Nodes: the kind's shape and fill (``AccountKindStyle``), area by strength (summed weight of
///   the drawn ties). The ``Options/labelCount`` strongest accounts carry their rank inside the
///   node and are named in the caption ("1 温州国际传播中心 (zj-wenzhou)"): names beside the nodes
///   (`xlabel`) overlapped each other and the ties in the dense centre of a large group, since
///   `fdp` reserves no room for them. Accounts of the
///   co-action log that are not in the dataset are drawn as kind `other` under their id.
/// - Ties between two drawn groups (Louvain communities can share ties) are drawn too.
/// - Complexity: O(A + E log E) for the network's A accounts and E edges.
public enum CoordinationFigure {
    /// What the caller chooses.
    public struct Options: Sendable {
        /// The largest groups drawn (at least 1); the caption says what was cut.
        public var maxGroups: Int
        /// `nil`: `fdp` when the drawn part fits its budget, else `sfdp`.
        public var engine: LayoutEngine?
        /// How many of the strongest accounts are numbered in the figure and named in the caption.
        public var labelCount: Int
        public var caption: CaptionOptions
        /// At most this many accounts are drawn: whole groups, largest first, while they fit; a
        /// first group bigger than the budget keeps its strongest members.
        public var maxNodes: Int
        /// At most this many ties are drawn, the heaviest.
        public var maxEdges: Int

        public init(
            maxGroups: Int = 8, engine: LayoutEngine? = nil, labelCount: Int = 12, caption: CaptionOptions = CaptionOptions(),
            maxNodes: Int = .max, maxEdges: Int = .max
        ) {
            self.maxGroups = max(1, maxGroups)
            self.engine = engine
            self.labelCount = max(0, labelCount)
            self.caption = caption
            self.maxNodes = max(1, maxNodes)
            self.maxEdges = max(0, maxEdges)
        }
    }

    /// The figure of `groups` (made from `network`); `dataset` supplies names and kinds.
    /// - Throws: ``FigureError`` when `groups` name accounts outside `network`.
    public static func figure(of network: CoActionNetwork, groups: CoordinationGroups, dataset: Dataset, options: Options = Options()) throws -> Figure {
        let accountCount = network.accountIDs.count
        guard groups.groups.allSatisfy({ $0.accounts.allSatisfy { $0 >= 0 && Int($0) < accountCount } }) else {
            throw FigureError(message: "the coordination groups do not belong to this co-action network")
        }
        let measure = network.options.weight
        let (shown, trimmedGroup) = budgetedGroups(network: network, groups: groups, options: options)
        let nodes = shown.flatMap(\.accounts)
        var local = [Int](repeating: -1, count: accountCount)
        for (index, account) in nodes.enumerated() { local[Int(account)] = index }
        // network.edges is heaviest first, so the prefix keeps the heaviest ties.
        let edgesAmongShown = network.edges.filter { local[Int($0.accountA)] >= 0 && local[Int($0.accountB)] >= 0 }
        let edges = Array(edgesAmongShown.prefix(options.maxEdges))
        var strength = [Double](repeating: 0, count: accountCount)
        for edge in edges {
            strength[Int(edge.accountA)] += edge.weight(measure)
            strength[Int(edge.accountB)] += edge.weight(measure)
        }
        // Cuts within the drawn groups; the caption's group line says which groups were left out.
        var cuts: [String] = []
        if let trimmedGroup { cuts.append("group 1 drawn with its \(groupedDigits(shown[0].accounts.count)) strongest of \(groupedDigits(trimmedGroup)) accounts") }
        if edges.count < edgesAmongShown.count {
            cuts.append("the \(groupedDigits(edges.count)) heaviest of \(groupedDigits(edgesAmongShown.count)) ties among them drawn")
        }
        var trimmed = cuts
        if shown.count < groups.groups.count {
            trimmed.insert("\(groupedDigits(shown.count)) of \(groupedDigits(groups.groups.count)) groups (\(groupedDigits(nodes.count)) of \(groupedDigits(groups.groups.reduce(0) { $0 + $1.accounts.count })) accounts)", at: 0)
        }

        let shape = GraphShape(nodeCount: nodes.count, edges: edges.map { (local[Int($0.accountA)], local[Int($0.accountB)]) })
        let requested = options.engine ?? (EngineGuard.problem(with: .fdp, shape: shape) == nil ? .fdp : .sfdp)
        // The DOT text is always written; an engine still over budget makes Figure.render throw.
        let decision = (try? EngineGuard.decide(requested: requested, shape: shape, policy: .fallBackToSFDP))
            ?? EngineGuard.Decision(engine: requested, notice: nil)
        let boxes = decision.engine.drawsClusters
        let groupColors = shown.indices.map { $0 < ProvincePalette.colors.count ? ProvincePalette.colors[$0] : ProvincePalette.remainder }

        let account = { (index: Int32) -> (id: String, name: String, kind: AccountKind) in
            let id = network.accountIDs[Int(index)]
            guard let row = dataset.index(ofAccount: id) else { return (id, id, .other) }
            let record = dataset.accounts[Int(row)]
            return (id, record.label, record.kind)
        }
        let ranked = nodes.sorted { strength[Int($0)] != strength[Int($1)] ? strength[Int($0)] > strength[Int($1)] : $0 < $1 }.prefix(options.labelCount)
        var number: [Int32: Int] = [:]
        for (rank, node) in ranked.enumerated() { number[node] = rank + 1 }
        // An account known only by its id is named once, not as "id (id)".
        let names = ranked.enumerated().map { position, node in
            let drawn = account(node)
            return "\(position + 1) \(drawn.name)" + (drawn.name == drawn.id ? "" : " (\(drawn.id))")
        }
        let caption = captionLines(
            network: network, groups: groups, shown: shown, drawnEdges: edges.count, cuts: cuts, boxes: boxes, engine: decision.engine, names: names,
            dataset: dataset, options: options
        )
        var groupEntries: [FigureLabel.Entry] = []
        if !boxes {
            groupEntries = shown.indices.prefix(ProvincePalette.colors.count).map { (FigureLabel.swatch(background: groupColors[$0]), "group \($0 + 1)") }
            if shown.count > ProvincePalette.colors.count { groupEntries.append((FigureLabel.swatch(background: ProvincePalette.remainder), "groups \(ProvincePalette.colors.count + 1)–\(shown.count)")) }
        }
        var writer = DOTWriter(name: "coordination", isDirected: false, reservingCapacity: 250 * nodes.count + 120 * edges.count + 4096)
        var graph = FigureLabel.graphAttributes(
            caption: caption, legends: [FigureLabel.kindEntries(nodes.map { account($0).kind }, blank: !boxes), groupEntries]
        )
        graph.set("outputorder", "edgesfirst")
        graph.set("forcelabels", true)
        graph.set("overlap", "prism")
        writer.graphAttributes(graph)
        writer.nodeDefaults([
            "fontname": .string(FontFamily.cjk), "fontsize": 9, "label": "", "fixedsize": true, "style": "filled", "color": "#333333", "penwidth": 0.8,
        ])
        writer.edgeDefaults(["color": .string(edges.count > 500 ? "#4D4D4D59" : "#4D4D4DB3")])

        let maxStrength = nodes.map { strength[Int($0)] }.max() ?? 0
        for (index, group) in shown.enumerated() {
            if boxes {
                writer.beginCluster("group_\(index + 1)", attributes: [
                    "label": .string("group \(index + 1) · \(group.accounts.count) accounts"), "style": "rounded", "color": "#999999",
                    "fontname": .string(FontFamily.cjk), "fontsize": 10,
                ])
            }
            for member in group.accounts {
                let drawn = account(member)
                let style = AccountKindStyle.of(drawn.kind)
                let relative = maxStrength > 0 ? (strength[Int(member)] / maxStrength).squareRoot() : 0
                // A numbered node is big enough for its number.
                let size = DOTValue.number((max(0.12 + 0.33 * relative, number[member] == nil ? 0 : 0.28) * 100).rounded() / 100)
                let fill = boxes ? style.fill : groupColors[index]
                var attributes: DOTAttributes = [
                    "shape": .string(style.shape), "style": .string(style.style), "width": size, "height": size, "fillcolor": .string(fill),
                    "tooltip": .string("\(drawn.name) (\(drawn.id)) · \(drawn.kind.rawValue) · group \(index + 1) · strength \(formatNumber(strength[Int(member)]))"),
                ]
                if let rank = number[member] {
                    attributes.set("label", .string(String(rank)))
                    attributes.set("fontcolor", .string(AccountKindStyle.ink(on: fill)))
                }
                writer.node(drawn.id, attributes)
            }
            if boxes { writer.endSubgraph() }
        }
        let maxWeight = max(1, edges.map { $0.weight(measure) }.max() ?? 1)
        for edge in edges {
            let weight = edge.weight(measure)
            let width = 0.5 + 2.5 * log1p(max(weight, 0)) / log1p(maxWeight)
            writer.edge(from: network.accountIDs[Int(edge.accountA)], to: network.accountIDs[Int(edge.accountB)], [
                "penwidth": .number((width * 100).rounded() / 100),
                "tooltip": .string("\(network.accountIDs[Int(edge.accountA)]) – \(network.accountIDs[Int(edge.accountB)]): \(measure.rawValue) \(formatNumber(weight))"),
            ])
        }
        return Figure(
            dot: writer.finish(), caption: caption, engine: decision.engine, notice: decision.notice, shape: shape,
            accountIDs: nodes.map { network.accountIDs[Int($0)] }.sorted { (dataset.index(ofAccount: $0) ?? .max, $0) < (dataset.index(ofAccount: $1) ?? .max, $1) },
            trimmed: trimmed.isEmpty ? nil : "showing " + trimmed.joined(separator: "; ")
        )
    }

    /// The groups drawn within ``Options/maxGroups`` and ``Options/maxNodes``: whole groups in
    /// order while they fit; when the first alone does not, its members with the highest strength
    /// (summed weight of all their ties), whose original size is returned too.
    /// - Complexity: O(E + n log n) for E ties and a first group of n accounts.
    private static func budgetedGroups(
        network: CoActionNetwork, groups: CoordinationGroups, options: Options
    ) -> (shown: [CoordinationGroups.Group], trimmedFirst: Int?) {
        var shown: [CoordinationGroups.Group] = []
        var room = options.maxNodes
        for group in groups.groups.prefix(options.maxGroups) {
            guard group.accounts.count > room else {
                shown.append(group)
                room -= group.accounts.count
                continue
            }
            guard shown.isEmpty else { break }
            var strength: [Int32: Double] = [:]
            for member in group.accounts { strength[member] = 0 }
            for edge in network.edges {
                let weight = edge.weight(network.options.weight)
                if strength[edge.accountA] != nil { strength[edge.accountA, default: 0] += weight }
                if strength[edge.accountB] != nil { strength[edge.accountB, default: 0] += weight }
            }
            let strongest = group.accounts.sorted { (strength[$0] ?? 0, $1) > (strength[$1] ?? 0, $0) }.prefix(room).sorted()
            var trimmed = group
            trimmed.accounts = Array(strongest)
            return ([trimmed], group.accounts.count)
        }
        return (shown, nil)
    }

    /// Title, what co-action means here, what was cut, the encoding, notes, notice.
    private static func captionLines(
        network: CoActionNetwork, groups: CoordinationGroups, shown: [CoordinationGroups.Group], drawnEdges: Int, cuts: [String], boxes: Bool,
        engine: LayoutEngine, names: [String], dataset: Dataset, options: Options
    ) -> [String] {
        let settings = network.options
        let method = groups.method == .components ? "connected components" : "Louvain communities"
        let accounts = groups.groups.reduce(0) { $0 + $1.accounts.count }
        let shownAccounts = shown.reduce(0) { $0 + $1.accounts.count }
        var lines = [
            options.caption.title ?? "Coordination groups: \(FigureCaption.name(of: dataset))",
            "co-action: two accounts shared the same object within \(formatNumber(settings.window)) s (\(settings.matching.rawValue));"
                + " tie weight: \(settings.weight.rawValue), at least \(formatNumber(settings.minWeight))",
            "\(groupedDigits(accounts)) accounts and \(groupedDigits(network.edges.count)) ties in \(groupedDigits(groups.groups.count)) groups"
                + " (\(method), modularity \(String(format: "%.2f", groups.modularity)))",
        ]
        if shown.count < groups.groups.count {
            lines.append(
                "showing the \(shown.count) largest groups (\(groupedDigits(shownAccounts)) accounts, \(groupedDigits(drawnEdges)) ties);"
                    + " the \(groupedDigits(groups.groups.count - shown.count)) smaller groups (\(groupedDigits(accounts - shownAccounts)) accounts) are cut"
            )
        }
        lines += cuts
        let grouping = boxes ? "boxes: groups, largest first; shape and colour: kind" : "colour: group (\(engine.rawValue) draws no boxes); shape: kind"
        lines.append("\(grouping); node area: strength; tie width: log of weight; numbers: the strongest accounts")
        // Four names a line keep the caption about as wide as the figure.
        for start in stride(from: 0, to: names.count, by: 4) {
            lines.append(names[start ..< min(start + 4, names.count)].joined(separator: " · "))
        }
        return lines + FigureLabel.closingLines(options.caption)
    }
}
