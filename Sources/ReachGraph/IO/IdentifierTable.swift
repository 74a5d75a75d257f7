#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Interns identifiers given as UTF-8 bytes, numbering them densely in order of first sight.
///
/// Hand-written open addressing over one byte arena rather than `Dictionary<String, Int32>`:
/// a dictionary needs a `String` per lookup, and with 20 million lookups when loading a
/// 10-million-row edge list that allocation and hashing dominated the load (BENCHMARKS.md).
///
/// Each slot is 16 bytes: a *key word* and the hash with the index. Identifiers of up to seven
/// bytes (`u123456`, most account ids) live entirely in the key word, so a lookup touches one
/// cache line of the table and never the arena. With a million distinct ids the table no longer
/// fits in cache, and the earlier layout (index-only slots, then a hash array, an offsets array and
/// the arena) took four dependent cache misses per lookup: over half the load time of a 10M-edge
/// file. Longer identifiers keep their first seven bytes in the key word as a filter and are
/// compared in the arena.
public struct IdentifierTable: Sendable {
    private var arena: [UInt8] = []
    /// `count + 1` offsets into `arena`.
    private var offsets: [Int] = [0]
    /// Two words per slot: the key word, then `hash << 32 | (index + 1)`; a zero second word marks
    /// an empty slot.
    private var slots: [UInt64]
    /// Slot count − 1 (slot count is a power of two).
    private var mask: Int

