import ReachGraph
import ReachGraphCore

/// The distributions the sample generator draws from, built only on `SplitMix64` and IEEE
/// arithmetic. The platform `exp` and `log` may differ in the last bit between C libraries, which
/// would sooner or later flip a rounded count; keeping to `+ − × ÷` and `sqrt` (all correctly
/// rounded) makes a seed give the same dataset on every machine.
extension SplitMix64 {
    /// A uniform double in [lower, upper).
    mutating func uniform(_ lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * nextUnitInterval()
    }

    /// `true` with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool {
        nextUnitInterval() < probability
    }

    /// A uniform index in `0 ..< count`; `count` must be positive.
    mutating func index(below count: Int) -> Int {
        min(count - 1, Int(nextUnitInterval() * Double(count)))
    }

    /// An approximately standard normal value: the Irwin–Hall sum of twelve uniforms minus six,
    /// the uniforms being the four 16-bit quarters of three draws (ample resolution, and a quarter
    /// of the draws, which matters in debug builds). Its tails stop at ±6, which suits synthetic
    /// data (no account with 10^30 followers).
    mutating func standardNormal() -> Double {
        var sum: UInt64 = 0
        for _ in 0 ..< 3 {
            let bits = next()
            sum += (bits & 0xFFFF) + (bits >> 16 & 0xFFFF) + (bits >> 32 & 0xFFFF) + (bits >> 48)
        }
        // Each quarter k stands for the uniform (k + ½) / 65536.
        return (Double(sum) + 6) / 65_536 - 6
    }

    /// A log-normal value with the given median and standard deviation of its logarithm.
    mutating func logNormal(median: Double, sigma: Double) -> Double {
        median * PortableMath.exp(sigma * standardNormal())
    }

    /// A Poisson count with the given mean: Knuth's product of uniforms for small means, a
    /// rounded normal above 30, where the product method gets slow.
    mutating func poisson(_ mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        if mean > 30 {
            return max(0, Int((mean + mean.squareRoot() * standardNormal()).rounded()))
        }
        let limit = PortableMath.exp(-mean)
        var product = nextUnitInterval()
        var count = 0
        while product > limit {
            product *= nextUnitInterval()
            count += 1
        }
        return count
    }
}

/// Elementary functions computed with IEEE arithmetic only, so results are bit-identical on
/// every platform (see the note on the sampling extension of `SplitMix64`).
enum PortableMath {
    /// ln 2 split in two (fdlibm's constants): `k × ln2High` is exact for any exponent `k`.
    private static let ln2High = 6.93147180369123816490e-01
    private static let ln2Low = 1.90821492927058770002e-10
    private static let log2e = 1.44269504088896338700e+00

    /// e^x, within a few ulps: x = k·ln 2 + r with |r| ≤ ln 2 / 2, a Taylor series for e^r
    /// (14 terms leave an error below 1e-17), then an exact scaling by 2^k.
    static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709.78 { return .infinity }
        if x < -745.2 { return 0 }
        let k = (x * log2e).rounded()
        let r = (x - k * ln2High) - k * ln2Low
        var term = 1.0
        var sum = 1.0
        for n in 1 ... 14 {
            term *= r / Double(n)
            sum += term
        }
        return Double(sign: .plus, exponent: Int(k), significand: sum)
    }
}
