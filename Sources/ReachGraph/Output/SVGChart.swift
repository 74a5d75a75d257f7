import Foundation

/// What the library's standalone SVG charts (``IndexBarChart``, ``LineChart``) share: the
/// document's opening, coordinates and escaping.
enum SVGChart {
    /// The XML declaration, an `<svg>` of `width` × `height` in the CJK-capable font stack, its
    /// `<title>`, a white background and the title drawn in bold at (`margin`, `titleBaseline`),
    /// each on a line of its own.
    static func opening(
        title: String, width: Double, height: Double, fontSize: Double, titleSize: Int, titleBaseline: Int, margin: Double
    ) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(number(width))" height="\(number(height))" \
        viewBox="0 0 \(number(width)) \(number(height))" role="img" aria-label="\(escape(title))" \
        font-family="\(escape(CJKFonts.list))" font-size="\(number(fontSize))">
        <title>\(escape(title))</title>
        <rect width="100%" height="100%" fill="#ffffff"/>
        <text class="title" x="\(number(margin))" y="\(titleBaseline)" font-size="\(titleSize)" font-weight="bold" fill="#222222">\(escape(title))</text>

        """
    }

    /// Coordinates with one decimal, so output does not depend on floating-point noise.
    static func number(_ value: Double) -> String { String(format: "%.1f", value) }

    /// Text safe inside SVG content and attribute values (see ``XMLText/Style/svg``).
    static func escape(_ text: String) -> String { XMLText.escaped(text, .svg) }
}
