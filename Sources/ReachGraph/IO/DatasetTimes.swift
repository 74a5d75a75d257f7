/// The time columns of a dataset's files (`posts.csv` `time`, `relations.csv` `first_seen` and
/// `last_seen`, and the same keys of a JSON dataset), read as the platform-export readers read
/// theirs, so no time is silently wrong whatever file it comes in.
///
/// Each column has its own ``TimestampReader``: ISO 8601 with or without a zone, epoch seconds,
/// milliseconds or microseconds (the unit decided per column from the first number's magnitude;
/// a column mixing units is an error naming the line that decided it), Twitter's
/// `Wed Oct 10 20:19:24 +0000 2018` and `M/D/YYYY H:MM`. Times without a zone are read in
/// `--timezone` (UTC by default) and counted in a reading note, so `summary` says how they were
/// read. A post dated before 2000 or after next year is kept and counted, since a wrong unit or
/// zone usually lands there.
struct DatasetTimes {
    var time: TimestampReader
    var firstSeen: TimestampReader
    var lastSeen: TimestampReader
    private let zoneGiven: Bool
    private let plausible = TimestampReader.plausibleRange()

    init(zone: NaiveTimeZone?) {
        time = TimestampReader(zone: zone ?? .utc)
        firstSeen = time
        lastSeen = time
        zoneGiven = zone != nil
    }

    /// How many times were read without a zone.
    var naiveCount: Int { time.naiveCount + firstSeen.naiveCount + lastSeen.naiveCount }

    /// The notes saying how times without a zone were read (when there were any, or when the
    /// user named a zone, so an option that changed nothing still says so), which zone
    /// abbreviations were read as which offsets, and how many dates were read as M/D/YYYY.
    var readingNotes: [Dataset.ReadingNote] {
        var notes: [Dataset.ReadingNote] = []
        if naiveCount > 0 || zoneGiven {
            notes.append(.naiveTimes(time.zone, count: naiveCount, defaultReason: zoneGiven ? nil : "the default"))
        }
        let abbreviations = time.abbreviationCounts.merging(firstSeen.abbreviationCounts, uniquingKeysWith: +)
            .merging(lastSeen.abbreviationCounts, uniquingKeysWith: +)
        if let note = TimestampReader.abbreviationNote(abbreviations) { notes.append(note) }
        let slashDates = time.slashDateCount + firstSeen.slashDateCount + lastSeen.slashDateCount
        if slashDates > 0 {
            notes.append(Dataset.ReadingNote(
                topic: "dates with slashes",
                value: "\(slashDates) read as month/day/year (as US spreadsheets and CrowdTangle write them; a day/month file stops at its first day above 12)"
            ))
        }
        return notes
    }

    /// Counts `post`, read on `line`, when it is dated before 2000 or after next year.
    func checkPlausible(_ post: Post, file: String, line: Int?, into diagnostics: inout Diagnostics) {
        guard !plausible.contains(post.time) else { return }
        diagnostics.warn(
            "times before 2000 or after next year (kept)", file: file, line: line,
            "post \"\(post.postID)\" is dated \(iso8601String(fromUnixSeconds: post.time)); check the unit or the zone"
        )
    }

    /// Counts the collected posts dated before 2000 or after next year, after reading: one
    /// comparison per post, off the reader's hot loop.
    func checkPlausible(_ posts: PostCollector, into diagnostics: inout Diagnostics) {
        let table = posts.table
        for row in 0 ..< table.count where !plausible.contains(table.times[row]) {
            diagnostics.warn(
                "times before 2000 or after next year (kept)", file: posts.file, line: posts.lines[row] > 0 ? Int(posts.lines[row]) : nil,
                "post \"\(table.string(table.postIDs[row]))\" is dated \(iso8601String(fromUnixSeconds: table.times[row])); check the unit or the zone"
            )
        }
    }
}

extension FieldSource {
    /// The time in `column` read by `reader` (``TimestampReader``); `line` names the row when a
    /// later row mixes epoch units.
    mutating func time(_ column: String, reader: inout TimestampReader, line: Int?) throws -> Double? {
        guard let value = try trimmedText(column) else { return nil }
        let seconds: Double
        do throws(TimestampReader.Problem) {
            seconds = try reader.read(value, line: line)
        } catch {
            throw self.error(column, error.message)
        }
        guard FieldParsing.supportedTimes.contains(seconds) else {
            throw error(column, "\"\(value)\" is outside the years 0000–9999 that times can take")
        }
        return seconds
    }
}
