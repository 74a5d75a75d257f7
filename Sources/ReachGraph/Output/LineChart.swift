import Foundation

/// A line chart of a few series over ordered periods, as standalone SVG text: one line per
/// series, its label at the line's last point, a y axis with five ticks.
///
/// Deterministic (the same series give byte-identical SVG) and bilingual like
/// ``IndexBarChart``: CJK-capable fonts first, CJK characters counted as two columns, all text
/// escaped. A missing value breaks the line; a series with one point is drawn as a dot. The
/// axis starts at zero unless every value is positive and they lie close together (spread under
/// half the largest), when it starts just below the lowest and its label says so.
/// Colours come from a palette readable in grey-scale order; past its size lines are dashed.
/// Period labels too many to fit side by side are thinned to every k-th, counted from the last.
/// A rank chart (``ranksAxis``) runs from rank 1 at the top down to the lowest rank shown.
public struct LineChart: Sendable, Equatable {
    public struct Series: Sendable, Equatable {
        public var label: String
        /// One value per period; `nil` where the unit has none.
        public var values: [Double?]

        public init(label: String, values: [Double?]) {
            self.label = label
            self.values = values
        }
    }

    public var title: String
    /// What the y axis measures.
    public var axisLabel: String
    /// A line under the chart.
    public var caption: String?
    public var periods: [String]
    public var series: [Series]
    /// Values are ranks: the axis starts at 1 at the top and grows downwards, ticks are whole.
    public var ranksAxis: Bool

    public init(title: String, axisLabel: String, caption: String? = nil, periods: [String], series: [Series], ranksAxis: Bool = false) {
        self.title = title
        self.axisLabel = axisLabel
        self.caption = caption
        self.periods = periods
        self.series = series
        self.ranksAxis = ranksAxis
    }

    private static let palette = ["#1f4e79", "#c55a11", "#548235", "#7030a0", "#bf9000", "#2e75b6", "#a50021", "#00776b", "#7f6000", "#595959"]
    private static let fontSize = 13.0
    private static let columnWidth = 0.62 * fontSize
    private static let margin = 16.0
    private static let plotWidth = 560.0
    private static let plotHeight = 320.0

