import Foundation
import ReachGraph
@testable import ReachGraphviz
import XCTest

/// cgraph numbers objects in creation order here (`shim.h`), so a clustered `dot` layout is the
/// same however the heap is laid out: rendered again and again in one process, with other
/// graphs allocated in between, a figure with 81 cluster panels keeps its bytes and names.
final class LayoutDeterminismTests: XCTestCase {
    func testClusteredDotFigureRendersTheSameBytesEveryTime() throws {
        let dataset = try FigureLegibilityTests.wideProvince(spokes: 40)
        let scorecard = try XCTUnwrap(StructureAnalysis(dataset: dataset, options: .init(shuffles: 0)).scorecards.first)
        let figure = try StructureFigure.figure(of: scorecard, dataset: dataset)
        XCTAssertEqual(figure.engine, .dot)
        let first = try figure.render(as: .svg).data
        var clutter: [Data] = []
        for round in 0 ..< 3 {
            // Other graphs parsed and freed in between move where cgraph's strings land.
            clutter.append(try GraphvizRenderer.render(dot: "digraph g\(round) { subgraph cluster_x\(round) { a\(round) -> b } c -> a\(round) }", format: .svg).data)
            XCTAssertEqual(try figure.render(as: .svg).data, first, "render \(round + 2)")
            XCTAssertEqual(try figure.render(as: .png).data, try figure.render(as: .png).data)
        }
        let svg = String(decoding: first, as: UTF8.self)
        XCTAssertTrue(svg.contains("<title>cluster_panel_1</title>"), "names still print")
        XCTAssertTrue(svg.contains("<title>hub</title>") || svg.contains("hub"), "node names still print")
        XCTAssertFalse(svg.contains("<title>%"), "no local %id names in place of names")
    }
}
