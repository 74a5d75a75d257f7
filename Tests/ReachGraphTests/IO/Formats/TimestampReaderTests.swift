@testable import ReachGraph
import XCTest

/// Every accepted time form, hand-computed: 2018-10-10T20:19:24Z is 1539202764.
final class TimestampReaderTests: XCTestCase {
    func read(_ text: String, zone: NaiveTimeZone = .utc) throws -> Double {
        var reader = TimestampReader(zone: zone)
        return try reader.read(text, line: 1)
    }

    func testISO8601WithAndWithoutZone() throws {
        XCTAssertEqual(try read("2018-10-10T20:19:24Z"), 1_539_202_764)
        XCTAssertEqual(try read("2018-10-10T22:19:24+02:00"), 1_539_202_764)
        XCTAssertEqual(try read("2018-10-10T20:19:24.000Z"), 1_539_202_764)
        XCTAssertEqual(try read("2018-10-10 20:19"), 1_539_202_740)
        XCTAssertEqual(try read("2018-10-11 04:19:24", zone: try XCTUnwrap(NaiveTimeZone(parsing: "+08:00"))), 1_539_202_764)
        XCTAssertEqual(try read("2018-10-11 04:19:24", zone: try XCTUnwrap(NaiveTimeZone(parsing: "Asia/Shanghai"))), 1_539_202_764)
        // A zone in the text wins over --timezone.
        XCTAssertEqual(try read("2018-10-10T20:19:24Z", zone: try XCTUnwrap(NaiveTimeZone(parsing: "+08:00"))), 1_539_202_764)
    }

    func testNamedZoneFollowsDaylightSaving() throws {
        let newYork = try XCTUnwrap(NaiveTimeZone(parsing: "America/New_York"))
        XCTAssertEqual(try read("2018-07-01 12:00", zone: newYork), try read("2018-07-01T16:00:00Z"))
        XCTAssertEqual(try read("2018-01-01 12:00", zone: newYork), try read("2018-01-01T17:00:00Z"))
    }

    func testTwitterAndWeiboAPIForm() throws {
        XCTAssertEqual(try read("Wed Oct 10 20:19:24 +0000 2018"), 1_539_202_764)
        XCTAssertEqual(try read("Thu Oct 11 04:19:24 +0800 2018"), 1_539_202_764)
    }

    /// A day past the month's end is no date (it used to roll over: 31 February read as 3 March).
    func testDaysPastTheMonthsEndAreRefused() throws {
        XCTAssertEqual(try read("Thu Feb 29 00:00:00 +0000 2024"), 1_709_164_800)
        XCTAssertEqual(try read("2/29/2024 0:00"), 1_709_164_800)
        for text in ["Sat Feb 31 00:00:00 +0000 2024", "Thu Feb 29 00:00:00 +0000 2023", "Sat Apr 31 00:00:00 +0000 2024", "Sat Feb  31 00:00:00 +0000 2024",
                     "2/30/2024 0:00", "4/31/2024", "2023-02-29T00:00:00Z", "2024-06-31 12:00"] {
            XCTAssertThrowsError(try read(text), text)
        }
        XCTAssertTrue(FieldParsing.isPeriodLabel("2024-02-29"))
        XCTAssertFalse(FieldParsing.isPeriodLabel("2023-02-29"))
        XCTAssertFalse(FieldParsing.isPeriodLabel("2024-09-31"))
        XCTAssertNotNil(WeiboCEDReader.monthDay("02月29日 17:45"))
        XCTAssertNil(WeiboCEDReader.monthDay("02月30日 17:45"))
    }

