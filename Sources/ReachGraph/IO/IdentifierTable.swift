#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ReachGraphCore

/// Interns identifiers given as UTF-8 bytes, numbering them densely in order of first sight.
///
/// Hand-written open addressing over one byte arena rather than `Dictionary<String, Int32>`:
/// a dictionary needs a `String` per lookup, and with 20 million lookups when loading a
/// 10-million-row edge list that allocation and hashing dominated the load (BENCHMARKS.md).
///
/// Each slot is 16 bytes: a *key word* and the hash with the index. ``key(_:)`` is the one place
/// that decides what the key word holds. Most identifiers are *exact*: the key word holds the
/// identifier whole, so equal key words (and hashes) prove equal identifiers, a lookup touches one
/// cache line of the table and never the arena, and the identifier can be spelled back from the
/// word (``spell(_:into:)``), so a batch of lookups needs no pointer into the reader's buffer.
/// With a million distinct ids the table no longer fits in cache; the earlier layout (index-only
/// slots, then a hash array, an offsets array and the arena) took four dependent cache misses per
/// lookup, over half the load time of a 10M-edge file, and an arena-compared id still takes two
/// (the slot, then the offsets and the arena: 39 % of reading a million posts). The exact forms:
/// - up to seven bytes (`u123456`): the bytes, the length in the top byte (0–7);
/// - decimal identifiers of 8 to 19 digits without a leading zero (tweet and post ids such as
///   `700000000000895953`): their value, the top bit of the hash marking them so a number never
///   matches a text key with the same word; `007…` or `+1…` stay text, so every identifier
///   round-trips byte for byte;
/// - 8 to 10 letters, digits and underscores (`user44065`, most account ids): six bits a
///   character under a top nibble of 0xE;
/// - any other eight ASCII bytes (`u.123456`): seven bits a byte under a top byte of 8.
///
/// Longer identifiers keep their first seven bytes under a top byte of 0xFF, which no exact form
/// has, as a filter, and are compared in the arena.
public struct IdentifierTable: Sendable {
    private var arena: [UInt8] = []
    /// `count + 1` offsets into `arena`.
    private var offsets: [Int] = [0]
    /// Two words per slot: the key word, then `hash << 32 | (index + 1)`; a zero second word marks
    /// an empty slot.
    private var slots: [UInt64]
    /// Slot count − 1 (slot count is a power of two).
    private var mask: Int
    /// The most slots in a hundred that may be filled before the slots double: 50, or more for
    /// a table sized once from an estimate (``reserveCapacity(_:bytes:loadPercent:)``).
    private var loadPercent = 50

    /// A table with room for `capacity` identifiers before its slots double; `loadPercent` as in
    /// ``reserveCapacity(_:bytes:loadPercent:)``.
    public init(capacity: Int = 1024, loadPercent: Int = 50) {
        self.loadPercent = loadPercent
        var size = 16
        while capacity * 100 > size * loadPercent { size <<= 1 }
        slots = HugePages.zeros(2 * size, of: UInt64.self)
        mask = size - 1
    }

    /// The number of distinct identifiers.
    public var count: Int { offsets.count - 1 }

    /// The bytes of all identifiers together.
    var byteCount: Int { arena.count }

    /// Bytes held by the table's storage (arena, offsets and slots), for memory reports.
    public var storageBytes: Int {
        arena.capacity + offsets.capacity * MemoryLayout<Int>.stride + slots.capacity * MemoryLayout<UInt64>.stride
    }

    /// The identifier with index `index`.
    public func identifier(at index: Int) -> String {
        // Bytes were checked when first interned.
        String(decoding: arena[offsets[index] ..< offsets[index + 1]], as: UTF8.self)
    }

