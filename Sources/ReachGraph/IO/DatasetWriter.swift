import Foundation

/// Writes a dataset as a folder of CSV files in the format ``DatasetLoader`` reads, each file
/// atomically. Extra columns are written back after the known ones, so a round trip keeps them.
/// Each file is streamed (``ByteWriter``): the text of 2.5 million posts is never held whole.
public enum DatasetWriter {
    /// Writes `accounts.csv`, `relations.csv` (unless the relations were derived from posts),
    /// `posts.csv` and `metrics.csv` (when there are any) into `folder`, and a `README.md` saying
    /// so when the data are synthetic. When one of them is a file
    /// read as input, nothing is written: the input folder is not left with some new tables.
    public static func write(_ dataset: Dataset, to folder: String) throws {
        var tables = [DatasetTableRows.accounts(dataset, style: .dataset)]
        if !dataset.relationsDerivedFromPosts { tables.append(DatasetTableRows.relations(dataset, style: .dataset)) }
        if !dataset.posts.isEmpty { tables.append(DatasetTableRows.posts(dataset, style: .dataset)) }
        if !dataset.metrics.isEmpty { tables.append(DatasetTableRows.metrics(dataset, style: .dataset)) }
        let paths = tables.map { (folder as NSString).appendingPathComponent($0.name + ".csv") }
        if let input = paths.first(where: InputFiles.isInput) {
            throw InputError(file: input, message: "is an input of this run; refusing to overwrite it (choose another output)")
        }
        for (table, path) in zip(tables, paths) {
            try AtomicFile.write(to: path) { table.write(0 ..< table.count, to: &$0) }
        }
        if dataset.isSynthetic {
            try AtomicFile.write(syntheticReadme, to: (folder as NSString).appendingPathComponent("README.md"))
        }
    }

    /// The README that keeps a synthetic dataset marked as such once written out again
    /// (``Dataset/folderDeclaresSynthetic(_:)`` reads it).
    static let syntheticReadme = """
        # Synthetic data

        This dataset is synthetic: written by `reachgraph export` from a dataset that says so. \(Dataset.syntheticNotice).

        """

    public static func accountsCSV(_ dataset: Dataset) -> String { csv(DatasetTableRows.accounts(dataset, style: .dataset)) }
    public static func relationsCSV(_ dataset: Dataset) -> String { csv(DatasetTableRows.relations(dataset, style: .dataset)) }
    public static func postsCSV(_ dataset: Dataset) -> String { csv(DatasetTableRows.posts(dataset, style: .dataset)) }
    public static func metricsCSV(_ dataset: Dataset) -> String { csv(DatasetTableRows.metrics(dataset, style: .dataset)) }

    private static func csv(_ table: DatasetTableRows) -> String {
        var writer = ByteWriter()
        table.write(0 ..< table.count, to: &writer)
        return writer.text
    }
}

