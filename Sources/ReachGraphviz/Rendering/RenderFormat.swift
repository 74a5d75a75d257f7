/// A file format Graphviz renders to.
public enum RenderFormat: String, Sendable, CaseIterable {
    case svg
    case png
    case pdf

    /// The format for a file name's extension (`figure.PNG` → `.png`), or `nil`.
    public init?(pathExtension: String) {
        self.init(rawValue: pathExtension.lowercased())
    }

    /// The Graphviz output name. PNG is asked of the cairo renderer by name, because the gd
    /// renderer draws text without pango and so without the font fallback CJK labels need.
    var graphvizName: String {
        switch self {
        case .svg: return "svg"
        case .png: return "png:cairo"
        case .pdf: return "pdf:cairo"
        }
    }

    /// The bytes every file of this format starts with (`<?xml` for Graphviz's SVG).
    public var magicNumber: [UInt8] {
        switch self {
        case .svg: return Array("<?xml".utf8)
        case .png: return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        case .pdf: return Array("%PDF-".utf8)
        }
    }
}
