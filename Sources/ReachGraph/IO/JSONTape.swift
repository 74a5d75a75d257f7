import Foundation

/// A JSON text checked strictly (RFC 8259) and recorded as a flat list of tokens over the
/// caller's bytes, so that a reader can pick the few fields it needs without building values for
/// the rest.
///
/// The platform readers get tweets with a hundred-odd fields each and use about fifteen:
/// building a dictionary per object (Foundation's `JSONSerialization`) cost most of their time.
/// Here every byte is checked strictly — grammar, UTF-8 inside strings, escapes and surrogate
/// pairs, unescaped control characters, nesting depth — but nothing is decoded: a string becomes
/// a `String` only when a reader asks for it, and a number keeps its text, so an id written as a
/// bare number above 2^53 keeps every digit (and `1e308` or `0.1` reach the field parsers exactly
/// as written). It is the one JSON parser of the readers: the platform exports and the JSON
/// dataset (``JSONDatasetReader``) alike.
///
/// Tokens are stored in document order; a container's token is followed by its children (for an
/// object, key and value in turn) and records the index of the token after its subtree, so a
/// value the reader does not want is stepped over in one move. Looking up a key scans the
/// object's members and fails when the key appears twice (Foundation lets the last one win
/// silently); ``checkUniqueKeys()`` checks every object of the text at once.
///
/// The tape keeps a pointer to the parsed bytes: it is valid only while they are (inside a
/// ``LineReader`` callback, say). One tape is reused for every line, so its storage is allocated
/// once for the longest line.
///
/// - Complexity: O(n) time in the input's bytes; O(values) memory.
/// - Edge cases: errors carry `file:line:column`, the column counted in bytes as the CSV reader
///   counts it; text that ends early (a truncated last line) is reported where it ends.
final class JSONTape {
    enum Kind: UInt8 { case object, array, string, number, `true`, `false`, null }

    struct Token {
        /// The first byte of the value; for a string, the byte after the opening quote.
        var start: Int
        /// The byte after the value; for a string, the closing quote.
        var end: Int
        /// The index of the token after this value's subtree.
        var next: Int
        var kind: Kind
        /// A string holding backslash escapes (its bytes are not its text).
        var escaped: Bool
    }

    static let maximumDepth = 512

    private var tokens: UnsafeMutablePointer<Token>
    private var capacity: Int
    private(set) var count = 0
    private var base: UnsafePointer<UInt8>
    private var length = 0
    /// Where errors are located: the file and the line the bytes start on.
    private(set) var file = ""
    private var firstLine = 1
    /// "line" for JSON lines, "text" for a whole document: errors say which ended early.
    private var unit = "text"
    /// The offsets just past each line feed, found when a location is first asked for.
    private var lineStarts: [Int]?

    init() {
        capacity = 1024
        tokens = .allocate(capacity: capacity)
        base = UnsafePointer(bitPattern: 1)!
    }

    deinit { tokens.deallocate() }

    /// The root value's token (valid after ``parse(_:file:line:isLine:)``).
    let root = 0

