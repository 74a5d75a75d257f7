import ReachGraph
import XCTest

final class TimeSpanTests: XCTestCase {
    func testUnitsAndBareSeconds() {
        let cases: [(String, Double)] = [
            ("60s", 60), ("10m", 600), ("72h", 259_200), ("3d", 259_200), ("600", 600), ("0", 0),
            ("1.5h", 5400), (" 10 M ", 600), (".5s", 0.5), ("2D", 172_800),
        ]
        for (text, seconds) in cases {
            XCTAssertEqual(TimeSpan(parsing: text)?.seconds, seconds, text)
        }
    }

    func testRejectsWhatIsNotADuration() {
        for text in ["", "s", "-5", "+5", "10x", "1e3", "10 minutes", "1.2.3", ".", "inf", "nan", "5ms", "h10"] {
            XCTAssertNil(TimeSpan(parsing: text), text)
        }
    }

    func testDescriptionUsesTheLargestExactUnit() {
        XCTAssertEqual(TimeSpan(seconds: 600).description, "10m")
        XCTAssertEqual(TimeSpan(seconds: 259_200).description, "3d")
        XCTAssertEqual(TimeSpan(seconds: 3600).description, "1h")
        XCTAssertEqual(TimeSpan(seconds: 5400).description, "90m")
        XCTAssertEqual(TimeSpan(seconds: 90).description, "90s")
        XCTAssertEqual(TimeSpan(seconds: 0.5).description, "0.5s")
        XCTAssertEqual(TimeSpan(seconds: 0).description, "0s")
        for seconds in [0.5, 90, 600, 5400, 259_200] {
            XCTAssertEqual(TimeSpan(parsing: TimeSpan(seconds: seconds).description)?.seconds, seconds, "round trip")
        }
    }
}
