/// What an account is, as the `kind` column of `accounts.csv` names it.
public enum AccountKind: String, CaseIterable, Sendable, Codable, Comparable {
    case thinkTank = "think_tank"
    case mediaCentre = "media_centre"
    case influencer
    case embassy
    case cityAccount = "city_account"
    case mediaOutlet = "media_outlet"
    case community
    case other

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)! // safe: every case is in allCases
    }
}

/// The administrative level of an account in a declared "1+N" structure.
public enum Tier: String, CaseIterable, Sendable, Codable, Comparable {
    case national
    case provincial
    case municipal
    case county
    case overseas

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)! // safe: every case is in allCases
    }
}

/// The type of an aggregated tie in `relations.csv`.
public enum RelationType: String, CaseIterable, Sendable, Codable {
    case repost
    case collaboration
    case mention
    case reply
    case quote

    /// Collaborations are undirected: stored once, read as both directions.
    public var isUndirected: Bool { self == .collaboration }
}
