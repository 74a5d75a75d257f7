/// A hub-and-spoke ("1+N") structure: a hub, the spokes it declares, and the units below them.
///
/// Read from the roster (`accounts.csv`: `province`, `tier`, `parent`) by ``declared(in:)``, or
/// found in the reposts by ``HubSpokeDetection`` when there is no roster. Account indices refer
/// to ``Dataset/accounts``.
public struct DeclaredStructure: Sendable, Equatable {
    /// The province, or `detected: <hub id>` for a detected group.
    public var name: String
    public var hub: Int32
    /// Accounts whose declared parent is the hub (city centres and provincial units: the "N").
    public var spokes: [Int32]
    /// Accounts further down (county bodies, city accounts), with their declared parents.
    public var units: [Int32]
    /// The declared parent of each unit, parallel to ``units``.
    public var unitParents: [Int32]
    /// Whether the structure was found in the reposts rather than declared.
    public var isDetected: Bool

    public init(name: String, hub: Int32, spokes: [Int32], units: [Int32] = [], unitParents: [Int32] = [], isDetected: Bool = false) {
        self.name = name
        self.hub = hub
        self.spokes = spokes
        self.units = units
        self.unitParents = unitParents
        self.isDetected = isDetected
    }

    /// Hub, spokes and units.
    public var members: [Int32] { [hub] + spokes + units }

    /// Declared ties `parent → member`, the direction content is meant to flow.
    public var declaredTies: [(source: Int32, target: Int32)] {
        spokes.map { (hub, $0) } + zip(unitParents, units).map { ($0, $1) }
    }

    /// The structures declared in a dataset's roster, one per province, sorted by province.
    ///
    /// A province's roster is its accounts with a tier below national (`provincial`, `municipal`,
    /// `county`) or a declared parent. Its hub is the root of the largest declared tree (an account
    /// whose parent is not in the province's roster; ties: higher tier, then id); spokes are the
    /// hub's children, units everything below them. Roster accounts outside the hub's tree (a second
    /// root, a parent cycle) are counted in the diagnostics and left out of the structure. A roster
    /// in which no account declares a parent (``rosterDeclaresNoParents(in:)``) declares nothing
    /// (counted; the caller detects). A province without a root (every parent chain ends in a
    /// cycle) has no hub, and one whose roster names no parent inside it has no spokes: each is
    /// returned in `leftOut` with its reason, and counted, so no province disappears unsaid or is
    /// scored as a hub alone.
    /// - Complexity: O(accounts), and O(accounts) more per province left out.
    public static func declared(in dataset: Dataset) -> (structures: [DeclaredStructure], leftOut: [LeftOutStructure], diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        var leftOut: [LeftOutStructure] = []
        if rosterDeclaresNoParents(in: dataset) {
            diagnostics.warn(
                "rosters without parents", file: "accounts.csv",
                "accounts give provinces and tiers but none declares a parent, so no 1+N structure is declared; hub-and-spoke groups are detected from the reposts instead"
            )
            return ([], [], diagnostics)
        }
        var byProvince: [String: [Int32]] = [:]
        for (index, account) in dataset.accounts.enumerated() {
            if let province = account.province, isInRoster(account) { byProvince[province, default: []].append(Int32(index)) }
        }
        var structures: [DeclaredStructure] = []
        for province in byProvince.keys.sorted() {
            guard let roster = byProvince[province] else { continue }
            let inRoster = Set(roster)
            var children: [Int32: [Int32]] = [:]
            var roots: [Int32] = []
            for member in roster {
                if let parentID = dataset.accounts[Int(member)].parent, let parent = dataset.index(ofAccount: parentID), inRoster.contains(parent), parent != member {
                    children[parent, default: []].append(member)
                } else {
                    roots.append(member)
                }
            }
            // Tiers alone declare no tree: scored, such a province was a hub without spokes.
            if children.isEmpty {
                let reason = "none of its \(roster.count) roster account\(roster.count == 1 ? "" : "s") names a parent in the province's roster, so no hub has declared spokes"
                leftOut.append(LeftOutStructure(name: province, reason: reason))
                diagnostics.warn("provinces left out of the 1+N structure", file: "accounts.csv", "\(province): \(reason)")
                continue
            }
            func subtree(_ root: Int32) -> [[Int32]] {
                var levels: [[Int32]] = [[root]]
                var seen: Set<Int32> = [root]
                while let last = levels.last {
                    let next = last.flatMap { children[$0] ?? [] }.filter { seen.insert($0).inserted }
                    if next.isEmpty { break }
                    levels.append(next)
                }
                return levels
            }
            let trees = roots.map { (root: $0, levels: subtree($0)) }
            guard let best = trees.min(by: { a, b in
                let sizeA = a.levels.reduce(0) { $0 + $1.count }, sizeB = b.levels.reduce(0) { $0 + $1.count }
                if sizeA != sizeB { return sizeA > sizeB }
                let tierA = dataset.accounts[Int(a.root)].tier ?? .overseas, tierB = dataset.accounts[Int(b.root)].tier ?? .overseas
                if tierA != tierB { return tierA < tierB }
                return dataset.accounts[Int(a.root)].id < dataset.accounts[Int(b.root)].id
            }) else {
                let reason = cycleReason(roster: roster, dataset: dataset)
                leftOut.append(LeftOutStructure(name: province, reason: reason))
                diagnostics.warn("provinces left out of the 1+N structure", file: "accounts.csv", "\(province): \(reason)")
                continue
            }
            let spokes = best.levels.count > 1 ? best.levels[1] : []
            var units: [Int32] = [], unitParents: [Int32] = []
            for level in best.levels.dropFirst(2) {
                for unit in level {
                    units.append(unit)
                    let parentID = dataset.accounts[Int(unit)].parent ?? ""
                    unitParents.append(dataset.index(ofAccount: parentID) ?? best.root)
                }
            }
            let placed = best.levels.reduce(0) { $0 + $1.count }
            if placed < roster.count {
                diagnostics.warn(
                    "roster accounts outside their province's declared tree", file: "accounts.csv",
                    "\(province): \(roster.count - placed) of \(roster.count) roster accounts are not below the hub \(dataset.accounts[Int(best.root)].id)"
                )
            }
            structures.append(DeclaredStructure(name: province, hub: best.root, spokes: spokes, units: units, unitParents: unitParents))
        }
        return (structures, leftOut, diagnostics)
    }

