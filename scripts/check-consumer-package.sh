#!/usr/bin/env bash
# Checks that another package can depend on ReachGraph the way a new user's would: by a version
# tag of a git URL, `.package(url: "file://…/ReachGraph", from: "0.1.0")`. SwiftPM refuses
# dependencies built with unsafe flags and only sees what the package exports, so this catches
# both an `unsafeFlags` setting and an API that only the package's own targets can reach.
#
#     bash scripts/check-consumer-package.sh
#
# Clones the committed HEAD (not uncommitted changes) into a temporary folder without its tags,
# tags it 0.1.0 there, writes a consumer package whose executable calls one function of each
# library product (ReachGraphCore, ReachGraph, ReachGraphviz, ReachGraphSample, ReachGraphStore),
# builds it in debug mode and
# compares what it prints with the known answer. ReachGraph's own dependencies resolve as in any
# build (on these machines git reads github.com from the local mirror). `make test` runs it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# No tags from the original: a later release tag on an older commit would otherwise win `from:`.
git clone --quiet --no-tags "$root" "$work/ReachGraph"
git -C "$work/ReachGraph" -c user.name=check -c user.email=check@localhost tag 0.1.0

mkdir -p "$work/Consumer/Sources/Consumer"
cat > "$work/Consumer/Package.swift" <<EOF
// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Consumer",
    platforms: [.macOS(.v13)],
    dependencies: [.package(url: "file://$work/ReachGraph", from: "0.1.0")],
    targets: [
        .executableTarget(
            name: "Consumer",
            dependencies: [
                .product(name: "ReachGraphCore", package: "ReachGraph"),
                .product(name: "ReachGraph", package: "ReachGraph"),
                .product(name: "ReachGraphviz", package: "ReachGraph"),
                .product(name: "ReachGraphSample", package: "ReachGraph"),
                .product(name: "ReachGraphStore", package: "ReachGraph"),
            ]
        ),
    ]
)
EOF
cat > "$work/Consumer/Sources/Consumer/main.swift" <<'EOF'
import Foundation
import ReachGraph
import ReachGraphCore
import ReachGraphviz
import ReachGraphSample
import ReachGraphStore

// ReachGraph: read an edge list (a three-account repost cycle).
let path = FileManager.default.temporaryDirectory.appendingPathComponent("consumer-\(getpid()).csv").path
try "source,target\na,b\nb,c\nc,a\n".write(toFile: path, atomically: true, encoding: .utf8)
defer { try? FileManager.default.removeItem(atPath: path) }
var list = try EdgeListReader.read(path: path)
let graph = list.takeGraph()
print("edge list: \(graph.nodeCount) nodes, \(graph.edgeCount) edges")

// ReachGraphCore: PageRank on a cycle is uniform.
let ranks = try graph.pageRank()
print("pagerank: " + ranks.map { String(format: "%.4f", $0) }.joined(separator: " "))

// ReachGraphviz: parse DOT with the Graphviz C library.
let counts = try GraphvizLibrary.parseCounts(dot: "digraph { a -> b; b -> c; c -> a }")
print("graphviz: \(counts.nodes) nodes, \(counts.edges) edges")

// ReachGraphSample: the synthetic generator's configuration.
print("sample: " + SyntheticDatasetGenerator(configuration: .init(seed: 7)).datasetName)

// ReachGraphStore: the time window of a month slice, in Unix seconds.
let may = try StoreSlice(period: "2025-05")
print("store: \(Int(may.from!)) ..< \(Int(may.to!))")
EOF

expected="edge list: 3 nodes, 3 edges
pagerank: 0.3333 0.3333 0.3333
graphviz: 3 nodes, 3 edges
sample: ReachGraph synthetic sample (seed 7)
store: 1746057600 ..< 1748736000"

cd "$work/Consumer"
if ! swift build --product Consumer > "$work/build.log" 2>&1; then
    cat "$work/build.log" >&2
    echo "check-consumer-package: a package depending on ReachGraph 0.1.0 does not build (log above)" >&2
    exit 1
fi
actual="$("$(swift build --show-bin-path)/Consumer")"
if [ "$actual" != "$expected" ]; then
    printf 'check-consumer-package: the consumer printed\n%s\nexpected\n%s\n' "$actual" "$expected" >&2
    exit 1
fi
echo "check-consumer-package: a package depending on ReachGraph from: 0.1.0 builds and runs (ReachGraphCore, ReachGraph, ReachGraphviz, ReachGraphSample, ReachGraphStore)"
