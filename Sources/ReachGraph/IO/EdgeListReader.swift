#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ReachGraphCore

/// Edges read from a plain edge-list CSV: `source,target[,weight]`, header optional.
///
/// A first row whose first two fields are `source,target` (or `from,to`, `src,dst`; any case)
/// is a header; with a header, columns are found by name (`weight`, `relation`, `first_seen`,
/// `last_seen`) and any other column is kept as a relation attribute. Without a header a row has
/// two or three fields. Ids are numbered in order of first appearance. `first_seen` and
/// `last_seen` are read as every other time column is (``DatasetTimes``): ISO 8601, epoch
/// seconds, milliseconds or microseconds decided per column, naive times in the zone given.
public struct EdgeList: Sendable {
    public var identifiers: IdentifierTable
    public var sources: [Int32]
    public var targets: [Int32]
    /// `nil` when the file has no weight column.
    public var weights: [Double]?
    /// Present when a header names a `relation` column.
    public var types: [RelationType]?
    public var firstSeen: [Double?]?
    public var lastSeen: [Double?]?
    public var attributeColumns: [String]
    public var attributeValues: [[String]]
    public var hasHeader: Bool
    /// How the times were read (naive ones and their zone, zone abbreviations), for `summary`.
    public var readingNotes: [Dataset.ReadingNote] = []

    /// The number of edges (rows).
    public var count: Int { sources.count }

    /// The graph of these edges, node `i` being `identifiers.identifier(at: i)`; parallel edges are
    /// merged by summing their weights, as ``GraphBuilder`` does.
    ///
    /// Moves the rows into the graph rather than copying them: afterwards the list keeps its
    /// identifiers and has no rows. With 10M edges a copy would be 150 MB more at the peak.
    public mutating func takeGraph() -> DirectedGraph {
        let builder = GraphBuilder(nodeCount: identifiers.count, sources: sources, targets: targets, weights: weights)
        sources = []
        targets = []
        weights = weights.map { _ in [] }
        types = types.map { _ in [] }
        firstSeen = firstSeen.map { _ in [] }
        lastSeen = lastSeen.map { _ in [] }
        attributeValues = []
        return builder.build()
    }
}

public enum EdgeListReader {
    static let sourceNames: Set<String> = ["source", "from", "src"]
    static let targetNames: Set<String> = ["target", "to", "dst"]

    /// Reads the edge list at `path`; errors name `displayName` (default: the file name). Times
    /// without a zone are read in `timeZone` (`nil`: UTC, said so in the reading notes).
    public static func read(path: String, displayName: String? = nil, timeZone: NaiveTimeZone? = nil) throws -> EdgeList {
        try read(path: path, displayName: displayName, timeZone: timeZone, chunkSize: 1 << 20)
    }

    /// Files from this size (about 50M edges) are read in two parts at once when two threads are
    /// allowed. Joining the parts costs CPU (a lookup per distinct id of the second part, a pass
    /// over its rows) and holds the second part's rows twice for a moment: at 10M edges that
    /// raised `summary`'s peak from 393 to 419 MiB for a load of about 1 s of reading, so smaller
    /// files are read in one pass (BENCHMARKS.md, "Scale: 100M edges").
    static let twoPartThreshold = 1 << 30

    /// How full the id tables' slots may get. At 62 % rather than 50 %, ten million ids fit 2^24
    /// slots (256 MiB) instead of 2^25: at 100M edges the two parts' tables took 1 GiB, and every
    /// fresh page costs here (BENCHMARKS.md, "Fresh pages"), for probes that stay short.
    static let tableLoadPercent = 62

    /// `chunkSize` is the reader's buffer size; tests make it tiny so rows straddle refills, and
    /// lower `twoPartThreshold` to read small files in two parts.
    static func read(path: String, displayName: String?, timeZone: NaiveTimeZone? = nil, chunkSize: Int, twoPartThreshold: Int = twoPartThreshold) throws -> EdgeList {
        let fileBytes = fileSize(path)
        if fileBytes >= twoPartThreshold, Parallelism.workerCount(items: 2) > 1,
           var list = readInTwoParts(path: path, displayName: displayName, chunkSize: chunkSize, fileBytes: fileBytes) {
            // A plain list has no time columns; the note still says which zone was asked for.
            list.readingNotes = DatasetTimes(zone: timeZone).readingNotes
            return list
        }
        return try read(CSVReader(path: path, displayName: displayName, chunkSize: chunkSize), timeZone: timeZone, fileBytes: fileBytes, stoppingAt: nil)
    }

