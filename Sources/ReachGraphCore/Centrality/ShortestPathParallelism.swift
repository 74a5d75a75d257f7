import Dispatch
import Foundation

/// Runs the per-source work of shortest-path measures on several threads with results that do
/// not depend on the number of threads.
enum ShortestPathParallelism {
    /// The number of chunks summed measures split their work into. It depends on nothing but the
    /// amount of work, so every chunk sums the same items in the same order at any thread count.
    /// 128 keeps two cores or sixty busy while the final reduction (one pass per chunk over the
    /// result) stays negligible next to a breadth-first search per source.
    static let reductionChunkLimit = 128

    /// The items of chunk `chunk` when `itemCount` items are cut into `chunkCount` near-equal runs.
    static func items(ofChunk chunk: Int, chunkCount: Int, itemCount: Int) -> Range<Int> {
        chunk * itemCount / chunkCount ..< (chunk + 1) * itemCount / chunkCount
    }

    /// Sums contributions of `itemCount` work items into an array of `resultCount` values.
    ///
    /// `accumulate` adds the contributions of a run of items into a zeroed partial array. Items
    /// are cut into a fixed number of chunks (`chunkLimit`, fewer when there are fewer items); threads compute chunks in waves, and after each
    /// wave the partials are added to the total in chunk order. The total is therefore the same
    /// sequence of floating-point additions at any thread count, and peak extra memory is one
    /// partial per thread.
    static func sum(
        itemCount: Int,
        resultCount: Int,
        chunkLimit: Int = reductionChunkLimit,
        maxConcurrency: Int?,
        accumulate: @escaping @Sendable (Range<Int>, UnsafeMutableBufferPointer<Double>) -> Void
    ) -> [Double] {
        var total = [Double](repeating: 0, count: resultCount)
        guard itemCount > 0, resultCount > 0 else { return total }
        let chunkCount = min(itemCount, chunkLimit)
        let workers = Parallelism.workerCount(requested: maxConcurrency, items: chunkCount)
        let partials = UnsafeMutableBufferPointer<Double>.allocate(capacity: workers * resultCount)
        defer { partials.deallocate() }
        // Each thread writes only its own slice of `partials`, and reads happen after
        // `concurrentPerform` returns, so sharing the pointer is race-free.
        nonisolated(unsafe) let sharedPartials = partials
        let computeChunk = { @Sendable (slot: Int, chunk: Int) in
            let partial = UnsafeMutableBufferPointer(rebasing: sharedPartials[slot * resultCount ..< (slot + 1) * resultCount])
            partial.initialize(repeating: 0)
            accumulate(items(ofChunk: chunk, chunkCount: chunkCount, itemCount: itemCount), partial)
        }
        total.withUnsafeMutableBufferPointer { total in
            for waveStart in stride(from: 0, to: chunkCount, by: workers) {
                let width = min(workers, chunkCount - waveStart)
                if width == 1 {
                    computeChunk(0, waveStart)
                } else {
                    Parallelism.runWorkers(width) { slot in computeChunk(slot, waveStart + slot) }
                }
                for slot in 0 ..< width {
                    let base = slot * resultCount
                    for index in 0 ..< resultCount { total[index] += partials[base + index] }
                }
            }
        }
        return total
    }

    /// Fills an array of `count` values, one per item, computing runs of items on several threads.
    ///
    /// `compute` receives a run of items and the whole result buffer, and writes exactly the
    /// entries of its run. Each value depends only on its own item, so any split gives the same
    /// array; threads take interleaved chunks so uneven item costs even out.
    static func fill(
        count: Int,
        maxConcurrency: Int?,
        compute: @escaping @Sendable (Range<Int>, UnsafeMutableBufferPointer<Double>) -> Void
    ) -> [Double] {
        var result = [Double](repeating: 0, count: count)
        guard count > 0 else { return result }
        let workers = Parallelism.workerCount(requested: maxConcurrency, items: count)
        // Several chunks per thread balance the load when some items cost far more than others.
        let chunkCount = min(count, workers * 8)
        result.withUnsafeMutableBufferPointer { buffer in
            // Threads write disjoint entries (their own items), so sharing the pointer is race-free.
            nonisolated(unsafe) let shared = buffer
            if workers == 1 {
                compute(0 ..< count, shared)
                return
            }
            Parallelism.runWorkers(workers) { worker in
                for chunk in stride(from: worker, to: chunkCount, by: workers) {
                    compute(items(ofChunk: chunk, chunkCount: chunkCount, itemCount: count), shared)
                }
            }
        }
        return result
    }
}
