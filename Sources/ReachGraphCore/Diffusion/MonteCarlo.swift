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

/// Simulates `runs` runs in parallel chunks and summarises them.
///
/// `simulateChunk` simulates the runs in its range with the given worker and writes each run's
/// reach at its run index into the reach buffer. Reaches are summarised in run order and
/// activation counts are summed as integers, so the estimate is the same at any thread count.
func monteCarloSpread(
    nodeCount: Int,
    runs: Int,
    recording: Bool,
    thresholdBuffers: Bool = false,
    parallelism: Parallelism,
    simulateChunk: (SimulationWorker, Range<Int>, UnsafeMutableBufferPointer<Int32>) -> Void
) -> SpreadEstimate {
    var reachPerRun = [Int32](repeating: 0, count: runs)
    let workers = reachPerRun.withUnsafeMutableBufferPointer { reach in
        forEachChunk(
            of: runs,
            chunkSize: parallelism.chunkSize(for: runs, minimum: 16),
            parallelism: parallelism,
            makeScratch: { SimulationWorker(nodeCount: nodeCount, recording: recording, thresholdBuffers: thresholdBuffers) },
            body: { worker, range in simulateChunk(worker, range, reach) }
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
    return SpreadEstimate(reachPerRun: reachPerRun, activationCounts: counts)
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
