import Foundation

/// A figure of a briefing: SVG text, and optionally PNG bytes for the Markdown version.
public struct BriefingFigure: Sendable {
    /// File name without extension (`overview`), unique within the briefing.
    public var name: String
    public var caption: String
    public var svg: String
    public var png: Data?

    public init(name: String, caption: String, svg: String, png: Data? = nil) {
        self.name = name
        self.caption = caption
        self.svg = svg
        self.png = png
    }
}

/// One section: a short text, figures, and the tables behind them.
public struct BriefingSection: Sendable {
    public var title: String
    /// Paragraphs of plain text.
    public var paragraphs: [String]
    public var figures: [BriefingFigure]
    public var tables: [ResultTable]
    /// Rows shown per table on the page; the CSV beside the page has them all.
    public var rowsShown: Int
    /// What of this section was trimmed to its budget or skipped, one line each
    /// ("figure coordination trimmed: …", "skipped: …"); shown on the page and listed by the CLI.
    public var notes: [String]
    /// Tables written to `tables/` but not shown on the page (the full version of a compact one).
    public var csvOnlyTables: [ResultTable]

    public init(
        title: String, paragraphs: [String], figures: [BriefingFigure] = [], tables: [ResultTable] = [], rowsShown: Int = 15, notes: [String] = [],
        csvOnlyTables: [ResultTable] = []
    ) {
        self.csvOnlyTables = csvOnlyTables
        self.title = title
        self.paragraphs = paragraphs
        self.figures = figures
        self.tables = tables
        self.rowsShown = rowsShown
        self.notes = notes
    }
}

/// A briefing: one self-contained HTML page, the same as Markdown with figure files beside it,
/// and the tidy CSV table behind every section.
public struct BriefingDocument: Sendable {
    public var title: String
    /// Where the data came from, how it was made, and whether it is synthetic.
    public var provenance: [String]
    /// Warnings of the load, one line each.
    public var warnings: [String]
    public var sections: [BriefingSection]
    public var generatedAt: Date
    /// JSON written as `tables/provenance.json` beside the CSV tables (the briefing writes one
    /// for synthetic data, so a table copied out of the folder keeps its label with it).
    public var provenanceRecord: String?

    public init(title: String, provenance: [String], warnings: [String], sections: [BriefingSection], generatedAt: Date = Date()) {
        self.title = title
        self.provenance = provenance
        self.warnings = warnings
        self.sections = sections
        self.generatedAt = generatedAt
    }

    /// Every section's trimmed or skipped parts, as "Section: note".
    public var degradations: [String] {
        sections.flatMap { section in section.notes.map { "\(section.title): \($0)" } }
    }

