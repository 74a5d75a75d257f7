import CGraphviz
import Foundation
import ReachGraph

extension BriefingFigure {
    /// The figure `make` draws, rendered as SVG, its PNG queued on `pngs` when given; `nil` with
    /// a line in `notes` when it cannot be made, its layout would be over its engine's budget
    /// (checked before Graphviz runs), or rendering fails. A trimmed figure is kept and its trim
    /// noted. Both briefings (``BriefingBuilder`` and ``SparkBriefingBuilder``) render through
    /// it, so a figure degrades the same way in each.
    static func rendered(_ name: String, pngs: BackgroundPNGs?, notes: inout [String], _ make: () throws -> Figure) -> BriefingFigure? {
        do {
            let drawn = try make()
            if let problem = drawn.layoutProblem {
                notes.append("figure \(name) skipped before layout: \(problem)")
                return nil
            }
            let svg = try drawn.render(as: .svg)
            pngs?.render(drawn, named: name)
            if let trimmed = drawn.trimmed { notes.append("figure \(name) trimmed: \(trimmed)") }
            let notice = svg.notice.map { " \($0)" } ?? ""
            return BriefingFigure(name: name, caption: drawn.caption.joined(separator: " · ") + notice, svg: String(decoding: svg.data, as: UTF8.self))
        } catch {
            notes.append("figure \(name) skipped: \(error)")
            return nil
        }
    }
}

/// The PNG copies of a briefing's figures (for its Markdown), rendered one after another on a
/// background thread while the analyses go on, and put into their figures at the end
/// (``attach(to:)``). Rasterising took about half a second of one thread per figure on the 2.5M
/// IRA-sized posts, in between analyses that mostly use one thread (BENCHMARKS.md, "The
/// briefing's PNGs"). Graphviz calls stay serialised by ``GraphvizLibrary``'s lock, and each
/// render reseeds the layout, so the bytes do not depend on when it ran.
final class BackgroundPNGs: @unchecked Sendable {
    private let queue = DispatchQueue(label: "ReachGraphviz.briefing-png")
    /// Read and written only on `queue`.
    private var results: [String: Result<Data, Error>] = [:]

    /// Queues the PNG of `figure` under `name` (a figure name is unique within a briefing).
    func render(_ figure: Figure, named name: String) {
        queue.async { [self] in results[name] = Result { try figure.render(as: .png).data } }
    }

    /// Waits for every queued PNG and gives each figure its own; a figure whose PNG failed keeps
    /// its SVG (which the Markdown then links) and its section says why. The PNGs are handed over:
    /// a later build starts from none.
    func attach(to sections: inout [BriefingSection]) {
        let results = queue.sync {
            defer { self.results = [:] }
            return self.results
        }
        for section in sections.indices {
            for figure in sections[section].figures.indices {
                let name = sections[section].figures[figure].name
                switch results[name] {
                case .success(let data)?: sections[section].figures[figure].png = data
                case .failure(let error)?: sections[section].notes.append("figure \(name): PNG not rendered (the SVG is linked instead): \(error)")
                case nil: break
                }
            }
        }
    }
}

extension Array where Element == BriefingSection {
    /// Appends the section `make` writes or, when it throws, the title with a one-line reason:
    /// a briefing never fails as a whole because one analysis did.
    ///
    /// The section's working memory is then handed back to the system. glibc keeps freed heap
    /// for reuse and, once a large array has been freed, serves arrays up to that size from the
    /// heap instead of fresh mappings, so each analysis's freed arrays stayed in the process while
    /// the next one allocated its own: on 2.5M posts the briefing peaked at 1,097 MiB of RSS over
    /// about 943 MB of live heap (heaptrack), and at 945 MiB with freed memory returned
    /// (BENCHMARKS.md, "Louvain on pointers and the briefing within 1 GB").
    mutating func append(_ title: String, orSkip make: () throws -> BriefingSection) {
        do {
            append(try make())
        } catch {
            append(BriefingSection(title: title, paragraphs: [], notes: ["skipped: \(error)"]))
        }
        reachgraph_return_freed_memory()
    }
}
