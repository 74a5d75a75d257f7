extension Dataset {
    /// A dataset assembled in memory from its tables, as a generator or a converter builds one,
    /// instead of read from files. Relations refer to accounts by index into `accounts`; posts and
    /// metrics rows by account id.
    ///
    /// `relationsDerivedFromPosts` is `false`: writers write the relations out.
    /// - Throws: ``InputError`` naming the table and 1-based row when an account id is defined
    ///   twice, a relation's source or target is not an index into `accounts`, or a post's author
    ///   or a metrics row's account is not an account id. Nothing is added silently, unlike the
    ///   readers, which add unknown ids as accounts of kind `other` and count a warning.
    /// - Complexity: O(A + R + P + M).
    public init(
        name: String, format: Format = .folder, accounts: [Account], relations: RelationTable,
        posts: [Post] = [], metrics: [MetricsRow] = []
    ) throws {
        self.init(name: name, format: format)
        accountIndex = IdentifierTable(capacity: accounts.count)
        for (row, account) in accounts.enumerated() {
            try add(account, file: "accounts", line: row + 1)
        }
        let count = Int32(accounts.count)
        for row in 0 ..< relations.count {
            let source = relations.sources[row], target = relations.targets[row]
            guard (0 ..< count).contains(source), (0 ..< count).contains(target) else {
                throw InputError(file: "relations", line: row + 1, message: "account index \(source) or \(target) is not below the \(count) accounts")
            }
        }
        for (row, post) in posts.enumerated() where accountIndex.index(of: post.author) == nil {
            throw InputError(file: "posts", line: row + 1, message: "author \"\(post.author)\" is not an account id")
        }
        for (row, metric) in metrics.enumerated() where accountIndex.index(of: metric.account) == nil {
            throw InputError(file: "metrics", line: row + 1, message: "account \"\(metric.account)\" is not an account id")
        }
        self.relations = relations
        self.posts = PostTable(posts)
        self.metrics = metrics
    }
}
