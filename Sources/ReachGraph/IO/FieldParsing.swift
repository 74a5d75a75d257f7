#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parsers for the typed columns of the dataset files. All take bytes and return `nil` on
/// malformed input, so callers can say which file, line and column was wrong.
enum FieldParsing {
    /// Unix seconds of 0000-01-01T00:00:00Z up to 9999-12-31T23:59:59Z: the times ISO 8601's
    /// four-digit years can write, so every time read can be written back.
    static let supportedTimes: ClosedRange<Double> = -62_167_219_200 ... 253_402_300_799

    /// The largest relation weight accepted. Weights are counts or strengths; this bound keeps
    /// the sum of every weight of a file (up to 2³¹ rows) finite and exact to a unit at 10⁶ rows.
    static let maximumWeight = 1e15

    static func weightTooLarge(_ value: Double) -> String {
        "\(value) is larger than 1e15, the largest weight accepted (sums of weights must stay finite)"
    }

    /// A finite decimal number: optional sign, digits, optional fraction and exponent.
    ///
    /// The common forms (`12`, `3.5`) are parsed directly; anything with an exponent goes
    /// through `strtod`, which is exact.
    static func double(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var index = 0
        let count = bytes.count
        while index < count && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
        var end = count
        while end > index && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        guard index < end else { return nil }
        let numberStart = index
        var negative = false
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var seenPoint = false
        var position = index
        while position < end {
            let byte = bytes[position]
            if byte >= 0x30 && byte <= 0x39 {
                if digits < 18 {
                    mantissa = mantissa * 10 + UInt64(byte - 0x30)
                    if seenPoint { fractionDigits += 1 }
                    digits += 1
                } else {
                    return viaStrtod(bytes, from: numberStart, to: end)
                }
            } else if byte == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                return viaStrtod(bytes, from: numberStart, to: end)
            } else {
                return nil
            }
            position += 1
        }
        guard digits > 0 else { return nil }
        var value = Double(mantissa)
        if fractionDigits > 0 { value /= powersOfTen[fractionDigits] }
        return negative ? -value : value
    }

    private static let powersOfTen: [Double] = (0 ... 18).map { exponent in
        var value = 1.0
        for _ in 0 ..< exponent { value *= 10 }
        return value
    }

    private static func viaStrtod(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Double? {
        var text = [CChar](repeating: 0, count: end - start + 1)
        for index in start ..< end { text[index - start] = CChar(bitPattern: bytes[index]) }
        return text.withUnsafeBufferPointer { pointer -> Double? in
            guard let base = pointer.baseAddress else { return nil }
            var stop: UnsafeMutablePointer<CChar>?
            let value = strtod(base, &stop)
            guard let stop, stop == UnsafeMutablePointer(mutating: base) + (end - start) else { return nil }
            return value.isFinite ? value : nil
        }
    }

    /// "; the file looks separated by semicolons: save it with commas" when the only field of a
    /// row holds another separator (a spreadsheet saved with semicolons, tabs or bars gives one
    /// long field per line), else "".
    static func separatorHint(inOnlyField field: String) -> String {
        guard let separator = [";", "\t", "|"].first(where: { field.contains($0) }) else { return "" }
        return "; the file looks separated by \(separator == ";" ? "semicolons" : separator == "|" ? "bars" : "tabs"): save it with commas"
    }

    /// Whether `text` is a period label whose text order is its time order (see ``FieldSource/period(_:)``).
    static func isPeriodLabel(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count, range.allSatisfy({ bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }) else { return nil }
            return range.reduce(0) { $0 * 10 + Int(bytes[$1] - 0x30) }
        }
        guard digits(0 ..< 4) != nil else { return false }
        if bytes.count == 4 { return true }
        guard bytes.count >= 7, bytes[4] == UInt8(ascii: "-") else { return false }
        switch bytes[5] {
        case UInt8(ascii: "Q"): return bytes.count == 7 && (1 ... 4).contains(digits(6 ..< 7) ?? 0)
        case UInt8(ascii: "H"): return bytes.count == 7 && (1 ... 2).contains(digits(6 ..< 7) ?? 0)
        case UInt8(ascii: "W"): return bytes.count == 8 && (1 ... 53).contains(digits(6 ..< 8) ?? 0)
        default:
            guard let month = digits(5 ..< 7), (1 ... 12).contains(month) else { return false }
            if bytes.count == 7 { return true }
            guard bytes.count == 10, bytes[7] == UInt8(ascii: "-"), let day = digits(8 ..< 10), let year = digits(0 ..< 4) else { return false }
            return (1 ... daysIn(month: month, year: year)).contains(day)
        }
    }

    /// What length of time a period label (valid by ``isPeriodLabel(_:)``) covers: `year`, `half`,
    /// `quarter`, `week`, `month` or `day`.
    static func periodLength(of label: String) -> String {
        let bytes = Array(label.utf8)
        guard bytes.count > 4 else { return "year" }
        switch bytes[5] {
        case UInt8(ascii: "Q"): return "quarter"
        case UInt8(ascii: "H"): return "half"
        case UInt8(ascii: "W"): return "week"
        default: return bytes.count == 7 ? "month" : "day"
        }
    }

    /// A whole number, optionally written with a trailing `.0` (spreadsheets do that).
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let value = double(bytes), value.rounded() == value, abs(value) < 9e15 else { return nil }
        return Int(value)
    }

    /// A time as Unix seconds: a number, or ISO 8601 `YYYY-MM-DD[THH:MM[:SS[.fff]]][Z|±HH[:MM]]`
    /// (a space may stand for `T`). Times without a zone are UTC.
    static func timestamp(_ text: String) -> Double? {
        var copy = text
        return copy.withUTF8 { timestamp($0) }
    }

    /// ``timestamp(_:)-(String)`` on bytes (spaces and tabs around them ignored).
    static func timestamp(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        let trimmed = trimmingSpaces(bytes)
        guard let first = trimmed.first else { return nil }
        if first == UInt8(ascii: "-") || (first >= 0x30 && first <= 0x39), !trimmed.dropFirst().contains(UInt8(ascii: "-")) {
            return double(trimmed)
        }
        return utcSeconds(trimmed) ?? iso8601(trimmed)?.seconds
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`, the form most exports write, read without the general parser (which
    /// took 8 % of reading a million posts); `nil` for any other form, which ``iso8601(_:)`` reads
    /// to the same value.
    @inline(__always)
    static func utcSeconds(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard bytes.count == 20, let base = bytes.baseAddress, base[4] == 0x2D, base[7] == 0x2D, base[10] == 0x54,
              base[13] == 0x3A, base[16] == 0x3A, base[19] == 0x5A else { return nil }
        var valid = true
        func digits(_ start: Int, _ width: Int) -> Int {
            var value = 0
            for offset in start ..< start + width {
                let digit = base[offset] &- 0x30
                valid = valid && digit < 10
                value = value * 10 + Int(digit)
            }
            return value
        }
        let year = digits(0, 4), month = digits(5, 2), day = digits(8, 2)
        let hour = digits(11, 2), minute = digits(14, 2), second = digits(17, 2)
        guard valid, month >= 1, month <= 12, day >= 1, day <= daysIn(month: month, year: year), hour < 24, minute < 60, second <= 60 else {
            return nil
        }
        return Double(daysFromCivil(year: year, month: month, day: day)) * 86_400 + Double(hour * 3600 + minute * 60) + Double(second)
    }

    /// `bytes` without leading and trailing spaces and tabs (as ``Swift/String/trimmingSpaces``).
    @inline(__always)
    static func trimmingSpaces(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0, end = bytes.count
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        if start == 0 && end == bytes.count { return bytes }
        return UnsafeBufferPointer(start: bytes.baseAddress.map { $0 + start }, count: end - start)
    }

    /// ISO 8601 as Unix seconds, and whether the text named a zone (without one the seconds
    /// are the wall-clock time read as UTC). `bytes` is indexed from 0.
    static func iso8601<Bytes: RandomAccessCollection>(_ bytes: Bytes) -> (seconds: Double, zoned: Bool)? where Bytes.Element == UInt8, Bytes.Index == Int {
        var index = 0
        func number(_ width: Int) -> Int? {
            guard index + width <= bytes.count else { return nil }
            var value = 0
            for offset in 0 ..< width {
                let byte = bytes[index + offset]
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += width
            return value
        }
        func expect(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2) else { return nil }
        guard (1 ... 12).contains(month), (1 ... daysIn(month: month, year: year)).contains(day) else { return nil }
        var seconds = Double(daysFromCivil(year: year, month: month, day: day)) * 86_400
        guard index < bytes.count else { return (seconds, false) }
        guard bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: " ") else { return nil }
        index += 1
        guard let hour = number(2), hour < 24, expect(":"), let minute = number(2), minute < 60 else { return nil }
        seconds += Double(hour * 3600 + minute * 60)
        if expect(":") {
            guard let second = number(2), second <= 60 else { return nil }
            seconds += Double(second)
            if expect(".") || expect(",") {
                var scale = 0.1
                var digits = 0
                while index < bytes.count, bytes[index] >= 0x30 && bytes[index] <= 0x39 {
                    seconds += Double(bytes[index] - 0x30) * scale
                    scale /= 10
                    index += 1
                    digits += 1
                }
                guard digits > 0 else { return nil }
            }
        }
        guard index < bytes.count else { return (seconds, false) }
        if expect("Z") || expect("z") { return index == bytes.count ? (seconds, true) : nil }
        guard bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") else { return nil }
        let sign: Double = bytes[index] == UInt8(ascii: "+") ? 1 : -1
        index += 1
        guard let offsetHours = number(2), offsetHours <= 14 else { return nil }
        var offsetMinutes = 0
        if expect(":") {
            guard let minutes = number(2) else { return nil }
            offsetMinutes = minutes
        } else if index < bytes.count {
            guard let minutes = number(2) else { return nil }
            offsetMinutes = minutes
        }
        guard index == bytes.count, offsetMinutes < 60 else { return nil }
        return (seconds - sign * Double(offsetHours * 3600 + offsetMinutes * 60), true)
    }

    /// The days in `month` (1–12) of `year`, proleptic Gregorian.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(scalars[first ... last])
    }
}

/// Midnight UTC at the start of a proleptic Gregorian date (`month` 1–12), in Unix seconds.
/// A `day` outside the month counts on from its first day (day 0 is the previous month's last).
public func unixSeconds(year: Int, month: Int, day: Int) -> Double {
    Double(FieldParsing.daysFromCivil(year: year, month: month, day: day)) * 86_400
}

/// Parses a time as `--from` and `--to` take it: Unix seconds, or ISO 8601 (UTC when no zone is given).
public func unixSeconds(fromTimestamp text: String) -> Double? {
    FieldParsing.timestamp(text)
}

/// Formats Unix seconds as ISO 8601 UTC (`2025-05-01T08:00:00Z`), the form writers use.
/// Times outside the years 0000–9999 (which readers refuse) are written as plain seconds rather
/// than trapping.
public func iso8601String(fromUnixSeconds seconds: Double) -> String {
    guard FieldParsing.supportedTimes.contains(seconds) else { return "\(seconds)" }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
        String(decoding: UnsafeBufferPointer(rebasing: buffer[0 ..< writeISO8601(seconds, into: buffer)]), as: UTF8.self)
    }
}
