import Foundation

/// Reading a weights file: Codable decoding that rejects unknown keys (a misspelt key would
/// otherwise be ignored silently) and validates every value where it is read, so each error
/// carries the JSON path of the value at fault.
extension IndexWeights: Decodable {
    private static let topLevelKeys = ["about", "platforms", "indicators", "options", "quantitative_share", "min_accounts_per_platform"]
    private static let platformKeys = ["weight", "monthly_users", "dimensions", "in_composite"]
    private static let userScaleKeys = ["value", "as_of", "publisher", "url", "title", "note"]
    private static let optionKeys = ["log1p", "per_post_rates", "normalisation"]

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: JSONKey.self)
        try container.rejectKeys(notIn: Self.topLevelKeys)
        about = try container.decodeIfPresent(String.self, forKey: JSONKey("about"))
        platforms = try Self.decodePlatforms(container.nestedContainer(keyedBy: JSONKey.self, forKey: JSONKey("platforms")))
        indicators = try Self.decodeIndicators(container.nestedContainer(keyedBy: JSONKey.self, forKey: JSONKey("indicators")))
        options = try Self.decodeOptions(container.nestedContainer(keyedBy: JSONKey.self, forKey: JSONKey("options")))
        let shareKey = JSONKey("quantitative_share")
        quantitativeShare = try container.decode(Double.self, forKey: shareKey)
        guard (0 ... 1).contains(quantitativeShare) else {
            throw invalid(container.codingPath + [shareKey], "\(formatNumber(quantitativeShare)) is outside 0–1")
        }
        let minimumKey = JSONKey("min_accounts_per_platform")
        let minimum = try container.decode(Double.self, forKey: minimumKey)
        guard minimum.rounded() == minimum, minimum >= 1, minimum <= Double(Int32.max) else {
            throw invalid(container.codingPath + [minimumKey], "\(formatNumber(minimum)) is not a whole number of at least 1")
        }
        minimumAccountsPerPlatform = Int(minimum)
    }

    private static func decodePlatforms(_ container: KeyedDecodingContainer<JSONKey>) throws -> [Platform] {
        var platforms: [Platform] = []
        for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
            let name = key.stringValue.lowercased()
            let path = container.codingPath + [key]
            guard knownPlatforms.contains(name) else {
                throw invalid(path, "unknown platform \"\(key.stringValue)\" (known: \(knownPlatforms.joined(separator: ", ")))")
            }
            guard !platforms.contains(where: { $0.name == name }) else {
                throw invalid(path, "names the same platform as another key (platform names ignore case)")
            }
            let entry = try container.nestedContainer(keyedBy: JSONKey.self, forKey: key)
            try entry.rejectKeys(notIn: platformKeys)
            let weightKey = JSONKey("weight"), usersKey = JSONKey("monthly_users")
            var weight = 0.0
            var userScale: UserScale?
            switch (entry.contains(weightKey), entry.contains(usersKey)) {
            case (true, true):
                throw invalid(path, "gives both weight and monthly_users; give one (monthly_users derives the weight)")
            case (false, true):
                userScale = try decodeUserScale(entry.nestedContainer(keyedBy: JSONKey.self, forKey: usersKey))
            default:
                weight = try entry.decodeWeight(weightKey)
            }
            let dimensionsContainer = try entry.nestedContainer(keyedBy: JSONKey.self, forKey: JSONKey("dimensions"))
            let dimensions = try decodeShares(dimensionsContainer, of: IndexDimension.allCases, unknown: { _ in
                "is not a dimension (G, I or U)"
            })
            let inComposite = try entry.decodeIfPresent(Bool.self, forKey: JSONKey("in_composite")) ?? true
            platforms.append(Platform(name: name, weight: weight, dimensions: dimensions, inComposite: inComposite, userScale: userScale))
        }
        guard !platforms.isEmpty else { throw invalid(container.codingPath, "names no platform") }
        platforms.sort { (knownPlatforms.firstIndex(of: $0.name) ?? 0) < (knownPlatforms.firstIndex(of: $1.name) ?? 0) }
        let derived = platforms.filter { $0.userScale != nil }
        if derived.isEmpty {
            try checkSum(platforms.map(\.weight), at: container.codingPath)
        } else if let given = platforms.first(where: { $0.userScale == nil }) {
            throw invalid(
                container.codingPath,
                "\(derived[0].name) gives monthly_users but \(given.name) gives a weight; give weights for every platform, or monthly_users for every platform"
            )
        } else {
            let total = platforms.reduce(0) { $0 + ($1.userScale?.monthlyUsers ?? 0) }
            for index in platforms.indices { platforms[index].weight = (platforms[index].userScale?.monthlyUsers ?? 0) / total }
        }
        guard platforms.contains(where: \.inComposite) else {
            throw invalid(container.codingPath, "no platform enters the composite (every in_composite is false)")
        }
        return platforms
    }

    /// `monthly_users`: a positive number of users and its citation.
    private static func decodeUserScale(_ container: KeyedDecodingContainer<JSONKey>) throws -> UserScale {
        try container.rejectKeys(notIn: userScaleKeys)
        let valueKey = JSONKey("value")
        let value = try container.decode(Double.self, forKey: valueKey)
        guard value > 0, value.isFinite else { throw invalid(container.codingPath + [valueKey], "\(formatNumber(value)) is not a positive number of users") }
        func text(_ name: String) throws -> String {
            let key = JSONKey(name)
            let text = try container.decode(String.self, forKey: key)
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw invalid(container.codingPath + [key], "is empty; cite the source") }
            return text
        }
        return UserScale(
            monthlyUsers: value, asOf: try text("as_of"), publisher: try text("publisher"), url: try text("url"),
            title: try container.decodeIfPresent(String.self, forKey: JSONKey("title")),
            note: try container.decodeIfPresent(String.self, forKey: JSONKey("note"))
        )
    }

    private static func decodeIndicators(_ container: KeyedDecodingContainer<JSONKey>) throws -> [IndexDimension: [IndexIndicator: Double]] {
        try container.rejectKeys(notIn: IndexDimension.allCases.map(\.rawValue))
        var indicators: [IndexDimension: [IndexIndicator: Double]] = [:]
        for dimension in IndexDimension.allCases {
            let nested = try container.nestedContainer(keyedBy: JSONKey.self, forKey: JSONKey(dimension.rawValue))
            let members = dimension.indicators.map(\.rawValue).joined(separator: ", ")
            indicators[dimension] = try decodeShares(nested, of: dimension.indicators, unknown: { name in
                if let other = IndexIndicator(rawValue: name) {
                    return "\(name) is a \(other.dimension.rawValue) indicator, not \(dimension.rawValue) (\(dimension.rawValue): \(members))"
                }
                return "unknown indicator \"\(name)\" (\(dimension.rawValue): \(members))"
            })
        }
        return indicators
    }

    private static func decodeOptions(_ container: KeyedDecodingContainer<JSONKey>) throws -> IndicatorOptions {
        try container.rejectKeys(notIn: optionKeys)
        let key = JSONKey("normalisation")
        let name = try container.decode(String.self, forKey: key)
        guard let normalisation = IndexNormalisation(rawValue: name) else {
            let names = IndexNormalisation.allCases.map(\.rawValue).joined(separator: ", ")
            throw invalid(container.codingPath + [key], "\"\(name)\" is not one of \(names)")
        }
        return IndicatorOptions(
            log1p: try container.decode(Bool.self, forKey: JSONKey("log1p")),
            perPostRates: try container.decode(Bool.self, forKey: JSONKey("per_post_rates")),
            normalisation: normalisation
        )
    }

    /// An object of non-negative weights keyed by the raw values of `members` (an omitted member
    /// weighs 0) that sum to 1.
    private static func decodeShares<Member: RawRepresentable & Hashable>(
        _ container: KeyedDecodingContainer<JSONKey>, of members: [Member], unknown: (String) -> String
    ) throws -> [Member: Double] where Member.RawValue == String {
        var shares: [Member: Double] = [:]
        for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
            guard let member = members.first(where: { $0.rawValue == key.stringValue }) else {
                throw invalid(container.codingPath + [key], unknown(key.stringValue))
            }
            shares[member] = try container.decodeWeight(key)
        }
        try checkSum(Array(shares.values), at: container.codingPath)
        return shares
    }

    private static func checkSum(_ weights: [Double], at path: [CodingKey]) throws {
        let sum = weights.reduce(0, +)
        guard abs(sum - 1) <= sumTolerance else {
            throw invalid(path, "weights sum to \(formatNumber(sum)), not 1")
        }
    }

    /// The one-line description of a decoding failure: the JSON path, then what is wrong.
    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context):
            return "\(jsonPath(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "\(jsonPath(context.codingPath + [key])): is missing but required"
        case .typeMismatch(let type, let context):
            return "\(jsonPath(context.codingPath)): expected \(valueName(type))"
        case .valueNotFound(let type, let context):
            return "\(jsonPath(context.codingPath)): expected \(valueName(type)), found null"
        @unknown default:
            return "\(error)"
        }
    }

    /// `platforms.tiktok.weight`; `top level` for the root; keys that are not plain words quoted.
    static func jsonPath(_ path: [CodingKey]) -> String {
        guard !path.isEmpty else { return "top level" }
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else if !key.stringValue.isEmpty, key.stringValue.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            } else {
                text += "[\"\(key.stringValue.replacingOccurrences(of: "\"", with: "\\\""))\"]"
            }
        }
        return text
    }

    private static func valueName(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Int.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is String.Type: return "text"
        default: return "an object"
        }
    }
}

/// A JSON object key, so containers can list and check the keys a file actually has.
struct JSONKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}

private func invalid(_ path: [CodingKey], _ message: String) -> DecodingError {
    .dataCorrupted(DecodingError.Context(codingPath: path, debugDescription: message))
}

extension KeyedDecodingContainer where Key == JSONKey {
    /// Throws at the first key (in sorted order, so errors are reproducible) not in `known`.
    fileprivate func rejectKeys(notIn known: [String]) throws {
        let unknown = allKeys.map(\.stringValue).filter { !known.contains($0) }.sorted()
        if let first = unknown.first {
            throw invalid(codingPath + [JSONKey(first)], "unknown key (expected \(known.joined(separator: ", ")))")
        }
    }

    /// A weight: a number, zero or more.
    fileprivate func decodeWeight(_ key: JSONKey) throws -> Double {
        let value = try decode(Double.self, forKey: key)
        guard value >= 0 else { throw invalid(codingPath + [key], "\(formatNumber(value)) is negative") }
        return value
    }
}
