import CGraphviz
import Foundation
import ReachGraph

extension BriefingFigure {
    /// The figure `make` draws, rendered as SVG (and PNG when `png`); `nil` with a line in `notes`
    /// when it cannot be made, its layout would be over its engine's budget (checked before
    /// Graphviz runs), or rendering fails. A trimmed figure is kept and its trim noted. Both
    /// briefings (``BriefingBuilder`` and ``SparkBriefingBuilder``) render through it, so a figure
    /// degrades the same way in each.
    static func rendered(_ name: String, png: Bool, notes: inout [String], _ make: () throws -> Figure) -> BriefingFigure? {
        do {
            let drawn = try make()
            if let problem = drawn.layoutProblem {
                notes.append("figure \(name) skipped before layout: \(problem)")
                return nil
            }
            let svg = try drawn.render(as: .svg)
            let pngData = png ? try drawn.render(as: .png).data : nil
            if let trimmed = drawn.trimmed { notes.append("figure \(name) trimmed: \(trimmed)") }
            let notice = svg.notice.map { " \($0)" } ?? ""
            return BriefingFigure(name: name, caption: drawn.caption.joined(separator: " · ") + notice, svg: String(decoding: svg.data, as: UTF8.self), png: pngData)
        } catch {
            notes.append("figure \(name) skipped: \(error)")
            return nil
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
