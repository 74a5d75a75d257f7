import OrderedCollections
import ReachGraphCore

/// The overview of a dataset that `reachgraph summary` prints: who is in it, how they are tied,
/// how connected the network is, and what the reader had to handle.
public struct DatasetSummary: Sendable {
    public var name: String
    public var format: Dataset.Format
    public var accountCount: Int
    public var accountsByKind: OrderedDictionary<String, Int>
    public var accountsByTier: OrderedDictionary<String, Int>
    public var accountsByProvince: OrderedDictionary<String, Int>
    public var accountsByPlatform: OrderedDictionary<String, Int>
    /// Rows and summed weight per relation type.
    public var relationsByType: OrderedDictionary<String, (rows: Int, weight: Double)>
    public var relationsDerivedFromPosts: Bool
    public var nodeCount: Int
    /// Distinct directed edges after merging parallel relations (collaborations count both ways).
    public var edgeCount: Int
    public var selfLoopCount: Int
    public var weakComponentCount: Int
    public var largestWeakComponent: Int
    public var strongComponentCount: Int
    public var largestStrongComponent: Int
    public var density: Double
    /// `nil` for a graph without edges.
    public var reciprocity: Double?
    public var postCount: Int
    public var repostCount: Int
    public var firstPostTime: Double?
    public var lastPostTime: Double?
    public var metricsRowCount: Int
    public var metricsPeriods: [String]
    public var diagnostics: Diagnostics
    /// How the input was read (format, zone of naive times, edge direction).
    public var readingNotes: [Dataset.ReadingNote]
    /// Posts per language (the `language` content field), most frequent first.
    public var postsByLanguage: OrderedDictionary<String, Int>
    /// The most used hashtags (case-folded) with their post counts, at most ``topHashtagCount``.
    public var topHashtags: OrderedDictionary<String, Int>
    public static let topHashtagCount = 20

    /// Computes the summary of `dataset`.
    ///
    /// Takes the dataset so that a caller done with it (`summary(of: consume dataset)`) lets the
    /// graph's build free the relation columns once they are counted, rather than build beside
    /// them; a caller that keeps its dataset keeps it whole.
    /// - Complexity: O(V + E + posts + metrics).
    public init(of dataset: consuming Dataset) {
        name = dataset.name
        format = dataset.format
        accountCount = dataset.accounts.count
        func tally(_ key: (Account) -> String?) -> OrderedDictionary<String, Int> {
            var counts: [String: Int] = [:]
            for account in dataset.accounts { counts[key(account) ?? "(none)", default: 0] += 1 }
            return Self.sortedByCount(counts)
        }
        accountsByKind = tally { $0.kind.rawValue }
        accountsByTier = tally { $0.tier?.rawValue }
        accountsByProvince = tally(\.province)
        accountsByPlatform = tally(\.platform)
        var byType: OrderedDictionary<String, (rows: Int, weight: Double)> = [:]
        for type in RelationType.allCases { byType[type.rawValue] = (0, 0) }
        // A scope of its own: this reference to the columns must be gone before `takeGraph`,
        // or the build could not free them.
        do {
            let relations = dataset.relations
            for row in 0 ..< relations.count {
                let key = relations.types[row].rawValue
                byType[key, default: (0, 0)].rows += 1
                byType[key, default: (0, 0)].weight += relations.weights[row]
            }
        }
        relationsByType = byType.filter { $0.value.rows > 0 }
        relationsDerivedFromPosts = dataset.relationsDerivedFromPosts

        // Counts and components only: the weights would more than double the graph.
        let graph = dataset.takeGraph(weighted: false)
        nodeCount = graph.nodeCount
        edgeCount = graph.edgeCount
        selfLoopCount = graph.selfLoopCount
        let weak = graph.weaklyConnectedComponents()
        let strong = graph.stronglyConnectedComponents()
        weakComponentCount = weak.count
        largestWeakComponent = weak.largestSize
        strongComponentCount = strong.count
        largestStrongComponent = strong.largestSize
        density = graph.density
        reciprocity = graph.reciprocity

        postCount = dataset.posts.count
        repostCount = dataset.posts.indices.lazy.filter(dataset.posts.isRepost(at:)).count
        firstPostTime = dataset.posts.times.min()
        lastPostTime = dataset.posts.times.max()
        metricsRowCount = dataset.metrics.count
        metricsPeriods = Array(Set(dataset.metrics.map(\.period))).sorted()
        diagnostics = dataset.diagnostics
        readingNotes = dataset.readingNotes
        let posts = dataset.posts
        postsByLanguage = Self.sortedByCount(Self.countValues(posts.attributeColumn(ContentFields.language), in: posts) { [$0] })
        // A post counts once per hashtag, whatever its case or repetitions.
        let hashtags = Self.countHashtags(posts.attributeColumn(ContentFields.hashtags), in: posts)
        topHashtags = OrderedDictionary(uniqueKeysWithValues: Self.sortedByCount(hashtags).prefix(Self.topHashtagCount).map { ($0.key, $0.value) })
    }

