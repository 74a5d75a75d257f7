/// A figure request that cannot be drawn (an unknown account, scores that do not fit the graph).
public struct FigureError: Error, CustomStringConvertible, Sendable, Equatable {
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
