/// The `probability` quantile of ascending `values` by linear interpolation between order
/// statistics: R's default `quantile` (type 7) and NumPy's default; `nil` for no values.
/// - Complexity: O(1) (the values must already be sorted).
func sampleQuantile(_ ascending: [Double], _ probability: Double) -> Double? {
    guard !ascending.isEmpty else { return nil }
    let position = min(max(probability, 0), 1) * Double(ascending.count - 1)
    let lower = Int(position.rounded(.down)), upper = Int(position.rounded(.up))
    return ascending[lower] + (ascending[upper] - ascending[lower]) * (position - Double(lower))
}
