/// The stable counting sorts that build a graph's rows, split into fixed chunks of consecutive
/// edges that run at once, one chunk per thread (``Parallelism/threadCount``).
///
/// Each chunk counts its own keys; one pass over the nodes turns the counts into the sorted rows'
/// offsets and, per chunk, where its first edge of each key goes: after every earlier chunk's
/// edges of that key. Each chunk then scatters its edges, in order, from those positions, so
/// within a key edges keep their input order, chunk after chunk. A stable sort has exactly one
/// result, so the rows are byte for byte the one-thread sort's whatever the number of chunks
/// (the tests build the same edges in 1, 2, 3, 4 and 7 chunks and compare every array).
///
/// Why chunks of edges rather than of keys: a thread that owned a range of keys would read every
/// edge to find its own, and balance its share by the degrees. Chunks of edges read each edge
/// once and are equal by construction. They cost one array of `nodeCount` cursors per chunk
/// beyond the first; with cursors in `Int32` (below 2^31 edges) and the grouping's offsets too,
/// two chunks hold what one chunk held with `Int` arrays (40 MB a chunk at 10M nodes), and there
/// are at most ``maximumChunkCount``. At 100M edges the build took 16.4 s on one thread and
/// 8.5 s in two chunks (BENCHMARKS.md, "Scale: 100M edges").
///
/// Counters add with `&+`: each is bounded by the edge count.
///
/// - Complexity: O(E + V·C) work for C chunks, about O(E / C + V·C) time on C threads.
enum ChunkedCountingSort {
    /// Fewer edges per chunk than this are not worth a thread: a chunk of a million edges takes
    /// about ten milliseconds.
    static let minimumChunkEdges = 1 << 20
    /// The most chunks, bounding the extra memory at 3 arrays of `nodeCount` positions.
    static let maximumChunkCount = 4

    /// The number of chunks for `edgeCount` edges: one per thread allowed now, fewer for small inputs.
    static func chunkCount(edgeCount: Int) -> Int {
        min(maximumChunkCount, Parallelism.workerCount(items: edgeCount / minimumChunkEdges))
    }

    /// `chunkCount + 1` edge positions: chunk `c` is `bounds[c] ..< bounds[c + 1]`, all about equal.
    static func bounds(edgeCount: Int, chunkCount: Int) -> [Int] {
        (0 ... chunkCount).map { edgeCount / chunkCount * $0 + edgeCount % chunkCount * $0 / chunkCount }
    }

    /// Runs `body(chunk)` for every chunk, at once on up to as many threads.
    static func forEachChunk(_ chunkCount: Int, _ body: (Int) -> Void) {
        withoutActuallyEscaping(body) { body in
            // The workers see the closure through a pointer, as in `forEachChunk(of:…)`: a block
            // that captured it could be released after `forEach` returns. Unchecked: the chunks
            // write disjoint places (their own cursors, their own slots of the output).
            var work = body
            withUnsafePointer(to: &work) { work in
                let shared = UncheckedSendable(work)
                Parallelism.forEach(chunkCount, maxConcurrency: chunkCount) { chunk in shared.value.pointee(chunk) }
            }
        }
    }

    /// The positions of a counting sort of `keys` into `nodeCount` buckets split at `bounds`.
    ///
    /// `offsets` (`nodeCount + 1`) are the sorted rows': row `v` is `offsets[v] ..< offsets[v + 1]`.
    /// `starts` holds one segment of `nodeCount` positions per chunk after the first: segment
    /// `c − 1` is where chunk `c`'s first edge of each key goes. Chunk 0's are `offsets`. Both
    /// types must hold the number of keys.
    static func positions<Offset: FixedWidthInteger, Position: FixedWidthInteger>(
        counting keys: [Int32], nodeCount: Int, bounds: [Int], as _: (Offset.Type, Position.Type)
    ) -> (offsets: [Offset], starts: [Position]) {
        let chunkCount = bounds.count - 1
        var offsets = HugePages.zeros(nodeCount + 1, of: Offset.self)
        var starts = HugePages.zeros((chunkCount - 1) * nodeCount, of: Position.self)
        offsets.withUnsafeMutableBufferPointer { offsets in
            starts.withUnsafeMutableBufferPointer { starts in
                keys.withUnsafeBufferPointer { keys in
                    forEachChunk(chunkCount) { chunk in
                        // Chunk 0 counts into `offsets` shifted by one, where the prefix sums go.
                        if chunk == 0 {
                            count(keys, bounds[0] ..< bounds[1], into: offsets.baseAddress! + 1)
                        } else {
                            count(keys, bounds[chunk] ..< bounds[chunk + 1], into: starts.baseAddress! + (chunk - 1) * nodeCount)
                        }
                    }
                }
                var next: Offset = 0
                for node in 0 ..< nodeCount {
                    next &+= offsets[node &+ 1]
                    var segment = node
                    for _ in 1 ..< chunkCount {
                        let count = Offset(truncatingIfNeeded: starts[segment])
                        starts[segment] = Position(truncatingIfNeeded: next)
                        next &+= count
                        segment &+= nodeCount
                    }
                    offsets[node &+ 1] = next
                }
            }
        }
        return (offsets, starts)
    }

