import Foundation
import ReachGraphviz
import XCTest

/// In-process rendering: formats, engines, errors, fonts and concurrency. Rendered bytes are
/// never compared (layouts alternate and fonts differ by machine); structure is.
final class GraphvizRendererTests: XCTestCase {
    static let small = """
        digraph { a -> b -> c -> a; c -> d; d [label="湖南国际传播中心"] }
        """

    func testEveryFormatStartsWithItsMagicNumber() throws {
        for format in RenderFormat.allCases {
            let rendering = try GraphvizRenderer.render(dot: Self.small, format: format, options: .init(engine: .sfdp))
            XCTAssertGreaterThan(rendering.data.count, 100, "\(format)")
            XCTAssertEqual(Array(rendering.data.prefix(format.magicNumber.count)), format.magicNumber, "\(format)")
            XCTAssertEqual(rendering.engine, .sfdp)
            XCTAssertEqual(rendering.shape, GraphShape(nodeCount: 4, edgeCount: 4, isAcyclic: false))
        }
    }

    func testEveryEngineLaysOutASmallGraph() throws {
        for engine in LayoutEngine.allCases {
            let rendering = try GraphvizRenderer.render(dot: Self.small, format: .svg, options: .init(engine: engine))
            let svg = String(decoding: rendering.data, as: UTF8.self)
            XCTAssertEqual(svg.components(separatedBy: "class=\"node\"").count - 1, 4, "\(engine)")
            XCTAssertEqual(svg.components(separatedBy: "class=\"edge\"").count - 1, 4, "\(engine)")
            XCTAssertTrue(svg.contains("湖南国际传播中心"), "\(engine)")
        }
    }

    func testGraphLayoutAttributeIsUsedAndChecked() throws {
        let rendering = try GraphvizRenderer.render(dot: "digraph { layout=circo; a -> b }", format: .svg)
        XCTAssertEqual(rendering.engine, .circo)
        XCTAssertThrowsError(try GraphvizRenderer.render(dot: "digraph { layout=bogus; a -> b }", format: .svg)) { error in
            XCTAssertTrue("\(error)".contains("unknown layout engine \"bogus\""), "\(error)")
        }
    }

    func testGraphvizComplaintsBecomeErrorsWithItsMessage() throws {
        XCTAssertThrowsError(try GraphvizRenderer.render(dot: "digraph { a -> ", format: .svg)) { error in
            XCTAssertTrue("\(error)".contains("syntax error"), "\(error)")
        }
        XCTAssertThrowsError(try GraphvizRenderer.render(dot: "digraph { a [shape=blob] }", format: .png)) { error in
            XCTAssertTrue("\(error)".contains("unknown shape blob"), "\(error)")
        }
        XCTAssertThrowsError(try GraphvizRenderer.render(dot: "digraph { a [color=notacolor] }", format: .svg)) { error in
            XCTAssertTrue("\(error)".contains("notacolor is not a known color"), "\(error)")
        }
        // Graphviz remembers an unknown shape after warning once per process, so use a new one.
        let lenient = try GraphvizRenderer.render(dot: "digraph { a [shape=lenientblob] }", format: .svg, options: .init(warningsAreErrors: false))
        XCTAssertEqual(lenient.warnings, ["using box for unknown shape lenientblob"])
    }

    func testDotIsRefusedOrReplacedOnABigCyclicGraph() throws {
        var writer = DOTWriter()
        for node in 0 ..< 150 {
            writer.edge(from: "n\(node)", to: "n\((node * 7 + 3) % 150)")
            writer.edge(from: "n\(node)", to: "n\((node * 13 + 5) % 150)")
        }
        let dot = writer.finish()
        XCTAssertThrowsError(try GraphvizRenderer.render(dot: dot, format: .svg, options: .init(engine: .dot))) { error in
            XCTAssertTrue("\(error)".contains("dot was not run"), "\(error)")
            XCTAssertTrue("\(error)".contains("use sfdp"), "\(error)")
        }
        let fallback = try GraphvizRenderer.render(dot: dot, format: .svg, options: .init(engine: .dot, policy: .fallBackToSFDP))
        XCTAssertEqual(fallback.engine, .sfdp)
        XCTAssertTrue(fallback.notice?.contains("laid out with sfdp instead") ?? false)
    }

