@testable import ReachGraph
import XCTest

/// The readers' JSON parser accepts what RFC 8259 allows and nothing else, reads the values
/// (written back as compact JSON text), and locates its errors.
final class JSONTapeTests: XCTestCase {
    func text(_ tape: JSONTape, _ node: Int) -> String { tape.jsonText(node) }

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

    /// Texts and what RFC 8259 makes of them: the value written back compactly (escapes
    /// decoded and written as ``AttributeValue/jsonString(_:)`` writes them, numbers as written),
    /// or `nil` when the text is not JSON.
    func testReadsWhatRFC8259AllowsAndNothingElse() {
        let texts: [(String, String?)] = [
            (#"{"a":[1,-0.5e+3,true,false,null,{}],"b":"x\"\\\/\b\f\n\r\tq","c":{"d":[]}}"#,
             #"{"a":[1,-0.5e+3,true,false,null,{}],"b":"x\"\\/\u0008\u000c\n\r\tq","c":{"d":[]}}"#),
            (#" [ "\u00e9\ud83d\ude00" , "ümlaut 中文 😀" ] "#, #"["é😀","ümlaut 中文 😀"]"#),
            ("\u{FEFF}{\"bom\":1}", #"{"bom":1}"#), ("12345678901234567890123", "12345678901234567890123"), ("\"\"", "\"\""),
            ("", nil), ("{", nil), ("[1,]", nil), ("{\"a\" 1}", nil), ("{\"a\":1,}", nil), ("01", nil), ("1.", nil), ("1e", nil), ("-", nil),
            ("+1", nil), ("tru", nil), ("nul", nil), ("[1 2]", nil), ("{} x", nil), ("\"\u{01}\"", nil), ("\"\\x\"", nil), ("\"\\u12\"", nil),
            ("\"\\ud800\"", nil), ("\"\\udc00\"", nil), ("\"\\ud800\\u0041\"", nil), ("{1:2}", nil), ("[\"a\"", nil),
            (String(repeating: "[", count: 600) + String(repeating: "]", count: 600), nil),
            (String(repeating: "[", count: 512) + String(repeating: "]", count: 512), String(repeating: "[", count: 512) + String(repeating: "]", count: 512)),
        ]
        for (json, expected) in texts {
            switch parse(json) {
            case .success(let value): XCTAssertEqual(value, expected, json)
            case .failure(let error): XCTAssertNil(expected, "\(json): \(error)")
            }
        }
    }

    /// Every object is checked for repeated keys, nested ones too; the first repeat in the text
    /// is reported, with the line of the key's first appearance. Keys are compared as text, so
    /// an escaped key repeats its plain twin.
    func testCheckUniqueKeysReportsTheFirstRepeatInTheText() throws {
        let cases: [(String, String?)] = [
            (#"{"a":{"x":1,"y":2},"b":[{"p":1},{"q":2}]}"#, nil),
            ("{\"a\":{\"x\":1,\n\"x\":2},\"a\":3}", #"t.json:2:1: not valid JSON: key "x" appears twice in one object (first on line 1)"#),
            (#"{"id":1,"\u0069d":2}"#, #"t.json:1:9: not valid JSON: key "id" appears twice in one object (first on line 1)"#),
            ("{" + (0 ..< 40).map { "\"k\($0)\":\($0)," }.joined() + "\"k7\":0}", #"t.json:1:342: not valid JSON: key "k7" appears twice in one object (first on line 1)"#),
        ]
        for (json, expected) in cases {
            let tape = JSONTape()
            var text = json
            try text.withUTF8 { try tape.parse($0, file: "t.json") }
            var found: String?
            do { try tape.checkUniqueKeys() } catch { found = "\(error)" }
            XCTAssertEqual(found, expected, json)
        }
    }

    /// Locations on a long text come from a table of line starts: the same as counting.
    func testLocationsOfValuesOnManyLines() throws {
        let tape = JSONTape()
        var json = "[\n" + (0 ..< 500).map { "  {\"n\": \($0)}" }.joined(separator: ",\n") + "\n]"
        try json.withUTF8 { try tape.parse($0, file: "t.json") }
        let elements = Array(tape.elements(tape.root))
        XCTAssertEqual(tape.location(ofValue: tape.root).line, 1)
        XCTAssertEqual(tape.location(ofValue: elements[0]).line, 2)
        XCTAssertEqual(tape.location(ofValue: elements[499]).line, 501)
        XCTAssertEqual(tape.location(ofValue: elements[499]).column, 3)
        XCTAssertEqual(tape.location(ofValue: tape.member(elements[7], named: "n")!).column, 9)
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
