@testable import ReachGraph
import XCTest

/// The identifier table's four exact key forms (short text, decimal values, packed account-like
/// ids, eight ASCII bytes) and the arena-compared one, on ids chosen to sit at each form's edges.
final class IdentifierTableTests: XCTestCase {
    /// Ids a shared key word could confuse: numbers with and without leading zeros, numbers at the
    /// 19-digit limit and past it, packed ids of 8 to 10 characters beside longer or odd ones.
    private let ids = [
        "700000000000895953", "0700000000000895953", "700000000000895953 ", "+700000000000895953",
        "12345678", "01234567", "9999999999999999999", "10000000000000000000", "1234567",
        "user44065", "user4406", "user440650", "user4406500", "User44065", "user_4406", "user-4406",
        "abcdefgh", "abcdefg", "a", "", "ÿser44065", "用户4406512",
        "u.123456", "u-123456", "u.12345", "u.1234567", "~~~~~~~~", "\u{7F}\u{01} !,;@`", "ÿ.123456", "00000000", "0_0_0_0_",
    ]

    func testExactKeysSpellTheirIdentifierBack() {
        var exact = 0
        for id in ids {
            var copy = id
            copy.withUTF8 { bytes in
                let key = IdentifierTable.key(bytes)
                let isASCII = bytes.allSatisfy { $0 < 0x80 }
                let isWordLike = bytes.allSatisfy { $0 == 0x5F || ($0 | 0x20) &- 0x61 < 26 || $0 &- 0x30 < 10 }
                let isDecimal = (8 ... 19).contains(bytes.count) && bytes.first != 0x30 && bytes.allSatisfy { $0 &- 0x30 < 10 }
                let expected = bytes.count <= 7 || isDecimal || isASCII && bytes.count == 8 || isWordLike && (8 ... 10).contains(bytes.count)
                XCTAssertEqual(key.exact, expected, id)
                guard let exactKey = IdentifierTable.exactKey(bytes) else {
                    XCTAssertFalse(expected && isASCII, "\(id): an exact ASCII key can be interned from the key")
                    return
                }
                exact += 1
                var spelled = [UInt8](repeating: 0, count: 24)
                let count = spelled.withUnsafeMutableBufferPointer { IdentifierTable.spell(exactKey, into: $0) }
                XCTAssertEqual(String(decoding: spelled[0 ..< count], as: UTF8.self), id)
            }
        }
        XCTAssertEqual(exact, 21)
    }

    func testInterningByExactKeyNumbersAsInterningByBytes() {
        var byBytes = IdentifierTable(), byKey = IdentifierTable()
        for id in ids + ids.reversed() {
            var copy = id
            copy.withUTF8 { bytes in
                let expected = byBytes.intern(bytes)
                if let key = IdentifierTable.exactKey(bytes) {
                    XCTAssertEqual(byKey.intern(exactKey: key), expected, id)
                } else {
                    XCTAssertEqual(byKey.intern(bytes), expected, id)
                }
            }
        }
        XCTAssertEqual(byKey.identifiers, ids)
    }

    func testEveryFormRoundTripsAndKeepsItsOwnIndex() throws {
        var table = IdentifierTable()
        for (index, id) in ids.enumerated() { XCTAssertEqual(table.intern(id), Int32(index), id) }
        XCTAssertEqual(table.count, ids.count)
        for (index, id) in ids.enumerated() {
            XCTAssertEqual(table.identifier(at: index), id)
            XCTAssertEqual(table.intern(id), Int32(index), "a second lookup of \(id) finds the first")
            XCTAssertEqual(table.index(of: id), Int32(index))
        }
        XCTAssertNil(table.index(of: "700000000000895954"))
        XCTAssertNil(table.index(of: "user44066"))
    }

