import ReachGraphCore
import XCTest

final class CascadeShapeTests: XCTestCase {
    func testStarAndChainByHand() throws {
        // Star with 4 leaves: 4 pairs at distance 1 and 6 at distance 2 → ν = 16/10.
        let star = try CascadeTree(parents: [-1, 0, 0, 0, 0], times: [0, 1, 2, 3, 4])
        let starShape = CascadeShape(of: star)
        XCTAssertEqual(starShape.size, 5)
        XCTAssertEqual(starShape.depth, 1)
        XCTAssertEqual(starShape.breadthByLevel, [1, 4])
        XCTAssertEqual(starShape.structuralVirality, 1.6, accuracy: 1e-12)
        // Chain of 4: distances 1,1,1,2,2,3 → ν = 10/6.
        let chain = try CascadeTree(parents: [-1, 0, 1, 2], times: [0, 5, 9, 30])
        let chainShape = CascadeShape(of: chain)
        XCTAssertEqual(chainShape.depth, 3)
        XCTAssertEqual(chainShape.maxBreadth, 1)
        XCTAssertEqual(chainShape.structuralVirality, 10.0 / 6.0, accuracy: 1e-12)
        XCTAssertEqual(chain.timeToReach(3), 9)
        XCTAssertNil(chain.timeToReach(5))
        XCTAssertEqual(chain.timeToDepth(2), 9)
        XCTAssertEqual(CascadeShape(of: try CascadeTree(parents: [-1], times: [0])).structuralVirality, 0)
    }

    func testShapeErrors() {
        XCTAssertThrowsError(try CascadeTree(parents: [], times: []))
        XCTAssertThrowsError(try CascadeTree(parents: [0], times: [0]))
        XCTAssertThrowsError(try CascadeTree(parents: [-1, 2, 0], times: [0, 1, 2])) { error in
            XCTAssertEqual(error as? CascadeTree.ShapeError, .parentNotEarlier(node: 1))
        }
    }
}
