import ArgumentParser
import Foundation
import ReachGraph
import ReachGraphCore
import ReachGraphStore

extension OutputFormat: ExpressibleByArgument {}

/// The help text every duration option ends with.
let durationSyntax = "60s, 10m, 72h or 3d; a bare number is seconds"

/// Every duration option reads the library's one syntax (`60s`, `10m`, `72h`, `3d`, bare
/// seconds) through this, so a bad value is refused with that syntax in the message.
func duration(_ text: String) throws -> TimeSpan {
    guard let span = TimeSpan(parsing: text) else { throw ValidationError("must be a duration: \(durationSyntax)") }
    return span
}

/// Options every analysis command shares.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: table (for people), csv (with a header; one file per table), long-csv (every table as table,row,column,value) or json.")
    var format: OutputFormat = .table

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write results to this file (atomically) instead of standard output; with --format csv and several tables, a folder that gets one NAME.csv per table.", valueName: "PATH"))
    var output: String?

    @Option(help: ArgumentHelp("Print only the table of this name (the part after the command's prefix is enough: edges for coordination_edges).", valueName: "NAME"))
    var table: String?

    @Flag(help: "Print no progress or warnings on standard error.")
    var quiet = false

    /// Prints or writes `tables`, or the one `--table` names. Several tables in CSV go to one
    /// file each in the `-o` folder; to standard output or a `.csv` file they are refused, since
    /// one CSV holds one table.
    func emit(_ tables: [ResultTable]) throws {
        var chosen = tables
        let names = tables.map(\.name).joined(separator: ", ")
        if let table {
            chosen = tables.named(table)
            if chosen.isEmpty { throw ValidationError("--table \(table): no such table; the tables are \(names)") }
            if chosen.count > 1 { throw ValidationError("--table \(table) names several tables: \(chosen.map(\.name).joined(separator: ", "))") }
        }
        if format == .csv && chosen.count > 1 {
            var isDirectory: ObjCBool = false
            let exists = output.map { FileManager.default.fileExists(atPath: $0, isDirectory: &isDirectory) } ?? false
            guard let output, !output.lowercased().hasSuffix(".csv"), !exists || isDirectory.boolValue else {
                throw ValidationError("\(chosen.count) tables (\(names)): choose one with --table NAME, write one CSV per table with -o DIR, or ask for --format long-csv")
            }
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            for table in chosen {
                try AtomicFile.write(table.csvText, to: (output as NSString).appendingPathComponent(table.name + ".csv"))
            }
            return
        }
        try write(chosen.rendered(as: format))
    }

    /// Writes rendered UTF-8 bytes to `-o` (atomically) or standard output.
    func write(utf8 bytes: [UInt8]) throws {
        if let output {
            try AtomicFile.write(utf8: bytes, to: output)
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }

    /// Writes rendered output to `-o` (atomically) or standard output.
    func write(_ text: String) throws {
        if let output {
            try AtomicFile.write(text, to: output)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

/// How INPUT is read: the options every command that reads inputs shares (analysis commands,
/// export, ingest).
struct ReadingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Read foreign CSV columns under the format's names, e.g. post_id=content_id,author=account_id.", valueName: "FIELD=COLUMN,..."))
    var map: String?

    @Option(help: ArgumentHelp(
        "The input's format instead of detecting it from the content: \(Dataset.Format.allCases.map(\.rawValue).joined(separator: ", ")).",
        valueName: "NAME"
    ))
    var inputFormat: Dataset.Format?

    @Option(help: ArgumentHelp(
        "How an edge list's columns point: author-to-reposter (A B = A's content reached B; the default) or reposter-to-author (A B = A reposted B, as in SNAP's Higgs files). Summary prints the one used.",
        valueName: "DIRECTION"
    ))
    var edgeDirection: EdgeListDirection?

    @Option(help: ArgumentHelp("The zone of times written without one: UTC (the default, except Weibo's Beijing time), +08:00, or a name such as Asia/Shanghai.", valueName: "ZONE"))
    var timezone: String?

    @Option(help: ArgumentHelp("Account kinds from a column of accounts.csv or an export: a CSV with header COLUMN,kind and rows VALUE,KIND; unmapped values become other, counted.", valueName: "FILE"))
    var kinds: String?

    @Option(help: ArgumentHelp(
        "Keep only these relation types (repost, collaboration, mention, reply, quote). With mention, mention relations (mentioned → author) are derived from the posts' mentions when the input has none.",
        valueName: "TYPE,..."
    ))
    var relations: String?

    /// The reading options these flags give.
    func loaderOptions() throws -> DatasetLoader.Options {
        var zone: NaiveTimeZone?
        if let timezone {
            guard let parsed = NaiveTimeZone(parsing: timezone) else {
                throw ValidationError("--timezone \"\(timezone)\" is not UTC, an offset such as +08:00, or a zone name such as Asia/Shanghai")
            }
            zone = parsed
        }
        return DatasetLoader.Options(
            columnAliases: try map.map(DatasetLoader.Options.parseColumnMap) ?? [:], inputFormat: inputFormat,
            edgeDirection: edgeDirection, timeZone: zone, kinds: try kinds.map(KindMapping.read),
            relationTypes: try relations.map(DatasetLoader.Options.parseRelationTypes)
        )
    }
}

/// `--threads`, for every command that computes: the library's one parallelism setting
/// (``Parallelism/threadCount``). Results do not depend on it.
struct ThreadOptions: ParsableArguments {
    @Option(help: "Threads to compute on (default: one per core); results are the same on any number.")
    var threads: Int?

    func validate() throws {
        guard let threads else { return }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        // Set as the command line is read, so that every step of every command, reading included, runs on it.
        Parallelism.threadCount = threads
    }
}

/// Help of the INPUT argument of every command.
let inputArgumentHelp = ArgumentHelp("A dataset folder, a JSON dataset (.json), an edge list (source,target[,weight]), a platform export (see --input-format) or a store (.sqlite).")

/// INPUT, how it is read, and where a store's time slice starts: what ``InputOptions`` and
/// ``ExportInputOptions`` share.
struct InputSourceOptions: ParsableArguments {
    @Argument(help: inputArgumentHelp)
    var input: String

    @OptionGroup var reading: ReadingOptions

    @OptionGroup var threads: ThreadOptions

    @Option(help: ArgumentHelp("With a store: read posts from this time on (ISO 8601 or Unix seconds).", valueName: "TIME"))
    var from: String?

    /// Reads `input` (a store's `slice`, or any file or folder the loader reads), showing progress.
    func load(slice: StoreSlice, progress: Progress, derivingRelations: Bool = true) throws -> Dataset {
        progress.begin("reading \(input)")
        var options = try reading.loaderOptions()
        options.derivesRelations = derivingRelations
        return try InputSource.load(input, options: options, slice: slice)
    }
}

/// The input every analysis command reads: the one place the CLI turns INPUT and its reading
/// options into data (through ``InputSource``: a store's slice, or ``DatasetLoader``).
struct InputOptions: ParsableArguments {
    @OptionGroup var source: InputSourceOptions

    @Option(help: ArgumentHelp("With a store: read posts before this time (exclusive).", valueName: "TIME"))
    var to: String?

    @Option(help: ArgumentHelp("With a store: read this period (2025-05, 2025-05-01 or 2025): its posts, metrics and relations. The index ranks this period.", valueName: "LABEL"))
    var period: String?

    var input: String { source.input }
    var from: String? { source.from }

    /// The part of a store to read; `sliceByPeriod` false reads a store's whole range (`--from/--to`
    /// still apply) for commands whose `--period` means more than a slice.
    func slice(byPeriod sliceByPeriod: Bool = true) throws -> StoreSlice {
        try StoreSlice(from: from, to: to, period: sliceByPeriod ? period : nil)
    }

    /// Loads the dataset, showing progress; `derivingRelations` false leaves relations a posts
    /// table would get from its posts unbuilt (``DatasetLoader/Options/derivesRelations``).
    func load(progress: Progress, sliceByPeriod: Bool = true, derivingRelations: Bool = true) throws -> Dataset {
        try source.load(slice: slice(byPeriod: sliceByPeriod), progress: progress, derivingRelations: derivingRelations)
    }

    /// Reads only the shares (posts keyed by `object`), streaming a posts table; a store's slice
    /// is read as a dataset.
    func loadShares(object: SharedObjectKey?, progress: Progress) throws -> ShareLog {
        if DatasetStore.isStore(input) {
            let posts = try load(progress: progress).posts
            return ShareLog(posts: posts, object: object ?? .automatic(for: posts))
        }
        progress.begin("reading \(input)")
        return try ShareLog.read(input, options: source.reading.loaderOptions(), object: object)
    }
}

extension Dataset.Format: ExpressibleByArgument {}
extension EdgeListDirection: ExpressibleByArgument {}

/// Export's input: as ``InputOptions``, with `--until` ending a store's time slice because
/// export's `--to` names the format.
struct ExportInputOptions: ParsableArguments {
    @OptionGroup var source: InputSourceOptions

    @Option(help: ArgumentHelp("With a store: read posts before this time (exclusive).", valueName: "TIME"))
    var until: String?

    @Option(help: ArgumentHelp("With a store: read this period (2025-05, 2025-05-01 or 2025): its posts, metrics and relations.", valueName: "LABEL"))
    var period: String?

    /// Loads the dataset, showing progress.
    func load(progress: Progress) throws -> Dataset {
        try source.load(slice: StoreSlice(from: source.from, to: until, period: period), progress: progress)
    }
}

extension StoreSlice {
    /// The slice the options name: `--period`, or `--from`/`--to`, or everything. A value that is
    /// not a period or a time is a usage error (exit code 2, one line), as every malformed option.
    init(from: String?, to: String?, period: String?) throws {
        do {
            if let period {
                guard from == nil && to == nil else { throw ValidationError("--period and --from/--to exclude each other") }
                self = try StoreSlice(period: period)
            } else {
                self = try StoreSlice(fromText: from, toText: to)
            }
        } catch let error as InputError {
            throw ValidationError("\(error)")
        }
    }
}

/// Prints library lines to standard error as `KIND: line` (`warning`, `note`), unless quiet.
func reportLines(_ lines: [String], as kind: String, quiet: Bool) {
    guard !quiet else { return }
    for line in lines { Console.error("\(kind): \(line)") }
}

/// Prints warning counts to standard error, one `warning: N × category` line each, unless quiet.
func reportWarnings(_ diagnostics: Diagnostics, quiet: Bool) {
    guard !quiet else { return }
    for line in diagnostics.lines { Console.error("warning: \(line)") }
}