    /// Reads a large plain edge list (`source,target[,weight]`, no quotes) as two halves on two
    /// threads, split at a line end, and joins them; `nil` when the file is anything else or either
    /// half meets a row the fast path does not take (a quote, an error), so that the one-pass read
    /// handles it and reports errors with their lines. Parsing and interning are most of a load
    /// (a 100M-edge file took 27 s of CPU); the join costs one lookup per distinct id of the
    /// second half and a pass over its rows.
    ///
    /// Deterministic: each half numbers its own ids in order of first sight, and the second half's
    /// table is merged into the first in its own order (``IdentifierTable/intern(contentsOf:)``),
    /// which numbers every id by its first sight in the whole file, as one pass does, whichever
    /// thread finishes first.
    static func readInTwoParts(path: String, displayName: String?, chunkSize: Int, fileBytes: Int) -> EdgeList? {
        guard let layout = firstLayout(path: path), layout.isPlain, let split = CSVReader(path: path).splitOffset(minimumBytes: 2, share: 0.5) else { return nil }
        let parts: [EdgeList]? = {
            let slots = ResultSlots<EdgeList>(count: 2)
            Parallelism.forEach(2, maxConcurrency: 2) { part in
                do {
                    if part == 0 {
                        let reader = CSVReader(path: path, displayName: displayName, chunkSize: chunkSize)
                        slots.store(try read(reader, fileBytes: fileBytes, stoppingAt: split), at: 0)
                    } else {
                        let reader = CSVReader(path: path, displayName: displayName, chunkSize: chunkSize)
                        slots.store(try readPlainRows(reader, from: split, layout: layout, fileBytes: fileBytes - split), at: 1)
                    }
                } catch {
                    slots.fail(error)
                }
            }
            return try? slots.collect()
        }()
        guard var parts, parts.count == 2 else { return nil }
        var list = parts[0]
        var second = parts[1]
        parts = []
        let indices = list.identifiers.intern(contentsOf: second.identifiers)
        second.identifiers = IdentifierTable(capacity: 0)
        // The second part's id columns are renumbered in place and appended on one thread while its
        // weights are appended on the other. Appending the weights after the columns, on one
        // thread, took 0.2–0.6 s of the 100M-edge load's wall time with the other thread idle
        // (BENCHMARKS.md, "The two-part read's join on both threads").
        let sources = ColumnJoin(list.sources, second.sources), targets = ColumnJoin(list.targets, second.targets)
        let weights = list.weights.map { ColumnJoin($0, second.weights ?? []) }
        list.sources = []
        list.targets = []
        list.weights = list.weights.map { _ in [] }
        second.sources = []
        second.targets = []
        second.weights = nil
        Parallelism.forEach(2, maxConcurrency: 2) { task in
            if task == 0 {
                sources.append(renumberedBy: indices)
                targets.append(renumberedBy: indices)
            } else {
                weights?.append()
            }
        }
        list.sources = sources.take()
        list.targets = targets.take()
        if let weights { list.weights = weights.take() }
        return list
    }

    /// One column of the first part, to which the second part's rows are appended (its ids
    /// renumbered).
    private final class ColumnJoin<Element>: @unchecked Sendable {
        // Unchecked: each column is joined by one thread, and taken after the threads are done.
        private var column: [Element]
        private var rows: [Element]

        init(_ column: [Element], _ rows: [Element]) {
            self.column = column
            self.rows = rows
        }

        /// Appends the rows as they are (weights).
        func append() {
            column.append(contentsOf: rows)
            rows = []
        }

