import ArgumentParser
import Foundation
import ReachGraph

struct ReachGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reachgraph",
        abstract: "Map amplification networks: who creates, who reposts, how far it travels.",
        discussion: """
            INPUT is a dataset folder (accounts.csv, relations.csv, posts.csv, metrics.csv), a JSON \
            dataset (.json) or a plain edge list (source,target[,weight]). Exit codes: 0 success, \
            1 bad input, 2 usage error.
            """,
        version: reachGraphVersion,
        subcommands: [
            SummaryCommand.self, GenerateCommand.self, RankCommand.self, KeyOpinionLeadersCommand.self, CascadesCommand.self,
            SimulateCommand.self, SeedsCommand.self, CoordinationCommand.self, StructureCommand.self, IndexCommand.self,
            RenderCommand.self, ExportCommand.self, BriefCommand.self, IngestCommand.self, StoreCommand.self, TrendCommand.self,
        ]
    )
}

/// Entry point: maps every failure to a one-line message and the documented exit code.
@main
enum Main {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let command: ParsableCommand
        do {
            command = try ReachGraphCommand.parseAsRoot(arguments)
        } catch {
            let code = ReachGraphCommand.exitCode(for: error)
            if code == .success {
                print(ReachGraphCommand.fullMessage(for: error))
                exit(0)
            }
            Console.error(ReachGraphCommand.fullMessage(for: error))
            exit(2)
        }
        do {
            var command = command
            try command.run()
        } catch let error as InputError {
            Console.error("reachgraph: \(error)")
            exit(1)
        } catch {
            let code = ReachGraphCommand.exitCode(for: error)
            if code == .success {
                print(ReachGraphCommand.fullMessage(for: error))
                exit(0)
            }
            if code == .validationFailure {
                // Thrown once the command runs (a --table that names no table): the root's usage
                // would not be this command's, so the message stands alone.
                Console.error("Error: \(ReachGraphCommand.message(for: error))")
                exit(2)
            }
            Console.error("reachgraph: \(ReachGraphCommand.message(for: error))")
            exit(code.rawValue == 0 ? 1 : code.rawValue)
        }
    }
}