    /// The byte path the large readers take agrees with the text path where it answers, and
    /// leaves every other layout (and every error) to it.
    func testCommonFormsFromBytes() throws {
        func common(_ text: String, zone: NaiveTimeZone = .utc) -> (Double?, naive: Int) {
            var reader = TimestampReader(zone: zone)
            var copy = text
            let seconds = copy.withUTF8 { reader.readCommonForm($0) }
            return (seconds, reader.naiveCount)
        }
        XCTAssertEqual(common("Wed Oct 10 20:19:24 +0000 2018").0, 1_539_202_764)
        XCTAssertEqual(common(" thu OCT 11 04:19:24 +0800 2018\t").0, 1_539_202_764)
        XCTAssertEqual(common("Wed Oct 10 18:49:24 -0130 2018").0, 1_539_202_764)
        XCTAssertEqual(common("2018-10-10T20:19:24Z").0, 1_539_202_764)
        let naive = common("2018-10-11 04:19", zone: try XCTUnwrap(NaiveTimeZone(parsing: "+08:00")))
        XCTAssertEqual(naive.0, 1_539_202_740)
        XCTAssertEqual(naive.naive, 1)
        // Epoch numbers too, in the column's unit (posts tables write them by the million).
        XCTAssertEqual(common("1539202764").0, 1_539_202_764)
        XCTAssertEqual(common("1539202764000").0, 1_539_202_764)
        // Layouts the text path still reads, and what is no time at all, are left to it.
        for text in ["Wed Oct  1 20:19:24 +0000 2018", "Wed Oct 1 20:19:24 +0000 2018", "Wed Oct 10 20:19:24 +0000 +018", "Wed Okt 10 20:19:24 +0000 2018",
                     "Wed Oct 10 24:19:24 +0000 2018", "Wed Oct 32 20:19:24 +0000 2018", "Mié Oct 10 20:19:24 +0000 2018", "10/10/2018 20:19",
                     "2018-13-10 20:19", "", "   "] {
            XCTAssertNil(common(text).0, text)
        }
        XCTAssertEqual(try read("Wed Oct  1 20:19:24 +0000 2018"), 1_538_425_164)
        XCTAssertEqual(try read("Mié Oct 10 20:19:24 +0000 2018"), 1_539_202_764)
    }

    func testUSSpreadsheetDates() throws {
        XCTAssertEqual(try read("10/10/2018 20:19"), 1_539_202_740)
        XCTAssertEqual(try read("10/10/2018 8:19:24 PM"), 1_539_202_764)
        XCTAssertEqual(try read("10/10/2018"), 1_539_129_600)
    }

    func testEpochUnitsFromMagnitude() throws {
        XCTAssertEqual(try read("1539202764"), 1_539_202_764)
        // Milliseconds land in 2018, not in the year 50 000.
        XCTAssertEqual(try read("1539202764000"), 1_539_202_764)
        XCTAssertEqual(iso8601String(fromUnixSeconds: try read("1539202764000")), "2018-10-10T20:19:24Z")
        XCTAssertEqual(try read("1539202764000000"), 1_539_202_764)
        XCTAssertEqual(try read("1637750294.0"), 1_637_750_294)
    }

    func testMixedUnitsAreAnErrorNamingTheDecidingLine() throws {
        var reader = TimestampReader()
        XCTAssertEqual(try reader.read("1539202764", line: 2), 1_539_202_764)
        XCTAssertEqual(try reader.read("1539202765", line: 3), 1_539_202_765)
        XCTAssertThrowsError(try reader.read("1539202766000", line: 4)) { error in
            let message = (error as? TimestampReader.Problem)?.message ?? ""
            XCTAssertTrue(message.contains("milliseconds"), message)
            XCTAssertTrue(message.contains("line 2"), message)
        }
    }

    func testRejectsWhatIsNotATime() throws {
        for text in ["2018-13-01", "yesterday", "1e30", "10/40/2018 10:00", "Wed Foo 10 20:19:24 +0000 2018", "02月06日 17:45"] {
            XCTAssertThrowsError(try read(text), text)
        }
    }

