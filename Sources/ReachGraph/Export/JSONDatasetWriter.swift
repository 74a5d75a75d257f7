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
        var writer = ByteWriter()
        write(dataset, to: &writer)
        return writer.text
    }

    /// Appends the JSON text of `dataset` to `writer`, straight from the dataset's columns, the
    /// elements of each array formatted on the library's threads (``ByteWriter/appendRows(_:_:)``).
    /// - Complexity: O(size of the dataset).
    public static func write(_ dataset: Dataset, to writer: inout ByteWriter) {
        var sections: [(name: String, count: Int, write: (Int, inout JSONObjectWriter) -> Void)] = []
        let accounts = dataset.accounts
        let accountColumns = extraColumnNames(declared: dataset.accountAttributeColumns, attributes: accounts.map(\.attributes))
        sections.append(("accounts", accounts.count, { index, object in
            let account = accounts[index]
            object.string("id", account.id)
            object.string("name", account.name)
            object.string("kind", account.kind.rawValue)
            object.string("platform", account.platform)
            object.string("country", account.country)
            object.string("province", account.province)
            object.string("city", account.city)
            object.string("tier", account.tier?.rawValue)
            object.integer("followers", account.followers)
            object.string("parent", account.parent)
            object.string("entity", account.entity)
            object.extras(accountColumns, account.attributes)
        }))
        if !dataset.relationsDerivedFromPosts {
            let relations = dataset.relations
            sections.append(("relations", relations.count, { row, object in
                let relation = relations[row]
                let fields = relations.attributeValues.isEmpty ? [] : relations.attributeValues[row]
                object.string("source", accounts[Int(relation.source)].id)
                object.string("target", accounts[Int(relation.target)].id)
                object.string("relation", relation.type.rawValue)
                object.number("weight", relation.weight)
                object.time("first_seen", relation.firstSeen)
                object.time("last_seen", relation.lastSeen)
                for (index, name) in relations.attributeColumns.enumerated() where index < fields.count && !fields[index].isEmpty {
                    object.string(name, fields[index])
                }
            }))
        }
        // Relations derived from posts need the posts key even when it is empty: without either
        // key the loader would reject the file (found by the dataset-folder fuzz target).
        if !dataset.posts.isEmpty || dataset.relationsDerivedFromPosts {
            let posts = dataset.posts
            let strings = posts.strings
            let platforms = posts.platformColumn, hashes = posts.contentHashColumn, urls = posts.urlColumn
            let likes = posts.likesColumn, comments = posts.commentsColumn, shares = posts.sharesColumn, views = posts.viewsColumn
            // The attribute columns some post has a value in, as extraColumnNames finds them in records.
            let present = posts.attributeColumns.filter { posts.attributeColumn($0)?.contains { $0 >= 0 } == true }
            let extra = extraColumnNames(declared: dataset.postAttributeColumns, present: Set(present)).map { (name: $0, values: posts.attributeColumn($0)) }
            // Keys escaped once, each field's key then one copy of bytes: escaping a dozen keys
            // for each of 2.5 million posts cost more than their values.
            let keys = JSONObjectWriter.keys(PostKey.allCases.map(\.name) + extra.map(\.name))
            sections.append(("posts", posts.count, { index, object in
                func field(_ key: Int, _ column: [Int32]?) {
                    guard let string = column?[index], string >= 0 else { return }
                    object.key(keys, key)
                    strings.withUTF8(at: Int(string)) { object.writer.appendJSONString(utf8: $0) }
                }
                func text(_ key: PostKey, _ column: [Int32]?) { field(key.rawValue, column) }
                func count(_ key: PostKey, _ column: [Int]?) {
                    guard let value = column?[index], value != Int.min else { return }
                    object.key(keys, key.rawValue)
                    object.writer.appendInteger(value)
                }
                text(.postID, posts.postIDs)
                text(.author, posts.authors)
                object.key(keys, PostKey.time.rawValue)
                object.writer.appendJSON(AttributedGraph.timeText(posts.times[index]))
                text(.parentPost, posts.parentPosts)
                text(.rootPost, posts.rootPosts)
                text(.platform, platforms)
                count(.likes, likes)
                count(.comments, comments)
                count(.shares, shares)
                count(.views, views)
                text(.contentHash, hashes)
                text(.url, urls)
                text(.parentAuthor, posts.parentAuthors)
                for (offset, column) in extra.enumerated() {
                    guard let string = column.values?[index], string >= 0, strings.withUTF8(at: Int(string), { !$0.isEmpty }) else { continue }
                    field(PostKey.allCases.count + offset, column.values)
                }
            }))
        }
        if !dataset.metrics.isEmpty {
            let metrics = dataset.metrics
            let metricsColumns = extraColumnNames(declared: dataset.metricsAttributeColumns, attributes: metrics.map(\.attributes))
            sections.append(("metrics", metrics.count, { index, object in
                let row = metrics[index]
                object.string("account", row.account)
                object.string("platform", row.platform)
                object.string("period", row.period)
                object.integer("posts", row.posts)
                object.integer("likes", row.likes)
                object.integer("comments", row.comments)
                object.integer("shares", row.shares)
                object.integer("views", row.views)
                object.integer("followers", row.followers)
                object.integer("follower_gain", row.followerGain)
                if let qualitative = row.qualitative { object.number("qualitative", qualitative) }
                object.extras(metricsColumns, row.attributes)
            }))
        }
        // The object writer holds the writer while the sections are written (swapped, not copied).
        var object = JSONObjectWriter()
        swap(&object.writer, &writer)
        object.writer.append("{\n")
        for (index, section) in sections.enumerated() {
            object.writer.append("  ")
            object.writer.appendJSONString(section.name)
            object.writer.append(": [\n")
            object.writer.appendRows(section.count) { elements, piece in
                var elementWriter = JSONObjectWriter()
                swap(&elementWriter.writer, &piece)
                for element in elements {
                    elementWriter.writer.append(element == 0 ? "    " : ",\n    ")
                    elementWriter.begin()
                    section.write(element, &elementWriter)
                    elementWriter.end()
                }
                swap(&elementWriter.writer, &piece)
            }
            object.writer.append(section.count == 0 ? "]" : "\n  ]")
            object.writer.append(index == sections.count - 1 ? "\n" : ",\n")
        }
        object.writer.append("}\n")
        swap(&object.writer, &writer)
    }
}

