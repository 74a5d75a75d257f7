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
    /// The one finding a reader should take from the section, listed under "Key findings" at the
    /// top of the page; `nil` for sections that describe rather than find (the dataset, a figure).
    public var headline: String?
    /// The whole CSV of a table of ``tables`` that holds only the rows the page carries, by table
    /// name: a table of every cascade of 2.5M posts held as cells took 273 MB until the briefing
    /// was written, its 30 MB of CSV bytes a ninth of that.
    public var csvFiles: [String: BriefingCSV] = [:]

    public init(
        title: String, paragraphs: [String], figures: [BriefingFigure] = [], tables: [ResultTable] = [], rowsShown: Int = 15, notes: [String] = [],
        csvOnlyTables: [ResultTable] = [], headline: String? = nil
    ) {
        self.headline = headline
        self.csvOnlyTables = csvOnlyTables
        self.title = title
        self.paragraphs = paragraphs
        self.figures = figures
        self.tables = tables
        self.rowsShown = rowsShown
        self.notes = notes
    }
}

/// The CSV of a briefing table written from bytes: its rows and the file's text.
public struct BriefingCSV: Sendable {
    /// Rows of the table (the header not counted).
    public var rowCount: Int
    /// The file, header included, as UTF-8.
    public var bytes: [UInt8]

