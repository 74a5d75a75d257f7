import Foundation
import CGraphviz

/// Collects what Graphviz reports through `agerr` while one call runs, instead of letting it go
/// to standard error.
///
/// cgraph hands every message to the function installed with `agseterrf`, in pieces (`"Error"`,
/// `": "`, the text). A C function pointer cannot capture context, so the pieces go to one
/// process-wide buffer; that is safe because the buffer is touched only while
/// ``GraphvizLibrary/withLock(_:)`` is held (by ``capture(_:)`` and by Graphviz inside it).
enum GraphvizMessages {
    /// The reports of one capture.
    struct Report: Sendable {
        var errors: [String] = []
        var warnings: [String] = []

        /// All messages, errors first, as one line.
        var summary: String {
            let all = errors + warnings
            return all.isEmpty ? "no message from Graphviz" : all.joined(separator: "; ")
        }
    }

    /// Storage for the callback. `@unchecked Sendable`: only used under the Graphviz lock.
    private final class Buffer: @unchecked Sendable {
        var text = ""
    }

    private static let buffer = Buffer()

    /// Runs `body` (already inside the Graphviz lock) with messages captured, and returns its
    /// result with the messages it caused. The previous handler and level are restored after.
    static func capture<Result>(_ body: () throws -> Result) rethrows -> (Result, Report) {
        buffer.text = ""
        let previousHandler = agseterrf { piece in
            if let piece { GraphvizMessages.buffer.text += String(cString: piece) }
            return 0
        }
        let previousLevel = agseterr(AGWARN)
        _ = agreseterrors()
        defer {
            _ = agseterrf(previousHandler)
            _ = agseterr(previousLevel)
            buffer.text = ""
        }
        let result = try body()
        return (result, parse(buffer.text))
    }

    /// Messages so far in the current capture (for errors thrown inside `body`).
    static var current: Report { parse(buffer.text) }

    /// Splits the collected text into messages; a line that does not start a new message
    /// continues the one before (Graphviz reports some errors over several lines).
    static func parse(_ text: String) -> Report {
        var report = Report()
        var lastWasError = true
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            if line.hasPrefix("Error: ") {
                report.errors.append(String(line.dropFirst(7)))
                lastWasError = true
            } else if line.hasPrefix("Warning: ") {
                report.warnings.append(String(line.dropFirst(9)))
                lastWasError = false
            } else if lastWasError, let last = report.errors.popLast() {
                report.errors.append(last + " " + line)
            } else if !lastWasError, let last = report.warnings.popLast() {
                report.warnings.append(last + " " + line)
            } else {
                report.errors.append(line)
            }
        }
        return report
    }
}
