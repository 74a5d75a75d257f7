#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import ReachGraphCore

/// Reading a large CSV file in two halves at once, with the result of reading it in one piece.
///
/// The file is split at the first line end after a share of its bytes. While the caller's thread reads the
/// first half as ``CSVReader/forEachRecord(simpleFieldLimit:simple:_:)`` does, a second thread
/// reads the second half into a *part* of its own (its own id table and columns, say) through the
/// simple path only. Once the first half is read, the caller merges the part in file order. The
/// part is given up, and the second half read on the caller's thread as usual, whenever it could
/// differ from reading in one piece: a record the simple path does not take (a quote, too many
/// fields, a value the caller's fast path refuses), a quoted field spanning the split (the first
/// half then never stops at it), a line count that does not agree, or a merge that refuses. So the
/// records, their order and their lines are those of one reading, and a caller whose merge adds
/// the part as if its records came one by one (ids interned in the part's order of first sight)
/// gets the same bytes out on one thread or two.
///
/// Two threads at most, the library's ``Parallelism/workerCount(requested:items:)`` (one inside a
/// parallel loop or when ``Parallelism/threadCount`` is 1); files below `minimumBytes` are read on one.
/// - Complexity: O(bytes) work; the second half's records and the merge on top of one reading's
///   work, which the caller keeps small (the merge re-interns the part's distinct strings only).
extension CSVReader {
    /// Like ``forEachRecord(simpleFieldLimit:simple:_:)``, reading the second half of the file on
    /// another thread when there are two and the file has at least `minimumBytes`. The first
    /// part ends at the first line feed after `firstShare` of the bytes (less than half leaves
    /// this thread the time to merge):
    /// - `startPart` makes the part's empty state once the first record (the header) reached
    ///   `body`; `nil` reads the file on one thread;
    /// - `readPart` reads one simple record (as `simple` gets it) into the part, on the second
    ///   thread: it may touch only the part and values it captured; `false` gives the part up;
    /// - `mergePart` adds the part, read to the end of the file, after the first half's records;
    ///   `false` (before changing anything) has the second half read on this thread instead.
    /// Returns how many records the merged part held (0 when none was merged).
    func forEachRecord<Part>(
        simpleFieldLimit: Int, minimumBytes: Int = 1 << 22, firstShare: Double = 0.5, startPart: () throws -> Part?,
        readPart: (inout Part, UnsafeBufferPointer<UInt8>, UnsafeMutableBufferPointer<Int>, Int, Int) -> Bool,
        mergePart: (Part) throws -> Bool,
        simple: (UnsafeBufferPointer<UInt8>, UnsafeMutableBufferPointer<Int>, Int, Int) throws -> Bool,
        _ body: (inout CSVRecord) throws -> Void
    ) throws -> Int {
        guard simpleFieldLimit > 0, Parallelism.workerCount(items: 2) > 1, let split = splitOffset(minimumBytes: minimumBytes, share: firstShare) else {
            try forEachRecord(simpleFieldLimit: simpleFieldLimit, simple: simple, body)
            return 0
        }
        return try withoutActuallyEscaping(readPart) { readPart in
            let worker = SecondHalfWorker<Part>(reader: self, split: split, fieldLimit: simpleFieldLimit, read: readPart, readRecord: nil)
            defer { worker.wait() }
            var first = true
            let stopLine = try forEachRecord(from: 0, line: 1, stoppingAt: split, simpleFieldLimit: simpleFieldLimit, simple: simple) { record in
                try body(&record)
                guard first else { return }
                first = false
                if let part = try startPart() { worker.run(part) }
            }
            guard let stopLine else { return 0 }
            worker.wait()
            if let part = worker.part, worker.startLine == stopLine, try mergePart(part) { return worker.records }
            _ = try forEachRecord(from: split, line: stopLine, stoppingAt: nil, simpleFieldLimit: simpleFieldLimit, simple: simple, body)
            return 0
        }
    }

