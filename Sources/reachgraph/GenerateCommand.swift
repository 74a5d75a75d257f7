import ArgumentParser
import ReachGraph
import ReachGraphSample

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic sample dataset shaped like provincial \"1+N\" communication systems.",
        discussion: """
            The data are synthetic: a seeded generator builds a network whose shape follows public \
            reporting (provincial hubs with their municipal centres, county units and media, think \
            tanks, embassies, city accounts on several platforms, overseas influencers, communities). \
            No edge or number is a real observation; the folder's README.md says so. Same seed, same bytes.
            """
    )

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 1

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Folder to write accounts.csv, relations.csv, posts.csv, metrics.csv and README.md into.", valueName: "DIR"))
    var output: String

    @Option(help: "Multiplies communities and posting rates: 1 gives about 31k posts, 32 about 1M.")
    var scale = 1.0

    @Option(help: "Months of activity, starting March 2025.")
    var months = 3

    @Flag(help: "Print nothing on standard error.")
    var quiet = false

    func validate() throws {
        guard scale > 0, scale <= 1000 else { throw ValidationError("--scale must be above 0 and at most 1000") }
        guard (1 ... 1200).contains(months) else { throw ValidationError("--months must be between 1 and 1200") }
    }

    func run() throws {
        var configuration = SyntheticDatasetGenerator.Configuration()
        configuration.seed = seed
        configuration.scale = scale
        configuration.months = months
        let progress = Progress(quiet: quiet)
        progress.begin("generating")
        let dataset = try SyntheticDatasetGenerator(configuration: configuration).write(to: output)
        progress.finish()
        if !quiet {
            Console.error("wrote \(output): \(dataset.accounts.count) accounts, \(dataset.relations.count) relations, \(dataset.posts.count) posts, \(dataset.metrics.count) metrics rows (synthetic)")
        }
    }
}
