import ReachGraph

/// What the 1+N section opens with, per declared structure: the structure's coverage, the spokes
/// that never relayed the hub within the window (coverage 0), and the fastest and slowest spokes
/// by median lag among those with ``minimumResponsesForLag`` reposts, with their counts; computed
/// from the scorecard, named by account. Coverage is said as two numbers, each named for what it
/// counts, because they differ widely (Fujian in the sample: a spoke reposted 37% of the hub's
/// posts on average, yet 97% were reposted by at least one spoke).
/// Then one sentence per province left out, with its reason.
/// - Complexity: O(spokes log spokes) per structure.
enum StructureFindings {
    /// Reposts a spoke needs to be named fastest or slowest: on the sample the slowest spoke's
    /// median was one repost and the fastest's three, which says nothing about how each spoke
    /// usually responds.
    static let minimumResponsesForLag = 5

    static func sentences(_ analysis: StructureAnalysis, dataset: Dataset) -> [String] {
        analysis.scorecards.map { card in
            let structure = card.structure
            let response = card.response
            func name(_ spoke: Int) -> String {
                let account = dataset.accounts[Int(structure.spokes[spoke])]
                return account.label
            }
            let window = String(elapsedText(response.window).dropFirst())
            var parts: [String] = []
            if let coverage = response.structureCoverage, let reached = response.shareOfHubPosts(respondedToByAtLeast: 1) {
                parts.append(
                    "\(structure.name) (\(structure.spokes.count == 1 ? "1 spoke" : "\(groupedDigits(structure.spokes.count)) spokes")): on average a spoke reposted \(percentText(coverage)) of the hub's \(groupedDigits(response.hubPosts.count)) posts within \(window); "
                        + "\(percentText(reached)) were reposted by at least one spoke"
                )
            } else {
                parts.append("\(structure.name): the hub posted nothing the spokes could relay")
            }
            let silent = structure.spokes.indices.filter { response.coverage(ofSpoke: $0) == 0 }
            if silent.isEmpty {
                if response.structureCoverage != nil { parts.append("every spoke relayed the hub at least once") }
            } else {
                let listed = silent.prefix(5).map(name).joined(separator: ", ") + (silent.count > 5 ? " and \(silent.count - 5) more" : "")
                parts.append("\(silent.count == 1 ? "one spoke never relayed" : "\(silent.count) spokes never relayed") the hub: \(listed)")
            }
            let responding = structure.spokes.indices.filter { !response.delays[$0].isEmpty }
            let lags: [(Int, Double)] = responding.filter { response.delays[$0].count >= minimumResponsesForLag }
                .compactMap { spoke in response.lag(ofSpoke: spoke).map { (spoke, $0.median) } }
                .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
            if let fastest = lags.first, let slowest = lags.last, lags.count > 1 {
                func lag(_ spoke: (Int, Double)) -> String {
                    "\(name(spoke.0)) (median \(elapsedText(spoke.1).dropFirst()) over \(groupedDigits(response.delays[spoke.0].count)) reposts)"
                }
                let ranked = lags.count < responding.count ? ", of the \(lags.count) spokes with at least \(minimumResponsesForLag) reposts" : ""
                parts.append("fastest \(lag(fastest)), slowest \(lag(slowest))" + ranked)
            }
            return parts.joined(separator: "; ") + "."
        } + leftOutSentences(analysis)
    }

    /// One sentence per province the roster names but the scorecard leaves out, with the reason.
    static func leftOutSentences(_ analysis: StructureAnalysis) -> [String] {
        analysis.leftOut.map { "\($0.name) is left out of the scorecard: \($0.reason)." }
    }

