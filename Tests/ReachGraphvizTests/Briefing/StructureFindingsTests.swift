import ReachGraph
@testable import ReachGraphviz
import XCTest

/// The 1+N section's sentences say what each number counts, with the scorecard's values.
final class StructureFindingsTests: XCTestCase {
    /// Province P: hub → c1, c2, c3; the hub posts h1, h2, h3; c1 and c2 repost h1 and h2, c3
    /// reposts h1 after the 72 h window. Province Q: qhub → q1, q2; both repost g1, neither g2.
    static let accounts = """
        id,kind,province,tier,parent
        hub,media_centre,P,provincial,
        c1,media_centre,P,municipal,hub
        c2,media_centre,P,municipal,hub
        c3,media_centre,P,municipal,hub
        qhub,media_centre,Q,provincial,
        q1,media_centre,Q,municipal,qhub
        q2,media_centre,Q,municipal,qhub
        """
    static let posts = """
        post_id,author,time,parent_post,root_post
        h1,hub,0,,
        r1,c1,600,h1,h1
        r2,c2,1200,h1,h1
        r3,c3,400000,h1,h1
        h2,hub,100000,,
        r4,c1,103600,h2,h2
        r5,c2,107200,h2,h2
        h3,hub,200000,,
        g1,qhub,0,,
        s1,q1,60,g1,g1
        s2,q2,120,g1,g1
        g2,qhub,50000,,
        """

    func testCoverageIsSaidAsTheAverageSpokeAndAsPostsReachedByAnySpoke() throws {
        let dataset = try SampleDatasets.load(accounts: Self.accounts, relations: nil, posts: Self.posts)
        let analysis = StructureAnalysis(dataset: dataset, options: StructureOptions(shuffles: 0))
        // P: 4 of 9 (hub post, spoke) pairs (44%); h1 and h2 of 3 posts reached a spoke (67%).
        // Q: 2 of 4 pairs (50%); g1 of 2 posts (50%).
        XCTAssertEqual(StructureFindings.sentences(analysis, dataset: dataset), [
            "P (3 spokes): on average a spoke reposted 44% of the hub's 3 posts within 3 d; 67% were reposted by at least one spoke; "
                + "one spoke never relayed the hub: c3.",
            "Q (2 spokes): on average a spoke reposted 50% of the hub's 2 posts within 3 d; 50% were reposted by at least one spoke; "
                + "every spoke relayed the hub at least once.",
        ])
        XCTAssertEqual(
            StructureFindings.headline(analysis, dataset: dataset),
            "2 hub-and-spoke structures: on average a spoke reposted from 44% (P) to 50% (Q) of its hub's posts, "
                + "and from 50% (Q) to 67% (P) of a hub's posts were reposted by at least one of its spokes; one spoke never relayed its hub (P 1)."
        )
    }

    func testAHubThatPostedNothingIsNotSaidToBeRelayed() throws {
        // Found on a store month holding other platforms' posts: no hub posted, and the key
        // finding said every spoke relayed its hub. Then only Q's hub posts.
        let others = "post_id,author,time,parent_post,root_post\nx1,c1,0,,\nx2,q1,10,,"
        let none = try SampleDatasets.load(accounts: Self.accounts, relations: nil, posts: others)
        XCTAssertEqual(
            StructureFindings.headline(StructureAnalysis(dataset: none, options: StructureOptions(shuffles: 0)), dataset: none),
            "2 hub-and-spoke structures; no hub posted anything its spokes could relay."
        )
        let onlyQ = try SampleDatasets.load(accounts: Self.accounts, relations: nil, posts: others + "\ng1,qhub,0,,\ns1,q1,60,g1,g1\ns2,q2,120,g1,g1")
        XCTAssertEqual(
            StructureFindings.headline(StructureAnalysis(dataset: onlyQ, options: StructureOptions(shuffles: 0)), dataset: onlyQ),
            "2 hub-and-spoke structures; every spoke relayed its hub at least once; the hub posted nothing to relay in P."
        )
    }

