import Foundation
import ReachGraph

/// How each 1+N province's spokes relay their hub, one dot per spoke: coverage of the hub's
/// posts across, median lag up (log scale, fast at the bottom), one small panel per province on
/// shared axes so provinces compare at a glance.
///
/// - Spokes that never relayed the hub have no lag; they sit in a strip under the axis, hollow.
/// - The fastest and the slowest spoke of each panel, and the one with the lowest coverage, are
///   named beside their dots; every dot has a tooltip (name, coverage, median and quartiles).
/// - Drawn by `neato` with every node pinned (`pos="x,y!"`, inches), so Graphviz only draws;
///   panels in rows of two keep the figure within 3:1 at about 9 inches wide, its 9 pt text
///   above 6 px at 1,000 px.
/// - Complexity: O(spokes log spokes).
public enum SpokeDotPlot {
    /// Panel size in inches (the plotting area; labels around it).
    static let panel = (width: 3.4, height: 2.2)
    static let panelsPerRow = 2
    /// Horizontal and vertical room around a panel's plotting area (axis labels, title, strip).
    static let margin = (left: 0.9, right: 0.6, top: 0.5, bottom: 0.8)

    /// The plot of every scorecard; throws ``FigureError`` when no spoke relayed any hub.
    public static func figure(of analysis: StructureAnalysis, dataset: Dataset, caption options: CaptionOptions = CaptionOptions()) throws -> Figure {
        let cards = analysis.scorecards.filter { !$0.structure.spokes.isEmpty }
        let lags = cards.flatMap { card in card.structure.spokes.indices.compactMap { card.response.lag(ofSpoke: $0)?.median } }.filter { $0 > 0 }
        guard let fastest = lags.min(), let slowest = lags.max() else {
            throw FigureError(message: "no spoke relayed its hub, so there is no lag to plot")
        }
        // Shared log axis, widened to whole ticks around the data.
        let ticks = Self.ticks(from: fastest, to: slowest)
        let low = log10(ticks.first!.seconds), high = log10(ticks.last!.seconds)
        func y(_ seconds: Double) -> Double { panel.height * (log10(max(seconds, ticks.first!.seconds)) - low) / max(high - low, 1e-9) }

        var writer = DOTWriter(name: "spokes", reservingCapacity: 4096 + 600 * lags.count)
        let caption = [options.title ?? "1+N spokes: coverage of the hub's posts and median lag, per province"]
            + (FigureCaption.period(of: dataset).map { [$0] } ?? [])
            + ["one dot per spoke; across: share of the hub's posts it reposted within the response window; up: its median lag (log scale); hollow under the axis: never relayed"]
            + FigureLabel.closingLines(options)
        var graph = FigureLabel.graphAttributes(caption: caption, legends: [])
        graph.set("splines", "line")
        graph.set("pack", "false")
        graph.set("outputorder", "edgesfirst")
        writer.graphAttributes(graph)
        writer.nodeDefaults(["fontname": .string(FontFamily.cjk), "fontsize": 9, "shape": "plaintext", "margin": 0, "width": 0, "height": 0])
        writer.edgeDefaults(["dir": "none", "color": "#8C8C8C", "penwidth": 0.7])

        var nodes: [String: Int] = [:]
        var edges: [(Int, Int)] = []
        func pin(_ id: String, _ x: Double, _ yy: Double, _ attributes: DOTAttributes) {
            var attributes = attributes
            attributes.set("pos", .string("\(formatNumber((x * 1000).rounded() / 1000)),\(formatNumber((yy * 1000).rounded() / 1000))!"))
            writer.node(id, attributes)
            nodes[id] = nodes.count
        }
        func line(_ from: String, _ to: String) {
            writer.edge(from: from, to: to)
            edges.append((nodes[from] ?? 0, nodes[to] ?? 0))
        }
        let rows = (cards.count + panelsPerRow - 1) / panelsPerRow
        let cellWidth = margin.left + panel.width + margin.right, cellHeight = margin.top + panel.height + margin.bottom
        for (index, card) in cards.enumerated() {
            let structure = card.structure, response = card.response
            let originX = Double(index % panelsPerRow) * cellWidth + margin.left
            let originY = Double(rows - 1 - index / panelsPerRow) * cellHeight + margin.bottom
            let p = "p\(index)_"
            let point: DOTAttributes = ["shape": "point", "width": 0.01, "color": "#8C8C8C"]
            pin(p + "o", originX, originY, point)
            pin(p + "x", originX + panel.width, originY, point)
            line(p + "o", p + "x")
            pin(p + "t", originX, originY + panel.height, point)
            line(p + "o", p + "t")
            for tick in ticks {
                pin(p + "y\(tick.label)", originX - 0.32, originY + y(tick.seconds), ["label": .string(tick.label)])
            }
            for percent in [0, 50, 100] {
                pin(p + "c\(percent)", originX + panel.width * Double(percent) / 100, originY - 0.15, ["label": .string("\(percent)%")])
            }
            let silent = structure.spokes.indices.filter { (response.coverage(ofSpoke: $0) ?? 0) == 0 }
            var title = "\(structure.name) · \(structure.spokes.count) spokes"
            if !silent.isEmpty { title += " · \(silent.count) never relayed" }
            pin(p + "title", originX + panel.width / 2, originY + panel.height + 0.22, ["label": .string(title), "fontsize": 10])
            pin(p + "xaxis", originX + panel.width / 2, originY - 0.35, ["label": "coverage of hub posts"])
            pin(p + "yaxis", originX - 0.32, originY + panel.height + 0.12, ["label": "median lag"])

            let placed = structure.spokes.indices.compactMap { spoke -> (spoke: Int, coverage: Double, lag: (median: Double, lower: Double, upper: Double))? in
                guard let coverage = response.coverage(ofSpoke: spoke), coverage > 0, let lag = response.lag(ofSpoke: spoke) else { return nil }
                return (spoke, coverage, lag)
            }
            var named = Set<Int>()
            if let first = placed.min(by: { ($0.lag.median, $0.spoke) < ($1.lag.median, $1.spoke) }) { named.insert(first.spoke) }
            if let last = placed.max(by: { ($0.lag.median, $1.spoke) < ($1.lag.median, $0.spoke) }) { named.insert(last.spoke) }
            if let thin = placed.min(by: { ($0.coverage, $0.spoke) < ($1.coverage, $1.spoke) }) { named.insert(thin.spoke) }
            for dot in placed {
                let account = dataset.accounts[Int(structure.spokes[dot.spoke])]
                var attributes: DOTAttributes = [
                    "shape": "circle", "style": "filled", "fillcolor": "#4E79A7B3", "color": "#2B4C6F", "width": 0.11, "fixedsize": true, "label": "",
                    "tooltip": .string("\(account.name ?? account.id): coverage \(percentText(dot.coverage)), median lag \(elapsedText(dot.lag.median).dropFirst()) (quartiles \(elapsedText(dot.lag.lower).dropFirst())–\(elapsedText(dot.lag.upper).dropFirst()))"),
                ]
                if named.contains(dot.spoke) { attributes.set("xlabel", .string(shortName(account))) }
                pin(p + "s\(dot.spoke)", originX + panel.width * dot.coverage, originY + y(dot.lag.median), attributes)
            }
            for (slot, spoke) in silent.enumerated() {
                let account = dataset.accounts[Int(structure.spokes[spoke])]
                pin(p + "s\(spoke)", originX + 0.12 * Double(slot % 24), originY - 0.55 - 0.12 * Double(slot / 24), [
                    "shape": "circle", "style": "solid", "color": "#2B4C6F", "width": 0.09, "fixedsize": true, "label": "",
                    "tooltip": .string("\(account.name ?? account.id): never relayed the hub within the window"),
                ])
            }
        }
        return Figure(
            dot: writer.finish(), caption: caption, engine: .neato, notice: nil, shape: GraphShape(nodeCount: nodes.count, edges: edges),
            accountIDs: cards.flatMap { $0.structure.spokes }.sorted().map { dataset.accounts[Int($0)].id }
        )
    }

    /// Tick values of a lag axis from `low` to `high` seconds: the nice durations around the
    /// data, at least two.
    static func ticks(from low: Double, to high: Double) -> [(seconds: Double, label: String)] {
        let nice: [(Double, String)] = [
            (10, "10 s"), (60, "1 min"), (300, "5 min"), (900, "15 min"), (3_600, "1 h"), (3 * 3_600, "3 h"), (12 * 3_600, "12 h"),
            (86_400, "1 d"), (3 * 86_400, "3 d"), (7 * 86_400, "1 w"), (30 * 86_400, "30 d"),
        ]
        let below = nice.last { $0.0 <= low } ?? nice[0]
        let above = nice.first { $0.0 >= high } ?? nice[nice.count - 1]
        var chosen = nice.filter { $0.0 >= below.0 && $0.0 <= above.0 }
        if chosen.count < 2 { chosen = [below, above == below ? nice[min(nice.count - 1, (nice.firstIndex { $0.0 == below.0 } ?? 0) + 1)] : above] }
        return chosen.map { (seconds: $0.0, label: $0.1) }
    }

    private static func shortName(_ account: Account) -> String {
        FigureLabel.shortened(account.name ?? account.id, to: 18)
    }
}
