import Foundation
import ReachGraph
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
    /// - Throws: ``InputError`` only if the generated tables contradict each other, which would be
    ///   a bug in the generator.
    public func generate() throws -> Dataset {
        let months = (0 ..< configuration.effectiveMonths).map { configuration.start.adding($0) }
        let start = configuration.windowStart, end = configuration.windowEnd
        // One independent stream per stage, so changing one stage leaves the others' draws alone.
        let random = SplitMix64(seed: configuration.seed)
        let roster = SampleRoster(configuration: configuration, random: random.split(1))
        var simulator = CascadeSimulator(roster: roster, start: start, end: end, scale: configuration.effectiveScale, random: random.split(2))
        simulator.run()
        let timeline = SampleTimeline(sorting: simulator.drafts, roster: roster, random: random.split(3))

        let reposts = timeline.repostRelations()
        let ties = SampleTies(roster: roster, start: start, end: end, months: months.count, random: random.split(4))
        var relations = RelationTable()
        relations.reserveCapacity(reposts.count + ties.relations.count)
        for relation in reposts + ties.relations { relations.append(relation) }
        // The relations hold more than the posts imply (collaborations, mentions), so the dataset
        // keeps them as given and writers write them out.
        let dataset = try Dataset(
            name: datasetName, accounts: roster.accounts, relations: relations,
            posts: timeline.posts(accounts: roster.accounts),
            metrics: SampleMetrics.rows(timeline: timeline, roster: roster, months: months, random: random.split(5))
        )
        return dataset
    }

    /// Generates the dataset and writes it into `folder` (created if missing) as the CSV files
    /// ``DatasetLoader`` reads plus a `README.md` that says it is synthetic and how it was made.
    /// Each file is written atomically.
    /// - Returns: The dataset written.
    @discardableResult
    public func write(to folder: String) throws -> Dataset {
        let dataset = try generate()
        try DatasetWriter.write(dataset, to: folder)
        let readme = Self.readme(for: configuration, summarizing: dataset)
        try AtomicFile.write(readme, to: (folder as NSString).appendingPathComponent("README.md"))
        return dataset
    }
}
