import Foundation

/// The zone that times written without one are read in: UTC unless the user says otherwise
/// (`--timezone`), and always stated in the summary.
public struct NaiveTimeZone: Sendable, Equatable, CustomStringConvertible {
    /// A fixed offset east of UTC in seconds, or `nil` for a named zone.
    let fixedOffset: Int?
    /// The IANA name of a named zone (offsets then follow its daylight-saving rules).
    let identifier: String?

    /// UTC.
    public static let utc = NaiveTimeZone(offsetSeconds: 0)

    /// A fixed offset east of UTC.
    public init(offsetSeconds: Int) {
        self.init(fixedOffset: offsetSeconds, identifier: nil)
    }

    private init(fixedOffset: Int?, identifier: String?) {
        self.fixedOffset = fixedOffset
        self.identifier = identifier
    }

    /// Parses `UTC`, `Z`, `+08:00`, `-0500`, `+8`, `UTC+08:00` or an IANA name such as
    /// `Asia/Shanghai`; `nil` for anything else.
    public init?(parsing text: String) {
        var rest = Substring(text.trimmingSpaces)
        if rest.uppercased() == "UTC" || rest.uppercased() == "Z" || rest.uppercased() == "GMT" {
            self.init(offsetSeconds: 0)
            return
        }
        if rest.uppercased().hasPrefix("UTC") || rest.uppercased().hasPrefix("GMT") { rest = rest.dropFirst(3) }
        if let sign = rest.first, sign == "+" || sign == "-" {
            let digits = rest.dropFirst().filter { $0 != ":" }
            guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy(\.isASCIIDigit) else { return nil }
            let hours: Int, minutes: Int
            if digits.count <= 2 {
                hours = Int(digits)!
                minutes = 0
            } else {
                hours = Int(digits.dropLast(2))!
                minutes = Int(digits.suffix(2))!
            }
            guard hours <= 14, minutes < 60 else { return nil }
            self.init(offsetSeconds: (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60))
            return
        }
        guard rest.contains("/"), TimeZone(identifier: String(rest)) != nil else { return nil }
        self.init(fixedOffset: nil, identifier: String(rest))
    }

