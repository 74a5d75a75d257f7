/// Where the reposts of a structure's units (county bodies, city accounts) came from: through
/// their declared parent, as the structure intends, or around it.
///
/// Every post of a unit that reposts a known post is classified by the author of that post, in
/// this order: the unit's declared parent; the hub; another spoke; another member of the
/// structure; a member of another structure of the roster; an account outside the roster.
/// Reposts of posts not in the dataset are counted apart, and reposts of the unit's own posts
/// are left out.
public struct RouteFidelity: Sendable {
    public enum Route: String, Sendable, CaseIterable {
        case declaredParent = "via declared parent"
        case hub = "directly from hub"
        case otherSpoke = "via another spoke"
        case otherMember = "via another member"
        case otherStructure = "from another structure"
        case outsideRoster = "from outside the roster"
    }

    /// Reposts per route, parallel to `Route.allCases`.
    public let counts: [Int]
    /// Unit reposts whose source post is not in the dataset.
    public let unknownSource: Int
    /// Unit reposts of their own posts (not classified).
    public let ownPosts: Int

    /// Classified reposts.
    public var total: Int { counts.reduce(0, +) }

    /// Share of classified reposts that took `route`; `nil` when there are none.
    public func share(_ route: Route) -> Double? {
        guard total > 0, let position = Route.allCases.firstIndex(of: route) else { return nil }
        return Double(counts[position]) / Double(total)
    }

    /// - Parameter roster: a flag per account, set for every member of any structure.
    /// - Complexity: O(posts).
    init(structure: DeclaredStructure, index: RepostIndex, roster: [Bool]) {
        var declaredParent = [Int32](repeating: -1, count: index.accountCount)
        for (unit, parent) in zip(structure.units, structure.unitParents) { declaredParent[Int(unit)] = parent }
        let isSpoke = index.accountFlags(structure.spokes)
        let isMember = index.accountFlags(structure.members)
        var counts = [Int](repeating: 0, count: Route.allCases.count)
        var unknown = 0, own = 0
        for post in 0 ..< index.count {
            let unit = Int(index.authors[post])
            guard unit >= 0, declaredParent[unit] >= 0 else { continue }
            if index.parentMissing[post] {
                unknown += 1
                continue
            }
            let parent = Int(index.parents[post])
            guard parent >= 0 else { continue }
            let source = index.authors[parent]
            let route: Route
            if Int(source) == unit {
                own += 1
                continue
            } else if source == declaredParent[unit] {
                route = .declaredParent
            } else if source == structure.hub {
                route = .hub
            } else if isSpoke[Int(source)] {
                route = .otherSpoke
            } else if isMember[Int(source)] {
                route = .otherMember
            } else if roster[Int(source)] {
                route = .otherStructure
            } else {
                route = .outsideRoster
            }
            counts[Route.allCases.firstIndex(of: route) ?? 0] += 1
        }
        self.counts = counts
        unknownSource = unknown
        ownPosts = own
    }
}
