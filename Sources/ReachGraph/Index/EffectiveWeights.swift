/// The weights actually used on one platform in one period.
///
/// An indicator that is empty in every row of the platform (a platform that does not report
/// views, say) has no data rather than zero activity: its weight goes to the other indicators of
/// its dimension in proportion to theirs. A dimension none of whose weighted indicators has data
/// gives its weight to the other dimensions the same way. A cell empty in only some rows is
/// counted as 0 instead (see ``IndexPopulation``).
struct EffectiveWeights {
    /// Each indicator's weight inside its dimension; the indicators of a dimension sum to 1.
    private(set) var indicators: [IndexIndicator: Double] = [:]
    /// G/I/U weights; they sum to 1, or are empty when no weighted indicator has data.
    private(set) var dimensions: [IndexDimension: Double] = [:]
    /// What moved, for the report.
    private(set) var notes: [String] = []

    init(platform: IndexWeights.Platform, weights: IndexWeights, available: Set<IndexIndicator>, period: String) {
        var usable: [IndexDimension] = []
        for dimension in IndexDimension.allCases {
            let given = weights.indicators[dimension] ?? [:]
            let kept = given.filter { available.contains($0.key) }.sorted { $0.key < $1.key }
            let keptSum = kept.reduce(0) { $0 + $1.value }
            let missing = given.filter { $0.value > 0 && !available.contains($0.key) }.keys.sorted().map(\.rawValue)
            if keptSum > 0 {
                for (indicator, weight) in kept { indicators[indicator] = weight / keptSum }
                usable.append(dimension)
                if !missing.isEmpty && (platform.dimensions[dimension] ?? 0) > 0 {
                    let verb = missing.count == 1 ? "is" : "are"
                    notes.append("\(missing.joined(separator: " and ")) \(verb) empty in every row of \(period); the weight went to the other \(dimension.rawValue) indicators")
                }
            } else if (platform.dimensions[dimension] ?? 0) > 0 {
                notes.append("no \(dimension.rawValue) indicator has data in \(period); \(dimension.rawValue)'s weight went to the other dimensions")
            }
        }
        let usableSum = usable.reduce(0) { $0 + (platform.dimensions[$1] ?? 0) }
        if usableSum > 0 {
            for dimension in usable { dimensions[dimension] = (platform.dimensions[dimension] ?? 0) / usableSum }
        } else {
            notes.append("no weighted indicator has data in \(period); quantitative scores are 0")
        }
    }
}
