/// A record whose fields are read by column name: a CSV row or a JSON object.
///
/// The typed accessors live here once, so every format validates values the same way and
/// reports them in the same words.
protocol FieldSource {
    /// The text of `column`, or `nil` when the column is absent or the field empty.
    mutating func text(_ column: String) throws -> String?
    /// An error located at `column` of this record.
    func error(_ column: String, _ message: String) -> InputError
    /// Names of the fields the format does not define, in file order.
    var extraColumnNames: [String] { get }
}

extension FieldSource {
    /// The trimmed text of a required column; throws when it is missing or empty.
    mutating func requiredText(_ column: String) throws -> String {
        guard let value = try text(column)?.trimmingSpaces, !value.isEmpty else { throw error(column, "is empty but required") }
        return value
    }

    /// Text with spaces trimmed; `nil` when empty.
    mutating func trimmedText(_ column: String) throws -> String? {
        guard let value = try text(column)?.trimmingSpaces, !value.isEmpty else { return nil }
        return value
    }

    mutating func double(_ column: String) throws -> Double? {
        guard var value = try trimmedText(column) else { return nil }
        if let number = value.withUTF8(FieldParsing.double) { return number }
        throw error(column, "\"\(value)\" is not a number")
    }

    /// A number that must be zero or more.
    mutating func nonNegativeDouble(_ column: String) throws -> Double? {
        guard let value = try double(column) else { return nil }
        guard value >= 0 else { throw error(column, "\(value) is negative; expected 0 or more") }
        return value
    }

    /// A relation weight: zero or more and at most ``FieldParsing/maximumWeight``.
    mutating func weight(_ column: String) throws -> Double? {
        guard let value = try nonNegativeDouble(column) else { return nil }
        guard value <= FieldParsing.maximumWeight else { throw error(column, FieldParsing.weightTooLarge(value)) }
        return value
    }

    mutating func integer(_ column: String) throws -> Int? {
        guard var value = try trimmedText(column) else { return nil }
        if let number = value.withUTF8(FieldParsing.integer) { return number }
        throw error(column, "\"\(value)\" is not a whole number")
    }

    /// A count: a whole number, zero or more.
    mutating func count(_ column: String) throws -> Int? {
        guard let value = try integer(column) else { return nil }
        guard value >= 0 else { throw error(column, "\(value) is negative; expected a count") }
        return value
    }

    /// A metrics period label: `2025`, `2025-05`, `2025-Q2`, `2025-H1`, `2025-W07` or `2025-05-01`,
    /// forms whose text order is their time order (the index compares each period with the one
    /// before it in that order).
    mutating func period(_ column: String) throws -> String {
        let value = try requiredText(column)
        guard FieldParsing.isPeriodLabel(value) else {
            throw error(column, "\"\(value)\" is not a period (expected 2025, 2025-05, 2025-Q2, 2025-H1, 2025-W07 or 2025-05-01)")
        }
        return value
    }

    /// A value of a string enumeration, case-insensitive; throws listing the allowed values.
    mutating func enumeration<Value: RawRepresentable & CaseIterable>(_ column: String, as type: Value.Type) throws -> Value? where Value.RawValue == String {
        guard let value = try trimmedText(column) else { return nil }
        if let parsed = Value(rawValue: value.lowercased()) { return parsed }
        let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
        throw error(column, "\"\(value)\" is not one of \(allowed)")
    }

    mutating func requiredEnumeration<Value: RawRepresentable & CaseIterable>(_ column: String, as type: Value.Type) throws -> Value where Value.RawValue == String {
        guard let value = try enumeration(column, as: type) else { throw error(column, "is empty but required") }
        return value
    }

    /// The non-empty values of the fields the format does not define.
    mutating func attributes() throws -> [String: String] {
        var result: [String: String] = [:]
        for name in extraColumnNames {
            if let value = try text(name) { result[name] = value }
        }
        return result
    }
}