    /// The chart as an SVG document.
    public func svg() -> String {
        let values = series.flatMap { $0.values.compactMap { $0 } }.filter(\.isFinite)
        var low = min(0, values.min() ?? 0), high = max(0, values.max() ?? 1)
        let axisText: String
        let tickText: [(Double, String)]
        if ranksAxis {
            low = 1
            high = max(2, (values.max() ?? 2).rounded(.up))
            let tickStep = max(1, Self.niceStep((high - low) / 4).rounded(.up))
            high = (high / tickStep).rounded(.up) * tickStep
            axisText = axisLabel
            tickText = ([1.0] + stride(from: tickStep, through: high, by: tickStep).filter { $0 > 1 }).map { ($0, Self.tick($0, step: 1)) }
        } else {
            // Close positive lines would lie flat on an axis from zero: the axis then starts
            // near the lowest value, and its label says so.
            let smallest = values.min() ?? 0
            let zoomed = smallest > 0 && high - smallest < 0.5 * high
            if zoomed { low = smallest - 0.1 * (high - smallest) }
            if high == low { high = low + 1 }
            let tickStep = Self.niceStep((high - low) / 4)
            low = (low / tickStep).rounded(.down) * tickStep
            high = (high / tickStep).rounded(.up) * tickStep
            axisText = zoomed ? axisLabel + " (axis from \(Self.tick(low, step: tickStep)), not 0)" : axisLabel
            tickText = stride(from: low, through: high + tickStep / 2, by: tickStep).map { ($0, Self.tick($0, step: tickStep)) }
        }
        let axisWidth = Double(tickText.map { $0.1.count }.max() ?? 1) * Self.columnWidth + 12
        let labelWidth = Double(series.map { ResultTable.displayWidth($0.label) }.max() ?? 0) * Self.columnWidth + 14
        let left = Self.margin + axisWidth, top = 60.0
        let width = max(left + Self.plotWidth + labelWidth + Self.margin, Double(ResultTable.displayWidth(title)) * Self.columnWidth * 1.25 + 2 * Self.margin)
        let height = top + Self.plotHeight + 44 + (caption == nil ? 0 : 22) + Self.margin
        func x(_ period: Int) -> Double {
            periods.count <= 1 ? left + Self.plotWidth / 2 : left + Double(period) / Double(periods.count - 1) * Self.plotWidth
        }
        func y(_ value: Double) -> Double {
            let fraction = (value - low) / (high - low)
            return top + (ranksAxis ? fraction : 1 - fraction) * Self.plotHeight
        }

        var svg = SVGChart.opening(
            title: title, width: width, height: height, fontSize: Self.fontSize, titleSize: 16, titleBaseline: 24, margin: Self.margin
        )
        svg += "<text class=\"axis-label\" x=\"\(SVGChart.number(Self.margin))\" y=\"46\" fill=\"#555555\">\(SVGChart.escape(axisText))</text>\n"
        for (value, text) in tickText {
            let position = SVGChart.number(y(value))
            svg += "<line x1=\"\(SVGChart.number(left))\" y1=\"\(position)\" x2=\"\(SVGChart.number(left + Self.plotWidth))\" y2=\"\(position)\" stroke=\"#e3e3e3\"/>\n"
            svg += "<text x=\"\(SVGChart.number(left - 6))\" y=\"\(SVGChart.number(y(value) + 4))\" text-anchor=\"end\" fill=\"#555555\">\(SVGChart.escape(text))</text>\n"
        }
        // Period labels that would touch are thinned to every k-th, keeping the last.
        let labelColumns = Double(periods.map { ResultTable.displayWidth($0) }.max() ?? 1) * Self.columnWidth + 8
        let spacing = periods.count > 1 ? Self.plotWidth / Double(periods.count - 1) : Self.plotWidth
        let every = max(1, Int((labelColumns / spacing).rounded(.up)))
        for (index, period) in periods.enumerated() where (periods.count - 1 - index) % every == 0 {
            svg += "<text x=\"\(SVGChart.number(x(index)))\" y=\"\(SVGChart.number(top + Self.plotHeight + 20))\" text-anchor=\"middle\" fill=\"#555555\">\(SVGChart.escape(period))</text>\n"
        }
        svg += "<line x1=\"\(SVGChart.number(left))\" y1=\"\(SVGChart.number(top + Self.plotHeight))\" x2=\"\(SVGChart.number(left + Self.plotWidth))\" y2=\"\(SVGChart.number(top + Self.plotHeight))\" stroke=\"#888888\"/>\n"
        if series.isEmpty {
            svg += "<text x=\"\(SVGChart.number(left + 10))\" y=\"\(SVGChart.number(top + 20))\" fill=\"#666666\">(no data)</text>\n"
        }
        var labelSlots: [Double] = []
        for (index, line) in series.enumerated() {
            let colour = Self.palette[index % Self.palette.count]
            let dash = index >= Self.palette.count ? " stroke-dasharray=\"6 3\"" : ""
            svg += "<g class=\"series\" stroke=\"\(colour)\" fill=\"\(colour)\">\n"
            var run: [String] = []
            func flush() {
                if run.count > 1 { svg += "<polyline points=\"\(run.joined(separator: " "))\" fill=\"none\" stroke-width=\"2\"\(dash)/>\n" }
                run.removeAll()
            }
            for (period, value) in line.values.enumerated() {
                guard let value, value.isFinite, period < periods.count else {
                    flush()
                    continue
                }
                run.append("\(SVGChart.number(x(period))),\(SVGChart.number(y(value)))")
                svg += "<circle cx=\"\(SVGChart.number(x(period)))\" cy=\"\(SVGChart.number(y(value)))\" r=\"3\" stroke=\"none\"/>\n"
            }
            flush()
            if let last = line.values.lastIndex(where: { $0?.isFinite ?? false }), let value = line.values[last] {
                // Labels at the lines' ends move down until they clear the ones already placed.
                var slot = y(value) + 4
                while labelSlots.contains(where: { abs($0 - slot) < Self.fontSize + 1 }) { slot += 2 }
                labelSlots.append(slot)
                svg += "<text x=\"\(SVGChart.number(x(last) + 8))\" y=\"\(SVGChart.number(slot))\" stroke=\"none\">\(SVGChart.escape(line.label))</text>\n"
            }
            svg += "</g>\n"
        }
        if let caption {
            svg += "<text class=\"caption\" x=\"\(SVGChart.number(Self.margin))\" y=\"\(SVGChart.number(top + Self.plotHeight + 48))\" font-size=\"12\" fill=\"#666666\">\(SVGChart.escape(caption))</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// A step of 1, 2 or 5 × 10ⁿ at least `raw`.
    private static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let power = pow(10, (log10(raw)).rounded(.down))
        for factor in [1.0, 2, 2.5, 5, 10] where factor * power >= raw { return factor * power }
        return 10 * power
    }

    private static func tick(_ value: Double, step: Double) -> String {
        let exponent = log10(step).rounded(.down)
        let mantissa = (step / pow(10, exponent) * 10).rounded() / 10
        let decimals = max(0, Int(-exponent) + (mantissa == 2.5 ? 1 : 0))
        return String(format: "%.\(decimals)f", value == 0 ? 0 : value)
    }
}
