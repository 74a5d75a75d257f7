/// Reads link-sharing exports: CrowdTangle posts as CooRnet's `get_ctshares()` writes them
/// (`id`/`platformId`, `date`, `expanded`, `account.url`, `account.name`, …) and CrowdTangle's
/// own CSV download (`Facebook Id`, `Post Created`, `Link`, `URL`, `Page Name`, …): the input of
/// URL co-sharing coordination (CooRnet).
///
/// Each row is one post sharing one link by one account. The account key is `account.url`
/// (CooRnet's entity key), else the platform id or the page name; the shared link is the post's
/// `url` (so `coordination --object url` finds co-sharing) and `date` is read without a zone in
/// UTC unless `--timezone` says otherwise (CrowdTangle's API answers in UTC). A post sharing
/// several links appears on several rows: every row is kept, the second and later rows of a post
/// id get `~2`, `~3` … appended (the original id stays in `source_post_id`), counted. R's `NA`
/// is read as empty. Link-sharing has no repost relation: the dataset has posts and accounts and
/// no relations, and the coordination commands project accounts through shared URLs.
/// - Complexity: O(rows), streaming.
enum LinkSharingReader {
    static let accountKeys = ["account.url", "account.platformid", "facebook id", "account.id", "user name", "page name", "account.name"]
    static let postKeys = ["id", "platformid", "url", "post url", "posturl"]
    static let timeKeys = ["date", "post created"]
    static let linkKeys = ["expanded", "link", "final link"]

    /// Whether a CSV header is a link-sharing export's.
    static func looksLikeHeader(_ header: [String]) -> Bool {
        header.contains { linkKeys.contains($0) } && header.contains { accountKeys.contains($0) } && header.contains { timeKeys.contains($0) }
    }

    static func read(_ path: String, options: DatasetLoader.Options) throws -> Dataset {
        let table = CSVTable(path: path, columnAliases: options.columnAliases)
        var export = PlatformExport(format: .linkSharing, file: table.fileName)
        var times = TimestampReader(zone: options.timeZone ?? .utc)
        let header = FormatDetection.csvHeader(try FormatDetection.head(path)).map { options.columnAliases[$0] ?? $0 }
        func first(_ keys: [String], _ what: String) throws -> String {
            guard let found = keys.first(where: header.contains) else {
                throw InputError(file: table.fileName, line: 1, message: "no \(what) column (expected one of \(keys.joined(separator: ", ")))")
            }
            return found
        }
        let accountColumn = try first(accountKeys, "account"), timeColumn = try first(timeKeys, "time")
        let linkColumn = try first(linkKeys, "shared link")
        let postColumn = postKeys.first(where: header.contains)
        let nameColumn = ["account.name", "page name", "user name"].first(where: header.contains)
        let followersColumn = ["account.subscribercount", "followers at posting", "likes at posting"].first(where: header.contains)
        let platformColumn = ["account.platform", "platform"].first(where: header.contains)
        let used = Set([accountColumn, timeColumn, linkColumn, postColumn, nameColumn, followersColumn, platformColumn].compactMap { $0 })
        var occurrences: [String: Int] = [:]
        var extra: [String] = [], names: [String] = []
        try table.forEachRow(required: [accountColumn, timeColumn, linkColumn], known: Array(used)) { row in
            if extra.isEmpty {
                extra = row.extraColumnNames
                names = export.keptColumnNames(extra, besides: ["source_post_id"])
                export.postAttributeColumns = ["source_post_id"] + names
            }
            func value(_ column: String?) throws -> String? {
                guard let column, let text = try row.trimmedText(column), text != "NA" else { return nil }
                return text
            }
            guard let account = try value(accountColumn) else { throw row.error(accountColumn, "is empty but required") }
            guard let timeText = try value(timeColumn) else { throw row.error(timeColumn, "is empty but required") }
            let time: Double
            do throws(TimestampReader.Problem) {
                time = try times.read(timeText, line: row.line)
            } catch {
                throw row.error(timeColumn, error.message)
            }
            var followers: Int?
            if let text = try value(followersColumn) {
                var copy = text
                guard let number = copy.withUTF8({ FieldParsing.integer($0) }), number >= 0 else { throw row.error(followersColumn!, "\"\(text)\" is not a count") } // safe: value() returned text, so the column exists
                followers = number
            }
            export.account(Account(id: account, name: try value(nameColumn), kind: .other, platform: try value(platformColumn)?.lowercased(), followers: followers))
            let link = try value(linkColumn)
            let sourceID = try value(postColumn) ?? "row \(row.line)"
            let seen = occurrences[sourceID, default: 0] + 1
            occurrences[sourceID] = seen
            var attributes: [String: String] = ["source_post_id": sourceID]
            for (column, name) in zip(extra, names) { if let text = try value(column) { attributes[name] = text } }
            if seen > 1 { export.diagnostics.count("rows repeating a post for another link (kept, id suffixed ~N)", 1) }
            if link == nil { export.diagnostics.warn("rows without a shared link (kept, not shares)", file: table.fileName, line: row.line, "no \(linkColumn)") }
            export.add(
                Post(postID: seen > 1 ? "\(sourceID)~\(seen)" : sourceID, author: account, time: time, platform: try value(platformColumn)?.lowercased(), url: link, attributes: attributes),
                line: row.line
            )
        }
        export.notes.append(.naiveTimes(times.zone, count: times.naiveCount, defaultReason: options.timeZone == nil ? "the default; CrowdTangle answers in UTC" : nil))
        if let note = times.abbreviationNote { export.notes.append(note) }
        export.notes.append(Dataset.ReadingNote(topic: "accounts keyed by", value: accountColumn))
        export.applyKinds(options.kinds)
        return export.dataset(name: path)
    }
}
