import Foundation
import ReachGraph

/// Writes the DOT of a network of accounts: the shared drawing of ``NetworkOverview`` and
/// ``EgoNetwork``.
///
/// - Kind → shape and fill (``AccountKindStyle``). When the engine draws no clusters and the
///   accounts have provinces, fill shows the province instead (``ProvincePalette``) and shape
///   alone shows the kind; otherwise each province is a `subgraph cluster_*` box.
/// - Node area ∝ score: width = 0.15 + 0.65·√(score / max score) inches.
/// - Edge width by log weight: penwidth = 0.5 + 2.5·ln(1 + w) / ln(1 + w_max).
/// - The `labelCount` highest-scoring accounts are numbered inside their node, 1 the highest, and
///   named in the caption (``numberedNames``), as the coordination figure does: names placed
///   beside the nodes (`xlabel`) covered each other and landed far from their node on crowded
///   layouts. The ego has a heavy outline and is named in the title. Every node and edge has a
///   tooltip for SVG viewers.
/// - The legend and caption form the graph label, an HTML table at the bottom left, which every
///   engine places.
struct NetworkDrawing {
    let dataset: Dataset
    let nodes: [Int32]
    let edges: [(source: Int32, target: Int32, weight: Double)]
    let scores: NodeScores
    let engine: LayoutEngine
    let ego: Int32?
    let labelCount: Int
    /// What fill shows when the caller chose (`--color-by`); `nil`: provinces as boxes or fill.
    let coloring: NodeColoring?
    /// The category of every account of the dataset under ``coloring`` (`nil` for kinds).
    let categories: [String?]?
    /// The drawn accounts, parallel to `nodes`.
    private let accounts: [Account]
    /// The numbered accounts, highest score first: the `labelCount` highest-scoring, the ego left out.
    private let numbered: [Int32]
    /// The drawn accounts' categories when fill shows a chosen category (not the kind).
    private let drawnCategories: [String?]?
    private let palette: ProvincePalette
    private let hasProvinces: Bool

    init(
        dataset: Dataset, nodes: [Int32], edges: [(source: Int32, target: Int32, weight: Double)], scores: NodeScores,
        engine: LayoutEngine, ego: Int32?, labelCount: Int, coloring: NodeColoring? = nil, categories: [String?]? = nil
    ) {
        self.coloring = coloring
        self.categories = categories
        self.dataset = dataset
        self.nodes = nodes
        self.edges = edges
        self.scores = scores
        self.engine = engine
        self.ego = ego
        self.labelCount = labelCount
        accounts = nodes.map { dataset.accounts[Int($0)] }
        hasProvinces = accounts.contains { !($0.province ?? "").isEmpty }
        numbered = Array(nodes.filter { $0 != ego }.sorted { scores.value(of: $0) != scores.value(of: $1) ? scores.value(of: $0) > scores.value(of: $1) : $0 < $1 }.prefix(labelCount))
        drawnCategories = categories.map { all in nodes.map { all[Int($0)] } }
        palette = Self.palette(dataset: dataset, drawn: drawnCategories ?? accounts.map(\.province), coloring: coloring, categories: categories)
    }

    /// Whether provinces are shown as cluster boxes (else by fill colour, when there are any).
    var clustersProvinces: Bool { coloring == nil && engine.drawsClusters }

    /// Whether fill shows the province rather than the kind.
    var fillsByProvince: Bool { coloring == nil && !clustersProvinces && hasProvinces }


    /// Fill colours ranked over every account of the dataset, so that a province (or attribute
    /// value) has the same colour in every figure drawn from it; communities, numbered afresh for
    /// each figure, are ranked by the drawn accounts, so the ten colours go to what is seen.
    private static func palette(dataset: Dataset, drawn: [String?], coloring: NodeColoring?, categories: [String?]?) -> ProvincePalette {
        if case .community = coloring { return ProvincePalette(provinces: drawn, drawn: drawn) }
        return ProvincePalette(provinces: categories ?? dataset.accounts.map(\.province), drawn: drawn)
    }

