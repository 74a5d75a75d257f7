/// The scores of one period, per platform and composite, before changes are attached.
///
/// For unit u on platform p, with every indicator normalised across all units of the period
/// (``IndicatorScaling``):
///
///     D(u,p,d) = Σ_k w(k) · n(u,p,k)                 over the indicators k of dimension d
///     Quant(u,p) = Σ_d w(p,d) · D(u,p,d)              d ∈ {G, I, U}
///     S(u,p) = s · Quant(u,p) + (1 − s) · Qual(u,p)  s = quantitative share
///     C(u) = Σ_p ŵ(p) · S(u,p)                       ŵ(p) = w(p) / Σ w over platforms in the composite
///
/// `Qual` is the qualitative score as given (0–100) under min–max, and standardised like the
/// indicators under z-score so both parts are in the same unit. A unit absent from a platform
/// enters that platform's normalisation with zero activity (every indicator and its qualitative
/// score 0), so its `S(u,p)` is what zero activity scores and absence never beats presence.
enum PeriodScoring {
    static func report(population: IndexPopulation, weights: IndexWeights, period: String, grouping: IndexGrouping) -> IndexReport {
        var weightNotes: [(platform: String, note: String)] = []
        var rankings: [IndexPlatformRanking] = []
        var scores: [String: [PlatformUnitScore]] = [:]
        for platform in weights.platforms {
            let result = score(platform: platform, population: population, weights: weights, period: period, notes: &weightNotes)
            scores[platform.name] = result.scores
            let activity = population.totals.map { IndexActivity(totals: $0[platform.name]?.values ?? [:]) }
            rankings.append(IndexPlatformRanking(
                platform: result.summary, entries: entries(result.scores, present: result.present, units: population.units, activity: activity)
            ))
        }

        let total = rankings.filter(\.platform.isInComposite).reduce(0) { $0 + $1.platform.weight }
        var exclusions: [String] = []
        for index in rankings.indices {
            let summary = rankings[index].platform
            if let reason = summary.exclusionReason {
                exclusions.append("\(summary.name): \(reason); reported but left out of the composite")
            } else if total > 0 {
                rankings[index].platform.compositeWeight = summary.weight / total
            }
        }
        // One line per kind of weight shift, naming every platform it happened on.
        var notes = exclusions
        var shifts: [String] = []
        for item in weightNotes where !shifts.contains(item.note) { shifts.append(item.note) }
        for note in shifts {
            notes.append(weightNotes.filter { $0.note == note }.map(\.platform).joined(separator: ", ") + ": " + note)
        }
        var composite: [IndexEntry] = []
        if total > 0 {
            let unitScores = population.units.indices.map { unit in
                rankings.reduce(PlatformUnitScore.zero) { sum, ranking in
                    sum.adding(scores[ranking.platform.name]?[unit] ?? .zero, times: ranking.platform.compositeWeight)
                }
            }
            let included = rankings.filter(\.platform.isInComposite).map(\.platform.name)
            let activity = population.totals.map { totals in
                included.reduce(IndexActivity()) { sum, platform in sum.adding(IndexActivity(totals: totals[platform]?.values ?? [:])) }
            }
            composite = entries(unitScores, present: Array(population.units.indices), units: population.units, activity: activity) { unit in
                Dictionary(uniqueKeysWithValues: weights.platforms.map { ($0.name, scores[$0.name]?[unit].total ?? 0) })
            }
        } else if !population.units.isEmpty {
            notes.append("no platform enters the composite in \(period), so there is no composite ranking")
        }
        if !population.hasQualitative && !population.units.isEmpty {
            notes.append("qualitative is empty in every row of \(period): scores are 100% quantitative")
        }
        return IndexReport(
            period: period, previousPeriod: nil, grouping: grouping, weights: weights, composite: composite,
            platforms: rankings, hasQualitative: population.hasQualitative, notes: notes + population.notes
        )
    }

