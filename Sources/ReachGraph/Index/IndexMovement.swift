/// How the composite ranking moved since the previous period: who rose, who fell, who is new.
///
/// Computed once here for every reader of the index (the briefing's findings, a store's "change
/// since last month"). Ranks are competition ranks, so a move counts places in that ranking;
/// scores are normalised within each period, so ``Move/scoreDelta`` is a change of standing among
/// the units, not growth in absolute numbers.
public struct IndexMovement: Sendable, Equatable {
    /// One unit ranked in both periods whose rank changed.
    public struct Move: Sendable, Equatable {
        public var unit: IndexUnit
        public var rank: IndexRank
        public var previousRank: Int
        /// Places gained (positive) or lost (negative).
        public var places: Int
        public var scoreDelta: Double
    }

    public var period: String
    public var previousPeriod: String
    /// What the units are, plural (`cities`, `accounts`).
    public var unitsName: String
    /// Units that moved up, most places first (then the larger score gain, then id).
    public var risers: [Move]
    /// Units that moved down, most places lost first (then the larger score loss, then id).
    public var fallers: [Move]
    /// Units ranked now but not in the previous period's composite, by rank.
    public var newcomers: [IndexEntry]
    /// Units ranked in both periods at the same rank.
    public var unchanged: Int

    /// The movement of `report`'s composite; `nil` when the report has no previous period.
    public init?(_ report: IndexReport) {
        guard let previous = report.previousPeriod else { return nil }
        period = report.period
        previousPeriod = previous
        unitsName = report.grouping.unitsName
        var moves: [Move] = []
        var newcomers: [IndexEntry] = []
        var unchanged = 0
        for entry in report.composite {
            switch entry.change {
            case .ranked(let previousRank, let delta):
                let places = previousRank - entry.rank.position
                if places == 0 {
                    unchanged += 1
                } else {
                    moves.append(Move(unit: entry.unit, rank: entry.rank, previousRank: previousRank, places: places, scoreDelta: delta))
                }
            case .new:
                newcomers.append(entry)
            case .notCompared:
                break
            }
        }
        risers = moves.filter { $0.places > 0 }.sorted {
            ($0.places, $0.scoreDelta, $1.unit.id) > ($1.places, $1.scoreDelta, $0.unit.id)
        }
        fallers = moves.filter { $0.places < 0 }.sorted {
            ($0.places, $0.scoreDelta, $0.unit.id) < ($1.places, $1.scoreDelta, $1.unit.id)
        }
        self.newcomers = newcomers
        self.unchanged = unchanged
    }

    /// One sentence naming the `limit` largest risers and fallers with their places and new
    /// ranks, and how many units are new: "Since 2025-04, the largest risers in the composite are
    /// Jinhua (up 5 places to rank 3) and …; the largest fallers are …".
    public func sentence(limit: Int = 3) -> String {
        func list(_ moves: ArraySlice<Move>) -> String {
            let items = moves.map { move in
                let places = abs(move.places)
                return "\(move.unit.label) (\(move.places > 0 ? "up" : "down") \(places) place\(places == 1 ? "" : "s") to rank \(move.rank))"
            }
            return items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
        var parts: [String] = []
        if !risers.isEmpty {
            parts.append("the largest \(risers.count == 1 ? "riser" : "risers") in the composite \(risers.count == 1 ? "is" : "are") \(list(risers.prefix(limit)))")
        }
        if !fallers.isEmpty {
            parts.append("the largest \(fallers.count == 1 ? "faller" : "fallers")\(risers.isEmpty ? " in the composite" : "") \(fallers.count == 1 ? "is" : "are") \(list(fallers.prefix(limit)))")
        }
        var sentence = parts.isEmpty
            ? "Since \(previousPeriod), no \(singular) ranked in both periods changed rank in the composite"
            : "Since \(previousPeriod), " + parts.joined(separator: "; ")
        sentence += "."
        if !newcomers.isEmpty {
            sentence += " \(newcomers.count) \(newcomers.count == 1 ? singular : unitsName) \(newcomers.count == 1 ? "is" : "are") new to the ranking."
        }
        return sentence
    }

    private var singular: String { unitsName == "cities" ? "city" : "account" }
}
