import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How many threads the library runs: one setting, ``threadCount``, for every parallel loop, and
/// per call of a randomised algorithm a value of this type that may only lower it.
///
/// Every parallel loop of the library (building a graph, PageRank and the other products, the
/// shortest-path measures, the diffusion simulations, rank bootstraps, coordination shuffles)
/// goes through ``forEach(_:maxConcurrency:_:)``, which runs at most ``threadCount`` threads, and
/// only one when it is itself called from inside such a loop: a bootstrap replicate that computes
/// betweenness runs that betweenness on its own thread, so per-thread buffers number the
/// threads, never threads².
///
/// Results never depend on these settings: every run or sample draws from its own stream
/// (`SplitMix64(seed:).split(index)`) and results are combined in index order, so the same seed
/// gives the same answer with one thread or many. The settings exist for throughput tuning and
/// for tests that pin that promise.
public struct Parallelism: Sendable, Equatable {
    /// The most threads to run at once (at least 1; never more than ``threadCount``).
    public var maxConcurrency: Int
    /// Runs or samples per unit of work handed to a thread; `nil` picks a size from the amount of
    /// work, never from the thread count.
    public var chunkSize: Int?

    public init(maxConcurrency: Int, chunkSize: Int? = nil) {
        self.maxConcurrency = max(1, maxConcurrency)
        self.chunkSize = chunkSize.map { max(1, $0) }
    }

    /// ``threadCount`` threads.
    public static var automatic: Parallelism {
        Parallelism(maxConcurrency: threadCount)
    }

    /// The most threads any parallel loop of the library runs at once (at least 1); by default
    /// the number of active processors. Set it once, before starting work.
    public static var threadCount: Int {
        get { settings.withLock { settings.threadCount } }
        set { settings.withLock { settings.threadCount = max(1, newValue) } }
    }

    private final class Settings: @unchecked Sendable {
        // Unchecked: `threadCount` is only touched under `lock`.
        private let lock = NSLock()
        var threadCount = ProcessInfo.processInfo.activeProcessorCount

        func withLock<Result>(_ body: () -> Result) -> Result {
            lock.lock()
            defer { lock.unlock() }
            return body()
        }
    }

    private static let settings = Settings()

    /// Marks the threads of a running parallel loop; set while a worker runs its share.
    private static let insideLoopKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// Whether the calling thread is running a share of a parallel loop.
    static var isInsideLoop: Bool { pthread_getspecific(insideLoopKey) != nil }

    /// The threads a loop over `items` items may use now: 1 inside another parallel loop,
    /// otherwise ``threadCount`` capped by `requested` and by the number of items.
    public static func workerCount(requested: Int? = nil, items: Int) -> Int {
        guard !isInsideLoop else { return 1 }
        return max(1, min(threadCount, requested ?? Int.max, items))
    }

    /// Runs `body(worker)` for every worker in `0 ..< workers` at once, each on its own thread
    /// marked as inside a parallel loop; one worker runs on the caller.
    static func runWorkers(_ workers: Int, _ body: @Sendable (Int) -> Void) {
        guard workers > 1 else {
            if workers == 1 { body(0) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let outer = pthread_getspecific(insideLoopKey)
            pthread_setspecific(insideLoopKey, UnsafeRawPointer(bitPattern: 1))
            defer { pthread_setspecific(insideLoopKey, outer) }
            body(worker)
        }
    }

    /// Calls `body(index)` for every index in `0 ..< count`, on up to ``threadCount`` threads
    /// (fewer with `maxConcurrency`, one inside another parallel loop). Worker `w` of `W` takes
    /// indices `w, w + W, …`; `body` must write only what belongs to its index.
    public static func forEach(_ count: Int, maxConcurrency: Int? = nil, _ body: @Sendable (Int) -> Void) {
        let workers = workerCount(requested: maxConcurrency, items: count)
        guard workers > 1 else {
            for index in 0 ..< count { body(index) }
            return
        }
        runWorkers(workers) { worker in
            for index in stride(from: worker, to: count, by: workers) { body(index) }
        }
    }

    /// Everything on the calling thread.
    public static let serial = Parallelism(maxConcurrency: 1)

    /// The chunk size for `count` items: the explicit one, or about 64 chunks (at least
    /// `minimum` items each) so threads that finish early can take more.
    package func chunkSize(for count: Int, minimum: Int) -> Int {
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
package func forEachChunk<Scratch>(
    of count: Int,
    chunkSize: Int,
    parallelism: Parallelism,
    makeScratch: () -> Scratch,
    body: (inout Scratch, Range<Int>) -> Void
) -> [Scratch] {
    guard count > 0 else { return [] }
    let chunkCount = (count + chunkSize - 1) / chunkSize
    let workerCount = Parallelism.workerCount(requested: parallelism.maxConcurrency, items: chunkCount)
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
                    Parallelism.runWorkers(workerCount) { worker in
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

/// Runs `body` over chunks as ``forEachChunk(of:chunkSize:parallelism:makeScratch:body:)`` does
/// and returns what it made of each chunk in chunk order, beside each worker's scratch: whatever
/// is joined from the pieces is then the same on any number of threads.
package func mapChunksInOrder<Scratch, Piece>(
    of count: Int,
    chunkSize: Int,
    parallelism: Parallelism,
    makeScratch: () -> Scratch,
    body: (inout Scratch, Range<Int>) -> Piece
) -> (pieces: [Piece], scratches: [Scratch]) {
    let shares = forEachChunk(
        of: count, chunkSize: chunkSize, parallelism: parallelism, makeScratch: { (scratch: makeScratch(), pieces: [(start: Int, piece: Piece)]()) }
    ) { share, range in
        share.pieces.append((range.lowerBound, body(&share.scratch, range)))
    }
    let pieces = shares.flatMap(\.pieces).sorted { $0.start < $1.start }.map(\.piece)
    return (pieces, shares.map(\.scratch))
}

/// Carries non-`Sendable` values into `concurrentPerform`, whose closure must be `@Sendable`.
/// Callers guarantee the values are used without data races (disjoint writes, read-only data).
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) {
        self.value = value
    }
}
