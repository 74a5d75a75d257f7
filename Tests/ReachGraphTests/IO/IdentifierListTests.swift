import ReachGraph
import XCTest

/// A list that names some of another table's identifiers answers as a table of its own would.
final class IdentifierListTests: XCTestCase {
    func testASelectionNamesLooksUpAndInternsAsATableOfItsOwn() {
        var source = IdentifierTable()
        for id in ["p1", "alice", "p2", "bob", "p3", "carol"] { _ = source.intern(id) }
        // carol, alice and p2, in that order; the others are not selected.
        let selection: [Int32] = [5, 1, 2]
        let positions: [Int32] = [-1, 1, 2, -1, -1, 0]
        var list = IdentifierList(selecting: selection, positions: positions, of: source)
        var own = IdentifierTable()
        for id in ["carol", "alice", "p2"] { _ = own.intern(id) }
        XCTAssertEqual(list.count, 3)
        XCTAssertEqual(list.identifiers, ["carol", "alice", "p2"])
        XCTAssertEqual(list.identifier(at: 1), "alice")
        XCTAssertEqual(["carol", "alice", "p2", "bob", "p1", "dave"].map(list.index(of:)), [0, 1, 2, nil, nil, nil], "bob is in the source, not in the list")
        // Interning keeps the numbering and goes on from it, whether the id was in the source or not.
        XCTAssertEqual(list.intern("alice"), 1)
        XCTAssertEqual(list.intern("bob"), 3)
        XCTAssertEqual(list.intern("dave"), 4)
        XCTAssertEqual(own.intern("bob"), 3)
        XCTAssertEqual(own.intern("dave"), 4)
        XCTAssertEqual(list.identifiers, own.identifiers)
        XCTAssertEqual(list.index(of: "dave"), 4)
        XCTAssertEqual(source.count, 6, "the source is not changed")

        var plain = IdentifierList()
        XCTAssertEqual([plain.intern("x"), plain.intern("y"), plain.intern("x")], [0, 1, 0])
        XCTAssertEqual(plain.identifiers, ["x", "y"])
    }
}
