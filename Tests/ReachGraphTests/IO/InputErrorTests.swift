import Foundation
@testable import ReachGraph
import XCTest

/// Where an error says the bad file is, when a run reads several inputs.
final class InputErrorTests: XCTestCase {
    func testAnErrorIsLocatedUnderTheInputItCameFrom() throws {
        let folder = try TemporaryFolder()
        let input = folder.path + "/a"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        let error = InputError(file: "accounts.csv", line: 1, message: "missing required column \"id\"")
        XCTAssertEqual(error.located(in: input).description, "\(input)/accounts.csv:1: missing required column \"id\"", "a file whose name starts like the folder's")
        XCTAssertEqual(error.located(in: input + "/").file, input + "/accounts.csv")
        // As typed on the command line: a relative folder "a", whose name begins "accounts.csv".
        let directory = FileManager.default.currentDirectoryPath
        defer { FileManager.default.changeCurrentDirectoryPath(directory) }
        FileManager.default.changeCurrentDirectoryPath(folder.path)
        XCTAssertEqual(error.located(in: "a").file, "a/accounts.csv")
        XCTAssertEqual(error.located(in: input).located(in: input).file, input + "/accounts.csv", "located once")
        let file = try folder.write("export.json", "{}")
        XCTAssertEqual(InputError(file: "export.json", line: 3, message: "x").located(in: file).file, file)
        XCTAssertEqual(InputError(file: "--map", message: "x").located(in: input).file, "--map", "an option is no file of the input")
    }
}
