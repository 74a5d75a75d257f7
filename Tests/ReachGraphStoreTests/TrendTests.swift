import Foundation
import ReachGraph
import ReachGraphCore
import ReachGraphStore
import XCTest

final class TrendTests: XCTestCase {
    /// Two months, followers a 100, b 50, c 10. April: a's post reposted by b and c (reach
    /// 100 + 50 + 10), c's post reposted by a (10 + 100). May: b's post reposted by a and c (160),
    /// a's post alone (100).
    func testReachRanksAndChangesByMonth() throws {
        let scratch = try ScratchFolder()
        let store = try scratch.store(ingesting: [
            "accounts.csv": "id,kind,followers\na,media_centre,100\nb,influencer,50\nc,community,10\n",
            "posts.csv": """
                post_id,author,time,parent_post
                p1,a,2025-04-01T00:00:00Z,
                p2,b,2025-04-01T01:00:00Z,p1
                p3,c,2025-04-01T02:00:00Z,p1
                p4,c,2025-04-02T00:00:00Z,
                p5,a,2025-04-02T01:00:00Z,p4
                p6,b,2025-05-01T00:00:00Z,
                p7,a,2025-05-01T01:00:00Z,p6
                p8,c,2025-05-01T02:00:00Z,p6
                p9,a,2025-05-02T00:00:00Z,

                """,
        ])
        XCTAssertEqual(try store.months(), ["2025-04", "2025-05"])
        let trend = try Trend(store: store, measure: .reach)
        XCTAssertEqual(trend.points, [
            TrendPoint(period: "2025-04", unit: "a", value: 160, rank: 1, change: nil),
            TrendPoint(period: "2025-04", unit: "c", value: 110, rank: 2, change: nil),
            TrendPoint(period: "2025-05", unit: "b", value: 160, rank: 1, change: nil),
            TrendPoint(period: "2025-05", unit: "a", value: 100, rank: 2, change: -1),
        ])
        XCTAssertEqual(trend.leaders(top: 1), ["b"])
        let table = trend.table(top: 1)
        XCTAssertEqual(table.columns, ["period", "unit", "value", "rank", "change"])
        XCTAssertEqual(table.rows.map { $0[1] }, [.text("a"), .text("b"), .text("a")], "units ranked 1 in some month, every month")
        let chart = trend.chart(top: 2)
        XCTAssertEqual(chart.series.map(\.label), ["b", "a"])
        XCTAssertEqual(chart.series[0].values, [nil, 160])
        XCTAssertEqual(chart.series[1].values, [160, 100])
    }

    /// Each month's values are the measure on that month's slice: PageRank as `rank` computes it,
    /// the lag as the structure scorecard gives it, the index as its report for the period.
    func testMonthlyValuesAreTheMeasuresOnEachSlice() throws {
        let scratch = try ScratchFolder()
        let store = try DatasetStore(path: scratch.file("s.sqlite"), create: true)
        _ = try store.ingest(try DatasetLoader.load(StoreTestData.sample), source: StoreTestData.sample, sha256: "-")
        let april = try store.load(StoreSlice(period: "2025-04"))

        let pagerank = try Trend(store: store, measure: .pagerank)
        XCTAssertEqual(pagerank.periods, ["2025-03", "2025-04", "2025-05"])
        let ranked = try MeasureRanking(dataset: april, measure: .pageRank, top: 5).ranked
        let aprilPoints = pagerank.points.filter { $0.period == "2025-04" }
        XCTAssertEqual(aprilPoints.prefix(5).map(\.unit), ranked.map { april.accounts[Int($0.account)].id })
        XCTAssertEqual(aprilPoints.prefix(5).map(\.value), ranked.map(\.score))
        let active = Set(april.relations.sources.map { april.accounts[Int($0)].id } + april.relations.targets.map { april.accounts[Int($0)].id }
            + april.posts.map(\.author))
        XCTAssertLessThan(active.count, april.accounts.count)
        XCTAssertEqual(Set(aprilPoints.map(\.unit)), active, "the accounts with a tie or a post in April")

        let lag = try Trend(store: store, measure: .lag)
        let cards = StructureAnalysis(dataset: april, options: StructureOptions(shuffles: 0)).scorecards
        for point in lag.points where point.period == "2025-04" {
            let card = try XCTUnwrap(cards.first { $0.structure.name == point.unit })
            XCTAssertEqual(point.value, try XCTUnwrap(card.response.medianLag) / 3600)
        }
        XCTAssertEqual(lag.points.filter { $0.period == "2025-04" }.map(\.rank), [1, 2, 3, 4], "lower lag ranks first")
        XCTAssertEqual(zip(lag.points.filter { $0.period == "2025-04" }, lag.points.filter { $0.period == "2025-04" }.dropFirst()).allSatisfy { $0.value <= $1.value }, true)

        let index = try Trend(store: store, measure: .index)
        let report = try CommunicationPowerIndex(dataset: try store.load()).report(period: "2025-05")
        let may = index.points.filter { $0.period == "2025-05" }
        XCTAssertEqual(may.map(\.unit), report.composite.map(\.unit.id))
        XCTAssertEqual(may.map(\.rank), report.composite.map(\.rank.position))
        XCTAssertEqual(may.compactMap(\.change), report.composite.compactMap(\.rankChange))
    }

