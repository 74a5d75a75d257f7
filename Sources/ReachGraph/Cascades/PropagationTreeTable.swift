import ReachGraphCore

extension Array where Element == PropagationTree {
    /// One row per tree: shape and speed (no kinds or followers: the format has none).
    public func cascadeTable(thresholds: [Int] = [10, 100]) -> ResultTable {
        var table = ResultTable(
            name: "cascades", title: "Propagation trees",
            columns: ["root", "size", "depth", "max_breadth", "structural_virality"] + thresholds.map { "time_to_\($0)_s" } + ["dropped_lines"]
        )
        for item in self {
            let shape = CascadeShape(of: item.tree)
            table.rows.append(
                [.text(item.rootID), .integer(shape.size), .integer(shape.depth), .integer(shape.maxBreadth), .number(shape.structuralVirality)]
                    + thresholds.map { item.tree.timeToReach($0).map(Cell.number) ?? .missing }
                    + [.integer(item.diagnostics.total)]
            )
        }
        return table
    }
}