    @inline(__always)
    private static func count<Count: FixedWidthInteger>(_ keys: UnsafeBufferPointer<Int32>, _ edges: Range<Int>, into counts: UnsafeMutablePointer<Count>) {
        for edge in edges { counts[Int(keys[edge])] &+= 1 }
    }

    /// `values` reordered so that entries with equal keys are together, in the order `offsets`
    /// gives, keeping input order within a key. `offsets` and `starts` are
    /// ``positions(counting:nodeCount:bounds:as:)``'s for these keys and bounds; they serve as the
    /// cursors and are put back afterwards, ready for another array with the same keys, so that
    /// no copy of them is made. The iterations are independent, so their cache misses overlap;
    /// an in-place American flag sort, tried first, chases one miss at a time round its cycles
    /// and took three times as long on 10M edges.
    static func group<Value, Offset: FixedWidthInteger, Position: FixedWidthInteger>(
        _ values: [Value], byKeys keys: [Int32], offsets: inout [Offset], starts: inout [Position], bounds: [Int]
    ) -> [Value] {
        let chunkCount = bounds.count - 1
        let nodeCount = offsets.count - 1
        return [Value](unsafeUninitializedCapacity: values.count) { grouped, initialized in
            HugePages.advise(grouped)
            offsets.withUnsafeMutableBufferPointer { offsets in
                starts.withUnsafeMutableBufferPointer { starts in
                    keys.withUnsafeBufferPointer { keys in
                        values.withUnsafeBufferPointer { values in
                            forEachChunk(chunkCount) { chunk in
                                let edges = bounds[chunk] ..< bounds[chunk + 1]
                                if chunk == 0 {
                                    scatter(values, byKeys: keys, edges, cursor: offsets.baseAddress!, into: grouped)
                                } else {
                                    scatter(values, byKeys: keys, edges, cursor: starts.baseAddress! + (chunk - 1) * nodeCount, into: grouped)
                                }
                            }
                        }
                    }
                    moveCursorsBack(offsets, starts, chunkCount: chunkCount)
                }
            }
            initialized = values.count
        }
    }

    /// ``group(_:byKeys:offsets:starts:bounds:)`` of two arrays at once, in one pass over the keys:
    /// each edge's cursor is read and moved once for both, where two passes paid its cache miss
    /// twice (the edge list's sources and weights at 100M edges: the grouping took 3.6 s of CPU).
    /// Holds the two inputs and their grouped copies together.
    static func group<First, Second, Offset: FixedWidthInteger, Position: FixedWidthInteger>(
        _ first: [First], _ second: [Second], byKeys keys: [Int32], offsets: inout [Offset], starts: inout [Position], bounds: [Int]
    ) -> ([First], [Second]) {
        precondition(first.count == second.count, "ChunkedCountingSort.group: arrays of different lengths")
        let chunkCount = bounds.count - 1
        let nodeCount = offsets.count - 1
        var groupedSecond: [Second] = []
        let groupedFirst = [First](unsafeUninitializedCapacity: first.count) { groupedFirst, initializedFirst in
            groupedSecond = [Second](unsafeUninitializedCapacity: second.count) { groupedSecond, initializedSecond in
                HugePages.advise(groupedFirst)
                HugePages.advise(groupedSecond)
                offsets.withUnsafeMutableBufferPointer { offsets in
                    starts.withUnsafeMutableBufferPointer { starts in
                        keys.withUnsafeBufferPointer { keys in
                            first.withUnsafeBufferPointer { first in
                                second.withUnsafeBufferPointer { second in
                                    forEachChunk(chunkCount) { chunk in
                                        if chunk == 0 {
                                            scatter(first, second, byKeys: keys, bounds[0] ..< bounds[1], cursor: offsets.baseAddress!, into: groupedFirst, groupedSecond)
                                        } else {
                                            scatter(
                                                first, second, byKeys: keys, bounds[chunk] ..< bounds[chunk + 1],
                                                cursor: starts.baseAddress! + (chunk - 1) * nodeCount, into: groupedFirst, groupedSecond
                                            )
                                        }
                                    }
                                }
                            }
                        }
                        moveCursorsBack(offsets, starts, chunkCount: chunkCount)
                    }
                }
                initializedSecond = second.count
            }
            initializedFirst = first.count
        }
        return (groupedFirst, groupedSecond)
    }

