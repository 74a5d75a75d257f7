/// Ranking measures read from the Spark program's `scores` table instead of computed here, for a
/// dataset too large to load whole (`reachgraph rank EXPORT --scores DIR`).
///
/// The table holds raw counts and PageRank per account id (`in_degree, out_degree, in_strength,
/// out_strength, pagerank`, see `spark/README.md`); each measure is turned into the number
/// ``RankingMeasure/scores(on:settings:)`` gives on the same data: degree centralities divide by
/// n − 1 (NetworkX's `degree_centrality`; 1 for a single account), strengths add up, PageRank is
/// taken as written.
public enum SparkScores {
    /// The measures the table supports.
    public static let measures: [RankingMeasure] = [.degree, .inDegree, .outDegree, .strength, .inStrength, .outStrength, .pageRank]

    /// The columns of the `scores` table that make up `measure`, `nil` when the program does not compute it.
    public static func columns(for measure: RankingMeasure) -> [String]? {
        switch measure {
        case .degree: return ["in_degree", "out_degree"]
        case .inDegree: return ["in_degree"]
        case .outDegree: return ["out_degree"]
        case .strength: return ["in_strength", "out_strength"]
        case .inStrength: return ["in_strength"]
        case .outStrength: return ["out_strength"]
        case .pageRank: return ["pagerank"]
        default: return nil
        }
    }

    /// The score of every account of `dataset` (by index) under `measure`, from the `scores` table
    /// in the Spark program's output `folder`.
    /// - Throws: ``InputError`` when the measure is not computed by the program or missing from the
    ///   table, a value is not a number, an account of the dataset has no row or a row names an
    ///   account the dataset lacks (the two come from different exports).
    ///   With `normalized` false, degrees are raw counts (as figures size nodes).
    public static func scores(_ measure: RankingMeasure, in folder: String, for dataset: Dataset, normalized: Bool = true) throws -> [Double] {
        try scores([measure], in: folder, for: dataset, normalized: normalized)[0]
    }

    /// The scores of every account of `dataset` under each of `measures`, in that order, from one
    /// streaming read of the `scores` table: only the numbers are kept, never the table's text.
    /// - Throws: as ``scores(_:in:for:normalized:)-(RankingMeasure,_,_,_)``, for the first measure
    ///   that fails.
    public static func scores(_ measures: [RankingMeasure], in folder: String, for dataset: Dataset, normalized: Bool = true) throws -> [[Double]] {
        let columns = try measures.map { measure in
            guard let columns = Self.columns(for: measure) else {
                throw InputError(file: folder, message: "\(measure.rawValue) is not computed by the Spark program (it gives \(Self.measures.map(\.rawValue).joined(separator: ", ")))")
            }
            return columns
        }
        let table = "scores"
        let count = dataset.accounts.count
        var values = [[Double]](repeating: [Double](repeating: .nan, count: count), count: measures.count)
        var positions: (id: Int, measures: [[Int]])?
        // Reported after the last row, as when the table was read whole first: a bad value
        // anywhere in it is the error to show.
        var foreign: String?
        let header = try SparkResultTable.forEachRow(table, in: folder, numeric: Set(columns.joined())) { header, row in
            if positions == nil, let id = header.firstIndex(of: "id") {
                let measures = columns.map { $0.compactMap { header.firstIndex(of: $0) } }
                if zip(measures, columns).allSatisfy({ $0.count == $1.count }) { positions = (id, measures) }
            }
            guard let positions, foreign == nil else { return }
            guard let account = dataset.index(ofAccount: row[positions.id]) else {
                foreign = row[positions.id]
                return
            }
            for (measure, sum) in positions.measures.enumerated() {
                values[measure][Int(account)] = sum.reduce(0) { $0 + (Double(row[$1]) ?? .nan) }
            }
        }
        guard header.contains("id") else { throw InputError(file: table, message: "no id column") }
        if let foreign {
            throw InputError(file: table, message: "account \"\(foreign)\" is not in \(dataset.name): scores and dataset come from different exports")
        }
        return try zip(measures, values).map { measure, values in
            if let missing = values.firstIndex(where: \.isNaN) {
                throw InputError(file: table, message: "account \"\(dataset.accounts[missing].id)\" has no score: scores and dataset come from different exports")
            }
            guard normalized, [.degree, .inDegree, .outDegree].contains(measure) else { return values }
            guard count > 1 else { return [Double](repeating: 1, count: count) }
            let scale = 1 / Double(count - 1)
            return values.map { $0 * scale }
        }
    }

    /// The `count` highest-scoring accounts of the export in `export` (ties by id) and the
    /// relations among them, with their scores by index into the returned dataset: what a figure
    /// of a dataset too large to load whole draws. Only the accounts and the kept relations are
    /// held in memory.
    /// - Complexity: O(A log A + R) over the export's parts.
    public static func topSubgraph(
        _ measure: RankingMeasure, count: Int, scores folder: String, export: String, normalized: Bool = true
    ) throws -> (dataset: Dataset, scores: [Double]) {
        let accounts = try SparkExportReader.accounts(in: export)
        let values = try scores(measure, in: folder, for: accounts, normalized: normalized)
        return try topSubgraph(count: count, of: accounts, scores: values, export: export)
    }

    /// ``topSubgraph(_:count:scores:export:normalized:)`` with the export's `accounts` and their
    /// `scores` (by index) read already.
    public static func topSubgraph(count: Int, of accounts: Dataset, scores values: [Double], export: String) throws -> (dataset: Dataset, scores: [Double]) {
        let order = values.indices.sorted { values[$0] != values[$1] ? values[$0] > values[$1] : accounts.accounts[$0].id < accounts.accounts[$1].id }
        let kept = Set(order.prefix(max(0, count)).map { accounts.accounts[$0].id })
        let subgraph = try SparkExportReader.subgraph(in: export, accounts: kept)
        let keptScores = subgraph.accounts.map { values[Int(accounts.index(ofAccount: $0.id)!)] } // safe: kept ids come from `accounts`
        return (subgraph, keptScores)
    }
}
