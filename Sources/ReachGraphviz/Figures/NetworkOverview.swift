import ReachGraph

/// The network overview of a dataset: every account (or the legible part of a big network) with
/// kinds as shapes and colours, node area by a score, edge width by log weight, provinces as
/// boxes (`fdp`, `dot`) or colours (other engines), a legend and a caption.
/// See ``NetworkDrawing`` for the encoding and ``AccountKindStyle`` for the palette.
public enum NetworkOverview {
    /// The accounts an overview draws unless told otherwise (the briefing's and `render`'s), trimmed
    /// by k-core above it: about what a page-wide figure can label and a reader can follow. Drawing
    /// every account of a large export is slow as well as unreadable: `sfdp` took 294 s on the
    /// 9,509 accounts of the CooRTweet sample of `../shared` and gave a 5.8 MB SVG.
    public static let legibleNodes = 150

    /// The overview figure of `dataset`; laid out with `fdp` (province boxes) by default when the
    /// drawn graph fits its budget, else `sfdp`.
    /// - Throws: ``FigureError`` when the scores do not have one value per account.
    /// - Complexity: O(V log V + E log E).
    public static func figure(of dataset: Dataset, options: NetworkFigureOptions = NetworkFigureOptions()) throws -> Figure {
        let recipe = NetworkFigureBuilder.Recipe(
            title: "Amplification network: \(FigureCaption.name(of: dataset))", candidates: nil, ego: nil, preferredEngine: .fdp, encodingNote: nil
        )
        return try NetworkFigureBuilder.figure(of: dataset, graph: dataset.graph(types: options.relationTypes), recipe: recipe, options: options)
    }
}