    /// After a scatter each chunk's cursors stand where the next chunk's started, and the last
    /// chunk's at the start of the next row: moves each back by one chunk, so that `offsets` are
    /// the rows' again and `starts` the chunks' starting cursors.
    private static func moveCursorsBack<Offset: FixedWidthInteger, Position: FixedWidthInteger>(
        _ offsets: UnsafeMutableBufferPointer<Offset>, _ starts: UnsafeMutableBufferPointer<Position>, chunkCount: Int
    ) {
        let nodeCount = offsets.count - 1
        var carry: Offset = 0
        for node in 0 ..< nodeCount {
            var moving = offsets[node]
            offsets[node] = carry
            var segment = node
            for _ in 1 ..< chunkCount {
                let next = starts[segment]
                starts[segment] = Position(truncatingIfNeeded: moving)
                moving = Offset(truncatingIfNeeded: next)
                segment &+= nodeCount
            }
            carry = moving
        }
    }

    /// ``scatter(_:byKeys:_:cursor:into:)`` of two arrays with the same keys.
    @inline(__always)
    private static func scatter<First, Second, Position: FixedWidthInteger>(
        _ first: UnsafeBufferPointer<First>, _ second: UnsafeBufferPointer<Second>, byKeys keys: UnsafeBufferPointer<Int32>, _ edges: Range<Int>,
        cursor: UnsafeMutablePointer<Position>, into groupedFirst: UnsafeMutableBufferPointer<First>, _ groupedSecond: UnsafeMutableBufferPointer<Second>
    ) {
        for edge in edges {
            let key = Int(keys[edge])
            let place = Int(truncatingIfNeeded: cursor[key])
            cursor[key] = Position(truncatingIfNeeded: place &+ 1)
            groupedFirst.initializeElement(at: place, to: first[edge])
            groupedSecond.initializeElement(at: place, to: second[edge])
        }
    }

    /// Puts `values[edge]` for each of `edges` at `cursor[keys[edge]]`, which moves on.
    @inline(__always)
    private static func scatter<Value, Position: FixedWidthInteger>(
        _ values: UnsafeBufferPointer<Value>, byKeys keys: UnsafeBufferPointer<Int32>, _ edges: Range<Int>,
        cursor: UnsafeMutablePointer<Position>, into grouped: UnsafeMutableBufferPointer<Value>
    ) {
        for edge in edges {
            let key = Int(keys[edge])
            let place = cursor[key]
            cursor[key] = place &+ 1
            grouped.initializeElement(at: Int(truncatingIfNeeded: place), to: values[edge])
        }
    }

