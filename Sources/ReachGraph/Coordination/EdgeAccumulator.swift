/// Running totals per unordered account pair, in an open-addressing table keyed by the pair.
///
/// A flat table of parallel arrays rather than a `Dictionary`: co-action detection updates it
/// once per matched pair (tens of millions on a large log), where a dictionary of structs costs
/// several times the time and memory. Linear probing, capacity a power of two, at most half full.
struct EdgeAccumulator {
    static let emptyKey = UInt64.max

    private(set) var keys: [UInt64]
    /// Co-action pairs.
    private(set) var pairs: [Int]
    /// Sum of `|Δt|` over the pairs.
    private(set) var deltaSums: [Double]
    /// Distinct objects, counted with ``lastObject`` as a stamp (an object's pairs come together).
    private(set) var objects: [Int32]
    private var lastObject: [Int32]
    /// Distinct messages of the lower-indexed account matched by the other, and the reverse.
    var lowMessages: [Int32]
    var highMessages: [Int32]
    private(set) var count = 0
    private var mask: Int

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        mask = size - 1
        keys = [UInt64](repeating: Self.emptyKey, count: size)
        pairs = [Int](repeating: 0, count: size)
        deltaSums = [Double](repeating: 0, count: size)
        objects = [Int32](repeating: 0, count: size)
        lastObject = [Int32](repeating: -1, count: size)
        lowMessages = [Int32](repeating: 0, count: size)
        highMessages = [Int32](repeating: 0, count: size)
    }

    /// The key of the unordered pair `a`, `b`: lower index in the high half.
    @inline(__always)
    static func key(_ a: Int32, _ b: Int32) -> UInt64 {
        a <= b ? UInt64(UInt32(a)) << 32 | UInt64(UInt32(b)) : UInt64(UInt32(b)) << 32 | UInt64(UInt32(a))
    }

    /// The slot of `key`, inserting it when new.
    @inline(__always)
    mutating func slot(for key: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: Self.mix(key)) & mask
        while true {
            let stored = keys[slot]
            if stored == key { return slot }
            if stored == Self.emptyKey { break }
            slot = (slot + 1) & mask
        }
        if (count + 1) * 2 > keys.count {
            grow()
            return self.slot(for: key)
        }
        keys[slot] = key
        count += 1
        return slot
    }

    /// The slot of `key`, or `nil` when absent.
    func existingSlot(for key: UInt64) -> Int? {
        var slot = Int(truncatingIfNeeded: Self.mix(key)) & mask
        while true {
            let stored = keys[slot]
            if stored == key { return slot }
            if stored == Self.emptyKey { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// Records one pair of `object` with time difference `delta`.
    @inline(__always)
    mutating func addPair(_ key: UInt64, object: Int32, delta: Double) {
        let slot = slot(for: key)
        pairs[slot] += 1
        deltaSums[slot] += delta
        if lastObject[slot] != object {
            lastObject[slot] = object
            objects[slot] += 1
        }
    }

    /// Every occupied slot, in table order.
    var occupiedSlots: [Int] { keys.indices.filter { keys[$0] != Self.emptyKey } }

    private mutating func grow() {
        var bigger = EdgeAccumulator(capacity: keys.count)
        for slot in keys.indices where keys[slot] != Self.emptyKey {
            let target = bigger.slot(for: keys[slot])
            bigger.pairs[target] = pairs[slot]
            bigger.deltaSums[target] = deltaSums[slot]
            bigger.objects[target] = objects[slot]
            bigger.lastObject[target] = lastObject[slot]
            bigger.lowMessages[target] = lowMessages[slot]
            bigger.highMessages[target] = highMessages[slot]
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
