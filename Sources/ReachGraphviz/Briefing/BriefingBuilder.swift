import Foundation
import ReachGraph
import ReachGraphCore

/// Puts the analyses of a dataset together as a briefing: the page `reachgraph brief` writes.
///
/// Sections appear when the data supports them: the summary and network always; key opinion
/// leaders and "who to reach" when there are amplification relations; cascades and coordination
/// when there are posts; the 1+N structure when accounts declare parents or a roster (left out,
/// with its reason, when the roster gives provinces and tiers but no parents); the
/// communication power index when there are metrics. Every figure is rendered in-process
/// (SVG inlined in the page, PNG beside the Markdown).
public struct BriefingBuilder {
    public struct Options: Sendable {
        /// Rows in each top-N table.
        public var top = 15
        /// Seed for every randomised step (bootstrap, IMM, shuffles, Louvain).
        public var seed: UInt64 = 1
        /// Bootstrap replicates for the key-opinion-leader ranking (0: off).
        public var bootstrapReplicates = 100
        /// Seconds of one thread the bootstrap may take, priced from the betweenness step before
        /// it runs (``KeyOpinionLeaderRanking``'s `bootstrapBudget`); over it the rank intervals are
        /// left out with a note. Each replicate of a graph whose betweenness is sampled costs the
        /// whole betweenness budget again: on the 2.5M IRA-sized posts' 242,489 accounts 100
        /// replicates were 930 s of CPU, 95% of the briefing (BENCHMARKS.md).
        public var bootstrapBudget = 60.0
        /// Accounts to choose in "who to reach".
        public var seedCount = 10
        /// Co-action window in seconds.
        public var coordinationWindow = 600.0
        /// Pairs of shares the co-action sweep may compare (time and memory grow with them); a
        /// window over it is narrowed until it fits (``CoActionCost``).
        public var coordinationPairBudget = 20_000_000
        /// Per-object shuffles of the coordination baseline (0: none); 19 is the fewest that can
        /// give p ≤ 0.05. Run while their pairs fit ``coordinationPairBudget``.
        public var coordinationShuffles = 19
        /// Index weights; `nil`: `IndexWeights.default`.
        public var indexWeights: IndexWeights?
        /// Index units; `nil`: cities when accounts name cities, else accounts.
        public var indexGrouping: IndexGrouping?
        /// Index period (`2025-05`); `nil`: the latest.
        public var indexPeriod: String?
        /// What the overview's fill shows; `nil`: provinces.
        public var overviewColoring: NodeColoring?
        /// Node budget of the overview figure (trimmed by k-core above it).
        public var overviewNodes = NetworkOverview.legibleNodes
        /// Whether to mark every figure and the page as synthetic; `nil` takes
        /// ``Dataset/isSynthetic`` (a generated folder's README, or a store holding one).
        public var isSynthetic: Bool?
        /// Also render PNG files (for the Markdown version).
        public var png = true
        /// Paragraphs on the change since the previous period, by the title of the section they
        /// belong to (a store's `MonthlyChange`); each goes before the section's "How:" paragraph.
        public var changeSinceLastPeriod: [String: [String]] = [:]

        public init() {}
    }

    public let dataset: Dataset
    public let options: Options
    /// Progress callback: the name of the step that starts.
    public var onStep: @Sendable (String) -> Void = { _ in }

    /// Where ``build()`` renders the figures' PNGs, when ``Options/png`` asks for them.
    private let pngs: BackgroundPNGs?

    public init(dataset: Dataset, options: Options = Options()) {
        self.dataset = dataset
        self.options = options
        pngs = options.png ? BackgroundPNGs() : nil
    }

    /// Whether the dataset declares itself synthetic.
    public var isSynthetic: Bool { options.isSynthetic ?? dataset.isSynthetic }

