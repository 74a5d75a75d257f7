import ReachGraph

/// The graph label every figure carries at its bottom left: the caption (title in bold, one line
/// a row) with legend rows below it. An HTML table, because every engine places a graph label
/// and a table keeps the swatches next to their names.
enum FigureLabel {
    /// A legend entry: a fixed-size swatch and the name beside it.
    typealias Entry = (swatch: HTMLCell, name: String)

    /// `text` cut to `limit` characters, the last of them "…", so one long name does not widen a
    /// panel or cover its neighbours.
    static func shortened(_ text: String, to limit: Int) -> String {
        text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
    }

    /// The caption lines, then one row per non-empty legend.
    static func label(caption: [String], legends: [[Entry]]) -> HTMLLabel {
        var rows: [[HTMLCell]] = caption.enumerated().flatMap { index, line in
            wrapped(line).map { part in
                let text = HTMLLabel.text(part)
                return [HTMLCell(index == 0 ? .bold(text) : text)]
            }
        }
        for entries in legends where !entries.isEmpty { rows.append([HTMLCell(legend(entries))]) }
        return .table(rows, cellSpacing: 0, cellPadding: 2)
    }

    /// Caption lines wider than this many Latin characters (a CJK character counts two) are
    /// wrapped: the caption is part of the drawing, and one long line would make a small figure
    /// a wide ribbon whose text shrinks at page width.
    static let captionWidth = 110

    /// `line` split at spaces into parts of at most ``captionWidth`` (a longer word stays whole).
    static func wrapped(_ line: String) -> [String] {
        func width(_ text: Substring) -> Int { text.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E80 ? 2 : 1) } }
        var parts: [String] = []
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            if !current.isEmpty && width(Substring(current)) + 1 + width(word) > captionWidth {
                parts.append(current)
                current = "    " + word
            } else {
                current += (current.isEmpty ? "" : " ") + word
            }
        }
        parts.append(current)
        return parts
    }

    /// One entry per kind, in kind order: the kind's glyph on its fill (on white when `blank`,
    /// for figures whose fill shows something else).
    static func kindEntries(_ kinds: some Sequence<AccountKind>, blank: Bool = false) -> [Entry] {
        Set(kinds).sorted().map { kind in
            let style = AccountKindStyle.of(kind)
            let fill = blank ? "#FFFFFF" : style.fill
            let glyph = HTMLLabel.font(color: AccountKindStyle.ink(on: fill), .text(style.glyph))
            return (swatch(glyph, background: fill), kind.rawValue.replacingOccurrences(of: "_", with: " "))
        }
    }

    /// A colour swatch, outlined so a white one shows.
    static func swatch(_ content: HTMLLabel = .text(""), background: String) -> HTMLCell {
        HTMLCell(content, alignment: .center, background: background, border: 1, fixedSize: (20, 18))
    }

    /// Swatch–name pairs, four a row; swatches are of fixed size so none stretches with the caption.
    private static func legend(_ entries: [Entry]) -> HTMLLabel {
        let rows = stride(from: 0, to: entries.count, by: 4).map { start in
            entries[start ..< min(start + 4, entries.count)].flatMap { [$0.swatch, HTMLCell(.text($0.name + "    "))] }
        }
        return .table(rows, cellBorder: 0, cellSpacing: 2, cellPadding: 1)
    }

    /// Graph attributes every recipe shares: the CJK font list, the caption at the bottom left,
    /// white background, and a size cap (Graphviz scales the drawing down to fit; cairo rejects
    /// huge bitmaps).
    static func graphAttributes(caption: [String], legends: [[Entry]]) -> DOTAttributes {
        [
            "fontname": .string(FontFamily.cjk), "fontsize": 11, "bgcolor": "white", "pad": 0.3,
            "labelloc": "b", "labeljust": "l", "label": .html(label(caption: caption, legends: legends)), "size": "40,40",
        ]
    }

    /// The caption's closing lines: the caller's notes and the synthetic-data notice.
    static func closingLines(_ options: CaptionOptions) -> [String] {
        options.notes + (options.isSynthetic ? [CaptionOptions.syntheticNotice] : [])
    }
}
