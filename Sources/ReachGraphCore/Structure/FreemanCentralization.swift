/// Freeman's centralization: how far a graph is from its most centralised form, for a node score.
///
/// `C = Σ_i (max_j c_j − c_i) / T`, with `T` the largest value the sum can take on a graph of the
/// same size (Freeman 1978/79, "Centrality in social networks: conceptual clarification", Social
/// Networks 1). The maxima are igraph's (`centr_degree_tmax`, `centr_betw_tmax`), so values match
/// igraph's `centr_degree` and `centr_betw` with `normalized = TRUE`.
/// - Returns: `nil` when `T` is 0 (too few nodes; igraph gives NaN).
/// - Complexity: O(V).
func freemanCentralization(_ scores: [Double], theoreticalMaximum: Double) -> Double? {
    guard theoreticalMaximum > 0, let largest = scores.max() else { return nil }
    return scores.reduce(0) { $0 + (largest - $1) } / theoreticalMaximum
}
