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

/// The input every analysis command reads.
struct InputOptions: ParsableArguments {
    @Argument(help: "A dataset folder, a JSON dataset (.json) or an edge list (source,target[,weight]).")
    var input: String

    @Option(help: ArgumentHelp("Read foreign CSV columns under the format's names, e.g. post_id=content_id,author=account_id.", valueName: "FORMAT=FILE,..."))
    var map: String?

    /// Loads the dataset, showing progress.
    func load(progress: Progress) throws -> Dataset {
        progress.begin("reading \(input)")
        let aliases = try map.map(DatasetLoader.Options.parseColumnMap) ?? [:]
        return try DatasetLoader.load(input, options: DatasetLoader.Options(columnAliases: aliases))
    }
}

/// Prints a dataset's warning counts to standard error unless quiet.
func reportWarnings(_ dataset: Dataset, quiet: Bool) {
    guard !quiet, !dataset.diagnostics.isEmpty else { return }
    for (category, count) in dataset.diagnostics.sortedCounts {
        Console.error("warning: \(count) × \(category)")
    }
}
