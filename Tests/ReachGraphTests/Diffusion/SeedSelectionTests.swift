import ReachGraph
import ReachGraphCore
import XCTest

final class SeedSelectionTests: XCTestCase {
    /// hub → a → b reposts, hub — c collaboration (not amplification), d alone.
    private func dataset() throws -> Dataset {
        let folder = try TemporaryFolder()
        try folder.write("accounts.csv", "id,kind,followers\nhub,media_centre,10\na,influencer,\nb,community,\nc,think_tank,\nd,other,\n")
        try folder.write("relations.csv", "source,target,relation\nhub,a,repost\na,b,repost\nhub,c,collaboration\n")
        return try DatasetLoader.load(folder.path)
    }

    func testEveryEdgeFiringReachesTheWholeChain() throws {
        let data = try dataset()
        XCTAssertEqual(data.amplificationGraph().edgeCount, 2, "collaborations are not amplification")
        // p = 1: hub reaches hub, a, b (3 of 5 accounts); then c or d adds itself. CELF's runs
        // are all alike at p = 1, so its gains are exact and its tie goes to the lower index (c);
        // IMM's gains and tie-break come from sampled sets.
        for method in [InfluenceMaximizationMethod.imm(epsilon: 0.5, ell: 1), .celf(runs: 10)] {
            let selection = try SeedSelection(dataset: data, k: 2, model: .independentCascade(.uniform(1)), method: method, seed: 3, runs: .fixed(20))
            let seeds = selection.seedTable(dataset: data, title: "t")
            XCTAssertEqual(seeds.columns, ["order", "id", "marginal_gain", "name", "kind", "tier", "province", "platform", "followers"])
            XCTAssertEqual(seeds.rows.first?[1], .text("hub"), "\(method)")
            XCTAssertEqual(seeds.rows.first?.last, .integer(10))
            if case .celf = method {
                XCTAssertEqual(seeds.rows.map { Array($0.prefix(3)) }, [[.integer(1), .text("hub"), .number(3)], [.integer(2), .text("c"), .number(1)]])
            }
            let reach = selection.reachTable
            XCTAssertEqual(reach.rows, [
                [.text("expected reach"), .number(4)], [.text("95% interval low"), .number(4)], [.text("95% interval high"), .number(4)],
                [.text("standard deviation"), .number(0)], [.text("share of accounts"), .number(0.8)], [.text("runs"), .integer(20)],
            ])
        }
    }

    func testModelSummaries() {
        XCTAssertEqual(DiffusionModel.independentCascade(.uniform(0.25)).summary, "independent cascade, p = 0.25")
        XCTAssertEqual(DiffusionModel.independentCascade(.weightedCascade).summary, "weighted cascade (p = weight / in-strength)")
        XCTAssertEqual(DiffusionModel.linearThreshold(.inverseInDegree).summary, "linear threshold (weights 1/in-degree)")
    }
}
