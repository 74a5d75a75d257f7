/// A JSON value with the line and column where it starts, from a strict RFC 8259 parser.
///
/// Foundation's `JSONSerialization` lets the last of two equal keys win silently, turns `true`
/// into the number 1 and gives no position for a value it read, so the dataset reader parses with
/// this instead: two equal keys in one object are an error, booleans stay booleans, numbers keep
/// their text (so `1e308` or `0.1` reach the field parsers exactly as written), and every value
/// knows its line and column for error messages.
///
/// - Complexity: O(n) time in the input's bytes; nesting deeper than ``maximumDepth`` is an
///   error rather than a stack overflow.
/// - Edge cases: a byte-order mark at the start is skipped; invalid UTF-8 in a string, unescaped
///   control characters and lone surrogates in `\u` escapes are errors.
struct JSONDocument {
    indirect enum Value {
        case object([(key: String, node: JSONDocument)])
        case array([JSONDocument])
        case string(String)
        /// The number as written (already checked against JSON's number grammar).
        case number(String)
        case bool(Bool)
        case null
    }

    var value: Value
    var line: Int
    var column: Int

    static let maximumDepth = 512

    /// Parses `bytes`; errors are located in `file`.
    static func parse(_ bytes: [UInt8], file: String) throws -> JSONDocument {
        try bytes.withUnsafeBufferPointer { buffer in
            var parser = Parser(bytes: buffer, file: file)
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
            let document = try parser.value(depth: 0)
            parser.skipSpace()
            guard parser.index == buffer.count else { throw parser.error("unexpected text after the JSON value") }
            return document
        }
    }

    /// The value as JSON text (for fields kept as attributes).
    var jsonText: String {
        switch value {
        case .object(let members):
            return "{" + members.map { AttributeValue.jsonString($0.key) + ":" + $0.node.jsonText }.joined(separator: ",") + "}"
        case .array(let elements): return "[" + elements.map(\.jsonText).joined(separator: ",") + "]"
        case .string(let text): return AttributeValue.jsonString(text)
        case .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        }
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        let file: String
        var index = 0
        var line = 1
        var lineStart = 0

        init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
            self.bytes = bytes
            self.file = file
        }

        /// The 1-based column of `position` on the current line, counted in bytes as the CSV reader does.
        func column(at position: Int) -> Int { position - lineStart + 1 }

