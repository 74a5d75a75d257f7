import Foundation

extension Dataset {
    /// The line every figure, chart and briefing of synthetic data carries.
    public static let syntheticNotice = "Synthetic data: no edge or number is a real observation"

    /// Whether the dataset folder at `folder` says its data are synthetic: its `README.md`
    /// mentions "synthetic" (any case), as the one `reachgraph generate` writes does ("This
    /// dataset is synthetic"). A folder without a README is taken as observed data; pass
    /// `--synthetic` where a command offers it to mark such data by hand.
    public static func folderDeclaresSynthetic(_ folder: String) -> Bool {
        let readme = (folder as NSString).appendingPathComponent("README.md")
        guard let text = try? String(contentsOfFile: readme, encoding: .utf8) else { return false }
        return text.range(of: "synthetic", options: .caseInsensitive) != nil
    }
}
