/// The content fields every adapter keeps on a post, under the same attribute names, so
/// `summary` and coordination read them the same way whatever the source.
///
/// Lists (hashtags, urls, mentions) are stored as their items joined by single spaces: none of
/// them can contain a space, and the text stays readable in a CSV cell.
enum ContentFields {
    static let language = "language"
    static let hashtags = "hashtags"
    static let urls = "urls"
    static let mentions = "mentions"
    static let text = "text"
    /// Attribute columns in the order writers put them.
    static let columns = [language, hashtags, urls, mentions, text]

    /// Sets the content attributes that have a value.
    static func set(
        _ attributes: inout [String: String], language: String? = nil, hashtags: [String] = [], urls: [String] = [],
        mentions: [String] = [], text: String? = nil
    ) {
        if let language, !language.isEmpty { attributes[Self.language] = language }
        if !hashtags.isEmpty { attributes[Self.hashtags] = hashtags.joined(separator: " ") }
        if !urls.isEmpty { attributes[Self.urls] = urls.joined(separator: " ") }
        if !mentions.isEmpty { attributes[Self.mentions] = mentions.joined(separator: " ") }
        if let text, !text.isEmpty { attributes[Self.text] = text }
    }

    /// The client name in a tweet's `source`: the text of the link v1.1 writes
    /// (`<a href="…" rel="nofollow">Twitter for iPhone</a>`), or the text itself (v2); `nil`
    /// when empty.
    static func linkText(_ source: String) -> String? {
        var text = Substring(source.trimmingSpaces)
        if text.hasPrefix("<a "), text.hasSuffix("</a>"), let open = text.firstIndex(of: ">") {
            let close = text.index(text.endIndex, offsetBy: -4)
            text = open < close ? text[text.index(after: open) ..< close] : ""
        }
        let name = String(text).trimmingSpaces
        return name.isEmpty ? nil : name
    }

    /// The items of a list literal as IO archives and pandas dumps write them: `[a, b]`,
    /// `['a', 'b']`, `["a", "b"]`, `[]`, or an empty field. Quoted items may hold commas and
    /// escaped quotes (`'it\'s'`); an unbracketed value is one item. `nil` when a bracket or a
    /// quote is left open.
    static func listItems(_ text: String) -> [String]? {
        let trimmed = text.trimmingSpaces
        if trimmed.isEmpty { return [] }
        guard trimmed.hasPrefix("[") else { return [trimmed] }
        guard trimmed.hasSuffix("]"), trimmed.count >= 2 else { return nil }
        var items: [String] = []
        let closed = scanList(
            Array(trimmed.dropFirst().dropLast()), symbols: ListSymbols(space: " ", comma: ",", quotes: ("'", "\""), backslash: "\\"),
            quoted: { items.append("") },
            element: { items[items.count - 1].append($0) },
            unquoted: { item in
                let value = String(item).trimmingSpaces
                if !value.isEmpty { items.append(value) }
            }
        )
        return closed ? items : nil
    }

    /// What ``joinListItems(_:into:)`` found.
    enum ListSplit: Equatable {
        /// An empty field or list.
        case empty
        /// Items, joined by spaces; the first is the first `firstLength` bytes.
        case items(firstLength: Int)
        /// A bracket or quote left open.
        case malformed
        /// Bytes outside ASCII: ``listItems(_:)`` must split it, with Swift's character rules
        /// (a quote followed by a combining mark is not a quote there).
        case notASCII
    }

    /// ``listItems(_:)`` on ASCII bytes, writing the items joined by single spaces into `joined`
    /// without a `String` per item.
    static func joinListItems(_ bytes: UnsafeBufferPointer<UInt8>, into joined: inout [UInt8]) -> ListSplit {
        joined.removeAll(keepingCapacity: true)
        let text = FieldParsing.trimmingSpaces(bytes)
        if text.isEmpty { return .empty }
        for byte in text where byte >= 0x80 { return .notASCII }
        let open = UInt8(ascii: "["), close = UInt8(ascii: "]"), space = UInt8(ascii: " "), comma = UInt8(ascii: ",")
        guard text[0] == open else {
            joined.append(contentsOf: text)
            return .items(firstLength: text.count)
        }
        guard text[text.count - 1] == close, text.count >= 2 else { return .malformed }
        var items = 0
        var firstLength = 0
        func startItem() {
            if items == 1 { firstLength = joined.count }
            if items > 0 { joined.append(space) }
            items += 1
        }
        let closed = scanList(
            UnsafeBufferPointer(rebasing: text[1 ..< text.count - 1]),
            symbols: ListSymbols(space: space, comma: comma, quotes: (UInt8(ascii: "'"), UInt8(ascii: "\"")), backslash: UInt8(ascii: "\\")),
            quoted: startItem,
            element: { joined.append($0) },
            unquoted: { item in
                let value = FieldParsing.trimmingSpaces(UnsafeBufferPointer(rebasing: item))
                guard !value.isEmpty else { return }
                startItem()
                joined.append(contentsOf: value)
            }
        )
        guard closed else { return .malformed }
        if items == 1 { firstLength = joined.count }
        return items == 0 ? .empty : .items(firstLength: firstLength)
    }

