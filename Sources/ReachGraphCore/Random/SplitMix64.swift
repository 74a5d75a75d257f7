/// SplitMix64 (Steele, Lea & Flood 2014): a tiny, fast, seedable pseudo-random generator.
///
/// ReachGraph's randomised algorithms promise the same output for the same seed on every
/// machine, Swift version and thread count. The standard library's `random(in:using:)` does not
/// promise a stable algorithm across releases, so this type also provides its own bounded and
/// floating-point draws (``next(below:)``, ``nextUnitInterval()``), whose outputs are fixed here.
///
/// Parallel work gets one independent stream per work item with ``init(seed:stream:)`` or
/// ``split(_:)``, so the numbers a work item sees do not depend on which thread runs it or in
/// what order.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// The golden-ratio increment of the SplitMix64 counter.
    private static let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// A generator whose sequence is determined by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// Generator number `stream` derived from `seed`.
    ///
    /// Stream states are the seed and the stream index run through the SplitMix64 finaliser, so
    /// neighbouring streams start at unrelated points of the sequence instead of one step apart
    /// (which `seed + stream` would give, making stream `i + 1` replay stream `i` shifted by one).
    public init(seed: UInt64, stream: UInt64) {
        state = Self.mix(seed ^ Self.mix(stream &+ Self.gamma))
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= Self.gamma
        return Self.mix(state)
    }

    /// A uniformly distributed integer in `0 ..< bound`; 0 when `bound` is 0.
    ///
    /// Lemire's multiply-and-reject method (Lemire 2019), so there is no modulo bias.
    public mutating func next(below bound: UInt64) -> UInt64 {
        guard bound > 0 else { return 0 }
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }

    /// A uniformly distributed `Double` in `[0, 1)` with 53 random bits.
    public mutating func nextUnitInterval() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// An independent generator for task `index`, derived from this generator's current state,
    /// the same whatever order tasks run in.
    public func split(_ index: UInt64) -> SplitMix64 {
        var mixer = SplitMix64(seed: state ^ (index &* 0xD1B5_4A32_D192_ED03))
        return SplitMix64(seed: mixer.next())
    }

    /// The SplitMix64 output function (a variant of MurmurHash3's finaliser).
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
