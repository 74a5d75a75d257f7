/// One aggregated tie, as a row of `relations.csv` reads once its ids are resolved.
public struct Relation: Sendable, Equatable {
    /// Index of the source account in ``Dataset/accounts``.
    public var source: Int32
    /// Index of the target account in ``Dataset/accounts``.
    public var target: Int32
    public var type: RelationType
    /// Strength of the tie (repost count); 1 when the file gives none.
    public var weight: Double
    /// Unix seconds, or `nil`.
    public var firstSeen: Double?
    public var lastSeen: Double?

    public init(source: Int32, target: Int32, type: RelationType, weight: Double = 1, firstSeen: Double? = nil, lastSeen: Double? = nil) {
        self.source = source
        self.target = target
        self.type = type
        self.weight = weight
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
    }
}

/// The relations of a dataset, stored by column.
///
/// Column storage keeps a 10-million-row edge list at 17 bytes a row; a struct per row with
/// optional dates and an attribute dictionary would take several times that.
public struct RelationTable: Sendable {
    public private(set) var sources: [Int32] = []
    public private(set) var targets: [Int32] = []
    public private(set) var types: [RelationType] = []
    public private(set) var weights: [Double] = []
    /// Present only when some row has a date; `nil` entries are missing dates.
    public private(set) var firstSeen: [Double?]?
    public private(set) var lastSeen: [Double?]?
    /// Names of the columns the format does not define, in file order.
    public var attributeColumns: [String] = []
    /// Values of those columns, one array per row, present only when there are such columns.
    public private(set) var attributeValues: [[String]] = []

    public init() {}

    /// A table holding these columns as they are (moved, not copied, when the caller keeps no
    /// other reference): `types` and `weights` default to reposts of weight 1.
    init(sources: [Int32], targets: [Int32], types: [RelationType]?, weights: [Double]?, firstSeen: [Double?]?, lastSeen: [Double?]?, attributeColumns: [String], attributeValues: [[String]]) {
        let count = sources.count
        self.sources = sources
        self.targets = targets
        self.types = types ?? [RelationType](repeating: .repost, count: count)
        self.weights = weights ?? [Double](repeating: 1, count: count)
        // As `append` keeps them: only when some row has a date.
        self.firstSeen = firstSeen?.contains { $0 != nil } == true ? firstSeen : nil
        self.lastSeen = lastSeen?.contains { $0 != nil } == true ? lastSeen : nil
        self.attributeColumns = attributeColumns
        self.attributeValues = attributeColumns.isEmpty ? [] : attributeValues
    }

    /// The number of relations.
    public var count: Int { sources.count }

    /// The relation at `index`.
    public subscript(index: Int) -> Relation {
        Relation(
            source: sources[index], target: targets[index], type: types[index], weight: weights[index],
            firstSeen: firstSeen?[index] ?? nil, lastSeen: lastSeen?[index] ?? nil
        )
    }

    public mutating func reserveCapacity(_ capacity: Int) {
        sources.reserveCapacity(capacity)
        targets.reserveCapacity(capacity)
        types.reserveCapacity(capacity)
        weights.reserveCapacity(capacity)
    }

    /// Appends a relation with the values of ``attributeColumns`` (empty when there are none).
    public mutating func append(_ relation: Relation, attributes: [String] = []) {
        if relation.firstSeen != nil && firstSeen == nil { firstSeen = Array(repeating: nil, count: count) }
        if relation.lastSeen != nil && lastSeen == nil { lastSeen = Array(repeating: nil, count: count) }
        sources.append(relation.source)
        targets.append(relation.target)
        types.append(relation.type)
        weights.append(relation.weight)
        firstSeen?.append(relation.firstSeen)
        lastSeen?.append(relation.lastSeen)
        if !attributeColumns.isEmpty {
            attributeValues.append(attributes + Array(repeating: "", count: max(0, attributeColumns.count - attributes.count)))
        }
    }
}