    /// The elements that delimit a list literal, as characters or as bytes.
    private struct ListSymbols<Element: Equatable> {
        var space, comma: Element
        var quotes: (Element, Element)
        var backslash: Element
    }

    /// The list grammar of ``listItems(_:)`` and ``joinListItems(_:into:)``, over characters or
    /// bytes; `inner` is the text between the brackets. Items are separated by commas and spaces.
    /// A quoted item (either quote) runs to the same quote, a backslash taking the next element
    /// as it is: `quoted` is called, then `element` with each of its unescaped elements. An
    /// unquoted item runs to the next comma and goes whole to `unquoted`, which trims it.
    /// `false` when a quote is left open.
    private static func scanList<Text: RandomAccessCollection>(
        _ inner: Text, symbols: ListSymbols<Text.Element>,
        quoted: () -> Void, element: (Text.Element) -> Void, unquoted: (Text.SubSequence) -> Void
    ) -> Bool where Text.Index == Int {
        var index = inner.startIndex
        let end = inner.endIndex
        while index < end {
            while index < end && (inner[index] == symbols.space || inner[index] == symbols.comma) { index += 1 }
            guard index < end else { break }
            let quote = inner[index]
            if quote == symbols.quotes.0 || quote == symbols.quotes.1 {
                quoted()
                index += 1
                var closed = false
                while index < end {
                    let current = inner[index]
                    if current == symbols.backslash && index + 1 < end {
                        element(inner[index + 1])
                        index += 2
                        continue
                    }
                    if current == quote {
                        closed = true
                        index += 1
                        break
                    }
                    element(current)
                    index += 1
                }
                guard closed else { return false }
            } else {
                let start = index
                while index < end && inner[index] != symbols.comma { index += 1 }
                unquoted(inner[start ..< index])
            }
        }
        return true
    }

    /// A 64-bit FNV-1a hash of the text with runs of white space collapsed, as 16 hex digits: the
    /// `content_hash` of posts whose export carries text but no hash (co-posting of the same text).
    static func textHash(_ text: String) -> String? {
        var copy = text
        return copy.withUTF8 { textHash($0) }
    }

    /// ``textHash(_:)-(String)`` of UTF-8 bytes.
    static func textHash(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let hash = hashValue(bytes) else { return nil }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// ``textHash(_:)-(UnsafeBufferPointer<UInt8>)`` interned into `table` without a `String`
    /// (one a post made a tenth of an IO archive's reading); −1 when the text is only white space.
    static func internTextHash(_ bytes: UnsafeBufferPointer<UInt8>, into table: inout PostTable) -> Int32 {
        guard let hash = hashValue(bytes) else { return -1 }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { digits in
            for index in 0 ..< 16 {
                let nibble = UInt8(truncatingIfNeeded: hash >> UInt64(60 - 4 * index)) & 0xF
                digits[index] = nibble < 10 ? 0x30 + nibble : 0x61 + nibble - 10
            }
            // ASCII, so interning cannot fail.
            return table.intern(UnsafeBufferPointer(digits)) ?? -1
        }
    }

    /// The FNV-1a hash behind ``textHash(_:)-(String)``; `nil` for white space only.
    private static func hashValue(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var pendingSpace = false
        var any = false
        for byte in bytes {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = any
                continue
            }
            if pendingSpace {
                hash = (hash ^ 0x20) &* 0x100_0000_01b3
                pendingSpace = false
            }
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            any = true
        }
        return any ? hash : nil
    }
}
