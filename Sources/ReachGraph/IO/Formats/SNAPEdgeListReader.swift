/// Reads whitespace-separated edge lists as SNAP publishes them: `A B`, `A B weight`,
/// `A B time` or `A B time interaction` (the Higgs activity file: `RT`, `MT`, `RE`), with `#`
/// comment lines.
///
/// Direction is never guessed: rows are read as written (`A → B`) unless
/// `--edge-direction reposter-to-author` says the file means "A reposted B" (SNAP's Higgs
/// files), and the choice is kept in the reading notes. In a three-field file the third field
/// is a time when the first row's value is at least 10⁸ (1973 in epoch seconds; no repost count
/// is that large), else a weight; the notes say which. Interactions `RT`/`retweet`/`share`/
/// `forward`/`repost` are reposts, `MT`/`mention` mentions, `RE`/`reply` replies, `QT`/`quote`
/// quotes. Each row is one relation (parallel rows merge into one weighted graph edge). Mention
/// rows repeating a reply or retweet row of the same pair in the same second (the Higgs files
/// list every reply twice) are kept and counted.
/// - Complexity: O(rows), streaming.
enum SNAPEdgeListReader {
    static func read(_ path: String, options: DatasetLoader.Options) throws -> Dataset {
        let reader = LineReader(path: path)
        let file = reader.fileName
        var export = PlatformExport(format: .snap, file: file)
        let reversed = options.edgeDirection == .reposterToAuthor
        var times = TimestampReader(zone: options.timeZone ?? .utc)
        var thirdIsTime: Bool?
        var fieldCount: Int?
        var seen = Set<String>()
        var twins: [String: RelationType] = [:]
        var twinCount = 0
        var header: String?
        try reader.forEachLine { bytes, line in
            var fields: [(start: Int, end: Int)] = []
            var index = 0
            while index < bytes.count {
                while index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
                guard index < bytes.count else { break }
                let start = index
                while index < bytes.count && bytes[index] != 0x20 && bytes[index] != 0x09 { index += 1 }
                fields.append((start, index))
            }
            if fields.isEmpty || bytes[fields[0].start] == UInt8(ascii: "#") || bytes[fields[0].start] == UInt8(ascii: "%") { return }
            func text(_ field: Int) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[fields[field].start ..< fields[field].end]), as: UTF8.self)
            }
            func column(_ field: Int) -> Int { fields[field].start + 1 }
            // A header row (`source target weight`, tab-separated from a spreadsheet) names the
            // columns the comma-separated reader would take: it is read as one, not as an edge.
            if fieldCount == nil, header == nil, EdgeListReader.sourceNames.contains(text(0).lowercased()), EdgeListReader.targetNames.contains(text(1).lowercased()) {
                header = (0 ..< fields.count).map(text).joined(separator: " ")
                return
            }
            guard (2 ... 4).contains(fields.count) else {
                throw InputError(file: file, line: line, column: column(0), message: "expected 2 to 4 fields separated by spaces or tabs (A B [weight|time [interaction]]), found \(fields.count)")
            }
            if let fieldCount, fieldCount != fields.count {
                throw InputError(file: file, line: line, column: column(0), message: "\(fields.count) fields where earlier rows have \(fieldCount)")
            }
            fieldCount = fields.count
            let first = text(0), second = text(1)
            let source = reversed ? second : first, target = reversed ? first : second
            for id in [source, target] where seen.insert(id).inserted {
                export.account(Account(id: id, kind: .other))
            }
            var weight = 1.0
            var time: Double?
            var type = RelationType.repost
            if fields.count >= 3 {
                let third = text(2)
                guard let value = FieldParsing.double(UnsafeBufferPointer(rebasing: bytes[fields[2].start ..< fields[2].end])), value >= 0 else {
                    throw InputError(file: file, line: line, column: column(2), message: "\"\(third)\" is not a non-negative number (weight or time)")
                }
                if thirdIsTime == nil { thirdIsTime = fields.count == 4 || value >= 1e8 }
                if thirdIsTime == true {
                    do throws(TimestampReader.Problem) {
                        time = try times.read(third, line: line)
                    } catch {
                        throw InputError(file: file, line: line, column: column(2), message: "time: \(error.message)")
                    }
                } else {
                    guard value <= FieldParsing.maximumWeight else {
                        throw InputError(file: file, line: line, column: column(2), message: FieldParsing.weightTooLarge(value))
                    }
                    weight = value
                }
            }
            if fields.count == 4 {
                let name = text(3)
                guard let parsed = RelationType(name: name) else {
                    throw InputError(file: file, line: line, column: column(3), message: "interaction \"\(name)\" is not one of \(RelationType.acceptedNames)")
                }
                type = parsed
                let key = "\(first) \(second) \(text(2))"
                if let other = twins[key] {
                    if (other == .mention) != (type == .mention) { twinCount += 1 }
                } else {
                    twins[key] = type
                }
            }
            export.tie(from: source, to: target, type: type, weight: weight, time: time, line: line)
        }
        export.diagnostics.count("mention rows twinning a reply or retweet row (same pair, same second; kept)", twinCount)
        export.notes.append(.edgeDirection(options.edgeDirection))
        if let thirdIsTime, fieldCount == 3 {
            export.notes.append(Dataset.ReadingNote(topic: "third column", value: thirdIsTime ? "a time (its first value is at least 10⁸)" : "a weight (its first value is below 10⁸)"))
        }
        if let unit = times.unit { export.notes.append(Dataset.ReadingNote(topic: "times", value: "epoch \(unit.rawValue)")) }
        if let header { export.notes.append(Dataset.ReadingNote(topic: "header row", value: "\(header) (read as column names)")) }
        return export.dataset(name: path)
    }
}