    /// A month ranks only the accounts with a tie or a post in it, not every account of the store
    /// tied at nothing; a change across missing months says since when it is counted.
    func testMonthsRankTheirActiveAccountsAndNameTheMonthBeforeAGap() throws {
        let scratch = try ScratchFolder()
        let store = try scratch.store(ingesting: [
            "accounts.csv": "id,name,kind\na,Hunan Centre,media_centre\nb,,influencer\nc,,community\nd,,community\n",
            "posts.csv": """
                post_id,author,time,parent_post
                p1,a,2025-03-01T00:00:00Z,
                p2,b,2025-03-01T01:00:00Z,p1
                p3,c,2025-03-02T00:00:00Z,
                p4,b,2025-04-01T00:00:00Z,
                p5,a,2025-04-01T01:00:00Z,p4

                """,
        ])
        let old = try scratch.folder("old", ["posts.csv": "post_id,author,time,parent_post\nq1,x,2019-09-01T00:00:00Z,\nq2,a,2019-09-02T00:00:00Z,q1\n"])
        _ = try store.ingest(try DatasetLoader.load(old), source: old, sha256: try InputSource.sha256(of: old))
        for measure in [TrendMeasure.pagerank, .kol] {
            let trend = try Trend(store: store, measure: measure)
            XCTAssertEqual(trend.periods, ["2019-09", "2025-03", "2025-04"])
            var units: [String: Set<String>] = [:]
            for point in trend.points { units[point.period, default: []].insert(point.unit) }
            // c only posted in March: a posting account for PageRank, outside the repost network for KOL.
            XCTAssertEqual(units, ["2019-09": ["a", "x"], "2025-03": measure == .pagerank ? ["a", "b", "c"] : ["a", "b"], "2025-04": ["a", "b"]], "\(measure)")
            XCTAssertEqual(trend.gaps, ["change in 2025-03 is counted since 2019-09: the trend has no month between"])
        }
        let pagerank = try Trend(store: store, measure: .pagerank)
        XCTAssertEqual(pagerank.points.filter { $0.period == "2025-03" }.map { "\($0.unit) \($0.rank)" }, ["b 1", "a 2", "c 2"], "b reposted a")
        XCTAssertEqual(pagerank.points.first { $0.period == "2025-03" && $0.unit == "a" }?.change, -1, "a ranked 1 in 2019-09, when a reposted x")
        XCTAssertEqual(pagerank.unitNames, ["a": "Hunan Centre"])
        XCTAssertEqual(pagerank.chart(top: 2).series.map(\.label), ["Hunan Centre", "b"], "the chart names an account by its name")
    }

    /// A month whose posts repost nothing has no tie: PageRank and KOL rank nobody in it (every
    /// account would tie, and a chart would draw arbitrary ones as its top), leaders and the
    /// chart's title come from the last month that ranks anyone, and a cascade that reached no
    /// known follower ranks no account by reach.
    func testMonthsWithoutTiesRankNobody() throws {
        let scratch = try ScratchFolder()
        let store = try scratch.store(ingesting: [
            "accounts.csv": "id,kind\na,media_centre\nb,influencer\nc,community\n",
            "posts.csv": """
                post_id,author,time,parent_post
                p1,a,2025-04-01T00:00:00Z,
                p2,b,2025-04-01T01:00:00Z,p1
                p3,c,2025-05-01T00:00:00Z,
                p4,a,2025-05-02T00:00:00Z,

                """,
        ])
        XCTAssertEqual(try store.months(), ["2025-04", "2025-05"])
        for measure in [TrendMeasure.pagerank, .kol] {
            let trend = try Trend(store: store, measure: measure)
            XCTAssertEqual(Set(trend.points.map(\.period)), ["2025-04"], "\(measure)")
            XCTAssertEqual(trend.unrankedPeriods, ["2025-05"], "\(measure)")
            XCTAssertEqual(trend.lastRankedPeriod, "2025-04")
            XCTAssertEqual(Set(trend.leaders(top: 1)), measure == .pagerank ? ["b"] : ["a"], "\(measure)")
            XCTAssertTrue(trend.chart(top: 1).title.hasSuffix("top 1 accounts in 2025-04"), trend.chart(top: 1).title)
        }
        let reach = try Trend(store: store, measure: .reach)
        XCTAssertEqual(reach.points, [], "no account has a follower count, so no cascade reached anyone known")
        XCTAssertEqual(reach.unrankedPeriods, ["2025-04", "2025-05"])
    }

