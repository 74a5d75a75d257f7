import ReachGraph

/// The quoting rules of the DOT language as Graphviz 2.42's lexer applies them (checked with
/// `gvpr` and by round trips through cgraph in the tests).
///
/// - An id is written bare only when it is an ASCII name (`[A-Za-z_][A-Za-z0-9_]*`) that is not a
///   keyword, or a numeral; everything else is double-quoted.
/// - Inside quotes the lexer turns `\"` into `"`, keeps `\\` as *two* characters and drops a
///   backslash before a newline. Doubling every backslash is therefore the one encoding that is
///   always valid (an id ending in a backslash cannot close the string) and keeps distinct ids
///   distinct; Graphviz's label processing shows `\\` as one backslash, so a node labelled by its
///   name looks right.
/// - NUL cannot pass through the C string Graphviz reads; in an id it becomes `\0` (a backslash
///   the lexer keeps), which no other id can produce, and in text it is dropped.
enum DOTEscaping {
    private static let keywords: Set<String> = ["node", "edge", "graph", "digraph", "subgraph", "strict"]

    /// Appends `id` as a DOT id: bare when safe, quoted otherwise.
    /// - Complexity: O(n) in the UTF-8 length of `id`.
    static func appendID(_ id: String, to output: inout ByteWriter) {
        if isBareID(id) {
            output.append(id)
            return
        }
        appendQuoted(id, to: &output) { byte in
            switch byte {
            case UInt8(ascii: "\""): return "\\\""
            case UInt8(ascii: "\\"): return "\\\\"
            case 0: return "\\0"
            default: return nil
            }
        }
    }

    /// Appends `id` for a figure: as ``appendID(_:to:)`` but also `&` → `&amp;` and C0 control
    /// characters → U+FFFD. Graphviz's SVG writer copies a node's name into `<title>` and keeps
    /// anything shaped like an entity, so an id `a&#1;b` would reach the SVG as a reference to a
    /// character XML forbids; written this way it shows as typed. Ids that differ only in control
    /// characters draw as one node. Not for the DOT export, which must keep ids exact.
    static func appendDisplayID(_ id: String, to output: inout ByteWriter) {
        if isBareID(id) {
            output.append(id)
            return
        }
        appendQuoted(id, to: &output) { byte in
            switch byte {
            case UInt8(ascii: "\""): return "\\\""
            case UInt8(ascii: "\\"): return "\\\\"
            case UInt8(ascii: "&"): return "&amp;"
            case 0 ..< 0x20: return "\u{FFFD}"
            default: return nil
            }
        }
    }

    /// Appends `text` as a quoted escString (label, tooltip, URL …) that shows verbatim.
    ///
    /// `"` → `\"`, `\` → `backslash` (default `\\`), `&` → `&amp;`, a line break (LF, CR or CRLF) →
    /// `\n`, NUL dropped, other C0 control characters → U+FFFD (they are not allowed in the SVG
    /// Graphviz writes). Tooltips pass through Graphviz's `\N`/`\G` expansion twice on nodes and
    /// once on edges (Graphviz 2.42); four backslashes show as one in both, so they take
    /// `backslash: "\\\\\\\\"`.
    /// - Complexity: O(n) in the UTF-8 length of `text`.
    static func appendQuotedText(_ text: String, backslash: String = "\\\\", to output: inout ByteWriter) {
        var previousWasCarriageReturn = false
        appendQuoted(text, to: &output) { byte in
            defer { previousWasCarriageReturn = byte == UInt8(ascii: "\r") }
            switch byte {
            case UInt8(ascii: "\""): return "\\\""
            case UInt8(ascii: "\\"): return backslash
            case UInt8(ascii: "&"): return "&amp;"
            case UInt8(ascii: "\n"): return previousWasCarriageReturn ? "" : "\\n"
            case UInt8(ascii: "\r"): return "\\n"
            case UInt8(ascii: "\t"): return " "
            case 0: return ""
            case 1 ..< 0x20: return "\u{FFFD}"
            default: return nil
            }
        }
    }

