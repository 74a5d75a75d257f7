#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Counts, by key, the members of JSON objects that a reader neither reads nor keeps, so that
/// nothing is dropped unsaid (an unexpected field is kept or counted): the summary's reading
/// notes then say, for example, "tweet fields not read: favorited ×1200, geo ×12".
///
/// Keys are matched on their bytes in the ``JSONTape`` through a small open-addressing table
/// keyed by an FNV-1a hash: a tweet's thirty-odd keys cost no `String` and no allocation, and a
/// key becomes a `String` once, the first time it is seen. Members whose value is `null` hold
/// nothing and are not counted.
/// - Complexity: O(key bytes) per member; memory O(distinct keys).
struct UnreadFields {
    /// What the objects are ("tweet fields"), the start of the note's topic.
    let topic: String
    private var names: [[UInt8]] = []
    /// How often each unread key held a value; −1 for keys the reader reads.
    private var counts: [Int] = []
    /// Indices into ``names`` (−1: empty); the count is a power of two, at most half full.
    private var slots = [Int32](repeating: -1, count: 256)

    /// A tally for objects of which the reader reads (or keeps) the keys in `read`.
    init(topic: String, read: [StaticString]) {
        self.topic = topic
        for key in read {
            let bytes = UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)
            let index = position(of: bytes)
            counts[index] = -1
        }
    }

    /// Counts the members of `object` whose keys are not read and whose value is not `null`.
    mutating func count(_ tape: JSONTape, _ object: Int) {
        for key in tape.members(object) where tape.kind(key + 1) != .null {
            let index: Int
            if let bytes = tape.rawBytes(key) {
                index = position(of: bytes)
            } else {
                var text = tape.string(key) ?? ""
                index = text.withUTF8 { position(of: $0) }
            }
            if counts[index] >= 0 { counts[index] += 1 }
        }
    }

    /// The note listing the keys not read, most frequent first (at most twelve named); `nil`
    /// when every key was read.
    var readingNote: Dataset.ReadingNote? {
        let unread = counts.indices.filter { counts[$0] > 0 }
            .map { (name: String(decoding: names[$0], as: UTF8.self), count: counts[$0]) }
            .sorted { ($0.count, $1.name) > ($1.count, $0.name) }
        guard !unread.isEmpty else { return nil }
        var value = unread.prefix(12).map { "\($0.name) ×\($0.count)" }.joined(separator: ", ")
        if unread.count > 12 { value += " and \(unread.count - 12) more" }
        return Dataset.ReadingNote(topic: "\(topic) not read", value: value)
    }

    /// The index of `key` in ``names``, added (with count 0) when new.
    private mutating func position(of key: UnsafeBufferPointer<UInt8>) -> Int {
        let mask = slots.count - 1
        var slot = Self.hash(key) & mask
        while slots[slot] >= 0 {
            let index = Int(slots[slot])
            let matches = names[index].withUnsafeBufferPointer { name in
                name.count == key.count && (key.isEmpty || memcmp(name.baseAddress!, key.baseAddress!, key.count) == 0) // safe: both non-empty here
            }
            if matches { return index }
            slot = (slot + 1) & mask
        }
        names.append(Array(key))
        counts.append(0)
        slots[slot] = Int32(names.count - 1)
        if names.count * 2 > slots.count { grow() }
        return names.count - 1
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, name) in names.enumerated() {
            var slot = Self.hash(name) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }

    /// FNV-1a over the key's bytes.
    private static func hash(_ bytes: some Sequence<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash)
    }
}
