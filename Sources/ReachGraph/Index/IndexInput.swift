import Foundation

extension DatasetLoader {
    /// Loads an input for the communication power index: anything ``load(_:options:)`` reads,
    /// and also a folder with `metrics.csv` (and optionally `accounts.csv`) but neither
    /// `relations.csv` nor `posts.csv`, because the index needs no network. Rows are read and
    /// checked exactly as ``load(_:options:)`` reads them.
    public static func loadForIndex(_ path: String, options: Options = Options()) throws -> Dataset {
        var isDirectory: ObjCBool = false
        func exists(_ name: String) -> Bool {
            FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(name))
        }
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
              !exists("relations.csv"), !exists("posts.csv"), exists("metrics.csv")
        else {
            return try load(path, options: options)
        }
        var dataset = Dataset(name: path, format: .folder)
        let hasAccounts = exists("accounts.csv")
        if hasAccounts {
            let table = CSVTable(path: (path as NSString).appendingPathComponent("accounts.csv"), columnAliases: options.columnAliases)
            try table.forEachRow(required: Columns.accountRequired, known: Columns.accountKnown) { row in
                if dataset.accountAttributeColumns.isEmpty { dataset.accountAttributeColumns = row.extraColumnNames }
                try dataset.add(try Account(decoding: &row), file: table.fileName, line: row.line)
            }
            dataset.checkParents(file: table.fileName)
        }
        let table = CSVTable(path: (path as NSString).appendingPathComponent("metrics.csv"), columnAliases: options.columnAliases)
        try table.forEachRow(required: Columns.metricsRequired, known: Columns.metricsKnown) { row in
            if dataset.metrics.isEmpty { dataset.metricsAttributeColumns = row.extraColumnNames }
            let metrics = try MetricsRow(decoding: &row)
            if hasAccounts && dataset.index(ofAccount: metrics.account) == nil {
                dataset.diagnostics.warn("metrics rows for unknown accounts (kept)", file: table.fileName, line: row.line, "account \"\(metrics.account)\" is not in accounts.csv")
            }
            dataset.metrics.append(metrics)
        }
        return dataset
    }
}