    /// Unix seconds of a wall-clock time given as seconds since 1970-01-01 00:00 on that clock.
    func unixSeconds(wallClock: Double) -> Double {
        if let fixedOffset { return wallClock - Double(fixedOffset) }
        guard let identifier, let zone = TimeZone(identifier: identifier) else { return wallClock }
        // The offset depends on the instant; two rounds settle it except inside a DST gap.
        var offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: wallClock))
        offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: wallClock - Double(offset)))
        return wallClock - Double(offset)
    }

    /// The offset east of UTC in seconds at a wall-clock time on this clock.
    func offset(atWallClock wallClock: Double) -> Int {
        Int(wallClock - unixSeconds(wallClock: wallClock))
    }

    public var description: String {
        if let identifier { return identifier }
        guard let fixedOffset, fixedOffset != 0 else { return "UTC" }
        let magnitude = abs(fixedOffset)
        let hours = String(magnitude / 3600), minutes = String(magnitude % 3600 / 60)
        return "UTC\(fixedOffset < 0 ? "-" : "+")\(hours.count < 2 ? "0" + hours : hours):\(minutes.count < 2 ? "0" + minutes : minutes)"
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

/// Reads the times of one column of a platform export, never silently wrong.
///
/// Accepted forms: ISO 8601 with or without a zone (`2018-10-10T20:19:24Z`,
/// `2017-06-22 16:03`), the Twitter/Weibo API form `Wed Oct 10 20:19:24 +0000 2018`, US
/// spreadsheet dates `M/D/YYYY H:MM[:SS]`, and epoch numbers. Times without a zone are read
/// in ``zone``. The unit of epoch numbers is decided once per column from the magnitude of the
/// first one (below 10¹¹ seconds, below 10¹⁴ milliseconds, below 10¹⁷ microseconds) and every
/// later number must be of the same unit: a column mixing units is an error naming the line
/// that decided the unit, since reading milliseconds as seconds lands tens of thousands of
/// years away without any other sign of trouble.
struct TimestampReader {
    enum EpochUnit: String {
        case seconds, milliseconds, microseconds

        var divisor: Double {
            switch self {
            case .seconds: return 1
            case .milliseconds: return 1e3
            case .microseconds: return 1e6
            }
        }

        /// The unit a number of this magnitude is written in, or `nil` when it is too large.
        init?(magnitudeOf value: Double) {
            switch abs(value) {
            case ..<1e11: self = .seconds
            case ..<1e14: self = .milliseconds
            case ..<1e17: self = .microseconds
            default: return nil
            }
        }
    }

    /// A time that cannot be read; the caller adds the file, line and column.
    struct Problem: Error {
        var message: String
    }

    var zone: NaiveTimeZone
    /// The epoch unit of this column, once a number has been seen.
    private(set) var unit: EpochUnit?
    /// The line that decided ``unit``.
    private(set) var unitLine: Int?
    /// How many times were read without a zone (and so in ``zone``).
    private(set) var naiveCount = 0
    /// How many times were read as `M/D/YYYY`, which a day-first file with no day above 12
    /// would also match: a reading note says so.
    private(set) var slashDateCount = 0
    /// How many times were read with each zone abbreviation, by the offset it was read as.
    private(set) var abbreviationCounts: [Abbreviation: Int] = [:]

    init(zone: NaiveTimeZone = .utc) {
        self.zone = zone
    }

    /// Takes in what `later`, a reader of a later part of the same column that started empty,
    /// has seen, as if this reader had read that part itself; `false` (nothing changed) when the
    /// part decided another epoch unit, which reading in one piece would have refused.
    mutating func absorb(_ later: TimestampReader) -> Bool {
        if let unit, let laterUnit = later.unit, unit != laterUnit { return false }
        if unit == nil {
            unit = later.unit
            unitLine = later.unitLine
        }
        naiveCount += later.naiveCount
        slashDateCount += later.slashDateCount
        abbreviationCounts.merge(later.abbreviationCounts, uniquingKeysWith: +)
        return true
    }

    /// Unix seconds of `text`, read on `line`.
    mutating func read(_ text: String, line: Int?) throws(Problem) -> Double {
        let trimmed = text.trimmingSpaces
        guard let first = trimmed.utf8.first else { throw Problem(message: "is empty") }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || (first >= 0x30 && first <= 0x39),
           !trimmed.utf8.dropFirst().contains(where: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ":") }) {
            var copy = trimmed
            guard let value = copy.withUTF8({ FieldParsing.double($0) }) else {
                throw Problem(message: "\"\(trimmed)\" is not a date or a number")
            }
            return try epoch(value, text: trimmed, line: line)
        }
        var bytes = trimmed
        if let parsed = bytes.withUTF8({ FieldParsing.iso8601($0) }) {
            return parsed.zoned ? parsed.seconds : naive(parsed.seconds)
        }
        if let seconds = try abbreviated(trimmed) { return seconds }
        if let seconds = Self.twitter(trimmed) { return seconds }
        if let wall = Self.usDate(trimmed) {
            slashDateCount += 1
            return naive(wall)
        }
        throw Problem(message: "\"\(trimmed)\" is not a date (expected ISO 8601, epoch seconds/ms/µs, \"Wed Oct 10 20:19:24 +0000 2018\" or M/D/YYYY H:MM)")
    }

    /// Unix seconds of `bytes` when they are ISO 8601, an epoch number or exactly the Twitter
    /// form `Www Mmm DD HH:MM:SS ±ZZZZ YYYY` — the forms large exports and posts tables write on
    /// every row — with the same result ``read(_:line:)`` gives for the text read on `line`
    /// (the epoch unit is the column's, decided and checked as there); `nil` for anything else
    /// and for any problem (a mixed unit included), which the caller hands to ``read(_:line:)``
    /// as text (for the other forms and for the error). Builds no `String`: splitting the text
    /// per row cost a tenth of reading v1.1 tweets.
    @inline(__always)
    mutating func readCommonForm(_ bytes: UnsafeBufferPointer<UInt8>, line: Int? = nil) -> Double? {
        let trimmed = FieldParsing.trimmingSpaces(bytes)
        guard let first = trimmed.first else { return nil }
        let digit = first >= 0x30 && first <= 0x39
        if digit && trimmed.count > 4 && trimmed[4] == UInt8(ascii: "-") {
            // Four digits and a dash: never an epoch number (read() looks for a dash after the first byte).
            if let seconds = FieldParsing.utcSeconds(trimmed) { return seconds }
            guard let parsed = FieldParsing.iso8601(trimmed) else { return nil }
            return parsed.zoned ? parsed.seconds : naive(parsed.seconds)
        }
        if digit || first == UInt8(ascii: "-") {
            guard !trimmed.dropFirst().contains(where: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ":") }),
                  let value = FieldParsing.double(trimmed), value.isFinite, let found = EpochUnit(magnitudeOf: value) else { return nil }
            if let unit {
                guard unit == found else { return nil }
            } else {
                unit = found
                unitLine = line
            }
            return value / found.divisor
        }
        return Self.twitter(trimmed)
    }

    /// Unix seconds of an epoch number (a JSON number, say) read on `line`.
    mutating func epoch(_ value: Double, line: Int?) throws(Problem) -> Double {
        try epoch(value, text: String(value), line: line)
    }

    private mutating func epoch(_ value: Double, text: String, line: Int?) throws(Problem) -> Double {
        guard value.isFinite, let found = EpochUnit(magnitudeOf: value) else {
            throw Problem(message: "\(text) is too large for an epoch time in seconds, milliseconds or microseconds")
        }
        if let unit, unit != found {
            let decided = unitLine.map { "line \($0)" } ?? "an earlier value"
            throw Problem(message: "\(text) looks like epoch \(found.rawValue) but \(decided) made this column epoch \(unit.rawValue): a column mixing units is ambiguous")
        }
        if unit == nil {
            unit = found
            unitLine = line
        }
        return value / found.divisor
    }

    private mutating func naive(_ wallClock: Double) -> Double {
        naiveCount += 1
        return zone.unixSeconds(wallClock: wallClock)
    }

    /// A zone abbreviation as read: the text and the offset east of UTC it stood for.
    struct Abbreviation: Hashable {
        var text: String
        var offset: Int
    }

    /// The zone abbreviations read, with their offsets east of UTC in seconds: those
    /// CrowdTangle's dashboard downloads write after a time (`2021-03-01 12:00:00 EDT`, in the
    /// zone the user set for the dashboard): the US zones, UTC and GMT, and Central Europe's.
    /// Others (IST, BST, …) name several zones, so they are refused rather than guessed.
    static let abbreviations: [String: Int] = [
        "UTC": 0, "GMT": 0, "EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600,
        "MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600, "AKST": -9 * 3600,
        "AKDT": -8 * 3600, "HST": -10 * 3600, "CET": 3600, "CEST": 2 * 3600,
    ]

    /// Unix seconds of ISO 8601 without a zone followed by a space and a zone abbreviation
    /// (``abbreviations``) or a numeric one as the tz database writes for zones without letters
    /// (`-03`, `+0530`); `nil` when `text` is not of that form. `CST` is US Central, except when
    /// ``zone`` is eight hours east of UTC at that time (`Asia/Shanghai`, `+08:00`): there it is
    /// China Standard Time, as the tz database names Beijing time.
    private mutating func abbreviated(_ text: String) throws(Problem) -> Double? {
        guard let space = text.lastIndex(of: " ") else { return nil }
        var clock = String(text[..<space]).trimmingSpaces
        let token = text[text.index(after: space)...]
        guard let parsed = clock.withUTF8({ FieldParsing.iso8601($0) }), !parsed.zoned else { return nil }
        let name = token.uppercased()
        var offset: Int
        if let known = Self.abbreviations[name] {
            offset = known
            if name == "CST", zone.offset(atWallClock: parsed.seconds) == 8 * 3600 { offset = 8 * 3600 }
        } else if let numeric = Self.numericOffset(token) {
            offset = numeric
        } else {
            guard token.allSatisfy(\.isLetter) else { return nil }
            throw Problem(message: "\"\(text)\": zone abbreviation \"\(token)\" is not one ReachGraph reads (\(Self.abbreviationList), or a numeric offset such as -03); abbreviations such as IST or BST name several zones, so write the offset instead")
        }
        abbreviationCounts[Abbreviation(text: name, offset: offset), default: 0] += 1
        return parsed.seconds - Double(offset)
    }

    private static let abbreviationList = "UTC, GMT, EST/EDT, CST/CDT, MST/MDT, PST/PDT, AKST/AKDT, HST, CET/CEST"

    /// `±HH`, `±HHMM` or `±HH:MM` as seconds east of UTC.
    private static func numericOffset(_ token: Substring) -> Int? {
        guard let sign = token.first, sign == "+" || sign == "-" else { return nil }
        let digits = token.dropFirst().filter { $0 != ":" }
        guard digits.count == 2 || digits.count == 4, digits.allSatisfy(\.isASCIIDigit),
              token.count == digits.count + 1 || (digits.count == 4 && token.count == 6 && Array(token)[3] == ":") else { return nil }
        let hours = Int(digits.prefix(2))!, minutes = digits.count == 4 ? Int(digits.suffix(2))! : 0 // safe: ASCII digits checked
        guard hours <= 14, minutes < 60 else { return nil }
        return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
    }

    /// The note saying which zone abbreviations were read as which offsets, and how often;
    /// `nil` when there were none.
    var abbreviationNote: Dataset.ReadingNote? { Self.abbreviationNote(abbreviationCounts) }

    /// ``abbreviationNote`` for counts gathered by several readers.
    static func abbreviationNote(_ counts: [Abbreviation: Int]) -> Dataset.ReadingNote? {
        guard !counts.isEmpty else { return nil }
        let parts = counts.sorted { ($0.value, $1.key.text, $1.key.offset) > ($1.value, $0.key.text, $0.key.offset) }.map { entry in
            let offset = NaiveTimeZone(offsetSeconds: entry.key.offset).description
            let meaning = entry.key.text == "CST" ? (entry.key.offset == 8 * 3600 ? " (China, as --timezone)" : " (US Central)") : ""
            return "\(entry.key.text) as \(offset)\(meaning) ×\(entry.value)"
        }
        return Dataset.ReadingNote(topic: "zone abbreviations", value: parts.joined(separator: ", "))
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// `Wed Oct 10 20:19:24 +0000 2018` (Twitter v1.1 `created_at`, Weibo's API).
    static func twitter(_ text: String) -> Double? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 6, let monthIndex = months.firstIndex(of: parts[1].lowercased()),
              let day = Int(parts[2]), let year = Int(parts[5]), parts[5].count == 4 else { return nil }
        let clock = parts[3].split(separator: ":")
        guard clock.count == 3, let hour = Int(clock[0]), let minute = Int(clock[1]), let second = Int(clock[2]),
              hour < 24, minute < 60, second <= 60, (1 ... FieldParsing.daysIn(month: monthIndex + 1, year: year)).contains(day) else { return nil }
        let zone = parts[4]
        guard zone.count == 5, let sign = zone.first, sign == "+" || sign == "-", let hhmm = Int(zone.dropFirst()) else { return nil }
        let offset = (hhmm / 100 * 3600 + hhmm % 100 * 60) * (sign == "-" ? -1 : 1)
        let days = FieldParsing.daysFromCivil(year: year, month: monthIndex + 1, day: day)
        return Double(days * 86_400 + hour * 3600 + minute * 60 + second - offset)
    }

    /// ``twitter(_:)-(String)`` for text laid out exactly as `Wed Oct 10 20:19:24 +0000 2018`
    /// (two-digit day, spaces single, an ASCII weekday, which is not checked); `nil` otherwise,
    /// including for layouts the text version still accepts and for bytes that are not UTF-8.
    @inline(__always)
    static func twitter(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard bytes.count == 30, bytes[3] == 0x20, bytes[7] == 0x20, bytes[10] == 0x20, bytes[19] == 0x20, bytes[25] == 0x20,
              bytes[0] != 0x20, bytes[1] != 0x20, bytes[2] != 0x20, (bytes[0] | bytes[1] | bytes[2]) < 0x80, bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":")
        else { return nil }
        func digits(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for index in start ..< start + count {
                let digit = bytes[index] &- 0x30
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        // Letters only: `| 0x20` lowers them and maps no other byte onto a lowercase letter.
        let month = UInt32(bytes[4] | 0x20) << 16 | UInt32(bytes[5] | 0x20) << 8 | UInt32(bytes[6] | 0x20)
        guard let monthIndex = monthCodes.firstIndex(of: month), let day = digits(8, 2), let hour = digits(11, 2),
              let minute = digits(14, 2), let second = digits(17, 2), let hhmm = digits(21, 4), let year = digits(26, 4),
              hour < 24, minute < 60, second <= 60, (1 ... FieldParsing.daysIn(month: monthIndex + 1, year: year)).contains(day) else { return nil }
        let sign = bytes[20]
        guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        let offset = (hhmm / 100 * 3600 + hhmm % 100 * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
        let days = FieldParsing.daysFromCivil(year: year, month: monthIndex + 1, day: day)
        return Double(days * 86_400 + hour * 3600 + minute * 60 + second - offset)
    }

    private static let monthCodes: [UInt32] = months.map { $0.utf8.reduce(0) { $0 << 8 | UInt32($1) } }

    /// `M/D/YYYY H:MM[:SS] [AM|PM]` as wall-clock seconds (spreadsheet exports).
    static func usDate(_ text: String) -> Double? {
        var parts = text.split(separator: " ", omittingEmptySubsequences: true)
        var meridiem: String?
        if let last = parts.last, ["AM", "PM"].contains(last.uppercased()) {
            meridiem = last.uppercased()
            parts.removeLast()
        }
        guard parts.count == 1 || parts.count == 2 else { return nil }
        let date = parts[0].split(separator: "/")
        guard date.count == 3, date[2].count == 4, let month = Int(date[0]), let day = Int(date[1]), let year = Int(date[2]),
              (1 ... 12).contains(month), (1 ... FieldParsing.daysIn(month: month, year: year)).contains(day) else { return nil }
        var seconds = 0
        if parts.count == 2 {
            let clock = parts[1].split(separator: ":")
            guard clock.count == 2 || clock.count == 3, var hour = Int(clock[0]), let minute = Int(clock[1]), minute < 60 else { return nil }
            let second = clock.count == 3 ? Int(clock[2]) : 0
            guard let second, second <= 60 else { return nil }
            if let meridiem {
                guard (1 ... 12).contains(hour) else { return nil }
                hour = hour % 12 + (meridiem == "PM" ? 12 : 0)
            }
            guard hour < 24 else { return nil }
            seconds = hour * 3600 + minute * 60 + second
        } else if meridiem != nil {
            return nil
        }
        return Double(FieldParsing.daysFromCivil(year: year, month: month, day: day) * 86_400 + seconds)
    }

    /// The start of 2000 and of the year after next: times outside are kept and counted,
    /// since a wrong unit or zone usually lands there.
    static func plausibleRange(now: Date = Date()) -> Range<Double> {
        let currentYear = Int(iso8601String(fromUnixSeconds: now.timeIntervalSince1970).prefix(4)) ?? 2026
        let start = Double(FieldParsing.daysFromCivil(year: 2000, month: 1, day: 1) * 86_400)
        let end = Double(FieldParsing.daysFromCivil(year: currentYear + 2, month: 1, day: 1) * 86_400)
        return start ..< end
    }
}
