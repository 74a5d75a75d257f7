import ReachGraph
import ReachGraphCore

/// What the fill colour of a network figure's nodes shows (`--color-by`); shape always shows
/// the kind.
///
/// Categories get the ten colours of ``ProvincePalette`` by how many drawn accounts have them
/// (ties by name); the rest share grey and accounts without a value are white, as the legend says.
/// Communities are Louvain's on the symmetrised, weighted graph the figure is drawn from (seeded;
/// `community 1` is the largest), computed on the whole graph before trimming, so a drawn
/// account keeps the community it has in the data.
public enum NodeColoring: Sendable, Equatable, CustomStringConvertible {
    case province
    case kind
    case community(seed: UInt64)
    /// An account column: `platform`, `country`, `city`, `tier`, or any extra column of accounts.csv.
    case attribute(String)

    /// `province`, `kind`, `community` (with `seed`) or an attribute's name.
    public init(_ text: String, seed: UInt64 = 1) {
        switch text.lowercased() {
        case "province": self = .province
        case "kind": self = .kind
        case "community": self = .community(seed: seed)
        default: self = .attribute(text)
        }
    }

    public var description: String {
        switch self {
        case .province: return "province"
        case .kind: return "kind"
        case .community: return "community"
        case .attribute(let name): return name
        }
    }

    /// The default fill: `nil` (provinces when accounts have them, else kinds) unless the
    /// accounts carry neither provinces nor two kinds — exports of a platform usually do not —
    /// where one colour for all would say nothing, so fill shows Louvain communities.
    /// - Complexity: O(V).
    public static func automatic(for dataset: Dataset, seed: UInt64) -> NodeColoring? {
        let first = dataset.accounts.first?.kind
        let informative = dataset.accounts.contains { !($0.province ?? "").isEmpty || $0.kind != first }
        return informative || dataset.accounts.isEmpty ? nil : .community(seed: seed)
    }

    /// The category of every account of `dataset` (`nil`: none); `nil` for ``kind``, whose
    /// colours are the kinds' own. Throws when no account has the attribute.
    /// - Complexity: O(V) for a column; Louvain's for communities.
    func categories(of dataset: Dataset, graph: DirectedGraph) throws -> [String?]? {
        switch self {
        case .kind:
            return nil
        case .province:
            return dataset.accounts.map(\.province)
        case .community(let seed):
            let partition = graph.symmetrized().louvainCommunities(seed: seed).partition
            let members = partition.members
            // Largest first, ties by lowest member, so names do not depend on Louvain's labels.
            let order = members.indices.sorted { a, b in
                let left = members[a], right = members[b]
                return left.count != right.count ? left.count > right.count : (left.first ?? 0) < (right.first ?? 0)
            }
            var name = [String](repeating: "", count: members.count)
            for (rank, community) in order.enumerated() { name[community] = "community \(rank + 1)" }
            return (0 ..< dataset.accounts.count).map { node in
                node < partition.labels.count && members[Int(partition.labels[node])].count > 1 ? name[Int(partition.labels[node])] : nil
            }
        case .attribute(let column):
            let values: [String?] = dataset.accounts.map { account in
                switch column.lowercased() {
                case "platform": return account.platform
                case "country": return account.country
                case "city": return account.city
                case "tier": return account.tier?.rawValue
                default: return account.attributes[column] ?? account.attributes.first { $0.key.lowercased() == column.lowercased() }?.value
                }
            }
            guard values.contains(where: { !($0 ?? "").isEmpty }) else {
                throw FigureError(message: "no account has a value for \"\(column)\" (--color-by takes province, kind, community or an account column)")
            }
            return values
        }
    }
}
