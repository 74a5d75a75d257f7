import ReachGraph
import ReachGraphCore

/// What the key-opinion-leader section opens with: for each role, the account that leads the
/// measure its sentence quotes (distinct reposters for sources, distinct sources for amplifiers,
/// betweenness for bridges; ties by source-rank, then score) in one plain sentence (what it
/// amplifies, for whom), and the compact table the page shows (rank, name, kind, role, score,
/// rank interval); the full table goes to the CSV.
///
/// The leader is not the role's highest composite score, which mixes three measures: a source
/// with fewer reposters can outscore the most reposted one by source rank or betweenness; "top
/// source" names the most reposted one, as its sentence says.
///
/// "For whom" and "what" are read off the amplification graph (edge source → amplifier): a
/// source's reposters are its out-neighbours, an amplifier's sources its in-neighbours; each is
/// described by its most common kind and that kind's share of the neighbours. When brokerage
/// grouped by communities (the accounts carry no kinds), names stand without a kind and the
/// table has no kind column.
/// - Complexity: O(V + E).
enum KeyOpinionLeaderFindings {
    static let roles = ["source", "amplifier", "bridge"]

    /// One sentence per role that some account has, in ``roles`` order. `graph` (the amplification
    /// graph) is built only when the accounts have kinds to tell apart.
    static func sentences(_ ranking: KeyOpinionLeaderRanking, dataset: Dataset, graph makeGraph: () -> DirectedGraph) -> [String] {
        var sentences: [String] = []
        let kinds = ranking.leaders.grouping != .community
        let graph = kinds ? makeGraph() : nil
        for role in roles {
            let holders = ranking.leaders.profiles.filter { $0.roles.contains(role) }
            guard let best = holders.max(by: { leads($1, $0, in: role) }) else { continue }
            let name = label(best.account, dataset, kind: kinds)
            let count = holders.count == 1 ? "the only \(role)" : "first of \(groupedDigits(holders.count)) \(role)s"
            let reposters = graph.flatMap { kindMix(Array($0.outgoing.neighbors(of: best.account)), dataset) }
            let sources = graph.flatMap { kindMix(Array($0.incoming.neighbors(of: best.account)), dataset) }
            switch role {
            case "source":
                sentences.append("Top source (\(count)): \(name), reposted by \(groupedDigits(best.distinctReposters)) distinct accounts\(reposters.map { " (\($0))" } ?? "").")
            case "amplifier":
                let ratio = best.amplificationRatio.map { "; \(percentText($0)) of its posts are reposts" } ?? ""
                sentences.append("Top amplifier (\(count)): \(name) reposts \(groupedDigits(best.distinctSources)) distinct sources\(sources.map { " (\($0))" } ?? "")\(ratio).")
            default:
                sentences.append(
                    "Top bridge (\(count)): \(name) stands between its sources\(sources.map { " (\($0))" } ?? "") and its reposters\(reposters.map { " (\($0))" } ?? "");"
                        + " \(percentText(best.brokerage)) of the paths through it join different \(kinds ? "groups" : "communities")."
                )
            }
        }
        if sentences.isEmpty { sentences.append("No account meets a role's thresholds (source, amplifier, bridge); the table ranks them by score alone.") }
        return sentences
    }

    /// Whether `a` leads `b` in `role`: by the measure the role's sentence quotes, then by
    /// source-rank, then by score, then the lower index.
    static func leads(_ a: KeyOpinionLeaders.Profile, _ b: KeyOpinionLeaders.Profile, in role: String) -> Bool {
        let (first, second): (Double, Double)
        switch role {
        case "source": (first, second) = (Double(a.distinctReposters), Double(b.distinctReposters))
        case "amplifier": (first, second) = (Double(a.distinctSources), Double(b.distinctSources))
        default: (first, second) = (a.betweenness, b.betweenness)
        }
        if first != second { return first > second }
        if a.sourceRank != b.sourceRank { return a.sourceRank > b.sourceRank }
        if a.score != b.score { return a.score > b.score }
        return a.account < b.account
    }

    /// "NAME (kind)", or "NAME" without `kind`.
    static func label(_ account: Int32, _ dataset: Dataset, kind: Bool = true) -> String {
        let record = dataset.accounts[Int(account)]
        guard kind else { return record.label }
        return "\(record.label) (\(record.kind.rawValue.replacingOccurrences(of: "_", with: " ")))"
    }

    /// "62% community accounts" for the most common kind among `accounts`, or `nil` when empty.
    static func kindMix(_ accounts: [Int32], _ dataset: Dataset) -> String? {
        guard !accounts.isEmpty else { return nil }
        var counts: [AccountKind: Int] = [:]
        for account in accounts { counts[dataset.accounts[Int(account)].kind, default: 0] += 1 }
        guard let top = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }) else { return nil }
        return "\(percentText(Double(top.value) / Double(accounts.count))) \(top.key.rawValue.replacingOccurrences(of: "_", with: " ")) accounts"
    }

    /// The page's table: rank, name (and entity, when accounts name one), kind, role, score, and
    /// the bootstrap rank interval when the bootstrap ran (a column of dashes says nothing).
    static func compactTable(_ ranking: KeyOpinionLeaderRanking, dataset: Dataset) -> ResultTable {
        let kinds = ranking.leaders.grouping != .community
        let entity = dataset.hasEntities
        let intervals = ranking.bootstrap != nil
        var table = ResultTable(
            name: "key_opinion_leaders_top", title: "Key opinion leaders (all measures in tables/key_opinion_leaders.csv)",
            columns: ["rank", "name"] + (entity ? ["entity"] : []) + (kinds ? ["kind"] : []) + ["role", "score"] + (intervals ? ["rank interval"] : [])
        )
        var profile: [Int32: KeyOpinionLeaders.Profile] = [:]
        for entry in ranking.leaders.profiles { profile[entry.account] = entry }
        var interval: [Int32: ClosedRange<Int>] = [:]
        for entry in ranking.bootstrap?.entries ?? [] { interval[entry.account] = entry.rankInterval }
        for ranked in ranking.ranked {
            let account = dataset.accounts[Int(ranked.account)]
            let roles = profile[ranked.account]?.roles ?? []
            var row: [Cell] = [.integer(ranked.rank), .text(account.name ?? account.id)]
            if entity { row.append(account.entity.map(Cell.text) ?? .missing) }
            if kinds { row.append(.text(account.kind.rawValue)) }
            row += [.text(roles.isEmpty ? "–" : roles.joined(separator: ", ")), .number((ranked.score * 10_000).rounded() / 10_000)]
            if intervals { row.append(interval[ranked.account].map { .text("\($0.lowerBound)–\($0.upperBound)") } ?? .missing) }
            table.rows.append(row)
        }
        return table
    }
}
