/// Sorts every row of an adjacency by neighbour, stably, moving each neighbour's weight with it.
///
/// ``GraphBuilder`` groups edges by target with a stable counting sort, which leaves each row of
/// the in-adjacency in input order; sorting each row by source then gives the rows that grouping
/// by source and transposing gave before, byte for byte: within a row, edges with the same source
/// (parallel edges) stay in input order, so their weights are still summed in that order. A row
/// is contiguous, so its sort runs in cache, where the scatter it replaces wrote every edge to a
/// random place in memory (at 100M edges that pass took 3.5 s on two threads; BENCHMARKS.md,
/// "Scale: 100M edges").
///
/// Rows of up to ``insertionLimit`` edges (most rows: the mean in-degree of a social graph is
/// around ten) are sorted by insertion; longer ones by a bottom-up merge sort over insertion-sorted
/// runs, in a scratch buffer per chunk. Rows are split into chunks of about equal edge counts that
/// run at once (``ChunkedCountingSort/forEachChunk(_:_:)``); each row is sorted whole by one
/// chunk, so the result does not depend on the number of chunks.
///
/// - Complexity: O(Σ n log n) over the rows' lengths n, O(E) for rows of at most
///   ``insertionLimit`` edges; scratch memory of the longest row per chunk.
enum RowSort {
    /// Rows up to this length are sorted by insertion; it is also the length of the runs that the
    /// merge sort starts from.
    static let insertionLimit = 24

    /// Sorts each row of `rows` by neighbour, stably, in `chunkCount` chunks of rows.
    static func sortRows(_ rows: inout GraphBuilder.Rows, chunkCount: Int) {
        let edgeTotal = rows.neighbors.count
        let bounds = ChunkedCountingSort.bounds(edgeCount: edgeTotal, chunkCount: chunkCount)
        var weights = rows.weights ?? []
        rows.weights = nil // keeps `weights` uniquely referenced while it is written
        let weighted = !weights.isEmpty
        rows.offsets.withUnsafeBufferPointer { offsets in
            rows.neighbors.withUnsafeMutableBufferPointer { neighbors in
                weights.withUnsafeMutableBufferPointer { weights in
                    ChunkedCountingSort.forEachChunk(chunkCount) { chunk in
                        // The chunk sorts the rows that start inside its edges (and the empty rows
                        // there, which need nothing), so every row has exactly one chunk.
                        let first = firstRow(startingAtOrAfter: bounds[chunk], offsets)
                        let end = firstRow(startingAtOrAfter: bounds[chunk + 1], offsets)
                        var scratch = Scratch()
                        for row in first ..< end {
                            let start = offsets[row], count = offsets[row &+ 1] &- start
                            guard count > 1 else { continue }
                            let rowNeighbors = neighbors.baseAddress! + start
                            if weighted {
                                sort(rowNeighbors, weights.baseAddress! + start, count: count, scratch: &scratch)
                            } else {
                                sort(rowNeighbors, count: count)
                            }
                        }
                    }
                }
            }
        }
        if weighted { rows.weights = weights }
    }