    /// Like ``forEachRecord(_:)``, reading the records after a split on a second thread with the
    /// full parser (quoted fields, line feeds inside them): for files whose every field is quoted,
    /// which the simple path never takes. The split is the start of a line that looks like a
    /// record's start (``recordSplitOffset(minimumBytes:share:)``); it is confirmed only when the
    /// reading of the first part, from the file's start, ends a record exactly there on the line
    /// the second thread started from, so a split inside a quoted field (or after a lone carriage
    /// return) is never taken. `startPart`, `readPart` and `mergePart` are as in
    /// ``forEachRecord(simpleFieldLimit:minimumBytes:firstShare:startPart:readPart:mergePart:simple:_:)``,
    /// except that `readPart` gets every record after the split (as `body` would) and gives the
    /// part up by throwing, and `mergePart` may consume the part (it gets the only copy); an error in the second part is then met again, with its location, when
    /// this thread reads the second part itself. Returns whether a part was merged.
    func forEachRecord<Part>(
        minimumBytes: Int, firstShare: Double, startPart: () throws -> Part?,
        readPart: (inout Part, inout CSVRecord) throws -> Void,
        mergePart: (inout Part) throws -> Bool,
        _ body: (inout CSVRecord) throws -> Void
    ) throws -> Bool {
        guard Parallelism.workerCount(items: 2) > 1, let split = recordSplitOffset(minimumBytes: minimumBytes, share: firstShare) else {
            try forEachRecord(body)
            return false
        }
        return try withoutActuallyEscaping(readPart) { readPart in
            let worker = SecondHalfWorker<Part>(reader: self, split: split, fieldLimit: 0, read: { _, _, _, _, _ in false }, readRecord: readPart)
            defer { worker.wait() }
            var first = true
            let stopLine = try forEachRecord(from: 0, line: 1, stoppingAt: split, simpleFieldLimit: 0, simple: { _, _, _, _ in false }) { record in
                try body(&record)
                guard first else { return }
                first = false
                if let part = try startPart() { worker.run(part) }
            }
            guard let stopLine else { return false }
            worker.wait()
            // Taken out of the worker, so the merge holds the only copy and can free it as it goes.
            if worker.startLine == stopLine, var part = worker.takePart(), try mergePart(&part) { return true }
            _ = try forEachRecord(from: split, line: stopLine, stoppingAt: nil, simpleFieldLimit: 0, simple: { _, _, _, _ in false }, body)
            return false
        }
    }

    /// Where ``forEachRecord(minimumBytes:firstShare:startPart:readPart:mergePart:_:)`` splits a
    /// quoted file: the first line past `share` of its bytes that begins with a quote followed by
    /// anything but a quote, a comma or a line end. Inside a quoted field a quote is doubled or
    /// closes the field (and is then followed by a comma or a line end), so in a well-formed file
    /// whose first column is quoted such a line is a record's start, while a line feed inside a
    /// tweet's text usually is not. Without one in the next megabyte, the first line end after
    /// `share` (``splitOffset(minimumBytes:share:)``); the reading confirms either.
    func recordSplitOffset(minimumBytes: Int, share: Double) -> Int? {
        guard let fallback = splitOffset(minimumBytes: minimumBytes, share: share), let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var block = [UInt8](repeating: 0, count: 1 << 20)
        guard fseeko(file, off_t(fallback - 1), SEEK_SET) == 0 else { return fallback }
        let read = block.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n")
        var index = 0
        while index + 2 < read {
            if block[index] == newline && block[index + 1] == quote {
                let next = block[index + 2]
                if next != quote && next != UInt8(ascii: ",") && next != newline && next != UInt8(ascii: "\r") { return fallback + index }
            }
            index += 1
        }
        return fallback
    }

    /// The byte after the first line feed past `share` of the file; `nil` for a file smaller
    /// than `minimumBytes` or without one (the edge-list reader splits its files here too).
    func splitOffset(minimumBytes: Int, share: Double) -> Int? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        guard fseeko(file, 0, SEEK_END) == 0 else { return nil }
        let size = Int(ftello(file))
        var offset = min(max(Int(Double(size) * share), 1), size - 1)
        guard size >= max(minimumBytes, 2), fseeko(file, off_t(offset), SEEK_SET) == 0 else { return nil }
        var block = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let read = block.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            guard read > 0 else { return nil }
            if let newline = block[0 ..< read].firstIndex(of: UInt8(ascii: "\n")) {
                let split = offset + newline + 1
                return split < size ? split : nil
            }
            offset += read
        }
    }
}

