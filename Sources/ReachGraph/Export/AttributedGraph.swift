/// A dataset as a graph with typed attributes: what the GraphML, GEXF and DOT exports write.
///
/// Nodes are the accounts, in dataset order, with the columns `name`, `kind`, `platform`,
/// `country`, `province`, `city`, `tier`, `followers` (long), `parent` and every extra column
/// of `accounts.csv` (typed when typing loses nothing, see ``AttributeValue/init(inferringFrom:)``),
/// then any columns the caller adds (scores, roles …). Missing values are left out of the element
/// that lacks them.
///
/// Edges follow ``EdgeMode``. Times are ISO 8601 text when they are whole seconds, exact Unix
/// seconds otherwise. A collaboration between two accounts, undirected in the model, is written as
/// two opposite edges with `relation` saying `collaboration`, so that a tool reading the file as a
/// directed graph (NetworkX's `read_graphml`, `read_gexf`; Gephi) has the edges ReachGraph's
/// analyses count: GraphML and GEXF can mark an edge undirected, but NetworkX refuses such an edge
/// in a directed graph.
public struct AttributedGraph: Sendable {
    /// How relations become edges.
    public enum EdgeMode: String, Sendable, CaseIterable {
        /// One edge per relation row, parallel edges included: exact, every column kept.
        case rows
        /// One edge per ordered pair, as Gephi and NetworkX's `DiGraph` expect: `weight` is the sum,
        /// `relations` the number of rows merged, `relation` their types in order of appearance
        /// joined by commas (`repost`, or `repost,mention`), `first_seen` the earliest and
        /// `last_seen` the latest; any other column whose rows disagree becomes the list of the
        /// rows' values.
        case merged
    }

    public private(set) var nodeIDs: [String]
    /// ``Account/label``: the entity and platform, else the name, else the id (GEXF requires a label).
    public private(set) var nodeLabels: [String]
    public private(set) var nodeColumns: [AttributeColumn]
    public private(set) var edgeSources: [Int32] = []
    public private(set) var edgeTargets: [Int32] = []
    public private(set) var edgeWeights: [Double] = []
    public private(set) var edgeColumns: [AttributeColumn] = []

    /// The graph of `dataset`, with `extraNodeColumns` (one value per account) after the account columns.
    /// - Throws: ``ExportError`` when an extra column has the wrong length or a name already used.
    /// - Complexity: O(V + E) for rows, O(V + E log E) for merged.
    public init(dataset: Dataset, edges mode: EdgeMode = .rows, extraNodeColumns: [AttributeColumn] = []) throws {
        let accounts = dataset.accounts
        nodeIDs = accounts.map(\.id)
        nodeLabels = accounts.map(\.label)
        func text(_ keyPath: KeyPath<Account, String?>) -> [AttributeValue?] { accounts.map { $0[keyPath: keyPath].map(AttributeValue.string) } }
        nodeColumns = [
            AttributeColumn(name: "name", values: text(\.name)),
            AttributeColumn(name: "kind", values: accounts.map { .string($0.kind.rawValue) }),
            AttributeColumn(name: "platform", values: text(\.platform)),
            AttributeColumn(name: "country", values: text(\.country)),
            AttributeColumn(name: "province", values: text(\.province)),
            AttributeColumn(name: "city", values: text(\.city)),
            AttributeColumn(name: "tier", values: accounts.map { $0.tier.map { .string($0.rawValue) } }),
            AttributeColumn(name: "followers", values: accounts.map { $0.followers.map(AttributeValue.integer) }),
            AttributeColumn(name: "parent", values: text(\.parent)),
        ]
        if dataset.hasEntities { nodeColumns.append(AttributeColumn(name: "entity", values: text(\.entity))) }
        for column in extraColumnNames(declared: dataset.accountAttributeColumns, attributes: accounts.map(\.attributes)) {
            nodeColumns.append(AttributeColumn(name: column, texts: accounts.map { $0.attributes[column] }))
        }
        for column in extraNodeColumns {
            guard column.values.count == accounts.count else {
                throw ExportError(message: "node column \"\(column.name)\" has \(column.values.count) values for \(accounts.count) accounts")
            }
            guard !nodeColumns.contains(where: { $0.name == column.name }) else {
                throw ExportError(message: "node column \"\(column.name)\" is already an account column")
            }
            nodeColumns.append(column)
        }
        switch mode {
        case .rows: addRows(of: dataset.relations)
        case .merged: addMergedRows(of: dataset.relations)
        }
    }

    /// The number of nodes.
    public var nodeCount: Int { nodeIDs.count }
    /// The number of edges.
    public var edgeCount: Int { edgeSources.count }

