import Foundation

/// A horizontal bar chart of index scores as standalone SVG text, for briefings: one bar per
/// unit, rank and label on the left, score at the end of the bar.
///
/// Pure Swift and deterministic (the same bars give byte-identical SVG). Labels may be Chinese
/// or English: the font stack names CJK-capable fonts first, label widths count CJK characters
/// as two columns, and all text is escaped for XML. Negative scores (z-score normalisation) draw
/// to the left of a zero line.
public struct IndexBarChart: Sendable, Equatable {
    /// The fonts the SVG asks for, CJK-capable first.
    public static let fontFamily = CJKFonts.list

    public struct Bar: Sendable, Equatable {
        /// Printed before the label: `1`, `2=`.
        public var rank: String
        public var label: String
        public var value: Double

        public init(rank: String, label: String, value: Double) {
            self.rank = rank
            self.label = label
            self.value = value
        }
    }

    public var title: String
    /// A line under the chart, such as "Synthetic sample: no number is a real observation."
    public var caption: String?
    public var bars: [Bar]

    public init(title: String, caption: String? = nil, bars: [Bar]) {
        self.title = title
        self.caption = caption
        self.bars = bars
    }

    private static let fontSize = 14.0
    private static let barHeight = 22.0
    private static let rowHeight = 30.0
    private static let plotWidth = 420.0
    private static let margin = 16.0
    private static let titleHeight = 40.0
    /// An upper bound on a glyph's advance per terminal column (a CJK character is two columns,
    /// about one em), so labels never overlap the bars.
    private static let columnWidth = 0.62 * fontSize

    /// The chart as an SVG document.
    public func svg() -> String {
        let labelColumns = bars.map { ResultTable.displayWidth($0.label) }.max() ?? 0
        let rankColumns = bars.map { ResultTable.displayWidth($0.rank) }.max() ?? 0
        let rankWidth = Double(rankColumns) * Self.columnWidth + 8
        let labelWidth = Double(labelColumns) * Self.columnWidth + 12
        let valueWidth = 70.0
        let plotLeft = Self.margin + rankWidth + labelWidth
        let width = max(plotLeft + Self.plotWidth + valueWidth + Self.margin, Double(ResultTable.displayWidth(title)) * Self.columnWidth * 1.15 + 2 * Self.margin)
        let captionHeight = caption == nil ? 0 : 28.0
        let plotHeight = Double(max(bars.count, 1)) * Self.rowHeight
        let height = Self.titleHeight + plotHeight + captionHeight + Self.margin

        let low = min(0, bars.map(\.value).min() ?? 0), high = max(0, bars.map(\.value).max() ?? 0)
        let span = high > low ? high - low : 1
        func x(_ value: Double) -> Double { plotLeft + (value - low) / span * Self.plotWidth }

        var svg = SVGChart.opening(
            title: title, width: width, height: height, fontSize: Self.fontSize, titleSize: 17, titleBaseline: 26, margin: Self.margin
        )
        if bars.isEmpty {
            svg += "<text x=\"\(SVGChart.number(Self.margin))\" y=\"\(SVGChart.number(Self.titleHeight + 20))\" fill=\"#666666\">(no data)</text>\n"
        }
        for (index, bar) in bars.enumerated() {
            let top = Self.titleHeight + Double(index) * Self.rowHeight
            let baseline = top + Self.barHeight / 2 + Self.fontSize * 0.35
            let start = x(min(0, bar.value)), end = x(max(0, bar.value))
            svg += """
                <g class="bar">
                <text class="rank" x="\(SVGChart.number(Self.margin + rankWidth - 8))" y="\(SVGChart.number(baseline))" text-anchor="end" fill="#555555">\(SVGChart.escape(bar.rank))</text>
                <text class="label" x="\(SVGChart.number(plotLeft - 8))" y="\(SVGChart.number(baseline))" text-anchor="end" fill="#222222">\(SVGChart.escape(bar.label))</text>
                <rect x="\(SVGChart.number(start))" y="\(SVGChart.number(top))" width="\(SVGChart.number(end - start))" height="\(SVGChart.number(Self.barHeight))" fill="#3b6ea5"/>
                <text class="value" x="\(SVGChart.number(x(max(0, bar.value)) + 6))" y="\(SVGChart.number(baseline))" fill="#222222">\(SVGChart.escape(Self.score(bar.value)))</text>
                </g>

                """
        }
        if low < 0 {
            let zero = SVGChart.number(x(0))
            svg += "<line x1=\"\(zero)\" y1=\"\(SVGChart.number(Self.titleHeight - 4))\" x2=\"\(zero)\" y2=\"\(SVGChart.number(Self.titleHeight + plotHeight))\" stroke=\"#888888\"/>\n"
        }
        if let caption {
            svg += "<text class=\"caption\" x=\"\(SVGChart.number(Self.margin))\" y=\"\(SVGChart.number(Self.titleHeight + plotHeight + 20))\" font-size=\"12\" fill=\"#666666\">\(SVGChart.escape(caption))</text>\n"
        }
        return svg + "</svg>\n"
    }

    private static func score(_ value: Double) -> String { String(format: "%.2f", value) }
}

extension IndexBarChart {
    /// The TOP-`top` units of `entries` (ties at the cut included) as bars labelled with each
    /// unit's name, or its id when it has none.
    public init(title: String, caption: String? = nil, entries: [IndexEntry], top: Int? = nil) {
        self.init(
            title: title, caption: caption,
            bars: entries.top(top).map { Bar(rank: $0.rank.description, label: $0.unit.label, value: $0.score) }
        )
    }
}

extension IndexReport {
    /// A bilingual bar chart of the TOP-`top` composite (or `platform`) ranking.
    public func barChart(top: Int = 10, platform: String? = nil, caption: String? = nil) -> IndexBarChart {
        let entries = platform.map { ranking(of: $0)?.entries ?? [] } ?? composite
        let unitName = grouping.bilingualUnitsName
        let scope = platform.map { $0.lowercased() } ?? "composite 综合"
        return IndexBarChart(
            title: "传播力指数 Communication power index · \(period) · \(scope) · TOP \(top) \(unitName)",
            caption: caption, entries: entries, top: top
        )
    }
}