    /// Calls `body` with the UTF-8 bytes of the identifier with index `index`, without making a
    /// `String` (binding a million values to SQL statements).
    @inline(__always)
    public func withUTF8<Result>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try arena.withUnsafeBufferPointer { arena in
            try body(UnsafeBufferPointer(rebasing: arena[offsets[index] ..< offsets[index + 1]]))
        }
    }

    /// Calls `body` with the table's bytes pinned: `bytes[index]` is the identifier with index
    /// `index` without a call per identifier, valid until `body` returns (binding millions of
    /// values to SQL statements without SQLite copying each).
    public func withUnsafeUTF8<Result>(_ body: (UnsafeIdentifierBytes) throws -> Result) rethrows -> Result {
        try arena.withUnsafeBufferPointer { arena in
            try offsets.withUnsafeBufferPointer { offsets in try body(UnsafeIdentifierBytes(arena: arena, offsets: offsets)) }
        }
    }

    /// All identifiers in index order.
    public var identifiers: [String] { (0 ..< count).map(identifier(at:)) }

    /// Makes room for `count` identifiers (and `bytes` bytes of them) without growing on the way.
    /// The slots are rehashed once, into the final size: doubling up to it would clear and
    /// rehash every size in between (clearing fresh pages took 11 % of reading a 1.4 GB IO archive).
    /// `loadPercent`, when given, is how full the slots may get from now on (50 by default): a
    /// table sized from an estimate takes more, so ten million strings fit 2^24 slots (256 MB)
    /// rather than 2^25, at the price of longer probes.
    public mutating func reserveCapacity(_ count: Int, bytes: Int = 0, loadPercent: Int? = nil) {
        if let loadPercent { self.loadPercent = loadPercent }
        var size = mask + 1
        while count * 100 > size * self.loadPercent { size <<= 1 }
        if size > mask + 1 { rehash(into: size) }
        if bytes > arena.capacity { arena.reserveCapacity(bytes) }
        if bytes > 0 { offsets.reserveCapacity(count + 1) }
    }

    /// The index of `bytes`, adding it when new. Returns `nil` when new bytes are not valid UTF-8.
    @inline(__always)
    public mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let key = Self.key(bytes)
        let (found, slot) = find(bytes, key)
        if found >= 0 { return Int32(found) }
        return insert(bytes, word: key.word, hash: key.hash, slot: slot)
    }

    /// How `bytes` are looked up: the key word, the hash, and whether an equal key word and hash
    /// prove the bytes equal (the exact forms) or the arena must be compared.
    struct Key {
        var word: UInt64
        var hash: UInt32
        var exact: Bool
    }

    /// The key of `bytes`: the one definition of every form (see the type's documentation).
    @inline(__always)
    static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> Key {
        if let value = decimalValue(bytes) { return Key(word: value, hash: mix(value) | 0x8000_0000, exact: true) }
        let word = keyWord(bytes)
        if word >> 56 != 0xFF { return Key(word: word, hash: mix(word) & 0x7FFF_FFFF, exact: true) }
        return Key(word: word, hash: textHash(bytes), exact: false)
    }

    /// The key of `bytes` when it is exact and ASCII: such an identifier can be interned later by
    /// ``intern(exactKey:)`` from the key alone, which cannot fail.
    @inline(__always)
    static func exactKey(_ bytes: UnsafeBufferPointer<UInt8>) -> Key? {
        let key = key(bytes)
        // Only the short form can hold non-ASCII bytes (bytes 0–6 of the word).
        guard key.exact, key.hash & 0x8000_0000 != 0 || key.word >> 56 > 7 || key.word & 0x0080_8080_8080_8080 == 0 else { return nil }
        return key
    }

    /// Reads the slot where a lookup of `hash` starts. Used to fetch the slots of a batch of
    /// lookups before doing them: the reads are independent, so the processor overlaps their
    /// cache misses instead of waiting for each in turn, as a lookup must.
    @inline(__always)
    func touch(_ hash: UInt32) -> UInt64 {
        slots.withUnsafeBufferPointer { $0[2 * (Int(hash) & mask) + 1] }
    }

    /// The index of the identifier that the exact, ASCII `key` holds, adding it when new.
    @inline(__always)
    mutating func intern(exactKey key: Key) -> Int32 {
        let (found, slot) = find(UnsafeBufferPointer(start: nil, count: 0), key)
        if found >= 0 { return Int32(found) }
        return insertSpelled(key, slot: slot)
    }

    @inline(never)
    private mutating func insertSpelled(_ key: Key, slot: Int) -> Int32 {
        var spelled: (UInt64, UInt64, UInt64) = (0, 0, 0)
        return withUnsafeMutableBytes(of: &spelled) { raw in
            let buffer = raw.bindMemory(to: UInt8.self)
            let count = Self.spell(key, into: buffer)
            // ASCII is valid UTF-8, so the insertion cannot fail.
            return insert(UnsafeBufferPointer(rebasing: buffer[0 ..< count]), word: key.word, hash: key.hash, slot: slot) ?? -1
        }
    }

    /// The index here of every identifier of `other`, in `other`'s order, each added when new:
    /// a table filled from a later part of the same input joins this one as if its identifiers
    /// had been interned here in turn.
    /// - Complexity: O(`other.count`) lookups.
    ///
    /// The two halves of an edge list share most of their ids, so every id is first looked up on
    /// the library's threads, this table only read (``indices(of:)``), and only those not found
    /// are then interned, in `other`'s order on this thread: the numbering is the one a loop
    /// interning each in turn gives. Grows as it goes, with no room reserved for `other`: room for
    /// both counts took 550 MB more at 100M edges (BENCHMARKS.md).
    mutating func intern(contentsOf other: IdentifierTable) -> [Int32] {
        var indices = self.indices(of: other)
        let batch = 64
        var pending = [Int](repeating: 0, count: batch)
        var keys = [Key](repeating: Key(word: 0, hash: 0, exact: true), count: batch)
        var touched: UInt64 = 0
        other.arena.withUnsafeBufferPointer { arena in
            other.offsets.withUnsafeBufferPointer { offsets in
                func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: arena[offsets[index] ..< offsets[index + 1]]) }
                var next = 0
                while next < indices.count {
                    // A batch of ids not found; their slots fetched first, so the misses overlap.
                    var filled = 0
                    while filled < batch && next < indices.count {
                        if indices[next] < 0 {
                            pending[filled] = next
                            keys[filled] = Self.key(bytes(next))
                            filled += 1
                        }
                        next += 1
                    }
                    for entry in 0 ..< filled { touched &+= touch(keys[entry].hash) }
                    for entry in 0 ..< filled {
                        let index = pending[entry], key = keys[entry]
                        // Not here before the batch, and `other`'s ids differ from each other, so
                        // the lookup finds the empty slot to fill. The bytes were valid UTF-8 when
                        // `other` took them.
                        let (found, slot) = find(bytes(index), key)
                        indices[index] = found >= 0 ? Int32(found) : insert(bytes(index), word: key.word, hash: key.hash, slot: slot) ?? -1
                    }
                }
            }
        }
        Self.keep(touched)
        return indices
    }

    /// The index here of every identifier of `other` (−1 when it is not here), looked up in chunks
    /// on the library's threads, this table only read. A batch's keys are computed first and its
    /// slots then fetched one after another, so their cache misses overlap (with a key computed
    /// between two fetches, this took 2.6 times the CPU of one thread's lookups at 100M edges).
    func indices(of other: IdentifierTable) -> [Int32] {
        var indices = [Int32](repeating: -1, count: other.count)
        let table = self
        other.arena.withUnsafeBufferPointer { arena in
            other.offsets.withUnsafeBufferPointer { offsets in
                indices.withUnsafeMutableBufferPointer { indices in
                    func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: arena[offsets[index] ..< offsets[index + 1]]) }
                    // Each chunk writes only its own indices.
                    _ = forEachChunk(of: indices.count, chunkSize: 1 << 16, parallelism: .automatic, makeScratch: { [Key](repeating: Key(word: 0, hash: 0, exact: true), count: 64) }) { keys, range in
                        var touched: UInt64 = 0
                        var start = range.lowerBound
                        while start < range.upperBound {
                            let end = min(start + keys.count, range.upperBound)
                            for index in start ..< end { keys[index - start] = Self.key(bytes(index)) }
                            for index in start ..< end { touched &+= table.touch(keys[index - start].hash) }
                            for index in start ..< end {
                                let found = table.find(bytes(index), keys[index - start]).index
                                if found >= 0 { indices[index] = Int32(found) }
                            }
                            start = end
                        }
                        Self.keep(touched)
                    }
                }
            }
        }
        return indices
    }

    /// A table of the identifiers of `source` at `indices` (each index once), numbered in that
    /// order: ``intern(contentsOf:)`` of a selection, with room for all of it reserved at once and
    /// no `String` per identifier (the shares of 2.5 million posts, ``ShareLog/init(posts:object:)-(PostTable,_)``).
    /// - Complexity: O(`indices.count`) lookups.
    public init(selecting indices: [Int32], of source: IdentifierTable) {
        self.init(capacity: 0)
        let bytes = indices.reduce(0) { $0 + source.offsets[Int($1) + 1] - source.offsets[Int($1)] }
        reserveCapacity(indices.count, bytes: bytes)
        _ = internInOrder(source, selecting: indices)
    }

    /// ``intern(contentsOf:)`` emptying `other`: its lookup slots (a quarter of a gigabyte for
    /// half an IO archive) are given up before this table grows, its bytes once they are copied.
    /// Room for all of `other` is taken at once, since an IO archive's parts share few strings and
    /// growing by doubling would hold an old and a new copy of a half-filled arena beside `other`
    /// (a peak over 2 GB merging an IO archive).
    ///
    /// Looks `other`'s identifiers up on the library's threads first, this table only read
    /// (``lookUp(_:)``), then adds those not found in `other`'s order on this thread: the lookups
    /// (a key, often a hash over a tweet's text, and a cache miss each) were most of merging half
    /// an IO archive on one thread.
    mutating func intern(takingContentsOf other: inout IdentifierTable) -> [Int32] {
        other.slots = []
        other.mask = 0
        reserveCapacity(count + other.count)
        arena.reserveCapacity(arena.count + other.arena.count)
        offsets.reserveCapacity(offsets.count + other.count)
        let indices = internLookedUp(other, lookUp(other))
        other = IdentifierTable(capacity: 0)
        return indices
    }

    /// Where each identifier of `other` is here: its index, or −1 − the slot where its probe
    /// stopped at an empty one; with its key word and hash, for ``internLookedUp(_:_:)``.
    struct LookUps {
        var found: [Int]
        var words: [UInt64]
        var hashes: [UInt32]
    }

    /// Looks every identifier of `other` up here in chunks on the library's threads, reading
    /// this table only (a batch's slots fetched first, as ``indices(of:)`` does).
    private func lookUp(_ other: IdentifierTable) -> LookUps {
        let count = other.count
        var result = LookUps(found: [Int](repeating: 0, count: count), words: [UInt64](repeating: 0, count: count), hashes: [UInt32](repeating: 0, count: count))
        let table = self
        other.arena.withUnsafeBufferPointer { arena in
            other.offsets.withUnsafeBufferPointer { offsets in
                result.found.withUnsafeMutableBufferPointer { found in
                    result.words.withUnsafeMutableBufferPointer { words in
                        result.hashes.withUnsafeMutableBufferPointer { hashes in
                            func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: arena[offsets[index] ..< offsets[index + 1]]) }
                            // Each chunk writes only its own indices of the three arrays.
                            _ = forEachChunk(of: count, chunkSize: 1 << 16, parallelism: .automatic, makeScratch: { [Key](repeating: Key(word: 0, hash: 0, exact: true), count: 16) }) { keys, range in
                                var touched: UInt64 = 0
                                var start = range.lowerBound
                                while start < range.upperBound {
                                    let end = min(start + keys.count, range.upperBound)
                                    for index in start ..< end {
                                        keys[index - start] = Self.key(bytes(index))
                                        touched &+= table.touch(keys[index - start].hash)
                                    }
                                    for index in start ..< end {
                                        let key = keys[index - start]
                                        let probe = table.find(bytes(index), key)
                                        found[index] = probe.index >= 0 ? probe.index : -1 - probe.slot
                                        words[index] = key.word
                                        hashes[index] = key.hash
                                    }
                                    start = end
                                }
                                Self.keep(touched)
                            }
                        }
                    }
                }
            }
        }
        return result
    }

    /// Adds the identifiers of `other` that ``lookUp(_:)`` did not find, in `other`'s order, and
    /// returns the index here of each. None of them is here and they differ from each other, so
    /// each goes to the first empty slot from where its lookup stopped: the slots before it were
    /// full then and still are. The room was reserved, so the slots do not move meanwhile.
    private mutating func internLookedUp(_ other: IdentifierTable, _ lookUps: LookUps) -> [Int32] {
        var indices = [Int32](repeating: -1, count: other.count)
        let batch = 16
        var touched: UInt64 = 0
        other.arena.withUnsafeBufferPointer { arena in
            other.offsets.withUnsafeBufferPointer { offsets in
                var start = 0
                while start < indices.count {
                    let end = min(start + batch, indices.count)
                    for index in start ..< end where lookUps.found[index] < 0 { touched &+= touch(lookUps.hashes[index]) }
                    for index in start ..< end {
                        let found = lookUps.found[index]
                        guard found < 0 else {
                            indices[index] = Int32(found)
                            continue
                        }
                        var slot = -1 - found
                        while slots[2 * slot + 1] != 0 { slot = (slot + 1) & mask }
                        // The bytes were valid UTF-8 when `other` took them.
                        indices[index] = insert(UnsafeBufferPointer(rebasing: arena[offsets[index] ..< offsets[index + 1]]), word: lookUps.words[index], hash: lookUps.hashes[index], slot: slot) ?? -1
                    }
                    start = end
                }
            }
        }
        Self.keep(touched)
        return indices
    }

    /// The interning loop of ``intern(contentsOf:)``, which reads only `other`'s bytes: all of
    /// them, or those at `selection` in its order.
    private mutating func internInOrder(_ other: IdentifierTable, selecting selection: [Int32]? = nil) -> [Int32] {
        var indices = [Int32](repeating: -1, count: selection?.count ?? other.count)
        let batch = 64
        var keys = [Key](repeating: Key(word: 0, hash: 0, exact: true), count: batch)
        var touched: UInt64 = 0
        other.arena.withUnsafeBufferPointer { arena in
            other.offsets.withUnsafeBufferPointer { offsets in
                func bytes(_ position: Int) -> UnsafeBufferPointer<UInt8> {
                    let index = selection.map { Int($0[position]) } ?? position
                    return UnsafeBufferPointer(rebasing: arena[offsets[index] ..< offsets[index + 1]])
                }
                var start = 0
                while start < indices.count {
                    let end = min(start + batch, indices.count)
                    for index in start ..< end { keys[index - start] = Self.key(bytes(index)) }
                    // The reads follow one another with nothing between them, so all their misses
                    // are under way at once (computing a key between two reads left few in flight).
                    for index in start ..< end { touched &+= touch(keys[index - start].hash) }
                    for index in start ..< end {
                        let key = keys[index - start]
                        let (found, slot) = find(bytes(index), key)
                        // The bytes were valid UTF-8 when `other` took them.
                        indices[index] = found >= 0 ? Int32(found) : insert(bytes(index), word: key.word, hash: key.hash, slot: slot) ?? -1
                    }
                    start = end
                }
            }
        }
        Self.keep(touched)
        return indices
    }

    /// Uses a value the optimiser cannot see used otherwise: the slots read only to fetch them
    /// into the cache would be dropped as dead loads.
    @_optimize(none) @inline(never)
    static func keep(_ value: UInt64) {}

    /// The index of `identifier`, adding it when new.
    public mutating func intern(_ identifier: String) -> Int32 {
        var copy = identifier
        return copy.withUTF8 { intern($0) } ?? -1 // a Swift String is always valid UTF-8
    }

    /// The index of `identifier`, or `nil` when it was never interned.
    public func index(of identifier: String) -> Int32? {
        var copy = identifier
        return copy.withUTF8 { bytes -> Int32? in
            let found = find(bytes, Self.key(bytes)).index
            return found >= 0 ? Int32(found) : nil
        }
    }

    /// The index of `bytes` (or -1) and the slot where the probe stopped.
    @inline(__always)
    private func find(_ bytes: UnsafeBufferPointer<UInt8>, _ key: Key) -> (index: Int, slot: Int) {
        let tag = UInt64(key.hash) << 32
        let word = key.word
        let mask = self.mask
        return slots.withUnsafeBufferPointer { slots in
            var slot = Int(key.hash) & mask
            while true {
                let meta = slots[2 * slot + 1]
                if meta == 0 { return (-1, slot) }
                if meta & 0xFFFF_FFFF_0000_0000 == tag && slots[2 * slot] == word {
                    let index = Int(truncatingIfNeeded: meta & 0xFFFF_FFFF) - 1
                    if key.exact || equalsArena(index, bytes) { return (index, slot) }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Adds `bytes` at the empty `slot`; kept out of line so the lookup stays small.
    @inline(never)
    private mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, word: UInt64, hash: UInt32, slot: Int) -> Int32? {
        guard Self.isASCII(bytes) || String(validating: bytes, as: UTF8.self) != nil else { return nil }
        let index = count
        arena.append(contentsOf: bytes)
        offsets.append(arena.count)
        slots[2 * slot] = word
        slots[2 * slot + 1] = UInt64(hash) << 32 | UInt64(index + 1)
        if count * 100 > (mask + 1) * loadPercent { grow() }
        return Int32(index)
    }

    private func equalsArena(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = offsets[index]
        guard offsets[index + 1] - start == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { arena in
            guard let base = bytes.baseAddress, let stored = arena.baseAddress else { return bytes.isEmpty }
            return memcmp(stored + start, base, bytes.count) == 0
        }
    }

    private mutating func grow() {
        rehash(into: (mask + 1) * 2)
    }

    /// Moves the slots into a table of `size` slots (a power of two).
    private mutating func rehash(into size: Int) {
        let newMask = size - 1
        // Lookups land anywhere in the table: huge pages save a TLB miss on nearly every one.
        var newSlots = HugePages.zeros(2 * size, of: UInt64.self)
        newSlots.withUnsafeMutableBufferPointer { newSlots in
            slots.withUnsafeBufferPointer { slots in
                for old in 0 ... mask where slots[2 * old + 1] != 0 {
                    let meta = slots[2 * old + 1]
                    var slot = Int(truncatingIfNeeded: meta >> 32) & newMask
                    while newSlots[2 * slot + 1] != 0 { slot = (slot + 1) & newMask }
                    newSlots[2 * slot] = slots[2 * old]
                    newSlots[2 * slot + 1] = meta
                }
            }
        }
        slots = newSlots
        mask = newMask
    }

    /// Whether every byte is ASCII (and so the bytes valid UTF-8), eight bytes at a time.
    @inline(__always)
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return true }
        var offset = 0
        var high: UInt64 = 0
        while offset + 8 <= bytes.count {
            high |= base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        while offset < bytes.count {
            high |= UInt64(bytes[offset])
            offset += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    /// The value of a decimal identifier of 8 to 19 digits whose first digit is not 0, else `nil`
    /// (shorter ones already fit the key word; 19 digits always fit a `UInt64`).
    @inline(__always)
    static func decimalValue(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        let count = bytes.count
        guard count >= 8, count <= 19, let base = bytes.baseAddress, base[0] > 0x30, base[0] <= 0x39 else { return nil }
        var value: UInt64 = 0
        var offset = 0
        while offset + 8 <= count {
            let chunk = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self).littleEndian
            // Every byte is 0x30...0x39 exactly when its high nibble is 3 and adding 6 keeps it so.
            let nibbles: UInt64 = 0xF0F0_F0F0_F0F0_F0F0
            let highNibbles: UInt64 = chunk & nibbles
            let carried: UInt64 = ((chunk &+ 0x0606_0606_0606_0606) & nibbles) >> 4
            guard highNibbles | carried == 0x3333_3333_3333_3333 else { return nil }
            // Eight digits (the first in the low byte) to their value in three multiplications.
            var digits: UInt64 = chunk &- 0x3030_3030_3030_3030
            digits = digits &* 10 &+ (digits >> 8)
            let pairs: UInt64 = 0x0000_00FF_0000_00FF
            let hundreds: UInt64 = (digits & pairs) &* (100 + (1_000_000 << 32))
            let ones: UInt64 = ((digits >> 16) & pairs) &* (1 + (10_000 << 32))
            value = value &* 100_000_000 &+ ((hundreds &+ ones) >> 32)
            offset += 8
        }
        while offset < count {
            let digit = base[offset] &- 0x30
            guard digit < 10 else { return nil }
            value = value &* 10 &+ UInt64(digit)
            offset += 1
        }
        return value
    }

    /// An identifier of 8 to 10 characters from `0-9A-Za-z_` as codes 1–63, six bits each, the
    /// first character highest, under a top nibble of 0xE; `nil` for any other. Codes are never 0,
    /// so the length is where the highest code sits and no two identifiers share a word.
    @inline(__always)
    static func packedWord(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        let count = bytes.count
        guard count >= 8, count <= 10, let base = bytes.baseAddress else { return nil }
        var word: UInt64 = 0
        for offset in 0 ..< count {
            let byte = base[offset]
            let code: UInt8
            if byte &- 0x30 < 10 {
                code = byte - 0x2F
            } else if byte &- 0x61 < 26 {
                code = byte - 0x61 + 37
            } else if byte &- 0x41 < 26 {
                code = byte - 0x41 + 11
            } else if byte == 0x5F {
                code = 63
            } else {
                return nil
            }
            word = word << 6 | UInt64(code)
        }
        return word | 0xE << 60
    }

    /// A 32-bit mix of a key word (splitmix64's finaliser); the caller sets or clears the top bit.
    @inline(__always)
    static func mix(_ word: UInt64) -> UInt32 {
        var state = word &* 0x9E37_79B9_7F4A_7C15
        state ^= state >> 29
        state = state &* 0xBF58_476D_1CE4_E5B9
        state ^= state >> 32
        return UInt32(truncatingIfNeeded: state)
    }

    /// The key word of a text identifier (see the type's documentation): one of the exact forms,
    /// else the first seven bytes under a top byte of 0xFF.
    @inline(__always)
    static func keyWord(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return 0 }
        let count = bytes.count
        if count >= 8 && count <= 10 {
            if let packed = packedWord(bytes) { return packed }
            if count == 8 {
                let whole = UInt64(littleEndian: base.loadUnaligned(as: UInt64.self))
                if whole & 0x8080_8080_8080_8080 == 0 { return packASCII(whole) | 8 << 56 }
            }
        }
        let prefix = min(count, 7)
        var word: UInt64 = 0
        if prefix >= 4 {
            // Two overlapping 4-byte loads cover 4 to 7 bytes without a byte loop.
            let low = UInt64(UInt32(littleEndian: base.loadUnaligned(as: UInt32.self)))
            let high = UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: prefix - 4, as: UInt32.self)))
            word = low | high << UInt64(8 * (prefix - 4))
        } else {
            for offset in 0 ..< prefix { word |= UInt64(bytes[offset]) << UInt64(8 * offset) }
        }
        return word | (count <= 7 ? UInt64(count) : 0xFF) << 56
    }

    /// Writes the identifier that the exact `key` holds into `buffer` (at least 20 bytes) and
    /// returns its length: the inverse of ``key(_:)`` on the exact forms.
    static func spell(_ key: Key, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let word = key.word
        if key.hash & 0x8000_0000 != 0 {
            var digits = 0
            var rest = word
            repeat { digits += 1; rest /= 10 } while rest > 0
            rest = word
            for offset in stride(from: digits - 1, through: 0, by: -1) {
                buffer[offset] = UInt8(truncatingIfNeeded: rest % 10) + 0x30
                rest /= 10
            }
            return digits
        }
        if word >> 60 == 0xE {
            let codes = word & 0x0FFF_FFFF_FFFF_FFFF
            let count = codes >> 54 != 0 ? 10 : codes >> 48 != 0 ? 9 : 8
            for offset in 0 ..< count {
                let code = UInt8(truncatingIfNeeded: codes >> UInt64(6 * (count - 1 - offset))) & 0x3F
                buffer[offset] = code <= 10 ? code + 0x2F : code <= 36 ? code - 11 + 0x41 : code <= 62 ? code - 37 + 0x61 : 0x5F
            }
            return count
        }
        let count = word >> 56 == 8 ? 8 : Int(word >> 56)
        var whole = (count == 8 ? unpackASCII(word) : word).littleEndian
        withUnsafeBytes(of: &whole) { raw in
            for offset in 0 ..< count { buffer[offset] = raw[offset] }
        }
        return count
    }

    /// Eight 7-bit bytes (little-endian, top bits clear) squeezed into the low 56 bits.
    @inline(__always)
    static func packASCII(_ word: UInt64) -> UInt64 {
        var packed = (word & 0x007F_007F_007F_007F) | (word & 0x7F00_7F00_7F00_7F00) >> 1
        packed = (packed & 0x0000_3FFF_0000_3FFF) | (packed & 0x3FFF_0000_3FFF_0000) >> 2
        return (packed & 0x0000_0000_0FFF_FFFF) | (packed & 0x0FFF_FFFF_0000_0000) >> 4
    }

    /// The inverse of ``packASCII(_:)``, ignoring the top byte.
    @inline(__always)
    static func unpackASCII(_ keyWord: UInt64) -> UInt64 {
        var word = (keyWord & 0x0000_0000_0FFF_FFFF) | (keyWord & 0x00FF_FFFF_F000_0000) << 4
        word = (word & 0x0000_3FFF_0000_3FFF) | (word & 0x0FFF_C000_0FFF_C000) << 2
        return (word & 0x007F_007F_007F_007F) | (word & 0x3F80_3F80_3F80_3F80) << 1
    }

    /// A 31-bit hash of an identifier longer than the key word holds, eight bytes at a time
    /// (multiply–xor–shift, as in wyhash's spirit).
    @inline(__always)
    static func textHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return 0 }
        var state = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            state = (state ^ word) &* 0xBF58_476D_1CE4_E5B9
            state ^= state >> 31
            offset += 8
        }
        if offset < bytes.count {
            // The last eight bytes, overlapping what was already mixed.
            let word = base.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
            state = (state ^ word) &* 0x94D0_49BB_1331_11EB
        }
        return mix(state) & 0x7FFF_FFFF
    }
}

/// An ``IdentifierTable``'s bytes, valid inside ``IdentifierTable/withUnsafeUTF8(_:)``.
public struct UnsafeIdentifierBytes {
    fileprivate let arena: UnsafeBufferPointer<UInt8>
    fileprivate let offsets: UnsafeBufferPointer<Int>

    /// The UTF-8 bytes of the identifier with index `index`.
    @inline(__always)
    public subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: arena[offsets[index] ..< offsets[index + 1]])
    }
}
