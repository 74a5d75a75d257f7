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

    private static func text(_ value: String?) -> String { value ?? "" }
    private static func text(_ value: Int?) -> String { value.map(String.init) ?? "" }
    private static func text(_ value: Double?) -> String { value.map { formatNumber($0) } ?? "" }
    private static func time(_ value: Double?) -> String { value.map(iso8601String(fromUnixSeconds:)) ?? "" }

    public static func accountsCSV(_ dataset: Dataset) -> String {
        let extra = dataset.accountAttributeColumns
        var csv = CSVWriter(header: Columns.accountKnown + extra)
        for account in dataset.accounts {
            csv.appendRow([
                account.id, text(account.name), account.kind.rawValue, text(account.platform), text(account.country),
                text(account.province), text(account.city), text(account.tier?.rawValue), text(account.followers), text(account.parent),
            ] + extra.map { account.attributes[$0] ?? "" })
        }
        return csv.text
    }

    public static func relationsCSV(_ dataset: Dataset) -> String {
        let relations = dataset.relations
        var csv = CSVWriter(header: Columns.relationKnown + relations.attributeColumns)
        for row in 0 ..< relations.count {
            let relation = relations[row]
            csv.appendRow([
                dataset.accounts[Int(relation.source)].id, dataset.accounts[Int(relation.target)].id, relation.type.rawValue,
                formatNumber(relation.weight), time(relation.firstSeen), time(relation.lastSeen),
            ] + (relations.attributeValues.isEmpty ? [] : relations.attributeValues[row]))
        }
        return csv.text
    }

    public static func postsCSV(_ dataset: Dataset) -> String {
        let extra = dataset.postAttributeColumns
        // Only exports of platforms that name the reposted author carry parent_author.
        let withParentAuthor = dataset.posts.contains { $0.parentAuthor != nil }
        var csv = CSVWriter(header: Columns.postKnown.filter { withParentAuthor || $0 != "parent_author" } + extra)
        for post in dataset.posts {
            csv.appendRow([
                post.postID, post.author, iso8601String(fromUnixSeconds: post.time), text(post.parentPost), text(post.rootPost),
                text(post.platform), text(post.likes), text(post.comments), text(post.shares), text(post.views),
                text(post.contentHash), text(post.url),
            ] + (withParentAuthor ? [text(post.parentAuthor)] : []) + extra.map { post.attributes[$0] ?? "" })
        }
        return csv.text
    }

    public static func metricsCSV(_ dataset: Dataset) -> String {
        let extra = dataset.metricsAttributeColumns
        var csv = CSVWriter(header: Columns.metricsKnown + extra)
        for row in dataset.metrics {
            csv.appendRow([
                row.account, row.platform, row.period, text(row.posts), text(row.likes), text(row.comments), text(row.shares),
                text(row.views), text(row.followers), text(row.followerGain), text(row.qualitative),
            ] + extra.map { row.attributes[$0] ?? "" })
        }
        return csv.text
    }
}