    /// gvLayout lets a graph's `layout` attribute override the engine it is given; the renderer pins
    /// the attribute, so `layout=dot` in the text cannot slip a minutes-long dot layout past the guard.
    func testLayoutAttributeCannotBypassTheGuard() throws {
        var writer = DOTWriter()
        writer.graphAttributes(["layout": "dot"])
        for node in 0 ..< 200 {
            writer.edge(from: "n\(node)", to: "n\((node * 7 + 3) % 200)")
            writer.edge(from: "n\(node)", to: "n\((node * 13 + 5) % 200)")
            writer.edge(from: "n\(node)", to: "n\((node * 17 + 11) % 200)")
        }
        let rendering = try GraphvizRenderer.render(dot: writer.finish(), format: .svg, options: .init(engine: .sfdp))
        XCTAssertEqual(rendering.engine, .sfdp)
    }

    func testEngineGuardThresholds() throws {
        func allowed(_ engine: LayoutEngine, _ nodes: Int, _ edges: Int, acyclic: Bool) -> Bool {
            EngineGuard.problem(with: engine, shape: GraphShape(nodeCount: nodes, edgeCount: edges, isAcyclic: acyclic)) == nil
        }
        XCTAssertTrue(allowed(.dot, 100, 300, acyclic: false))
        XCTAssertFalse(allowed(.dot, 101, 150, acyclic: false))
        XCTAssertTrue(allowed(.dot, 300, 900, acyclic: true))
        XCTAssertFalse(allowed(.dot, 400, 900, acyclic: true))
        XCTAssertTrue(allowed(.dot, 2_000, 1_999, acyclic: true), "trees up to 2,000 nodes")
        XCTAssertFalse(allowed(.dot, 2_001, 2_000, acyclic: true))
        XCTAssertFalse(allowed(.dot, 5_000, 4_999, acyclic: true))
        XCTAssertTrue(allowed(.sfdp, 5_000, 15_000, acyclic: false))
        XCTAssertThrowsError(try EngineGuard.decide(requested: .sfdp, shape: GraphShape(nodeCount: 10_000_000, edgeCount: 1, isAcyclic: true), policy: .fallBackToSFDP))
    }

    func testRenderToFileIsAtomic() throws {
        let folder = NSTemporaryDirectory() + "reachgraphviz-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/figures/graph.pdf"
        try GraphvizRenderer.render(dot: Self.small, format: .pdf, to: path, options: .init(engine: .neato))
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertEqual(Array(data.prefix(5)), RenderFormat.pdf.magicNumber)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder + "/figures"), ["graph.pdf"])
    }

    /// With Chinese labels, PNG and PDF need the CJK font; the PNG is also kept for a look by eye
    /// when REACHGRAPH_KEEP_PNG names a path.
    func testChineseLabelsRenderToPNG() throws {
        let dot = """
            digraph { graph [fontname="\(FontFamily.cjk)", label="湖南国际传播中心 → 海外"]; node [fontname="\(FontFamily.cjk)", shape=box];
            a [label="湖南国际传播中心"]; b [label="浙江国际传播中心"]; a -> b }
            """
        let rendering = try GraphvizRenderer.render(dot: dot, format: .png, options: .init(engine: .dot))
        XCTAssertEqual(Array(rendering.data.prefix(8)), RenderFormat.png.magicNumber)
        XCTAssertGreaterThan(rendering.data.count, 2_000)
        if let path = ProcessInfo.processInfo.environment["REACHGRAPH_KEEP_PNG"] {
            try rendering.data.write(to: URL(fileURLWithPath: path))
        }
    }

    /// Graphviz is not thread-safe (concurrent renders crashed without the lock); through the
    /// public API every concurrent render succeeds.
    func testConcurrentRendersAllSucceed() throws {
        let formats = RenderFormat.allCases
        let engines: [LayoutEngine] = [.dot, .neato, .fdp, .sfdp, .circo, .twopi]
        let results = ResultBox(count: 24)
        DispatchQueue.concurrentPerform(iterations: 24) { index in
            do {
                let rendering = try GraphvizRenderer.render(
                    dot: Self.small, format: formats[index % formats.count], options: .init(engine: engines[index % engines.count])
                )
                results.set(index, rendering.data.starts(with: formats[index % formats.count].magicNumber))
            } catch {
                results.set(index, false)
            }
        }
        XCTAssertEqual(results.values, Array(repeating: true, count: 24))
    }
}

/// Thread-safe result slots for the concurrency test.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Bool]

    init(count: Int) { storage = Array(repeating: false, count: count) }

    func set(_ index: Int, _ value: Bool) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [Bool] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