        /// Appends the rows, ids of the second part, as their `indices` in the first. They are
        /// renumbered where they are, whose pages are the process's already, then copied at once.
        func append(renumberedBy indices: [Int32]) where Element == Int32 {
            indices.withUnsafeBufferPointer { indices in
                rows.withUnsafeMutableBufferPointer { rows in
                    for row in rows.indices { rows[row] = indices[Int(rows[row])] }
                }
            }
            append()
        }

        /// The joined column, no longer held here (so that it stays uniquely referenced).
        func take() -> [Element] {
            defer { column = [] }
            return column
        }
    }

    /// The layout that the file's first record gives, or `nil` when it gives none (an error, which
    /// the one-pass read reports).
    private static func firstLayout(path: String) -> Layout? {
        struct Stop: Error {}
        var layout: Layout?
        let reader = CSVReader(path: path, chunkSize: 1 << 16)
        _ = try? reader.forEachRecord { record in
            layout = try? Layout(firstRecord: &record, file: reader.fileName)
            throw Stop()
        }
        return layout
    }

    private static func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// The rows of a later part of a plain edge list, all of which must take the fast path (else
    /// it throws, and the caller reads the file in one pass). Lines are counted from the part's
    /// start, so errors are never reported from here.
    private static func readPlainRows(_ reader: CSVReader, from offset: Int, layout: Layout, fileBytes: Int) throws -> EdgeList {
        struct NotPlain: Error {}
        var list = EdgeList(
            identifiers: IdentifierTable(capacity: 1 << 16, loadPercent: tableLoadPercent), sources: [], targets: [], weights: layout.weight != nil ? [] : nil,
            types: nil, firstSeen: nil, lastSeen: nil, attributeColumns: [], attributeValues: [], hasHeader: false
        )
        var batch = ExactIdentifierBatch()
        var sizer = CapacityEstimate(fileBytes: fileBytes)
        _ = try reader.forEachRecord(from: offset, line: 1, stoppingAt: nil, simpleFieldLimit: 3, simple: { bytes, bounds, fields, _ in
            guard fields >= 2, fields <= layout.fieldCount, addPlainRow(bytes, bounds, fields, weighted: layout.weight != nil, batch: &batch, list: &list) else {
                throw NotPlain()
            }
            sizer.sample(rowBytes: bounds[2 * fields - 1] - bounds[0] + 1, list: &list)
            return true
        }) { _ in throw NotPlain() }
        batch.flush(into: &list)
        return list
    }

    /// Adds one row of the fast path: plain `source,target[,weight]` that the reader split without
    /// quotes. Returns `false`, adding nothing, for anything unusual (an empty id, a bad weight,
    /// invalid UTF-8), which the full path reports with its column.
    @inline(__always)
    private static func addPlainRow(
        _ bytes: UnsafeBufferPointer<UInt8>, _ bounds: UnsafeMutableBufferPointer<Int>, _ fields: Int, weighted: Bool,
        batch: inout ExactIdentifierBatch, list: inout EdgeList
    ) -> Bool {
        let sourceBytes = UnsafeBufferPointer(rebasing: bytes[bounds[0] ..< bounds[1]])
        let targetBytes = UnsafeBufferPointer(rebasing: bytes[bounds[2] ..< bounds[3]])
        guard !sourceBytes.isEmpty, !targetBytes.isEmpty, !Self.hasOuterSpace(sourceBytes), !Self.hasOuterSpace(targetBytes) else { return false }
        var weight = 1.0
        if weighted && fields == 3 && bounds[5] > bounds[4] {
            guard let value = FieldParsing.double(UnsafeBufferPointer(rebasing: bytes[bounds[4] ..< bounds[5]])), value >= 0, value <= FieldParsing.maximumWeight else { return false }
            weight = value
        }
        if let source = IdentifierTable.exactKey(sourceBytes), let target = IdentifierTable.exactKey(targetBytes) {
            batch.add(source, target, weight, into: &list)
        } else {
            batch.flush(into: &list)
            guard let source = list.identifiers.intern(sourceBytes), let target = list.identifiers.intern(targetBytes) else { return false }
            list.sources.append(source)
            list.targets.append(target)
            list.weights?.append(weight)
        }
        return true
    }

