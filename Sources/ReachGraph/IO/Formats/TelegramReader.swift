import Foundation

/// Reads Telegram channel messages: a Telegram Desktop export (`result.json`: one chat with
/// `messages[]`, or a whole-account export with `chats.list[]`), or TGDataset's channel map
/// (`{channel_id: {username, n_subscribers, text_messages: {id: …}, generic_media: {id: …}}}`).
///
/// Every message is a post of its chat (or of `from_id` when a Desktop message names a sender)
/// with id `chat/message`. A forward is a repost: its source (`forwarded_from_id`, else the
/// Desktop export's display name `forwarded_from`) is the parent's author, so the relation
/// source → forwarding chat is made; Telegram does not say which message was forwarded, so the
/// parent is named by source and original date (`source@unix-time`), which also makes repeated
/// forwards of one message by one chat count once. A forward whose source is hidden (null) is
/// kept as a repost without a relation, counted. Desktop `date` is local time without a zone;
/// `date_unixtime` is used when present. A TGDataset message stored twice (as text and as
/// media, under the same id) is counted once. Bare numeric peer ids and string keys are
/// normalised to the same digits. The document is checked strictly on a ``JSONTape`` (a key
/// repeated in one object is an error), and errors name file:line:column.
/// - Complexity: O(bytes); the document is read whole.
enum TelegramReader {
    static func read(_ path: String, options: DatasetLoader.Options) throws -> Dataset {
        var export = PlatformExport(format: .telegram, file: (path as NSString).lastPathComponent)
        export.postAttributeColumns = [ContentFields.text, "forwarded_from", "original_time"]
        var times = TimestampReader(zone: options.timeZone ?? .utc)
        try JSONExport.withDocument(path) { tape in
            let root = tape.root
            guard tape.kind(root) == .object else {
                throw tape.error("expected a JSON object (a Telegram Desktop export or a TGDataset channel map)", atValue: root)
            }
            let single = try tape.has(root, "messages")
            if try single || tape.has(root, "chats") {
                var chats: [Int] = single ? [root] : []
                chats += tape.elements(try tape.member(root, "chats").flatMap { try tape.member($0, "list") })
                for (index, chat) in chats.enumerated() {
                    try desktopChat(tape, chat, location: single && index == 0 ? "messages" : "chats.list[\(index - (single ? 1 : 0))]", into: &export, times: &times)
                }
            } else {
                // Channels in the order of their ids as text, so the result does not depend on the file's order.
                let channels = try sortedMembers(tape, root) { $0 < $1 }
                for channel in channels {
                    guard tape.kind(channel.value) == .object else { throw tape.error("\(channel.key): expected a channel object", atValue: channel.value) }
                    try tgdatasetChannel(tape, channel.key, channel.value, into: &export, times: &times)
                }
            }
        }
        if times.naiveCount > 0 {
            export.notes.append(.naiveTimes(times.zone, count: times.naiveCount, defaultReason: options.timeZone == nil ? "the default; Desktop writes the exporting computer's local time" : nil))
        }
        export.applyKinds(options.kinds)
        return export.dataset(name: path)
    }

    private static func desktopChat(_ tape: JSONTape, _ chat: Int, location: String, into export: inout PlatformExport, times: inout TimestampReader) throws {
        guard tape.kind(chat) == .object else { throw tape.error("\(location): expected a chat object", atValue: chat) }
        guard let chatID = try tape.id(tape.member(chat, "id")) else { throw tape.error("\(location): chat without id", atValue: chat) }
        export.account(Account(id: chatID, name: try tape.text(tape.member(chat, "name")), kind: .other, platform: "telegram"))
        for (index, message) in tape.elements(try tape.member(chat, "messages")).enumerated() {
            let where_ = "\(location)[\(index)]"
            func fail(_ problem: String) -> InputError { tape.error("\(where_): \(problem)", atValue: message) }
            guard tape.kind(message) == .object else { throw fail("expected a message object") }
            let type = try tape.string(tape.member(message, "type")) ?? "message"
            guard type == "message" else {
                export.diagnostics.warn("service messages (joins, pins; not posts)", file: export.file, "\(where_) is a \(type) message")
                continue
            }
            guard let messageID = try tape.id(tape.member(message, "id")) else { throw fail("message without id") }
            let unix = try tape.number(tape.member(message, "date_unixtime")), date = try tape.text(tape.member(message, "date"))
            let time: Double
            do throws(TimestampReader.Problem) {
                if let unix {
                    time = try times.epoch(unix, line: nil)
                } else if let date {
                    time = try times.read(date, line: nil)
                } else {
                    throw TimestampReader.Problem(message: "has neither date_unixtime nor date")
                }
            } catch {
                throw fail("time \(error.message)")
            }
            let author = try tape.id(tape.member(message, "from_id")).map(normalisedPeer) ?? chatID
            if author != chatID { export.account(Account(id: author, name: try tape.text(tape.member(message, "from")), kind: .other, platform: "telegram")) }
            var source: String?
            let forwardedName = try tape.text(tape.member(message, "forwarded_from"))
            if let sourceID = try tape.id(tape.member(message, "forwarded_from_id")) {
                source = normalisedPeer(sourceID)
            } else if let forwardedName {
                source = forwardedName
                export.diagnostics.warn("forwards naming their source by display name only (the name is the account id)", file: export.file, "\(where_) was forwarded from \"\(forwardedName)\"")
            }
            let forwarded = try tape.has(message, "forwarded_from") || tape.has(message, "forwarded_from_id")
            var attributes: [String: String] = [:]
            let text = try desktopText(tape, tape.member(message, "text"))
            ContentFields.set(&attributes, text: text)
            if let forwardedName { attributes["forwarded_from"] = forwardedName }
            addMessage(
                id: "\(chatID)/\(messageID)", author: author, time: time, text: text, forwarded: forwarded, source: source,
                originalTime: nil, attributes: attributes, where_: where_, into: &export
            )
        }
    }

