import ReachGraph

/// The label of a node drawn as a name card (``CascadeTreeFigure``, ``StagePathFigure``,
/// ``StructureFigure``): the kind's legend glyph on its fill colour, then the text lines.
///
/// Layered `dot` figures draw text on every node; inside a star or triangle the text would blow the
/// shape up, and beside it (`xlabel`) `dot` does not reserve room, so names overlap. A card is
/// sized by `dot` to its text, so nothing overlaps, and the glyph and fill still carry the
/// kind as ``AccountKindStyle`` defines it (the same swatches as the legend). The text cell is
/// white, so edges drawn below a card (`outputorder=edgesfirst`) never run through its text.
enum KindNodeLabel {
    /// Node attributes for a card of `kind` with `lines` (the first in bold).
    static func attributes(kind: AccountKind, lines: [String], tooltip: String, highlighted: Bool = false) -> DOTAttributes {
        let style = AccountKindStyle.of(kind)
        let glyph = HTMLLabel.font(color: AccountKindStyle.ink(on: style.fill), pointSize: 12, .text(style.glyph))
        var text = HTMLLabel.text("")
        for (index, line) in lines.enumerated() {
            if index > 0 { text = text + .lineBreak }
            text = text + (index == 0 ? .bold(.text(line)) : .text(line))
        }
        let table = HTMLLabel.table(
            [[HTMLCell(glyph, alignment: .center, background: style.fill, border: 1), HTMLCell(text, background: "#FFFFFF", border: 0)]],
            border: highlighted ? 2 : 1, cellBorder: 0, cellSpacing: 0, cellPadding: 3
        )
        return ["shape": "plain", "label": .html(table), "tooltip": .string(tooltip)]
    }
}
