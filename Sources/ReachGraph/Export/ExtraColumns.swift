/// The extra (format-undefined) columns of a table as exports write them: the columns the reader
/// declared, in file order, then any other attribute keys the records hold, sorted.
///
/// Readers that do not declare their columns (the JSON reader keeps each record's attributes but
/// no column list) would otherwise lose them on export.
/// - Complexity: O(total number of attributes).
func extraColumnNames(declared: [String], attributes: [[String: String]]) -> [String] {
    var present = Set<String>()
    for record in attributes { present.formUnion(record.keys) }
    return extraColumnNames(declared: declared, present: present)
}

/// ``extraColumnNames(declared:attributes:)`` given every attribute key some record holds.
func extraColumnNames(declared: [String], present: Set<String>) -> [String] {
    declared + present.subtracting(declared).sorted()
}
