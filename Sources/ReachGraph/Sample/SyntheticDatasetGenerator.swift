import Foundation
import ReachGraphCore

/// Builds a synthetic dataset whose *shape* follows public reporting on provincial "1+N"
/// international-communication systems: provincial hubs with municipal centres, county units and
/// media under them; think tanks, national media, embassies, city accounts on several platforms,
/// overseas influencers and a community layer; posts and reposts over a few months that follow
/// "local creation → influencer repost → community spread", with some spokes that do not follow
/// their hub; aggregated relations and monthly metrics.
///
/// Nothing in the output is a real observation. The same configuration (seed included) gives the
/// same dataset, byte for byte, on any machine: every random choice comes from `SplitMix64`, and
/// no dictionary order reaches the output.
///
/// ```swift
/// let generator = SyntheticDatasetGenerator(configuration: .init(seed: 7))
/// try generator.write(to: "graphs/sample")
/// ```
public struct SyntheticDatasetGenerator: Sendable {
    public var configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// The dataset's name, which says what it is.
    public var datasetName: String { "ReachGraph synthetic sample (seed \(configuration.seed))" }

    /// Generates the dataset: accounts, posts, relations (reposts aggregated from the posts as
    /// ``DatasetLoader`` would aggregate them, then collaborations and mentions) and metrics.
    /// - Complexity: O(P log P) for P posts.
    public func generate() -> Dataset {
        let months = (0 ..< configuration.effectiveMonths).map { configuration.start.adding($0) }
        let start = configuration.windowStart, end = configuration.windowEnd
        // One independent stream per stage, so changing one stage leaves the others' draws alone.
        let random = SplitMix64(seed: configuration.seed)
        let roster = SampleRoster(configuration: configuration, random: random.split(1))
        var simulator = CascadeSimulator(roster: roster, start: start, end: end, scale: configuration.effectiveScale, random: random.split(2))
        simulator.run()
        let timeline = SampleTimeline(sorting: simulator.drafts, roster: roster, random: random.split(3))

        var dataset = Dataset(name: datasetName, format: .folder)
        dataset.accounts = roster.accounts
        dataset.accountIndex = IdentifierTable(capacity: roster.accounts.count)
        for account in roster.accounts { _ = dataset.accountIndex.intern(account.id) }
        dataset.posts = timeline.posts(accounts: roster.accounts)
        let reposts = timeline.repostRelations()
        let ties = SampleTies(roster: roster, start: start, end: end, months: months.count, random: random.split(4))
        // `relationsDerivedFromPosts` stays false: the relations hold more than the posts imply
        // (collaborations, mentions), so writers must write them out.
        var relations = RelationTable()
        relations.reserveCapacity(reposts.count + ties.relations.count)
        for relation in reposts + ties.relations { relations.append(relation) }
        dataset.relations = relations
        dataset.metrics = SampleMetrics.rows(timeline: timeline, roster: roster, months: months, random: random.split(5))
        return dataset
    }

    /// Generates the dataset and writes it into `folder` (created if missing) as the CSV files
    /// ``DatasetLoader`` reads plus a `README.md` that says it is synthetic and how it was made.
    /// Each file is written atomically.
    /// - Returns: The dataset written.
    @discardableResult
    public func write(to folder: String) throws -> Dataset {
        let dataset = generate()
        try DatasetWriter.write(dataset, to: folder)
        let readme = Self.readme(for: configuration, summarizing: dataset)
        try AtomicFile.write(readme, to: (folder as NSString).appendingPathComponent("README.md"))
        return dataset
    }
}