    /// The members of `object` as (key, value token), ordered by `areInIncreasingOrder` on the
    /// keys; a key repeated in the object is an error (Foundation would let the last one win).
    private static func sortedMembers(
        _ tape: JSONTape, _ object: Int, by areInIncreasingOrder: (String, String) -> Bool
    ) throws -> [(key: String, value: Int)] {
        let members = tape.members(object).map { (key: tape.string($0) ?? "", value: $0 + 1) }.sorted { areInIncreasingOrder($0.key, $1.key) }
        for (previous, member) in zip(members, members.dropFirst()) where previous.key == member.key {
            // Located at the later key, worded as the tape words a repeated key it looks up.
            throw tape.error("not valid JSON: key \"\(member.key)\" appears twice in one object", atValue: max(previous.value, member.value) - 1)
        }
        return members
    }

    /// Desktop exports write text as a string or as an array of strings and entity objects.
    private static func desktopText(_ tape: JSONTape, _ node: Int?) throws -> String? {
        guard let node else { return nil }
        if tape.kind(node) == .string { return tape.text(node) }
        var joined = ""
        for part in tape.elements(node) {
            joined += try tape.string(part) ?? tape.string(tape.member(part, "text")) ?? ""
        }
        return joined.isEmpty ? nil : joined
    }

    private static func tgdatasetChannel(_ tape: JSONTape, _ channel: String, _ fields: Int, into export: inout PlatformExport, times: inout TimestampReader) throws {
        let channelID = normalisedPeer(channel)
        var attributes: [String: String] = [:]
        if let title = try tape.text(tape.member(fields, "title")) { attributes["display_name"] = title }
        export.account(Account(
            id: channelID, name: try tape.text(tape.member(fields, "username")), kind: .other, platform: "telegram",
            followers: try tape.count(tape.member(fields, "n_subscribers")), attributes: attributes
        ))
        var seen: Set<String> = []
        for section: StaticString in ["text_messages", "generic_media"] {
            guard let messages = try tape.member(fields, section), tape.kind(messages) == .object else { continue }
            for (key, message) in try sortedMembers(tape, messages, by: { ($0.count, $0) < ($1.count, $1) }) {
                let where_ = "\(channel).\(section).\(key)"
                func fail(_ problem: String) -> InputError { tape.error("\(where_): \(problem)", atValue: message) }
                guard tape.kind(message) == .object else { throw fail("expected a message object") }
                guard let date = try tape.number(tape.member(message, "date")) else { throw fail("message without date") }
                let time: Double
                do throws(TimestampReader.Problem) {
                    time = try times.epoch(date, line: nil)
                } catch {
                    throw fail("date \(error.message)")
                }
                let id = "\(channelID)/\(key)"
                guard seen.insert(id).inserted else {
                    export.diagnostics.count("messages stored twice (text and media under one id; counted once)", 1)
                    continue
                }
                let forwarded = try tape.isTrue(tape.member(message, "is_forwarded"))
                var originalTime: Double?
                if let original = try tape.number(tape.member(message, "forwarded_message_date")) {
                    do throws(TimestampReader.Problem) {
                        originalTime = try times.epoch(original, line: nil)
                    } catch {
                        throw fail("forwarded_message_date \(error.message)")
                    }
                }
                var attributes: [String: String] = [:]
                let text = try tape.text(tape.member(message, "message")) ?? tape.text(tape.member(message, "title"))
                ContentFields.set(&attributes, text: text)
                addMessage(
                    id: id, author: channelID, time: time, text: text, forwarded: forwarded,
                    source: try tape.id(tape.member(message, "forwarded_from_id")).map(normalisedPeer), originalTime: originalTime,
                    attributes: attributes, where_: where_, into: &export
                )
            }
        }
    }

    private static func addMessage(
        id: String, author: String, time: Double, text: String?, forwarded: Bool, source: String?, originalTime: Double?,
        attributes: [String: String], where_: String, into export: inout PlatformExport
    ) {
        var attributes = attributes
        var parentPost: String?
        if forwarded {
            let when = originalTime.map { String(Int64($0.rounded(.down))) } ?? "unknown-time"
            parentPost = "\(source ?? "hidden")@\(when)"
            if let originalTime { attributes["original_time"] = iso8601String(fromUnixSeconds: originalTime) }
            if let source {
                if !export.hasAccount(source) { export.account(Account(id: source, kind: .other, platform: "telegram")) }
            } else {
                export.diagnostics.warn("forwards whose source is hidden (kept as reposts, no relation)", file: export.file, "\(where_) is a forward without forwarded_from_id")
            }
        }
        export.add(
            Post(
                postID: id, author: author, time: time, parentPost: parentPost, platform: "telegram",
                contentHash: text.flatMap(ContentFields.textHash), parentAuthor: forwarded ? source : nil, attributes: attributes
            ),
            line: nil
        )
    }

    /// Peer ids as digits: `1008738564`, `1008738564.0` and Desktop's `channel1008738564` are
    /// one channel; `user…` ids keep their prefix (users and channels are numbered apart).
    static func normalisedPeer(_ id: String) -> String {
        var text = id
        if text.hasPrefix("channel") { text.removeFirst("channel".count) }
        if text.hasSuffix(".0") { text.removeLast(2) }
        if text.hasPrefix("-100"), text.count > 4 { text.removeFirst(4) }
        return text
    }
}