    /// The one-pass read, or with `stop` the first part of a two-part read, which stops before the
    /// record starting at byte `stop` and throws when a quoted field spans it.
    private static func read(_ reader: CSVReader, timeZone: NaiveTimeZone? = nil, fileBytes: Int, stoppingAt stop: Int?) throws -> EdgeList {
        struct QuoteSpansSplit: Error {}
        let file = reader.fileName
        var list = EdgeList(
            identifiers: IdentifierTable(capacity: 1 << 16, loadPercent: tableLoadPercent), sources: [], targets: [], weights: nil, types: nil,
            firstSeen: nil, lastSeen: nil, attributeColumns: [], attributeValues: [], hasHeader: false
        )
        var layout: Layout?
        var times = DatasetTimes(zone: timeZone)
        var rows = 0
        var batch = ExactIdentifierBatch()
        var sizer = CapacityEstimate(fileBytes: fileBytes)
        // The fast path: plain `source,target[,weight]` rows that the reader splits without quotes.
        // Anything unusual (an empty id, a bad weight, invalid UTF-8, a wrong field count) is left
        // to the full path below, which reports it with its column.
        let stoppedAtLine = try reader.forEachRecord(from: 0, line: 1, stoppingAt: stop, simpleFieldLimit: 3, simple: { bytes, bounds, fields, _ in
            guard let layout, layout.isPlain, fields >= 2, fields <= layout.fieldCount,
                  addPlainRow(bytes, bounds, fields, weighted: layout.weight != nil, batch: &batch, list: &list) else { return false }
            rows += 1
            sizer.sample(rowBytes: bounds[2 * fields - 1] - bounds[0] + 1, list: &list)
            return true
        }) { record in
            batch.flush(into: &list) // keeps rows, and so the numbering of ids, in file order
            rows += 1
            if layout == nil {
                let made = try Layout(firstRecord: &record, file: file)
                layout = made
                list.hasHeader = made.hasHeader
                list.attributeColumns = made.extraColumns.map(\.name)
                if made.weight != nil { list.weights = [] }
                if made.relation != nil { list.types = [] }
                if made.firstSeen != nil { list.firstSeen = [] }
                if made.lastSeen != nil { list.lastSeen = [] }
                if made.hasHeader { return }
            }
            guard let layout else { return }
            if record.count > layout.fieldCount || record.count < 2 {
                let expectation = layout.hasHeader ? "the header has \(layout.fieldCount)" : "an edge list without a header has source,target[,weight]"
                let column = record.count > layout.fieldCount ? record.column(of: layout.fieldCount) : 1
                throw InputError(file: file, line: record.line, column: column, message: "row has \(record.count) field\(record.count == 1 ? "" : "s"); \(expectation)")
            }
            list.sources.append(try identifier(&record, layout.source, "source", &list.identifiers))
            list.targets.append(try identifier(&record, layout.target, "target", &list.identifiers))
            if let column = layout.weight {
                list.weights?.append(try weight(&record, column))
            }
            if layout.hasNamedColumns {
                var row = RecordFields(record: record, layout: layout)
                if layout.relation != nil { list.types?.append(try row.relationType("relation") ?? .repost) }
                let firstSeen = layout.firstSeen != nil ? try row.time("first_seen", reader: &times.firstSeen, line: record.line) : nil
                let lastSeen = layout.lastSeen != nil ? try row.time("last_seen", reader: &times.lastSeen, line: record.line) : nil
                if let firstSeen, let lastSeen, lastSeen < firstSeen { throw row.error("last_seen", "is earlier than first_seen") }
                if layout.firstSeen != nil { list.firstSeen?.append(firstSeen) }
                if layout.lastSeen != nil { list.lastSeen?.append(lastSeen) }
                if !layout.extraColumns.isEmpty {
                    list.attributeValues.append(try layout.extraColumns.map { try row.text($0.name) ?? "" })
                }
            }
        }
        batch.flush(into: &list)
        if stop != nil && stoppedAtLine == nil { throw QuoteSpansSplit() }
        if rows == 0 {
            throw InputError(file: file, message: "file is empty: expected edges as source,target[,weight]")
        }
        list.readingNotes = times.readingNotes
        return list
    }

