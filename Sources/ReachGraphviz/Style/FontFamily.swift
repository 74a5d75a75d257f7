import ReachGraph

/// The font every figure names explicitly on its graph, nodes and edges.
public enum FontFamily {
    /// ``CJKFonts/list``: the CJK-capable families every output names, then the generic family.
    public static let cjk = CJKFonts.list
}
