import ReachGraphCore

/// Accounts, relations, posts and metrics loaded from one input, with what the reader noticed.
public struct Dataset: Sendable {
    /// How the input was encoded.
    public enum Format: String, Sendable, Codable, CaseIterable {
        case folder
        case json
        case edgeList = "edge-list"
        /// A single CSV file of posts (`post_id`, `author`, `time`, …).
        case postsTable = "posts-table"
        /// X/Twitter information-operations archive CSV (one file or a folder of shards).
        case ioArchive = "x-io-archive"
        /// Twitter API v1.1 tweets: JSON lines, or a search response with `statuses`.
        case twitterV1 = "twitter-v1"
        /// Twitter API v2 responses (`data`, `includes`), one per line as twarc2 writes them.
        case twitterV2 = "twitter-v2"
        /// Telegram channel messages: a Desktop `result.json` or TGDataset's channel map.
        case telegram
        /// Weibo repost trees in the CED layout (`original-microblog/`, `*-repost/`).
        case weiboCED = "weibo-ced"
        /// DeepHawkes cascade lines (`id, root user, time, count, path:time …`).
        case deepHawkes = "deephawkes"
        /// Whitespace-separated edge lists as SNAP publishes them.
        case snap
        /// Link-sharing posts (CrowdTangle / CooRnet style): account, time, shared URL.
        case linkSharing = "link-sharing"
        /// A slice of a ReachGraph store (SQLite).
        case store
    }

    /// A fact about how the input was read that every reader of the results should know
    /// (format, zone of naive times, edge direction), shown by `summary`.
    public struct ReadingNote: Sendable, Equatable {
        public var topic: String
        public var value: String

        public init(topic: String, value: String) {
            self.topic = topic
            self.value = value
        }
    }

    /// The input's name as given by the user.
    public var name: String
    public var format: Format
    public internal(set) var accounts: [Account] = []
    public internal(set) var relations = RelationTable()
    public internal(set) var posts = PostTable()
    public internal(set) var metrics: [MetricsRow] = []
    /// Everything handled on purpose, counted by category.
    public var diagnostics = Diagnostics()
    /// How the input was read (format, zone of naive times, edge direction).
    public internal(set) var readingNotes: [ReadingNote] = []
    /// The reading options that decide the keys of the relations the input gives: its format,
    /// the edge direction of an edge list, and a folder's renames of `source`, `target` or
    /// `relation` (`--map`), as text such as `edge-list, --edge-direction reposter-to-author`.
    /// Two readings of one file with the same text give relations with the same keys (the same
    /// relations, but for the types `--relations` keeps); a store uses it to refuse storing a
    /// file's relations again as read another way. Empty when ``DatasetLoader`` did not read the
    /// dataset.
    public internal(set) var relationReading = ""
    /// Whether the data are synthetic (a generated sample, not observations): a folder whose
    /// README says so (``folderDeclaresSynthetic(_:)``), or a store holding such an input. Every
    /// figure and briefing of synthetic data carries the notice.
    public var isSynthetic = false
    /// Whether `relations` were derived from reposts in `posts` (no relations file was given).
    public internal(set) var relationsDerivedFromPosts = false
    /// Extra columns of each file, in file order, so writers can put them back.
    public internal(set) var accountAttributeColumns: [String] = []
    public internal(set) var postAttributeColumns: [String] = []
    public internal(set) var metricsAttributeColumns: [String] = []
    var accountIndex = IdentifierTable()
    /// Indices of the accounts an accounts table declared, ascending; the others were implied by ids.
    var declaredAccountIndices: [Int32] = []
    /// Post links resolved at load (see ``resolvedPostLinks``).
    var postLinks: PostLinks?
    /// The account index of each post's author, resolved at load (see ``postAuthorIndices``).
    var postAuthorAccounts: [Int32]?

    public init(name: String, format: Format) {
        self.name = name
        self.format = format
    }

    /// Whether some account names the entity it belongs to (``Account/entity``).
    public var hasEntities: Bool { accounts.contains { $0.entity != nil } }

    /// The index of the account with `id` in ``accounts``.
    public func index(ofAccount id: String) -> Int32? { accountIndex.index(of: id) }