    /// Rows of the fast path whose two ids have exact ASCII keys (``IdentifierTable/exactKey(_:)``:
    /// up to seven bytes, decimal, packed account-like ids, eight ASCII bytes), interned a batch
    /// at a time. With a million distinct ids the interning table is far larger than the cache and
    /// nearly every lookup waited for one cache miss (about 90 ns; over 40% of a 10M-edge load).
    /// Such an id is spelled by its key, so the batch keeps no pointer into the reader's buffer, and
    /// ``flush(into:)`` first reads the starting slot of every lookup in the batch (independent
    /// reads, whose misses the processor overlaps) and then interns them in row order.
    struct ExactIdentifierBatch {
        private static let capacity = 256
        private var sources: [IdentifierTable.Key] = []
        private var targets: [IdentifierTable.Key] = []
        private var weights: [Double] = []
        /// Keeps the slot reads of ``flush(into:)`` from being optimised away.
        private(set) var touched: UInt64 = 0

        init() {
            sources.reserveCapacity(Self.capacity)
            targets.reserveCapacity(Self.capacity)
            weights.reserveCapacity(Self.capacity)
        }

        @inline(__always)
        mutating func add(_ source: IdentifierTable.Key, _ target: IdentifierTable.Key, _ weight: Double, into list: inout EdgeList) {
            sources.append(source)
            targets.append(target)
            weights.append(weight)
            if sources.count == Self.capacity { flush(into: &list) }
        }

        mutating func flush(into list: inout EdgeList) {
            guard !sources.isEmpty else { return }
            var sum: UInt64 = 0
            for row in sources.indices {
                sum &+= list.identifiers.touch(sources[row].hash) &+ list.identifiers.touch(targets[row].hash)
            }
            touched = sum
            for row in sources.indices {
                list.sources.append(list.identifiers.intern(exactKey: sources[row]))
                list.targets.append(list.identifiers.intern(exactKey: targets[row]))
            }
            list.weights?.append(contentsOf: weights)
            sources.removeAll(keepingCapacity: true)
            targets.removeAll(keepingCapacity: true)
            weights.removeAll(keepingCapacity: true)
        }
    }

    /// Reserves the edge arrays once, from the file size and the length of the first rows, so a
    /// 10-million-row load does not copy them some twenty times while doubling. Reserved but
    /// unwritten capacity costs address space, not resident memory.
    struct CapacityEstimate {
        private let fileBytes: Int
        private var sampledRows = 0
        private var sampledBytes = 0
        private static let sampleRows = 1024

        init(fileBytes: Int) {
            self.fileBytes = fileBytes
        }

        @inline(__always)
        mutating func sample(rowBytes: Int, list: inout EdgeList) {
            guard sampledRows < Self.sampleRows else { return }
            sampledRows += 1
            sampledBytes += rowBytes
            guard sampledRows == Self.sampleRows, fileBytes > 0 else { return }
            let estimate = Int(Double(fileBytes) * 1.02 * Double(sampledRows) / Double(max(sampledBytes, 1))) + Self.sampleRows
            list.sources.reserveCapacity(estimate)
            list.targets.reserveCapacity(estimate)
            list.weights?.reserveCapacity(estimate)
        }
    }