    /// Appends `text` in double quotes with the bytes `replacement` names replaced. `replacement` sees
    /// every byte (so it can keep state, such as a preceding CR) and must replace only ASCII bytes,
    /// so the runs between them are whole UTF-8 sequences, copied as they are.
    private static func appendQuoted(_ text: String, to output: inout ByteWriter, replacement: (UInt8) -> String?) {
        output.append(byte: UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var plainStart = 0
            for (index, byte) in utf8.enumerated() {
                guard let replacement = replacement(byte) else { continue }
                output.append(utf8: UnsafeBufferPointer(rebasing: utf8[plainStart ..< index]))
                output.append(replacement)
                plainStart = index + 1
            }
            output.append(utf8: UnsafeBufferPointer(rebasing: utf8[plainStart...]))
        }
        output.append(byte: UInt8(ascii: "\""))
    }

    /// Appends `text` quoted so that cgraph reads back the same text: `"` → `\"`; backslashes raw,
    /// except that an odd run of them before `"`, a line break or the end gains one (see
    /// ``DOTValue/data(_:)``); NUL dropped.
    /// - Complexity: O(n).
    static func appendQuotedData(_ text: String, to output: inout ByteWriter) {
        output.append(byte: UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var plainStart = 0
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                guard byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\"") || byte == 0 else {
                    index += 1
                    continue
                }
                output.append(utf8: UnsafeBufferPointer(rebasing: utf8[plainStart ..< index]))
                if byte == UInt8(ascii: "\\") {
                    var end = index
                    while end < utf8.count && utf8[end] == UInt8(ascii: "\\") { end += 1 }
                    let run = end - index
                    // cgraph turns `\\` into `\\` (both kept), `\"` into `"` and drops `\` + line feed, so
                    // only an even run can stand before those.
                    let needsEven = end == utf8.count || utf8[end] == UInt8(ascii: "\"") || utf8[end] == UInt8(ascii: "\n")
                    for _ in 0 ..< (needsEven && run % 2 == 1 ? run + 1 : run) { output.append(byte: UInt8(ascii: "\\")) }
                    index = end
                } else {
                    if byte == UInt8(ascii: "\"") { output.append("\\\"") }
                    index += 1
                }
                plainStart = index
            }
            output.append(utf8: UnsafeBufferPointer(rebasing: utf8[plainStart...]))
        }
        output.append(byte: UInt8(ascii: "\""))
    }

    /// Appends a finite number as a DOT numeral; non-finite numbers become 0 (Graphviz has no
    /// representation for them and would read garbage).
    static func appendNumber(_ value: Double, to output: inout ByteWriter) {
        guard value.isFinite else {
            output.append("0")
            return
        }
        if value.rounded() == value && abs(value) < 1e15 {
            output.appendInteger(Int(value))
            return
        }
        let text = String(value)
        if text.contains("e") {
            output.append("\"")
            output.append(text)
            output.append("\"")
        } else {
            output.append(text)
        }
    }

    /// Whether `id` can be written without quotes.
    static func isBareID(_ id: String) -> Bool {
        let utf8 = id.utf8
        guard let first = utf8.first else { return false }
        if isNameStart(first) {
            guard utf8.allSatisfy({ isNameStart($0) || isDigit($0) }) else { return false }
            // Keywords have at most 8 letters; skipping the lowercased copy for longer names keeps
            // writing a million edges cheap.
            return utf8.count > 8 || !keywords.contains(id.lowercased())
        }
        return isNumeral(utf8)
    }

    private static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "_")
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// `-?(\.[0-9]+|[0-9]+(\.[0-9]*)?)`, the DOT numeral.
    private static func isNumeral(_ utf8: String.UTF8View) -> Bool {
        var digits = 0, points = 0
        for (offset, byte) in utf8.enumerated() {
            if offset == 0 && byte == UInt8(ascii: "-") {
                continue
            } else if isDigit(byte) {
                digits += 1
            } else if byte == UInt8(ascii: ".") {
                points += 1
            } else {
                return false
            }
        }
        return digits > 0 && points <= 1
    }
}
