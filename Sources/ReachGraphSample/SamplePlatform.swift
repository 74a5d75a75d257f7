import ReachGraph
import ReachGraphCore

/// The platforms synthetic accounts post on. Raw values index per-platform tables.
enum SamplePlatform: Int, CaseIterable {
    case facebook, x, instagram, youtube, tiktok

    /// The name written to the `platform` columns.
    var name: String {
        switch self {
        case .facebook: "facebook"
        case .x: "x"
        case .instagram: "instagram"
        case .youtube: "youtube"
        case .tiktok: "tiktok"
        }
    }

    /// The share of accounts and activity on each platform, in case order.
    static let shares: [Double] = [0.3, 0.3, 0.15, 0.15, 0.1]

    /// A platform index drawn by ``shares``.
    static func randomIndex(_ random: inout SplitMix64) -> Int {
        var remaining = random.nextUnitInterval()
        for (index, share) in shares.enumerated() {
            remaining -= share
            if remaining < 0 { return index }
        }
        return shares.count - 1
    }
}
