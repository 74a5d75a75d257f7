/// An export that cannot be written as asked (a column that does not fit the graph).
public struct ExportError: Error, CustomStringConvertible, Sendable, Equatable {
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