        func error(_ message: String, at position: Int? = nil) -> InputError {
            let position = min(position ?? index, bytes.count)
            return InputError(file: file, line: line, column: column(at: position), message: "not valid JSON: \(message)")
        }

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x0A: index += 1; line += 1; lineStart = index
                case 0x20, 0x09, 0x0D: index += 1
                default: return
                }
            }
        }

        mutating func value(depth: Int) throws -> JSONDocument {
            skipSpace()
            guard index < bytes.count else { throw error("the text ends where a value was expected") }
            guard depth < JSONDocument.maximumDepth else { throw error("nested deeper than \(JSONDocument.maximumDepth) levels") }
            let line = self.line, column = column(at: index)
            func node(_ value: Value) -> JSONDocument { JSONDocument(value: value, line: line, column: column) }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var members: [(key: String, node: JSONDocument)] = []
                var keys: [String: Int] = [:]
                skipSpace()
                if index < bytes.count && bytes[index] == UInt8(ascii: "}") { index += 1; return node(.object(members)) }
                while true {
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a key in quotes") }
                    let keyLine = self.line, keyStart = index
                    let key = try string()
                    if let first = keys[key] {
                        throw error("key \"\(key)\" appears twice in one object (first on line \(first))", at: keyStart)
                    }
                    keys[key] = keyLine
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after a key") }
                    index += 1
                    members.append((key, try value(depth: depth + 1)))
                    skipSpace()
                    guard index < bytes.count else { throw error("the text ends inside an object") }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    if bytes[index] == UInt8(ascii: "}") { index += 1; return node(.object(members)) }
                    throw error("expected ',' or '}' in an object")
                }
            case UInt8(ascii: "["):
                index += 1
                var elements: [JSONDocument] = []
                skipSpace()
                if index < bytes.count && bytes[index] == UInt8(ascii: "]") { index += 1; return node(.array(elements)) }
                while true {
                    elements.append(try value(depth: depth + 1))
                    skipSpace()
                    guard index < bytes.count else { throw error("the text ends inside an array") }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    if bytes[index] == UInt8(ascii: "]") { index += 1; return node(.array(elements)) }
                    throw error("expected ',' or ']' in an array")
                }
            case UInt8(ascii: "\""):
                return node(.string(try string()))
            case UInt8(ascii: "t"): try literal("true"); return node(.bool(true))
            case UInt8(ascii: "f"): try literal("false"); return node(.bool(false))
            case UInt8(ascii: "n"): try literal("null"); return node(.null)
            case UInt8(ascii: "-"), 0x30 ... 0x39: return node(.number(try number()))
            default: throw error("unexpected character")
            }
        }

        mutating func literal(_ word: String) throws {
            let expected = Array(word.utf8)
            let count = expected.count
            let matches = index + count <= bytes.count && (0 ..< count).allSatisfy { bytes[index + $0] == expected[$0] }
            guard matches else { throw error("unexpected word (expected \(word))") }
            index += count
        }

        mutating func number() throws -> String {
            let start = index
            func digits() -> Int {
                let from = index
                while index < bytes.count, bytes[index] >= 0x30 && bytes[index] <= 0x39 { index += 1 }
                return index - from
            }
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            let leading = index
            guard digits() > 0 else { throw error("a number needs digits", at: start) }
            if bytes[leading] == 0x30 && index - leading > 1 { throw error("a number cannot start with 0", at: start) }
            if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard digits() > 0 else { throw error("a number needs digits after '.'", at: start) }
            }
            if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
                index += 1
                if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { index += 1 }
                guard digits() > 0 else { throw error("a number needs digits in its exponent", at: start) }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start ..< index]), as: UTF8.self)
        }

        mutating func string() throws -> String {
            let start = index
            index += 1
            var scalars = String.UnicodeScalarView()
            var runStart = index
            func flushRun() throws {
                guard runStart < index else { return }
                guard let text = String(validating: UnsafeBufferPointer(rebasing: bytes[runStart ..< index]), as: UTF8.self) else {
                    throw error("a string is not valid UTF-8", at: start)
                }
                scalars.append(contentsOf: text.unicodeScalars)
            }
            while true {
                guard index < bytes.count else { throw error("the text ends inside a string", at: start) }
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    try flushRun()
                    index += 1
                    return String(scalars)
                }
                if byte < 0x20 { throw error("a control character must be escaped inside a string") }
                guard byte == UInt8(ascii: "\\") else { index += 1; continue }
                try flushRun()
                index += 1
                guard index < bytes.count else { throw error("the text ends inside a string", at: start) }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    var code = try hexQuad()
                    if (0xD800 ..< 0xDC00).contains(code) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                            throw error("a \\u escape holds half a surrogate pair")
                        }
                        index += 2
                        let low = try hexQuad()
                        guard (0xDC00 ..< 0xE000).contains(low) else { throw error("a \\u escape holds half a surrogate pair") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw error("a \\u escape holds half a surrogate pair") }
                    scalars.append(scalar)
                default:
                    throw error("unknown escape in a string", at: index - 2)
                }
                runStart = index
            }
        }

        mutating func hexQuad() throws -> UInt32 {
            guard index + 4 <= bytes.count else { throw error("a \\u escape needs four hex digits") }
            var code: UInt32 = 0
            for _ in 0 ..< 4 {
                let byte = bytes[index]
                let digit: UInt8
                switch byte {
                case 0x30 ... 0x39: digit = byte - 0x30
                case 0x41 ... 0x46: digit = byte - 0x41 + 10
                case 0x61 ... 0x66: digit = byte - 0x61 + 10
                default: throw error("a \\u escape needs four hex digits")
                }
                code = code << 4 | UInt32(digit)
                index += 1
            }
            return code
        }
    }
}
