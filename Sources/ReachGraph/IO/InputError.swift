import Foundation

/// A problem in an input file that stops reading, located by file, line and column.
///
/// Its description is the one-line message the CLI prints:
/// `relations.csv:17:9: column "weight": "abc" is not a number`.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's name as the user gave it (or its last path component).
    public var file: String
    /// 1-based line, or `nil` when the problem concerns the whole file.
    public var line: Int?
    /// 1-based character column within the line, or `nil`.
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// The same error with its file named under `input`, the dataset path the user gave, when the
    /// file is that input or one of its files: a run reading several inputs must say which
    /// folder's `accounts.csv` is wrong. Errors about options (`--map`) are left as they are.
    public func located(in input: String) -> InputError {
        guard !file.hasPrefix("-"), file != input, !file.hasPrefix(input.hasSuffix("/") ? input : input + "/") else { return self }
        var located = self
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: input, isDirectory: &isFolder), isFolder.boolValue {
            located.file = (input as NSString).appendingPathComponent(file)
        } else if file == (input as NSString).lastPathComponent {
            located.file = input
        }
        return located
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let line = self.line, line > 0, let column { location += ":\(column)" }
        return "\(location): \(message)"
    }
}

/// Something a reader noticed and handled on purpose, counted by category.
public struct InputWarning: Sendable, Equatable, Codable {
    public var category: String
    public var file: String
    public var line: Int?
    public var message: String

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}

/// The warnings of a load: a count per category and the first few examples of each.
public struct Diagnostics: Sendable, Equatable, Codable {
    /// Examples kept per category; the count is always exact.
    public static let examplesPerCategory = 5

    public private(set) var counts: [String: Int] = [:]
    public private(set) var examples: [InputWarning] = []

    public init() {}

    /// Whether nothing was reported.
    public var isEmpty: Bool { counts.isEmpty }
    /// All warnings reported.
    public var total: Int { counts.values.reduce(0, +) }

    /// Records one warning of `category`.
    public mutating func warn(_ category: String, file: String, line: Int? = nil, _ message: String) {
        let seen = counts[category, default: 0]
        counts[category] = seen + 1
        if seen < Self.examplesPerCategory {
            examples.append(InputWarning(category: category, file: file, line: line, message: message))
        }
    }

    /// Adds `count` warnings of `category` without an example.
    public mutating func count(_ category: String, _ count: Int) {
        guard count > 0 else { return }
        counts[category, default: 0] += count
    }

    /// Categories with their counts, most frequent first, then by name.
    public var sortedCounts: [(category: String, count: Int)] {
        counts.map { ($0.key, $0.value) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    }

    /// One line per category, `"3 × duplicate reposts"`, in ``sortedCounts`` order: what the CLI
    /// prints after `warning: ` and the briefing lists under its warnings.
    public var lines: [String] {
        sortedCounts.map { "\($0.count) × \($0.category)" }
    }

    /// These warnings and `other`'s, counts added per category (examples kept up to the limit).
    public func merging(_ other: Diagnostics) -> Diagnostics {
        var merged = self
        for (category, count) in other.counts { merged.counts[category, default: 0] += count }
        for example in other.examples where merged.examples.filter({ $0.category == example.category }).count < Self.examplesPerCategory {
            merged.examples.append(example)
        }
        return merged
    }
}