    /// Runs every analysis and returns the document.
    ///
    /// Never fails as a whole: a section whose analysis throws is kept as a title and a one-line
    /// reason, and a figure that cannot be drawn within its budget is left out of its section with
    /// a note (``BriefingSection/notes``; ``BriefingDocument/degradations`` lists them all).
    public func build() -> BriefingDocument {
        let summary = DatasetSummary(of: dataset)
        var sections: [BriefingSection] = []
        func add(_ title: String, _ make: () throws -> BriefingSection) {
            sections.append(title) {
                var section = try make()
                let change = options.changeSinceLastPeriod[title] ?? []
                section.paragraphs.insert(contentsOf: change, at: section.paragraphs.firstIndex { $0.hasPrefix("How:") } ?? section.paragraphs.count)
                return section
            }
        }
        // Whether the amplification graph has an edge, without building it.
        let hasAmplification = dataset.relations.types.contains { KeyOpinionLeaders.amplificationTypes.contains($0) }
        let hasRoster = dataset.accounts.contains { $0.parent != nil || DeclaredStructure.isInRoster($0) }
        // Sections the data cannot support are named with what they lack, so a short briefing
        // does not read as one that found nothing.
        var absent: [String] = []
        if !hasAmplification { absent.append("key opinion leaders and who to reach (no repost or quote relations)") }
        if dataset.posts.isEmpty { absent.append("cascades and coordination (no posts)") }
        if !hasRoster { absent.append("the 1+N structure (no account declares a parent hub)") } else if dataset.posts.isEmpty { absent.append("the 1+N structure (no posts)") }
        if dataset.metrics.isEmpty { absent.append("the communication power index (no metrics rows)") }
        add("Dataset") { try summarySection(summary, absent: absent, hasAmplification: hasAmplification) }
        add("The network") { try networkSection(summary) }
        if hasAmplification {
            add("Key opinion leaders") { try keyOpinionLeaderSection() }
        }
        if !dataset.posts.isEmpty {
            add("Cascades") { try cascadeSection() }
            // Only data that names local accounts (city accounts, municipal or county centres) has the chain.
            if dataset.accounts.contains(where: LocalPickup.isLocal) {
                add("Local creation → influencer pickup → community spread") { try pickupSection() }
            }
            add("Coordination") { try coordinationSection() }
        }
        if hasRoster && !dataset.posts.isEmpty {
            add("1+N structure") { try structureSection() }
        }
        if hasAmplification {
            add("Who to reach") { try reachSection() }
        }
        if !dataset.metrics.isEmpty {
            add("Communication power index") { try indexSection() }
        }
        pngs?.attach(to: &sections)
        let title = (isSynthetic ? "Synthetic data — " : "") + "Amplification briefing: \(displayName)"
        var document = BriefingDocument(title: title, provenance: provenance(summary), warnings: warnings, sections: sections)
        if isSynthetic { document.provenanceRecord = provenanceRecord(summary, tables: sections.flatMap { $0.tables + $0.csvOnlyTables }.map(\.name)) }
        return document
    }

    /// The engine of the network figures (overview, coordination): `neato`, with colours for
    /// provinces and groups, rather than `fdp`'s boxes. `fdp` lays out clusters differently from
    /// one process to the next (it depends on the heap, measured on Graphviz 2.43: the same DOT
    /// text gave two layouts in two briefings at 1 and 2 threads), so a briefing drawn with it
    /// would not be the same bytes for the same input and seed; `neato` is (docs/graphviz.md).
    static let networkEngine = LayoutEngine.neato

    private var displayName: String { (dataset.name as NSString).lastPathComponent }

    private var caption: CaptionOptions { CaptionOptions(isSynthetic: isSynthetic) }

    private func provenance(_ summary: DatasetSummary) -> [String] {
        var lines = ["Source: \(dataset.name) (\(dataset.format.rawValue)): \(summary.accountCount) accounts, \(summary.relationsByType.values.reduce(0) { $0 + $1.rows }) relations, \(summary.postCount) posts, \(summary.metricsRowCount) metrics rows."]
        if let first = summary.firstPostTime, let last = summary.lastPostTime {
            lines.append("Posts from \(iso8601String(fromUnixSeconds: first)) to \(iso8601String(fromUnixSeconds: last)).")
        }
        if isSynthetic {
            lines.append("\(CaptionOptions.syntheticNotice). The dataset is synthetic (\(howMade)); use it to learn the tool, not to draw conclusions.")
        }
        lines.append("Edges run in the direction information flows: a repost of A's post by B is the edge A → B. Seeds for every random step: \(options.seed).")
        return lines
    }

    private var howMade: String {
        dataset.format == .store
            ? "`reachgraph store info` lists the synthetic inputs; their READMEs say how they were generated"
            : "its README says how it was generated"
    }

