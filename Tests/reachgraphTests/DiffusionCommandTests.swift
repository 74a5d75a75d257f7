import Foundation
import XCTest

/// `reachgraph simulate` and `reachgraph seeds` on graphs small enough to work out by hand.
final class DiffusionCommandTests: XCTestCase {
    /// The values of a `measure,value` CSV, by measure.
    private func measures(_ csv: String) -> [String: Double] {
        var values: [String: Double] = [:]
        for line in csv.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",")
            values[String(fields[0])] = Double(fields[1])
        }
        return values
    }

    func testSimulateCertainAndHalfChances() throws {
        let chain = try ReachGraphCLI.temporaryFile("chain.csv", "source,target\nhub,a\na,b\nc,hub\n")
        // p = 1 along hub → a → b: 3 of 4 accounts, every run.
        let certain = try ReachGraphCLI.run(["simulate", chain, "--seeds", "hub", "--p", "1", "--runs", "50", "--format", "csv"])
        XCTAssertEqual(certain.status, 0, certain.error)
        XCTAssertEqual(certain.output, "measure,value\nexpected reach,3\n95% interval low,3\n95% interval high,3\nstandard deviation,0\nshare of accounts,0.75\nruns,50\n")
        // Weighted cascade and linear threshold: every in-degree is 1, so every edge fires.
        for model in ["wc", "lt"] {
            let result = try ReachGraphCLI.run(["simulate", chain, "--seeds", "c", "--model", model, "--runs", "20", "--format", "csv"])
            XCTAssertEqual(measures(result.output)["expected reach"], 4, model)
        }
        XCTAssertEqual(measures(try ReachGraphCLI.run(["simulate", chain, "--seeds", "a,b", "--p", "0", "--format", "csv"]).output)["expected reach"], 2)
        // hub → a, hub → b at p = ½: reach 1 + Binomial(2, ½), mean 2, standard deviation √½.
        let star = try ReachGraphCLI.temporaryFile("star.csv", "hub,a\nhub,b\n")
        let half = measures(try ReachGraphCLI.run(["simulate", star, "--seeds", "hub", "--p", "0.5", "--seed", "5", "--format", "csv"]).output)
        XCTAssertEqual(try XCTUnwrap(half["expected reach"]), 2, accuracy: 0.05)
        XCTAssertEqual(try XCTUnwrap(half["standard deviation"]), 0.5.squareRoot(), accuracy: 0.03)
        // By default the runs go on until the interval is within ±1% of the reach: 1.96 · √½ / √n ≤ 0.02
        // needs n ≥ 4,802 runs, give or take the pilot's estimate of the spread.
        let runs = try XCTUnwrap(half["runs"])
        XCTAssert((4_000 ... 6_500).contains(runs), "\(runs) runs")
        let reach = try XCTUnwrap(half["expected reach"])
        XCTAssertLessThanOrEqual(try XCTUnwrap(half["95% interval high"]) - reach, 0.01 * reach * (1 + 1e-9))
        let again = try ReachGraphCLI.run(["simulate", star, "--seeds", "hub", "--p", "0.5", "--seed", "5", "--format", "csv"])
        XCTAssertEqual(measures(again.output), half, "same seed, same numbers")
        let fixed = try ReachGraphCLI.run(["simulate", star, "--seeds", "hub", "--p", "0.5", "--seed", "5", "--runs", String(Int(runs)), "--format", "csv"])
        XCTAssertEqual(measures(fixed.output), half, "the adaptive estimate is the fixed one of as many runs")
    }

    func testSimulateErrors() throws {
        let chain = try ReachGraphCLI.temporaryFile("chain.csv", "hub,a\n")
        let unknown = try ReachGraphCLI.run(["simulate", chain, "--seeds", "zed"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertEqual(unknown.error, "reachgraph: --seeds: account \"zed\" is not in the dataset\n")
        let named = try ReachGraphCLI.temporaryFolder(["accounts.csv": "id,name,kind\n17,Hunan Centre,media_centre\n18,,community\n", "relations.csv": "source,target,relation\n17,18,repost\n"])
        let byName = try ReachGraphCLI.run(["simulate", named, "--seeds", "Hunan Centre"])
        XCTAssertEqual(byName.status, 1)
        XCTAssertEqual(byName.error, "reachgraph: --seeds: account \"Hunan Centre\" is not in the dataset (Hunan Centre is the name of account 17; --seeds takes ids)\n")
        try assertUsageError(["simulate", chain, "--seeds", "hub", "--p", "2"], "--p must be between 0 and 1")
        try assertUsageError(["simulate", chain, "--seeds", "hub", "--runs", "0"], "--runs must be at least 1")
    }

    func testSeedsByCELFAndIMM() throws {
        let dataset = try ReachGraphProcess.sampleDataset()
        // At p = 1 the hub reaches all six accounts; CELF's gains are then exact.
        let celf = try ReachGraphCLI.run(["seeds", dataset, "--k", "1", "--p", "1", "--method", "celf", "--runs", "10", "--format", "json"])
        XCTAssertEqual(celf.status, 0, celf.error)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(celf.output.utf8)) as? [String: Any])
        let seeds = try XCTUnwrap(object["seeds"] as? [[String: Any]])
        XCTAssertEqual(seeds.count, 1)
        XCTAssertEqual(seeds.first?["id"] as? String, "hub")
        XCTAssertEqual(seeds.first?["name"] as? String, "湖南国际传播中心")
        XCTAssertEqual(seeds.first?["marginal_gain"] as? Double, 6)
        let reach = try XCTUnwrap(object["reach"] as? [[String: Any]])
        XCTAssertEqual(reach.first { $0["measure"] as? String == "expected reach" }?["value"] as? Double, 6)
        XCTAssertEqual(reach.first { $0["measure"] as? String == "share of accounts" }?["value"] as? Double, 1)
        // IMM picks the same account; its options are --imm-epsilon and --imm-ell.
        let imm = try ReachGraphCLI.run(["seeds", dataset, "--k", "1", "--p", "1", "--imm-epsilon", "0.3", "--imm-ell", "2", "--format", "json"])
        XCTAssertEqual(imm.status, 0, imm.error)
        let immObject = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(imm.output.utf8)) as? [String: Any])
        XCTAssertEqual((immObject["seeds"] as? [[String: Any]])?.compactMap { $0["id"] as? String }, ["hub"])
        try assertUsageError(["seeds", dataset, "--k", "1", "--epsilon", "0.3"], "Unknown option '--epsilon'")
        try assertUsageError(["seeds", dataset, "--k", "1", "--imm-epsilon", "1"], "--imm-epsilon must be between 0 and 1")
        try assertUsageError(["seeds", dataset, "--k", "0"], "--k must be at least 1")
    }

    func testSeedsModelDefaultsAndRuns() throws {
        let dataset = try ReachGraphProcess.sampleDataset()
        // No --model and no --p: the weighted cascade, the IMM paper's model.
        let plain = try ReachGraphCLI.run(["seeds", dataset, "--k", "1"])
        XCTAssertEqual(plain.status, 0, plain.error)
        XCTAssertTrue(plain.output.contains("1 accounts that reach the most under weighted cascade (p = weight / in-strength) (imm)"), plain.output)
        // --p alone is the independent cascade with that probability; at p = 1 every run reaches
        // all six accounts, so the interval is exact after the 256-run pilot.
        let certain = try ReachGraphCLI.run(["seeds", dataset, "--k", "1", "--p", "1", "--table", "reach", "--format", "csv"])
        XCTAssertEqual(certain.status, 0, certain.error)
        XCTAssertEqual(measures(certain.output)["runs"], 256)
        XCTAssertEqual(measures(certain.output)["expected reach"], 6)
        let titled = try ReachGraphCLI.run(["seeds", dataset, "--k", "1", "--p", "1"])
        XCTAssertTrue(titled.output.contains("under independent cascade, p = 1 (imm)"), titled.output)
        // --model ic without --p keeps p = 0.1; --runs fixes the count.
        let fixed = try ReachGraphCLI.run(["seeds", dataset, "--k", "1", "--model", "ic", "--runs", "40", "--table", "reach", "--format", "csv"])
        XCTAssertEqual(measures(fixed.output)["runs"], 40)
        try assertUsageError(["seeds", dataset, "--k", "1", "--model", "wc", "--p", "0.5"], "--p applies to --model ic only")
        try assertUsageError(["seeds", dataset, "--k", "1", "--imm-memory", "0"], "--imm-memory must be at least 1 (MiB)")
        try assertUsageError(["simulate", dataset, "--seeds", "hub", "--model", "lt", "--p", "0.5"], "--p applies to --model ic only")
    }
}