    /// Whether `bytes` starts or ends with a space or tab (which ids never keep: `a, b` names `b`).
    @inline(__always)
    private static func hasOuterSpace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes[0] == 0x20 || bytes[0] == 0x09 || bytes[bytes.count - 1] == 0x20 || bytes[bytes.count - 1] == 0x09
    }

    /// The id in `column`, without surrounding spaces and tabs as every other reader reads ids.
    private static func identifier(_ record: inout CSVRecord, _ column: Int, _ name: String, _ table: inout IdentifierTable) throws -> Int32 {
        if column >= record.count || record.withBytes(of: column, { FieldParsing.trimmingSpaces($0).isEmpty }) {
            throw InputError(file: record.fileName, line: record.line, column: column < record.count ? record.column(of: column) : nil, message: "column \"\(name)\": is empty but required")
        }
        if let index = record.withBytes(of: column, { bytes in table.intern(FieldParsing.trimmingSpaces(bytes)) }) { return index }
        throw InputError(file: record.fileName, line: record.line, column: record.column(of: column), message: "column \"\(name)\": is not valid UTF-8")
    }

    private static func weight(_ record: inout CSVRecord, _ column: Int) throws -> Double {
        guard column < record.count, !record.isEmpty(column) else { return 1 }
        if let value = record.withBytes(of: column, FieldParsing.double) {
            if value >= 0 && value <= FieldParsing.maximumWeight { return value }
            let problem = value < 0 ? "\(value) is negative; expected 0 or more" : FieldParsing.weightTooLarge(value)
            throw InputError(file: record.fileName, line: record.line, column: record.column(of: column), message: "column \"weight\": \(problem)")
        }
        let text = (try? record.string(at: column)) ?? "?"
        throw InputError(file: record.fileName, line: record.line, column: record.column(of: column), message: "column \"weight\": \"\(text)\" is not a number")
    }

    /// Where each column is.
    struct Layout {
        var hasHeader: Bool
        var fieldCount: Int
        var source = 0
        var target = 1
        var weight: Int?
        var relation: Int?
        var firstSeen: Int?
        var lastSeen: Int?
        var positions: [String: Int] = [:]
        var extraColumns: [(name: String, position: Int)] = []

        /// Whether rows need more than source, target and weight.
        var hasNamedColumns: Bool { relation != nil || firstSeen != nil || lastSeen != nil || !extraColumns.isEmpty }

        /// Whether rows are `source,target[,weight]` in that order, the shape the fast path reads.
        var isPlain: Bool { !hasNamedColumns && source == 0 && target == 1 && fieldCount <= 3 && (weight == nil || weight == 2) }

        init(firstRecord record: inout CSVRecord, file: String) throws {
            let first = (try? record.string(at: 0).trimmingSpaces.lowercased()) ?? ""
            let second = record.count > 1 ? ((try? record.string(at: 1).trimmingSpaces.lowercased()) ?? "") : ""
            hasHeader = EdgeListReader.sourceNames.contains(first) && EdgeListReader.targetNames.contains(second)
            guard hasHeader else {
                guard record.count >= 2 && record.count <= 3 else {
                    let hint = record.count == 1 ? FieldParsing.separatorHint(inOnlyField: (try? record.string(at: 0)) ?? "") : ""
                    throw InputError(file: file, line: record.line, column: 1, message: "row has \(record.count) field\(record.count == 1 ? "" : "s"); an edge list without a header has source,target[,weight] (a header row source,target,... allows more columns)\(hint)")
                }
                fieldCount = 3
                weight = 2
                return
            }
            fieldCount = record.count
            for index in 0 ..< record.count {
                let name = try record.string(at: index).trimmingSpaces.lowercased()
                if positions[name] != nil {
                    throw InputError(file: file, line: record.line, column: record.column(of: index), message: "column \"\(name)\" appears twice in the header")
                }
                positions[name] = index
                switch name {
                case _ where index == 0, _ where index == 1: break
                case "weight": weight = index
                case "relation": relation = index
                case "first_seen": firstSeen = index
                case "last_seen": lastSeen = index
                default: if !name.isEmpty { extraColumns.append((name, index)) }
                }
            }
        }
    }

    /// Named access to one record of an edge list with a header.
    struct RecordFields: FieldSource {
        var record: CSVRecord
        let layout: Layout

        mutating func text(_ column: String) throws -> String? {
            guard let position = layout.positions[column], position < record.count, !record.isEmpty(position) else { return nil }
            return try record.string(at: position)
        }

        func error(_ column: String, _ message: String) -> InputError {
            let position = layout.positions[column]
            let columnNumber = position.flatMap { $0 < record.count ? record.column(of: $0) : nil }
            return InputError(file: record.fileName, line: record.line, column: columnNumber, message: "column \"\(column)\": \(message)")
        }

        var extraColumnNames: [String] { layout.extraColumns.map(\.name) }
    }
}