    /// The reverse of the adjacency given by `offsets`, `neighbors` and `weights` (`nodeCount`
    /// rows and columns); its rows come out sorted because rows are visited in order. `Position`
    /// holds the chunks' cursors and must hold the number of edges.
    ///
    /// `spareNeighbors` and `spareWeights`, arrays the caller no longer needs, are taken (left
    /// empty) and written over when they hold at least as many elements as the result: their pages
    /// are already the process's, where a new array's are zeroed by the kernel on first touch
    /// (on this machine kind about 2 s of CPU a GiB once freed memory has gone back to the host;
    /// at 100M edges the transpose's 1.2 GB of fresh pages took 3.6 s of CPU, BENCHMARKS.md).
    static func transpose<Offset: FixedWidthInteger, Position: FixedWidthInteger>(
        offsets: [Offset], neighbors: [Int32], weights: [Double]?, nodeCount: Int, chunkCount: Int, positions _: Position.Type,
        spareNeighbors: inout [Int32], spareWeights: inout [Double]
    ) -> GraphBuilder.Rows {
        let edgeTotal = neighbors.count
        let bounds = bounds(edgeCount: edgeTotal, chunkCount: chunkCount)
        // Chunk 0 uses the new offsets as its cursors, which are shifted back afterwards: that
        // saves an array of V integers (8 MB a million nodes) at the peak of the build.
        var (cursor, starts) = positions(counting: neighbors, nodeCount: nodeCount, bounds: bounds, as: (Int.self, Position.self))
        let weighted = weights != nil, inputWeights = weights ?? []
        var reverseWeights: [Double] = weighted ? storage(count: edgeTotal, reusing: &spareWeights) : []
        var reverseNeighbors = storage(count: edgeTotal, reusing: &spareNeighbors)
        reverseNeighbors.withUnsafeMutableBufferPointer { reverse in
            cursor.withUnsafeMutableBufferPointer { cursor in
                starts.withUnsafeMutableBufferPointer { starts in
                    offsets.withUnsafeBufferPointer { offsets in
                        neighbors.withUnsafeBufferPointer { neighbors in
                            inputWeights.withUnsafeBufferPointer { inputWeights in
                                reverseWeights.withUnsafeMutableBufferPointer { reverseWeights in
                                    forEachChunk(chunkCount) { chunk in
                                        let edges = bounds[chunk] ..< bounds[chunk + 1]
                                        let sourceWeights = weighted ? inputWeights : nil, targetWeights = weighted ? reverseWeights : nil
                                        if chunk == 0 {
                                            scatterRows(edges, offsets: offsets, neighbors: neighbors, weights: sourceWeights, cursor: cursor.baseAddress!, into: reverse, weights: targetWeights)
                                        } else {
                                            scatterRows(
                                                edges, offsets: offsets, neighbors: neighbors, weights: sourceWeights,
                                                cursor: starts.baseAddress! + (chunk - 1) * nodeCount, into: reverse, weights: targetWeights
                                            )
                                        }
                                    }
                                }
                            }
                        }
                    }
                    // Each cursor of the last chunk now stands at the start of the next row.
                    if chunkCount > 1 {
                        let last = starts.baseAddress! + (chunkCount - 2) * nodeCount
                        for row in 0 ..< nodeCount { cursor[row &+ 1] = Int(truncatingIfNeeded: last[row]) }
                    } else {
                        for row in stride(from: nodeCount, to: 0, by: -1) { cursor[row] = cursor[row - 1] }
                    }
                    cursor[0] = 0
                }
            }
        }
        return GraphBuilder.Rows(offsets: cursor, neighbors: reverseNeighbors, weights: weighted ? reverseWeights : nil)
    }

    /// `count` elements to be written over: `spare` shortened when it is long enough (taken, so
    /// that it is uniquely referenced and shortening it copies nothing), else a new array whose
    /// elements are left as they are (every one is written before it is read).
    private static func storage<Value: BitwiseCopyable>(count: Int, reusing spare: inout [Value]) -> [Value] {
        var taken = spare
        spare = []
        guard taken.count >= count else {
            taken = []
            return [Value](unsafeUninitializedCapacity: count) { fresh, initialized in
                HugePages.advise(fresh)
                initialized = count
            }
        }
        taken.removeLast(taken.count - count)
        return taken
    }

    /// Scatters the edges `edges` (positions of `neighbors`, which may start and end inside rows)
    /// into the reverse adjacency: edge `row → column` goes to `cursor[column]`, which moves on.
    @inline(__always)
    private static func scatterRows<Offset: FixedWidthInteger, Position: FixedWidthInteger>(
        _ edges: Range<Int>, offsets: UnsafeBufferPointer<Offset>, neighbors: UnsafeBufferPointer<Int32>, weights: UnsafeBufferPointer<Double>?,
        cursor: UnsafeMutablePointer<Position>, into reverse: UnsafeMutableBufferPointer<Int32>, weights reverseWeights: UnsafeMutableBufferPointer<Double>?
    ) {
        guard !edges.isEmpty else { return }
        // The row holding the first edge: the last row starting at or before it.
        var low = 0, high = offsets.count - 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if Int(offsets[middle]) <= edges.lowerBound { low = middle } else { high = middle }
        }
        var row = low
        var edge = edges.lowerBound
        // One loop with weights and one without, so that the unweighted build (summary's) does not
        // test for weights on each of its edges.
        if let weights, let reverseWeights {
            while edge < edges.upperBound {
                let rowEnd = min(Int(truncatingIfNeeded: offsets[row &+ 1]), edges.upperBound)
                while edge < rowEnd {
                    let column = Int(neighbors[edge])
                    let slot = cursor[column]
                    cursor[column] = slot &+ 1
                    reverse[Int(truncatingIfNeeded: slot)] = Int32(truncatingIfNeeded: row)
                    reverseWeights[Int(truncatingIfNeeded: slot)] = weights[edge]
                    edge &+= 1
                }
                row &+= 1
            }
        } else {
            while edge < edges.upperBound {
                let rowEnd = min(Int(truncatingIfNeeded: offsets[row &+ 1]), edges.upperBound)
                while edge < rowEnd {
                    let column = Int(neighbors[edge])
                    let slot = cursor[column]
                    cursor[column] = slot &+ 1
                    reverse[Int(truncatingIfNeeded: slot)] = Int32(truncatingIfNeeded: row)
                    edge &+= 1
                }
                row &+= 1
            }
        }
    }
}
