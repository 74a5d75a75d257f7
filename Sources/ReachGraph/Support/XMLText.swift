/// Escaping for markup: the one place ReachGraph turns text into XML (GraphML, GEXF), SVG or
/// HTML character data and attribute values.
enum XMLText {
    /// What a kind of document needs beyond the five markup characters.
    struct Style: Sendable {
        /// What `'` becomes.
        let apostrophe: String
        /// Tab, line feed and carriage return as character references instead of as they are
        /// (an XML parser would turn them into spaces inside attributes, and CR LF into LF anywhere).
        let lineBreaksAsReferences: Bool
        /// Characters XML 1.0 forbids even as references (other C0 controls, U+FFFE, U+FFFF) as
        /// U+FFFD instead of as they are.
        let replacesForbidden: Bool

        /// Data files read back by other programs (GraphML, GEXF): every character survives.
        static let xml = Style(apostrophe: "&apos;", lineBreaksAsReferences: true, replacesForbidden: true)
        /// SVG text drawn as it is: line breaks kept, the document still well-formed.
        static let svg = Style(apostrophe: "&apos;", lineBreaksAsReferences: false, replacesForbidden: true)
        /// HTML element content and attribute values.
        static let html = Style(apostrophe: "&#39;", lineBreaksAsReferences: false, replacesForbidden: false)
    }

    /// Whether `byte` may start something a style escapes: a markup character, a C0 control or
    /// the first byte of U+FFFE or U+FFFF; text without any is written as it is.
    @inline(__always)
    static func mayNeedEscaping(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == 0xEF
    }

    /// `text` as character data or attribute value: `&`, `<`, `>`, `"` and `'` as entities, the
    /// rest as `style` says.
    /// - Complexity: O(n).
    static func escaped(_ text: String, _ style: Style = .xml) -> String {
        guard text.utf8.contains(where: mayNeedEscaping) else { return text }
        var writer = ByteWriter()
        var text = text
        text.withUTF8 { writer.appendXMLEscaped($0, style: style) }
        return writer.text
    }
}

/// Text made safe for HTML element content and attribute values.
public func escapeHTML(_ text: String) -> String {
    XMLText.escaped(text, .html)
}