    /// `tables/provenance.json` for synthetic data: what every table beside it was made from.
    private func provenanceRecord(_ summary: DatasetSummary, tables: [String]) -> String {
        func quoted(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        let lines = [
            "  \"synthetic\": true,",
            "  \"notice\": \(quoted(CaptionOptions.syntheticNotice)),",
            "  \"dataset\": \(quoted(displayName)),",
            "  \"format\": \(quoted(dataset.format.rawValue)),",
            "  \"how_made\": \(quoted(howMade + " (reachgraph generate, seeded)")),",
            "  \"accounts\": \(summary.accountCount),",
            "  \"posts\": \(summary.postCount),",
            "  \"seed\": \(options.seed),",
            "  \"tables\": [" + tables.map(quoted).joined(separator: ", ") + "]",
        ]
        return "{\n" + lines.joined(separator: "\n") + "\n}\n"
    }

    private var warnings: [String] {
        dataset.diagnostics.lines
    }

    private func figure(_ name: String, notes: inout [String], _ make: () throws -> Figure) -> BriefingFigure? {
        onStep("rendering \(name)")
        return BriefingFigure.rendered(name, pngs: pngs, notes: &notes, make)
    }

    private func summarySection(_ summary: DatasetSummary, absent: [String], hasAmplification: Bool) throws -> BriefingSection {
        // A breakdown with one value for every account (all "(none)", all "other") says nothing.
        let hasKinds = summary.accountsByKind.count > 1
        let hasProvinces = summary.accountsByProvince.keys.contains { $0 != "(none)" }
        let tables = summary.tables.filter { table in
            switch table.name {
            case "overview", "relations_by_type", "warnings": return !table.rows.isEmpty
            case "accounts_by_kind": return hasKinds
            case "accounts_by_province": return hasProvinces
            default: return false
            }
        }
        let largest = summary.nodeCount > 0 ? Double(summary.largestWeakComponent) / Double(summary.nodeCount) : 0
        var paragraphs = [
            "\(groupedDigits(summary.accountCount)) accounts are tied by \(groupedDigits(summary.edgeCount)) distinct directed edges; the largest weakly connected part holds \(formatNumber(largest * 100, digits: 3))% of them. Reciprocity is \(summary.reciprocity.map { formatNumber($0, digits: 3) } ?? "undefined"): the share of ties that run both ways.",
        ]
        var missing: [String] = []
        if !hasKinds { missing.append("kinds (every account is \(summary.accountsByKind.keys.first ?? "other"))") }
        if !hasProvinces { missing.append("provinces") }
        if !missing.isEmpty {
            var sentence = "The accounts carry no " + missing.joined(separator: " and no ") + ", as in a plain edge list"
            if !hasKinds && hasAmplification { sentence += ": key opinion leaders are bridges between Louvain communities instead of kinds" }
            paragraphs.append(sentence + ".")
        }
        if !absent.isEmpty {
            paragraphs.append("Not in this briefing, for want of data: " + absent.joined(separator: "; ") + ".")
        }
        // The overview is one measure a row (about twenty): cut, it hid the posts, reposts and warnings.
        return BriefingSection(title: "Dataset", paragraphs: paragraphs, tables: tables, rowsShown: 30)
    }

    private func networkSection(_ summary: DatasetSummary) throws -> BriefingSection {
        guard summary.edgeCount > summary.selfLoopCount else {
            return BriefingSection(title: "The network", paragraphs: ["No two accounts are tied by a relation: there is no network to draw."])
        }
        onStep("drawing the network")
        var figureOptions = NetworkFigureOptions()
        figureOptions.engine = Self.networkEngine
        figureOptions.colorBy = options.overviewColoring
        figureOptions.seed = options.seed
        figureOptions.legibility = Legibility(maxNodes: options.overviewNodes)
        figureOptions.caption = caption
        var notes: [String] = []
        let overview = figure("overview", notes: &notes) { try NetworkOverview.figure(of: dataset, options: figureOptions) }
        return BriefingSection(
            title: "The network",
            paragraphs: [overviewEncoding + ", sized by their ties; edges are reposts and other relations, thicker for more. Big networks are trimmed to their dense core so the picture stays legible; the caption says what was cut."],
            figures: overview.map { [$0] } ?? [], notes: notes
        )
    }

    /// How the overview shows accounts, in the words of the section's first sentence.
    private var overviewEncoding: String {
        let coloring = options.overviewColoring ?? NodeColoring.automatic(for: dataset, seed: options.seed)
        if case .community? = coloring, options.overviewColoring == nil {
            return "The accounts carry no kinds or provinces, so all are drawn alike and coloured by the community Louvain finds (see the legend)"
        }
        let fill = coloring?.description ?? (dataset.accounts.contains { !($0.province ?? "").isEmpty } ? "province" : "kind")
        return "Accounts are drawn by kind (shape) and coloured by \(fill) (see the legend)"
    }

    private func keyOpinionLeaderSection() throws -> BriefingSection {
        onStep("key opinion leaders")
        let grouping = KeyOpinionLeaders.Grouping.automatic(for: dataset)
        let ranking = try KeyOpinionLeaderRanking(
            dataset: dataset, grouping: grouping, top: options.top, bootstrapReplicates: options.bootstrapReplicates, seed: options.seed,
            bootstrapBudget: options.bootstrapBudget, onStep: onStep
        )
        var paragraphs = KeyOpinionLeaderFindings.sentences(ranking, dataset: dataset, graph: { dataset.amplificationGraph() })
        paragraphs.append("How: score = 0.4 × percentile of source-rank (PageRank on the reversed repost graph) + 0.3 × percentile of distinct reposters + 0.3 × percentile of betweenness, or the first two terms scaled to the whole score when that is higher (bridging counts where it raises the score; reposting never lowers it); percentiles among the accounts with a repost or quote tie. Roles: source (content widely reposted), amplifier (reposts many distinct sources), bridge (" + (grouping == .kind ? "between kinds of accounts)." : "between communities found by Louvain, since the accounts carry no kinds)."))
        if ranking.bootstrap != nil {
            paragraphs.append("The rank interval bounds each account's rank in 95% of \(options.bootstrapReplicates) bootstrap replicates (repost counts redrawn as Poisson); the CSV adds the share of replicates in which it stays in the top \(options.top).")
        }
        let rerun = "reachgraph kol INPUT --top \(options.top)" + (ranking.bootstrap == nil ? "" : " --bootstrap \(options.bootstrapReplicates) --seed \(options.seed)")
        paragraphs.append("The same table (tables/key_opinion_leaders.csv) at the command line: `\(rerun)`, with INPUT and the options that read it as given to `brief`.")
        let notes = (ranking.bootstrapNote.map { ["\($0); `reachgraph kol --top \(options.top) --bootstrap \(options.bootstrapReplicates)` computes them"] } ?? [])
            // The briefing's --top sizes every table: the command that lists the tie is kol's.
            + [ranking.cutNote(option: "reachgraph kol --top")].compactMap { $0 }
        return BriefingSection(
            title: "Key opinion leaders", paragraphs: paragraphs,
            tables: [KeyOpinionLeaderFindings.compactTable(ranking, dataset: dataset)], notes: notes, csvOnlyTables: [ranking.table(dataset: dataset)],
            headline: paragraphs.first { !$0.hasPrefix("How:") }
        )
    }

    private func cascadeSection() throws -> BriefingSection {
        onStep("cascades")
        let analysis = CascadeAnalysis(dataset: dataset, minimumSize: 2, participants: false)
        let sizes = analysis.cascades.map(\.size)
        let mean = sizes.isEmpty ? 0 : Double(sizes.reduce(0, +)) / Double(sizes.count)
        var figures: [BriefingFigure] = []
        var notes: [String] = []
        var reconstruction = CascadeReconstruction(dataset: dataset)
        if let largest = analysis.largest, let cascade = reconstruction.rootAttributedCascade(ofRoot: largest.rootPostID) {
            figures += [figure("cascade-largest", notes: &notes) { try CascadeTreeFigure.figure(of: cascade, dataset: dataset, options: .init(maxNodes: 80, caption: caption)) }].compactMap { $0 }
        }
        // Stage paths of one kind each (every account `other`, as on most exports) make a figure of
        // one box per kind, which says nothing the table does not.
        if analysis.cascades.contains(where: { $0.stagePath.count > 1 }) {
            figures += [figure("stage-paths", notes: &notes) { try StagePathFigure.figure(of: analysis, dataset: dataset, options: .init(caption: caption)) }].compactMap { $0 }
        }
        let orphans = analysis.diagnostics.counts[CascadeReconstruction.missingRootCategory] ?? 0
        let orphanText = "\(groupedDigits(orphans)) \(orphans == 1 ? "repost leads" : "reposts lead") back to a post that is not in the data (an export often holds reposts without what they repost)"
        var finding: String
        if analysis.cascades.isEmpty {
            finding = orphans > 0
                ? "No cascade can be traced: \(orphanText). The repost relations still count in the other sections."
                : "No post was reposted in this data."
        } else {
            finding = "\(groupedDigits(analysis.cascades.count)) \(analysis.cascades.count == 1 ? "post was" : "posts were") reposted at least once; a cascade has \(formatNumber(mean, digits: 3)) participants on average."
            if let largest = analysis.largest {
                let author = dataset.accounts[Int(largest.rootAccount)].label
                finding += " The largest, post \(largest.rootPostID) by \(author), reached \(groupedDigits(largest.size)) accounts at depth \(formatNumber(largest.depth, digits: 3))."
            }
            if orphans > 0 { finding += " Left out: \(orphanText)." }
        }
        // Cells only for the rows the page carries; the CSV has every cascade, written as bytes.
        let rowsShown = 15
        let cascades = analysis.cascadeTable(dataset: dataset, rows: max(rowsShown, BriefingDocument.filterableRows))
        var section = BriefingSection(
            title: "Cascades",
            paragraphs: [
                finding,
                "How: structural virality is the mean distance between participants (Goel et al. 2016): near 1 for a broadcast, higher when content travels person to person. The stage path lists the kinds of accounts in the order they joined.",
            ],
            figures: figures,
            tables: [cascades, analysis.aggregateTable(dataset: dataset, by: .kind)], rowsShown: rowsShown, notes: notes,
            headline: analysis.cascades.isEmpty ? nil : finding
        )
        section.csvFiles[cascades.name] = BriefingCSV(rowCount: analysis.cascades.count, bytes: analysis.cascadeCSVBytes(dataset: dataset))
        return section
    }

    private func pickupSection() throws -> BriefingSection {
        onStep("local pickup")
        let pickup = LocalPickup(dataset: dataset)
        var paragraphs: [String] = []
        if pickup.localOriginals == 0 {
            paragraphs.append("No local originals: no post by a city account or a municipal or county centre starts a cascade in this data.")
        } else {
            var sentence = "Of \(groupedDigits(pickup.localOriginals)) local originals (posts by city accounts and municipal or county centres),"
                + " \(groupedDigits(pickup.pickedUp)) (\(percentText(Double(pickup.pickedUp) / Double(pickup.localOriginals)))) were reposted by an influencer"
            if let median = pickup.medianDelay { sentence += ", after a median of \(elapsedText(median).dropFirst())" }
            sentence += "; \(groupedDigits(pickup.communityReposts)) community reposts followed an influencer's pickup."
            paragraphs.append(sentence)
            if let top = pickup.pairs.first {
                let spread = pickup.pairs.max { ($0.communityReposts, $1.influencer) < ($1.communityReposts, $0.influencer) }
                // Pairs are sorted by pickups, so the tie is a prefix; naming one of a tie would crown it.
                let tied = pickup.pairs.prefix { $0.pickups == top.pickups }
                var line: String
                if tied.count == 1 {
                    line = "Most frequent pair: \(dataset.accounts[Int(top.influencer)].label) picked up \(groupedDigits(top.pickups)) of \(top.city)'s originals."
                } else {
                    let listed = tied.prefix(5).map { "\(dataset.accounts[Int($0.influencer)].label) with \($0.city)'s" }
                    line = "Most frequent pairs, \(tied.count) tied at \(groupedDigits(top.pickups)) pickups each: "
                        + listed.joined(separator: ", ") + " originals" + (tied.count > 5 ? " and \(tied.count - 5) more" : "") + "."
                }
                if let spread, spread.communityReposts > 0 {
                    let spreader = dataset.accounts[Int(spread.influencer)]
                    line += " Most community spread: \(spreader.label) on \(spread.city)'s content (\(groupedDigits(spread.communityReposts)) community reposts)."
                }
                paragraphs.append(line)
            }
        }
        paragraphs.append("How: a pickup is an influencer's repost anywhere in a local original's cascade (parent_post chains); community reposts are credited to the nearest influencer above them.")
        return BriefingSection(
            title: "Local creation → influencer pickup → community spread", paragraphs: paragraphs, tables: [pickup.table(dataset: dataset)],
            headline: pickup.localOriginals == 0 ? nil : paragraphs.first
        )
    }

    private func coordinationSection() throws -> BriefingSection {
        onStep("coordination")
        let object = SharedObjectKey.automatic(for: dataset.posts)
        let log = ShareLog(posts: dataset.posts, object: object)
        var notes: [String] = []
        let window = try affordableWindow(log, notes: &notes)
        let network = CoActionNetwork(log: log, options: .repeatedPairs(window: window))
        let groups = CoordinationGroups(network: network, method: .louvain, seed: options.seed)
        let figures = network.edges.isEmpty ? [] : [
            figure("coordination", notes: &notes) { try CoordinationFigure.figure(of: network, groups: groups, dataset: dataset, options: .init(maxGroups: 6, engine: Self.networkEngine, caption: caption, maxNodes: 150, maxEdges: 450)) },
        ].compactMap { $0 }
        let campaigns = CoordinationCampaigns(posts: dataset.posts, network: network, groups: groups, object: .campaignLabel(for: dataset.posts))
        var baseline: ShuffleBaseline?
        // A per-object shuffle keeps every object's share times, so each costs exactly the
        // observed pairs: the budget is known before any shuffle runs.
        let shuffles = options.coordinationShuffles
        if shuffles > 0, !network.edges.isEmpty {
            if network.pairCount * shuffles <= options.coordinationPairBudget {
                onStep("coordination baseline (\(shuffles) per-object shuffles)")
                baseline = ShuffleBaseline(log: log, network: network, shuffles: shuffles, seed: options.seed, method: .object)
            } else {
                notes.append(
                    "baseline skipped: \(shuffles) per-object shuffles would match \(groupedDigits(network.pairCount * shuffles)) pairs, over the budget of \(groupedDigits(options.coordinationPairBudget)); "
                        + "run `reachgraph coordination --shuffles R --shuffle-method object`"
                )
            }
        }
        var paragraphs = CoordinationFindings.sentences(
            network: network, groups: groups, campaigns: campaigns, baseline: baseline, dataset: dataset, object: object
        )
        // `coordination`'s defaults (every pair, connected components, time shifts) differ from
        // the briefing's choices, so a reader who reruns it needs them spelled out.
        var rerun = "reachgraph coordination INPUT --window \(formatNumber(window))s --weight objects --min-weight 2 --groups louvain --seed \(options.seed)"
        if object != .parent { rerun += " --object \(object.rawValue)" }
        if baseline != nil { rerun += " --shuffle-method object --shuffles \(shuffles)" }
        paragraphs.append(
            "The same \(baseline == nil ? "network and groups" : "network, groups and baseline") at the command line: `\(rerun)`, with INPUT and the options that read it (a store's `--period`, `--map` …) as given to `brief`."
        )
        return BriefingSection(
            title: "Coordination",
            paragraphs: paragraphs,
            figures: figures,
            tables: [network.summaryTable(groups: groups, baseline: baseline), network.edgeTable(baseline: baseline), groups.groupTable(network: network), campaigns.table()],
            notes: notes, csvOnlyTables: [groups.memberTable(network: network)], headline: paragraphs.first
        )
    }

    /// The co-action window: the one asked for when its sweep fits the pair budget, else the
    /// widest of a few narrower ones that does (noted); throws when none does.
    private func affordableWindow(_ log: ShareLog, notes: inout [String]) throws -> Double {
        let asked = options.coordinationWindow
        let candidates = [asked] + [300.0, 120, 60, 30, 10, 1].filter { $0 < asked }
        var first: Int?
        for window in candidates {
            let pairs = CoActionCost.candidatePairs(log: log, options: CoActionOptions(window: window, minWeight: 2))
            if first == nil { first = pairs }
            guard pairs <= options.coordinationPairBudget else { continue }
            if window != asked {
                notes.append(
                    "window narrowed from \(formatNumber(asked)) s to \(formatNumber(window)) s: \(formatNumber(asked)) s would compare "
                        + "\(groupedDigits(first ?? 0)) pairs of shares, over the budget of \(groupedDigits(options.coordinationPairBudget))"
                )
            }
            return window
        }
        throw BriefingSkip(
            "even a 1 s window compares more than \(groupedDigits(options.coordinationPairBudget)) pairs of shares "
                + "(\(groupedDigits(first ?? 0)) at \(formatNumber(asked)) s); run `reachgraph coordination` with --min-participation"
        )
    }

    private func structureSection() throws -> BriefingSection {
        onStep("1+N structure")
        // Groups detected in the reposts are not the roster the reader declared: say what is missing
        // rather than score them.
        if DeclaredStructure.rosterDeclaresNoParents(in: dataset) {
            throw BriefingSkip(
                "the roster gives provinces and tiers but no account declares a parent, so no 1+N structure is declared "
                    + "(`reachgraph structure` detects hub-and-spoke groups in the reposts instead)"
            )
        }
        let analysis = StructureAnalysis(dataset: dataset, options: StructureOptions(seed: options.seed))
        var notes: [String] = []
        var figures: [BriefingFigure] = []
        for scorecard in analysis.scorecards {
            let name = "structure-" + scorecard.structure.name.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
            do {
                let parts = try StructureFigure.figures(of: scorecard, dataset: dataset, options: .init(caption: caption))
                for (index, part) in parts.enumerated() {
                    figures += [figure(parts.count == 1 ? name : "\(name)-\(index + 1)", notes: &notes) { part }].compactMap { $0 }
                }
            } catch {
                notes.append("figure \(name) skipped: \(error)")
            }
        }
        if analysis.scorecards.contains(where: { !$0.structure.spokes.isEmpty }) {
            figures.insert(contentsOf: [figure("structure-spokes", notes: &notes) { try SpokeDotPlot.figure(of: analysis, dataset: dataset, caption: caption) }].compactMap { $0 }, at: 0)
        }
        var lockstepTables: [ResultTable] = []
        var lockstepSentences: [String] = []
        do {
            let lockstep = try rosterLockstep(analysis)
            lockstepSentences.append(StructureFindings.lockstepSentence(lockstep, dataset: dataset))
            lockstepTables.append(lockstep.table())
        } catch {
            notes.append("accounts in lockstep with the roster skipped: \(error)")
        }
        let findings = StructureFindings.sentences(analysis, dataset: dataset)
        return BriefingSection(
            title: "1+N structure",
            paragraphs: findings + lockstepSentences + [
                analysis.isDetected
                    ? "No roster declares tiers and parents, so hub-and-spoke groups were detected from the reposts."
                    : "How: for each declared provincial structure (hub, municipal spokes, county units), how much of the hub's content the spokes carry and how fast, whether they move together more than chance, whether county reposts come through their declared city, how tree-like the observed flow is (Krackhardt's measures are all 1 for a perfect out-tree), and how far content leaves the roster.",
            ],
            figures: figures,
            tables: [analysis.scorecardWideTable(dataset: dataset), analysis.spokeTable(dataset: dataset)] + lockstepTables, rowsShown: 60, notes: notes,
            csvOnlyTables: [analysis.scorecardTable(dataset: dataset)], headline: StructureFindings.headline(analysis, dataset: dataset)
        )
    }

    /// Accounts outside the declared (or detected) roster co-reposting with its members more than
    /// per-object shuffles give; throws when the sweep is over the pair budget.
    private func rosterLockstep(_ analysis: StructureAnalysis) throws -> RosterLockstep {
        onStep("accounts in lockstep with the roster")
        let roster = Set(analysis.scorecards.flatMap { $0.structure.members }.map { dataset.accounts[Int($0)].id })
        let log = ShareLog(posts: dataset.posts, object: .parent)
        let window = options.coordinationWindow
        let pairs = CoActionCost.candidatePairs(log: log, options: CoActionOptions(window: window))
        guard pairs * (options.coordinationShuffles + 1) <= 5 * options.coordinationPairBudget else {
            throw BriefingSkip("\(options.coordinationShuffles + 1) sweeps of \(groupedDigits(pairs)) candidate pairs are over the budget; run `reachgraph coordination` with --shuffles")
        }
        return RosterLockstep(log: log, roster: roster, window: window, shuffles: options.coordinationShuffles, seed: options.seed)
    }

    private func reachSection() throws -> BriefingSection {
        onStep("who to reach")
        let selection = try SeedSelection(
            dataset: dataset, k: options.seedCount, model: .independentCascade(.weightedCascade), method: .imm(epsilon: 0.1, ell: 1), seed: options.seed
        )
        let table = selection.seedTable(dataset: dataset, name: "who_to_reach", title: "\(selection.choice.seeds.count) accounts that would reach the most")
        let estimate = selection.estimate
        let interval = estimate.confidenceInterval
        let names = selection.choice.seeds.prefix(3).map { dataset.accounts[Int($0)].label }
        let finding = "If these \(selection.choice.seeds.count) accounts (first \(names.joined(separator: ", "))) posted the same content, it would reach \(Self.reachText(estimate.expectedReach)) accounts on average, themselves included (95% interval \(Self.reachText(interval.lowerBound))–\(Self.reachText(interval.upperBound)), \(estimate.runs) simulations)."
        return BriefingSection(
            title: "Who to reach",
            paragraphs: [
                finding,
                "How: the weighted cascade model, where an account reposts a source with probability proportional to how often it reposted it before; accounts chosen by IMM (Tang et al. 2015).",
            ],
            tables: [table], headline: finding
        )
    }

    /// The composite rank of the report's top 8 in every period up to its own; `nil` when the
    /// data has one period before it.
    /// A number of accounts as a reader takes it in: whole and grouped from a thousand up
    /// ("51,560", not "5.156e+04"), with up to four significant digits below, so a mean of 12.65
    /// is not written 13 beside its interval 12.53–12.78.
    static func reachText(_ accounts: Double) -> String {
        accounts >= 1000 ? groupedDigits(Int(accounts.rounded())) : formatNumber(accounts, digits: 4)
    }

    private func indexTrendFigure(_ index: CommunicationPowerIndex, report: IndexReport, units: String) throws -> BriefingFigure? {
        guard let position = index.periods.firstIndex(of: report.period), position > 0 else { return nil }
        let reports = try index.reports(by: report.grouping).prefix(position + 1)
        let trend = IndexTrend(reports: Array(reports), top: 8)
        let caption = "Composite rank of the top \(trend.lines.count) \(units) of \(report.period) in each period since \(index.periods[0]) (1 = first; a gap: not ranked that period)"
        return BriefingFigure(
            name: "index-trend", caption: caption + (isSynthetic ? " · \(CaptionOptions.syntheticNotice)" : ""),
            svg: trend.rankChart(caption: isSynthetic ? CaptionOptions.syntheticNotice : nil).svg()
        )
    }

    private func indexSection() throws -> BriefingSection {
        onStep("communication power index")
        let grouping = options.indexGrouping ?? (dataset.accounts.contains { $0.city != nil } ? .city : .account)
        let weights = options.indexWeights ?? .default
        let index = CommunicationPowerIndex(dataset: dataset, weights: weights)
        let report = try index.report(period: options.indexPeriod, by: grouping)
        guard !report.composite.isEmpty else {
            var reason = report.notes
            if report.platforms.allSatisfy({ $0.platform.accountCount == 0 }) {
                reason = ["no metrics row is on a platform the weights index (\(report.platforms.map(\.platform.name).joined(separator: ", ")))"]
                    + report.notes.filter { $0.hasPrefix("metrics rows on platforms without weights") }
            }
            throw BriefingSkip("no composite ranking in \(report.period): " + reason.joined(separator: "; "))
        }
        let units = grouping.unitsName
        let chart = report.barChart(top: 10, caption: isSynthetic ? CaptionOptions.syntheticNotice : nil)
        var paragraphs: [String] = []
        if let first = report.composite.first {
            var sentence = "In \(report.period), \(first.unit.label) leads the composite index of \(groupedDigits(report.composite.count)) \(units) (score \(formatNumber(first.score, digits: 3)))"
            if let second = report.composite.dropFirst().first { sentence += ", ahead of \(second.unit.label) (\(formatNumber(second.score, digits: 3)))" }
            paragraphs.append(sentence + ".")
            if let movement = IndexMovement(report) { paragraphs.append(movement.sentence()) }
            if let activity = IndexFindings.activitySentence(report) { paragraphs.append(activity) }
        }
        let used = report.platforms.map { ranking -> String in
            let platform = ranking.platform
            let share = platform.isInComposite ? "\(formatNumber(platform.compositeWeight, digits: 3)) of the composite" : "ranked, not in the composite (\(platform.exclusionReason ?? ""))"
            return "\(platform.name) \(share)"
        }
        paragraphs.append("Weights used\(weights.about == nil ? "" : " (\(options.indexWeights == nil ? "default" : "from --weights"))"): " + used.joined(separator: "; ") + "; \(formatNumber(weights.quantitativeShare * 100, digits: 3))% quantitative, \(formatNumber((1 - weights.quantitativeShare) * 100, digits: 3))% qualitative.")
        if weights.weightsFromUserScale {
            let cited = weights.platforms.compactMap { platform in
                platform.userScale.map { "\(platform.name) \(groupedDigits(Int(($0.monthlyUsers / 1e6).rounded()))) million (\($0.publisher), \($0.asOf))" }
            }
            paragraphs.append("Platform weights are proportional to published monthly users: " + cited.joined(separator: "; ") + ". The weights file cites each source; the figures differ in date and definition (docs/communication-power-index.md).")
        }
        paragraphs.append("How: creation (G: posts), interaction (I: shares, comments and likes) and utilisation (U: followers, follower gain and views) per platform, normalised within the period, weighted by platform (docs/communication-power-index.md). The table puts each unit's totals beside its rates: interactions and views per post, and follower growth over the followers at the start of the period. Change is against the previous period.")
        // The composite, then one TOP-10 per platform, then the platform weights used.
        return BriefingSection(
            title: "Communication power index",
            paragraphs: paragraphs,
            figures: [
                BriefingFigure(
                    name: "index", caption: "Communication power index, top 10 \(units) (composite), \(report.period)" + (isSynthetic ? " · \(CaptionOptions.syntheticNotice)" : ""),
                    svg: chart.svg()
                ),
            ] + (try indexTrendFigure(index, report: report, units: units).map { [$0] } ?? []),
            tables: [report.activityTable(top: 10)] + report.tables(top: 10).dropFirst(), rowsShown: 10,
            csvOnlyTables: [report.tables(top: nil)[0]], headline: paragraphs.first
        )
    }
}
