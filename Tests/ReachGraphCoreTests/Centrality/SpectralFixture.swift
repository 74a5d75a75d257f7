import ReachGraphCore
import XCTest

/// One graph of `Fixtures/spectral.json` (written by `make_spectral.py`) with every measure's
/// expected values.
struct SpectralFixtureCase: Decodable {
    struct Degree: Decodable {
        let total: [Int]
        let `in`: [Int]
        let out: [Int]
        let totalStrength: [Double]
        let inStrength: [Double]
        let outStrength: [Double]
        let centrality: [Double]
        let inCentrality: [Double]
        let outCentrality: [Double]
    }

    /// The union of every option the fixture cases set, under the Swift option names.
    struct Options: Decodable {
        let damping: Double?
        let personalization: [Double]?
        let dangling: [Double]?
        let start: [Double]?
        let weighted: Bool?
        let maxIterations: Int?
        let tolerance: Double?
        let normalized: Bool?
        let attenuation: Double?
        let baseline: Double?
        let baselineVector: [Double]?
    }

    /// A run of an iterative measure: either `result` or `error` ("failedToConverge").
    struct Iterative: Decodable {
        let label: String
        let options: Options
        let result: [Double]?
        let error: String?
    }

    struct HITS: Decodable {
        let label: String
        let options: Options
        let hubs: [Double]?
        let authorities: [Double]?
        let error: String?
        let arpackHubs: [Double]?
        let arpackAuthorities: [Double]?
    }

    struct Core: Decodable {
        let selfLoopsRemoved: Bool
        let total: [Int]
        let `in`: [Int]
        let out: [Int]
    }

    struct CollectiveInfluence: Decodable {
        let radius: Int
        let scores: [Double]
        let order: [Int32]
    }

    struct VoteRank: Decodable {
        let count: Int?
        let order: [Int32]
    }

    let name: String
    let graph: FixtureGraph
    let degree: Degree
    let pagerank: [Iterative]
    let hits: [HITS]
    let eigenvector: [Iterative]
    let katz: [Iterative]
    let core: Core
    let collectiveInfluence: [CollectiveInfluence]
    let voterank: [VoteRank]

    static func all() throws -> [SpectralFixtureCase] {
        let cases = try loadFixture("spectral.json", as: [SpectralFixtureCase].self)
        XCTAssertGreaterThanOrEqual(cases.count, 8)
        return cases
    }
}

/// Checks an iterative measure against a fixture run: the same values within `relative`, or the
/// same convergence failure.
func assertMatches(
    _ run: @autoclosure () throws -> [Double],
    _ expected: SpectralFixtureCase.Iterative,
    relative: Double = 1e-6,
    _ context: String,
    file: StaticString = #filePath,
    line: UInt = #line
) {
    let message = "\(context) \(expected.label)"
    if expected.error != nil {
        XCTAssertThrowsError(try run(), message, file: file, line: line) { error in
            guard case CentralityError.failedToConverge = error else {
                return XCTFail("\(message): \(error)", file: file, line: line)
            }
        }
        return
    }
    guard let result = expected.result else { return XCTFail("\(message): fixture has no result", file: file, line: line) }
    do {
        assertClose(try run(), result, relative: relative, message, file: file, line: line)
    } catch {
        XCTFail("\(message): \(error)", file: file, line: line)
    }
}

/// Asserts `actual` equals `expected` within `relative` times the largest expected magnitude, for
/// comparisons against a different solver whose error is spread over the whole vector.
func assertCloseToScale(_ actual: [Double], _ expected: [Double], relative: Double, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.count, expected.count, "\(message): length", file: file, line: line)
    let scale = expected.map(abs).max() ?? 0
    for (index, (a, e)) in zip(actual, expected).enumerated() {
        XCTAssertLessThanOrEqual(abs(a - e), relative * scale, "\(message)[\(index)]: \(a) vs \(e)", file: file, line: line)
    }
}

/// Asserts that `body` throws ``CentralityError/invalidOption(_:)``.
func assertInvalidOption<T>(_ body: @autoclosure () throws -> T, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertThrowsError(try body(), message, file: file, line: line) { error in
        guard case CentralityError.invalidOption = error else { return XCTFail("\(message): \(error)", file: file, line: line) }
    }
}