    /// Whether `account` is on its province's roster: it names a province, and a tier below
    /// national (`provincial`, `municipal`, `county`) or a parent.
    public static func isInRoster(_ account: Account) -> Bool {
        guard account.province != nil else { return false }
        let tiered = account.tier.map { $0 == .provincial || $0 == .municipal || $0 == .county } ?? false
        return tiered || account.parent != nil
    }

    /// Whether the dataset has a roster (``isInRoster(_:)``) in which no account names a parent,
    /// as when `accounts.csv` has no `parent` column: tiers alone declare no tree (each province
    /// would be a hub without spokes), so the roster declares no structure. O(accounts).
    public static func rosterDeclaresNoParents(in dataset: Dataset) -> Bool {
        var hasRoster = false
        for account in dataset.accounts where isInRoster(account) {
            if account.parent != nil { return false }
            hasRoster = true
        }
        return hasRoster
    }

    /// Why a province whose roster has no root has no hub: its parent cycles, by account id.
    private static func cycleReason(roster: [Int32], dataset: Dataset) -> String {
        let inRoster = Set(roster)
        var parentOf = [Int32](repeating: -1, count: dataset.accounts.count)
        for member in roster {
            if let parentID = dataset.accounts[Int(member)].parent, let parent = dataset.index(ofAccount: parentID), inRoster.contains(parent) { parentOf[Int(member)] = parent }
        }
        let cycles = Dataset.parentLoops(parentOf, from: roster.map { Int($0) }).map { loop in
            (loop + [loop[0]]).map { dataset.accounts[$0].id }.joined(separator: " → ")
        }
        return "every parent chain in its roster ends in \(cycles.count == 1 ? "the cycle" : "one of the cycles") \(cycles.joined(separator: "; ")), so no account heads its tree"
    }
}

/// A province the roster names but no structure could be read for: shown, with its reason, by
/// the scorecard and the briefing in place of its numbers.
public struct LeftOutStructure: Sendable, Equatable {
    /// The province.
    public var name: String
    /// Why, naming the accounts at fault.
    public var reason: String

    public init(name: String, reason: String) {
        self.name = name
        self.reason = reason
    }
}
