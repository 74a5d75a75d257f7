/// The CJK-capable font families every output names, in order of preference: the one list the
/// Graphviz figures, the SVG bar charts and the HTML briefing all use.
///
/// WenQuanYi Zen Hei first (installed by scripts/install-system-packages.sh; without a CJK font,
/// Chinese labels render as empty boxes in PNG and PDF), then common CJK fonts of other systems.
/// Pango (PNG, PDF) and browsers (SVG's and CSS's `font-family`) read a comma-separated list as
/// fallbacks, so the choice does not depend on fontconfig defaults.
public enum CJKFonts {
    /// The family names, most preferred first, without the generic family.
    public static let families = ["WenQuanYi Zen Hei", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC"]

    /// The families and `sans-serif`, comma-separated without spaces: a Graphviz `fontname` and an
    /// SVG `font-family` value (unquoted names with spaces are valid there).
    public static let list = (families + ["sans-serif"]).joined(separator: ",")

    /// The families quoted and comma-separated, for a CSS `font-family` that goes on to other
    /// fallbacks.
    public static let quoted = families.map { "\"\($0)\"" }.joined(separator: ", ")
}
