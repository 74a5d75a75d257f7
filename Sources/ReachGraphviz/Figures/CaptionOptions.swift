import ReachGraph

/// What a figure's caption says beyond what the recipe works out itself.
public struct CaptionOptions: Sendable, Equatable {
    /// The line every figure of synthetic data carries.
    public static let syntheticNotice = Dataset.syntheticNotice

    /// Replaces the recipe's title when set.
    public var title: String?
    /// Filters applied and other remarks, one line each ("relations: repost only").
    public var notes: [String]
    /// Adds ``syntheticNotice``. Set it for every sample dataset.
    public var isSynthetic: Bool

    public init(title: String? = nil, notes: [String] = [], isSynthetic: Bool = false) {
        self.title = title
        self.notes = notes
        self.isSynthetic = isSynthetic
    }
}
