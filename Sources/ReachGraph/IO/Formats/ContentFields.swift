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

    /// The items of a list literal as IO archives and pandas dumps write them: `[a, b]`,
    /// `['a', 'b']`, `["a", "b"]`, `[]`, or an empty field. Quoted items may hold commas and
    /// escaped quotes (`'it\'s'`); an unbracketed value is one item. `nil` when a bracket or a
    /// quote is left open.
    static func listItems(_ text: String) -> [String]? {
        let trimmed = text.trimmingSpaces
        if trimmed.isEmpty { return [] }
        guard trimmed.hasPrefix("[") else { return [trimmed] }
        guard trimmed.hasSuffix("]"), trimmed.count >= 2 else { return nil }
        let inner = Array(trimmed.dropFirst().dropLast())
        var items: [String] = []
        var index = 0
        while index < inner.count {
            while index < inner.count && (inner[index] == " " || inner[index] == ",") { index += 1 }
            guard index < inner.count else { break }
            let quote = inner[index]
            if quote == "'" || quote == "\"" {
                var item = ""
                index += 1
                var closed = false
                while index < inner.count {
                    let character = inner[index]
                    if character == "\\" && index + 1 < inner.count {
                        item.append(inner[index + 1])
                        index += 2
                        continue
                    }
                    if character == quote {
                        closed = true
                        index += 1
                        break
                    }
                    item.append(character)
                    index += 1
                }
                guard closed else { return nil }
                items.append(item)
            } else {
                var item = ""
                while index < inner.count && inner[index] != "," {
                    item.append(inner[index])
                    index += 1
                }
                let value = item.trimmingSpaces
                if !value.isEmpty { items.append(value) }
            }
        }
        return items
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
        let single = UInt8(ascii: "'"), double = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        guard text[0] == open else {
            joined.append(contentsOf: text)
            return .items(firstLength: text.count)
        }
        guard text[text.count - 1] == close, text.count >= 2 else { return .malformed }
        var firstLength = -1
        var index = 1
        let end = text.count - 1
        while index < end {
            while index < end && (text[index] == space || text[index] == comma) { index += 1 }
            guard index < end else { break }
            let quote = text[index]
            if firstLength >= 0 { joined.append(space) }
            if quote == single || quote == double {
                index += 1
                var closed = false
                while index < end {
                    let byte = text[index]
                    if byte == backslash && index + 1 < end {
                        joined.append(text[index + 1])
                        index += 2
                        continue
                    }
                    if byte == quote {
                        closed = true
                        index += 1
                        break
                    }
                    joined.append(byte)
                    index += 1
                }
                guard closed else { return .malformed }
            } else {
                let start = index
                while index < end && text[index] != comma { index += 1 }
                let value = FieldParsing.trimmingSpaces(UnsafeBufferPointer(rebasing: text[start ..< index]))
                if value.isEmpty {
                    if firstLength >= 0 { joined.removeLast() }
                    continue
                }
                joined.append(contentsOf: value)
            }
            if firstLength < 0 { firstLength = joined.count }
        }
        return firstLength < 0 ? .empty : .items(firstLength: firstLength)
    }

    /// A 64-bit FNV-1a hash of the text with runs of white space collapsed, as 16 hex digits: the
    /// `content_hash` of posts whose export carries text but no hash (co-posting of the same text).
    static func textHash(_ text: String) -> String? {
        var copy = text
        return copy.withUTF8 { textHash($0) }
    }

    /// ``textHash(_:)-(String)`` of UTF-8 bytes.
    static func textHash(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
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
        guard any else { return nil }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
