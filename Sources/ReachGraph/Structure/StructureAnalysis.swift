import ReachGraphCore

/// Settings of the 1+N structure scorecard.
public struct StructureOptions: Sendable, Equatable {
    /// Seconds after a hub post within which a spoke's repost counts as a response (default 72 h).
    public var responseWindow: Double
    /// Seconds within which two spokes' responses to one hub post count as synchronised (τ).
    public var synchronisationWindow: Double
    /// Time shuffles for the synchronisation baseline (0: none).
    public var shuffles: Int
    public var seed: UInt64
    /// `k` for "share of hub posts reposted by at least k spokes"; `nil`: a majority of the spokes.
    public var minimumSpokes: Int?
    /// Analyse only this province (or detected group name); `nil`: all.
    public var province: String?
    /// Used when the dataset declares no structure.
    public var detection: HubSpokeDetection.Options

    public init(
        responseWindow: Double = 72 * 3600, synchronisationWindow: Double = 3600, shuffles: Int = 100, seed: UInt64 = 1,
        minimumSpokes: Int? = nil, province: String? = nil, detection: HubSpokeDetection.Options = .init()
    ) {
        self.responseWindow = responseWindow
        self.synchronisationWindow = synchronisationWindow
        self.shuffles = shuffles
        self.seed = seed
        self.minimumSpokes = minimumSpokes
        self.province = province
        self.detection = detection
    }
}

/// Everything the scorecard says about one structure.
public struct StructureScorecard: Sendable {
    public let structure: DeclaredStructure
    /// Coverage and lag.
    public let response: SpokeResponse
    public let synchronisation: SpokeSynchronisation
    public let routes: RouteFidelity
    /// Shape measures and the declared and observed ties (figure data).
    public let shape: ShapeConformance
    public let external: ExternalAmplification
    /// `k` used for ``SpokeResponse/shareOfHubPosts(respondedToByAtLeast:)``.
    public let minimumSpokes: Int
}

/// The 1+N scorecard of a dataset: per declared structure (province), or per detected
/// hub-and-spoke group when the roster declares none.
public struct StructureAnalysis: Sendable {
    public let scorecards: [StructureScorecard]
    /// Provinces the roster names but that have no structure (a parent cycle and no hub), with
    /// the reason; within the `province` option when it is set.
    public let leftOut: [LeftOutStructure]
    /// Whether the structures were detected rather than declared.
    public let isDetected: Bool
    /// Whether they were detected because the roster gives provinces and tiers but no parents
    /// (rather than because there is no roster).
    public let rosterDeclaresNoParents: Bool
    public let diagnostics: Diagnostics

    /// - Complexity: O(posts) to index, then per structure O(posts) plus its shape measures and
    ///   `shuffles` co-action runs on the spokes' responses.
    public init(dataset: Dataset, options: StructureOptions = .init()) {
        let index = RepostIndex(dataset: dataset)
        let flow = dataset.graph(types: [.repost])
        var (structures, leftOut, diagnostics) = DeclaredStructure.declared(in: dataset)
        // A roster whose only province is left out still declares it: detection would say there is no roster.
        let detected = structures.isEmpty && leftOut.isEmpty
        if detected {
            structures = HubSpokeDetection.detect(dataset: dataset, index: index, flow: flow, responseWindow: options.responseWindow, options: options.detection)
        }
        let roster = index.accountFlags(structures.flatMap(\.members))
        // Each structure's shuffles draw from its own stream, numbered before any --province
        // filter, so one province's numbers do not depend on which others are shown.
        let chosen = structures.enumerated().filter { options.province == nil || $0.element.name == options.province }
        scorecards = chosen.map { position, structure in
            var stream = SplitMix64(seed: options.seed).split(UInt64(position))
            let k = options.minimumSpokes ?? (structure.spokes.count / 2 + 1)
            return StructureScorecard(
                structure: structure,
                response: SpokeResponse(structure: structure, index: index, window: options.responseWindow),
                synchronisation: SpokeSynchronisation(
                    structure: structure, index: index, dataset: dataset, responseWindow: options.responseWindow,
                    window: options.synchronisationWindow, shuffles: options.shuffles, seed: stream.next()
                ),
                routes: RouteFidelity(structure: structure, index: index, roster: roster),
                shape: ShapeConformance(structure: structure, flow: flow),
                external: ExternalAmplification(structure: structure, index: index, roster: roster),
                minimumSpokes: k
            )
        }
        self.leftOut = leftOut.filter { options.province == nil || $0.name == options.province }
        isDetected = detected
        rosterDeclaresNoParents = DeclaredStructure.rosterDeclaresNoParents(in: dataset)
        self.diagnostics = diagnostics
    }
}