    /// The caption lines naming the numbered accounts, four a line ("1 湖南国际传播中心 · 2 …");
    /// an account known only by its id is named by it once.
    var numberedNames: [String] {
        let names = numbered.enumerated().map { position, node in "\(position + 1) \(dataset.accounts[Int(node)].label)" }
        // Four names a line keep the caption about as wide as the figure.
        return stride(from: 0, to: names.count, by: 4).map { names[$0 ..< min($0 + 4, names.count)].joined(separator: " · ") }
    }

    /// The caption line that explains the visual encoding.
    var encodingLine: String {
        var parts = ["node area: \(scores.name)", "edge width: log of weight"]
        if !numbered.isEmpty { parts.append("numbers: the \(numbered.count) highest by \(scores.name), named below") }
        if let coloring, coloring != .kind {
            let how: String
            switch coloring {
            case .community(let seed): how = "community (Louvain, seed \(seed))"
            default: how = coloring.description
            }
            let kinds = Set(accounts.map(\.kind))
            parts.append((kinds.count > 1 ? "shape: kind" : "one shape (every account is \(kinds.first?.rawValue ?? "other"))") + "; colour: \(how)")
        } else if fillsByProvince {
            parts.append("shape: kind; colour: province (\(engine.rawValue) draws no province boxes)")
        } else {
            parts.append("shape and colour: kind")
            if clustersProvinces && hasProvinces { parts.append("boxes: provinces") }
        }
        return parts.joined(separator: "; ")
    }

    /// The DOT text with `caption` (title first) and the legend as the graph label.
    /// - Complexity: O(V log V + E).
    func dot(caption: [String]) -> String {
        var writer = DOTWriter(name: "reachgraph", reservingCapacity: 200 * nodes.count + 80 * edges.count + 4096)
        var graph: DOTAttributes = [
            "fontname": .string(FontFamily.cjk), "fontsize": 11, "bgcolor": "white", "pad": 0.3,
            "outputorder": "edgesfirst", "forcelabels": true, "labelloc": "b", "labeljust": "l",
            "label": .html(label(caption: caption)),
        ]
        if engine != .dot && engine != .circo { graph.set("overlap", "prism") }
        // Caps PNG size (Graphviz scales the drawing down to fit; cairo rejects huge bitmaps).
        graph.set("size", "40,40")
        writer.graphAttributes(graph)
        writer.nodeDefaults([
            "fontname": .string(FontFamily.cjk), "fontsize": 9, "label": "", "fixedsize": true,
            "style": "filled", "color": "#333333", "penwidth": 0.8,
        ])
        writer.edgeDefaults(["fontname": .string(FontFamily.cjk), "arrowsize": 0.5, "color": .string(edgeColor)])

        var number: [Int32: Int] = [:]
        for (position, node) in numbered.enumerated() { number[node] = position + 1 }
        let maxScore = nodes.map { scores.value(of: $0) }.max() ?? 0
        if clustersProvinces && hasProvinces {
            var byProvince: [String: [Int32]] = [:]
            var loose: [Int32] = []
            for node in nodes {
                if let province = dataset.accounts[Int(node)].province, !province.isEmpty {
                    byProvince[province, default: []].append(node)
                } else {
                    loose.append(node)
                }
            }
            for (index, province) in byProvince.keys.sorted().enumerated() {
                writer.beginCluster("province_\(index)", attributes: [
                    "label": .string(province), "style": "rounded", "color": "#999999", "fontname": .string(FontFamily.cjk), "fontsize": 10,
                ])
                for node in byProvince[province] ?? [] { writeNode(node, maxScore: maxScore, number: number, palette: nil, into: &writer) }
                writer.endSubgraph()
            }
            for node in loose { writeNode(node, maxScore: maxScore, number: number, palette: nil, into: &writer) }
        } else {
            let fill = fillsByProvince || drawnCategories != nil ? palette : nil
            for node in nodes { writeNode(node, maxScore: maxScore, number: number, palette: fill, into: &writer) }
        }

        let maxWeight = edges.map(\.weight).max() ?? 1
        let logMax = log1p(max(maxWeight, 1e-9))
        for edge in edges {
            let width = 0.5 + 2.5 * log1p(max(edge.weight, 0)) / logMax
            var attributes: DOTAttributes = [
                "penwidth": .number((width * 100).rounded() / 100),
                "tooltip": .string("\(id(edge.source)) → \(id(edge.target)): weight \(formatNumber(edge.weight))"),
            ]
            if let ego, edge.source == ego || edge.target == ego { attributes.set("color", "#000000") }
            writer.edge(from: id(edge.source), to: id(edge.target), attributes)
        }
        return writer.finish()
    }

