import ArgumentParser
import Foundation
import ReachGraph
import ReachGraphStore

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Add inputs to a store (one SQLite file), keeping what it already holds.",
        discussion: """
            Every input is read and checked before anything is written; each is then one transaction. \
            Keys make ingesting idempotent: posts by (platform, post id), accounts by (platform, account \
            id), metrics by (account, platform, period); the same file twice under one --period changes \
            nothing and says so, and an input with relations under another (or none), or under the same period read \
            another way (--edge-direction, --map of source/target/relation, --input-format), is refused unless --again (its relations \
            would count twice, or be stored again read the other way; nothing is kept, though one input is refused only once its rows were inserted and rolled back); an overlapping export adds only its new rows, changed account attributes are kept \
            as a new version for --period, and a changed metrics row as a new version (read back as the latest). \
            An input whose README says it is synthetic marks the store synthetic. Every ingest is recorded with its source, SHA-256, time, counts and \
            warnings (reachgraph store info STORE). Tables: docs/store.md.
            """
    )

    @Argument(help: "Dataset folders, JSON datasets, edge lists or posts tables, as every command reads them.")
    var inputs: [String]

    @Option(help: ArgumentHelp("The store file (created when missing).", valueName: "STORE.sqlite"))
    var into: String

    @Option(help: ArgumentHelp("The collection's period (2025-05, 2025-05-01 or 2025), as slices name it; account changes are kept as history per period.", valueName: "LABEL"))
    var period: String?

    @Option(help: "The platform of accounts and posts that name none (facebook, x, …).")
    var platform: String?

    @Flag(help: "Store an input the store already holds under another period (or none), or read another way, anyway: its relations are then stored in both.")
    var again = false

    @OptionGroup var reading: ReadingOptions

    @OptionGroup var threads: ThreadOptions

    @Flag(help: "Print no progress or warnings on standard error.")
    var quiet = false

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one INPUT") }
        if inputs.contains(into) { throw ValidationError("the store cannot ingest itself") }
    }

    func run() throws {
        // Checked as every command's --period is, before any input is read.
        if let period { _ = try StoreSlice(from: String?.none, to: nil, period: period) }
        let progress = Progress(quiet: quiet)
        let options = try reading.loaderOptions()
        // Each input is hashed once it is read, beside the reading of the next and the inserts.
        let hashing = DispatchQueue(label: "ingest.sha256")
        var read: [(path: String, dataset: Dataset)] = []
        var digests: [InputDigest] = []
        for path in inputs {
            if DatasetStore.isStore(path) { throw InputError(file: path, message: "is a store; ingest reads datasets") }
            progress.begin("reading \(path)")
            do {
                read.append((path, try DatasetLoader.load(path, options: options)))
            } catch let error as InputError where inputs.count > 1 {
                throw error.located(in: path)
            }
            digests.append(InputDigest(of: path, on: hashing))
        }
        try DatasetStore.write(into: into) { store in
            // Refused before anything is written, as a bad input is; one input is checked at the
            // end of its own transaction, which is then rolled back, so its hashing can go on
            // beside the inserts.
            if !again && read.count > 1 {
                for ((path, dataset), digest) in zip(read, digests) {
                    try store.checkNotHeldOtherwise(dataset, sha256: try digest.value(), source: path, period: period ?? "")
                }
            }
            for ((path, dataset), digest) in zip(read, digests) {
                progress.begin("ingesting \(path)")
                let report = try store.ingest(dataset, source: path, digest: digest, period: period ?? "", platform: platform, again: again)
                progress.finish()
                reportWarnings(dataset.diagnostics, quiet: quiet)
                print(IngestSummary.line(report, store: into))
            }
        }
    }
}

/// The line `ingest` prints per input.
enum IngestSummary {
    static func line(_ report: IngestReport, store: String) -> String {
        guard let id = report.ingestID else {
            return "nothing new: \(store) already holds every row of \(report.source) (sha256 \(report.sha256.prefix(12))…); nothing written"
        }
        var parts = [
            "\(report.postsAdded) of \(report.postsRead) posts",
            "\(report.accountsAdded) of \(report.accountsRead) accounts (\(report.accountsChanged) changed)",
            report.relationsDerived ? "relations derived from posts" : "\(report.relationsAdded) of \(report.relationsRead) relations",
            "\(report.metricsAdded) of \(report.metricsRead) metrics rows (\(report.metricsChanged) changed)",
        ]
        if !report.warnings.isEmpty { parts.append("\(report.warnings.values.reduce(0, +)) warnings") }
        if report.synthetic { parts.append("synthetic data") }
        return "ingest #\(id) \(report.source) → \(store)\(report.period.isEmpty ? "" : " (period \(report.period))"): new " + parts.joined(separator: ", ")
    }
}

struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Look into a store.",
        subcommands: [StoreInfoCommand.self, StoreCheckCommand.self]
    )
}

struct StoreInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "What a store holds, and every ingest with its source, SHA-256, time, counts and warnings."
    )

    @Argument(help: "The store file.")
    var store: String

    @OptionGroup var output: OutputOptions

    func run() throws {
        try output.emit(try DatasetStore(path: store, create: false).info())
    }
}

struct StoreCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run SQLite's integrity check on a store; prints ok, or the problems and exits 1."
    )

    @Argument(help: "The store file.")
    var store: String

    func run() throws {
        let problems = try DatasetStore(path: store, create: false).integrityCheck()
        guard problems == ["ok"] else {
            throw InputError(file: store, message: "integrity check failed: " + problems.prefix(5).joined(separator: "; "))
        }
        print("ok")
    }
}

extension TrendMeasure: ExpressibleByArgument {}

struct TrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "Follow a measure month by month through a store: a tidy table (period, unit, value, rank, change) and an SVG line chart.",
        discussion: """
            Each month of the store is read as its own slice (--period MONTH) and the measure computed on it: \
            index (composite score per account, per metrics period), pagerank and kol (per account with a tie \
            or a post in the month), coverage and lag (per declared 1+N structure; lag in hours, lower ranks \
            first), reach (potential reach of the cascades each account started). change is the ranks gained \
            since the previous month the store holds (a note names it when months are missing between). The table \
            keeps the units ranked --top or better in some month; the chart draws the top units of the last month that ranks any.
            """
    )

    enum Grouping: String, ExpressibleByArgument, CaseIterable {
        case month
    }

    @Argument(help: "The store file.")
    var store: String

    @Option(help: "What to follow: index, pagerank, kol, coverage, lag or reach.")
    var measure: TrendMeasure

    @Option(help: "Grouping, not a measure: the period step (month); --measure names what is tracked.")
    var by: Grouping = .month

    @Option(help: "Units ranked N or better in some month go in the table; the top N of the last month that ranks any in the chart.")
    var top = 10

    @Option(help: ArgumentHelp("Also write the line chart as SVG.", valueName: "FILE.svg"))
    var chart: String?

    @Option(help: "A weights file for --measure index (JSON). Default: the built-in default weights.")
    var weights: String?

    @Option(help: ArgumentHelp("A line under the chart, such as \"Synthetic sample: no number is a real observation.\"", valueName: "TEXT"))
    var caption: String?

    @OptionGroup var threads: ThreadOptions

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard top >= 1 else { throw ValidationError("--top must be at least 1") }
    }

    func run() throws {
        let progress = Progress(quiet: output.quiet)
        let source = try DatasetStore(path: store, create: false)
        let indexWeights = try weights.map(IndexWeights.load(contentsOf:)) ?? .default
        let trend = try Trend(store: source, measure: measure, weights: indexWeights) { progress.begin($0) }
        progress.finish()
        guard !trend.periods.isEmpty else {
            throw InputError(file: store, message: measure == .index ? "no metrics rows: the index needs metrics" : "the store holds no month to follow: no posts, and no metrics rows or relations ingested with a month --period")
        }
        if !output.quiet {
            if trend.points.isEmpty {
                let months = trend.periods.count == 1 ? "the store's one month" : "any of the store's \(trend.periods.count) months"
                Console.error("note: no \(measure.unit) was ranked in \(months): \(measure.rawValue) needs \(measure.needs)")
            } else if !trend.unrankedPeriods.isEmpty {
                let unranked = trend.unrankedPeriods
                let listed = unranked.prefix(6).joined(separator: ", ") + (unranked.count > 6 ? ", …" : "")
                Console.error("note: \(unranked.count) of \(trend.periods.count) months ranked no \(measure.unit) (\(measure.rawValue) needs \(measure.needs)): \(listed)")
            }
            for gap in trend.gaps { Console.error("note: \(gap)") }
        }
        try output.emit([trend.table(top: top)])
        if let chart {
            let notice = try source.holdsSyntheticData() ? Dataset.syntheticNotice : nil
            let lines = [caption, notice].compactMap { $0 }
            try AtomicFile.write(trend.chart(top: top, caption: lines.isEmpty ? nil : lines.joined(separator: " · ")).svg(), to: chart)
        }
    }
}
