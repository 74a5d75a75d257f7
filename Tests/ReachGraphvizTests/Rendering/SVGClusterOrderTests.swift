import Foundation
@testable import ReachGraphviz
import XCTest

/// Same DOT, same SVG bytes: cluster boxes come out in id order whatever order cgraph emits them.
final class SVGClusterOrderTests: XCTestCase {
    private func cluster(_ number: Int) -> String {
        """
        <g id="clust\(number)" class="cluster">
        <title>cluster_\(number)</title>
        <g id="a_clust\(number)"><a xlink:title="box \(number)">
        <path d="M0,0"/>
        </a>
        </g>
        </g>
        """
    }

    func testClusterBoxesAreSortedByIdAndNothingElseMoves() {
        let head = "<svg>\n<g id=\"graph0\" class=\"graph\">\n<title>G</title>"
        let tail = "<g id=\"node1\" class=\"node\">\n<title>a</title>\n</g>\n</g>\n</svg>\n"
        let shuffled = [head, cluster(3), cluster(10), cluster(2), tail].joined(separator: "\n")
        let sorted = [head, cluster(2), cluster(3), cluster(10), tail].joined(separator: "\n")
        XCTAssertEqual(String(decoding: SVGClusterOrder.canonical(Data(shuffled.utf8)), as: UTF8.self), sorted)
        XCTAssertEqual(SVGClusterOrder.canonical(Data(sorted.utf8)), Data(sorted.utf8))
        let plain = Data("<svg>\n<g id=\"node1\" class=\"node\">\n</g>\n</svg>\n".utf8)
        XCTAssertEqual(SVGClusterOrder.canonical(plain), plain)
    }

    func testAClusteredFigureRendersToTheSameBytesEveryTime() throws {
        let dataset = try SampleDatasets.hunan()
        let figure = try NetworkOverview.figure(of: dataset, options: .init(engine: .dot))
        let first = try figure.render(as: .svg).data
        XCTAssertTrue(String(decoding: first, as: UTF8.self).contains("class=\"cluster\""))
        for _ in 0 ..< 4 { XCTAssertEqual(try figure.render(as: .svg).data, first) }
    }
}
