import Dispatch

/// The product of an adjacency matrix with a vector, row by row: `output[v] = Σ w(v, u) · input[u]`
/// over the entries `u` of row `v`.
///
/// Over ``DirectedGraph/incoming`` this is `Aᵀx` (each node pulls from the nodes pointing at it);
/// over ``DirectedGraph/outgoing`` it is `Ax`. Every power iteration in this folder is built on it.
///
/// Large matrices are split into fixed node ranges run with ``Parallelism/forEach(_:maxConcurrency:_:)``.
/// Each output entry is summed by one thread in row order, so the result is bit-for-bit the same
/// whatever the number of threads.
/// - Complexity: O(V + E).
func multiplyRows(of adjacency: Adjacency, weighted: Bool, by input: [Double], into output: inout [Double]) {
    let nodeCount = output.count
    let weights = weighted ? adjacency.weights : nil
    withRows(adjacency) { offsets, neighbors in
        input.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { output in
                guard let weights else {
                    let rows = RowKernel(offsets: offsets, neighbors: neighbors, weights: nil, input: input, output: output)
                    rows.run(nodeCount: nodeCount, edgeCount: neighbors.count)
                    return
                }
                weights.withUnsafeBufferPointer { weights in
                    let rows = RowKernel(offsets: offsets, neighbors: neighbors, weights: weights, input: input, output: output)
                    rows.run(nodeCount: nodeCount, edgeCount: neighbors.count)
                }
            }
        }
    }
}

/// Raw views of one product, shareable across the threads of `concurrentPerform`.
///
/// Unchecked `Sendable` is sound here because threads only read the inputs and write disjoint
/// ranges of `output`, and the buffers outlive the call that uses them.
private struct RowKernel: @unchecked Sendable {
    let offsets: UnsafeBufferPointer<Int>
    let neighbors: UnsafeBufferPointer<Int32>
    let weights: UnsafeBufferPointer<Double>?
    let input: UnsafeBufferPointer<Double>
    let output: UnsafeMutableBufferPointer<Double>

    /// Nodes per parallel task; fixed so the split depends on the graph only.
    static let chunkSize = 4096
    /// Below this many edges a product takes microseconds and threads only add overhead.
    static let parallelEdgeThreshold = 1 << 17

    func run(nodeCount: Int, edgeCount: Int) {
        let chunks = (nodeCount + Self.chunkSize - 1) / Self.chunkSize
        guard chunks > 1, edgeCount >= Self.parallelEdgeThreshold else {
            multiply(rows: 0 ..< nodeCount)
            return
        }
        Parallelism.forEach(chunks) { chunk in
            let start = chunk * Self.chunkSize
            multiply(rows: start ..< min(start + Self.chunkSize, nodeCount))
        }
    }

    @inline(__always)
    func multiply(rows: Range<Int>) {
        if let weights {
            for row in rows {
                var sum = 0.0
                for edge in offsets[row] ..< offsets[row + 1] { sum += weights[edge] * input[Int(neighbors[edge])] }
                output[row] = sum
            }
        } else {
            for row in rows {
                var sum = 0.0
                for edge in offsets[row] ..< offsets[row + 1] { sum += input[Int(neighbors[edge])] }
                output[row] = sum
            }
        }
    }
}

/// Multiplies every entry of `values` by `factor`: one reciprocal and n products, the way
/// NetworkX normalises, rather than n divisions.
func scaleEntries(of values: inout [Double], by factor: Double) {
    for index in values.indices { values[index] *= factor }
}

/// Calls `body` with raw views of an adjacency's offsets and neighbours.
@inline(__always)
func withRows<Result>(_ adjacency: Adjacency, _ body: (UnsafeBufferPointer<Int>, UnsafeBufferPointer<Int32>) throws -> Result) rethrows -> Result {
    try adjacency.offsets.withUnsafeBufferPointer { offsets in
        try adjacency.neighbors.withUnsafeBufferPointer { neighbors in try body(offsets, neighbors) }
    }
}