    public init(rowCount: Int, bytes: [UInt8]) {
        self.rowCount = rowCount
        self.bytes = bytes
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
    /// When the briefing was made, shown on the page; `nil` (the default) shows no time, so the
    /// same input and seed give the same bytes.
    public var generatedAt: Date?
    /// JSON written as `tables/provenance.json` beside the CSV tables (the briefing writes one
    /// for synthetic data, so a table copied out of the folder keeps its label with it).
    public var provenanceRecord: String?

    public init(title: String, provenance: [String], warnings: [String], sections: [BriefingSection], generatedAt: Date? = nil) {
        self.title = title
        self.provenance = provenance
        self.warnings = warnings
        self.sections = sections
        self.generatedAt = generatedAt
    }

    /// Every section's headline, as (section title, headline), in page order.
    public var keyFindings: [(section: String, finding: String)] {
        sections.compactMap { section in section.headline.map { (section.title, $0) } }
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
            for section in sections {
                for table in section.tables + section.csvOnlyTables {
                    if let file = section.csvFiles[table.name] {
                        try AtomicFile.write(utf8: file.bytes, to: path("tables/\(table.name).csv"))
                    } else {
                        try AtomicFile.write([table].rendered(as: .csv), to: path("tables/\(table.name).csv"))
                    }
                }
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

    /// "Generated by ReachGraph", with the time when there is one.
    private var generatedText: String {
        guard let generatedAt else { return "Generated by ReachGraph." }
        return "Generated \(iso8601String(fromUnixSeconds: generatedAt.timeIntervalSince1970.rounded(.down))) by ReachGraph."
    }

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
            figure { margin: 1rem 0; text-align: center; } figure svg { max-width: 100%; height: auto; cursor: zoom-in; } figcaption { color: #57606a; font-size: 0.85rem; }
            #viewer { position: fixed; inset: 0; background: rgba(255,255,255,0.97); overflow: hidden; cursor: grab; z-index: 10; }
            #viewer .stage { transform-origin: 0 0; padding: 3rem 1rem; } #viewer .stage svg { max-width: none; height: auto; }
            #viewer button { position: fixed; top: 0.6rem; right: 0.8rem; z-index: 11; font-size: 0.9rem; }
            input.filter { font-size: 0.8rem; padding: 0.15rem 0.4rem; margin-top: 0.6rem; width: 14rem; } th { cursor: pointer; }
            table { border-collapse: collapse; font-size: 0.85rem; margin: 0.8rem 0; display: block; overflow-x: auto; }
            th, td { border: 1px solid #d0d7de; padding: 0.25rem 0.5rem; text-align: left; white-space: nowrap; } th { background: #f6f8fa; }
            td.number { text-align: right; font-variant-numeric: tabular-nums; } .more { color: #57606a; font-size: 0.8rem; }
            caption { text-align: left; font-weight: 600; padding: 0.2rem 0; }
            .findings { border-left: 4px solid #0969da; background: #f1f8ff; padding: 0.4rem 1rem; margin-top: 1rem; } .findings h2 { border: none; margin: 0.4rem 0; font-size: 1.2rem; }
            .findings li { margin: 0.3rem 0; }
            .note { color: #6e4b00; background: #fff8e6; border-left: 3px solid #d4a72c; padding: 0.3rem 0.8rem; font-size: 0.85rem; }
            </style>
            </head>
            <body>
            <h1>\(escapeHTML(title))</h1>
            <p class="meta">\(escapeHTML(generatedText))</p>
            <div class="provenance">\(provenance.map { "<p>\(escapeHTML($0))</p>" }.joined())</div>

            """
        if !keyFindings.isEmpty {
            page += "<div class=\"findings\"><h2>Key findings</h2><ul>\(keyFindings.map { "<li><strong>\(escapeHTML($0.section))</strong>: \(escapeHTML($0.finding))</li>" }.joined())</ul></div>\n"
        }
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
                page += "<figure class=\"zoomable\">\(Self.inlineSVG(figure.svg))<figcaption>\(escapeHTML(figure.caption))</figcaption></figure>\n"
            }
            for table in section.tables { page += htmlTable(table, rows: section.rowsShown, of: section.csvFiles[table.name]?.rowCount ?? table.rows.count) }
            page += "</section>\n"
        }
        page += "<div id=\"viewer\" hidden><button type=\"button\">close (Esc)</button><div class=\"stage\"></div></div>\n"
        page += "<script>\n\(Self.script)</script>\n</body>\n</html>\n"
        return page
    }

    /// Rows a table carries on the page beyond those shown: hidden until a filter or a sort
    /// brings them up (the CSV has every row).
    public static let filterableRows = 500

    /// `table` with its first `limit` rows shown of `total`.
    private func htmlTable(_ table: ResultTable, rows limit: Int, of total: Int) -> String {
        let carried = min(table.rows.count, max(limit, Self.filterableRows))
        var text = "<div class=\"table\"><input type=\"search\" class=\"filter\" placeholder=\"filter rows\" aria-label=\"filter \(escapeHTML(table.title))\">"
        text += "<table class=\"data\" data-shown=\"\(limit)\"><caption>\(escapeHTML(table.title))</caption><thead><tr>"
        text += table.columns.map { "<th title=\"sort\">\(escapeHTML($0))</th>" }.joined() + "</tr></thead><tbody>"
        for (index, row) in table.rows.prefix(carried).enumerated() {
            text += (index < limit ? "<tr>" : "<tr hidden>") + row.map { cell -> String in
                switch cell {
                case .integer, .number: return "<td class=\"number\">\(escapeHTML(cell.formatted))</td>"
                case .text, .missing: return "<td>\(escapeHTML(cell.formatted))</td>"
                }
            }.joined() + "</tr>"
        }
        text += "</tbody></table></div>\n"
        if total > limit {
            let reach = carried > limit ? "; filter or sort to reach the first \(carried)" : ""
            text += "<p class=\"more\">\(limit) of \(total) rows shown\(reach); all in tables/\(escapeHTML(table.name)).csv.</p>\n"
        }
        return text
    }

    /// The page's only script, inline (nothing is loaded from elsewhere): click a figure to see
    /// it full size, wheel to zoom, drag to pan, Escape to close; click a column heading to sort
    /// (numbers as numbers), type in a table's box to filter its rows. Sets
    /// `data-interactive` on `<body>` so a headless browser check can tell the script ran.
    static let script = """
        (function () {
          var viewer = document.getElementById("viewer"), stage = viewer.querySelector(".stage");
          var scale = 1, x = 0, y = 0, drag = null;
          function place() { stage.style.transform = "translate(" + x + "px," + y + "px) scale(" + scale + ")"; }
          function close() { viewer.hidden = true; stage.innerHTML = ""; }
          var figures = document.querySelectorAll("figure.zoomable > svg");
          figures.forEach(function (svg) {
            svg.addEventListener("click", function () {
              stage.innerHTML = ""; stage.appendChild(svg.cloneNode(true));
              scale = 1; x = 0; y = 0; place(); viewer.hidden = false;
            });
          });
          viewer.querySelector("button").addEventListener("click", close);
          document.addEventListener("keydown", function (e) { if (e.key === "Escape") close(); });
          viewer.addEventListener("wheel", function (e) {
            e.preventDefault(); scale = Math.min(20, Math.max(0.1, scale * (e.deltaY < 0 ? 1.2 : 1 / 1.2))); place();
          }, { passive: false });
          viewer.addEventListener("mousedown", function (e) { drag = { x: e.clientX - x, y: e.clientY - y }; });
          window.addEventListener("mousemove", function (e) { if (drag) { x = e.clientX - drag.x; y = e.clientY - drag.y; place(); } });
          window.addEventListener("mouseup", function () { drag = null; });
          function value(text) {
            var n = parseFloat(text.replace(/,/g, "").replace(/%$/, ""));
            return isNaN(n) || !/^[-+]?[0-9.,]+%?$/.test(text.trim()) ? null : n;
          }
          var tables = document.querySelectorAll("table.data");
          tables.forEach(function (table) {
            var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
            var shown = parseInt(table.getAttribute("data-shown"), 10), filter = table.parentNode.querySelector("input.filter");
            var sorted = false, order = {};
            function refresh() {
              var q = filter.value.trim().toLowerCase(), visible = 0;
              rows.forEach(function (row) {
                var hit = !q || row.textContent.toLowerCase().indexOf(q) >= 0;
                row.hidden = !hit || (!q && !sorted && visible >= shown);
                if (!row.hidden) visible++;
              });
            }
            filter.addEventListener("input", refresh);
            Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
              th.addEventListener("click", function () {
                var up = order[column] = !order[column];
                rows.sort(function (a, b) {
                  var s = a.cells[column].textContent, t = b.cells[column].textContent, u = value(s), v = value(t);
                  var c = u !== null && v !== null ? u - v : s.localeCompare(t);
                  return up ? c : -c;
                });
                rows.forEach(function (row) { body.appendChild(row); });
                sorted = true; refresh();
              });
            });
          });
          document.body.setAttribute("data-interactive", figures.length + " figures, " + tables.length + " tables");
        })();
        """

    /// SVG as it can stand inside HTML: without the XML declaration and DOCTYPE.
    static func inlineSVG(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        return String(svg[start.lowerBound...])
    }

    /// The Markdown version, with figures as files beside it.
    public func markdown() -> String {
        var text = "# \(title)\n\n_\(generatedText)_\n\n"
        text += provenance.map { "> \($0)" }.joined(separator: "\n>\n") + "\n\n"
        if !keyFindings.isEmpty {
            text += "## Key findings\n\n" + keyFindings.map { "- **\($0.section)**: \($0.finding)" }.joined(separator: "\n") + "\n\n"
        }
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
            for table in section.tables { text += markdownTable(table, rows: section.rowsShown, of: section.csvFiles[table.name]?.rowCount ?? table.rows.count) }
        }
        return text
    }

    /// `table` with its first `limit` rows shown of `total`.
    private func markdownTable(_ table: ResultTable, rows limit: Int, of total: Int) -> String {
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        var text = "**\(table.title)**\n\n| " + table.columns.map(cell).joined(separator: " | ") + " |\n"
        text += "|" + table.columns.map { _ in "---" }.joined(separator: "|") + "|\n"
        for row in table.rows.prefix(limit) { text += "| " + row.map { cell($0.formatted) }.joined(separator: " | ") + " |\n" }
        if total > limit { text += "\n_\(limit) of \(total) rows shown; all in `tables/\(table.name).csv`._\n" }
        return text + "\n"
    }
}
