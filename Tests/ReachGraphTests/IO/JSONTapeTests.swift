@testable import ReachGraph
import XCTest

/// The JSON-lines readers' tape parser accepts and rejects exactly what the strict
/// ``JSONDocument`` parser does, reads the same values, and locates its errors.
final class JSONTapeTests: XCTestCase {
    /// The value at `node` as JSON text, written the way ``JSONDocument/jsonText`` writes it.
    func text(_ tape: JSONTape, _ node: Int) -> String {
        switch tape.kind(node) {
        case .object: return "{" + tape.members(node).map { AttributeValue.jsonString(tape.string($0)!) + ":" + text(tape, $0 + 1) }.joined(separator: ",") + "}"
        case .array: return "[" + tape.elements(node).map { text(tape, $0) }.joined(separator: ",") + "]"
        case .string: return AttributeValue.jsonString(tape.string(node)!)
        case .number: return String(decoding: tape.rawBytes(node)!, as: UTF8.self)
        case .true: return "true"
        case .false: return "false"
        case .null: return "null"
        }
    }

    func parse(_ json: String, line: Int = 1, isLine: Bool = false) -> Result<String, InputError> {
        let tape = JSONTape()
        let bytes = Array(json.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            do {
                try tape.parse(buffer, file: "t.json", line: line, isLine: isLine)
                return .success(text(tape, tape.root))
            } catch {
                return .failure(error as! InputError)
            }
        }
    }

    func testAgreesWithTheStrictDocumentParser() {
        let texts = [
            #"{"a":[1,-0.5e+3,true,false,null,{}],"b":"x\"\\\/\b\f\n\r\tq","c":{"d":[]}}"#,
            #" [ "\u00e9\ud83d\ude00" , "ümlaut 中文 😀" ] "#, "\u{FEFF}{\"bom\":1}", "12345678901234567890123", "\"\"",
            // Rejected by both:
            "", "{", "[1,]", "{\"a\" 1}", "{\"a\":1,}", "01", "1.", "1e", "-", "+1", "tru", "nul", "[1 2]", "{} x",
            "\"\u{01}\"", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"", "{1:2}", "[\"a\"",
            String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
        ]
        for json in texts {
            let expected: String? = try? JSONDocument.parse(Array(json.utf8), file: "t.json").jsonText
            switch parse(json) {
            case .success(let value): XCTAssertEqual(value, expected, json)
            case .failure(let error): XCTAssertNil(expected, "\(json): \(error)")
            }
        }
    }

    func testInvalidUTF8InsideAStringIsAnError() {
        for bytes: [UInt8] in [[0x22, 0xC0, 0xAF, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], [0x22, 0xE2, 0x82, 0x22]] {
            let tape = JSONTape()
            XCTAssertThrowsError(try bytes.withUnsafeBufferPointer { try tape.parse($0, file: "t.json") }) { error in
                XCTAssertEqual("\(error)", "t.json:1:1: not valid JSON: a string is not valid UTF-8")
            }
        }
    }

    func testErrorsNameLineAndColumn() {
        // A whole document: the line and the byte column of the offending character.
        XCTAssertEqual(parse("{\n  \"a\": [1,\n  2 x]\n}").failure, "t.json:3:5: not valid JSON: expected ',' or ']' in an array")
        // A JSON line that was cut off: located just past its last byte, on its own line number.
        XCTAssertEqual(
            parse(#"{"id_str":"4","us"#, line: 7, isLine: true).failure,
            "t.json:7:18: not valid JSON: the line ends inside a string (a truncated or partly written line?)"
        )
        XCTAssertEqual(parse(#"{"a":tru"#, line: 2, isLine: true).failure, "t.json:2:9: not valid JSON: the line ends inside true (a truncated or partly written line?)")
    }

    func testIdsKeepTheirDigitsAndDuplicateKeysAreAnError() throws {
        let tape = JSONTape()
        let json = Array(#"{"id":1050118621198921728,"f":749891673.0,"s":" 42 ","e":1e3,"neg":-0,"n":null,"dup":1,"dup":2}"#.utf8)
        try json.withUnsafeBufferPointer { buffer in
            try tape.parse(buffer, file: "t.json")
            // Above 2^53 a double would give 1050118621198921700 or similar; the text is kept.
            XCTAssertEqual(tape.id(try tape.member(tape.root, "id")), "1050118621198921728")
            XCTAssertEqual(tape.id(try tape.member(tape.root, "f")), "749891673")
            XCTAssertEqual(tape.id(try tape.member(tape.root, "s")), "42")
            XCTAssertEqual(tape.id(try tape.member(tape.root, "e")), "1000")
            XCTAssertEqual(tape.id(try tape.member(tape.root, "neg")), "0")
            XCTAssertNil(tape.id(try tape.member(tape.root, "n")))
            XCTAssertTrue(try tape.has(tape.root, "n"))
            XCTAssertNil(try tape.member(tape.root, "missing"))
            XCTAssertThrowsError(try tape.member(tape.root, "dup")) { error in
                XCTAssertEqual("\(error)", "t.json:1:88: not valid JSON: key \"dup\" appears twice in one object")
            }
        }
    }
}

extension Result {
    /// The error's one-line description, for comparing with the CLI's message.
    var failure: String? {
        guard case .failure(let error) = self else { return nil }
        return "\(error)"
    }
}
