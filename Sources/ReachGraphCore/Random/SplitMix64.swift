/// A small, fast, seedable pseudo-random generator (SplitMix64, Steele, Lea & Flood 2014).
///
/// Every randomised algorithm takes one of these built from a user's seed, so the same seed
/// gives the same output on any machine. `split(_:)` derives an independent stream per task
/// index, which keeps parallel work deterministic at any thread count.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// An independent generator for task `index`, the same whatever order tasks run in.
    public func split(_ index: UInt64) -> SplitMix64 {
        var mixer = SplitMix64(seed: state ^ (index &* 0xD1B5_4A32_D192_ED03))
        return SplitMix64(seed: mixer.next())
    }

    /// A uniform double in [0, 1).
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}
