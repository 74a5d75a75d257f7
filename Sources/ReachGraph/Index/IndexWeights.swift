import Foundation

/// Everything that configures the communication power index: platform weights, the G/I/U
/// weights inside each platform, the indicator weights inside each dimension, the indicator
/// options, the quantitative/qualitative split and the rule that keeps thinly covered platforms
/// out of the composite.
///
/// Weights are data: they are read from a JSON file (see ``load(contentsOf:)`` and
/// `docs/communication-power-index.md`) and validated, so a report can publish the exact file it
/// used. ``default`` is the shipped choice, identical to `graphs/weights/default-index-weights.json`.
public struct IndexWeights: Sendable, Equatable {
    /// The platforms a weights file may name, in the order tables list them.
    public static let knownPlatforms = ["facebook", "x", "instagram", "youtube", "tiktok"]
    /// How far a group of weights may be from summing to 1.
    public static let sumTolerance = 1e-6

    /// One platform's place in the index.
    public struct Platform: Sendable, Equatable {
        /// Lower-case name, one of ``IndexWeights/knownPlatforms``.
        public var name: String
        /// Its weight in the composite, before platforms left out are removed.
        public var weight: Double
        /// The weight of G, I and U in the platform's quantitative score; they sum to 1.
        public var dimensions: [IndexDimension: Double]
        /// `false` to report the platform but keep it out of the composite.
        public var inComposite: Bool
        /// The published monthly users ``weight`` was derived from, when the file derives
        /// platform weights from user scale; `nil` when it gives weights directly.
        public var userScale: UserScale?

        public init(name: String, weight: Double, dimensions: [IndexDimension: Double], inComposite: Bool = true, userScale: UserScale? = nil) {
            self.name = name
            self.weight = weight
            self.dimensions = dimensions
            self.inComposite = inComposite
            self.userScale = userScale
        }
    }

    /// A platform's published monthly users and where the number comes from, so a report can
    /// cite it. A file that gives these for every platform instead of weights gets weights
    /// proportional to them: `weight(p) = users(p) / Σ users`.
    public struct UserScale: Sendable, Equatable {
        /// Monthly active users (or the platform's nearest published measure; ``note`` says which).
        public var monthlyUsers: Double
        /// When the number was true (`2023-12-31`, `2025-09`).
        public var asOf: String
        /// Who published it (the platform, or who reported the platform's statement).
        public var publisher: String
        public var url: String
        public var title: String?
        /// What the number measures, when not plain monthly active users.
        public var note: String?

        public init(monthlyUsers: Double, asOf: String, publisher: String, url: String, title: String? = nil, note: String? = nil) {
            self.monthlyUsers = monthlyUsers
            self.asOf = asOf
            self.publisher = publisher
            self.url = url
            self.title = title
            self.note = note
        }
    }

    /// Whether the platform weights were derived from published monthly users.
    public var weightsFromUserScale: Bool { !platforms.isEmpty && platforms.allSatisfy { $0.userScale != nil } }

    /// Free text saying where the weights come from; not used in any formula.
    public var about: String?
    /// The platforms indexed, in ``knownPlatforms`` order. Metrics rows on other platforms are
    /// counted and left out.
    public var platforms: [Platform]
    /// The weight of each indicator inside its dimension; each dimension's weights sum to 1.
    public var indicators: [IndexDimension: [IndexIndicator: Double]]
    public var options: IndicatorOptions
    /// The quantitative part's share of a score, in [0, 1]; the qualitative part has the rest.
    public var quantitativeShare: Double
    /// A platform with fewer accounts than this in the period is reported but left out of the
    /// composite.
    public var minimumAccountsPerPlatform: Int

    /// Weights taken as given, without the checks ``init(json:fileName:)`` makes.
    public init(
        about: String? = nil, platforms: [Platform], indicators: [IndexDimension: [IndexIndicator: Double]],
        options: IndicatorOptions, quantitativeShare: Double, minimumAccountsPerPlatform: Int
    ) {
        self.about = about
        self.platforms = platforms
        self.indicators = indicators
        self.options = options
        self.quantitativeShare = quantitativeShare
        self.minimumAccountsPerPlatform = minimumAccountsPerPlatform
    }

    /// The platform called `name` (any case), if the weights index it.
    public func platform(named name: String) -> Platform? {
        let key = name.lowercased()
        return platforms.first { $0.name == key }
    }

    /// Reads and validates the weights file at `path`. Errors name the file and the JSON path:
    /// `weights.json: platforms.tiktok.weight: -0.1 is negative`.
    public static func load(contentsOf path: String) throws -> IndexWeights {
        let file = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: file, message: "cannot read the file")
        }
        InputFiles.register(path)
        return try IndexWeights(json: data, fileName: file)
    }

    /// Decodes and validates weights from JSON text; `fileName` names the source in errors.
    public init(json data: Data, fileName: String) throws {
        guard !data.isEmpty else { throw InputError(file: fileName, message: "file is empty: expected a JSON object of weights") }
        // Syntax first: JSONDecoder reports every syntax error as the same sentence, while
        // JSONSerialization says what is wrong.
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            throw InputError(file: fileName, message: "not valid JSON: \(detail)")
        }
        do {
            self = try JSONDecoder().decode(IndexWeights.self, from: data)
        } catch let error as DecodingError {
            throw InputError(file: fileName, message: Self.describe(error))
        }
    }
}
