import ReachGraph

/// Which part of a store to read: a time window, given directly (`--from/--to`) or as a period
/// label (`--period 2025-05`), or everything.
///
/// - Posts are in the slice when their time lies in `[from, to)`.
/// - Metrics rows and stored relations carry a period label; they are in the slice when the label
///   is the one asked for, or (for `--from/--to`) when the label's whole window lies in
///   `[from, to)`. Relations ingested without a period are read only without a slice; a slice
///   with no stored relation derives its repost relations from its posts, as a folder without
///   `relations.csv` does.
/// - Every account is in every slice, with the attributes in effect at the slice's end (the
///   latest version whose period starts before `to`).
public struct StoreSlice: Sendable, Equatable {
    /// Unix seconds, inclusive; `nil` is open.
    public var from: Double?
    /// Unix seconds, exclusive; `nil` is open.
    public var to: Double?
    /// The period label asked for, when the slice was given as one.
    public var period: String?

    /// The whole store.
    public static let everything = StoreSlice()

    public init(from: Double? = nil, to: Double? = nil, period: String? = nil) {
        self.from = from
        self.to = to
        self.period = period
    }

    /// The slice of `--period LABEL` (a month `2025-05`, a day `2025-05-01` or a year `2025`).
    public init(period label: String) throws {
        guard let window = Self.window(ofPeriod: label) else {
            throw InputError(file: "--period", message: "\"\(label)\" is not a period (expected YYYY-MM, YYYY-MM-DD or YYYY)")
        }
        self.init(from: window.from, to: window.to, period: label)
    }

    /// The slice of `--from`/`--to` (ISO 8601 or Unix seconds; `--to` is exclusive).
    public init(fromText: String?, toText: String?) throws {
        func time(_ text: String?, _ option: String) throws -> Double? {
            guard let text else { return nil }
            guard let seconds = unixSeconds(fromTimestamp: text) else {
                throw InputError(file: option, message: "\"\(text)\" is not a time (expected ISO 8601 or Unix seconds)")
            }
            return seconds
        }
        self.init(from: try time(fromText, "--from"), to: try time(toText, "--to"))
        if let from, let to, from >= to {
            throw InputError(file: "--from", message: "--from must be before --to")
        }
    }

    /// The slice in words: `everything`, `period 2025-05`, or its window.
    public var description: String {
        if let period { return "period \(period)" }
        if isEverything { return "everything" }
        return "from \(from.map(iso8601String(fromUnixSeconds:)) ?? "the start") to \(to.map(iso8601String(fromUnixSeconds:)) ?? "the end")"
    }

    /// Whether the slice is the whole store.
    public var isEverything: Bool { from == nil && to == nil && period == nil }

    /// Whether a post at `time` is in the slice.
    func contains(time: Double) -> Bool {
        (from.map { time >= $0 } ?? true) && (to.map { time < $0 } ?? true)
    }

    /// Whether rows labelled `label` (metrics, relations) are in the slice.
    func contains(periodLabel label: String) -> Bool {
        if isEverything { return true }
        if let period { return label == period }
        guard let window = Self.window(ofPeriod: label) else { return false }
        return (from.map { window.from >= $0 } ?? true) && (to.map { window.to <= $0 } ?? true)
    }

    /// The time window `[from, to)` of a period label: a year, a month or a day, in UTC, for the
    /// timestamps' years 0000–9999 (a post in year 0000 is kept with a warning, so its month must
    /// slice).
    public static func window(ofPeriod label: String) -> (from: Double, to: Double)? {
        let parts = label.split(separator: "-", omittingEmptySubsequences: false)
        guard (1 ... 3).contains(parts.count), parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }),
              let year = Int(parts[0]), year >= 0 else { return nil }
        switch parts.count {
        case 1:
            return (unixSeconds(year: year, month: 1, day: 1), unixSeconds(year: year + 1, month: 1, day: 1))
        case 2:
            guard let month = Int(parts[1]), (1 ... 12).contains(month) else { return nil }
            return (unixSeconds(year: year, month: month, day: 1), unixSeconds(year: year + month / 12, month: month % 12 + 1, day: 1))
        default:
            // Read as a timestamp, which refuses a day its month does not have.
            guard let from = unixSeconds(fromTimestamp: label) else { return nil }
            return (from, from + 86_400)
        }
    }

    /// The month label (`2025-05`) of a time, UTC.
    public static func month(of time: Double) -> String {
        String(iso8601String(fromUnixSeconds: time).prefix(7))
    }
}
