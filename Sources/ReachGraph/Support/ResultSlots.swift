import Foundation

/// One slot per parallel task for results (or the first error), filled under a lock.
///
/// `DispatchQueue.concurrentPerform` closures may not mutate captured arrays under Swift 6; each
/// task writes only its own slot, and the lock makes the writes visible to the caller.
package final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private var firstError: Error?
    private let lock = NSLock()

    package init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    package func store(_ value: Value, at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    package func fail(_ error: Error) {
        lock.lock()
        if firstError == nil { firstError = error }
        lock.unlock()
    }

    /// The stored values in task order (for tasks that cannot fail).
    package var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }

    /// All values in task order; rethrows the first error a task reported.
    package func collect() throws -> [Value] {
        lock.lock()
        defer { lock.unlock() }
        if let firstError { throw firstError }
        return slots.compactMap { $0 }
    }
}