    /// Months come from the time index one seek at a time: a month without posts is skipped, a
    /// post on the last second of a month and one on the first of the next fall in their own
    /// months, a time before 1970 in its month, and a metrics period with no posts is a month.
    func testMonthsSkipGapsAndKeepBoundaries() throws {
        let scratch = try ScratchFolder()
        let store = try scratch.store(ingesting: [
            "posts.csv": """
                post_id,author,time
                p1,a,1969-12-31T23:59:59Z
                p2,a,2025-01-31T23:59:59Z
                p3,b,2025-02-01T00:00:00Z
                p4,b,2025-04-15T12:00:00Z
                p5,a,2025-04-30T23:59:59Z

                """,
            "metrics.csv": "account,platform,period,posts\na,x,2025-06,3\n",
        ])
        XCTAssertEqual(try store.months(), ["1969-12", "2025-01", "2025-02", "2025-04", "2025-06"])
    }

    /// Monthly edge lists ingested with `--period` are months of their own: PageRank is followed
    /// over their relations, with the values PageRank gives on each month's file.
    func testRelationsLabelledWithAMonthAreMonths() throws {
        let scratch = try ScratchFolder()
        let store = try DatasetStore(path: scratch.file("s.sqlite"), create: true)
        let may = try scratch.folder("may", ["relations.csv": "source,target,relation,weight\na,b,repost,3\nb,c,repost,2\nc,a,repost,1\n"])
        let june = try scratch.folder("june", ["relations.csv": "source,target,relation,weight\na,c,repost,5\nc,b,repost,2\nd,a,repost,4\n"])
        let day = try scratch.folder("day", ["relations.csv": "source,target,relation\ne,f,repost\n"])
        for (folder, period) in [(may, "2025-05"), (june, "2025-06"), (day, "2025-07-01")] {
            _ = try store.ingest(DatasetLoader.load(folder), source: folder, sha256: InputSource.sha256(of: folder), period: period)
        }
        XCTAssertEqual(try store.months(), ["2025-05", "2025-06"], "a day's label is not a month")
        let trend = try Trend(store: store, measure: .pagerank)
        XCTAssertEqual(trend.periods, ["2025-05", "2025-06"])
        for (period, folder) in [("2025-05", may), ("2025-06", june)] {
            let graph = try DatasetLoader.load(folder).graph()
            let expected = try RankingMeasure.pageRank.scores(on: graph)
            let ids = try DatasetLoader.load(folder).accounts.map(\.id)
            let points = trend.points.filter { $0.period == period }
            XCTAssertEqual(Set(points.map(\.unit)), Set(ids), "the month's active accounts")
            for point in points {
                XCTAssertEqual(point.value, expected[ids.firstIndex(of: point.unit)!], accuracy: 1e-12, "\(period) \(point.unit)")
            }
        }
    }

    /// Months are computed on the library's threads; the points are the same on one thread as on
    /// four, and each month's are those of the month computed alone.
    func testSamePointsOnAnyThreadCount() throws {
        let scratch = try ScratchFolder()
        let store = try DatasetStore(path: scratch.file("s.sqlite"), create: true)
        _ = try store.ingest(try DatasetLoader.load(StoreTestData.sample), source: StoreTestData.sample, sha256: "-")
        let saved = Parallelism.threadCount
        defer { Parallelism.threadCount = saved }
        var runs: [[TrendPoint]] = []
        for threads in [1, 4] {
            Parallelism.threadCount = threads
            runs.append(try Trend(store: store, measure: .pagerank).points)
        }
        XCTAssertEqual(runs[0], runs[1])
        XCTAssertEqual(Set(runs[0].map(\.period)), ["2025-03", "2025-04", "2025-05"])
        let may = try MeasureRanking(dataset: store.load(StoreSlice(period: "2025-05")), measure: .pageRank, top: 3).ranked.map(\.score)
        XCTAssertEqual(runs[1].filter { $0.period == "2025-05" }.prefix(3).map(\.value), may)
    }
}