    /// A table sized once for a fuller load numbers as a default one does, keeps that load as it
    /// grows past the estimate, and takes a later part's strings in order without growing when
    /// the room reserved holds both.
    func testReservedTableWithAHigherLoadNumbersAsADefaultOne() {
        let strings = (0 ..< 3000).map { $0 % 3 == 0 ? "user\($0)" : $0 % 3 == 1 ? "\(100_000_000_000 + $0 * 7)" : String(repeating: "h", count: 60) + "\($0)" }
        var plain = IdentifierTable(), reserved = IdentifierTable()
        reserved.reserveCapacity(1000, bytes: 10_000, loadPercent: 62)
        let before = reserved.storageBytes
        for string in strings + strings.reversed() { XCTAssertEqual(reserved.intern(string), plain.intern(string), string) }
        XCTAssertGreaterThan(reserved.storageBytes, before, "grew past the estimate")
        XCTAssertEqual(reserved.identifiers, plain.identifiers)
        for (index, string) in strings.enumerated() { XCTAssertEqual(reserved.index(of: string), Int32(index)) }

        var first = IdentifierTable(), later = IdentifierTable()
        first.reserveCapacity(strings.count, loadPercent: 62)
        for string in strings[..<2000] { _ = first.intern(string) }
        for string in strings[1500...] { _ = later.intern(string) }
        let slots = first.storageBytes
        XCTAssertEqual(first.intern(takingContentsOf: &later), (1500 ..< 3000).map { Int32($0) })
        XCTAssertEqual(first.identifiers, strings)
        XCTAssertLessThanOrEqual(first.storageBytes - slots, 3000 * 100, "no new slots, only the arena and offsets grew")
    }

    /// Taking a later part's strings, looked up in chunks on the library's threads and then
    /// added in order, numbers them as interning each in turn does: 200,000 strings (several
    /// chunks), a third of them already here, of every key form.
    func testTakingContentsNumbersAsInterningInTurn() {
        let strings = (0 ..< 200_000).map { index -> String in
            switch index % 4 {
            case 0: return "user\(index)"
            case 1: return "\(700_000_000_000_000_000 + index * 13)"
            case 2: return String(repeating: "t", count: 40 + index % 50) + "\(index)"
            default: return "u.\(index)"
            }
        }
        var first = IdentifierTable(), later = IdentifierTable(), inTurn = IdentifierTable()
        for string in strings[..<80000] { _ = first.intern(string); _ = inTurn.intern(string) }
        let laterStrings = Array(strings[50000...].reversed())
        for string in laterStrings { _ = later.intern(string) }
        let expected = laterStrings.map { inTurn.intern($0) }
        XCTAssertEqual(first.intern(takingContentsOf: &later), expected)
        XCTAssertEqual(first.identifiers, inTurn.identifiers)
        for (index, string) in strings.enumerated() where index % 997 == 0 { XCTAssertEqual(first.index(of: string), inTurn.index(of: string), string) }
        XCTAssertEqual(later.count, 0)
    }

    func testSelectingNumbersTheChosenIdentifiersInTheirOrder() {
        var source = IdentifierTable()
        for id in ids { _ = source.intern(id) }
        // Every form, backwards and skipping some, beside one never chosen.
        let chosen = (0 ..< ids.count).reversed().filter { $0 % 3 != 1 }.map { Int32($0) }
        let selected = IdentifierTable(selecting: chosen, of: source)
        XCTAssertEqual(selected.identifiers, chosen.map { ids[Int($0)] })
        for (position, index) in chosen.enumerated() { XCTAssertEqual(selected.index(of: ids[Int(index)]), Int32(position), ids[Int(index)]) }
        XCTAssertNil(selected.index(of: ids[1]))
        XCTAssertEqual(IdentifierTable(selecting: [], of: source).count, 0)
    }

