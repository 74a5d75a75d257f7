import ReachGraph
@testable import ReachGraphviz
import XCTest

/// The coordination section says whether its pairs are above what per-object shuffles give, and
/// how many ties would pass the per-tie test by chance alone.
final class CoordinationFindingsTests: XCTestCase {
    /// The section's sentences on `posts` (CSV rows after the header), with 19 per-object shuffles.
    private func sentences(_ rows: [String]) throws -> [String] {
        let dataset = try SampleDatasets.load(accounts: "id,kind\nsrc,media_centre", relations: nil, posts: (["post_id,author,time,parent_post"] + rows).joined(separator: "\n"))
        let log = ShareLog(posts: dataset.posts, object: .parent)
        let network = CoActionNetwork(log: log, options: .repeatedPairs(window: 600))
        let groups = CoordinationGroups(network: network, method: .louvain, seed: 1)
        let campaigns = CoordinationCampaigns(posts: dataset.posts, network: network, groups: groups, object: .parent)
        let baseline = ShuffleBaseline(log: log, network: network, shuffles: 19, seed: 1, method: .object)
        return CoordinationFindings.sentences(network: network, groups: groups, campaigns: campaigns, baseline: baseline, dataset: dataset)
    }

    func testPairsNoMoreThanShufflesGiveAreSaidToBeChanceLevel() throws {
        // Twenty pairs (a0, b0) … (a19, b19), each reposting two posts 10 s apart. Every post has
        // only its pair's two shares, so permuting its share times changes nothing: the shuffles
        // give the same 20 pairs and 40 posts in common, and no tie is above chance.
        let rows = (0 ..< 20).flatMap { pair in
            (0 ..< 2).flatMap { post in
                let id = "o\(pair)-\(post)", time = pair * 100_000 + post * 10_000
                return ["\(id),src,\(time),", "\(id)a,a\(pair),\(time + 60),\(id)", "\(id)b,b\(pair),\(time + 70),\(id)"]
            }
        }
        let text = try sentences(rows)
        XCTAssertEqual(
            text.first,
            "20 pairs of accounts reposted at least 2 of the same posts within 600 s of each other — about as many as 19 per-object shuffles give (20 expected, p = 1): "
                + "by count, no sign of co-reposting beyond chance; their summed weight, 40 posts in common over all pairs, is not above chance (40 expected, p = 1). 40 accounts fall into 20 groups (Louvain communities)."
        )
        XCTAssertTrue(text.contains { $0.hasSuffix("0 of 20 ties are above chance (p ≤ 0.05), where about 1 would pass by chance alone.") }, "\(text)")
    }

    func testPairsAboveWhatShufflesGiveAreSaidToBe() throws {
        // a and b repost four posts 10 s apart; each post's crowd is 20 accounts of its own, 1,000 s
        // apart. A shuffle rarely puts a and b in the close slots of two posts, and no other pair
        // shares two posts: 1 pair against about 0 (one shuffle put a and b close on one post: 0.053 posts).
        let rows = (0 ..< 4).flatMap { post in
            let id = "o\(post)", time = post * 100_000
            return ["\(id),src,\(time),", "\(id)a,a,\(time + 60),\(id)", "\(id)b,b,\(time + 70),\(id)"]
                + (1 ... 20).map { crowd in "\(id)c\(crowd),c\(post)-\(crowd),\(time + 60 + crowd * 1_000),\(id)" }
        }
        let text = try sentences(rows)
        XCTAssertEqual(
            text.first,
            "1 pair of accounts reposted at least 2 of the same posts within 600 s of each other — more than 19 per-object shuffles give (0 expected, p = 0.05); "
                + "their summed weight, 4 posts in common over all pairs, is above chance (0 expected, p = 0.05). 2 accounts fall into 1 group (Louvain communities)."
        )
        XCTAssertTrue(text.contains { $0.hasSuffix("1 of 1 ties are above chance (p ≤ 0.05), where about 0 would pass by chance alone; strongest a – b (4 posts in common, 0.053 expected).") }, "\(text)")
    }

    func testOneAccountRepostingOnePostAgainIsNoCoordination() throws {
        // Found on the Weibo CED export: h reposts post o three times, and each of 20 others
        // reposts it once, all within 600 s. Counted by co-reposts, h and every other account
        // made 3 pairs, "at least twice"; they have one post in common, which is no pattern.
        let rows = ["o,src,0,"] + (1 ... 3).map { "h\($0),h,\($0 * 100),o" } + (1 ... 20).map { "x\($0),x\($0),\(50 + $0 * 10),o" }
        let text = try sentences(rows)
        XCTAssertEqual(text, ["No two accounts reposted at least 2 of the same posts within 600 s of each other: no sign of co-reposting."])
    }
}
