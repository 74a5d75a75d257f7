// Times ReachGraph on one generated edge list and prints one JSON object per line, in the same
// shape as Benchmarks/peers.py, for Benchmarks/run to tabulate.
//
//     reachgraph-benchmark --size NAME --file PATH [--repeats N] [--tasks pagerank,kcore,...] [--threads N]
//
// Load and components always run; `--tasks` adds the centrality and diffusion measurements (see
// `centralityTasks` for the names). Benchmarks/peers.py times the peers on the same tasks.
//
// Run one process per file: peak RSS (VmHWM) only grows, so a fresh process per size is what makes
// the reported peak belong to that size's load.

import Foundation
import ReachGraph
import ReachGraphCore

struct Options {
    var size = ""
    var file = ""
    var repeats = 3
    var tasks: [String] = []
    /// `--threads N`: run the per-source measures at N threads only (default: all, then 1), so a
    /// whole process can be timed at one thread.
    var threads: Int?

    init(_ arguments: [String]) throws {
        var iterator = arguments.dropFirst().makeIterator()
        while let flag = iterator.next() {
            guard let value = iterator.next() else { throw UsageError(message: "\(flag) needs a value") }
            switch flag {
            case "--size": size = value
            case "--file": file = value
            case "--tasks": tasks = value.split(separator: ",").map(String.init)
            case "--threads":
                guard let count = Int(value), count > 0 else { throw UsageError(message: "--threads takes a positive whole number") }
                threads = count
            case "--repeats":
                guard let count = Int(value), count > 0 else { throw UsageError(message: "--repeats takes a positive whole number") }
                repeats = count
            default: throw UsageError(message: "unknown option \(flag)")
            }
        }
        if file.isEmpty { throw UsageError(message: "usage: reachgraph-benchmark --size NAME --file PATH [--repeats N] [--tasks LIST] [--threads N]") }
        if let unknown = tasks.first(where: { !centralityTasks.contains($0) }) {
            throw UsageError(message: "unknown task \(unknown); expected one of \(centralityTasks.joined(separator: ", "))")
        }
    }
}

struct UsageError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Seconds on the monotonic clock.
func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

/// CPU seconds used by the whole process (all threads); on a shared machine this is steadier
/// than wall time when judging a change.
func cpuNow() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

/// A field of /proc/self/status in bytes (`VmHWM` peak resident, `VmRSS` resident now), or -1 where
/// there is no /proc.
func processMemory(_ field: String) -> Int {
    guard let file = fopen("/proc/self/status", "r") else { return -1 }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, Int32(line.count), file) != nil {
        let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard text.hasPrefix(field + ":") else { continue }
        let digits = text.dropFirst(field.count + 1).filter(\.isNumber)
        return (Int(digits) ?? -1) * 1024
    }
    return -1
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// Bytes held by the graph's CSR arrays (both directions).
func footprint(_ graph: DirectedGraph) -> Int {
    func bytes(_ adjacency: Adjacency) -> Int {
        adjacency.offsets.count * MemoryLayout<Int>.stride + adjacency.neighbors.count * MemoryLayout<Int32>.stride
            + (adjacency.weights?.count ?? 0) * MemoryLayout<Double>.stride
    }
    return bytes(graph.outgoing) + bytes(graph.incoming)
}

func megabytes(_ bytes: Int) -> String {
    bytes < 0 ? "null" : String(format: "%.1f", Double(bytes) / 1_048_576)
}

func seconds(_ value: Double) -> String { String(format: "%.6f", value) }

