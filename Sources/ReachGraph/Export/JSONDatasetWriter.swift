/// Writes a dataset as the single JSON object ``DatasetLoader`` reads: arrays `accounts`,
/// `relations`, `posts`, `metrics` of objects keyed by the CSV column names.
///
/// Numbers are JSON numbers (shortest exact form), times ISO 8601 text when whole seconds and
/// exact Unix seconds otherwise, extra columns strings (as read, so they come back unchanged);
/// missing values are left out of the object. `relations` is left out when the relations were
/// derived from posts, so reading the file derives them again, as ``DatasetWriter`` does for folders.
/// One element per line keeps big files diffable and streamable.
public enum JSONDatasetWriter {
    /// The JSON text of `dataset`.
    /// - Complexity: O(size of the dataset).
    public static func text(of dataset: Dataset) -> String {
        var output = "{\n"
        var sections: [(String, [String])] = []
        let accountColumns = extraColumnNames(declared: dataset.accountAttributeColumns, attributes: dataset.accounts.map(\.attributes))
        let postColumns = extraColumnNames(declared: dataset.postAttributeColumns, attributes: dataset.posts.map(\.attributes))
        let metricsColumns = extraColumnNames(declared: dataset.metricsAttributeColumns, attributes: dataset.metrics.map(\.attributes))
        sections.append(("accounts", dataset.accounts.map { account in
            object([
                ("id", .string(account.id)), ("name", account.name.map(AttributeValue.string)), ("kind", .string(account.kind.rawValue)),
                ("platform", account.platform.map(AttributeValue.string)), ("country", account.country.map(AttributeValue.string)),
                ("province", account.province.map(AttributeValue.string)), ("city", account.city.map(AttributeValue.string)),
                ("tier", account.tier.map { .string($0.rawValue) }), ("followers", account.followers.map(AttributeValue.integer)),
                ("parent", account.parent.map(AttributeValue.string)), ("entity", account.entity.map(AttributeValue.string)),
            ] + extras(accountColumns, account.attributes))
        }))
        if !dataset.relationsDerivedFromPosts {
            let relations = dataset.relations
            sections.append(("relations", (0 ..< relations.count).map { row in
                let relation = relations[row]
                let fields = relations.attributeValues.isEmpty ? [] : relations.attributeValues[row]
                let extra = relations.attributeColumns.enumerated().map { index, name -> (String, AttributeValue?) in
                    (name, index < fields.count && !fields[index].isEmpty ? .string(fields[index]) : nil)
                }
                return object([
                    ("source", .string(dataset.accounts[Int(relation.source)].id)), ("target", .string(dataset.accounts[Int(relation.target)].id)),
                    ("relation", .string(relation.type.rawValue)), ("weight", number(relation.weight)),
                    ("first_seen", relation.firstSeen.map(AttributedGraph.timeText)), ("last_seen", relation.lastSeen.map(AttributedGraph.timeText)),
                ] + extra)
            }))
        }
        // Relations derived from posts need the posts key even when it is empty: without either
        // key the loader would reject the file (found by the dataset-folder fuzz target).
        if !dataset.posts.isEmpty || dataset.relationsDerivedFromPosts {
            sections.append(("posts", dataset.posts.map { post in
                object([
                    ("post_id", .string(post.postID)), ("author", .string(post.author)), ("time", AttributedGraph.timeText(post.time)),
                    ("parent_post", post.parentPost.map(AttributeValue.string)), ("root_post", post.rootPost.map(AttributeValue.string)),
                    ("platform", post.platform.map(AttributeValue.string)), ("likes", post.likes.map(AttributeValue.integer)),
                    ("comments", post.comments.map(AttributeValue.integer)), ("shares", post.shares.map(AttributeValue.integer)),
                    ("views", post.views.map(AttributeValue.integer)), ("content_hash", post.contentHash.map(AttributeValue.string)),
                    ("url", post.url.map(AttributeValue.string)), ("parent_author", post.parentAuthor.map(AttributeValue.string)),
                ] + extras(postColumns, post.attributes))
            }))
        }
        if !dataset.metrics.isEmpty {
            sections.append(("metrics", dataset.metrics.map { row in
                object([
                    ("account", .string(row.account)), ("platform", .string(row.platform)), ("period", .string(row.period)),
                    ("posts", row.posts.map(AttributeValue.integer)), ("likes", row.likes.map(AttributeValue.integer)),
                    ("comments", row.comments.map(AttributeValue.integer)), ("shares", row.shares.map(AttributeValue.integer)),
                    ("views", row.views.map(AttributeValue.integer)), ("followers", row.followers.map(AttributeValue.integer)),
                    ("follower_gain", row.followerGain.map(AttributeValue.integer)), ("qualitative", row.qualitative.map(number)),
                ] + extras(metricsColumns, row.attributes))
            }))
        }
        for (index, section) in sections.enumerated() {
            output += "  \(AttributeValue.jsonString(section.0)): [\n"
            output += section.1.map { "    " + $0 }.joined(separator: ",\n")
            output += section.1.isEmpty ? "]" : "\n  ]"
            output += index == sections.count - 1 ? "\n" : ",\n"
        }
        return output + "}\n"
    }

    /// `{"key": value, …}` with missing values left out.
    private static func object(_ fields: [(String, AttributeValue?)]) -> String {
        "{" + fields.compactMap { key, value in value.map { AttributeValue.jsonString(key) + ": " + $0.jsonText } }.joined(separator: ", ") + "}"
    }

    private static func extras(_ columns: [String], _ attributes: [String: String]) -> [(String, AttributeValue?)] {
        columns.map { name in (name, attributes[name].flatMap { $0.isEmpty ? nil : .string($0) }) }
    }

    /// A whole number as an integer literal, others in their shortest exact form.
    private static func number(_ value: Double) -> AttributeValue {
        value.rounded() == value && abs(value) < 1e15 ? .integer(Int(value)) : .double(value)
    }
}
