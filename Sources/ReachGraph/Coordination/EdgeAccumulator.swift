/// Running totals per unordered account pair, in an open-addressing table keyed by the pair.
///
/// A flat table of 40-byte entries rather than a `Dictionary`: co-action detection updates it
/// once or twice per matched pair (tens of millions on a large log), and with every total of a
/// pair in one entry an update touches one cache line instead of one per field. Linear probing,
/// capacity a power of two, at most half full.
struct EdgeAccumulator {
    static let emptyKey = UInt64.max

    struct Entry {
        /// The pair (see ``EdgeAccumulator/key(_:_:)``), or ``EdgeAccumulator/emptyKey``.
        var key: UInt64 = EdgeAccumulator.emptyKey
        /// Co-action pairs.
        var pairs = 0
        /// Sum of `|Δt|` over the pairs.
        var deltaSum = 0.0
        /// Distinct objects, counted with `lastObject` as a stamp (an object's pairs come together).
        var objects: Int32 = 0
        var lastObject: Int32 = -1
        /// Distinct messages of the lower-indexed account matched by the other, and the reverse.
        var lowMessages: Int32 = 0
        var highMessages: Int32 = 0
    }

    private(set) var entries: [Entry]
    private(set) var count = 0
    private var mask: Int

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        mask = size - 1
        entries = [Entry](repeating: Entry(), count: size)
    }

    /// The key of the unordered pair `a`, `b`: lower index in the high half.
    @inline(__always)
    static func key(_ a: Int32, _ b: Int32) -> UInt64 {
        a <= b ? UInt64(UInt32(a)) << 32 | UInt64(UInt32(b)) : UInt64(UInt32(b)) << 32 | UInt64(UInt32(a))
    }

    /// The slot of `key`, inserting it when new. Slots stay valid until the next insertion.
    @inline(__always)
    mutating func slot(for key: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: Self.mix(key)) & mask
        while true {
            let stored = entries[slot].key
            if stored == key { return slot }
            if stored == Self.emptyKey { break }
            slot = (slot + 1) & mask
        }
        if (count + 1) * 2 > entries.count {
            grow()
            return self.slot(for: key)
        }
        entries[slot].key = key
        count += 1
        return slot
    }

    /// The slot of `key`, or `nil` when absent.
    func existingSlot(for key: UInt64) -> Int? {
        var slot = Int(truncatingIfNeeded: Self.mix(key)) & mask
        while true {
            let stored = entries[slot].key
            if stored == key { return slot }
            if stored == Self.emptyKey { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// Records one pair of `object` with time difference `delta`; returns the pair's slot.
    @inline(__always)
    mutating func addPair(_ key: UInt64, object: Int32, delta: Double) -> Int {
        let slot = slot(for: key)
        entries[slot].pairs += 1
        entries[slot].deltaSum += delta
        if entries[slot].lastObject != object {
            entries[slot].lastObject = object
            entries[slot].objects += 1
        }
        return slot
    }

    /// Counts one matched message on the lower (`low`) or higher side of the pair at `slot`.
    @inline(__always)
    mutating func addMessage(at slot: Int, low: Bool) {
        if low { entries[slot].lowMessages += 1 } else { entries[slot].highMessages += 1 }
    }

    /// Every occupied slot, in table order.
    var occupiedSlots: [Int] { entries.indices.filter { entries[$0].key != Self.emptyKey } }

    /// Sets both sides of every self-loop to its matched messages (its two sides are one account).
    mutating func mirrorSelfLoops() {
        for slot in entries.indices where entries[slot].key != Self.emptyKey && entries[slot].key >> 32 == entries[slot].key & 0xFFFF_FFFF {
            entries[slot].highMessages = entries[slot].lowMessages
        }
    }

    private mutating func grow() {
        var bigger = EdgeAccumulator(capacity: entries.count)
        for entry in entries where entry.key != Self.emptyKey {
            let target = bigger.slot(for: entry.key)
            bigger.entries[target] = entry
        }
        self = bigger
    }

    /// SplitMix64's finaliser: spreads consecutive account pairs over the table.
    @inline(__always)
    static func mix(_ key: UInt64) -> UInt64 {
        var value = key &+ 0x9E37_79B9_7F4A_7C15
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
