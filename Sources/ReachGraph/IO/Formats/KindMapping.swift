/// Account kinds taken from a column of a platform export (`--kinds FILE`).
///
/// The file is a CSV whose header names the export's column and `kind`
/// (`account_category,kind`), then one `value,kind` row per value. Values match
/// case-insensitively after trimming; an account whose value is missing or not listed becomes
/// `other`, counted, so an incomplete mapping never rejects the data.
public struct KindMapping: Sendable, Equatable {
    /// The export column whose values are mapped (lower case).
    public let column: String
    /// Kind by lower-cased value.
    public let kinds: [String: AccountKind]

    public init(column: String, kinds: [String: AccountKind]) {
        self.column = column.lowercased()
        self.kinds = Dictionary(kinds.map { ($0.key.trimmingSpaces.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// Reads a mapping file; errors name its line and column.
    public static func read(_ path: String) throws -> KindMapping {
        let reader = CSVReader(path: path)
        var column: String?
        var kinds: [String: AccountKind] = [:]
        try reader.forEachRecord { record in
            guard let known = column else {
                guard record.count == 2 else {
                    throw InputError(file: reader.fileName, line: record.line, message: "expected a header COLUMN,kind (the export's column, then kind)")
                }
                let name = try record.string(at: 0).trimmingSpaces.lowercased()
                guard !name.isEmpty, try record.string(at: 1).trimmingSpaces.lowercased() == "kind" else {
                    throw InputError(file: reader.fileName, line: record.line, message: "expected a header COLUMN,kind (the export's column, then kind)")
                }
                column = name
                return
            }
            _ = known
            guard record.count == 2 else {
                throw InputError(file: reader.fileName, line: record.line, message: "expected two fields, VALUE,KIND")
            }
            let value = try record.string(at: 0).trimmingSpaces.lowercased()
            let kindText = try record.string(at: 1).trimmingSpaces.lowercased()
            guard let kind = AccountKind(rawValue: kindText) else {
                let allowed = AccountKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw InputError(file: reader.fileName, line: record.line, column: record.column(of: 1), message: "\"\(kindText)\" is not one of \(allowed)")
            }
            if kinds[value] != nil {
                throw InputError(file: reader.fileName, line: record.line, message: "value \"\(value)\" is mapped twice")
            }
            kinds[value] = kind
        }
        guard let column else { throw InputError(file: reader.fileName, message: "file is empty: expected a header COLUMN,kind") }
        return KindMapping(column: column, kinds: kinds)
    }

    /// The kind of `value`, or `nil` when it is missing or not listed.
    public func kind(of value: String?) -> AccountKind? {
        guard let value else { return nil }
        return kinds[value.trimmingSpaces.lowercased()]
    }
}

extension KindMapping {
    /// The warning category of accounts left as `other`.
    var unmappedCategory: String { "accounts whose \(column) is not in --kinds (kind other)" }

    /// The reading note that says where kinds came from.
    var readingNote: Dataset.ReadingNote { Dataset.ReadingNote(topic: "account kinds", value: "from column \(column) (--kinds)") }

    /// The kind of each account from its value in the mapping's column: an account attribute, its
    /// name, platform or country, or else the column on its first post that has it (exports and
    /// posts tables repeat account fields on every row); `nil` where the value is missing or not
    /// listed. O(accounts + posts).
    func kinds(of accounts: [Account], posts: some Sequence<Post>) -> [AccountKind?] {
        var fromPosts: [String: String] = [:]
        for post in posts where fromPosts[post.author] == nil {
            if let value = post.attributes[column] { fromPosts[post.author] = value }
        }
        return accounts.map { account in
            let value: String?
            switch column {
            case "name": value = account.name
            case "platform": value = account.platform
            case "country": value = account.country
            default: value = account.attributes[column] ?? fromPosts[account.id]
            }
            return kind(of: value)
        }
    }

    /// The kind of an `accounts.csv` (or JSON `accounts`) row: its value in the mapping's column
    /// mapped; else the row's own `kind` when that is a kind ReachGraph knows (so a mapping of
    /// `kind` itself only needs the foreign values); `nil` (kind `other`, counted) otherwise.
    func kind(ofRow row: inout some FieldSource) throws -> AccountKind? {
        if let mapped = kind(of: try row.trimmedText(column)) { return mapped }
        guard let own = try row.trimmedText("kind") else { return nil }
        return AccountKind(rawValue: own.lowercased())
    }
}

extension PlatformExport {
    /// Sets each account's kind from its value in the mapping's column
    /// (``KindMapping/kinds(of:posts:)``); unmapped accounts become `other`, counted.
    mutating func applyKinds(_ mapping: KindMapping?) {
        guard let mapping else { return }
        let kinds = mapping.kinds(of: accounts, posts: posts.table)
        for position in accounts.indices { accounts[position].kind = kinds[position] ?? .other }
        diagnostics.count(mapping.unmappedCategory, kinds.count { $0 == nil })
        notes.append(mapping.readingNote)
    }
}

extension Dataset {
    /// Sets the kind of every account that no accounts table declared from its posts' values in
    /// the mapping's column (a posts table or a folder without `accounts.csv`); unmapped accounts
    /// become `other`, counted.
    mutating func applyKindsToImpliedAccounts(_ mapping: KindMapping) {
        let implied = accounts.indices.filter { !isDeclared(accountAt: $0) }
        let kinds = mapping.kinds(of: implied.map { accounts[$0] }, posts: posts)
        for (position, kind) in zip(implied, kinds) { accounts[position].kind = kind ?? .other }
        diagnostics.count(mapping.unmappedCategory, kinds.count { $0 == nil })
        readingNotes.append(mapping.readingNote)
    }
}
