import ReachGraph
import XCTest

final class PersonalizationTests: XCTestCase {
    private let folder = try! TemporaryFolder()

    private func dataset() throws -> Dataset {
        try DatasetLoader.load(try folder.write("edges.csv", "source,target\nhub,a\na,b\n"))
    }

    func testFileWithAndWithoutHeader() throws {
        let data = try dataset()
        let withHeader = try folder.write("p.csv", "id,weight\nhub,2\nb,0.5\nhub,1\n")
        XCTAssertEqual(try Personalization.weights(from: withHeader, dataset: data), [3, 0, 0.5])
        let bare = try folder.write("q.csv", "a,4\n")
        XCTAssertEqual(try Personalization.weights(from: bare, dataset: data), [0, 4, 0])
        let idsOnly = try folder.write("r.csv", "account\nb\n")
        XCTAssertEqual(try Personalization.weights(from: idsOnly, dataset: data), [0, 0, 1])
    }

    func testListOfIds() throws {
        XCTAssertEqual(try Personalization.weights(from: "a, b", dataset: try dataset()), [0, 1, 1])
        XCTAssertThrowsError(try Personalization.weights(from: "a,zed", dataset: try dataset())) { error in
            XCTAssertEqual("\(error)", "--personalize: account \"zed\" is not in the dataset")
        }
    }

    func testBadRowsNameFileLineAndColumn() throws {
        let data = try dataset()
        let cases = [
            ("id,weight\nhub,2\na,lots\n", "bad.csv:3:3: weight \"lots\" is not a number"),
            ("hub,heavy\n", "bad.csv:1:5: weight \"heavy\" is not a number"),
            ("hub,1\nzed,1\n", "bad.csv:2:1: account \"zed\" is not in the dataset"),
            ("hub,-1\n", "bad.csv:1:5: weight -1 must be 0 or more"),
            ("id,weight\nhub,0\n", "bad.csv: personalisation gives every account weight 0"),
        ]
        for (text, message) in cases {
            let path = try folder.write("bad.csv", text)
            XCTAssertThrowsError(try Personalization.weights(from: path, dataset: data), text) { error in
                XCTAssertEqual("\(error)", message)
            }
        }
    }
}
