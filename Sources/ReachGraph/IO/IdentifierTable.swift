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
///
/// Decimal identifiers of 8 to 19 digits without a leading zero (tweet and post ids such as
/// `700000000000895953`) are keyed by their value instead: the key word holds the number, so
/// they too are found without the arena, with one cache miss where a long id took two (one for
/// the slot, one for the arena and its `memcmp`: 39 % of reading a million posts). The top bit of
/// their hash marks them, so a number never matches a text key with the same word. Text such as
/// `007…` or `+1…` stays text, so every identifier round-trips byte for byte. Identifiers of 8
/// to 10 letters, digits and underscores (`user44065`, most account ids) are packed six bits a
/// character into the key word, under a top nibble (0xE) that neither short keys (top byte at
/// most 7) nor long ones (0xFF) have: they too are exact, never compared in the arena.
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

    /// Calls `body` with the UTF-8 bytes of the identifier with index `index`, without making a
    /// `String` (binding a million values to SQL statements).
    @inline(__always)
    public func withUTF8<Result>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try arena.withUnsafeBufferPointer { arena in
            try body(UnsafeBufferPointer(rebasing: arena[offsets[index] ..< offsets[index + 1]]))
        }
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
        let key = Self.key(bytes)
        let (found, slot) = find(bytes, key)
        if found >= 0 { return Int32(found) }
        return insert(bytes, word: key.word, hash: key.hash, slot: slot)
    }

    /// How `bytes` are looked up: the key word, the hash, and whether an equal key word and hash
    /// prove the bytes equal (short and decimal identifiers) or the arena must be compared.
    struct Key {
        var word: UInt64
        var hash: UInt32
        var exact: Bool
    }

    @inline(__always)
    static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> Key {
        if let value = decimalValue(bytes) { return Key(word: value, hash: decimalHash(value), exact: true) }
        if let packed = packedWord(bytes) { return Key(word: packed, hash: decimalHash(packed) & 0x7FFF_FFFF, exact: true) }
        let word = keyWord(bytes)
        return Key(word: word, hash: hash(bytes, keyWord: word), exact: bytes.count <= 7)
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
            let (found, slot) = find(bytes, Key(word: key.word, hash: key.hash, exact: true))
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

    /// The hash of a decimal identifier's value, with the top bit set (text hashes have it clear).
    @inline(__always)
    static func decimalHash(_ value: UInt64) -> UInt32 {
        var state = value &* 0x9E37_79B9_7F4A_7C15
        state ^= state >> 29
        state = state &* 0xBF58_476D_1CE4_E5B9
        state ^= state >> 32
        return UInt32(truncatingIfNeeded: state) | 0x8000_0000
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

    /// A 31-bit hash (the top bit marks decimal keys): for short identifiers a mix of the key word
    /// (which holds every byte and the length), otherwise eight bytes at a time
    /// (multiply–xor–shift, as in wyhash's spirit).
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
        return UInt32(truncatingIfNeeded: state) & 0x7FFF_FFFF
    }
}
