import Foundation

/// Terminal output: results to standard output, messages and progress to standard error.
enum Console {
    /// Writes one line to standard error.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
    }

    /// Whether standard error is a terminal (progress is shown only then).
    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }
}

/// Shows what a long step is doing, on standard error, once it has taken over a second.
///
/// Silent when standard error is not a terminal or `--quiet` is given, so logs and pipes stay
/// clean.
final class Progress: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var stage = ""
    private var stageStart = Date()
    private var shown = false
    private var timer: DispatchSourceTimer?

    init(quiet: Bool) {
        enabled = !quiet && Console.standardErrorIsTerminal
        guard enabled else { return }
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global())
        timer.schedule(deadline: .now() + 1, repeating: 0.5)
        timer.setEventHandler { [weak self] in self?.tick() }
        timer.resume()
        self.timer = timer
    }

    /// Starts a named step.
    func begin(_ name: String) {
        guard enabled else { return }
        lock.lock()
        stage = name
        stageStart = Date()
        lock.unlock()
    }

    /// Clears the progress line; call before printing results.
    func finish() {
        guard enabled else { return }
        timer?.cancel()
        timer = nil
        lock.lock()
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
        lock.unlock()
    }

    private func tick() {
        lock.lock()
        defer { lock.unlock() }
        let elapsed = Date().timeIntervalSince(stageStart)
        guard elapsed >= 1, !stage.isEmpty else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(stage)… \(String(format: "%.1f", elapsed)) s".utf8))
        shown = true
    }
}
