/// One stage of a cascade's stage path (``CascadeMetrics/stagePath``): an account kind, with the
/// tier kept for media centres, since a provincial, a municipal and a county centre are different
/// links of the chain "provincial centre → municipal centre → county centre", not one "media
/// centre".
public struct CascadeStage: Hashable, Comparable, Sendable {
    public var kind: AccountKind
    /// The tier of a media centre that declares one; `nil` for every other kind.
    public var tier: Tier?

    public init(kind: AccountKind, tier: Tier? = nil) {
        self.kind = kind
        self.tier = kind == .mediaCentre ? tier : nil
    }

    /// The stage an account stands for.
    public init(of account: Account) {
        self.init(kind: account.kind, tier: account.tier)
    }

    /// `provincial_centre`, `municipal_centre`, … for a media centre with a tier, else the kind's
    /// value (`city_account`).
    public var rawValue: String { tier.map { "\($0.rawValue)_centre" } ?? kind.rawValue }

    /// By kind, then by tier from national to overseas (a centre without a tier first).
    public static func < (lhs: CascadeStage, rhs: CascadeStage) -> Bool {
        func rank(_ tier: Tier?) -> Int { tier.map { Tier.allCases.firstIndex(of: $0)! } ?? -1 } // safe: every case is in allCases
        return lhs.kind != rhs.kind ? lhs.kind < rhs.kind : rank(lhs.tier) < rank(rhs.tier)
    }
}