/// The keys of a post object, in the order they are written.
private enum PostKey: Int, CaseIterable {
    case postID, author, time, parentPost, rootPost, platform, likes, comments, shares, views, contentHash, url, parentAuthor

    var name: String {
        switch self {
        case .postID: "post_id"
        case .author: "author"
        case .time: "time"
        case .parentPost: "parent_post"
        case .rootPost: "root_post"
        case .platform: "platform"
        case .likes: "likes"
        case .comments: "comments"
        case .shares: "shares"
        case .views: "views"
        case .contentHash: "content_hash"
        case .url: "url"
        case .parentAuthor: "parent_author"
        }
    }
}

/// Appends JSON objects, `{"key": value, …}`, with missing values left out.
struct JSONObjectWriter {
    var writer = ByteWriter()
    private var isEmpty = true

    mutating func begin() {
        writer.append(byte: UInt8(ascii: "{"))
        isEmpty = true
    }

    mutating func end() {
        writer.append(byte: UInt8(ascii: "}"))
    }

    /// Keys as ``key(_:_:)`` writes them: `"name": `, each escaped once.
    static func keys(_ names: [String]) -> EscapedTexts {
        EscapedTexts(names) { name, writer in
            writer.appendJSONString(name)
            writer.append(": ")
        }
    }

    /// Starts a field: the separator and key `index` of `keys` (made by ``keys(_:)``).
    @inline(__always)
    mutating func key(_ keys: EscapedTexts, _ index: Int) {
        if !isEmpty {
            writer.append(byte: UInt8(ascii: ","))
            writer.append(byte: UInt8(ascii: " "))
        }
        isEmpty = false
        writer.append(keys, at: index)
    }

    /// Starts a field: the separator and the key.
    mutating func key(_ name: String) {
        if !isEmpty { writer.append(", ") }
        isEmpty = false
        writer.appendJSONString(name)
        writer.append(": ")
    }

    mutating func string(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        writer.appendJSONString(value)
    }

    mutating func integer(_ name: String, _ value: Int?) {
        guard let value else { return }
        key(name)
        writer.appendInteger(value)
    }

    /// A whole number as an integer literal, others in their shortest exact form (`null` when not finite).
    mutating func number(_ name: String, _ value: Double) {
        key(name)
        if value.rounded() == value && abs(value) < 1e15 { writer.appendInteger(Int(value)) } else { writer.appendJSON(.double(value)) }
    }

    /// A time as ``AttributedGraph`` writes it: ISO 8601 text when whole seconds, exact Unix seconds otherwise.
    mutating func time(_ name: String, _ seconds: Double?) {
        guard let seconds else { return }
        key(name)
        writer.appendJSON(AttributedGraph.timeText(seconds))
    }

    /// Extra columns, as strings (as read, so they come back unchanged); empty ones left out.
    mutating func extras(_ columns: [String], _ attributes: [String: String]) {
        for name in columns {
            if let value = attributes[name], !value.isEmpty { string(name, value) }
        }
    }
}