    func testFastestAndSlowestSpokesNeedFiveRepostsAndSayHowMany() throws {
        // s1 answers all six hub posts after 1 min, s2 five of them after 10 min, s3 one after
        // 30 s: s3 is quickest but rests on one repost, so it is not ranked.
        let posts = ["post_id,author,time,parent_post,root_post"] + (0 ..< 6).flatMap { post in
            let time = post * 100_000
            return ["h\(post),hub,\(time),,", "a\(post),s1,\(time + 60),h\(post),h\(post)"]
                + (post < 5 ? ["b\(post),s2,\(time + 600),h\(post),h\(post)"] : [])
                + (post == 0 ? ["c\(post),s3,\(time + 30),h\(post),h\(post)"] : [])
        }
        let dataset = try SampleDatasets.load(
            accounts: "id,kind,province,tier,parent\nhub,media_centre,P,provincial,\ns1,media_centre,P,municipal,hub\ns2,media_centre,P,municipal,hub\ns3,media_centre,P,municipal,hub",
            relations: nil, posts: posts.joined(separator: "\n")
        )
        let sentence = try XCTUnwrap(StructureFindings.sentences(StructureAnalysis(dataset: dataset, options: StructureOptions(shuffles: 0)), dataset: dataset).first)
        XCTAssertTrue(
            sentence.hasSuffix("; every spoke relayed the hub at least once; fastest s1 (median 1 min over 6 reposts), slowest s2 (median 10 min over 5 reposts), of the 2 spokes with at least 5 reposts."),
            sentence
        )
    }

    func testAProvinceWhoseParentsLoopIsNamedAsLeftOutWithItsCycle() throws {
        // R's hub and r1 declare each other as parents, r2 hangs below r1: R has no root.
        let accounts = Self.accounts + "\nrhub,media_centre,R,provincial,r1\nr1,media_centre,R,municipal,rhub\nr2,media_centre,R,municipal,r1"
        let dataset = try SampleDatasets.load(accounts: accounts, relations: nil, posts: Self.posts)
        XCTAssertEqual(dataset.diagnostics.counts["parent cycles (the 1+N structure cannot place them under a hub)"], 1)
        let analysis = StructureAnalysis(dataset: dataset, options: StructureOptions(shuffles: 0))
        XCTAssertEqual(analysis.scorecards.map(\.structure.name), ["P", "Q"])
        let leftOut = "R is left out of the scorecard: every parent chain in its roster ends in the cycle rhub → r1 → rhub, so no account heads its tree."
        XCTAssertEqual(StructureFindings.sentences(analysis, dataset: dataset).last, leftOut)
        let headline = try XCTUnwrap(StructureFindings.headline(analysis, dataset: dataset))
        XCTAssertTrue(headline.hasPrefix("2 hub-and-spoke structures: "), headline)
        XCTAssertTrue(headline.hasSuffix("(P 1). " + leftOut), headline)
    }

    func testARosterWithoutParentsKeepsTheSectionTitleWithItsReason() throws {
        // The roster's parent column cut: the 1+N section is kept, saying why it has no structure.
        let accounts = Self.accounts.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(4).joined(separator: ",") }.joined(separator: "\n")
        XCTAssertEqual(accounts.split(separator: "\n").first, "id,kind,province,tier")
        let document = try AdaptiveSectionsTests.briefing(accounts: accounts, posts: Self.posts)
        let section = try XCTUnwrap(document.sections.first { $0.title == "1+N structure" })
        XCTAssertTrue(section.paragraphs.isEmpty && section.figures.isEmpty)
        XCTAssertEqual(section.notes, [
            "skipped: the roster gives provinces and tiers but no account declares a parent, so no 1+N structure is declared "
                + "(`reachgraph structure` detects hub-and-spoke groups in the reposts instead)",
        ])
    }
}