    /// One line per column written as JSON text, for the file's description and the user.
    public var jsonColumnNotes: [String] {
        let node = nodeColumns.filter { $0.valueType == .json }.map { "node attribute \"\($0.name)\"" }
        let edge = edgeColumns.filter { $0.valueType == .json }.map { "edge attribute \"\($0.name)\"" }
        return (node + edge).map { "\($0) holds JSON text (lists of values)" }
    }

    /// Time as exported: ISO 8601 for whole seconds, exact Unix seconds otherwise.
    static func timeText(_ seconds: Double) -> AttributeValue {
        seconds.rounded(.down) == seconds ? .time(seconds) : .double(seconds)
    }

    /// The relation row behind each edge, in row order: every row once, and a collaboration between
    /// two accounts a second time with its ends swapped (`reversed`).
    private static func edgeRows(of relations: RelationTable) -> (rows: [Int], sources: [Int32], targets: [Int32]) {
        guard relations.types.contains(where: \.isUndirected) else {
            return (Array(0 ..< relations.count), relations.sources, relations.targets)
        }
        var rows: [Int] = [], sources: [Int32] = [], targets: [Int32] = []
        for row in 0 ..< relations.count {
            let source = relations.sources[row], target = relations.targets[row]
            rows.append(row)
            sources.append(source)
            targets.append(target)
            if relations.types[row].isUndirected && source != target {
                rows.append(row)
                sources.append(target)
                targets.append(source)
            }
        }
        return (rows, sources, targets)
    }

    private mutating func addRows(of relations: RelationTable) {
        let edges = Self.edgeRows(of: relations)
        edgeSources = edges.sources
        edgeTargets = edges.targets
        edgeWeights = edges.rows.map { relations.weights[$0] }
        edgeColumns = [
            AttributeColumn(name: "relation", values: edges.rows.map { .string(relations.types[$0].rawValue) }),
            AttributeColumn(name: "first_seen", values: edges.rows.map { relations[$0].firstSeen.map(Self.timeText) }),
            AttributeColumn(name: "last_seen", values: edges.rows.map { relations[$0].lastSeen.map(Self.timeText) }),
        ]
        for (index, column) in relations.attributeColumns.enumerated() {
            edgeColumns.append(AttributeColumn(name: column, texts: edges.rows.map { row in
                let fields = relations.attributeValues[row]
                return index < fields.count ? fields[index] : nil
            }))
        }
    }

    private mutating func addMergedRows(of relations: RelationTable) {
        let edges = Self.edgeRows(of: relations)
        var groupOf: [Int64: Int] = [:]
        var members: [[Int]] = []
        for (edge, row) in edges.rows.enumerated() {
            let key = Int64(edges.sources[edge]) << 32 | Int64(edges.targets[edge])
            if let group = groupOf[key] {
                members[group].append(row)
            } else {
                groupOf[key] = members.count
                members.append([row])
                edgeSources.append(edges.sources[edge])
                edgeTargets.append(edges.targets[edge])
            }
        }
        edgeWeights = members.map { $0.reduce(0) { $0 + relations.weights[$1] } }
        /// The rows' common value, or the list of their values when they differ.
        func merge(_ values: [AttributeValue?]) -> AttributeValue? {
            guard let first = values.first else { return nil }
            return values.allSatisfy({ $0 == first }) ? first : .list(values)
        }
        // Plain text, not a JSON list when types differ: a list anywhere makes the whole column
        // JSON text, and `relation == "repost"` then matched no edge in NetworkX.
        var relationValues: [AttributeValue?] = []
        for rows in members {
            var types: [String] = []
            for row in rows where !types.contains(relations.types[row].rawValue) { types.append(relations.types[row].rawValue) }
            relationValues.append(.string(types.joined(separator: ",")))
        }
        edgeColumns = [
            AttributeColumn(name: "relation", values: relationValues),
            AttributeColumn(name: "relations", values: members.map { .integer($0.count) }),
            AttributeColumn(name: "first_seen", values: members.map { rows in rows.compactMap { relations[$0].firstSeen }.min().map(Self.timeText) }),
            AttributeColumn(name: "last_seen", values: members.map { rows in rows.compactMap { relations[$0].lastSeen }.max().map(Self.timeText) }),
        ]
        for (index, column) in relations.attributeColumns.enumerated() {
            let values = members.map { rows in
                merge(rows.map { row in
                    let fields = relations.attributeValues[row]
                    return index < fields.count ? AttributeValue(inferringFrom: fields[index]) : nil
                })
            }
            edgeColumns.append(AttributeColumn(name: column, values: values))
        }
    }
}
