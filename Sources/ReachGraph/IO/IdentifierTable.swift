/// Interns identifiers given as UTF-8 bytes, numbering them densely in order of first sight.
///
/// Hand-written open addressing over one byte arena rather than `Dictionary<String, Int32>`:
/// a dictionary needs a `String` per lookup, and with 20 million lookups when loading a
/// 10-million-row edge list that allocation and hashing dominated the load (BENCHMARKS.md).
public struct IdentifierTable: Sendable {
    private var arena: [UInt8] = []
    /// `count + 1` offsets into `arena`.
    private var offsets: [Int] = [0]
    /// Identifier index + 1 per slot; 0 marks an empty slot.
    private var slots: [Int32]
    private var hashes: [UInt32] = []
    private var mask: Int

    public init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    /// The number of distinct identifiers.
    public var count: Int { offsets.count - 1 }

    /// The identifier with index `index`.
    public func identifier(at index: Int) -> String {
        // Bytes were checked when first interned.
        String(decoding: arena[offsets[index] ..< offsets[index + 1]], as: UTF8.self)
    }

    /// All identifiers in index order.
    public var identifiers: [String] { (0 ..< count).map(identifier(at:)) }

    /// The index of `bytes`, adding it when new. Returns `nil` when new bytes are not valid UTF-8.
    public mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = Self.hash(bytes)
        var slot = Int(hash) & mask
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { break }
            let index = stored - 1
            if hashes[index] == hash && equals(index, bytes) { return Int32(index) }
            slot = (slot + 1) & mask
        }
        guard String(validating: bytes, as: UTF8.self) != nil else { return nil }
        let index = count
        arena.append(contentsOf: bytes)
        offsets.append(arena.count)
        hashes.append(hash)
        slots[slot] = Int32(index + 1)
        if count * 2 > slots.count { grow() }
        return Int32(index)
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
            let hash = Self.hash(bytes)
            var slot = Int(hash) & mask
            while slots[slot] != 0 {
                let index = Int(slots[slot]) - 1
                if hashes[index] == hash && equals(index, bytes) { return Int32(index) }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    private func equals(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = offsets[index]
        guard offsets[index + 1] - start == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { arena in
            guard let base = bytes.baseAddress, let stored = arena.baseAddress else { return bytes.isEmpty }
            return memcmp(stored + start, base, bytes.count) == 0
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        var newSlots = [Int32](repeating: 0, count: size)
        let newMask = size - 1
        for index in 0 ..< count {
            var slot = Int(hashes[index]) & newMask
            while newSlots[slot] != 0 { slot = (slot + 1) & newMask }
            newSlots[slot] = Int32(index + 1)
        }
        slots = newSlots
        mask = newMask
    }

    /// A 32-bit hash mixing eight bytes at a time (multiply–xor–shift, as in wyhash's spirit).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return UInt32(truncatingIfNeeded: state) }
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            state = (state ^ word) &* 0xBF58_476D_1CE4_E5B9
            state ^= state >> 31
            offset += 8
        }
        if offset < bytes.count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < bytes.count {
                tail |= UInt64(bytes[offset]) << shift
                shift += 8
                offset += 1
            }
            state = (state ^ tail) &* 0x94D0_49BB_1331_11EB
        }
        state ^= state >> 29
        state = state &* 0xBF58_476D_1CE4_E5B9
        state ^= state >> 32
        return UInt32(truncatingIfNeeded: state)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
