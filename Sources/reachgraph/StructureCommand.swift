import ArgumentParser
import ReachGraph

struct StructureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "structure",
        abstract: "1+N structure scorecard: coverage, lag, synchronisation, route fidelity, shape conformance and external amplification per province.",
        discussion: """
            The roster is accounts.csv (province, tier, parent): per province, the hub is the root of the declared \
            tree, spokes its children, units the rest. Without a roster, or when it declares no parents, hub-and-spoke groups are detected in the \
            reposts (a hub whose followers repost its originals within --window and barely repost each other) \
            and scored the same way. Tables: structure_scorecard, structure_spokes, structure_ties (declared and \
            observed ties, for a 1+N figure), structure_synchronisation, structure_bridges.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Analyse only this province (or detected group).")
    var province: String?

    @Option(help: ArgumentHelp("Time after a hub post within which a spoke's repost counts (coverage, lag): \(durationSyntax) (default: 72h).", valueName: "DURATION"), transform: duration)
    var window = TimeSpan(seconds: 72 * 3600)

    @Option(help: ArgumentHelp("Time within which two spokes' reposts of a hub post are synchronised (τ): \(durationSyntax) (default: 1h).", valueName: "DURATION"), transform: duration)
    var syncWindow = TimeSpan(seconds: 3600)

    @Option(help: "Time shuffles for the synchronisation baseline (0: none).")
    var shuffles = 100

    @Option(help: "Seed for the shuffles.")
    var seed: UInt64 = 1

    @Option(help: "k in \"hub posts reposted by at least k spokes\" (default: a majority).")
    var minSpokes: Int?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if window.seconds <= 0 { throw ValidationError("--window must be longer than 0") }
        if shuffles < 0 { throw ValidationError("--shuffles must be 0 or more") }
        if let minSpokes, minSpokes < 1 { throw ValidationError("--min-spokes must be at least 1") }
    }

    func run() throws {
        let progress = Progress(quiet: output.quiet)
        let dataset = try input.load(progress: progress)
        progress.begin("scoring structures")
        let options = StructureOptions(
            responseWindow: window.seconds, synchronisationWindow: syncWindow.seconds, shuffles: shuffles, seed: seed,
            minimumSpokes: minSpokes, province: province
        )
        let analysis = StructureAnalysis(dataset: dataset, options: options)
        progress.finish()
        reportWarnings(dataset.diagnostics, quiet: output.quiet)
        reportWarnings(analysis.diagnostics, quiet: output.quiet)
        if !output.quiet {
            // Windows here are hours long; a bare "72" is read as seconds, which counts almost no repost.
            if window.seconds < 3600 {
                Console.error("warning: --window is \(formatNumber(window.seconds)) s (a bare number is seconds; the default is 72h): a spoke's repost later than that after the hub's post is not counted")
            }
            if analysis.scorecards.isEmpty && analysis.leftOut.isEmpty {
                Console.error(province.map { "note: no structure named \"\($0)\"" } ?? "note: no declared structure and no hub-and-spoke group found")
            }
        }
        try output.emit([
            analysis.scorecardTable(dataset: dataset), analysis.spokeTable(dataset: dataset), analysis.tieTable(dataset: dataset),
            analysis.synchronisationTable(), analysis.bridgeTable(dataset: dataset),
        ])
    }
}