    /// Checks `bytes` and records their tokens, replacing what an earlier call recorded.
    /// A byte-order mark at the start is skipped.
    func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String, line: Int = 1, isLine: Bool = false) throws {
        self.file = file
        firstLine = line
        unit = isLine ? "line" : "text"
        count = 0
        lineStarts = nil
        length = bytes.count
        guard let start = bytes.baseAddress else { throw endError("where a value was expected") }
        base = start
        var position = 0
        if length >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF { position = 3 }
        try value(&position, depth: 0)
        skipSpace(&position)
        guard position == length else { throw error("unexpected text after the JSON value", at: position) }
    }

    // MARK: Reading the tokens

    func kind(_ node: Int) -> Kind { tokens[node].kind }

    /// The value of `key` in `object`; `nil` when `object` is not an object or has no such key.
    func member(_ object: Int, _ key: StaticString) throws -> Int? {
        guard tokens[object].kind == .object else { return nil }
        let keyLength = key.utf8CodeUnitCount
        let keyBytes = key.utf8Start
        var found: Int?
        var child = object + 1
        let end = tokens[object].next
        while child < end {
            let token = tokens[child]
            let matches: Bool
            if token.escaped {
                matches = string(child) == key.description
            } else {
                matches = token.end - token.start == keyLength && memcmp(base + token.start, keyBytes, keyLength) == 0
            }
            if matches {
                if found != nil { throw error("key \"\(key)\" appears twice in one object", at: token.start - 1) }
                found = child + 1
            }
            child = tokens[child + 1].next
        }
        return found
    }

    /// Whether `object` is an object with `key` (whatever its value, `null` included).
    func has(_ object: Int, _ key: StaticString) throws -> Bool { try member(object, key) != nil }

    /// The values of an array (none when `node` is not an array).
    func elements(_ node: Int?) -> Children {
        guard let node, tokens[node].kind == .array else { return Children(tape: self, first: 0, end: 0, stride: false) }
        return Children(tape: self, first: node + 1, end: tokens[node].next, stride: false)
    }

    /// The members of an object as (key, value) token pairs (none when `node` is not an object).
    func members(_ node: Int) -> Children {
        guard tokens[node].kind == .object else { return Children(tape: self, first: 0, end: 0, stride: true) }
        return Children(tape: self, first: node + 1, end: tokens[node].next, stride: true)
    }

    /// The children of a container: array elements, or object keys (each followed by its value
    /// at the next index).
    struct Children: Sequence, IteratorProtocol {
        let tape: JSONTape
        var first: Int
        let end: Int
        /// Object members: step over the key and its value.
        let stride: Bool

        mutating func next() -> Int? {
            guard first < end else { return nil }
            let node = first
            first = tape.tokens[stride ? node + 1 : node].next
            return node
        }
    }

    /// The text of a string token; `nil` for any other kind.
    func string(_ node: Int?) -> String? {
        guard let node, tokens[node].kind == .string else { return nil }
        let token = tokens[node]
        let bytes = UnsafeBufferPointer(start: base + token.start, count: token.end - token.start)
        guard token.escaped else { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: Self.unescaped(bytes), as: UTF8.self)
    }

    /// The bytes of a number or unescaped string token as written; `nil` for other kinds and
    /// escaped strings.
    func rawBytes(_ node: Int?) -> UnsafeBufferPointer<UInt8>? {
        guard let node else { return nil }
        let token = tokens[node]
        guard token.kind == .number || (token.kind == .string && !token.escaped) else { return nil }
        return UnsafeBufferPointer(start: base + token.start, count: token.end - token.start)
    }

    /// The bytes of a string (without its quotes, escapes as written) or a number token.
    func writtenBytes(_ node: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + tokens[node].start, count: tokens[node].end - tokens[node].start)
    }

    /// How many bytes the value is written in (a string's without its quotes, escapes as written).
    func byteCount(_ node: Int) -> Int { tokens[node].end - tokens[node].start }

    /// Whether the value is `true` (not a number or a string saying so).
    func isTrue(_ node: Int?) -> Bool { node.map { tokens[$0].kind == .true } ?? false }

    /// An error located at the start of `node`.
    func error(_ message: String, atValue node: Int) -> InputError {
        let (line, column) = location(ofValue: node)
        return InputError(file: file, line: line, column: column, message: message)
    }

    /// The line and byte column where `node` starts (a string at its opening quote).
    func location(ofValue node: Int) -> (line: Int, column: Int) {
        location(of: tokens[node].kind == .string ? tokens[node].start - 1 : tokens[node].start)
    }

    /// The value at `node` as compact JSON text (for fields kept as attributes): strings
    /// re-escaped as ``AttributeValue`` writes them, numbers as written.
    func jsonText(_ node: Int) -> String {
        switch kind(node) {
        case .object: return "{" + members(node).map { AttributeValue.jsonString(string($0) ?? "") + ":" + jsonText($0 + 1) }.joined(separator: ",") + "}"
        case .array: return "[" + elements(node).map(jsonText).joined(separator: ",") + "]"
        case .string: return AttributeValue.jsonString(string(node) ?? "")
        case .number: return String(decoding: writtenBytes(node), as: UTF8.self)
        case .true: return "true"
        case .false: return "false"
        case .null: return "null"
        }
    }

    /// Whether the key token `key` reads `name`.
    func key(_ key: Int, is name: String) -> Bool {
        let token = tokens[key]
        guard !token.escaped else { return string(key) == name }
        var name = name
        return name.withUTF8 { $0.count == token.end - token.start && ($0.isEmpty || memcmp(base + token.start, $0.baseAddress!, $0.count) == 0) } // safe: non-empty
    }

    /// The value of the member of `object` named `name` (the first, for a text whose keys were
    /// not checked); `nil` when `object` is not an object or has no such member.
    func member(_ object: Int, named name: String) -> Int? {
        members(object).first { key($0, is: name) }.map { $0 + 1 }
    }

    /// Fails on the first key (in text order) that appears twice in one object anywhere in the
    /// text, naming the line of its first appearance, as a parser that builds every object would.
    /// - Complexity: O(members²) for objects of up to 32 members, O(members) hashed above.
    func checkUniqueKeys() throws {
        var repeated: (second: Int, first: Int)?
        func note(_ second: Int, _ first: Int) {
            if repeated.map({ tokens[second].start < tokens[$0.second].start }) ?? true { repeated = (second, first) }
        }
        func same(_ a: Int, _ b: Int) -> Bool {
            let x = tokens[a], y = tokens[b]
            if !x.escaped && !y.escaped {
                return x.end - x.start == y.end - y.start && memcmp(base + x.start, base + y.start, x.end - x.start) == 0
            }
            return string(a) == string(b)
        }
        var keys: [Int] = []
        var seen: [String: Int] = [:]
        for node in 0 ..< count where tokens[node].kind == .object {
            keys.removeAll(keepingCapacity: true)
            keys.append(contentsOf: members(node))
            if keys.count <= 32 {
                search: for (index, second) in keys.enumerated() {
                    for first in keys[..<index] where same(first, second) {
                        note(second, first)
                        break search
                    }
                }
            } else {
                seen.removeAll(keepingCapacity: true)
                for key in keys {
                    let name = string(key) ?? ""
                    if let first = seen[name] { note(key, first); break }
                    seen[name] = key
                }
            }
        }
        if let repeated {
            let name = string(repeated.second) ?? ""
            throw error("key \"\(name)\" appears twice in one object (first on line \(location(ofValue: repeated.first).line))", at: tokens[repeated.second].start - 1)
        }
    }

    // MARK: Parsing

    private func append(_ token: Token) throws -> Int {
        if count == capacity {
            guard capacity < Int(UInt32.max) else { throw error("more than \(UInt32.max) values in one text", at: token.start) }
            let grown = UnsafeMutablePointer<Token>.allocate(capacity: capacity * 2)
            grown.moveInitialize(from: tokens, count: count)
            tokens.deallocate()
            tokens = grown
            capacity *= 2
        }
        tokens[count] = token
        count += 1
        return count - 1
    }

    private func location(of offset: Int) -> (line: Int, column: Int) {
        if lineStarts == nil {
            var starts: [Int] = []
            for index in 0 ..< length where base[index] == 0x0A { starts.append(index + 1) }
            lineStarts = starts
        }
        let starts = lineStarts ?? []
        // The number of line starts at or before `offset`, by binary search.
        var low = 0, high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] <= offset { low = middle + 1 } else { high = middle }
        }
        return (firstLine + low, offset - (low > 0 ? starts[low - 1] : 0) + 1)
    }

    private func error(_ message: String, at offset: Int) -> InputError {
        let (line, column) = location(of: offset)
        return InputError(file: file, line: line, column: column, message: "not valid JSON: \(message)")
    }

    /// The text ended before the value did: located just past the last byte.
    private func endError(_ what: String) -> InputError {
        error(unit == "line" ? "the line ends \(what) (a truncated or partly written line?)" : "the text ends \(what)", at: length)
    }

    @inline(__always)
    private func skipSpace(_ position: inout Int) {
        while position < length {
            let byte = base[position]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            position += 1
        }
    }

    private func value(_ position: inout Int, depth: Int) throws {
        skipSpace(&position)
        guard position < length else { throw endError("where a value was expected") }
        switch base[position] {
        case UInt8(ascii: "{"):
            guard depth < Self.maximumDepth else { throw error("nested deeper than \(Self.maximumDepth) levels", at: position) }
            let object = try append(Token(start: position, end: 0, next: 0, kind: .object, escaped: false))
            position += 1
            skipSpace(&position)
            if position < length && base[position] == UInt8(ascii: "}") {
                position += 1
            } else {
                while true {
                    skipSpace(&position)
                    guard position < length else { throw endError("inside an object") }
                    guard base[position] == UInt8(ascii: "\"") else { throw error("expected a key in quotes", at: position) }
                    try string(&position)
                    skipSpace(&position)
                    guard position < length else { throw endError("inside an object") }
                    guard base[position] == UInt8(ascii: ":") else { throw error("expected ':' after a key", at: position) }
                    position += 1
                    try value(&position, depth: depth + 1)
                    skipSpace(&position)
                    guard position < length else { throw endError("inside an object") }
                    if base[position] == UInt8(ascii: ",") { position += 1; continue }
                    if base[position] == UInt8(ascii: "}") { position += 1; break }
                    throw error("expected ',' or '}' in an object", at: position)
                }
            }
            tokens[object].end = position
            tokens[object].next = count
        case UInt8(ascii: "["):
            guard depth < Self.maximumDepth else { throw error("nested deeper than \(Self.maximumDepth) levels", at: position) }
            let array = try append(Token(start: position, end: 0, next: 0, kind: .array, escaped: false))
            position += 1
            skipSpace(&position)
            if position < length && base[position] == UInt8(ascii: "]") {
                position += 1
            } else {
                while true {
                    try value(&position, depth: depth + 1)
                    skipSpace(&position)
                    guard position < length else { throw endError("inside an array") }
                    if base[position] == UInt8(ascii: ",") { position += 1; continue }
                    if base[position] == UInt8(ascii: "]") { position += 1; break }
                    throw error("expected ',' or ']' in an array", at: position)
                }
            }
            tokens[array].end = position
            tokens[array].next = count
        case UInt8(ascii: "\""):
            try string(&position)
        case UInt8(ascii: "t"): try literal(&position, "true", .true)
        case UInt8(ascii: "f"): try literal(&position, "false", .false)
        case UInt8(ascii: "n"): try literal(&position, "null", .null)
        case UInt8(ascii: "-"), 0x30 ... 0x39: try number(&position)
        default: throw error("unexpected character", at: position)
        }
    }

    private func literal(_ position: inout Int, _ word: StaticString, _ kind: Kind) throws {
        let size = word.utf8CodeUnitCount
        guard position + size <= length, memcmp(base + position, word.utf8Start, size) == 0 else {
            if position + size > length, memcmp(base + position, word.utf8Start, length - position) == 0 { throw endError("inside \(word)") }
            throw error("unexpected word (expected \(word))", at: position)
        }
        let start = position
        position += size
        _ = try append(Token(start: start, end: position, next: count + 1, kind: kind, escaped: false))
    }

    private func number(_ position: inout Int) throws {
        let start = position
        func digits() -> Int {
            let from = position
            while position < length, base[position] >= 0x30 && base[position] <= 0x39 { position += 1 }
            return position - from
        }
        func needDigits(_ what: String) throws {
            guard digits() > 0 else {
                if position == length { throw endError("inside a number") }
                throw error("a number needs digits\(what)", at: start)
            }
        }
        if base[position] == UInt8(ascii: "-") { position += 1 }
        let leading = position
        try needDigits("")
        if base[leading] == 0x30 && position - leading > 1 { throw error("a number cannot start with 0", at: start) }
        if position < length && base[position] == UInt8(ascii: ".") {
            position += 1
            try needDigits(" after '.'")
        }
        if position < length && (base[position] == UInt8(ascii: "e") || base[position] == UInt8(ascii: "E")) {
            position += 1
            if position < length && (base[position] == UInt8(ascii: "+") || base[position] == UInt8(ascii: "-")) { position += 1 }
            try needDigits(" in its exponent")
        }
        _ = try append(Token(start: start, end: position, next: count + 1, kind: .number, escaped: false))
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether any of the eight bytes in `word` is a quote, a backslash, a control character or
    /// not ASCII: then the string scanner looks at them one by one.
    @inline(__always)
    private static func needsAttention(_ word: UInt64) -> Bool {
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let found = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((word &- ones &* 0x20) & ~word) | word
        return found & highs != 0
    }

    private func string(_ position: inout Int) throws {
        let open = position
        position += 1
        var escaped = false
        while true {
            while position + 8 <= length, !Self.needsAttention(UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)) {
                position += 8
            }
            guard position < length else { throw endError("inside a string") }
            let byte = base[position]
            if byte == UInt8(ascii: "\"") {
                _ = try append(Token(start: open + 1, end: position, next: count + 1, kind: .string, escaped: escaped))
                position += 1
                return
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                try escape(&position)
            } else if byte < 0x20 {
                throw error("a control character must be escaped inside a string", at: position)
            } else if byte < 0x80 {
                position += 1
            } else {
                try utf8Sequence(&position, stringStart: open)
            }
        }
    }

    /// Checks one backslash escape, including both halves of a surrogate pair.
    private func escape(_ position: inout Int) throws {
        let start = position
        position += 1
        guard position < length else { throw endError("inside a string") }
        let escape = base[position]
        position += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"),
             UInt8(ascii: "r"), UInt8(ascii: "t"):
            return
        case UInt8(ascii: "u"):
            let code = try hexQuad(&position)
            if (0xDC00 ..< 0xE000).contains(code) { throw error("a \\u escape holds half a surrogate pair", at: start) }
            guard (0xD800 ..< 0xDC00).contains(code) else { return }
            guard position + 1 < length, base[position] == UInt8(ascii: "\\"), base[position + 1] == UInt8(ascii: "u") else {
                if position + 1 >= length { throw endError("inside a string") }
                throw error("a \\u escape holds half a surrogate pair", at: start)
            }
            position += 2
            guard (0xDC00 ..< 0xE000).contains(try hexQuad(&position)) else { throw error("a \\u escape holds half a surrogate pair", at: start) }
        default:
            throw error("unknown escape in a string", at: start)
        }
    }

    private func hexQuad(_ position: inout Int) throws -> UInt32 {
        var code: UInt32 = 0
        for _ in 0 ..< 4 {
            guard position < length else { throw endError("inside a string") }
            let byte = base[position]
            let digit: UInt8
            switch byte {
            case 0x30 ... 0x39: digit = byte - 0x30
            case 0x41 ... 0x46: digit = byte - 0x41 + 10
            case 0x61 ... 0x66: digit = byte - 0x61 + 10
            default: throw error("a \\u escape needs four hex digits", at: position)
            }
            code = code << 4 | UInt32(digit)
            position += 1
        }
        return code
    }

    /// Checks one multi-byte UTF-8 sequence (Unicode's table 3-7: no overlong forms, no
    /// surrogates, nothing above U+10FFFF).
    private func utf8Sequence(_ position: inout Int, stringStart: Int) throws {
        let lead = base[position]
        let size: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2 ... 0xDF: size = 2
        case 0xE0: size = 3; low = 0xA0
        case 0xE1 ... 0xEC, 0xEE ... 0xEF: size = 3
        case 0xED: size = 3; high = 0x9F
        case 0xF0: size = 4; low = 0x90
        case 0xF1 ... 0xF3: size = 4
        case 0xF4: size = 4; high = 0x8F
        default: throw error("a string is not valid UTF-8", at: stringStart)
        }
        for offset in 1 ..< size {
            guard position + offset < length else { throw endError("inside a string") }
            let byte = base[position + offset]
            let (lower, upper) = offset == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
            guard byte >= lower && byte <= upper else { throw error("a string is not valid UTF-8", at: stringStart) }
        }
        position += size
    }

    /// The UTF-8 bytes of a checked string's content with its escapes resolved.
    private static func unescaped(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        func hex(_ at: Int) -> UInt32 {
            var code: UInt32 = 0
            for byte in bytes[at ..< at + 4] {
                let digit = byte <= 0x39 ? byte - 0x30 : (byte | 0x20) - 0x61 + 10
                code = code << 4 | UInt32(digit)
            }
            return code
        }
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\") else {
                result.append(byte)
                index += 1
                continue
            }
            let escape = bytes[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "b"): result.append(0x08)
            case UInt8(ascii: "f"): result.append(0x0C)
            case UInt8(ascii: "n"): result.append(0x0A)
            case UInt8(ascii: "r"): result.append(0x0D)
            case UInt8(ascii: "t"): result.append(0x09)
            case UInt8(ascii: "u"):
                var code = hex(index)
                index += 4
                if (0xD800 ..< 0xDC00).contains(code) {
                    code = 0x10000 + ((code - 0xD800) << 10) + (hex(index + 2) - 0xDC00)
                    index += 6
                }
                result.append(contentsOf: String(Character(Unicode.Scalar(code)!)).utf8)
            default: result.append(escape)
            }
        }
        return result
    }
}