    private func id(_ node: Int32) -> String { dataset.accounts[Int(node)].id }

    /// Faint edges when there are many, so nodes stay visible.
    private var edgeColor: String { edges.count > 500 ? "#4D4D4D59" : "#4D4D4DB3" }

    private func writeNode(_ node: Int32, maxScore: Double, number: [Int32: Int], palette: ProvincePalette?, into writer: inout DOTWriter) {
        let account = dataset.accounts[Int(node)]
        let style = AccountKindStyle.of(account.kind)
        let relative = maxScore > 0 ? (scores.value(of: node) / maxScore).squareRoot() : 0
        // A numbered node is big enough for its number.
        let width = (max(0.15 + 0.65 * relative, number[node] == nil ? 0 : 0.28) * 100).rounded() / 100
        let name = account.label
        var tooltip = "\(name) (\(account.id)) · \(account.kind.rawValue)"
        if let province = account.province, !province.isEmpty { tooltip += " · \(province)" }
        tooltip += " · \(scores.name) \(formatNumber(scores.value(of: node), digits: 6))"
        let fill = palette?.color(of: categories.map { $0[Int(node)] } ?? account.province) ?? style.fill
        var attributes: DOTAttributes = [
            "shape": .string(style.shape), "style": .string(style.style), "width": .number(width), "height": .number(width),
            "fillcolor": .string(fill), "tooltip": .string(tooltip),
        ]
        if node == ego {
            // The title names the ego; a name beside it lay under the arrowheads of its ties.
            attributes.set("penwidth", 3)
            attributes.set("color", "#000000")
            attributes.set("root", true)
        } else if let rank = number[node] {
            attributes.set("label", .string(String(rank)))
            attributes.set("fontcolor", .string(AccountKindStyle.ink(on: fill)))
        }
        writer.node(account.id, attributes)
    }

    /// Caption lines (title in bold), then the legend: kinds, and provinces when fill shows them.
    private func label(caption: [String]) -> HTMLLabel {
        var provinceEntries: [FigureLabel.Entry] = []
        let values = drawnCategories ?? (fillsByProvince ? accounts.map(\.province) : nil)
        let noun = coloring.map { $0 == .province ? "province" : $0.description } ?? "province"
        if let values {
            provinceEntries = palette.assigned.map { (FigureLabel.swatch(background: $0.color), $0.province) }
            if palette.hasRemainder { provinceEntries.append((FigureLabel.swatch(background: ProvincePalette.remainder), "other (\(noun))")) }
            if values.contains(where: { ($0 ?? "").isEmpty }) {
                provinceEntries.append((FigureLabel.swatch(background: ProvincePalette.none), noun == "community" ? "no community (alone)" : "no \(noun)"))
            }
        }
        return FigureLabel.label(caption: caption, legends: [FigureLabel.kindEntries(accounts.map(\.kind), blank: values != nil), provinceEntries])
    }
}
