import ReachGraph

/// An HTML-like Graphviz label, built only from pieces that are valid markup.
///
/// Text is escaped (`&`, `<`, `>`, `"` become entities; C0 control characters, which the XML
/// parser behind Graphviz's HTML labels rejects, become U+FFFD; line breaks become `<BR/>`; a
/// backslash is doubled, since Graphviz expands `\N`, `\G`, `\E` … in HTML text as in plain
/// labels and shows `\\` as one backslash), so any string, including CJK text and stray angle
/// brackets, can go in. Combine pieces with `+`.
///
/// Graphviz 2.42 keeps HTML and plain strings in one pool keyed by their text (docs/graphviz.md):
/// a plain attribute value whose text equals an HTML label's markup can be taken for the other kind.
/// Figures never use the same text both ways in one graph.
public struct HTMLLabel: Sendable, Equatable {
    /// The markup between the outer `<` and `>`.
    public let markup: String

    private init(markup: String) { self.markup = markup }

    /// Escaped text; `\n` becomes a line break.
    public static func text(_ text: String) -> HTMLLabel {
        var markup = ""
        markup.reserveCapacity(text.utf8.count)
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": markup.append("&amp;")
            case "<": markup.append("&lt;")
            case ">": markup.append("&gt;")
            case "\"": markup.append("&quot;")
            case "\\": markup.append("\\\\")
            case "\n": if !previousWasCarriageReturn { markup.append("<BR/>") }
            case "\r": markup.append("<BR/>")
            case "\t": markup.append(" ")
            case "\u{0}" ..< "\u{20}": markup.append("\u{FFFD}")
            default: markup.unicodeScalars.append(scalar)
            }
            previousWasCarriageReturn = scalar == "\r"
        }
        return HTMLLabel(markup: markup)
    }

    /// A line break.
    public static let lineBreak = HTMLLabel(markup: "<BR/>")

    /// `content` in bold.
    public static func bold(_ content: HTMLLabel) -> HTMLLabel { HTMLLabel(markup: "<B>\(content.markup)</B>") }

    /// `content` in another colour, size or face; `nil` keeps the surrounding value.
    public static func font(color: String? = nil, pointSize: Double? = nil, face: String? = nil, _ content: HTMLLabel) -> HTMLLabel {
        var attributes = ""
        if let color { attributes += " COLOR=\(attributeValue(color))" }
        if let pointSize { attributes += " POINT-SIZE=\(attributeValue(numeral(pointSize)))" }
        if let face { attributes += " FACE=\(attributeValue(face))" }
        return HTMLLabel(markup: "<FONT\(attributes)>\(content.markup)</FONT>")
    }

    /// A table of rows of cells. An empty table gets one empty cell, since Graphviz rejects a
    /// `<TABLE>` without rows.
    public static func table(_ rows: [[HTMLCell]], border: Int = 0, cellBorder: Int = 0, cellSpacing: Int = 2, cellPadding: Int = 2) -> HTMLLabel {
        var markup = "<TABLE BORDER=\"\(border)\" CELLBORDER=\"\(cellBorder)\" CELLSPACING=\"\(cellSpacing)\" CELLPADDING=\"\(cellPadding)\">"
        let nonEmpty = rows.filter { !$0.isEmpty }
        for row in nonEmpty.isEmpty ? [[HTMLCell(.text(""))]] : nonEmpty {
            markup += "<TR>"
            for cell in row { markup += cell.markup }
            markup += "</TR>"
        }
        markup += "</TABLE>"
        return HTMLLabel(markup: markup)
    }

    /// The concatenation of two labels.
    public static func + (lhs: HTMLLabel, rhs: HTMLLabel) -> HTMLLabel { HTMLLabel(markup: lhs.markup + rhs.markup) }

    /// `value` as a double-quoted attribute value.
    static func attributeValue(_ value: String) -> String { "\"" + text(value).markup + "\"" }

    static func numeral(_ value: Double) -> String {
        var output = ByteWriter()
        DOTEscaping.appendNumber(value, to: &output)
        return output.text.replacingOccurrences(of: "\"", with: "")
    }
}

/// One cell of an ``HTMLLabel`` table.
public struct HTMLCell: Sendable, Equatable {
    /// How the content sits in the cell.
    public enum Alignment: String, Sendable {
        case left = "LEFT"
        case center = "CENTER"
        case right = "RIGHT"
    }

    let markup: String

    /// A cell holding `content`, optionally with a background colour, a border (points) and a fixed
    /// size (points; the cell neither grows with its table nor with its content).
    public init(
        _ content: HTMLLabel, alignment: Alignment = .left, background: String? = nil, border: Int? = nil,
        fixedSize: (width: Int, height: Int)? = nil
    ) {
        var attributes = " ALIGN=\"\(alignment.rawValue)\" BALIGN=\"\(alignment.rawValue)\""
        if let background { attributes += " BGCOLOR=\(HTMLLabel.attributeValue(background))" }
        if let border { attributes += " BORDER=\"\(border)\"" }
        if let fixedSize { attributes += " FIXEDSIZE=\"TRUE\" WIDTH=\"\(fixedSize.width)\" HEIGHT=\"\(fixedSize.height)\"" }
        // An empty cell body is fine; Graphviz sizes it from its padding.
        markup = "<TD\(attributes)>\(content.markup)</TD>"
    }
}
