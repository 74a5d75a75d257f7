/// How units (accounts, cities, structures) moved from one period to the next on one measure:
/// the largest risers and fallers, and the units that appeared or vanished — the "change since
/// last month" of a briefing.
///
/// A unit is *present* in a period when it has a value there (the caller leaves out units with
/// nothing to show: an account that did not post, a score of zero). Two ways to compare:
/// - **Amounts** (`top == nil`): risers and fallers are the units present in both periods whose
///   value grew or shrank the most; new units are present only now, vanished ones only before,
///   each listed by its value.
/// - **Rankings** (`top` set): units are ranked within each period (competition ranks, higher
///   first unless `lowerIsBetter`, ties broken by unit id); risers are units in the top `top` now
///   that gained places, fallers units in the top `top` before that lost places (both ranked in
///   both periods); new units are in the top `top` now and unranked before, vanished ones were in
///   the top `top` before and are unranked now. A unit entering the top from further down is a
///   riser, not new.
///
/// Ties in the order of movers break by unit id, so the result is deterministic.
/// - Complexity: O(n log n) in the number of units.
public struct PeriodChange: Sendable, Equatable {
    /// One unit's values and ranks in the two periods; `nil` where it is absent.
    public struct Move: Sendable, Equatable {
        public var unit: String
        public var before: Double?
        public var after: Double?
        public var rankBefore: Int?
        public var rankAfter: Int?

        public init(unit: String, before: Double?, after: Double?, rankBefore: Int?, rankAfter: Int?) {
            self.unit = unit
            self.before = before
            self.after = after
            self.rankBefore = rankBefore
            self.rankAfter = rankAfter
        }
    }

    public let previousPeriod: String
    public let period: String
    /// The ranking's cut, or `nil` when amounts are compared.
    public let top: Int?
    /// Units present in the previous period and in this one.
    public let countBefore: Int
    public let countAfter: Int
    /// Largest first; all of them (sentences name the first few).
    public let risers: [Move]
    public let fallers: [Move]
    /// By value now (rankings: by rank now), best first.
    public let appeared: [Move]
    /// By value before (rankings: by rank before), best first.
    public let vanished: [Move]

    public init(
        previous: [String: Double], current: [String: Double], previousPeriod: String, period: String,
        top: Int? = nil, lowerIsBetter: Bool = false
    ) {
        self.previousPeriod = previousPeriod
        self.period = period
        self.top = top
        let before = previous.filter { $0.value.isFinite }, after = current.filter { $0.value.isFinite }
        countBefore = before.count
        countAfter = after.count
        let ranksBefore = Self.ranks(before, lowerIsBetter: lowerIsBetter), ranksAfter = Self.ranks(after, lowerIsBetter: lowerIsBetter)
        func move(_ unit: String) -> Move {
            Move(unit: unit, before: before[unit], after: after[unit], rankBefore: ranksBefore[unit], rankAfter: ranksAfter[unit])
        }
        let units = Set(before.keys).union(after.keys).sorted().map(move)
        let inBoth = units.filter { $0.before != nil && $0.after != nil }
        func better(_ a: Move, _ b: Move, by key: (Move) -> Double) -> Bool {
            key(a) != key(b) ? key(a) > key(b) : a.unit < b.unit
        }
        if let top {
            let gain = { (move: Move) in Double(move.rankBefore! - move.rankAfter!) }
            risers = inBoth.filter { $0.rankAfter! <= top && gain($0) > 0 }.sorted { better($0, $1, by: gain) }
            fallers = inBoth.filter { $0.rankBefore! <= top && gain($0) < 0 }.sorted { better($0, $1, by: { -gain($0) }) }
            appeared = units.filter { $0.before == nil && $0.rankAfter.map { $0 <= top } == true }
                .sorted { better($0, $1, by: { -Double($0.rankAfter!) }) }
            vanished = units.filter { $0.after == nil && $0.rankBefore.map { $0 <= top } == true }
                .sorted { better($0, $1, by: { -Double($0.rankBefore!) }) }
        } else {
            let delta = { (move: Move) in move.after! - move.before! }
            let sign: Double = lowerIsBetter ? -1 : 1
            risers = inBoth.filter { sign * delta($0) > 0 }.sorted { better($0, $1, by: { sign * delta($0) }) }
            fallers = inBoth.filter { sign * delta($0) < 0 }.sorted { better($0, $1, by: { -sign * delta($0) }) }
            appeared = units.filter { $0.before == nil }.sorted { better($0, $1, by: { sign * $0.after! }) }
            vanished = units.filter { $0.after == nil }.sorted { better($0, $1, by: { sign * $0.before! }) }
        }
    }

