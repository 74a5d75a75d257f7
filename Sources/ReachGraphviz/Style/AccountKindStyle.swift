import ReachGraph

/// How an account kind is drawn: a shape and a fill that stay distinguishable in grey scale.
///
/// Shapes carry the kind on their own (a black-and-white print loses nothing); fills differ by at
/// least 10 points of grey (Rec. 601 luma, what a grey-scale print or conversion keeps), dark
/// for the institutions that create content and light for the accounts that amplify it. Every
/// legend glyph exists in WenQuanYi Zen Hei, so legends render in PNG and PDF.
///
/// | kind | shape | legend | fill | grey |
/// |---|---|---|---|---|
/// | think_tank | box | ■ | `#08306B` navy | 17% |
/// | media_centre | doublecircle | ◎ | `#B2182B` dark red | 28% |
/// | city_account | triangle | ▲ | `#238B45` green | 39% |
/// | embassy | diamond | ◆ | `#E66101` orange | 49% |
/// | media_outlet | invtriangle | ▼ | `#9E9AC8` lavender | 63% |
/// | influencer | star | ★ | `#9ECAE1` light blue | 75% |
/// | community | ellipse | ● | `#FEE391` pale yellow | 89% |
/// | other | ellipse, dashed outline | ○ | `#FFFFFF` white | 100% |
///
/// Outlines are dark grey, so the light fills still show on a white page.
public struct AccountKindStyle: Sendable, Equatable {
    /// The Graphviz `shape`.
    public var shape: String
    /// The fill colour, `#RRGGBB`.
    public var fill: String
    /// Extra `style` words besides `filled`.
    public var extraStyle: String?
    /// A character that looks like the shape, for legends.
    public var glyph: String

    /// The style of `kind`.
    public static func of(_ kind: AccountKind) -> AccountKindStyle {
        switch kind {
        case .thinkTank: return AccountKindStyle(shape: "box", fill: "#08306B", glyph: "■")
        case .mediaCentre: return AccountKindStyle(shape: "doublecircle", fill: "#B2182B", glyph: "◎")
        case .cityAccount: return AccountKindStyle(shape: "triangle", fill: "#238B45", glyph: "▲")
        case .embassy: return AccountKindStyle(shape: "diamond", fill: "#E66101", glyph: "◆")
        case .mediaOutlet: return AccountKindStyle(shape: "invtriangle", fill: "#9E9AC8", glyph: "▼")
        case .influencer: return AccountKindStyle(shape: "star", fill: "#9ECAE1", glyph: "★")
        case .community: return AccountKindStyle(shape: "ellipse", fill: "#FEE391", glyph: "●")
        case .other: return AccountKindStyle(shape: "ellipse", fill: "#FFFFFF", extraStyle: "dashed", glyph: "○")
        }
    }

    init(shape: String, fill: String, extraStyle: String? = nil, glyph: String) {
        self.shape = shape
        self.fill = fill
        self.extraStyle = extraStyle
        self.glyph = glyph
    }

    /// The `style` attribute value.
    public var style: String { ["filled", extraStyle].compactMap { $0 }.joined(separator: ",") }

    /// The grey a black-and-white print gives `color` (`#RRGGBB`), 0 (black) … 1 (white), by
    /// Rec. 601 luma; `nil` for a malformed colour.
    public static func grey(of color: String) -> Double? {
        guard color.count == 7, color.first == "#", let value = Int(color.dropFirst(), radix: 16) else { return nil }
        let red = Double((value >> 16) & 0xFF), green = Double((value >> 8) & 0xFF), blue = Double(value & 0xFF)
        return (0.299 * red + 0.587 * green + 0.114 * blue) / 255
    }

    /// Black or white, whichever reads on `fill`.
    static func ink(on fill: String) -> String {
        (grey(of: fill) ?? 1) < 0.55 ? "#FFFFFF" : "#000000"
    }
}
