import Foundation

/// Reading JSON exports: whole documents or JSON lines, with errors that name the line, and
/// ids that survive being written as bare numbers.
enum JSONExport {
    /// Calls `body` with each non-blank line's value. A line that is not JSON (a truncated last
    /// line, say) stops with `file:line`.
    static func forEachLine(_ path: String, _ body: (Any, Int) throws -> Void) throws {
        let reader = LineReader(path: path)
        try reader.forEachLine { bytes, line in
            guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
            let value: Any
            do {
                value = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            } catch {
                throw InputError(file: reader.fileName, line: line, message: "not valid JSON (a truncated or partly written line?): \(detail(error))")
            }
            try body(value, line)
        }
    }

    /// The value of a whole JSON file.
    static func document(_ path: String) throws -> Any {
        let file = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else { throw InputError(file: file, message: "cannot read the file") }
        do {
            return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw InputError(file: file, message: "not valid JSON: \(detail(error))")
        }
    }

    private static func detail(_ error: Error) -> String {
        (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
    }

    /// Whether the file holds one JSON value per line (its first line parses on its own).
    static func isJSONLines(_ path: String) throws -> Bool {
        guard let first = FormatDetection.firstLine(path) else { return false }
        return (try? JSONSerialization.jsonObject(with: Data(first), options: [.fragmentsAllowed])) != nil
    }

    /// An id as text: a string as it is, a whole number without a fraction (`749891673.0` is
    /// `749891673`). Integers above 2^53 keep their digits only when the parser kept them as
    /// integers, so adapters read the string twins (`id_str`) wherever the format has them.
    static func id(_ value: Any?) -> String? {
        switch value {
        case let text as String:
            let trimmed = text.trimmingSpaces
            return trimmed.isEmpty ? nil : trimmed
        case let number as NSNumber:
            let double = number.doubleValue
            if double.isFinite, double.rounded() == double, abs(double) < 9e15 { return String(Int64(double)) }
            return number.stringValue
        default:
            return nil
        }
    }

    static func string(_ value: Any?) -> String? {
        guard let text = value as? String, !text.isEmpty else { return nil }
        return text
    }

    static func count(_ value: Any?) -> Int? {
        guard let double = number(value), double >= 0, double < 9e15, double.rounded() == double else { return nil }
        return Int(double)
    }

    /// A number, or a string holding one (`timestamp_ms` is a string in v1.1).
    static func number(_ value: Any?) -> Double? {
        var text: String
        switch value {
        case let number as NSNumber: return number.doubleValue
        case let string as String: text = string
        default: return nil
        }
        return text.withUTF8 { FieldParsing.double($0) }
    }
}
