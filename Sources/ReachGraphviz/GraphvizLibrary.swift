import CGraphviz
import Foundation

/// The one gate to the Graphviz C library.
///
/// cgraph(3) says "The library is not thread safe"; concurrent renders crashed here even with a
/// separate context each (shared/notes/graphviz.md). Every call into Graphviz therefore runs
/// inside ``withLock(_:)``, and no C pointer leaves it.
public enum GraphvizLibrary {
    private static let lock = NSLock()

    /// Runs `body` while holding the process-wide Graphviz lock.
    public static func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// The version of the linked Graphviz library, such as `2.42.2`.
    public static var version: String {
        withLock {
            guard let context = gvContext() else { return "unknown" }
            defer { gvFreeContext(context) }
            guard let text = gvcVersion(context) else { return "unknown" }
            return String(cString: text)
        }
    }

    /// Parses DOT text with cgraph and returns its node and edge counts; throws with Graphviz's
    /// complaint when the text does not parse.
    public static func parseCounts(dot: String) throws -> (nodes: Int, edges: Int) {
        try withLock {
            let graph = dot.withCString { text in agmemread(text) }
            guard let graph else {
                throw GraphvizError(message: "Graphviz could not parse the DOT text: \(lastErrorMessage())")
            }
            defer { agclose(graph) }
            return (Int(agnnodes(graph)), Int(agnedges(graph)))
        }
    }

    private static func lastErrorMessage() -> String {
        guard let message = aglasterr() else { return "no message" }
        return String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// An error reported by Graphviz.
public struct GraphvizError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
