@testable import ReachGraphCore
import Foundation
import XCTest

/// The library-wide thread setting: it caps every loop, nested loops run on one thread, and
/// results do not depend on it.
final class ParallelismTests: XCTestCase {
    private final class Recorder: @unchecked Sendable {
        // Unchecked: `values` is only touched under `lock`.
        private let lock = NSLock()
        private(set) var values: [Int] = []
        func append(_ value: Int) {
            lock.lock()
            values.append(value)
            lock.unlock()
        }
    }

    func testThreadCountCapsLoopsAndNestedLoopsRunOnOneThread() {
        let saved = Parallelism.threadCount
        defer { Parallelism.threadCount = saved }
        Parallelism.threadCount = 2
        XCTAssertEqual(Parallelism.workerCount(items: 100), 2)
        XCTAssertEqual(Parallelism.workerCount(requested: 1, items: 100), 1)
        XCTAssertEqual(Parallelism.workerCount(items: 1), 1)
        XCTAssertEqual(Parallelism.automatic.maxConcurrency, 2)
        let inner = Recorder()
        let visited = Recorder()
        Parallelism.forEach(6) { index in
            visited.append(index)
            inner.append(Parallelism.workerCount(items: 100))
        }
        XCTAssertEqual(visited.values.sorted(), [0, 1, 2, 3, 4, 5])
        XCTAssertEqual(inner.values, [1, 1, 1, 1, 1, 1])
        XCTAssertFalse(Parallelism.isInsideLoop)
        Parallelism.threadCount = 0
        XCTAssertEqual(Parallelism.threadCount, 1)
    }

    func testResultsDoNotDependOnTheThreadCount() {
        let saved = Parallelism.threadCount
        defer { Parallelism.threadCount = saved }
        var random = SplitMix64(seed: 11)
        let edges = (0 ..< 3000).map { _ in (Int32(random.next(below: 300)), Int32(random.next(below: 300))) }
        let graph = DirectedGraph(nodeCount: 300, edges: edges)
        Parallelism.threadCount = 1
        let serial = graph.betweennessCentrality()
        Parallelism.threadCount = 2
        let parallel = graph.betweennessCentrality()
        XCTAssertTrue(serial.contains { $0 > 0 })
        XCTAssertEqual(serial, parallel)
    }
}