func emit(_ options: Options, task: String, times: [Double], threads: Int = 1, extra: [(String, String)] = []) {
    var fields: [(String, String)] = [
        ("library", "\"reachgraph\""), ("size", "\"\(options.size)\""), ("task", "\"\(task)\""), ("threads", "\(threads)"),
        ("median_s", seconds(median(times))), ("times_s", "[" + times.map(seconds).joined(separator: ", ") + "]"),
    ]
    fields += extra
    print("{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
}

/// Loads the file as the library's users do: read the edge list, then compress it into a graph.
func load(_ path: String) throws -> Loaded {
    let start = now(), cpuStart = cpuNow()
    var list = try EdgeListReader.read(path: path)
    let read = now() - start, readCPU = cpuNow() - cpuStart
    let rows = list.count
    return Loaded(graph: list.takeGraph(), identifiers: list.identifiers, rows: rows, readSeconds: read, readCPU: readCPU)
}

struct Loaded {
    var graph: DirectedGraph
    var identifiers: IdentifierTable
    var rows: Int
    var readSeconds: Double
    var readCPU: Double
}

func run(_ options: Options) throws {
    if let threads = options.threads { Parallelism.threadCount = threads }
    let startRSS = processMemory("VmRSS")
    var loadTimes: [Double] = []
    var cpuTimes: [Double] = []
    var readTimes: [Double] = []
    var readCPUTimes: [Double] = []
    var loaded: Loaded?
    var peak = -1
    for attempt in 0 ..< options.repeats {
        loaded = nil // the previous graph is freed before the next load, as a fresh process would have it
        let start = now(), cpuStart = cpuNow()
        let result = try load(options.file)
        loadTimes.append(now() - start)
        cpuTimes.append(cpuNow() - cpuStart)
        readTimes.append(result.readSeconds)
        readCPUTimes.append(result.readCPU)
        loaded = result
        if attempt == 0 { peak = processMemory("VmHWM") }
    }
    guard let loaded else { return }
    let graph = loaded.graph, identifiers = loaded.identifiers
    emit(options, task: "load", times: loadTimes, extra: [
        ("read_median_s", seconds(median(readTimes))), ("cpu_median_s", seconds(median(cpuTimes))),
        ("read_cpu_median_s", seconds(median(readCPUTimes))),
        ("rows", "\(loaded.rows)"), ("nodes", "\(graph.nodeCount)"), ("edges", "\(graph.edgeCount)"),
        ("peak_rss_mb", megabytes(peak)), ("rss_after_load_mb", megabytes(processMemory("VmRSS"))),
        ("graph_mb", megabytes(footprint(graph))), ("ids_count", "\(identifiers.count)"),
        ("ids_mb", megabytes(identifiers.storageBytes)), ("rss_at_start_mb", megabytes(startRSS)),
    ])

    let weak = timed(options.repeats) { graph.weaklyConnectedComponents() }
    emit(options, task: "wcc", times: weak.times, extra: [
        ("cpu_median_s", seconds(median(weak.cpu))), ("components", "\(weak.result.count)"), ("largest", "\(weak.result.largestSize)"),
    ])
    let strong = timed(options.repeats) { graph.stronglyConnectedComponents() }
    emit(options, task: "scc", times: strong.times, extra: [
        ("cpu_median_s", seconds(median(strong.cpu))), ("components", "\(strong.result.count)"), ("largest", "\(strong.result.largestSize)"),
    ])
    for task in options.tasks {
        do {
            try runCentrality(task, graph: graph, options: options)
        } catch {
            // One failing measure (say, a power iteration that does not converge) is reported and
            // the others still run.
            print("{\"library\": \"reachgraph\", \"size\": \"\(options.size)\", \"task\": \"error\", \"threads\": 1, "
                + "\"failed_task\": \"\(task)\", \"message\": \"\(error)\"}")
        }
    }
}

/// Runs `body` `repeats` (at least 1) times, without a warm-up run, as peers.py does; wall and CPU
/// seconds of each run, and the last result.
func timed<Result>(_ repeats: Int, _ body: () -> Result) -> (times: [Double], cpu: [Double], result: Result) {
    var times: [Double] = []
    var cpu: [Double] = []
    func once() -> Result {
        let start = now(), cpuStart = cpuNow()
        let result = body()
        times.append(now() - start)
        cpu.append(cpuNow() - cpuStart)
        return result
    }
    var result = once()
    for _ in 1 ..< max(repeats, 1) { result = once() }
    return (times, cpu, result)
}

do {
    try run(Options(CommandLine.arguments))
} catch {
    FileHandle.standardError.write(Data("reachgraph-benchmark: \(error)\n".utf8))
    exit(1)
}
