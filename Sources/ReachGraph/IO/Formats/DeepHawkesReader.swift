/// Reads DeepHawkes-style cascade files (Cao et al. 2017, the Weibo and APS sets), one cascade
/// per line, tab-separated:
/// `cascade_id  root_user  publish_time  repost_count  path:time path:time …`,
/// where a path `u1/u2/u3` says u3 reposted from u2, who reposted from u1 (the root), and `time`
/// is the delay in seconds after `publish_time` (epoch seconds).
///
/// Each cascade becomes the root's post `cascade/root` and one repost `cascade/user` per path,
/// whose parent is `cascade/<previous user on the path>` and whose root is the root's post, at
/// publish time + delay. A user reached twice in one cascade keeps the first path (repeats are
/// counted by the dataset's duplicate-post rule); a path whose previous user has no post of
/// its own in the cascade is kept and counted among reposts of posts outside the data. A line
/// whose repost count differs from its paths is kept, counted.
/// - Complexity: O(bytes), streaming.
enum DeepHawkesReader {
    /// Whether a field looks like a DeepHawkes path (`u1/u2:12` or `u1:0`).
    static func looksLikePath(_ field: Substring) -> Bool {
        guard let first = field.split(separator: " ").first, let colon = first.lastIndex(of: ":") else { return false }
        return !first[..<colon].isEmpty && Int(first[first.index(after: colon)...]) != nil
    }

    static func read(_ path: String, options: DatasetLoader.Options) throws -> Dataset {
        let reader = LineReader(path: path)
        var export = PlatformExport(format: .deepHawkes, file: reader.fileName)
        var times = TimestampReader(zone: options.timeZone ?? .utc)
        var cascades = 0
        try reader.forEachLine { bytes, line in
            let text = String(decoding: bytes, as: UTF8.self)
            guard !text.trimmingSpaces.isEmpty else { return }
            let fields = text.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 5 else {
                throw InputError(file: reader.fileName, line: line, message: "expected 5 tab-separated fields (cascade, root user, publish time, count, paths), found \(fields.count)")
            }
            let cascade = String(fields[0]).trimmingSpaces, rootUser = String(fields[1]).trimmingSpaces
            guard !cascade.isEmpty, !rootUser.isEmpty else {
                throw InputError(file: reader.fileName, line: line, message: "empty cascade id or root user")
            }
            let published: Double
            do throws(TimestampReader.Problem) {
                published = try times.read(String(fields[2]), line: line)
            } catch {
                throw InputError(file: reader.fileName, line: line, message: "publish time: \(error.message)")
            }
            let stated = Int(String(fields[3]).trimmingSpaces)
            let rootPost = "\(cascade)/\(rootUser)"
            export.account(Account(id: rootUser, kind: .other))
            export.add(Post(postID: rootPost, author: rootUser, time: published, rootPost: rootPost), line: line)
            var paths = 0
            let pathText = fields[4...].joined(separator: " ")
            for item in pathText.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                guard let colon = item.lastIndex(of: ":"), let delay = Double(item[item.index(after: colon)...]), delay.isFinite, delay >= 0 else {
                    throw InputError(file: reader.fileName, line: line, message: "path \"\(item.prefix(60))\" is not users:delay (u1/u2:120)")
                }
                let time = published + delay
                guard FieldParsing.supportedTimes.contains(time) else {
                    throw InputError(file: reader.fileName, line: line, message: "path \"\(item.prefix(60))\": a delay of \(delay) s puts the repost outside the years 0000–9999 that times can take")
                }
                let users = item[..<colon].split(separator: "/").map(String.init)
                guard let user = users.last else {
                    throw InputError(file: reader.fileName, line: line, message: "path \"\(item.prefix(60))\" names no user")
                }
                paths += 1
                if users.count == 1 {
                    if user != rootUser {
                        export.diagnostics.warn("single-user paths that are not the root (kept as originals)", file: reader.fileName, line: line, "path \(item) starts a second tree")
                        export.account(Account(id: user, kind: .other))
                        export.add(Post(postID: "\(cascade)/\(user)", author: user, time: time, rootPost: rootPost), line: line)
                    }
                    continue
                }
                export.account(Account(id: user, kind: .other))
                export.add(
                    Post(postID: "\(cascade)/\(user)", author: user, time: time, parentPost: "\(cascade)/\(users[users.count - 2])", rootPost: rootPost),
                    line: line
                )
            }
            if let stated, stated != paths - 1 {
                export.diagnostics.warn("cascades whose stated count differs from their paths (kept)", file: reader.fileName, line: line, "cascade \(cascade) states \(stated) reposts and lists \(paths - 1)")
            }
            cascades += 1
        }
        export.notes.append(Dataset.ReadingNote(topic: "cascades", value: String(cascades)))
        export.applyKinds(options.kinds)
        return export.dataset(name: path)
    }
}
