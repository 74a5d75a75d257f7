import ArgumentParser
import Foundation
import ReachGraph
import ReachGraphviz

extension AttributedGraph.EdgeMode: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the dataset as DOT, GraphML, GEXF, JSON or a CSV dataset folder, every attribute kept.",
        discussion: """
            graphml and gexf declare attribute types (long, double, boolean, string); values missing \
            for an account or relation are left out of that element; columns holding lists are \
            written as JSON text and the file says so. json is the JSON dataset format and csv a \
            dataset folder, both read back by every command. --edges merged writes one edge per \
            ordered pair (weights summed, relation types joined by commas, other differing values as lists) for tools that do not take \
            parallel edges. spark writes a folder of partitioned CSV with schema.json for the \
            program in spark/ (times as Unix seconds, numbers exact; see its README).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case dot
        case graphml
        case gexf
        case json
        case csv
        case spark
    }

    @OptionGroup var input: ExportInputOptions

    @Option(help: "Format: dot, graphml, gexf, json, csv or spark.")
    var to: Format

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The file (or, for csv, the folder) to write; standard output when omitted.", valueName: "PATH"))
    var output: String?

    @Option(help: "Edges for dot, graphml and gexf: rows (one per relation) or merged (one per ordered pair).")
    var edges: AttributedGraph.EdgeMode = .rows

    @Option(help: "spark: rows per CSV part.")
    var rowsPerPart = SparkExportWriter.defaultRowsPerPart

    @Flag(help: "Print no progress or notes on standard error.")
    var quiet = false

    func validate() throws {
        if (to == .csv || to == .spark) && output == nil { throw ValidationError("--to \(to.rawValue) writes a folder: give it with -o DIR") }
        if rowsPerPart < 1 { throw ValidationError("--rows-per-part must be at least 1") }
        if edges == .merged && (to == .json || to == .csv || to == .spark) { throw ValidationError("--edges merged is for dot, graphml and gexf; json, csv and spark keep every relation") }
    }

    func run() throws {
        let progress = Progress(quiet: quiet)
        let dataset = try input.load(progress: progress)
        progress.begin("writing \(to.rawValue)")
        /// Streams what `body` writes to the output file (atomically) or standard output.
        func emit(_ body: (inout ByteWriter) throws -> Void) throws {
            if let output { try AtomicFile.write(to: output, body) } else { try ByteWriter.toStandardOutput(body) }
        }
        switch to {
        case .csv, .spark:
            if to == .csv {
                try DatasetWriter.write(dataset, to: output ?? ".")
            } else {
                try SparkExportWriter.write(dataset, to: output ?? ".", rowsPerPart: rowsPerPart)
            }
        case .json:
            try emit { JSONDatasetWriter.write(dataset, to: &$0) }
        case .dot, .graphml, .gexf:
            let graph = try AttributedGraph(dataset: dataset, edges: edges)
            switch to {
            case .graphml: try emit { GraphMLWriter.write(graph, to: &$0) }
            case .gexf: try emit { GEXFWriter.write(graph, description: "Exported by reachgraph from \((dataset.name as NSString).lastPathComponent)", to: &$0) }
            default: try emit { DOTExport.write(graph, to: &$0) }
            }
            if !quiet { for note in graph.jsonColumnNotes { Console.error("note: \(note)") } }
        }
        progress.finish()
        reportWarnings(dataset.diagnostics, quiet: quiet)
    }
}