    /// One sentence across every structure, for the page's key findings: the range over the
    /// structures of each coverage measure (the share of the hub's posts a spoke reposted on
    /// average, and the share reposted by at least one spoke), and how many spokes never relayed
    /// their hub, then the provinces left out; the section's sentences when there is one structure.
    static func headline(_ analysis: StructureAnalysis, dataset: Dataset) -> String? {
        let cards = analysis.scorecards
        guard cards.count > 1 else {
            let all = sentences(analysis, dataset: dataset)
            return all.isEmpty ? nil : all.joined(separator: " ")
        }
        /// "from 33% (Hainan) to 49% (Zhejiang)", or `nil` when fewer than two structures have the measure.
        func range(_ measure: (SpokeResponse) -> Double?) -> String? {
            let values = cards.compactMap { card in measure(card.response).map { (card.structure.name, $0) } }
                .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            guard let most = values.first, let least = values.last, values.count > 1 else { return nil }
            return "from \(percentText(least.1)) (\(least.0)) to \(percentText(most.1)) (\(most.0))"
        }
        var text = "\(cards.count) hub-and-spoke structures"
        if let average = range(\.structureCoverage), let reached = range({ $0.shareOfHubPosts(respondedToByAtLeast: 1) }) {
            text += ": on average a spoke reposted \(average) of its hub's posts, and \(reached) of a hub's posts were reposted by at least one of its spokes"
        }
        // Only a hub that posted something can be relayed: a structure without hub posts is
        // named apart, not counted as relayed by every spoke.
        let quiet = cards.filter { $0.response.structureCoverage == nil }.map(\.structure.name)
        let silent = cards.map { card in (card.structure.name, card.structure.spokes.indices.filter { card.response.coverage(ofSpoke: $0) == 0 }.count) }
            .filter { $0.1 > 0 }
        let total = silent.reduce(0) { $0 + $1.1 }
        if quiet.count == cards.count {
            text += "; no hub posted anything its spokes could relay."
        } else {
            text += total == 0
                ? "; every spoke relayed its hub at least once"
                : "; \(total == 1 ? "one spoke never relayed its hub" : "\(groupedDigits(total)) spokes never relayed their hub") (\(silent.map { "\($0.0) \($0.1)" }.joined(separator: ", ")))"
            text += quiet.isEmpty ? "." : "; the hub posted nothing to relay in \(quiet.joined(separator: ", "))."
        }
        return ([text] + leftOutSentences(analysis)).joined(separator: " ")
    }

    /// Accounts outside the roster that act in lockstep with it, named with their numbers.
    static func lockstepSentence(_ lockstep: RosterLockstep, dataset: Dataset) -> String {
        func name(_ id: String) -> String { dataset.index(ofAccount: id).flatMap { dataset.accounts[Int($0)].name } ?? id }
        let window = String(elapsedText(lockstep.window).dropFirst())
        let found = lockstep.inLockstep()
        let baseline = "\(lockstep.shuffles) per-object shuffles (each post keeps its reposting curve)"
        guard !found.isEmpty else {
            return "No account outside the roster reposts alongside its members (same post, within \(window)) more often than \(baseline) give at p ≤ 0.05; "
                + "\(groupedDigits(lockstep.accounts.count)) outside accounts co-reposted with it at least once."
        }
        let listed = found.prefix(5).map { account in
            "\(name(account.id)) (\(formatNumber(account.coShares.observed)) co-reposts with \(account.rosterPartners) members, \(formatNumber(account.coShares.expected, digits: 2)) expected)"
        }
        let tested = lockstep.accounts.filter { $0.coShares.observed >= 2 }.count
        return "\(found.count == 1 ? "One account outside the roster acts" : "\(groupedDigits(found.count)) accounts outside the roster act") in lockstep with it, reposting the same posts within \(window) of its members "
            + "more often than \(baseline) give (p ≤ 0.05): " + listed.joined(separator: ", ") + (found.count > 5 ? " and \(found.count - 5) more" : "")
            + ". Of the \(groupedDigits(tested)) outside accounts tested, about \(groupedDigits(Int((Double(tested) * 0.05).rounded()))) would pass by chance alone."
    }
}
