// Random numbers for one simulation run or one sample, addressed by index.

/// The generator of run (or sample) `index` under `seed`: `SplitMix64(seed:).split(index)`.
///
/// Tying every run to its own stream is what makes results independent of thread count and
/// chunking.
@inline(__always)
func runGenerator(seed: UInt64, index: Int) -> SplitMix64 {
    SplitMix64(seed: seed).split(UInt64(index))
}

/// The key of run `index` under `seed`: the first number of ``runGenerator(seed:index:)``, by
/// which live-edge simulations and CELF address the run's random numbers.
@inline(__always)
func runKey(seed: UInt64, index: Int) -> UInt64 {
    var generator = runGenerator(seed: seed, index: index)
    return generator.next()
}

/// The `index`-th uniform double in [0, 1) of the SplitMix64 stream that starts at `key`.
///
/// SplitMix64's state advances by a fixed constant, so any position of its stream can be computed
/// directly. Simulations use this to give each edge (or node) of a run a fixed random number no
/// matter in which order the traversal meets it: a run is then one fixed live-edge graph, and
/// runs with the same key are common random numbers for different seed sets.
@inline(__always)
func streamUnit(key: UInt64, index: Int) -> Double {
    var generator = SplitMix64(seed: key &+ UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15)
    return generator.nextUnitInterval()
}

/// The `index`-th 64-bit number of the SplitMix64 stream that starts at `key`; used to seed a
/// separate stream per node of a run.
@inline(__always)
func streamValue(key: UInt64, index: Int) -> UInt64 {
    var generator = SplitMix64(seed: key &+ UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15)
    return generator.next()
}

extension SplitMix64 {
    /// A uniform integer in `0 ..< bound` (`bound > 0`) by Lemire's multiply-shift, without the
    /// standard library's `random(in:using:)`, whose algorithm is not promised to stay the same
    /// across Swift versions. The bias is below `bound / 2⁶⁴`.
    @inline(__always)
    mutating func nextIndex(below bound: Int) -> Int {
        Int(truncatingIfNeeded: UInt64(bound).multipliedFullWidth(by: next()).high)
    }
}

/// The seed of independent sub-stream `phase` of `seed`, for algorithms whose phases must not
/// share random numbers.
func phaseSeed(_ seed: UInt64, phase: UInt64) -> UInt64 {
    var generator = SplitMix64(seed: seed).split(phase)
    return generator.next()
}
