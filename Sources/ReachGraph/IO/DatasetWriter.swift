import Foundation

/// Writes a dataset as a folder of CSV files in the format ``DatasetLoader`` reads, each file
/// atomically. Extra columns are written back after the known ones, so a round trip keeps them.
public enum DatasetWriter {
    /// Writes `accounts.csv`, `relations.csv` (unless the relations were derived from posts),
    /// `posts.csv` and `metrics.csv` (when there are any) into `folder`.
    public static func write(_ dataset: Dataset, to folder: String) throws {
        func file(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        try AtomicFile.write(accountsCSV(dataset), to: file("accounts.csv"))
        if !dataset.relationsDerivedFromPosts {
            try AtomicFile.write(relationsCSV(dataset), to: file("relations.csv"))
        }
        if !dataset.posts.isEmpty { try AtomicFile.write(postsCSV(dataset), to: file("posts.csv")) }
        if !dataset.metrics.isEmpty { try AtomicFile.write(metricsCSV(dataset), to: file("metrics.csv")) }
    }

    public static func accountsCSV(_ dataset: Dataset) -> String { csv(DatasetTableRows.accounts(dataset, style: .dataset)) }
    public static func relationsCSV(_ dataset: Dataset) -> String { csv(DatasetTableRows.relations(dataset, style: .dataset)) }
    public static func postsCSV(_ dataset: Dataset) -> String { csv(DatasetTableRows.posts(dataset, style: .dataset)) }
    public static func metricsCSV(_ dataset: Dataset) -> String { csv(DatasetTableRows.metrics(dataset, style: .dataset)) }

    private static func csv(_ table: DatasetTableRows) -> String {
        var csv = CSVWriter(header: table.header)
        for row in 0 ..< table.count { csv.appendRow(table.row(row)) }
        return csv.text
    }
}

/// One table of a dataset as a header and rows of fields, shared by the writers that lay the
/// dataset format out as files (``DatasetWriter``, ``SparkExportWriter``).
struct DatasetTableRows {
    /// How numbers and times are written.
    enum Style {
        /// The dataset folder: times as ISO 8601 seconds, numbers with up to 10 significant digits.
        case dataset
        /// Exact: times as Unix seconds and every number as the shortest text that reads back to
        /// the same `Double`, so a program on the other side computes on the same values.
        case exact
    }

    let name: String
    let header: [String]
    /// The number of rows.
    let count: Int
    let row: (Int) -> [String]

    private static func text(_ value: String?) -> String { value ?? "" }
    private static func text(_ value: Int?) -> String { value.map(String.init) ?? "" }

    private static func number(_ value: Double, _ style: Style) -> String {
        switch style {
        case .dataset: return formatNumber(value)
        case .exact: return value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
        }
    }

    private static func time(_ value: Double, _ style: Style) -> String {
        style == .dataset ? iso8601String(fromUnixSeconds: value) : number(value, style)
    }

    static func accounts(_ dataset: Dataset, style: Style) -> DatasetTableRows {
        let extra = dataset.accountAttributeColumns
        let accounts = dataset.accounts
        // Written only when used, so datasets without entities keep the files they always had.
        let entity = dataset.hasEntities
        let known = entity ? Columns.accountKnown : Columns.accountKnown.filter { $0 != "entity" }
        return DatasetTableRows(name: "accounts", header: known + extra, count: accounts.count) { index in
            let account = accounts[index]
            return [
                account.id, text(account.name), account.kind.rawValue, text(account.platform), text(account.country),
                text(account.province), text(account.city), text(account.tier?.rawValue), text(account.followers), text(account.parent),
            ] + (entity ? [text(account.entity)] : []) + extra.map { account.attributes[$0] ?? "" }
        }
    }

    static func relations(_ dataset: Dataset, style: Style) -> DatasetTableRows {
        let relations = dataset.relations
        let accounts = dataset.accounts
        return DatasetTableRows(name: "relations", header: Columns.relationKnown + relations.attributeColumns, count: relations.count) { row in
            let relation = relations[row]
            return [
                accounts[Int(relation.source)].id, accounts[Int(relation.target)].id, relation.type.rawValue,
                number(relation.weight, style), relation.firstSeen.map { time($0, style) } ?? "", relation.lastSeen.map { time($0, style) } ?? "",
            ] + (relations.attributeValues.isEmpty ? [] : relations.attributeValues[row])
        }
    }

    static func posts(_ dataset: Dataset, style: Style) -> DatasetTableRows {
        let extra = dataset.postAttributeColumns
        let posts = dataset.posts
        // Only exports of platforms that name the reposted author carry parent_author.
        let withParentAuthor = posts.parentAuthors.contains { $0 >= 0 }
        let header = Columns.postKnown.filter { withParentAuthor || $0 != "parent_author" } + extra
        return DatasetTableRows(name: "posts", header: header, count: posts.count) { index in
            let post = posts[index]
            return [
                post.postID, post.author, time(post.time, style), text(post.parentPost), text(post.rootPost),
                text(post.platform), text(post.likes), text(post.comments), text(post.shares), text(post.views),
                text(post.contentHash), text(post.url),
            ] + (withParentAuthor ? [text(post.parentAuthor)] : []) + extra.map { post.attributes[$0] ?? "" }
        }
    }

    static func metrics(_ dataset: Dataset, style: Style) -> DatasetTableRows {
        let extra = dataset.metricsAttributeColumns
        let metrics = dataset.metrics
        return DatasetTableRows(name: "metrics", header: Columns.metricsKnown + extra, count: metrics.count) { index in
            let row = metrics[index]
            return [
                row.account, row.platform, row.period, text(row.posts), text(row.likes), text(row.comments), text(row.shares),
                text(row.views), text(row.followers), text(row.followerGain), row.qualitative.map { number($0, style) } ?? "",
            ] + extra.map { row.attributes[$0] ?? "" }
        }
    }
}