    /// CrowdTangle's dashboard downloads write `2021-03-01 12:00:00 EST`; each abbreviation is
    /// a fixed offset, hand-checked against the same instant written in ISO 8601 with `Z`.
    func testZoneAbbreviations() throws {
        var reader = TimestampReader()
        let instant = try read("2021-03-01T17:00:00Z")
        XCTAssertEqual(try reader.read("2021-03-01 12:00:00 EST", line: 2), instant)
        XCTAssertEqual(try reader.read("2021-03-01 13:00:00 EDT", line: 3), instant)
        XCTAssertEqual(try reader.read("2021-03-01 11:00:00 CST", line: 4), instant)
        XCTAssertEqual(try reader.read("2021-03-01 10:00:00 MST", line: 5), instant)
        XCTAssertEqual(try reader.read("2021-03-01 09:00:00 pst", line: 6), instant)
        XCTAssertEqual(try reader.read("2021-03-01 17:00:00 GMT", line: 7), instant)
        XCTAssertEqual(try reader.read("2021-03-01 18:00:00 CET", line: 8), instant)
        // Numeric abbreviations, as the tz database writes for zones without letters.
        XCTAssertEqual(try reader.read("2021-03-01 14:00:00 -03", line: 9), instant)
        XCTAssertEqual(try reader.read("2021-03-01 22:30:00 +0530", line: 10), instant)
        XCTAssertEqual(try reader.read("2021-03-01 12:00:00 EDT", line: 11), instant - 3600)
        XCTAssertEqual(reader.naiveCount, 0)
        XCTAssertEqual(reader.abbreviationNote?.value, "EDT as UTC-04:00 ×2, +0530 as UTC+05:30 ×1, -03 as UTC-03:00 ×1, CET as UTC+01:00 ×1, CST as UTC-06:00 (US Central) ×1, EST as UTC-05:00 ×1, GMT as UTC ×1, MST as UTC-07:00 ×1, PST as UTC-08:00 ×1")
    }

    /// In Beijing time (the tz database calls it CST too) CST is China Standard Time.
    func testCSTIsChinaStandardTimeWhenTheTimezoneIsEightHoursEast() throws {
        let instant = try read("2021-03-01T17:00:00Z")
        var reader = TimestampReader(zone: try XCTUnwrap(NaiveTimeZone(parsing: "Asia/Shanghai")))
        XCTAssertEqual(try reader.read("2021-03-02 01:00:00 CST", line: 2), instant)
        XCTAssertEqual(reader.abbreviationNote?.value, "CST as UTC+08:00 (China, as --timezone) ×1")
        XCTAssertEqual(try read("2021-03-02 01:00:00 CST", zone: try XCTUnwrap(NaiveTimeZone(parsing: "+08:00"))), instant)
        XCTAssertEqual(try read("2021-03-01 11:00:00 CST", zone: try XCTUnwrap(NaiveTimeZone(parsing: "America/Chicago"))), instant)
    }

    func testUnknownOrAmbiguousAbbreviationsAreRefused() throws {
        for abbreviation in ["IST", "BST", "XYZ"] {
            XCTAssertThrowsError(try read("2021-03-01 12:00:00 \(abbreviation)")) { error in
                XCTAssertEqual(
                    (error as? TimestampReader.Problem)?.message,
                    "\"2021-03-01 12:00:00 \(abbreviation)\": zone abbreviation \"\(abbreviation)\" is not one ReachGraph reads (UTC, GMT, EST/EDT, CST/CDT, MST/MDT, PST/PDT, AKST/AKDT, HST, CET/CEST, or a numeric offset such as -03); abbreviations such as IST or BST name several zones, so write the offset instead"
                )
            }
        }
        // An ISO time with a zone already, or a malformed offset, is no abbreviated time.
        for text in ["2021-03-01T12:00:00Z EST", "2021-03-01 12:00:00 +3", "2021-03-01 12:00:00 +25", "2021-03-01 EST 12:00"] {
            XCTAssertThrowsError(try read(text), text)
        }
    }

    func testZoneNames() {
        XCTAssertEqual(NaiveTimeZone(parsing: "UTC")?.description, "UTC")
        XCTAssertEqual(NaiveTimeZone(parsing: "+8")?.description, "UTC+08:00")
        XCTAssertEqual(NaiveTimeZone(parsing: "UTC-05:30")?.description, "UTC-05:30")
        XCTAssertEqual(NaiveTimeZone(parsing: "-0500")?.description, "UTC-05:00")
        XCTAssertNil(NaiveTimeZone(parsing: "Mars/Olympus"))
        XCTAssertNil(NaiveTimeZone(parsing: "+25:00"))
    }

    func testPlausibleRange() throws {
        let range = TimestampReader.plausibleRange(now: Date(timeIntervalSince1970: try read("2026-06-01T00:00:00Z")))
        XCTAssertEqual(range.lowerBound, try read("2000-01-01T00:00:00Z"))
        XCTAssertEqual(range.upperBound, try read("2028-01-01T00:00:00Z"))
    }
}
