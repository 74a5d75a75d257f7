import ArgumentParser
import Foundation
import ReachGraph
import ReachGraphCore
import ReachGraphStore
import ReachGraphviz

struct BriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "Write a briefing: one self-contained index.html, the same as brief.md with figures beside it, and the CSV table behind every section.",
        discussion: """
            Sections: dataset, the network, key opinion leaders, cascades, coordination, 1+N structure, \
            who to reach, communication power index — each when the data supports it. Figures are \
            rendered in-process with Graphviz (SVG inlined in the page; PNG for the Markdown). A \
            dataset whose README says it is synthetic (or a store holding one) is marked so on the \
            page and in every caption. On a store with several months, sections add a paragraph on \
            the change since the month before (--period, else the latest month): largest risers and \
            fallers, new and vanished accounts.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(name: [.short, .customLong("output")], help: "Folder to write index.html, brief.md, figures/ and tables/ into.")
    var output: String

    @Option(help: "Rows in each top-N table.")
    var top = 15

    @Option(help: "Seed of every random step.")
    var seed: UInt64 = 1

    @Option(help: "Bootstrap replicates for the key-opinion-leader ranking (0: off); left out with a note when they would take over \(String(format: "%g", BriefingBuilder.Options().bootstrapBudget)) s of one thread.")
    var bootstrap = 100

    @Option(help: ArgumentHelp("Co-action window of the coordination section: \(durationSyntax) (default: 10m).", valueName: "DURATION"), transform: duration)
    var window = TimeSpan(seconds: 600)

    @Option(help: ArgumentHelp("Communication power index weights (JSON), e.g. graphs/weights/city-index-weights.json. Default: the built-in default weights.", valueName: "FILE"))
    var weights: String?

    @Option(help: "Grouping, not a measure: the index's units, account, city or entity. Default: city when accounts name their city, else account.")
    var by: IndexGrouping?

    @Option(help: ArgumentHelp("Write the briefing from the Spark program's tables in DIR (spark/README.md); INPUT is then the `export --to spark` folder, of which only the accounts and the ties among the drawn ones are read. Sections that need the whole dataset in memory are listed as skipped.", valueName: "DIR"))
    var scores: String?

    @Flag(help: "Mark the briefing as synthetic data even if the dataset does not say so.")
    var synthetic = false

    @Flag(help: "Skip PNG files (the Markdown then links the SVG files).")
    var noPng = false

    @Option(name: .customLong("color-by"), help: ArgumentHelp("Fill colour of the overview figure: province, kind, community (Louvain, --seed) or an account column, with a legend (default: province).", valueName: "WHAT"))
    var colorBy: String?

    @Flag(help: "Print the time the briefing was made on the page (SOURCE_DATE_EPOCH, when set, is that time). Without it and without SOURCE_DATE_EPOCH, the page shows no time: the same input and seed give the same bytes.")
    var timestamp = false

    @Flag(help: "Print no progress or warnings on standard error.")
    var quiet = false

    func validate() throws {
        guard top >= 1 else { throw ValidationError("--top must be at least 1") }
        guard bootstrap >= 0 else { throw ValidationError("--bootstrap must be 0 or more") }
        guard window.seconds > 0 else { throw ValidationError("--window must be above 0") }
    }

    /// The time shown on the page: SOURCE_DATE_EPOCH (reproducible-builds.org) when set, now
    /// with --timestamp, else none.
    private func generatedAt() throws -> Date? {
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], !epoch.isEmpty {
            guard let seconds = Int64(epoch) else { throw ValidationError("SOURCE_DATE_EPOCH must be whole Unix seconds, not \"\(epoch)\"") }
            return Date(timeIntervalSince1970: Double(seconds))
        }
        return timestamp ? Date() : nil
    }

    func run() throws {
        let progress = Progress(quiet: quiet)
        if let scores { return try write(fromSparkTables: scores, progress: progress) }
        // --period is the index period; on a store it also chooses the slice.
        let dataset = try input.load(progress: progress, sliceByPeriod: DatasetStore.isStore(input.input))
        reportWarnings(dataset.diagnostics, quiet: quiet)
        var options = BriefingBuilder.Options()
        options.top = top
        options.seed = seed
        options.bootstrapReplicates = bootstrap
        options.coordinationWindow = window.seconds
        options.png = !noPng
        options.overviewColoring = colorBy.map { NodeColoring($0, seed: seed) }
        if synthetic { options.isSynthetic = true }
        options.indexWeights = try weights.map(IndexWeights.load(contentsOf:))
        options.indexGrouping = by
        options.indexPeriod = input.period
        if DatasetStore.isStore(input.input), input.from == nil, input.to == nil,
           let change = try MonthlyChange(
               store: DatasetStore(path: input.input, create: false), month: input.period, top: top, coordinationWindow: window.seconds,
               onStep: { progress.begin($0) }
           ) {
            options.changeSinceLastPeriod = change.paragraphs
        }
        var builder = BriefingBuilder(dataset: dataset, options: options)
        builder.onStep = { step in progress.begin(step) }
        let document = builder.build()
        try write(document, progress: progress)
    }

    private func write(fromSparkTables scores: String, progress: Progress) throws {
        var options = BriefingBuilder.Options()
        options.top = top
        options.png = !noPng
        options.isSynthetic = synthetic
        var builder = SparkBriefingBuilder(export: input.input, output: scores, options: options)
        builder.onStep = { step in progress.begin(step) }
        try write(try builder.build(), progress: progress)
    }

    private func write(_ built: BriefingDocument, progress: Progress) throws {
        var document = built
        document.generatedAt = try generatedAt()
        progress.begin("writing \(output)")
        try document.write(to: output)
        progress.finish()
        if !quiet {
            Console.error("wrote \((output as NSString).appendingPathComponent("index.html")) and brief.md: \(document.sections.count) sections, \(document.sections.flatMap(\.figures).count) figures")
            for line in document.degradations { Console.error("trimmed or skipped: \(line)") }
        }
        // The result, on standard output whatever --quiet says (it silences standard error).
        if !document.keyFindings.isEmpty {
            print("Key findings")
            for (section, finding) in document.keyFindings { print("- \(section): \(finding)") }
        }
    }
}
