import ArgumentParser
import Foundation
import ReachGraph

extension OutputFormat: ExpressibleByArgument {}

/// Options every analysis command shares.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: table (for people), csv (with a header) or json.")
    var format: OutputFormat = .table

    @Option(name: [.short, .customLong("output")], help: "Write results to this file (atomically) instead of standard output.")
    var output: String?

    @Flag(help: "Print no progress or warnings on standard error.")
    var quiet = false

    /// Prints or writes `tables`.
    func emit(_ tables: [ResultTable]) throws {
        let text = tables.rendered(as: format)
        if let output {
            try AtomicFile.write(text, to: output)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

/// The input every analysis command reads: the one place the CLI turns INPUT and its reading
/// options into data (through ``DatasetLoader``).
struct InputOptions: ParsableArguments {
    @Argument(help: "A dataset folder, a JSON dataset (.json) or an edge list (source,target[,weight]).")
    var input: String

    @Option(help: ArgumentHelp("Read foreign CSV columns under the format's names, e.g. post_id=content_id,author=account_id.", valueName: "FIELD=COLUMN,..."))
    var map: String?

    /// How to read INPUT, from the options above.
    func loaderOptions() throws -> DatasetLoader.Options {
        DatasetLoader.Options(columnAliases: try map.map(DatasetLoader.Options.parseColumnMap) ?? [:])
    }

    /// Loads the dataset, showing progress.
    func load(progress: Progress) throws -> Dataset {
        progress.begin("reading \(input)")
        return try DatasetLoader.load(input, options: loaderOptions())
    }

    /// Reads only the shares (posts keyed by `object`), streaming a posts table.
    func loadShares(object: SharedObjectKey, progress: Progress) throws -> ShareLog {
        progress.begin("reading \(input)")
        return try ShareLog.read(input, options: loaderOptions(), object: object)
    }
}

/// Prints warning counts to standard error, one `warning: N × category` line each, unless quiet.
func reportWarnings(_ diagnostics: Diagnostics, quiet: Bool) {
    guard !quiet else { return }
    for line in diagnostics.lines { Console.error("warning: \(line)") }
}
