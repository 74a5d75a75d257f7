import ReachGraph
import ReachGraphCore
import XCTest

final class RosterLockstepTests: XCTestCase {
    /// Thirty posts a day apart, each shared by the roster (r1 at +1,000 s, r2 at +9,000 s), by
    /// "shadow" 5 s after r1, and by a crowd of ten at +2,100, +3,900, … +18,300 s (never within
    /// 60 s of a roster member); "fan" shares one post 30 s after r1. Window 60 s.
    static func log() -> ShareLog {
        var log = ShareLog()
        var message = 0
        func share(_ account: String, _ object: Int, _ offset: Double) {
            log.append(account: account, object: "post\(object)", message: "m\(message)", time: Double(object * 86_400) + offset)
            message += 1
        }
        for object in 0 ..< 30 {
            share("r1", object, 1_000)
            share("r2", object, 9_000)
            share("shadow", object, 1_005)
            for member in 0 ..< 10 { share("crowd\(member)", object, Double(1_800 * (member + 1) + 300)) }
        }
        share("fan", 0, 1_030)
        share("elsewhere", 99, 1_000)
        share("elsewhere2", 99, 1_001)
        return log
    }

    func testShadowOfTheRosterStandsOutAndTheCrowdDoesNot() {
        let lockstep = RosterLockstep(log: Self.log(), roster: ["r1", "r2"], window: 60, shuffles: 20, seed: 1)
        XCTAssertEqual(lockstep.shareCount, 30 * 13 + 1, "post99 has no roster share and is cut")
        XCTAssertEqual(lockstep.accounts.map(\.id), ["shadow", "fan"])
        let shadow = lockstep.accounts[0]
        XCTAssertEqual(shadow.coShares.observed, 30)
        XCTAssertEqual(shadow.rosterPartners, 1)
        XCTAssertEqual(shadow.coShares.p, 1.0 / 21.0, accuracy: 1e-15)
        // Per post, shadow and a roster member draw the two close times with probability
        // 2/13 · 2/12 (and a third member within 60 s only by the same chance): ≈ 0.77 of 30.
        XCTAssertLessThan(shadow.coShares.expected, 3)
        XCTAssertEqual(lockstep.accounts[1].coShares.observed, 1, "fan: one pair with r1")
        XCTAssertEqual(lockstep.inLockstep().map(\.id), ["shadow"], "one pair is under the minimum of two")
        let table = lockstep.table()
        XCTAssertEqual(table.rows.count, 2)
        XCTAssertEqual(table.rows[0][0], .text("shadow"))
        XCTAssertEqual(table.rows[0][1], .integer(30))
    }

    func testSameOnAnyThreadCount() {
        let saved = Parallelism.threadCount
        defer { Parallelism.threadCount = saved }
        for method in ShuffleMethod.allCases {
            Parallelism.threadCount = 1
            let serial = RosterLockstep(log: Self.log(), roster: ["r1", "r2"], window: 60, shuffles: 9, seed: 2, method: method)
            Parallelism.threadCount = 3
            let parallel = RosterLockstep(log: Self.log(), roster: ["r1", "r2"], window: 60, shuffles: 9, seed: 2, method: method)
            XCTAssertEqual(serial.accounts, parallel.accounts, "\(method)")
        }
    }
}
