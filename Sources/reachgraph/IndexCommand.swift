import ArgumentParser
import ReachGraph

extension IndexGrouping: ExpressibleByArgument {}

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Rank accounts, cities or entities by the communication power index: creation (G), interaction (I) and utilisation (U) per platform, weighted, with change vs the previous period.",
        discussion: """
            Reads metrics.csv (account × platform × period) of a dataset folder, a JSON dataset, \
            or a folder with only metrics.csv and accounts.csv. Weights, indicator options \
            (log1p, per-post rates, min-max or z-score), the quantitative/qualitative split and \
            the minimum accounts per platform come from --weights FILE (JSON; default: \
            graphs/weights/default-index-weights.json, built in). Ranks are competition ranks: \
            ties share a rank shown as 2= and the next rank skips (1, 2=, 2=, 4). --top N keeps \
            ranks up to N, so ties at the cut are all kept. Method: docs/communication-power-index.md.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "A weights file (JSON). Default: the built-in default weights.")
    var weights: String?

    @Option(help: "Grouping, not a measure: rank accounts, cities aggregating their accounts (needs the city column of accounts.csv), or entities aggregating their accounts (the entity column; an account without one stands for itself).")
    var by: IndexGrouping = .account

    @Option(help: "Keep the units ranked N or better in every table.")
    var top: Int?

    @Option(help: "Show only this platform's ranking (facebook, x, instagram, youtube, tiktok).")
    var platform: String?

    @Option(help: "Override the weights file's min_accounts_per_platform.")
    var minAccounts: Int?

    @Option(help: ArgumentHelp("Also write an SVG bar chart of the TOP-N (default 10) composite, or of --platform.", valueName: "FILE"))
    var chart: String?

    @Option(help: ArgumentHelp("Also write the tidy table of every period, level and platform (CSV) for notebooks.", valueName: "FILE"))
    var tidy: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        if let minAccounts, minAccounts < 1 { throw ValidationError("--min-accounts must be at least 1") }
        if let platform, !IndexWeights.knownPlatforms.contains(platform.lowercased()) {
            throw ValidationError("--platform must be one of \(IndexWeights.knownPlatforms.joined(separator: ", "))")
        }
    }

    func run() throws {
        let progress = Progress(quiet: output.quiet)
        let dataset = try input.load(progress: progress, sliceByPeriod: false)
        progress.finish()
        reportWarnings(dataset.diagnostics, quiet: output.quiet)
        guard !dataset.metrics.isEmpty else {
            throw InputError(file: input.input, message: "no metrics rows: the index needs metrics.csv (account, platform, period, posts, …)")
        }
        if by == .city && !dataset.accounts.contains(where: { $0.city != nil }) {
            throw InputError(file: input.input, message: "--by city needs accounts with a city (the city column of accounts.csv)")
        }
        if by == .entity && !dataset.hasEntities {
            throw InputError(file: input.input, message: "--by entity needs accounts with an entity (the entity column of accounts.csv)")
        }
        var indexWeights = try weights.map(IndexWeights.load(contentsOf:)) ?? .default
        if let minAccounts { indexWeights.minimumAccountsPerPlatform = minAccounts }
        if let platform, indexWeights.platform(named: platform) == nil {
            throw InputError(file: "--platform", message: "\(platform.lowercased()) has no weights in \(weights ?? "the default weights")")
        }
        let index = CommunicationPowerIndex(dataset: dataset, weights: indexWeights)
        let report = try index.report(period: input.period, by: by)
        if !output.quiet {
            for note in report.notes { Console.error("note: \(note)") }
        }
        try output.emit(report.tables(top: top, platform: platform))
        if let chart {
            let notice = dataset.isSynthetic ? Dataset.syntheticNotice : nil
            try AtomicFile.write(report.barChart(top: top ?? 10, platform: platform, caption: notice).svg(), to: chart)
        }
        if let tidy { try AtomicFile.write(try index.tidyTable(), to: tidy) }
    }
}
