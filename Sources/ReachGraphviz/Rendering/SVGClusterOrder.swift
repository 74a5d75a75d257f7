import Foundation

/// Puts the cluster boxes of a Graphviz SVG in the order of their ids (`clust1`, `clust2`, …).
///
/// cgraph numbers a named subgraph by the heap address of its interned name and keeps subgraphs
/// in that order, so the SVG writer emits cluster boxes in an order that changes from run to run
/// (measured with `dot` on the 1+N figure: 2 orders in 6 sequential runs), while each box's id,
/// title and geometry stay the same. Boxes are drawn before nodes and edges and do not overlap
/// one another's content, so sorting each run of consecutive boxes by id changes no pixel and
/// makes the bytes the same for the same DOT text.
///
/// - Complexity: O(n + k log k) for an SVG of n bytes with k cluster boxes.
/// - Edge cases: text with no cluster box (or not Graphviz's layout of it) comes back unchanged.
enum SVGClusterOrder {
    static func canonical(_ svg: Data) -> Data {
        guard let text = String(data: svg, encoding: .utf8), text.contains("class=\"cluster\"") else { return svg }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var output: [Substring] = []
        output.reserveCapacity(lines.count)
        var index = 0
        while index < lines.count {
            guard clusterNumber(lines[index]) != nil else {
                output.append(lines[index])
                index += 1
                continue
            }
            // A run of consecutive boxes, each from its opening `<g>` to the matching `</g>`.
            var blocks: [(number: Int, lines: ArraySlice<Substring>)] = []
            while index < lines.count, let number = clusterNumber(lines[index]) {
                var depth = 0, end = index
                repeat {
                    depth += lines[end].components(separatedBy: "<g").count - 1
                    depth -= lines[end].components(separatedBy: "</g>").count - 1
                    end += 1
                } while depth > 0 && end < lines.count
                guard depth == 0 else { return svg }
                blocks.append((number, lines[index ..< end]))
                index = end
            }
            for block in blocks.sorted(by: { $0.number < $1.number }) { output.append(contentsOf: block.lines) }
        }
        return Data(output.joined(separator: "\n").utf8)
    }

    /// N of a line `<g id="clustN" class="cluster">`.
    private static func clusterNumber(_ line: Substring) -> Int? {
        guard line.hasPrefix("<g id=\"clust"), line.hasSuffix("\" class=\"cluster\">") else { return nil }
        return Int(line.dropFirst("<g id=\"clust".count).dropLast("\" class=\"cluster\">".count))
    }
}
