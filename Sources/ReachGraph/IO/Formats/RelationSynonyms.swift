/// The words platforms and datasets use for ReachGraph's relation types.
extension RelationType {
    /// Synonyms by lower-cased name: what X, Facebook and Telegram call a repost, and SNAP's
    /// Higgs interaction codes.
    static let synonyms: [String: RelationType] = [
        "retweet": .repost, "rt": .repost, "share": .repost, "reshare": .repost, "forward": .repost,
        "mt": .mention, "re": .reply, "qt": .quote,
    ]

    /// The relation `name` stands for: a type's own name or a synonym, in any case.
    init?(name: String) {
        let key = name.trimmingSpaces.lowercased()
        guard let type = RelationType(rawValue: key) ?? Self.synonyms[key] else { return nil }
        self = type
    }

    /// The accepted names, for error messages.
    static var acceptedNames: String {
        allCases.map(\.rawValue).joined(separator: ", ") + " (or " + synonyms.keys.sorted().joined(separator: ", ") + ")"
    }
}

extension FieldSource {
    /// A relation type by name or synonym (`retweet`, `share`, `forward` are reposts).
    mutating func relationType(_ column: String) throws -> RelationType? {
        guard let value = try trimmedText(column) else { return nil }
        guard let type = RelationType(name: value) else { throw error(column, "\"\(value)\" is not one of \(RelationType.acceptedNames)") }
        return type
    }
}