    /// How many posts carry each value of an attribute column, `split` making a stored value
    /// its values. Each distinct stored value is split once, so a column of 2.5 million posts
    /// with a few thousand distinct hashtag lists costs a few thousand splits.
    private static func countValues<Values: Sequence<String>>(_ column: [Int32]?, in posts: PostTable, split: (String) -> Values) -> [String: Int] {
        guard let column else { return [:] }
        let perString = carriers(column, in: posts)
        var counts: [String: Int] = [:]
        for (string, carriers) in zip(Int32(0)..., perString) where carriers > 0 {
            for value in split(posts.string(string)) { counts[value, default: 0] += Int(carriers) }
        }
        return counts
    }

    /// How many posts carry each string of `posts` in `column`.
    private static func carriers(_ column: [Int32], in posts: PostTable) -> [Int32] {
        var perString = [Int32](repeating: 0, count: posts.strings.count)
        for value in column where value >= 0 { perString[Int(value)] += 1 }
        return perString
    }

    /// ``countValues(_:in:split:)`` of the hashtag lists (items joined by spaces) split into
    /// case-folded hashtags, each counted once per post. An IO archive's lists are nearly all
    /// distinct (a million in 2.5 million posts), so an ASCII list is split and folded as bytes
    /// and its hashtags numbered in an ``IdentifierTable``: a `Set` of `String`s per list took
    /// a twentieth of `summary`. Other lists take Swift's character and case rules.
    private static func countHashtags(_ column: [Int32]?, in posts: PostTable) -> [String: Int] {
        guard let column else { return [:] }
        let perString = carriers(column, in: posts)
        var hashtags = IdentifierTable()
        var counts: [Int] = []
        var inList: [Int32] = []
        var folded: [UInt8] = []
        func add(_ hashtag: Int32, _ carriers: Int32) {
            // A list has a few hashtags: a linear check finds repeats.
            guard !inList.contains(hashtag) else { return }
            inList.append(hashtag)
            if Int(hashtag) == counts.count { counts.append(0) }
            counts[Int(hashtag)] += Int(carriers)
        }
        for (string, carriers) in zip(Int32(0)..., perString) where carriers > 0 {
            inList.removeAll(keepingCapacity: true)
            let isASCII = posts.strings.withUTF8(at: Int(string)) { bytes -> Bool in
                guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
                var start = 0
                while start < bytes.count {
                    var end = start
                    while end < bytes.count && bytes[end] != 0x20 { end += 1 }
                    if end > start {
                        folded.removeAll(keepingCapacity: true)
                        for byte in bytes[start ..< end] { folded.append(byte &- 0x41 < 26 ? byte + 0x20 : byte) }
                        // ASCII is valid UTF-8.
                        add(folded.withUnsafeBufferPointer { hashtags.intern($0) } ?? -1, carriers)
                    }
                    start = end + 1
                }
                return true
            }
            if !isASCII {
                for hashtag in posts.string(string).split(separator: " ") { add(hashtags.intern(hashtag.lowercased()), carriers) }
            }
        }
        var result: [String: Int] = [:]
        for (index, count) in counts.enumerated() { result[hashtags.identifier(at: index), default: 0] += count }
        return result
    }