    /// Competition ranks (ties share the best rank), best first.
    private static func ranks(_ values: [String: Double], lowerIsBetter: Bool) -> [String: Int] {
        let ordered = values.sorted { $0.value != $1.value ? (lowerIsBetter ? $0.value < $1.value : $0.value > $1.value) : $0.key < $1.key }
        var ranks: [String: Int] = [:]
        for (position, entry) in ordered.enumerated() {
            ranks[entry.key] = position > 0 && ordered[position - 1].value == entry.value ? ranks[ordered[position - 1].key]! : position + 1
        }
        return ranks
    }

    /// Whether anything moved, appeared or vanished.
    public var isEmpty: Bool { risers.isEmpty && fallers.isEmpty && appeared.isEmpty && vanished.isEmpty }

    /// The change as one paragraph: "Change since 2025-04 (measure): largest risers …; largest
    /// fallers …; new …; vanished …." naming at most `named` units per clause.
    /// - Parameters:
    ///   - measure: what was compared, e.g. "posts per account" or "key-opinion-leader score, top 15".
    ///   - units: the plural noun of a unit ("accounts", "cities").
    ///   - label: the name people read for a unit id.
    ///   - value: a value as text with its unit ("12 posts", "0.42").
    public func sentence(measure: String, units: String, named: Int = 3, label: (String) -> String, value: (Double) -> String) -> String {
        var clauses: [String] = []
        func list(_ moves: [Move], _ describe: (Move) -> String) -> String {
            moves.prefix(named).map { "\(label($0.unit)) (\(describe($0)))" }.joined(separator: ", ")
        }
        func more(_ moves: [Move]) -> String { moves.count > named ? " and \(groupedDigits(moves.count - named)) more" : "" }
        if let top {
            let ranked = { (move: Move) in "rank \(move.rankBefore!) → \(move.rankAfter!)" }
            if !risers.isEmpty { clauses.append("largest risers into or within the top \(top): " + list(risers, ranked) + more(risers)) }
            if !fallers.isEmpty { clauses.append("largest fallers from the top \(top): " + list(fallers, ranked) + more(fallers)) }
            if !appeared.isEmpty {
                clauses.append("new in the top \(top) (unranked in \(previousPeriod)): " + list(appeared) { "rank \($0.rankAfter!), \(value($0.after!))" } + more(appeared))
            }
            if !vanished.isEmpty {
                clauses.append("vanished from the top \(top) (unranked in \(period)): " + list(vanished) { "rank \($0.rankBefore!) in \(previousPeriod), \(value($0.before!))" } + more(vanished))
            }
            if clauses.isEmpty { clauses.append("the top \(top) kept its order") }
        } else {
            let changed = { (move: Move) in "\(value(move.before!)) → \(value(move.after!))" }
            clauses.append("\(groupedDigits(countAfter)) \(units) in \(period), \(groupedDigits(countBefore)) in \(previousPeriod)")
            if !risers.isEmpty { clauses.append("largest risers " + list(risers, changed) + more(risers)) }
            if !fallers.isEmpty { clauses.append("largest fallers " + list(fallers, changed) + more(fallers)) }
            if !appeared.isEmpty {
                clauses.append("\(groupedDigits(appeared.count)) new (none in \(previousPeriod)), most " + list(appeared) { value($0.after!) })
            }
            if !vanished.isEmpty {
                clauses.append("\(groupedDigits(vanished.count)) vanished (none in \(period)), most " + list(vanished) { "\(value($0.before!)) in \(previousPeriod)" })
            }
        }
        return "Change since \(previousPeriod) (\(measure), \(period) against \(previousPeriod)): " + clauses.joined(separator: "; ") + "."
    }
}