    /// One platform: the effective weights, then every unit's score (absent units included, as
    /// zero activity, because they take part in the normalisation and the composite).
    private static func score(
        platform: IndexWeights.Platform, population: IndexPopulation, weights: IndexWeights, period: String,
        notes: inout [(platform: String, note: String)]
    ) -> (summary: IndexPlatformSummary, scores: [PlatformUnitScore], present: [Int]) {
        let name = platform.name
        let accountCount = population.accountCounts[name] ?? 0
        let effective = EffectiveWeights(platform: platform, weights: weights, available: population.availableIndicators[name] ?? [], period: period)
        if accountCount > 0 { notes += effective.notes.map { (name, $0) } }

        let units = population.units.indices
        let totals = units.map { population.totals[$0][name] }
        var dimensionScores = units.map { _ in [IndexDimension: Double]() }
        for (indicator, weight) in effective.indicators.sorted(by: { $0.key < $1.key }) where weight > 0 {
            let raw = totals.map { total in
                IndicatorScaling.transformed(
                    total?.values[indicator] ?? 0, posts: total?.values[.posts] ?? 0, indicator: indicator, options: weights.options
                )
            }
            for (unit, value) in IndicatorScaling.normalised(raw, by: weights.options.normalisation).enumerated() {
                dimensionScores[unit][indicator.dimension, default: 0] += weight * value
            }
        }
        var qualitative = totals.map { $0?.qualitative ?? 0 }
        if weights.options.normalisation == .zScore { qualitative = IndicatorScaling.normalised(qualitative, by: .zScore) }
        let share = population.hasQualitative ? weights.quantitativeShare : 1
        let scores = units.map { unit in
            // Summed in a fixed order (not a dictionary's), so results are the same bits on every run.
            let quantitative = IndexDimension.allCases.reduce(0) { $0 + (effective.dimensions[$1] ?? 0) * (dimensionScores[unit][$1] ?? 0) }
            let qualitativeScore = population.hasQualitative ? qualitative[unit] : 0
            return PlatformUnitScore(
                dimensions: Dictionary(uniqueKeysWithValues: IndexDimension.allCases.map { ($0, dimensionScores[unit][$0] ?? 0) }),
                quantitative: quantitative, qualitative: qualitativeScore,
                total: share * quantitative + (1 - share) * qualitativeScore
            )
        }
        let present = units.filter { totals[$0] != nil }
        var exclusion: String?
        if !platform.inComposite {
            exclusion = "in_composite is false in the weights"
        } else if accountCount < weights.minimumAccountsPerPlatform {
            exclusion = "\(accountCount) account\(accountCount == 1 ? "" : "s") in \(period), fewer than \(weights.minimumAccountsPerPlatform)"
        }
        let summary = IndexPlatformSummary(
            name: name, weight: platform.weight, compositeWeight: 0, accountCount: accountCount, unitCount: present.count,
            exclusionReason: exclusion, dimensionWeights: effective.dimensions, indicatorWeights: effective.indicators
        )
        return (summary, scores, present)
    }

    /// Ranked entries for the units at `present`, listed by rank, with `activity` by unit index;
    /// `platformScores` gives a composite entry its per-platform scores from the unit's index.
    private static func entries(
        _ scores: [PlatformUnitScore], present: [Int], units: [IndexUnit], activity: [IndexActivity],
        platformScores: (Int) -> [String: Double] = { _ in [:] }
    ) -> [IndexEntry] {
        let ranked = CompetitionRanking.rank(scores: present.map { scores[$0].total }, ids: present.map { units[$0].id })
        return ranked.map { item in
            let unit = present[item.index], score = scores[unit]
            return IndexEntry(
                unit: units[unit], rank: item.rank, score: score.total, quantitative: score.quantitative,
                qualitative: score.qualitative, dimensions: score.dimensions, platformScores: platformScores(unit),
                activity: activity[unit]
            )
        }
    }
}

/// A unit's score on one platform, or a weighted sum of them for the composite.
struct PlatformUnitScore {
    static let zero = PlatformUnitScore(dimensions: [:], quantitative: 0, qualitative: 0, total: 0)

    var dimensions: [IndexDimension: Double]
    var quantitative: Double
    var qualitative: Double
    var total: Double

    func adding(_ other: PlatformUnitScore, times weight: Double) -> PlatformUnitScore {
        PlatformUnitScore(
            dimensions: [:], quantitative: quantitative + weight * other.quantitative,
            qualitative: qualitative + weight * other.qualitative, total: total + weight * other.total
        )
    }
}
