/// The version of the ReachGraph package: its libraries and the `reachgraph` tool share it, and a
/// release is tagged with it (`reachgraph --version` prints it).
public let reachGraphVersion = "0.1.0"
