import Foundation

/// Which way an edge list's two account columns point.
public enum EdgeListDirection: String, Sendable, CaseIterable {
    /// `A B`: A's content reached B (ReachGraph's own direction, source → amplifier).
    case authorToReposter = "author-to-reposter"
    /// `A B`: A reposted B (SNAP's Higgs files): read as B → A.
    case reposterToAuthor = "reposter-to-author"

    /// The default, stated in the README and `--help` and shown by `summary`: edge lists are
    /// read as written.
    public static let `default` = EdgeListDirection.authorToReposter
}

/// Picks the reader for an input from its content (never from its name alone).
///
/// A folder is a dataset folder when it holds `relations.csv`, `posts.csv` or `metrics.csv`, a
/// Weibo CED tree when it holds `original-microblog/` and a `*-repost/` folder, and an IO archive
/// when its CSV files have IO-archive headers. A file is classified by its first bytes: JSON is
/// looked at key by key (`statuses`/`created_at` + `id_str` v1.1, `data` + `includes` or
/// `author_id` v2, `messages` or channel maps with `text_messages` Telegram, `accounts`/
/// `relations`/`posts` a JSON dataset); CSV by its header (IO archive, link-sharing, posts table,
/// else an edge list); tab-separated `id, user, time, count, path:time` lines are DeepHawkes
/// cascades; lines of 2–4 fields separated by spaces or tabs without commas are a SNAP edge list.
enum FormatDetection {
    /// Header columns that mark an IO-archive tweets file.
    static let ioArchiveMarkers = ["tweetid", "userid", "tweet_time"]

    static func detect(_ path: String) throws -> Dataset.Format {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: path, message: "no such file or folder")
        }
        if isDirectory.boolValue { return try detectFolder(path) }
        let head = try Self.head(path)
        return detectFile(head: head, path: path)
    }

    static func detectFolder(_ path: String) throws -> Dataset.Format {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        if names.contains(where: { ["relations.csv", "posts.csv", "metrics.csv"].contains($0) }) { return .folder }
        if names.contains("original-microblog") && names.contains(where: { $0.hasSuffix("-repost") }) { return .weiboCED }
        for name in names.sorted() where name.lowercased().hasSuffix(".csv") {
            let full = (path as NSString).appendingPathComponent(name)
            if let header = try? csvHeader(Self.head(full)), ioArchiveMarkers.allSatisfy(header.contains) { return .ioArchive }
        }
        return .folder
    }

    /// Up to the first 64 KiB of a file, without a UTF-8 byte-order mark.
    static func head(_ path: String) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(file: (path as NSString).lastPathComponent, message: "cannot read the file")
        }
        defer { try? handle.close() }
        var bytes = [UInt8]((try? handle.read(upToCount: 1 << 16)) ?? Data())
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return bytes
    }

    static func detectFile(head: [UInt8], path: String) -> Dataset.Format {
        let firstByte = head.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        if firstByte == UInt8(ascii: "{") || firstByte == UInt8(ascii: "[") {
            return detectJSON(head: head, path: path)
        }
        let lines = head.split(separator: 0x0A, maxSplits: 8, omittingEmptySubsequences: true)
            .map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") && !$0.hasPrefix("%") }
        guard let first = lines.first else { return .edgeList }
        if first.contains(",") {
            let header = csvHeader(head)
            if ioArchiveMarkers.allSatisfy(header.contains) { return .ioArchive }
            if LinkSharingReader.looksLikeHeader(header) { return .linkSharing }
            if Columns.postRequired.allSatisfy(header.contains) { return .postsTable }
            return .edgeList
        }
        let tabFields = first.split(separator: "\t", omittingEmptySubsequences: false)
        if tabFields.count >= 5, DeepHawkesReader.looksLikePath(tabFields[4]) { return .deepHawkes }
        let fields = first.split(whereSeparator: { $0 == " " || $0 == "\t" })
        if (2 ... 4).contains(fields.count) { return .snap }
        return .edgeList
    }

    private static func detectJSON(head: [UInt8], path: String) -> Dataset.Format {
        // The first line of JSON lines is a whole value; a pretty-printed file is read whole.
        let firstLine = head.split(separator: 0x0A, maxSplits: 1).first.map(Array.init) ?? head
        var value = try? JSONSerialization.jsonObject(with: Data(firstLine), options: [.fragmentsAllowed])
        if value == nil, !head.contains(0x0A), let line = Self.firstLine(path) {
            // A JSON line longer than the head (a twarc2 page of 100 tweets runs to megabytes).
            value = try? JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed])
        }
        if value == nil, let data = FileManager.default.contents(atPath: path) {
            value = try? JSONSerialization.jsonObject(with: data)
        }
        if let first = (value as? [Any])?.first as? [String: Any], first["created_at"] != nil, first["id_str"] != nil { return .twitterV1 }
        guard let object = value as? [String: Any] else { return .json }
        if object["statuses"] != nil || (object["created_at"] != nil && object["id_str"] != nil) { return .twitterV1 }
        if object["data"] != nil && (object["includes"] != nil || object["meta"] != nil || object["__twarc"] != nil) { return .twitterV2 }
        if let data = object["data"] as? [[String: Any]], data.first?["author_id"] != nil { return .twitterV2 }
        if object["author_id"] != nil && object["created_at"] != nil { return .twitterV2 }
        if object["messages"] != nil || object["chats"] != nil { return .telegram }
        if object.values.contains(where: { ($0 as? [String: Any])?["text_messages"] != nil || ($0 as? [String: Any])?["generic_media"] != nil }) {
            return .telegram
        }
        return .json
    }

    /// The first line of a file, whatever its length.
    static func firstLine(_ path: String) -> [UInt8]? {
        struct Stop: Error {}
        var line: [UInt8]?
        do {
            try LineReader(path: path).forEachLine { bytes, _ in
                line = Array(bytes)
                throw Stop()
            }
        } catch {}
        return line
    }

    /// The lower-cased column names of the first CSV record in `head`.
    static func csvHeader(_ head: [UInt8]) -> [String] {
        var names: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var index = 0
        while index < head.count {
            let byte = head[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < head.count && head[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == UInt8(ascii: "\"") {
                quoted = true
            } else if byte == UInt8(ascii: ",") || byte == 0x0A || byte == 0x0D {
                names.append(String(decoding: field, as: UTF8.self).trimmingSpaces.lowercased())
                field.removeAll()
                if byte != UInt8(ascii: ",") { return names }
            } else {
                field.append(byte)
            }
            index += 1
        }
        names.append(String(decoding: field, as: UTF8.self).trimmingSpaces.lowercased())
        return names
    }
}

extension Dataset.ReadingNote {
    /// Which way an edge list was read, and whether that was the default.
    static func edgeDirection(_ given: EdgeListDirection?) -> Self {
        let direction = given ?? .default
        let meaning = direction == .authorToReposter ? "first column → second (as written)" : "second column → first (reversed)"
        return Self(topic: "edge direction", value: "\(direction.rawValue): \(meaning)\(given == nil ? ", the default; --edge-direction to change" : "")")
    }

    /// The zone times without one were read in, and how many there were.
    static func naiveTimes(_ zone: NaiveTimeZone, count: Int, defaultReason: String?) -> Self {
        let origin = defaultReason.map { "\($0); --timezone to change" } ?? "--timezone"
        return Self(topic: "times without a zone", value: "\(count) read as \(zone) (\(origin))")
    }
}