/// The second thread of ``CSVReader/forEachRecord(simpleFieldLimit:minimumBytes:firstShare:startPart:readPart:mergePart:simple:_:)``.
/// Unchecked: the caller's thread touches `part`, `startLine` and `records` only after ``wait()``,
/// and the thread touches nothing else of the caller's.
private final class SecondHalfWorker<Part>: @unchecked Sendable {
    private let reader: CSVReader
    private let split: Int
    private let fieldLimit: Int
    private let read: (inout Part, UnsafeBufferPointer<UInt8>, UnsafeMutableBufferPointer<Int>, Int, Int) -> Bool
    /// Reads a record the simple path does not take; `nil` gives the part up on the first one.
    private let readRecord: ((inout Part, inout CSVRecord) throws -> Void)?
    private let group = DispatchGroup()
    private var running = false
    /// The part read to the end of the file; `nil` when it was given up.
    private(set) var part: Part?
    /// The line the split is on, counted by the thread.
    private(set) var startLine = 0
    /// How many records the part holds.
    private(set) var records = 0

    init(
        reader: CSVReader, split: Int, fieldLimit: Int, read: @escaping (inout Part, UnsafeBufferPointer<UInt8>, UnsafeMutableBufferPointer<Int>, Int, Int) -> Bool,
        readRecord: ((inout Part, inout CSVRecord) throws -> Void)?
    ) {
        self.reader = reader
        self.split = split
        self.fieldLimit = fieldLimit
        self.read = read
        self.readRecord = readRecord
    }

    func run(_ empty: Part) {
        running = true
        let box = PartBox(empty)
        DispatchQueue.global().async(group: group) { [self] in
            readSecondHalf(box.part)
        }
    }

    /// The part, no longer held here.
    func takePart() -> Part? {
        defer { part = nil }
        return part
    }

    func wait() {
        if running { group.wait() }
        running = false
    }

    private func readSecondHalf(_ empty: Part) {
        guard let line = countLines() else { return }
        var state = empty
        var count = 0
        do {
            let stopped = try reader.forEachRecord(from: split, line: line, stoppingAt: nil, simpleFieldLimit: fieldLimit, simple: { bytes, bounds, fields, line in
                guard read(&state, bytes, bounds, fields, line) else { throw GiveUp() }
                count += 1
                return true
            }) { record in
                guard let readRecord else { throw GiveUp() }
                try readRecord(&state, &record)
                count += 1
            }
            guard stopped == nil else { return }
        } catch {
            return
        }
        part = state
        startLine = line
        records = count
    }

    /// 1 + the line feeds before the split: the line the split is on when no record before it
    /// ends with a lone carriage return (the caller compares it with the line its reading reached).
    private func countLines() -> Int? {
        guard let file = fopen(reader.path, "rb") else { return nil }
        defer { fclose(file) }
        var block = [UInt8](repeating: 0, count: 1 << 20)
        var remaining = split
        var lines = 1
        while remaining > 0 {
            let read = block.withUnsafeMutableBytes { fread($0.baseAddress, 1, min($0.count, remaining), file) }
            guard read > 0 else { return nil }
            lines += block.withUnsafeBufferPointer { CSVReader.lineFeeds(in: UnsafeBufferPointer(rebasing: $0[0 ..< read])) }
            remaining -= read
        }
        return lines
    }
}

extension CSVReader {
    /// The line feeds in `bytes`, eight bytes at a time: a byte loop over half an IO archive
    /// delayed the second thread's reading by a third of a second.
    static func lineFeeds(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return 0 }
        var feeds = 0
        var offset = 0
        while offset + 8 <= bytes.count {
            // A byte of `word` is 0 where `bytes` has a line feed; its top bit stays clear in
            // `set` exactly then (no carry crosses bytes: each byte adds at most 0x7F + 0x7F).
            let word = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
            let set = ((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | word
            feeds += (~set & 0x8080_8080_8080_8080).nonzeroBitCount
            offset += 8
        }
        while offset < bytes.count {
            if bytes[offset] == 0x0A { feeds += 1 }
            offset += 1
        }
        return feeds
    }
}

/// Ends the second thread's reading when its part is given up.
private struct GiveUp: Error {}

/// Carries the part's empty state to the second thread (unchecked: the caller no longer touches it).
private final class PartBox<Part>: @unchecked Sendable {
    let part: Part
    init(_ part: Part) { self.part = part }
}
