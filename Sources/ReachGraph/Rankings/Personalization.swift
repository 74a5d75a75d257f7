import Foundation

/// The teleport weights of personalised PageRank, per account, read from what the user gives:
/// a CSV file of `id,weight` rows or a comma-separated list of account ids.
///
/// The file may start with a header: a first row whose weight is not a number and whose id is
/// not an account (`id,weight`, `account,weight`), or a one-column `id`, `account` or
/// `account_id`. A row with only an id weighs 1. Every
/// later problem stops with `file:line:column`: an id that is not an account, a weight that is
/// not a number or is negative or infinite. Repeated ids add up.
public enum Personalization {
    /// Weights for `dataset`'s accounts from `argument`: the file at that path when one exists,
    /// else a list of account ids, each weighing 1.
    /// - Throws: ``InputError`` naming the file (or `--personalize` for a list), the line and
    ///   column; also when every weight is 0.
    public static func weights(from argument: String, dataset: Dataset) throws -> [Double] {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), !isDirectory.boolValue {
            return try read(argument, dataset: dataset)
        }
        var vector = [Double](repeating: 0, count: dataset.accounts.count)
        for id in argument.split(separator: ",").map({ String($0).trimmingSpaces }) where !id.isEmpty {
            guard let index = dataset.index(ofAccount: id) else {
                throw InputError(file: "--personalize", message: "account \"\(id)\" is not in the dataset")
            }
            vector[Int(index)] = 1
        }
        return try nonZero(vector, source: "--personalize")
    }

    /// Weights read from the `id[,weight]` CSV file at `path`.
    public static func read(_ path: String, dataset: Dataset) throws -> [Double] {
        var vector = [Double](repeating: 0, count: dataset.accounts.count)
        let reader = CSVReader(path: path, displayName: (path as NSString).lastPathComponent)
        var first = true
        try reader.forEachRecord { record in
            defer { first = false }
            guard record.count > 0, !(record.count == 1 && record.isEmpty(0)) else { return }
            let id = try record.string(at: 0).trimmingSpaces
            if first && record.count == 1 && Self.headerNames.contains(id.lowercased()) && dataset.index(ofAccount: id) == nil { return }
            var weight = 1.0
            if record.count > 1 {
                guard let value = record.withBytes(of: 1, FieldParsing.double) else {
                    if first && dataset.index(ofAccount: id) == nil { return }
                    let text = (try? record.string(at: 1)) ?? "?"
                    throw InputError(file: record.fileName, line: record.line, column: record.column(of: 1), message: "weight \"\(text)\" is not a number")
                }
                guard value >= 0, value.isFinite else {
                    throw InputError(file: record.fileName, line: record.line, column: record.column(of: 1), message: "weight \(formatNumber(value)) must be 0 or more")
                }
                weight = value
            }
            guard let index = dataset.index(ofAccount: id) else {
                throw InputError(file: record.fileName, line: record.line, column: record.column(of: 0), message: "account \"\(id)\" is not in the dataset")
            }
            vector[Int(index)] += weight
        }
        return try nonZero(vector, source: reader.fileName)
    }

    /// The names a one-column file's header may have.
    static let headerNames: Set<String> = ["id", "account", "account_id"]

    private static func nonZero(_ vector: [Double], source: String) throws -> [Double] {
        guard vector.contains(where: { $0 > 0 }) else {
            throw InputError(file: source, message: "personalisation gives every account weight 0")
        }
        return vector
    }
}
