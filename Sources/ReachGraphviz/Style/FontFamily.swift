/// The font every figure names explicitly on its graph, nodes and edges.
public enum FontFamily {
    /// WenQuanYi Zen Hei first (installed by scripts/install-system-packages.sh; without a CJK
    /// font, Chinese labels render as empty boxes in PNG and PDF), then common CJK fonts of other
    /// systems, then the generic family. Pango (PNG, PDF) and browsers (SVG's `font-family`)
    /// both read the comma-separated list as fallbacks, so the choice does not depend on
    /// fontconfig defaults.
    public static let cjk = "WenQuanYi Zen Hei,Noto Sans CJK SC,Source Han Sans SC,Microsoft YaHei,PingFang SC,sans-serif"
}
