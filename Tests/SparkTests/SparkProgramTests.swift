import Foundation
import ReachGraph
import ReachGraphCore
import ReachGraphSample
@testable import ReachGraphviz
import XCTest

/// The Spark program (`spark/reachgraph_spark.py`) gives ReachGraph's numbers: on the bundled
/// sample and on a generated dataset of more than 100,000 edges, both exported with
/// `SparkExportWriter` and run in one local Spark session, every count is equal and every score
/// within 1e-9 (relative) of what the library computes on the same dataset.
///
/// Needs Java 17 and the venv `spark/.venv` that `make test` installs (scripts/install-spark.sh);
/// without them the test fails under CI and skips elsewhere with one line.
final class SparkProgramTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let tolerance = 1e-9

    func testSparkProgramGivesReachGraphsNumbers() throws {
        let python = try Self.sparkPython()
        let folder = NSTemporaryDirectory() + "reachgraph-spark-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let sample = try DatasetLoader.load(Self.root.appendingPathComponent("graphs/sample").path)
        // Synthetic, seeded: 33,804 accounts, 105,398 edges and 376,597 posts.
        let generated = try SyntheticDatasetGenerator(configuration: .init(seed: 20_261_206, scale: 13)).generate()
        XCTAssertGreaterThanOrEqual(generated.graph().edgeCount, 100_000)
        try SparkExportWriter.write(sample, to: folder + "/sample", rowsPerPart: 20_000)
        try SparkExportWriter.write(generated, to: folder + "/generated", rowsPerPart: 200_000)

        try Self.run(python, [folder + "/sample", folder + "/sample-out", folder + "/generated", folder + "/generated-out", "--window", "600"])

        try assertSameNumbers(sample, output: folder + "/sample-out")
        try assertSameNumbers(generated, output: folder + "/generated-out")
        try assertBriefingFromTables(sample, export: folder + "/sample", output: folder + "/sample-out")
    }

    /// `brief --scores`: the briefing written from the Spark tables names the accounts the whole
    /// dataset ranks first by PageRank, and the cascade and pair counts of the full analyses.
    private func assertBriefingFromTables(_ dataset: Dataset, export: String, output: String, file: StaticString = #filePath, line: UInt = #line) throws {
        var options = BriefingBuilder.Options()
        options.png = false
        let document = try SparkBriefingBuilder(export: export, output: output, options: options).build()
        let pageRank = try dataset.graph().pageRank()
        let expected = pageRank.indices.sorted { pageRank[$0] != pageRank[$1] ? pageRank[$0] > pageRank[$1] : dataset.accounts[$0].id < dataset.accounts[$1].id }
            .prefix(options.top).map { Cell.text(dataset.accounts[$0].id) }
        let central = document.sections.first { $0.title == "Central accounts" }
        XCTAssertEqual(central?.tables.first?.rows.map { $0[1] }, Array(expected), "top accounts by PageRank", file: file, line: line)
        let cascades = CascadeAnalysis(dataset: dataset, minimumSize: 2, thresholds: []).cascades.count
        let cascadeText = document.sections.first { $0.title == "Cascades" }?.paragraphs.first ?? ""
        XCTAssertTrue(cascadeText.hasPrefix("\(groupedDigits(cascades)) posts were reposted"), cascadeText, file: file, line: line)
        XCTAssertEqual(document.sections.map(\.title), ["Dataset", "The network", "Central accounts", "Cascades", "Coordination", "Not in this briefing"], file: file, line: line)
        XCTAssertEqual(document.sections.flatMap(\.figures).map(\.name), ["overview"], file: file, line: line)
    }

    private func assertSameNumbers(_ dataset: Dataset, output: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let graph = dataset.graph()
        let count = dataset.accounts.count

        // Degrees, strengths, components and PageRank: one row per account.
        let scores = try SparkResultTable("scores", in: output, numeric: ["in_degree", "out_degree", "in_strength", "out_strength", "component_size", "pagerank"])
        XCTAssertEqual(scores.rows.count, count, "scores rows", file: file, line: line)
        let pageRank = try graph.pageRank()
        let components = graph.weaklyConnectedComponents()
        var sparkComponentOf: [Int32: String] = [:]
        var swiftComponentOf: [String: Int32] = [:]
        var mismatches = 0
        for row in scores.rows {
            func value(_ column: String) -> Double { Double(row[scores.index(of: column)!])! } // safe: checked numeric columns
            guard let node = dataset.index(ofAccount: row[scores.index(of: "id")!]) else { // safe: Spark writes id
                XCTFail("unknown account \(row[0])", file: file, line: line)
                continue
            }
            let label = components.labels[Int(node)]
            let sparkLabel = row[scores.index(of: "component")!] // safe: Spark writes component
            // The two labellings must be the same partition: a bijection between labels.
            if sparkComponentOf[label, default: sparkLabel] != sparkLabel || swiftComponentOf[sparkLabel, default: label] != label { mismatches += 1 }
            sparkComponentOf[label] = sparkLabel
            swiftComponentOf[sparkLabel] = label
            if value("in_degree") != Double(graph.inDegree(of: node)) || value("out_degree") != Double(graph.outDegree(of: node))
                || !Self.close(value("in_strength"), graph.inStrength(of: node)) || !Self.close(value("out_strength"), graph.outStrength(of: node))
                || value("component_size") != Double(components.sizes[Int(label)]) || !Self.close(value("pagerank"), pageRank[Int(node)]) {
                mismatches += 1
                if mismatches < 5 { XCTFail("account \(row) differs: pagerank \(pageRank[Int(node)]), in \(graph.inDegree(of: node)), out \(graph.outDegree(of: node))", file: file, line: line) }
            }
        }
        XCTAssertEqual(mismatches, 0, "accounts whose scores or component differ", file: file, line: line)
        let componentTable = try SparkResultTable("components", in: output, numeric: ["size"])
        XCTAssertEqual(componentTable.rows.count, components.count, "components", file: file, line: line)
        XCTAssertEqual(componentTable.rows.compactMap { Int($0[1]) }, components.sizes.sorted(by: >), "component sizes", file: file, line: line)

        // Co-action edges, heaviest first, as `reachgraph coordination --window 600 --table edges`.
        let network = CoActionNetwork(log: ShareLog(posts: dataset.posts, object: .parent), options: CoActionOptions(window: 600))
        let expected = network.edgeTable()
        let edges = try SparkResultTable("coordination_edges", in: output, numeric: Set(expected.columns.dropFirst(2)))
        XCTAssertEqual(edges.columns, expected.columns, file: file, line: line)
        XCTAssertEqual(edges.rows.count, expected.rows.count, "co-action edges", file: file, line: line)
        var edgeMismatches = 0
        for (sparkRow, swiftRow) in zip(edges.rows, expected.rows) {
            let same = zip(sparkRow, swiftRow).enumerated().allSatisfy { column, pair in
                column < 2 ? pair.0 == Self.text(pair.1) : Self.close(Double(pair.0)!, Self.number(pair.1)) // safe: numeric columns checked
            }
            if !same {
                edgeMismatches += 1
                if edgeMismatches < 5 { XCTFail("edge \(sparkRow) differs from \(swiftRow)", file: file, line: line) }
            }
        }
        XCTAssertEqual(edgeMismatches, 0, "co-action edges that differ", file: file, line: line)

        // Cascades of at least 2 accounts, largest first (ties by root), with root attribution.
        let analysis = CascadeAnalysis(dataset: dataset, minimumSize: 2, thresholds: [])
        let ordered = analysis.cascades.sorted { $0.size != $1.size ? $0.size > $1.size : $0.rootPostID < $1.rootPostID }
        let cascades = try SparkResultTable("cascades", in: output, numeric: ["size", "depth"])
        XCTAssertEqual(cascades.rows.count, ordered.count, "cascades", file: file, line: line)
        let sparkCascades = cascades.rows.map { [$0[0], dataset.accounts[Int(dataset.index(ofAccount: $0[1]) ?? 0)].id, $0[2], $0[3]] }
        let swiftCascades = ordered.map { [$0.rootPostID, dataset.accounts[Int($0.rootAccount)].id, String($0.size), String(Int($0.depth))] }
        XCTAssertEqual(sparkCascades, swiftCascades, "cascade roots, sizes and depths", file: file, line: line)
    }

    private static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= tolerance * max(abs(a), abs(b)) }

    private static func text(_ cell: Cell) -> String {
        if case .text(let text) = cell { return text }
        return "\(cell)"
    }

    private static func number(_ cell: Cell) -> Double {
        switch cell {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        default: return .nan
        }
    }

    /// The venv's python, or a failure under CI (where `make test` must have installed it) and a
    /// skip elsewhere.
    private static func sparkPython(file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let python = root.appendingPathComponent("spark/.venv/bin/python").path
        let javaFound = ProcessInfo.processInfo.environment["PATH", default: ""].split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/java") }
        guard FileManager.default.isExecutableFile(atPath: python), javaFound else {
            let message = "spark/.venv or java is missing: run scripts/install-spark.sh (make test does)"
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail(message + " (CI is set)", file: file, line: line) }
            throw XCTSkip(message)
        }
        return python
    }

    struct SparkRunFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Runs the Spark program with the venv's bin first on PATH (pyspark starts spark-submit from there).
    private static func run(_ python: String, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [root.appendingPathComponent("spark/reachgraph_spark.py").path] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = (python as NSString).deletingLastPathComponent + ":" + environment["PATH", default: "/usr/bin:/bin"]
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            let tail = String(decoding: stderr, as: UTF8.self).split(separator: "\n").suffix(15).joined(separator: "\n")
            throw SparkRunFailure(message: "the Spark program exited with \(process.terminationStatus):\n\(tail)")
        }
    }
}
