import Foundation
import ReachGraph
import XCTest

final class IndexWeightsTests: XCTestCase {
    private var repositoryRoot: URL { Repository.root }

    /// Asserts that the fixture weights with `original` replaced by `replacement` fail with `expected`.
    private func assertRejected(
        replacing original: String, with replacement: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let json = IndexFixture.weightsJSON()
        XCTAssertTrue(json.contains(original), "fixture lacks \(original)", file: file, line: line)
        assertRejected(json.replacingOccurrences(of: original, with: replacement), expected, file: file, line: line)
    }

    private func assertRejected(_ json: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try IndexWeights(json: Data(json.utf8), fileName: "weights.json"), file: file, line: line) { error in
            XCTAssertEqual((error as? InputError)?.description, expected, file: file, line: line)
        }
    }

    func testShippedFileIsTheBuiltInDefault() throws {
        let path = repositoryRoot.appendingPathComponent("graphs/weights/default-index-weights.json").path
        XCTAssertEqual(try IndexWeights.load(contentsOf: path), IndexWeights.default)
    }

    func testFixtureWeightsReadAsWritten() throws {
        let weights = try IndexFixture.weights()
        XCTAssertEqual(weights.platforms.map(\.name), ["facebook", "x", "youtube", "tiktok"], "known order, names lower-cased")
        XCTAssertEqual(weights.platform(named: "YOUTUBE")?.dimensions, [.interaction: 0.5, .utilisation: 0.5])
        XCTAssertEqual(weights.platform(named: "tiktok")?.inComposite, false)
        XCTAssertEqual(weights.platform(named: "x")?.inComposite, true)
        XCTAssertEqual(weights.indicators[.utilisation], [.followers: 0.5, .views: 0.5])
        XCTAssertEqual(weights.options, IndicatorOptions(log1p: false, perPostRates: false, normalisation: .minMax))
        XCTAssertEqual(weights.quantitativeShare, 0.8)
        XCTAssertEqual(weights.minimumAccountsPerPlatform, 2)
        XCTAssertNil(weights.about)
    }

    func testWeightsThatDoNotSumToOne() {
        assertRejected(replacing: #""weight": 0.4"#, with: #""weight": 0.5"#, "weights.json: platforms: weights sum to 1.1, not 1")
        assertRejected(
            replacing: #""G": 0.2, "I": 0.4, "U": 0.4"#, with: #""G": 0.2, "I": 0.4, "U": 0.3"#,
            "weights.json: platforms.facebook.dimensions: weights sum to 0.9, not 1"
        )
        assertRejected(
            replacing: #""comments": 0.25"#, with: #""comments": 0.3"#, "weights.json: indicators.I: weights sum to 1.05, not 1"
        )
        // Within the tolerance of 1e-6 is accepted.
        let close = IndexFixture.weightsJSON().replacingOccurrences(of: #""weight": 0.4"#, with: #""weight": 0.4000001"#)
        XCTAssertNoThrow(try IndexWeights(json: Data(close.utf8), fileName: "weights.json"))
    }

    func testUnknownAndDuplicatePlatforms() {
        assertRejected(
            replacing: #""x":"#, with: #""weibo":"#,
            #"weights.json: platforms.weibo: unknown platform "weibo" (known: facebook, x, instagram, youtube, tiktok)"#
        )
        assertRejected(
            replacing: #""x":"#, with: #""Facebook":"#,
            "weights.json: platforms.facebook: names the same platform as another key (platform names ignore case)"
        )
    }

    func testNegativeWeightsAndSplitsOutOfRange() {
        assertRejected(replacing: #""weight": 0.1"#, with: #""weight": -0.1"#, "weights.json: platforms.tiktok.weight: -0.1 is negative")
        assertRejected(replacing: #""G": 1 },"#, with: #""G": -1 },"#, "weights.json: platforms.tiktok.dimensions.G: -1 is negative")
        assertRejected(replacing: #""quantitative_share": 0.8"#, with: #""quantitative_share": 1.2"#, "weights.json: quantitative_share: 1.2 is outside 0–1")
        assertRejected(
            replacing: #""min_accounts_per_platform": 2"#, with: #""min_accounts_per_platform": 0"#,
            "weights.json: min_accounts_per_platform: 0 is not a whole number of at least 1"
        )
        assertRejected(
            replacing: #""min_accounts_per_platform": 2"#, with: #""min_accounts_per_platform": 2.5"#,
            "weights.json: min_accounts_per_platform: 2.5 is not a whole number of at least 1"
        )
    }

    func testMalformedJSON() {
        #if os(Linux)
        assertRejected("{\"platforms\": {", "weights.json: not valid JSON: Unexpected end of file during JSON parse.")
        assertRejected("weights", "weights.json: not valid JSON: Invalid value around character 0.")
        #else
        XCTAssertThrowsError(try IndexWeights(json: Data("{\"platforms\": {".utf8), fileName: "weights.json")) { error in
            XCTAssertTrue("\(error)".hasPrefix("weights.json: not valid JSON: "), "\(error)")
        }
        #endif
        assertRejected("", "weights.json: file is empty: expected a JSON object of weights")
        assertRejected("[1, 2]", "weights.json: top level: expected an object")
    }

    func testWrongKeysTypesAndNames() {
        assertRejected(replacing: #""quantitative_share": 0.8,"#, with: "", "weights.json: quantitative_share: is missing but required")
        assertRejected(
            replacing: #""quantitative_share""#, with: #""quantitative_shares""#,
            "weights.json: quantitative_shares: unknown key (expected about, platforms, indicators, options, quantitative_share, min_accounts_per_platform)"
        )
        assertRejected(replacing: #""weight": 0.3"#, with: #""weight": "0.3""#, "weights.json: platforms.YouTube.weight: expected a number")
        assertRejected(replacing: #""log1p": false"#, with: #""log1p": null"#, "weights.json: options.log1p: expected true or false")
        assertRejected(
            replacing: #""normalisation": "min-max""#, with: #""normalisation": "minmax""#,
            #"weights.json: options.normalisation: "minmax" is not one of min-max, z-score"#
        )
        assertRejected(
            replacing: #""I": { "shares": 0.5"#, with: #""I": { "views": 0.5"#,
            "weights.json: indicators.I.views: views is a U indicator, not I (I: shares, comments, likes)"
        )
        assertRejected(
            replacing: #""I": { "shares": 0.5"#, with: #""I": { "retweets": 0.5"#,
            #"weights.json: indicators.I.retweets: unknown indicator "retweets" (I: shares, comments, likes)"#
        )
        assertRejected(
            replacing: #""G": 1 },"#, with: #""V": 1 },"#, "weights.json: platforms.tiktok.dimensions.V: is not a dimension (G, I or U)"
        )
        assertRejected(
            replacing: #""G": 1 }, "in_composite": false"#, with: #""G": 1 }, "in composite": false"#,
            #"weights.json: platforms.tiktok["in composite"]: unknown key (expected weight, monthly_users, dimensions, in_composite)"#
        )
    }

    func testAtLeastOnePlatformMustEnterTheComposite() {
        let json = """
            {"platforms": {"x": {"weight": 1, "dimensions": {"G": 1}, "in_composite": false}},
             "indicators": {"G": {"posts": 1}, "I": {"likes": 1}, "U": {"views": 1}},
             "options": {"log1p": true, "per_post_rates": false, "normalisation": "z-score"},
             "quantitative_share": 1, "min_accounts_per_platform": 1}
            """
        assertRejected(json, "weights.json: platforms: no platform enters the composite (every in_composite is false)")
    }

    func testLoadNamesTheFile() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("my-weights.json", IndexFixture.weightsJSON().replacingOccurrences(of: "0.4, \"dimensions\"", with: "-0.4, \"dimensions\""))
        XCTAssertThrowsError(try IndexWeights.load(contentsOf: path)) { error in
            XCTAssertEqual("\(error)", "my-weights.json: platforms.facebook.weight: -0.4 is negative")
        }
        XCTAssertThrowsError(try IndexWeights.load(contentsOf: folder.path + "/none.json")) { error in
            XCTAssertEqual("\(error)", "none.json: cannot read the file")
        }
    }
}
