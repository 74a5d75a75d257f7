import Foundation

/// The indicator formulas: the transformation of one raw value, and the normalisation of a
/// column of values within one platform and period.
enum IndicatorScaling {
    /// The value of `indicator` that gets normalised, from the unit's raw total `value` and its
    /// `posts` on the platform:
    ///
    ///     x = value                        (per-post rates off, or not a per-post indicator)
    ///     x = posts > 0 ? value / posts : 0 (per-post rates on, shares/comments/likes/views)
    ///     x = sign(x) · log(1 + |x|)       (log1p on, applied last)
    static func transformed(_ value: Double, posts: Double, indicator: IndexIndicator, options: IndicatorOptions) -> Double {
        var x = value
        if options.perPostRates && indicator.isEarnedPerPost {
            x = posts > 0 ? value / posts : 0
        }
        if options.log1p {
            x = x < 0 ? -Foundation.log1p(-x) : Foundation.log1p(x)
        }
        return x
    }

    /// Normalises `values` across the units of one platform and period:
    ///
    ///     min–max:  n = 100 · (x − min) / (max − min)
    ///     z-score:  n = (x − mean) / sd,  sd = √(Σ (x − mean)² / N)  (population)
    ///
    /// When every value is the same (including a single unit) the indicator cannot separate the
    /// units and every `n` is 0, so it leaves ranks unchanged rather than dividing by zero.
    static func normalised(_ values: [Double], by normalisation: IndexNormalisation) -> [Double] {
        guard let low = values.min(), let high = values.max(), !CompetitionRanking.tie(low, high) else {
            return Array(repeating: 0, count: values.count)
        }
        switch normalisation {
        case .minMax:
            return values.map { 100 * ($0 - low) / (high - low) }
        case .zScore:
            let count = Double(values.count)
            let mean = values.reduce(0, +) / count
            let deviation = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / count).squareRoot()
            return values.map { ($0 - mean) / deviation }
        }
    }
}
