/// Identifiers by index, for data that mostly names what it has numbered: a table of its own, or
/// some of another table's identifiers, named by their index there.
///
/// The second form copies no bytes and keeps no hash slots: the share log of 2.5 million posts
/// numbers their accounts, objects and messages this way, where copying them into new tables
/// held 358 MB (the messages' table alone the 2.5 million post ids again, with 134 MB of slots
/// that nothing looked up). Lookups go through the source table and a position per source
/// identifier. Interning a new identifier turns a selection into a table of its own first.
public struct IdentifierList: Sendable {
    private var own: IdentifierTable?
    private var source = IdentifierTable(capacity: 0)
    private var selection: [Int32] = []
    private var positions: [Int32] = []

    /// The identifiers of `table`, in its order.
    public init(_ table: IdentifierTable = IdentifierTable()) {
        own = table
    }

    /// The identifiers of `source` at `selection`, in that order.
    ///
    /// - Parameters:
    ///   - selection: indices into `source`, without repeats.
    ///   - positions: for each identifier of `source`, its index in `selection`, or a negative
    ///     number when it is not selected (`source.count` entries).
    /// - Precondition: `positions` has one entry per identifier of `source` and inverts `selection`.
    public init(selecting selection: [Int32], positions: [Int32], of source: IdentifierTable) {
        precondition(positions.count == source.count, "one position per identifier of the source")
        self.source = source
        self.selection = selection
        self.positions = positions
    }

    /// The number of identifiers.
    public var count: Int { own?.count ?? selection.count }

    /// The identifier at `index` (`0 ..< count`).
    public func identifier(at index: Int) -> String {
        own?.identifier(at: index) ?? source.identifier(at: Int(selection[index]))
    }

    /// Every identifier, in index order.
    public var identifiers: [String] { (0 ..< count).map(identifier(at:)) }

    /// The index of `identifier`, or `nil` when it is not in the list.
    public func index(of identifier: String) -> Int32? {
        if let own { return own.index(of: identifier) }
        guard let at = source.index(of: identifier), positions[Int(at)] >= 0 else { return nil }
        return positions[Int(at)]
    }

    /// The index of `identifier`, added at the end when new.
    public mutating func intern(_ identifier: String) -> Int32 {
        var table = own ?? IdentifierTable(selecting: selection, of: source)
        // Released before the table grows, so that it is not copied on write.
        own = nil
        source = IdentifierTable(capacity: 0)
        selection = []
        positions = []
        defer { own = table }
        return table.intern(identifier)
    }
}