    public init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: 2 * size)
        mask = size - 1
    }

    /// The number of distinct identifiers.
    public var count: Int { offsets.count - 1 }

    /// Bytes held by the table's storage (arena, offsets and slots), for memory reports.
    public var storageBytes: Int {
        arena.capacity + offsets.capacity * MemoryLayout<Int>.stride + slots.capacity * MemoryLayout<UInt64>.stride
    }

    /// The identifier with index `index`.
    public func identifier(at index: Int) -> String {
        // Bytes were checked when first interned.
        String(decoding: arena[offsets[index] ..< offsets[index + 1]], as: UTF8.self)
    }

    /// All identifiers in index order.
    public var identifiers: [String] { (0 ..< count).map(identifier(at:)) }

    /// Makes room for `count` identifiers without growing on the way.
    public mutating func reserveCapacity(_ count: Int) {
        while count * 2 > mask + 1 { grow() }
    }

    /// The index of `bytes`, adding it when new. Returns `nil` when new bytes are not valid UTF-8.
    @inline(__always)
    public mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let word = Self.keyWord(bytes)
        let hash = Self.hash(bytes, keyWord: word)
        let (found, slot) = find(bytes, word: word, hash: hash)
        if found >= 0 { return Int32(found) }
        return insert(bytes, word: word, hash: hash, slot: slot)
    }

    /// The key word and hash of `bytes` when they are an ASCII identifier of at most seven bytes,
    /// which the key word holds entirely: such an identifier can be looked up later by
    /// ``intern(shortKey:)`` without its bytes.
    @inline(__always)
    static func shortKey(_ bytes: UnsafeBufferPointer<UInt8>) -> ShortKey? {
        guard bytes.count <= 7 else { return nil }
        let word = keyWord(bytes)
        guard word & 0x0080_8080_8080_8080 == 0 else { return nil }
        return ShortKey(word: word, hash: hash(bytes, keyWord: word))
    }

    struct ShortKey {
        var word: UInt64
        var hash: UInt32
    }

    /// Reads the slot where a lookup of `hash` starts. Used to fetch the slots of a batch of
    /// lookups before doing them: the reads are independent, so the processor overlaps their
    /// cache misses instead of waiting for each in turn, as a lookup must.
    @inline(__always)
    func touch(_ hash: UInt32) -> UInt64 {
        slots.withUnsafeBufferPointer { $0[2 * (Int(hash) & mask) + 1] }
    }

    /// The index of the identifier that `key` holds, adding it when new.
    @inline(__always)
    mutating func intern(shortKey key: ShortKey) -> Int32 {
        var word = key.word.littleEndian
        return withUnsafeBytes(of: &word) { raw in
            let bytes = UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[0 ..< Int(key.word >> 56)])
            let (found, slot) = find(bytes, word: key.word, hash: key.hash)
            if found >= 0 { return Int32(found) }
            // ASCII is valid UTF-8, so the insertion cannot fail.
            return insert(bytes, word: key.word, hash: key.hash, slot: slot) ?? -1
        }
    }

    /// The index of `identifier`, adding it when new.
    public mutating func intern(_ identifier: String) -> Int32 {
        var copy = identifier
        return copy.withUTF8 { intern($0) } ?? -1 // a Swift String is always valid UTF-8
    }

    /// The index of `identifier`, or `nil` when it was never interned.
    public func index(of identifier: String) -> Int32? {
        var copy = identifier
        return copy.withUTF8 { bytes -> Int32? in
            let word = Self.keyWord(bytes)
            let found = find(bytes, word: word, hash: Self.hash(bytes, keyWord: word)).index
            return found >= 0 ? Int32(found) : nil
        }
    }

    /// The index of `bytes` (or -1) and the slot where the probe stopped.
    @inline(__always)
    private func find(_ bytes: UnsafeBufferPointer<UInt8>, word: UInt64, hash: UInt32) -> (index: Int, slot: Int) {
        let tag = UInt64(hash) << 32
        let mask = self.mask
        return slots.withUnsafeBufferPointer { slots in
            var slot = Int(hash) & mask
            while true {
                let meta = slots[2 * slot + 1]
                if meta == 0 { return (-1, slot) }
                if meta & 0xFFFF_FFFF_0000_0000 == tag && slots[2 * slot] == word {
                    let index = Int(truncatingIfNeeded: meta & 0xFFFF_FFFF) - 1
                    if bytes.count <= 7 || equalsArena(index, bytes) { return (index, slot) }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Adds `bytes` at the empty `slot`; kept out of line so the lookup stays small.
    @inline(never)
    private mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, word: UInt64, hash: UInt32, slot: Int) -> Int32? {
        guard String(validating: bytes, as: UTF8.self) != nil else { return nil }
        let index = count
        arena.append(contentsOf: bytes)
        offsets.append(arena.count)
        slots[2 * slot] = word
        slots[2 * slot + 1] = UInt64(hash) << 32 | UInt64(index + 1)
        if count * 2 > mask + 1 { grow() }
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
        let size = (mask + 1) * 2
        let newMask = size - 1
        var newSlots = [UInt64](repeating: 0, count: 2 * size)
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

    /// The identifier itself when it has at most seven bytes (length in the top byte), else its
    /// first seven bytes under a top byte of 0xFF, which no short identifier has.
    @inline(__always)
    static func keyWord(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return 0 }
        let count = bytes.count
        let prefix = min(count, 7)
        var word: UInt64 = 0
        if prefix >= 4 {
            // Two overlapping 4-byte loads cover 4 to 7 bytes without a byte loop.
            let low = UInt64(base.loadUnaligned(as: UInt32.self))
            let high = UInt64(base.loadUnaligned(fromByteOffset: prefix - 4, as: UInt32.self))
            word = low | high << UInt64(8 * (prefix - 4))
        } else {
            for offset in 0 ..< prefix { word |= UInt64(bytes[offset]) << UInt64(8 * offset) }
        }
        return word | (count <= 7 ? UInt64(count) : 0xFF) << 56
    }

    /// A 32-bit hash: for short identifiers a mix of the key word (which holds every byte and the
    /// length), otherwise eight bytes at a time (multiply–xor–shift, as in wyhash's spirit).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, keyWord: UInt64) -> UInt32 {
        var state: UInt64
        if bytes.count <= 7 {
            state = keyWord &* 0x9E37_79B9_7F4A_7C15
        } else {
            state = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
            guard let base = UnsafeRawPointer(bytes.baseAddress) else { return 0 }
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
        }
        state ^= state >> 29
        state = state &* 0xBF58_476D_1CE4_E5B9
        state ^= state >> 32
        return UInt32(truncatingIfNeeded: state)
    }
}
