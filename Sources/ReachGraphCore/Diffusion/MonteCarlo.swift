/// One worker's state in a Monte Carlo simulation: traversal buffers and, when asked for, how
/// often each node ended active in the runs this worker simulated.
final class SimulationWorker {
    let scratch: TraversalScratch
    var activationCounts: [Int]

    init(nodeCount: Int, recording: Bool, thresholdBuffers: Bool) {
        scratch = TraversalScratch(nodeCount: nodeCount, thresholdBuffers: thresholdBuffers)
        activationCounts = recording ? [Int](repeating: 0, count: nodeCount) : []
    }
}

/// The outcome of a range of Monte Carlo runs: each run's reach, in run order, and (when
/// recording) how often each node ended active. Runs simulated apart and appended in order give
/// the same value as simulating them at once, which lets an adaptive estimate keep its earlier
/// rounds instead of simulating them again.
struct SimulatedRuns {
    var reachPerRun: [Int32]
    var activationCounts: [Int]?

    /// Appends `later`, the runs right after these.
    mutating func append(_ later: SimulatedRuns) {
        reachPerRun += later.reachPerRun
        if let counts = later.activationCounts {
            activationCounts = activationCounts.map { zip($0, counts).map { $0 + $1 } } ?? counts
        }
    }

    var estimate: SpreadEstimate { SpreadEstimate(reachPerRun: reachPerRun, activationCounts: activationCounts) }
}

extension DirectedGraph {
    /// Simulates the runs `runs` (run indices) from `seeds` (valid, without repeats) in parallel
    /// chunks.
    ///
    /// Run `r` has the key `runKey(seed:index: r)` and starts a traversal of `outgoing` with the
    /// seeds stamped and at the head of the queue; `spread` carries it on and returns how many
    /// nodes `queue[0 ..< result]` holds at the end, the run's reach. Reaches are kept in run
    /// order and activation counts are summed as integers, so the estimate is the same at any
    /// thread count.
    func monteCarloSpread(
        from seeds: [Int32],
        runs: Range<Int>,
        seed: UInt64,
        recording: Bool,
        thresholdBuffers: Bool = false,
        parallelism: Parallelism,
        spread: (
            _ scratch: TraversalScratch,
            _ key: UInt64,
            _ stamp: UInt32,
            _ offsets: UnsafeBufferPointer<Int>,
            _ neighbors: UnsafeBufferPointer<Int32>,
            _ stamps: UnsafeMutableBufferPointer<UInt32>,
            _ queue: UnsafeMutableBufferPointer<Int32>
        ) -> Int
    ) -> SimulatedRuns {
        let nodeCount = nodeCount
        let first = runs.lowerBound
        var reachPerRun = [Int32](repeating: 0, count: runs.count)
        let workers = reachPerRun.withUnsafeMutableBufferPointer { reach in
            forEachChunk(
                of: runs.count,
                chunkSize: parallelism.chunkSize(for: runs.count, minimum: 16),
                parallelism: parallelism,
                makeScratch: { SimulationWorker(nodeCount: nodeCount, recording: recording, thresholdBuffers: thresholdBuffers) },
                body: { worker, range in
                    let scratch = worker.scratch
                    scratch.withBuffers(walking: outgoing) { offsets, neighbors, stamps, queue in
                        for position in range {
                            let key = runKey(seed: seed, index: first + position)
                            let stamp = scratch.beginTraversal(from: seeds, stamps: stamps, queue: queue)
                            let reached = spread(scratch, key, stamp, offsets, neighbors, stamps, queue)
                            reach[position] = Int32(reached)
                            worker.record(queue, count: reached)
                        }
                    }
                }
            )
        }
        var counts: [Int]?
        if recording {
            var total = [Int](repeating: 0, count: nodeCount)
            for worker in workers {
                for node in 0 ..< nodeCount { total[node] += worker.activationCounts[node] }
            }
            counts = total
        }
        return SimulatedRuns(reachPerRun: reachPerRun, activationCounts: counts)
    }
}

extension SimulationWorker {
    /// Adds one to the activation count of every node in `reached`, when recording.
    @inline(__always)
    func record(_ reached: UnsafeMutableBufferPointer<Int32>, count: Int) {
        guard !activationCounts.isEmpty else { return }
        activationCounts.withUnsafeMutableBufferPointer { counts in
            for index in 0 ..< count { counts[Int(reached[index])] += 1 }
        }
    }
}