    /// The first row whose start is at or after `edge`, or the row count when none is.
    private static func firstRow(startingAtOrAfter edge: Int, _ offsets: UnsafeBufferPointer<Int>) -> Int {
        var low = 0, high = offsets.count - 1
        while low < high {
            let middle = (low + high) / 2
            if offsets[middle] < edge { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// One chunk's buffers for merging weighted rows, grown to the longest row it met.
    private struct Scratch {
        var neighbors: [Int32] = []
        var weights: [Double] = []

        mutating func reserve(_ count: Int) {
            guard neighbors.count < count else { return }
            neighbors = [Int32](repeating: 0, count: count)
            weights = [Double](repeating: 0, count: count)
        }
    }

    /// Sorts `count` neighbours without weights: equal neighbours are indistinguishable, so the
    /// order among them cannot show.
    private static func sort(_ neighbors: UnsafeMutablePointer<Int32>, count: Int) {
        if isSorted(neighbors, count) { return }
        if count <= insertionLimit {
            insertionSort(neighbors, nil, count)
        } else {
            var row = UnsafeMutableBufferPointer(start: neighbors, count: count)
            row.sort()
        }
    }

    /// Sorts `count` neighbours and their weights by neighbour, stably.
    private static func sort(_ neighbors: UnsafeMutablePointer<Int32>, _ weights: UnsafeMutablePointer<Double>, count: Int, scratch: inout Scratch) {
        if isSorted(neighbors, count) { return }
        if count <= insertionLimit {
            insertionSort(neighbors, weights, count)
            return
        }
        scratch.reserve(count)
        scratch.neighbors.withUnsafeMutableBufferPointer { spareNeighbors in
            scratch.weights.withUnsafeMutableBufferPointer { spareWeights in
                mergeSort(neighbors, weights, count: count, spareNeighbors: spareNeighbors.baseAddress!, spareWeights: spareWeights.baseAddress!)
            }
        }
    }

    @inline(__always)
    private static func isSorted(_ neighbors: UnsafeMutablePointer<Int32>, _ count: Int) -> Bool {
        var index = 1
        while index < count {
            if neighbors[index] < neighbors[index &- 1] { return false }
            index &+= 1
        }
        return true
    }

    /// Stable: an entry moves left only past strictly larger neighbours.
    @inline(__always)
    private static func insertionSort(_ neighbors: UnsafeMutablePointer<Int32>, _ weights: UnsafeMutablePointer<Double>?, _ count: Int) {
        var index = 1
        while index < count {
            let neighbor = neighbors[index]
            var place = index
            if let weights {
                let weight = weights[index]
                while place > 0 && neighbors[place &- 1] > neighbor {
                    neighbors[place] = neighbors[place &- 1]
                    weights[place] = weights[place &- 1]
                    place &-= 1
                }
                weights[place] = weight
            } else {
                while place > 0 && neighbors[place &- 1] > neighbor {
                    neighbors[place] = neighbors[place &- 1]
                    place &-= 1
                }
            }
            neighbors[place] = neighbor
            index &+= 1
        }
    }

    /// Bottom-up merge sort: runs of ``insertionLimit`` sorted by insertion, then merged in
    /// widening passes between the row and the spare buffers (a tie takes the left run's entry,
    /// which keeps the sort stable); a last copy brings the result back when it ended in the spare.
    private static func mergeSort(
        _ neighbors: UnsafeMutablePointer<Int32>, _ weights: UnsafeMutablePointer<Double>, count: Int,
        spareNeighbors: UnsafeMutablePointer<Int32>, spareWeights: UnsafeMutablePointer<Double>
    ) {
        var runStart = 0
        while runStart < count {
            insertionSort(neighbors + runStart, weights + runStart, min(insertionLimit, count - runStart))
            runStart += insertionLimit
        }
        var fromNeighbors = neighbors, fromWeights = weights
        var toNeighbors = spareNeighbors, toWeights = spareWeights
        var width = insertionLimit
        while width < count {
            var left = 0
            while left < count {
                let middle = min(left + width, count), end = min(left + 2 * width, count)
                var read = left, other = middle, write = left
                while read < middle && other < end {
                    if fromNeighbors[other] < fromNeighbors[read] {
                        toNeighbors[write] = fromNeighbors[other]
                        toWeights[write] = fromWeights[other]
                        other &+= 1
                    } else {
                        toNeighbors[write] = fromNeighbors[read]
                        toWeights[write] = fromWeights[read]
                        read &+= 1
                    }
                    write &+= 1
                }
                while read < middle {
                    toNeighbors[write] = fromNeighbors[read]
                    toWeights[write] = fromWeights[read]
                    read &+= 1
                    write &+= 1
                }
                while other < end {
                    toNeighbors[write] = fromNeighbors[other]
                    toWeights[write] = fromWeights[other]
                    other &+= 1
                    write &+= 1
                }
                left = end
            }
            swap(&fromNeighbors, &toNeighbors)
            swap(&fromWeights, &toWeights)
            width *= 2
        }
        if fromNeighbors != neighbors {
            neighbors.update(from: fromNeighbors, count: count)
            weights.update(from: fromWeights, count: count)
        }
    }
}
