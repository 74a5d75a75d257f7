import ReachGraphCore

/// Numbers 64-bit keys densely in order of first sight, in an open-addressing table.
///
/// A flat table rather than `Dictionary<Int64, Int>` or `Set<Int64>`: deriving relations from
/// posts looks up one (parent, reposter) and one (source, target) key per repost, and Swift's
/// hashed containers (SipHash per key, buckets and values in separate arrays) took a fifth of
/// `summary` on 2.5 million posts. Each slot holds the key and its number side by side, so a
/// lookup touches one cache line. Linear probing, capacity a power of two, at most three quarters full
/// (16 bytes a slot: half full took more memory than the containers it replaced).
/// - Complexity: O(1) expected per lookup.
struct KeyNumbering {
    /// Marks an empty slot; never a key.
    static let emptyKey = UInt64.max

    /// Two words per slot: the key's complement (so an empty slot, ``emptyKey``, is all zeros and
    /// the slots come cleared from ``HugePages/zeros(_:of:)``: on 2 MiB pages, 64 MB of slots
    /// cost a TLB miss per lookup less), then its number.
    private var slots: [UInt64]
    private var mask: Int
    /// How many keys are numbered.
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size * 3 < capacity * 4 { size <<= 1 }
        mask = size - 1
        slots = HugePages.zeros(2 * size, of: UInt64.self)
    }

    /// The number of `key` (not ``emptyKey``), and whether this lookup gave it (the key was new).
    @inline(__always)
    mutating func number(of key: UInt64) -> (number: Int, isNew: Bool) {
        let stored = ~key
        var slot = Int(truncatingIfNeeded: Self.mix(key)) & mask
        while true {
            let found = slots[2 * slot]
            if found == stored { return (Int(slots[2 * slot + 1]), false) }
            if found == 0 { break }
            slot = (slot + 1) & mask
        }
        if (count + 1) * 4 > (mask + 1) * 3 {
            grow()
            return number(of: key)
        }
        slots[2 * slot] = stored
        slots[2 * slot + 1] = UInt64(count)
        count += 1
        return (count - 1, true)
    }

    /// Reads the slot where a lookup of `key` starts, so a lookup made a little later finds it in
    /// cache: the caller touches the keys some rows ahead and the misses overlap.
    @inline(__always)
    func touch(_ key: UInt64) -> UInt64 {
        slots.withUnsafeBufferPointer { $0[2 * (Int(truncatingIfNeeded: Self.mix(key)) & mask)] }
    }

    private mutating func grow() {
        let old = slots
        let size = (mask + 1) * 2
        mask = size - 1
        slots = HugePages.zeros(2 * size, of: UInt64.self)
        for slot in stride(from: 0, to: old.count, by: 2) where old[slot] != 0 {
            var target = Int(truncatingIfNeeded: Self.mix(~old[slot])) & mask
            while slots[2 * target] != 0 { target = (target + 1) & mask }
            slots[2 * target] = old[slot]
            slots[2 * target + 1] = old[slot + 1]
        }
    }

    /// SplitMix64's finaliser: keys that differ in a few low bits land far apart.
    @inline(__always)
    private static func mix(_ key: UInt64) -> UInt64 {
        var value = key &+ 0x9E37_79B9_7F4A_7C15
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