    /// The account with `id`.
    public func account(withID id: String) -> Account? { index(ofAccount: id).map { accounts[Int($0)] } }

    /// The ids of the accounts named `name`, in account order: figures and the briefing show
    /// names, so a reader may give one where an id is wanted. O(accounts).
    public func accountIDs(named name: String) -> [String] { accounts.filter { $0.name == name }.map(\.id) }

    /// Whether the account at `index` was declared by an accounts table rather than implied by an
    /// id used in relations or posts.
    public func isDeclared(accountAt index: Int) -> Bool {
        var low = 0, high = declaredAccountIndices.count
        while low < high {
            let middle = (low + high) / 2
            if declaredAccountIndices[middle] < index { low = middle + 1 } else { high = middle }
        }
        return low < declaredAccountIndices.count && declaredAccountIndices[low] == index
    }

    /// The information-flow graph: node `i` is `accounts[i]`, an edge `a → b` for each relation of
    /// the chosen types (all by default), both directions for undirected collaborations.
    /// Parallel relations (several rows, or several types, between the same two accounts) become one
    /// edge whose weight is the sum of theirs. With `weighted` false the graph has no weights (parallel
    /// relations are one edge, not counted), which is all that counts, components and searches by
    /// hops need: at 10M edges 91 MiB instead of 243.
    /// - Complexity: O(V + E).
    public func graph(types: Set<RelationType>? = nil, weighted: Bool = true) -> DirectedGraph {
        // All relations, all directed: the builder takes the columns as they are (shared, not
        // copied; at 10M rows a copy is 160 MB more at the peak).
        if types == nil, !relations.types.contains(where: \.isUndirected) {
            return GraphBuilder(nodeCount: accounts.count, sources: relations.sources, targets: relations.targets, weights: relations.weights, weighted: weighted).build()
        }
        let builder = GraphBuilder(nodeCount: accounts.count, expectedEdgeCount: relations.count, weighted: weighted)
        for row in 0 ..< relations.count {
            let type = relations.types[row]
            if let types, !types.contains(type) { continue }
            let source = relations.sources[row], target = relations.targets[row], weight = relations.weights[row]
            builder.addEdge(from: source, to: target, weight: weight)
            if type.isUndirected && source != target { builder.addEdge(from: target, to: source, weight: weight) }
        }
        return builder.build()
    }

    /// ``graph(types:weighted:)`` of all relations, built from the relation columns moved out of
    /// the dataset, which has no relations afterwards. When the caller holds no other copy of the
    /// dataset, the builder frees each column as soon as it has used it instead of building beside
    /// the whole table: at 10M rows the table is 170 MB (`summary`, BENCHMARKS.md).
    mutating func takeGraph(weighted: Bool = true) -> DirectedGraph {
        guard !relations.types.contains(where: \.isUndirected) else {
            defer { relations = RelationTable() }
            return graph(weighted: weighted)
        }
        let builder = GraphBuilder(nodeCount: accounts.count, sources: relations.sources, targets: relations.targets, weights: weighted ? relations.weights : nil, weighted: weighted)
        relations = RelationTable()
        return builder.build()
    }

    /// Adds an account; throws when its id is already taken.
    mutating func add(_ account: Account, file: String, line: Int?) throws {
        let before = accountIndex.count
        let index = accountIndex.intern(account.id)
        guard Int(index) == before else {
            throw InputError(file: file, line: line, message: "account id \"\(account.id)\" is defined twice")
        }
        declaredAccountIndices.append(index)
        accounts.append(account)
    }

    /// The index of account `id`; an id not seen before becomes an account of kind `other`,
    /// counted as a warning when the dataset has an accounts table to check against.
    mutating func resolve(_ id: String, file: String, line: Int?, role: String, warn: Bool = true) -> Int32 {
        if let index = accountIndex.index(of: id) { return index }
        if warn {
            diagnostics.warn("unknown account ids (added as kind other)", file: file, line: line, "\(role) \"\(id)\" is not in accounts.csv; added as kind other")
        }
        let index = accountIndex.intern(id)
        accounts.append(Account(id: id, kind: .other))
        return index
    }
}