    /// Joining a later part (an edge list's second half) looks every string up on the library's
    /// threads, then interns those not found in order: the numbering of interning each in turn,
    /// on every key form, with the table growing during the join (its 62 % load passed twice)
    /// and a later part that shares most strings, as the halves of an edge list do.
    func testInterningContentsLooksUpThenAddsTheRestInOrder() {
        let strings = (0 ..< 150_000).map { index -> String in
            switch index % 5 {
            case 0: return "user\(index)"
            case 1: return "\(700_000_000_000_000_000 + index * 13)"
            case 2: return String(repeating: "t", count: 40 + index % 50) + "\(index)"
            case 3: return "u\(index)"
            default: return "u.\(index)"
            }
        }
        for (firstCount, laterRange) in [(20000, 10000 ..< 150_000), (120_000, 0 ..< 130_000), (0, 0 ..< 5000)] {
            var first = IdentifierTable(capacity: 1 << 10, loadPercent: 62), later = IdentifierTable(), inTurn = IdentifierTable()
            for string in strings[..<firstCount] { _ = first.intern(string); _ = inTurn.intern(string) }
            // The later part in its own order: shuffled by a fixed stride, so found and new strings mix.
            let laterStrings = laterRange.indices.map { strings[laterRange.lowerBound + ($0 * 7919) % laterRange.count] }
            for string in laterStrings { _ = later.intern(string) }
            let found = first.indices(of: later)
            XCTAssertEqual(found, laterStrings.map { first.index(of: $0) ?? -1 }, "look-ups on the threads, \(firstCount)")
            let expected = laterStrings.map { inTurn.intern($0) }
            XCTAssertEqual(first.intern(contentsOf: later), expected, "\(firstCount)")
            XCTAssertEqual(first.identifiers, inTurn.identifiers)
            for (index, string) in strings.enumerated() where index % 991 == 0 { XCTAssertEqual(first.index(of: string), inTurn.index(of: string), string) }
        }
    }

    func testDecimalValuesAndPackedWords() {
        func bytes<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            var copy = text
            return copy.withUTF8(body)
        }
        XCTAssertEqual(bytes("700000000000895953") { IdentifierTable.decimalValue($0) }, 700_000_000_000_895_953)
        XCTAssertEqual(bytes("9999999999999999999") { IdentifierTable.decimalValue($0) }, 9_999_999_999_999_999_999)
        XCTAssertEqual(bytes("12345678") { IdentifierTable.decimalValue($0) }, 12_345_678)
        XCTAssertNil(bytes("01234567") { IdentifierTable.decimalValue($0) }, "a leading zero stays text")
        XCTAssertNil(bytes("1234567") { IdentifierTable.decimalValue($0) }, "seven digits fit the short key")
        XCTAssertNil(bytes("1234567/") { IdentifierTable.decimalValue($0) })
        XCTAssertNil(bytes("1234567:") { IdentifierTable.decimalValue($0) })
        // "user4406": u = 37 + 20 = 57, s = 55, e = 41, r = 54, '4' = 5, '0' = 1, '6' = 7.
        let codes: [UInt64] = [57, 55, 41, 54, 5, 5, 1, 7]
        let expected = codes.reduce(0) { $0 << 6 | $1 } | 0xE << 60
        XCTAssertEqual(bytes("user4406") { IdentifierTable.packedWord($0) }, expected)
        XCTAssertNil(bytes("user-4406") { IdentifierTable.packedWord($0) })
        XCTAssertNil(bytes("user4406500") { IdentifierTable.packedWord($0) }, "eleven characters do not fit")
    }

    func testCompactUTCTimesAgreeWithTheGeneralParser() {
        for text in ["2016-01-01T00:00:56Z", "1970-01-01T00:00:00Z", "2016-02-29T23:59:60Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"] {
            var copy = text
            let fast = copy.withUTF8 { FieldParsing.utcSeconds($0) }
            XCTAssertNotNil(fast, text)
            XCTAssertEqual(fast, FieldParsing.iso8601(Array(text.utf8))?.seconds, text)
        }
        var known = "2016-01-01T00:00:56Z"
        XCTAssertEqual(known.withUTF8 { FieldParsing.utcSeconds($0) }, 1_451_606_456)
        for text in ["2015-02-29T00:00:00Z", "2016-13-01T00:00:00Z", "2016-01-01T24:00:00Z", "2016-01-01T00:00:00z", "2016-01-01 00:00:00Z", "2016-0a-01T00:00:00Z"] {
            var copy = text
            XCTAssertNil(copy.withUTF8 { FieldParsing.utcSeconds($0) }, text)
            XCTAssertEqual(FieldParsing.timestamp(text), FieldParsing.iso8601(Array(text.utf8))?.seconds, "\(text): the general parser decides")
        }
    }
}