/// One table of a dataset as a header and rows of CSV fields, shared by the writers that lay the
/// dataset format out as files (``DatasetWriter``, ``SparkExportWriter``). Rows are written
/// straight from the dataset's columns into bytes, quoted as ``CSVWriter`` quotes fields.
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
    /// Appends the fields of one row, separated by commas, without the line end.
    let writeRow: (Int, inout ByteWriter) -> Void

    /// Appends the header line and the lines of `rows` (formatted on the library's threads,
    /// ``ByteWriter/appendRows(_:_:)``).
    func write(_ rows: Range<Int>, to writer: inout ByteWriter) {
        for (index, name) in header.enumerated() {
            if index > 0 { writer.append(byte: UInt8(ascii: ",")) }
            writer.appendCSVField(name)
        }
        writer.append(byte: UInt8(ascii: "\n"))
        writer.appendRows(rows.count) { range, piece in
            for row in range {
                writeRow(rows.lowerBound + row, &piece)
                piece.append(byte: UInt8(ascii: "\n"))
            }
        }
    }

    static func accounts(_ dataset: Dataset, style: Style) -> DatasetTableRows {
        let extra = dataset.accountAttributeColumns
        let accounts = dataset.accounts
        // Written only when used, so datasets without entities keep the files they always had.
        let entity = dataset.hasEntities
        let known = entity ? Columns.accountKnown : Columns.accountKnown.filter { $0 != "entity" }
        return DatasetTableRows(name: "accounts", header: known + extra, count: accounts.count) { index, writer in
            let account = accounts[index]
            writer.appendCSVField(account.id)
            writer.nextCSVField(account.name)
            writer.nextCSVField(account.kind.rawValue)
            writer.nextCSVField(account.platform)
            writer.nextCSVField(account.country)
            writer.nextCSVField(account.province)
            writer.nextCSVField(account.city)
            writer.nextCSVField(account.tier?.rawValue)
            writer.nextCSVField(account.followers)
            writer.nextCSVField(account.parent)
            if entity { writer.nextCSVField(account.entity) }
            for name in extra { writer.nextCSVField(account.attributes[name]) }
        }
    }

    static func relations(_ dataset: Dataset, style: Style) -> DatasetTableRows {
        let relations = dataset.relations
        let accounts = dataset.accounts
        return DatasetTableRows(name: "relations", header: Columns.relationKnown + relations.attributeColumns, count: relations.count) { row, writer in
            let relation = relations[row]
            writer.appendCSVField(accounts[Int(relation.source)].id)
            writer.nextCSVField(accounts[Int(relation.target)].id)
            writer.nextCSVField(relation.type.rawValue)
            writer.append(byte: UInt8(ascii: ","))
            number(relation.weight, style, to: &writer)
            writer.append(byte: UInt8(ascii: ","))
            if let firstSeen = relation.firstSeen { time(firstSeen, style, to: &writer) }
            writer.append(byte: UInt8(ascii: ","))
            if let lastSeen = relation.lastSeen { time(lastSeen, style, to: &writer) }
            if !relations.attributeValues.isEmpty {
                for value in relations.attributeValues[row] { writer.nextCSVField(value) }
            }
        }
    }

    static func posts(_ dataset: Dataset, style: Style) -> DatasetTableRows {
        let extra = dataset.postAttributeColumns
        let posts = dataset.posts
        // Only exports of platforms that name the reposted author carry parent_author.
        let withParentAuthor = posts.parentAuthors.contains { $0 >= 0 }
        let header = Columns.postKnown.filter { withParentAuthor || $0 != "parent_author" } + extra
        let strings = posts.strings
        let platforms = posts.platformColumn, hashes = posts.contentHashColumn, urls = posts.urlColumn
        let likes = posts.likesColumn, comments = posts.commentsColumn, shares = posts.sharesColumn, views = posts.viewsColumn
        let extraColumns = extra.map { posts.attributeColumn($0) }
        return DatasetTableRows(name: "posts", header: header, count: posts.count) { index, writer in
            func text(_ column: [Int32]?) {
                writer.append(byte: UInt8(ascii: ","))
                if let string = column?[index], string >= 0 { strings.withUTF8(at: Int(string)) { writer.appendCSVField(utf8: $0) } }
            }
            func count(_ column: [Int]?) {
                writer.append(byte: UInt8(ascii: ","))
                if let value = column?[index], value != Int.min { writer.appendInteger(value) }
            }
            strings.withUTF8(at: Int(posts.postIDs[index])) { writer.appendCSVField(utf8: $0) }
            text(posts.authors)
            writer.append(byte: UInt8(ascii: ","))
            time(posts.times[index], style, to: &writer)
            text(posts.parentPosts)
            text(posts.rootPosts)
            text(platforms)
            count(likes)
            count(comments)
            count(shares)
            count(views)
            text(hashes)
            text(urls)
            if withParentAuthor { text(posts.parentAuthors) }
            for column in extraColumns { text(column) }
        }
    }

    static func metrics(_ dataset: Dataset, style: Style) -> DatasetTableRows {
        let extra = dataset.metricsAttributeColumns
        let metrics = dataset.metrics
        return DatasetTableRows(name: "metrics", header: Columns.metricsKnown + extra, count: metrics.count) { index, writer in
            let row = metrics[index]
            writer.appendCSVField(row.account)
            writer.nextCSVField(row.platform)
            writer.nextCSVField(row.period)
            for value in [row.posts, row.likes, row.comments, row.shares, row.views, row.followers, row.followerGain] { writer.nextCSVField(value) }
            writer.append(byte: UInt8(ascii: ","))
            if let qualitative = row.qualitative { number(qualitative, style, to: &writer) }
            for name in extra { writer.nextCSVField(row.attributes[name]) }
        }
    }

    private static func number(_ value: Double, _ style: Style, to writer: inout ByteWriter) {
        switch style {
        case .dataset: writer.appendNumber(value)
        case .exact:
            if value.rounded() == value && abs(value) < 1e15 { writer.appendInteger(Int(value)) } else { writer.append(value.description) }
        }
    }

    private static func time(_ value: Double, _ style: Style, to writer: inout ByteWriter) {
        style == .dataset ? writer.appendISO8601(value) : number(value, style, to: &writer)
    }
}

extension ByteWriter {
    /// Appends a comma and `text` as a CSV field (nothing for `nil`).
    mutating func nextCSVField(_ text: String?) {
        append(byte: UInt8(ascii: ","))
        if let text { appendCSVField(text) }
    }

    /// Appends a comma and `value` (nothing for `nil`).
    mutating func nextCSVField(_ value: Int?) {
        append(byte: UInt8(ascii: ","))
        if let value { appendInteger(value) }
    }
}
