import ArgumentParser
import ReachGraph

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Accounts by kind, tier, province and platform; relations by type; components, density, reciprocity; warnings."
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let progress = Progress(quiet: output.quiet)
        let dataset = try input.load(progress: progress)
        progress.begin("summarising")
        let summary = DatasetSummary(of: consume dataset)
        progress.finish()
        try output.emit(summary.tables)
    }
}
