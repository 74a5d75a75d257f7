import Foundation
import ReachGraph
import XCTest

/// Platform weights derived from published monthly users (`monthly_users` in a weights file),
/// and the shipped preset `graphs/weights/city-index-user-scale.json`.
final class IndexUserScaleWeightsTests: XCTestCase {
    private func weights(_ json: String) throws -> IndexWeights {
        try IndexWeights(json: Data(json.utf8), fileName: "weights.json")
    }

    /// The fixture's weights with facebook, youtube and tiktok given by users (3, 1 and 4 units)
    /// and x by `x`.
    private func json(x: String = #""monthly_users": { "value": 2, "as_of": "2025", "publisher": "P", "url": "https://x" }"#) -> String {
        func users(_ value: String) -> String { #""monthly_users": { "value": \#(value), "as_of": "2025-01", "publisher": "P", "url": "https://p", "note": "n" }"# }
        return IndexFixture.weightsJSON()
            .replacingOccurrences(of: #""facebook": { "weight": 0.4,"#, with: #""facebook": { \#(users("3")),"#)
            .replacingOccurrences(of: #""YouTube":  { "weight": 0.3,"#, with: #""YouTube":  { \#(users("1")),"#)
            .replacingOccurrences(of: #""x":        { "weight": 0.2,"#, with: #""x":        { \#(x),"#)
            .replacingOccurrences(of: #""tiktok":   { "weight": 0.1,"#, with: #""tiktok":   { \#(users("4e0")),"#)
    }

    func testWeightsAreProportionalToUsers() throws {
        let weights = try weights(json())
        XCTAssertTrue(weights.weightsFromUserScale)
        XCTAssertEqual(weights.platforms.map(\.name), ["facebook", "x", "youtube", "tiktok"])
        XCTAssertEqual(weights.platforms.map(\.weight), [0.3, 0.2, 0.1, 0.4])
        XCTAssertEqual(weights.platform(named: "youtube")?.userScale, IndexWeights.UserScale(monthlyUsers: 1, asOf: "2025-01", publisher: "P", url: "https://p", note: "n"))
        XCTAssertEqual(weights.platform(named: "youtube")?.dimensions, [.interaction: 0.5, .utilisation: 0.5])
        XCTAssertFalse(try IndexFixture.weights().weightsFromUserScale)

        // In the fixture's 2025-05 only facebook and youtube enter the composite: 0.3 and 0.1
        // become 3/4 and 1/4.
        let report = try IndexFixture.index(weights).report()
        XCTAssertEqual(report.ranking(of: "facebook")?.platform.compositeWeight ?? .nan, 0.75, accuracy: 1e-12)
        XCTAssertEqual(report.ranking(of: "youtube")?.platform.compositeWeight ?? .nan, 0.25, accuracy: 1e-12)
        let platforms = try XCTUnwrap(report.tables().last)
        XCTAssertEqual(Array(platforms.columns.suffix(3)), ["monthly_users", "users_as_of", "users_source"])
        XCTAssertEqual(Array(platforms.rows[0].suffix(3)), [.number(3), .text("2025-01"), .text("P, https://p")])
    }

    func testUsersAndWeightsAreNotMixed() {
        let mixed = json(x: #""weight": 0.2"#)
        XCTAssertThrowsError(try weights(mixed)) { error in
            XCTAssertEqual(
                (error as? InputError)?.description,
                "weights.json: platforms: facebook gives monthly_users but x gives a weight; give weights for every platform, or monthly_users for every platform"
            )
        }
        let both = json(x: #""weight": 0.2, "monthly_users": { "value": 2, "as_of": "2025", "publisher": "P", "url": "u" }"#)
        XCTAssertThrowsError(try weights(both)) { error in
            XCTAssertEqual((error as? InputError)?.description, "weights.json: platforms.x: gives both weight and monthly_users; give one (monthly_users derives the weight)")
        }
        let cases = [
            (#""value": 0, "as_of": "2025", "publisher": "P", "url": "u""#, "platforms.x.monthly_users.value: 0 is not a positive number of users"),
            (#""value": 2, "publisher": "P", "url": "u""#, "platforms.x.monthly_users.as_of: is missing but required"),
            (#""value": 2, "as_of": "2025", "publisher": " ", "url": "u""#, "platforms.x.monthly_users.publisher: is empty; cite the source"),
            (#""value": 2, "as_of": "2025", "publisher": "P", "url": "u", "source": "s""#, "platforms.x.monthly_users.source: unknown key (expected value, as_of, publisher, url, title, note)"),
        ]
        for (fields, message) in cases {
            XCTAssertThrowsError(try weights(json(x: #""monthly_users": { \#(fields) }"#)), message) { error in
                XCTAssertEqual((error as? InputError)?.description, "weights.json: " + message)
            }
        }
    }

    func testShippedPresetCitesEveryFigure() throws {
        let preset = try IndexWeights.load(contentsOf: Repository.root.appendingPathComponent("graphs/weights/city-index-user-scale.json").path)
        let city = try IndexWeights.load(contentsOf: Repository.root.appendingPathComponent("graphs/weights/city-index-weights.json").path)
        XCTAssertTrue(preset.weightsFromUserScale)
        // Monthly users in millions: Facebook 3,070 (Meta, 2023-12-31), X 586 (2025-01),
        // Instagram 3,000 (2025-09), YouTube 2,000 logged-in (2019-05), TikTok 1,000 (2025-09).
        let users: [String: Double] = ["facebook": 3_070, "x": 586, "instagram": 3_000, "youtube": 2_000, "tiktok": 1_000]
        for platform in preset.platforms {
            let scale = try XCTUnwrap(platform.userScale, platform.name)
            XCTAssertEqual(scale.monthlyUsers, try XCTUnwrap(users[platform.name]) * 1e6, platform.name)
            XCTAssertEqual(platform.weight, scale.monthlyUsers / 9_656e6, accuracy: 1e-12, platform.name)
            XCTAssertTrue(scale.url.hasPrefix("https://"), scale.url)
            XCTAssertFalse(scale.publisher.isEmpty || scale.asOf.isEmpty)
        }
        // Everything but the platform weights is the city preset's.
        XCTAssertEqual(preset.platforms.map(\.dimensions), city.platforms.map(\.dimensions))
        XCTAssertEqual(preset.platforms.map(\.inComposite), city.platforms.map(\.inComposite))
        XCTAssertEqual(preset.indicators, city.indicators)
        XCTAssertEqual(preset.options, city.options)
        XCTAssertEqual(preset.quantitativeShare, city.quantitativeShare)
        XCTAssertEqual(preset.minimumAccountsPerPlatform, city.minimumAccountsPerPlatform)
    }
}
