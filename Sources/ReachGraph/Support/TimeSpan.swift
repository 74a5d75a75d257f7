/// A length of time as people write it on a command line: `60s`, `10m`, `72h`, `3d`, or a bare
/// number of seconds (`600`). Fractions are allowed (`1.5h`); signs, exponents and other units
/// are not. Every duration option of the `reachgraph` tool reads this one syntax.
public struct TimeSpan: Sendable, Equatable, CustomStringConvertible {
    public var seconds: Double

    public init(seconds: Double) {
        self.seconds = seconds
    }

    /// The units and their length in seconds.
    public static let units: [(suffix: Character, seconds: Double)] = [("s", 1), ("m", 60), ("h", 3600), ("d", 86_400)]

    /// Parses `text` (surrounding spaces ignored, unit letters in either case); `nil` when it is
    /// not a non-negative decimal number with an optional unit.
    public init?(parsing text: String) {
        var body = Substring(text.trimmingSpaces.lowercased())
        var scale = 1.0
        if let last = body.last, let unit = Self.units.first(where: { $0.suffix == last }) {
            scale = unit.seconds
            body = body.dropLast()
            while body.last == " " { body = body.dropLast() }
        }
        guard body.allSatisfy({ ("0" ... "9").contains($0) || $0 == "." }), let value = Double(body), value.isFinite else { return nil }
        seconds = value * scale
    }

    /// The largest unit that divides the span exactly (`600` → `10m`, `259200` → `3d`, `90` →
    /// `90s`, `0.5` → `0.5s`).
    public var description: String {
        for unit in Self.units.reversed() where seconds >= unit.seconds {
            let count = seconds / unit.seconds
            if count == count.rounded() { return formatNumber(count) + String(unit.suffix) }
        }
        return formatNumber(seconds) + "s"
    }
}
