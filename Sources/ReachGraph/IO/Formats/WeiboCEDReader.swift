import Foundation

/// Reads Weibo repost trees in the CED layout (Song et al. 2018): a folder with
/// `original-microblog/<n>_<mid>_<uid>.json` (the original post) and one or more `*-repost/`
/// folders holding, under the same name, a JSON array of `{mid, uid, parent, kids, text, date}`.
///
/// The file name is the only place the original's id (`mid`) and author (`uid`) appear. The
/// original becomes a post; each entry a repost whose parent is the entry named by `parent`, or
/// the original when `parent` is empty; every post's root is the original. CED does not tell
/// comments from reposts (its README says so): all entries are read as reposts. Entry dates are
/// `YYYY-MM-DD HH:MM:SS` in Beijing time without a zone, so UTC+08:00 is this format's default
/// (`--timezone` overrides; the summary says which was used). Dates without a year
/// (`02月06日 17:45`) take the original's year (the next year when that would precede the
/// original), counted. The original's `time` is epoch seconds or a Weibo API string
/// (`Sat Jun 29 12:40:09 +0800 2013`). The folder the tree came from (`rumor-repost`, …) is kept
/// as the posts' `collection`. Files are checked strictly on a ``JSONTape`` (a key repeated in
/// one object is an error); errors name `collection/file:line:column`.
/// - Complexity: O(bytes); each tree file is read whole.
enum WeiboCEDReader {
    static let beijing = NaiveTimeZone(offsetSeconds: 8 * 3600)

