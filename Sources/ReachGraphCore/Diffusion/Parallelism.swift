import Dispatch
import Foundation

/// How much parallelism a randomised algorithm may use.
///
/// Results never depend on these settings: every run or sample draws from its own stream
/// (`SplitMix64(seed:).split(index)`) and results are combined in index order, so the same seed
/// gives the same answer with one thread or many. The settings exist for throughput tuning and
/// for tests that pin that promise.
public struct Parallelism: Sendable, Equatable {
    /// The most threads to run at once (at least 1).
    public var maxConcurrency: Int
    /// Runs or samples per unit of work handed to a thread; `nil` picks a size from the amount of
    /// work, never from the thread count.
    public var chunkSize: Int?

    public init(maxConcurrency: Int, chunkSize: Int? = nil) {
        self.maxConcurrency = max(1, maxConcurrency)
        self.chunkSize = chunkSize.map { max(1, $0) }
    }

    /// One thread per active processor.
    public static var automatic: Parallelism {
        Parallelism(maxConcurrency: ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Everything on the calling thread.
    public static let serial = Parallelism(maxConcurrency: 1)

    /// The chunk size for `count` items: the explicit one, or about 64 chunks (at least
    /// `minimum` items each) so threads that finish early can take more.
    func chunkSize(for count: Int, minimum: Int) -> Int {
        if let chunkSize { return chunkSize }
        return max(minimum, (count + 63) / 64)
    }
}

/// Hands out chunk numbers `0, 1, 2, …` to worker threads, each exactly once.
///
/// Workers pull chunks instead of owning a fixed share because sample sizes are heavy-tailed
/// (a reverse-reachable set that hits a hub costs far more than one that does not).
private final class ChunkDispenser: @unchecked Sendable {
    // Unchecked: `next` is only touched under `lock`.
    private let lock = NSLock()
    private var next = 0
    private let count: Int

    init(count: Int) {
        self.count = count
    }

    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
}

/// Runs `body` over `0 ..< count` split into consecutive chunks, on up to
/// `parallelism.maxConcurrency` threads, and returns each worker's scratch state.
///
/// Each worker creates its scratch once with `makeScratch` and reuses it across the chunks it
/// takes, so per-run buffers (visited stamps, queues) are allocated once per thread. Which worker
/// handles which chunk varies from call to call; callers write results by index and reduce
/// scratch contents only with order-independent operations (integer sums), which keeps results
/// deterministic.
func forEachChunk<Scratch>(
    of count: Int,
    chunkSize: Int,
    parallelism: Parallelism,
    makeScratch: () -> Scratch,
    body: (inout Scratch, Range<Int>) -> Void
) -> [Scratch] {
    guard count > 0 else { return [] }
    let chunkCount = (count + chunkSize - 1) / chunkSize
    let workerCount = min(parallelism.maxConcurrency, chunkCount)
    if workerCount == 1 {
        var scratch = makeScratch()
        for chunk in 0 ..< chunkCount { body(&scratch, chunk * chunkSize ..< min(count, (chunk + 1) * chunkSize)) }
        return [scratch]
    }
    let dispenser = ChunkDispenser(count: chunkCount)
    var scratches = [Scratch?](repeating: nil, count: workerCount)
    withoutActuallyEscaping(makeScratch) { makeScratch in
        withoutActuallyEscaping(body) { body in
            // The workers see the closures through a pointer: a block that captured them by value
            // could be released by Dispatch after `concurrentPerform` returns, which
            // `withoutActuallyEscaping` would rightly report as an escape.
            var work = (makeScratch: makeScratch, body: body)
            withUnsafePointer(to: &work) { work in
                scratches.withUnsafeMutableBufferPointer { slots in
                    // Unchecked: `concurrentPerform` returns only after every worker is done, so
                    // both pointers outlive the workers, and each worker writes only its own slot.
                    let shared = UncheckedSendable((work, slots))
                    DispatchQueue.concurrentPerform(iterations: workerCount) { worker in
                        let (work, slots) = shared.value
                        var scratch = work.pointee.makeScratch()
                        while let chunk = dispenser.take() {
                            work.pointee.body(&scratch, chunk * chunkSize ..< min(count, (chunk + 1) * chunkSize))
                        }
                        slots[worker] = scratch
                    }
                }
            }
        }
    }
    return scratches.compactMap { $0 }
}

/// Carries non-`Sendable` values into `concurrentPerform`, whose closure must be `@Sendable`.
/// Callers guarantee the values are used without data races (disjoint writes, read-only data).
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) {
        self.value = value
    }
}
