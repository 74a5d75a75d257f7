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

        public init(name: String, weight: Double, dimensions: [IndexDimension: Double], inComposite: Bool = true) {
            self.name = name
            self.weight = weight
            self.dimensions = dimensions
            self.inComposite = inComposite
        }
    }

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