    /// Writes `index.html`, `brief.md`, `figures/NAME.svg` (and `.png`), and `tables/NAME.csv`
    /// into `folder`: the whole briefing is written into a hidden folder beside it and then moved
    /// into place (see ``BriefingFolder``), so a failure leaves no half briefing.
    public func write(to folder: String) throws {
        let staging = try BriefingFolder.staging(for: folder)
        do {
            func path(_ name: String) -> String { (staging as NSString).appendingPathComponent(name) }
            for figure in sections.flatMap(\.figures) {
                try AtomicFile.write(figure.svg, to: path("figures/\(figure.name).svg"))
                if let png = figure.png { try AtomicFile.write(png, to: path("figures/\(figure.name).png")) }
            }
            for table in sections.flatMap({ $0.tables + $0.csvOnlyTables }) {
                try AtomicFile.write([table].rendered(as: .csv), to: path("tables/\(table.name).csv"))
            }
            if let provenanceRecord { try AtomicFile.write(provenanceRecord, to: path("tables/provenance.json")) }
            try AtomicFile.write(html(), to: path("index.html"))
            try AtomicFile.write(markdown(), to: path("brief.md"))
            try BriefingFolder.moveIntoPlace(staging, at: folder)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
    }

    private var dateText: String { iso8601String(fromUnixSeconds: generatedAt.timeIntervalSince1970.rounded(.down)) }

    /// The page: figures inlined as SVG, so the file stands alone.
    public func html() -> String {
        var page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escapeHTML(title))</title>
            <style>
            body { font-family: \(CJKFonts.quoted), "Helvetica Neue", Arial, sans-serif; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; color: #1f2328; line-height: 1.45; }
            h1 { font-size: 1.7rem; margin-bottom: 0.2rem; } h2 { border-bottom: 1px solid #d0d7de; padding-bottom: 0.3rem; margin-top: 2.2rem; }
            .meta { color: #57606a; font-size: 0.9rem; } .provenance { background: #f6f8fa; border-left: 4px solid #8c959f; padding: 0.6rem 1rem; }
            .warnings { background: #fff8c5; border-left: 4px solid #bf8700; padding: 0.6rem 1rem; }
            figure { margin: 1rem 0; text-align: center; } figure svg { max-width: 100%; height: auto; } figcaption { color: #57606a; font-size: 0.85rem; }
            table { border-collapse: collapse; font-size: 0.85rem; margin: 0.8rem 0; display: block; overflow-x: auto; }
            th, td { border: 1px solid #d0d7de; padding: 0.25rem 0.5rem; text-align: left; white-space: nowrap; } th { background: #f6f8fa; }
            td.number { text-align: right; font-variant-numeric: tabular-nums; } .more { color: #57606a; font-size: 0.8rem; }
            caption { text-align: left; font-weight: 600; padding: 0.2rem 0; }
            .note { color: #6e4b00; background: #fff8e6; border-left: 3px solid #d4a72c; padding: 0.3rem 0.8rem; font-size: 0.85rem; }
            </style>
            </head>
            <body>
            <h1>\(escapeHTML(title))</h1>
            <p class="meta">Generated \(escapeHTML(dateText)) by ReachGraph.</p>
            <div class="provenance">\(provenance.map { "<p>\(escapeHTML($0))</p>" }.joined())</div>

            """
        if !warnings.isEmpty {
            page += "<div class=\"warnings\"><p><strong>Warnings (handled on purpose, counted)</strong></p><ul>\(warnings.map { "<li>\(escapeHTML($0))</li>" }.joined())</ul></div>\n"
        }
        if !degradations.isEmpty {
            page += "<div class=\"warnings\"><p><strong>Trimmed or skipped to stay legible and fast</strong></p><ul>\(degradations.map { "<li>\(escapeHTML($0))</li>" }.joined())</ul></div>\n"
        }
        for section in sections {
            page += "<section>\n<h2>\(escapeHTML(section.title))</h2>\n"
            for paragraph in section.paragraphs { page += "<p>\(escapeHTML(paragraph))</p>\n" }
            for note in section.notes { page += "<p class=\"note\">\(escapeHTML(note))</p>\n" }
            for figure in section.figures {
                page += "<figure>\(Self.inlineSVG(figure.svg))<figcaption>\(escapeHTML(figure.caption))</figcaption></figure>\n"
            }
            for table in section.tables { page += htmlTable(table, rows: section.rowsShown) }
            page += "</section>\n"
        }
        page += "</body>\n</html>\n"
        return page
    }

    private func htmlTable(_ table: ResultTable, rows limit: Int) -> String {
        var text = "<table><caption>\(escapeHTML(table.title))</caption><thead><tr>"
        text += table.columns.map { "<th>\(escapeHTML($0))</th>" }.joined() + "</tr></thead><tbody>"
        for row in table.rows.prefix(limit) {
            text += "<tr>" + row.map { cell -> String in
                switch cell {
                case .integer, .number: return "<td class=\"number\">\(escapeHTML(cell.formatted))</td>"
                case .text, .missing: return "<td>\(escapeHTML(cell.formatted))</td>"
                }
            }.joined() + "</tr>"
        }
        text += "</tbody></table>\n"
        if table.rows.count > limit {
            text += "<p class=\"more\">\(limit) of \(table.rows.count) rows shown; all in tables/\(escapeHTML(table.name)).csv.</p>\n"
        }
        return text
    }

    /// SVG as it can stand inside HTML: without the XML declaration and DOCTYPE.
    static func inlineSVG(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        return String(svg[start.lowerBound...])
    }

    /// The Markdown version, with figures as files beside it.
    public func markdown() -> String {
        var text = "# \(title)\n\n_Generated \(dateText) by ReachGraph._\n\n"
        text += provenance.map { "> \($0)" }.joined(separator: "\n>\n") + "\n\n"
        if !warnings.isEmpty {
            text += "**Warnings (handled on purpose, counted)**\n\n" + warnings.map { "- \($0)" }.joined(separator: "\n") + "\n\n"
        }
        if !degradations.isEmpty {
            text += "**Trimmed or skipped to stay legible and fast**\n\n" + degradations.map { "- \($0)" }.joined(separator: "\n") + "\n\n"
        }
        for section in sections {
            text += "## \(section.title)\n\n"
            for paragraph in section.paragraphs { text += paragraph + "\n\n" }
            for note in section.notes { text += "> _\(note)_\n\n" }
            for figure in section.figures {
                let file = figure.png == nil ? "figures/\(figure.name).svg" : "figures/\(figure.name).png"
                text += "![\(figure.caption.replacingOccurrences(of: "]", with: ")"))](\(file))\n\n_\(figure.caption)_\n\n"
            }
            for table in section.tables { text += markdownTable(table, rows: section.rowsShown) }
        }
        return text
    }

    private func markdownTable(_ table: ResultTable, rows limit: Int) -> String {
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        var text = "**\(table.title)**\n\n| " + table.columns.map(cell).joined(separator: " | ") + " |\n"
        text += "|" + table.columns.map { _ in "---" }.joined(separator: "|") + "|\n"
        for row in table.rows.prefix(limit) { text += "| " + row.map { cell($0.formatted) }.joined(separator: " | ") + " |\n" }
        if table.rows.count > limit { text += "\n_\(limit) of \(table.rows.count) rows shown; all in `tables/\(table.name).csv`._\n" }
        return text + "\n"
    }
}
