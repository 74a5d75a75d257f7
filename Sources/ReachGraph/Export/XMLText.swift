/// Escaping for the XML that GraphML and GEXF are.
enum XMLText {
    /// `text` as XML character data or attribute value: `&`, `<`, `>`, `"`, `'` as entities; tab,
    /// line feed and carriage return as character references (an XML parser would turn them into
    /// spaces inside attributes, and CR LF into LF anywhere); characters XML 1.0 forbids even as
    /// references (other C0 controls, U+FFFE, U+FFFF) as U+FFFD.
    /// - Complexity: O(n).
    static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") || $0 == 0xEF })
        else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t": result += "&#9;"
            case "\n": result += "&#10;"
            case "\r": result += "&#13;"
            case "\u{0}" ..< "\u{20}", "\u{FFFE}", "\u{FFFF}": result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
