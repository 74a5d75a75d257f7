import Foundation

/// Reading JSON exports: whole documents or JSON lines, with errors that name the line, and
/// ids that survive being written as bare numbers.
enum JSONExport {
    /// Calls `body` with each non-blank line parsed onto one reused ``JSONTape`` (valid only
    /// inside the call). A line that is not JSON (a truncated last line, say) stops with
    /// `file:line:column`.
    static func forEachLine(_ path: String, _ body: (JSONTape, Int) throws -> Void) throws {
        let reader = LineReader(path: path)
        let tape = JSONTape()
        try reader.forEachLine { bytes, line in
            guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
            try tape.parse(bytes, file: reader.fileName, line: line, isLine: true)
            try body(tape, line)
        }
    }

    /// Calls `body` with a whole JSON file parsed onto a ``JSONTape`` (valid only inside the call);
    /// errors name the file `name` (by default the file's own name).
    static func withDocument<Result>(_ path: String, name: String? = nil, _ body: (JSONTape) throws -> Result) throws -> Result {
        let file = name ?? (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else { throw InputError(file: file, message: "cannot read the file") }
        InputFiles.register(path)
        let tape = JSONTape()
        return try data.withUnsafeBytes { raw in
            try tape.parse(raw.bindMemory(to: UInt8.self), file: file)
            return try body(tape)
        }
    }

    /// The value of a whole JSON file.
    static func document(_ path: String) throws -> Any {
        let file = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else { throw InputError(file: file, message: "cannot read the file") }
        InputFiles.register(path)
        do {
            return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw InputError(file: file, message: "not valid JSON: \(detail(error))")
        }
    }

    private static func detail(_ error: Error) -> String {
        (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
    }

    /// Whether the file holds one JSON value per line (its first line parses on its own).
    static func isJSONLines(_ path: String) -> Bool {
        guard let first = FormatDetection.firstLine(path) else { return false }
        return first.withUnsafeBufferPointer { (try? JSONTape().parse($0, file: "")) != nil }
    }

    /// An id as text: a string as it is, a whole number without a fraction (`749891673.0` is
    /// `749891673`). Integers above 2^53 keep their digits only when the parser kept them as
    /// integers, so adapters read the string twins (`id_str`) wherever the format has them.
    static func id(_ value: Any?) -> String? {
        switch value {
        case let text as String:
            let trimmed = text.trimmingSpaces
            return trimmed.isEmpty ? nil : trimmed
        case let number as NSNumber:
            let double = number.doubleValue
            if double.isFinite, double.rounded() == double, abs(double) < 9e15 { return String(Int64(double)) }
            return number.stringValue
        default:
            return nil
        }
    }

    static func string(_ value: Any?) -> String? {
        guard let text = value as? String, !text.isEmpty else { return nil }
        return text
    }

    static func count(_ value: Any?) -> Int? {
        guard let double = number(value), double >= 0, double < 9e15, double.rounded() == double else { return nil }
        return Int(double)
    }

    /// A number, or a string holding one (`timestamp_ms` is a string in v1.1).
    static func number(_ value: Any?) -> Double? {
        var text: String
        switch value {
        case let number as NSNumber: return number.doubleValue
        case let string as String: text = string
        default: return nil
        }
        return text.withUTF8 { FieldParsing.double($0) }
    }
}

/// The readers' view of values on a tape: the same rules as ``JSONExport``'s for Foundation values.
extension JSONTape {
    /// An id as text: a string trimmed, a number as written (so ids above 2^53 keep their
    /// digits), a whole number written with a fraction or an exponent as an integer
    /// (`749891673.0` is `749891673`).
    func id(_ node: Int?) -> String? {
        guard let node else { return nil }
        switch kind(node) {
        case .string:
            guard let bytes = rawBytes(node) else { return string(node).flatMap { $0.trimmingSpaces.isEmpty ? nil : $0.trimmingSpaces } }
            var start = 0, end = bytes.count
            while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
            while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
            guard start < end else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start ..< end]), as: UTF8.self)
        case .number:
            guard let bytes = rawBytes(node) else { return nil }
            if !bytes.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
                return bytes.count == 2 && bytes[0] == UInt8(ascii: "-") && bytes[1] == 0x30 ? "0" : String(decoding: bytes, as: UTF8.self)
            }
            if let double = FieldParsing.double(bytes), double.isFinite, double.rounded() == double, abs(double) < 9e15 {
                return String(Int64(double))
            }
            return String(decoding: bytes, as: UTF8.self)
        default:
            return nil
        }
    }

    /// A string that is not empty.
    func text(_ node: Int?) -> String? {
        guard let text = string(node), !text.isEmpty else { return nil }
        return text
    }

    /// A whole non-negative number below 9·10^15 (or a string holding one).
    func count(_ node: Int?) -> Int? {
        guard let double = number(node), double >= 0, double < 9e15, double.rounded() == double else { return nil }
        return Int(double)
    }

    /// A GeoJSON position `[longitude, latitude]` as `longitude,latitude`, the numbers as
    /// written; `nil` for anything else.
    func coordinates(_ node: Int?) -> String? {
        let values = Array(elements(node))
        guard values.count == 2, values.allSatisfy({ kind($0) == .number }), let longitude = rawBytes(values[0]), let latitude = rawBytes(values[1]) else {
            return nil
        }
        return String(decoding: longitude, as: UTF8.self) + "," + String(decoding: latitude, as: UTF8.self)
    }

    /// A number, or a string holding one (`timestamp_ms` is a string in v1.1).
    func number(_ node: Int?) -> Double? {
        guard let node else { return nil }
        switch kind(node) {
        case .number: return rawBytes(node).flatMap(FieldParsing.double)
        case .string:
            if let bytes = rawBytes(node) { return FieldParsing.double(bytes) }
            guard var text = string(node) else { return nil }
            return text.withUTF8 { FieldParsing.double($0) }
        default: return nil
        }
    }

    /// A piece of text for a joined list: the tape's own bytes when they are the text, else a
    /// decoded `String` (escapes, ids written with a fraction).
    enum Piece {
        case bytes(UnsafeBufferPointer<UInt8>)
        case text(String)

        func append(to buffer: inout [UInt8]) {
            switch self {
            case let .bytes(bytes): buffer.append(contentsOf: bytes)
            case let .text(text): buffer.append(contentsOf: text.utf8)
            }
        }
    }

    /// ``id(_:)`` as a ``Piece``, without a `String` for an unescaped string or a plain integer.
    func idPiece(_ node: Int?) -> Piece? {
        guard let node else { return nil }
        if let bytes = plainID(node) { return bytes.isEmpty ? nil : .bytes(bytes) }
        return id(node).map(Piece.text)
    }

    /// ``text(_:)`` as a ``Piece``, without a `String` for an unescaped string.
    func textPiece(_ node: Int?) -> Piece? {
        guard let node = textNode(node) else { return nil }
        if let bytes = rawBytes(node) { return .bytes(bytes) }
        return text(node).map(Piece.text)
    }

    /// `node` when ``text(_:)`` has a value for it (a string that is not empty).
    func textNode(_ node: Int?) -> Int? {
        // Escapes stand for at least one byte each, so written bytes mean text.
        guard let node, kind(node) == .string, byteCount(node) > 0 else { return nil }
        return node
    }

    /// The string index of ``text(_:)``'s value for a node ``textNode(_:)`` returned.
    func internedText(_ node: Int, into table: inout PostTable) -> Int32 {
        // Strings on the tape are checked UTF-8, so interning cannot fail.
        if let bytes = rawBytes(node) { return table.intern(bytes) ?? -1 }
        return table.intern(text(node))
    }

    /// The string index of ``id(_:)``'s value, interned when new; `nil` when it has none.
    func internedID(_ node: Int?, into table: inout PostTable) -> Int32? {
        guard let node else { return nil }
        if let bytes = plainID(node) { return bytes.isEmpty ? nil : table.intern(bytes) }
        return id(node).map { table.intern($0) }
    }

    /// The bytes ``id(_:)`` returns as they are — an unescaped string trimmed (empty: no id), an
    /// integer other than `-0` — or `nil` when it must decode them.
    private func plainID(_ node: Int) -> UnsafeBufferPointer<UInt8>? {
        guard let bytes = rawBytes(node) else { return nil }
        switch kind(node) {
        case .string:
            return FieldParsing.trimmingSpaces(bytes)
        case .number:
            guard !bytes.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }),
                  !(bytes.count == 2 && bytes[0] == UInt8(ascii: "-") && bytes[1] == 0x30) else { return nil }
            return bytes
        default:
            return nil
        }
    }
}
