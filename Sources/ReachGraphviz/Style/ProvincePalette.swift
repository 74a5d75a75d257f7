/// Fill colours for provinces when the engine draws no cluster boxes (`sfdp`, `neato`, `circo`,
/// `twopi`): Tableau 10, assigned to the provinces with the most drawn accounts first (ties by
/// name). Provinces beyond the tenth share grey, and accounts without a province are white;
/// shape still tells the kind.
public struct ProvincePalette: Sendable {
    static let colors = ["#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948", "#B07AA1", "#FF9DA7", "#9C755F", "#BAB0AC"]
    /// The colour of provinces beyond the palette.
    public static let remainder = "#D9D9D9"
    /// The colour of accounts without a province.
    public static let none = "#FFFFFF"

    /// Provinces with their own colour, most accounts first.
    public let assigned: [(province: String, color: String)]
    /// Whether some provinces share ``remainder``.
    public let hasRemainder: Bool
    private let lookup: [String: String]

    /// A palette for the provinces of the drawn accounts (`nil` or empty: no province).
    /// - Complexity: O(n + p log p) for n accounts in p provinces.
    public init(provinces: [String?]) {
        var counts: [String: Int] = [:]
        for case let province? in provinces where !province.isEmpty { counts[province, default: 0] += 1 }
        let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        assigned = zip(ranked, Self.colors).map { (province: $0, color: $1) }
        hasRemainder = ranked.count > Self.colors.count
        lookup = Dictionary(uniqueKeysWithValues: assigned.map { ($0.province, $0.color) })
    }

    /// The fill for an account in `province`.
    public func color(of province: String?) -> String {
        guard let province, !province.isEmpty else { return Self.none }
        return lookup[province] ?? Self.remainder
    }
}
