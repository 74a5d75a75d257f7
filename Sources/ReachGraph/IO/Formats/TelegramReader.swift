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
/// normalised to the same digits.
/// - Complexity: O(messages); the document is read whole.
enum TelegramReader {
    static func read(_ path: String, options: DatasetLoader.Options) throws -> Dataset {
        var export = PlatformExport(format: .telegram, file: (path as NSString).lastPathComponent)
        export.postAttributeColumns = [ContentFields.text, "forwarded_from", "original_time"]
        var times = TimestampReader(zone: options.timeZone ?? .utc)
        guard let root = try JSONExport.document(path) as? [String: Any] else {
            throw InputError(file: export.file, message: "expected a JSON object (a Telegram Desktop export or a TGDataset channel map)")
        }
        if root["messages"] != nil || root["chats"] != nil {
            var chats: [[String: Any]] = []
            if root["messages"] != nil { chats.append(root) }
            if let list = (root["chats"] as? [String: Any])?["list"] as? [[String: Any]] { chats += list }
            for (index, chat) in chats.enumerated() {
                try desktopChat(chat, location: root["messages"] != nil && index == 0 ? "messages" : "chats.list[\(index)]", into: &export, times: &times)
            }
        } else {
            for channel in root.keys.sorted() {
                guard let fields = root[channel] as? [String: Any] else {
                    throw InputError(file: export.file, message: "\(channel): expected a channel object")
                }
                try tgdatasetChannel(channel, fields, into: &export, times: &times)
            }
        }
        if times.naiveCount > 0 {
            export.notes.append(.naiveTimes(times.zone, count: times.naiveCount, defaultReason: options.timeZone == nil ? "the default; Desktop writes the exporting computer's local time" : nil))
        }
        export.applyKinds(options.kinds)
        return export.dataset(name: path)
    }

    private static func desktopChat(_ chat: [String: Any], location: String, into export: inout PlatformExport, times: inout TimestampReader) throws {
        guard let chatID = JSONExport.id(chat["id"]) else { throw InputError(file: export.file, message: "\(location): chat without id") }
        export.account(Account(id: chatID, name: JSONExport.string(chat["name"]), kind: .other, platform: "telegram"))
        for (index, element) in (chat["messages"] as? [Any] ?? []).enumerated() {
            let where_ = "\(location)[\(index)]"
            guard let message = element as? [String: Any] else { throw InputError(file: export.file, message: "\(where_): expected a message object") }
            guard (message["type"] as? String ?? "message") == "message" else {
                export.diagnostics.warn("service messages (joins, pins; not posts)", file: export.file, "\(where_) is a \(message["type"] as? String ?? "") message")
                continue
            }
            guard let messageID = JSONExport.id(message["id"]) else { throw InputError(file: export.file, message: "\(where_): message without id") }
            let time: Double
            do throws(TimestampReader.Problem) {
                if let unix = JSONExport.number(message["date_unixtime"]) {
                    time = try times.epoch(unix, line: nil)
                } else if let date = JSONExport.string(message["date"]) {
                    time = try times.read(date, line: nil)
                } else {
                    throw TimestampReader.Problem(message: "has neither date_unixtime nor date")
                }
            } catch {
                throw InputError(file: export.file, message: "\(where_): time \(error.message)")
            }
            let author = JSONExport.id(message["from_id"]).map(normalisedPeer) ?? chatID
            if author != chatID { export.account(Account(id: author, name: JSONExport.string(message["from"]), kind: .other, platform: "telegram")) }
            var source: String?
            if let sourceID = JSONExport.id(message["forwarded_from_id"]) {
                source = normalisedPeer(sourceID)
            } else if let name = JSONExport.string(message["forwarded_from"]) {
                source = name
                export.diagnostics.warn("forwards naming their source by display name only (the name is the account id)", file: export.file, "\(where_) was forwarded from \"\(name)\"")
            }
            let forwarded = message["forwarded_from"] != nil || message["forwarded_from_id"] != nil
            var attributes: [String: String] = [:]
            let text = desktopText(message["text"])
            ContentFields.set(&attributes, text: text)
            if let name = JSONExport.string(message["forwarded_from"]) { attributes["forwarded_from"] = name }
            addMessage(
                id: "\(chatID)/\(messageID)", author: author, time: time, text: text, forwarded: forwarded, source: source,
                originalTime: nil, attributes: attributes, where_: where_, into: &export
            )
        }
    }

    /// Desktop exports write text as a string or as an array of strings and entity objects.
    private static func desktopText(_ value: Any?) -> String? {
        if let text = value as? String { return text.isEmpty ? nil : text }
        guard let parts = value as? [Any] else { return nil }
        let joined = parts.map { ($0 as? String) ?? (($0 as? [String: Any])?["text"] as? String) ?? "" }.joined()
        return joined.isEmpty ? nil : joined
    }

    private static func tgdatasetChannel(_ channel: String, _ fields: [String: Any], into export: inout PlatformExport, times: inout TimestampReader) throws {
        let channelID = normalisedPeer(channel)
        var attributes: [String: String] = [:]
        if let title = JSONExport.string(fields["title"]) { attributes["display_name"] = title }
        export.account(Account(
            id: channelID, name: JSONExport.string(fields["username"]), kind: .other, platform: "telegram",
            followers: JSONExport.count(fields["n_subscribers"]), attributes: attributes
        ))
        var seen: [String: Double] = [:]
        for section in ["text_messages", "generic_media"] {
            guard let messages = fields[section] as? [String: Any] else { continue }
            for key in messages.keys.sorted(by: { ($0.count, $0) < ($1.count, $1) }) {
                let where_ = "\(channel).\(section).\(key)"
                guard let message = messages[key] as? [String: Any] else { throw InputError(file: export.file, message: "\(where_): expected a message object") }
                guard let date = JSONExport.number(message["date"]) else { throw InputError(file: export.file, message: "\(where_): message without date") }
                let time: Double
                do throws(TimestampReader.Problem) {
                    time = try times.epoch(date, line: nil)
                } catch {
                    throw InputError(file: export.file, message: "\(where_): date \(error.message)")
                }
                let id = "\(channelID)/\(key)"
                if seen[id] != nil {
                    export.diagnostics.count("messages stored twice (text and media under one id; counted once)", 1)
                    continue
                }
                seen[id] = time
                let forwarded = (message["is_forwarded"] as? Bool) == true
                var originalTime: Double?
                if let original = JSONExport.number(message["forwarded_message_date"]) {
                    do throws(TimestampReader.Problem) {
                        originalTime = try times.epoch(original, line: nil)
                    } catch {
                        throw InputError(file: export.file, message: "\(where_): forwarded_message_date \(error.message)")
                    }
                }
                var attributes: [String: String] = [:]
                let text = JSONExport.string(message["message"]) ?? JSONExport.string(message["title"])
                ContentFields.set(&attributes, text: text)
                addMessage(
                    id: id, author: channelID, time: time, text: text, forwarded: forwarded,
                    source: JSONExport.id(message["forwarded_from_id"]).map(normalisedPeer), originalTime: originalTime,
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