    private static func sortedByCount(_ counts: [String: Int]) -> OrderedDictionary<String, Int> {
        OrderedDictionary(uniqueKeysWithValues: counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// The summary as tables, in the order people read them.
    public var tables: [ResultTable] {
        var overview = ResultTable(name: "overview", title: "Dataset \(name) (\(format.rawValue))", columns: ["measure", "value"])
        func add(_ measure: String, _ value: Cell) { overview.rows.append([.text(measure), value]) }
        add("accounts", .integer(accountCount))
        add("relation rows", .integer(relationsByType.values.reduce(0) { $0 + $1.rows }))
        if relationsDerivedFromPosts { add("relations derived from posts", .text("yes")) }
        add("nodes", .integer(nodeCount))
        add("edges (distinct, directed)", .integer(edgeCount))
        add("self-loops", .integer(selfLoopCount))
        add("weakly connected components", .integer(weakComponentCount))
        add("largest weak component", .integer(largestWeakComponent))
        add("strongly connected components", .integer(strongComponentCount))
        add("largest strong component", .integer(largestStrongComponent))
        add("density", .number(density))
        add("reciprocity", reciprocity.map(Cell.number) ?? .missing)
        add("posts", .integer(postCount))
        add("reposts", .integer(repostCount))
        if let firstPostTime, let lastPostTime {
            add("first post", .text(iso8601String(fromUnixSeconds: firstPostTime)))
            add("last post", .text(iso8601String(fromUnixSeconds: lastPostTime)))
        }
        add("metrics rows", .integer(metricsRowCount))
        if !metricsPeriods.isEmpty { add("metrics periods", .text(metricsPeriods.joined(separator: " "))) }
        add("warnings", .integer(diagnostics.total))
        for note in readingNotes { add(note.topic, .text(note.value)) }

        func breakdown(_ name: String, _ title: String, _ key: String, _ counts: OrderedDictionary<String, Int>) -> ResultTable {
            ResultTable(name: name, title: title, columns: [key, "accounts"], rows: counts.map { [.text($0.key), .integer($0.value)] })
        }
        let relationTable = ResultTable(
            name: "relations_by_type", title: "Relations by type", columns: ["relation", "rows", "total_weight"],
            rows: relationsByType.map { [.text($0.key), .integer($0.value.rows), .number($0.value.weight)] }
        )
        let warnings = ResultTable(
            name: "warnings", title: "Warnings (handled on purpose, counted)", columns: ["category", "count"],
            rows: diagnostics.sortedCounts.map { [.text($0.category), .integer($0.count)] }
        )
        var tables = [
            overview,
            breakdown("accounts_by_kind", "Accounts by kind", "kind", accountsByKind),
            breakdown("accounts_by_tier", "Accounts by tier", "tier", accountsByTier),
            breakdown("accounts_by_province", "Accounts by province", "province", accountsByProvince),
            breakdown("accounts_by_platform", "Accounts by platform", "platform", accountsByPlatform),
            relationTable,
        ]
        // Only exports that carry content fields have these; datasets without them keep their tables.
        if !postsByLanguage.isEmpty {
            tables.append(ResultTable(name: "posts_by_language", title: "Posts by language", columns: ["language", "posts"], rows: postsByLanguage.map { [.text($0.key), .integer($0.value)] }))
        }
        if !topHashtags.isEmpty {
            tables.append(ResultTable(name: "top_hashtags", title: "Top hashtags", columns: ["hashtag", "posts"], rows: topHashtags.map { [.text($0.key), .integer($0.value)] }))
        }
        tables.append(warnings)
        return tables
    }
}