    static func read(_ path: String, options: DatasetLoader.Options) throws -> Dataset {
        var export = PlatformExport(format: .weiboCED, file: (path as NSString).lastPathComponent)
        export.postAttributeColumns = [ContentFields.text, "collection"]
        export.accountAttributeColumns = ["location", "verified"]
        var times = TimestampReader(zone: options.timeZone ?? beijing)
        let manager = FileManager.default
        let originals = (path as NSString).appendingPathComponent("original-microblog")
        let folders = ((try? manager.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix("-repost") }.sorted()
        guard !folders.isEmpty else {
            throw InputError(file: export.file, message: "not a CED folder: expected original-microblog/ and *-repost/ folders")
        }
        var cascades = 0
        for folder in folders {
            let full = (path as NSString).appendingPathComponent(folder)
            for name in ((try? manager.contentsOfDirectory(atPath: full)) ?? []).filter({ $0.hasSuffix(".json") }).sorted() {
                try readTree(
                    (full as NSString).appendingPathComponent(name), original: (originals as NSString).appendingPathComponent(name),
                    collection: folder, into: &export, times: &times
                )
                cascades += 1
            }
        }
        export.notes.append(Dataset.ReadingNote(topic: "cascades", value: "\(cascades) (comments and reposts are not told apart in CED)"))
        export.notes.append(.naiveTimes(times.zone, count: times.naiveCount, defaultReason: options.timeZone == nil ? "Weibo's Beijing time, this format's default" : nil))
        export.applyKinds(options.kinds)
        return export.dataset(name: path)
    }

    private static func readTree(_ path: String, original originalPath: String, collection: String, into export: inout PlatformExport, times: inout TimestampReader) throws {
        let name = (path as NSString).lastPathComponent
        let shown = "\(collection)/\(name)"
        let parts = name.dropLast(".json".count).split(separator: "_")
        guard parts.count >= 3 else {
            throw InputError(file: shown, message: "file name is not <n>_<mid>_<uid>.json, so the original post and its author are unknown")
        }
        let rootID = String(parts[parts.count - 2]), rootAuthor = String(parts[parts.count - 1])
        var rootTime: Double?
        var rootAccount = Account(id: rootAuthor, kind: .other, platform: "weibo")
        var rootAttributes: [String: String] = ["collection": collection]
        if FileManager.default.fileExists(atPath: originalPath) {
            try JSONExport.withDocument(originalPath, name: "original-microblog/\(name)") { tape in
                let original = tape.root
                guard tape.kind(original) == .object else { throw tape.error("expected a JSON object", atValue: original) }
                if let time = try tape.member(original, "time") {
                    do throws(TimestampReader.Problem) {
                        if tape.kind(time) == .number, let seconds = tape.number(time) {
                            rootTime = try times.epoch(seconds, line: nil)
                        } else if let text = tape.text(time) {
                            rootTime = try times.read(text, line: nil)
                        }
                    } catch {
                        throw tape.error("time: \(error.message)", atValue: time)
                    }
                }
                if let user = try tape.member(original, "user"), tape.kind(user) == .object {
                    rootAccount.followers = try tape.count(tape.member(user, "followers"))
                    if let location = try tape.text(tape.member(user, "location")) { rootAccount.attributes["location"] = location }
                    if let verified = try tape.member(user, "verified"), tape.kind(verified) == .true || tape.kind(verified) == .false {
                        rootAccount.attributes["verified"] = tape.kind(verified) == .true ? "true" : "false"
                    }
                }
                ContentFields.set(&rootAttributes, text: try tape.text(tape.member(original, "text")))
                if let reposts = try tape.count(tape.member(original, "reposts")) { rootAttributes["reported_reposts"] = String(reposts) }
            }
        } else {
            export.diagnostics.warn("trees without their original-microblog file (original dated by its first repost)", file: shown, "no original-microblog/\(name)")
        }
        export.account(rootAccount)
        var posts: [(post: Post, index: Int)] = []
        var undated: [(index: Int, month: Int, day: Int, seconds: Int)] = []
        try JSONExport.withDocument(path, name: shown) { tape in
            let entries = tape.root
            guard tape.kind(entries) == .array else { throw tape.error("expected a JSON array of reposts", atValue: entries) }
            for (index, entry) in tape.elements(entries).enumerated() {
                guard tape.kind(entry) == .object else { throw tape.error("[\(index)]: expected an object", atValue: entry) }
                guard let mid = try tape.id(tape.member(entry, "mid")), let uid = try tape.id(tape.member(entry, "uid")) else {
                    throw tape.error("[\(index)]: entry without mid or uid", atValue: entry)
                }
                let parent = try tape.id(tape.member(entry, "parent")) ?? rootID
                guard let date = try tape.text(tape.member(entry, "date")) else { throw tape.error("[\(index)]: entry \(mid) without date", atValue: entry) }
                var time = 0.0
                do throws(TimestampReader.Problem) {
                    time = try times.read(date, line: nil)
                } catch {
                    guard let partial = monthDay(date) else { throw tape.error("[\(index)]: date \(error.message)", atValue: entry) }
                    undated.append((posts.count, partial.month, partial.day, partial.seconds))
                }
                export.account(Account(id: uid, kind: .other, platform: "weibo"))
                var attributes: [String: String] = ["collection": collection]
                let text = try tape.text(tape.member(entry, "text"))
                ContentFields.set(&attributes, text: text)
                posts.append((
                    Post(
                        postID: mid, author: uid, time: time, parentPost: parent, rootPost: rootID, platform: "weibo",
                        contentHash: text.flatMap(ContentFields.textHash), attributes: attributes
                    ),
                    index
                ))
            }
        }
        let dated = posts.indices.filter { position in !undated.contains { $0.index == position } }
        guard let rootSeconds = rootTime ?? dated.map({ posts[$0].post.time }).min() else {
            throw InputError(file: shown, message: "neither the original nor any repost has a full date")
        }
        // A year-less date takes the original's year in Beijing time, or the next when earlier.
        let rootYear = Int(iso8601String(fromUnixSeconds: rootSeconds + Double(8 * 3600)).prefix(4)) ?? 1970
        for partial in undated {
            var time = 0.0
            for year in [rootYear, rootYear + 1] {
                let wall = Double(FieldParsing.daysFromCivil(year: year, month: partial.month, day: partial.day) * 86_400 + partial.seconds)
                time = times.zone.unixSeconds(wallClock: wall)
                if time >= rootSeconds { break }
            }
            posts[partial.index].post.time = time
            export.diagnostics.warn("Weibo dates without a year (the original's year taken)", file: shown, "entry \(posts[partial.index].post.postID) is dated without a year")
        }
        export.add(Post(postID: rootID, author: rootAuthor, time: rootSeconds, rootPost: rootID, platform: "weibo", contentHash: rootAttributes[ContentFields.text].flatMap(ContentFields.textHash), attributes: rootAttributes), line: nil)
        for (post, _) in posts { export.add(post, line: nil) }
    }

    /// `02月06日 17:45` as month, day and seconds into the day (29 February allowed: the year is not known yet).
    static func monthDay(_ text: String) -> (month: Int, day: Int, seconds: Int)? {
        let scalars = text.trimmingSpaces.split(whereSeparator: { "月日 :".contains($0) }).map(String.init)
        guard scalars.count == 4 || scalars.count == 5, text.contains("月"), text.contains("日"),
              let month = Int(scalars[0]), let day = Int(scalars[1]), let hour = Int(scalars[2]), let minute = Int(scalars[3]),
              (1 ... 12).contains(month), (1 ... FieldParsing.daysIn(month: month, year: 2000)).contains(day), hour < 24, minute < 60 else { return nil }
        let second = scalars.count == 5 ? Int(scalars[4]) ?? 0 : 0
        return (month, day, hour * 3600 + minute * 60 + second)
    }
}
