#!/usr/bin/env bash
# Graphviz benchmarks (release build), results in Benchmarks/graphviz.md:
#   1. in-process rendering vs the `sfdp` tool: the same DOT file (a 5,000-account, 15,000-tie
#      overview made by `reachgraph render`) to SVG; median of 3 runs each; target ratio ≤ 1.1;
#   2. DOT writing for 1,000,000 relations: `export --to dot` and the overview recipe's DOT, with
#      `summary` on the same input as the cost of loading; seconds and peak memory (max RSS).
# `bash Benchmarks/graphviz.sh engines` also re-times every engine with the Graphviz tools on random
# graphs (slow: minutes), the measurements behind LayoutEngine's budgets.
# `bash Benchmarks/graphviz.sh valgrind` instead builds a tiny release probe (in .build-graphviz-probe/)
# that renders in a loop through the public API, and runs it under valgrind's memcheck twice (N and
# 2N rounds) per engine: memory lost per render is the growth between the two.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "valgrind" ]; then
  probe=.build-graphviz-probe
  mkdir -p "$probe/Sources/graphviz-probe"
  cat > "$probe/Package.swift" <<SWIFT
// swift-tools-version:6.0
import PackageDescription
let package = Package(
    name: "GraphvizProbe",
    dependencies: [.package(path: "..")],
    targets: [.executableTarget(name: "graphviz-probe", dependencies: [.product(name: "ReachGraphviz", package: "$(basename "$PWD")")])]
)
SWIFT
  cat > "$probe/Sources/graphviz-probe/main.swift" <<'SWIFT'
// Renders ROUNDS times with ENGINES (comma-separated) to SVG, PNG and PDF, plus one DOT syntax
// error and one parse per round, through ReachGraphviz's public API.
import ReachGraphviz

let arguments = CommandLine.arguments
let rounds = arguments.count > 1 ? Int(arguments[1]) ?? 5 : 5
let engines = arguments.count > 2 ? arguments[2].split(separator: ",").compactMap { LayoutEngine(rawValue: String($0)) } : LayoutEngine.allCases
let dot = """
    digraph { graph [fontname="WenQuanYi Zen Hei"]; node [fontname="WenQuanYi Zen Hei"];
    a -> b -> c -> a; c -> d; d [label="湖南国际传播中心"]; subgraph cluster_x { e; f } e -> a; f -> d }
    """
var bytes = 0, failures = 0
for _ in 0 ..< rounds {
    for engine in engines {
        for format in RenderFormat.allCases {
            do { bytes += try GraphvizRenderer.render(dot: dot, format: format, options: .init(engine: engine)).data.count } catch { failures += 1 }
        }
    }
    if (try? GraphvizRenderer.render(dot: "digraph { a -> ", format: .svg)) != nil { failures += 1 }
    if (try? GraphvizLibrary.parseCounts(dot: dot)) == nil { failures += 1 }
}
print("rounds \(rounds), engines \(engines.map(\.rawValue).joined(separator: ",")): \(bytes) bytes, \(failures) failures")
SWIFT
  (cd "$probe" && swift build -c release >/dev/null)
  bin="$probe/.build/release/graphviz-probe"
  for engine in sfdp dot neato fdp circo twopi; do
    for rounds in 3 6; do
      lost=$(valgrind --leak-check=full "$bin" "$rounds" "$engine" 2>&1 | grep -E "definitely lost|indirectly lost|ERROR SUMMARY" | sed 's/^==[0-9]*== *//' | tr '\n' ';')
      echo "$engine × $rounds rounds (3 formats each): $lost"
    done
  done
  exit 0
fi
data=Benchmarks/data/graphviz
mkdir -p "$data"
swift build -c release --product reachgraph >/dev/null
bin=.build/release/reachgraph

# Seeded random edge lists: `edges NODES EDGES SEED FILE` (self-loops skipped).
edges() {
  [ -f "$4" ] || awk -v n="$1" -v m="$2" -v seed="$3" 'BEGIN { srand(seed); print "source,target,weight";
    for (i = 0; i < m; i++) { a = int(rand() * n); b = int(rand() * n); if (a != b) print "a" a ",a" b "," 1 + int(rand() * 9) } }' > "$4"
}
# Prints "seconds peak-KB" of a command (its output discarded).
measure() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

edges 5000 15000 1 "$data/random-5k.csv"
"$bin" render "$data/random-5k.csv" --layout sfdp --quiet -o "$data/random-5k.dot"
echo "sfdp, 5k-node overview DOT ($(gc -n -e "$data/random-5k.dot" | awk '{ print $1 " nodes, " $2 " edges" }' | head -1)) to SVG:"
inprocess=$(for run in 1 2 3; do measure "$bin" render "$data/random-5k.dot" --layout sfdp --quiet -o "$data/inprocess.svg" | cut -d' ' -f1; done | median)
tool=$(for run in 1 2 3; do measure sfdp -Tsvg "$data/random-5k.dot" -o "$data/tool.svg" | cut -d' ' -f1; done | median)
echo "  in-process (reachgraph render FILE.dot): ${inprocess} s; sfdp tool: ${tool} s; ratio $(awk -v a="$inprocess" -v b="$tool" 'BEGIN { printf "%.2f", a / b }')"

edges 200000 1000000 2 "$data/random-1m.csv"
echo "1,000,000 relations among 200,000 accounts (seconds, peak KB):"
echo "  summary (load + graph, the baseline):   $(measure "$bin" summary "$data/random-1m.csv" --quiet)"
echo "  export --to dot (every attribute):      $(measure "$bin" export "$data/random-1m.csv" --to dot --quiet -o "$data/random-1m-export.dot")"
echo "  render -o overview.dot (styled figure): $(measure "$bin" render "$data/random-1m.csv" --quiet -o "$data/random-1m-overview.dot")"
ls -l "$data/random-1m-export.dot" "$data/random-1m-overview.dot" | awk '{ printf "  %s: %.0f MB\n", $NF, $5 / 1e6 }'

if [ "${1:-}" = "engines" ]; then
  echo "Engines (Graphviz tools, random graphs, SVG; seconds, peak KB; 100 s limit):"
  for spec in "dot 100 300" "dot 150 450" "neato 1000 3000" "neato 1500 4500" "fdp 200 600" "fdp 300 900" \
              "sfdp 5000 15000" "sfdp 20000 60000" "circo 100 200" "circo 100 300" "twopi 3000 9000" "twopi 5000 15000"; do
    set -- $spec
    file="$data/engine-$2-$3.csv"
    edges "$2" "$3" 3 "$file"
    awk -F, 'NR == 1 { print "digraph {" } NR > 1 { print "  " $1 " -> " $2 ";" } END { print "}" }' "$file" > "${file%.csv}.dot"
    echo "  $1 $2/$3: $(measure timeout 100 "$1" -Tsvg "${file%.csv}.dot" -o /dev/null)"
  done
fi
