#!/usr/bin/env bash
# Whole-process peak RSS and CPU time of `reachgraph summary` on a 10M-edge edge list, two builds
# side by side in one run (issue #13's memory goal: at most 400 MB, decimal), beside igraph
# (pandas read_csv, then the same counts) on the same file. Prints the Markdown table that goes
# into BENCHMARKS.md ("Memory at 10M edges").
#
#     bash Benchmarks/summary-memory.sh BEFORE AFTER [FILE] [ROUNDS]
#
# BEFORE and AFTER are `reachgraph` binaries (e.g. a release build of main copied aside and one
# of the branch); FILE defaults to Benchmarks/data/large.csv (`Benchmarks/generate.py --sizes
# large`); ROUNDS (default 3) alternate the builds (before, after, then after, before, ...) so
# both see the same load. Each row is the median of its rounds; the load average is printed
# beside. The script fails when the two builds' summaries differ.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
before="${1:?usage: summary-memory.sh BEFORE AFTER [FILE] [ROUNDS]}"
after="${2:?usage: summary-memory.sh BEFORE AFTER [FILE] [ROUNDS]}"
file="${3:-$data/large.csv}"
rounds="${4:-3}"
peer_packages numpy==2.4.6 pandas==2.3.3 igraph==1.0.0
[ -f "$file" ] || "$venv/bin/python" Benchmarks/generate.py --sizes large --out "$data" >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# One run under /usr/bin/time: appends "wall user sys peak_kB" to $work/NAME.times.
measure() {
    local name="$1"; shift
    /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" > /dev/null
    cat "$work/time" >> "$work/$name.times"
}
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
    if [ $((round % 2)) -eq 1 ]; then order="before after"; else order="after before"; fi
    for side in $order; do
        binary="$before"; [ "$side" = after ] && binary="$after"
        measure "$side" "$binary" summary "$file" -o "$work/$side.txt"
    done
done
# The peer once: about 10 times ReachGraph's CPU time.
measure igraph "$venv/bin/python" -c '
import sys, pandas, igraph
edges = pandas.read_csv(sys.argv[1], dtype={"source": str, "target": str})
graph = igraph.Graph.DataFrame(edges[["source", "target"]], directed=True, use_vids=False)
graph.simplify(multiple=True, loops=False)
print(graph.vcount(), graph.ecount(), len(graph.connected_components("weak")), len(graph.connected_components("strong")), graph.reciprocity())
' "$file"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
cmp -s "$work/before.txt" "$work/after.txt" || { echo "the two builds' summaries differ" >&2; exit 1; }

python3 - "$work" "$rounds" "$file" "$load_before" "$load_after" <<'EOF'
import statistics, sys
work, rounds, file, load_before, load_after = sys.argv[1:]
print(f"`{file}`, {rounds} rounds, {__import__('datetime').datetime.now(__import__('datetime').timezone.utc):%Y-%m-%d %H:%M} UTC, load average {load_before} before, {load_after} after; same summary from both builds (cmp)")
print()
print("| process | peak RSS (kB) | MiB | MB (decimal) | CPU user + sys (s) | wall (s) |")
print("|---|---|---|---|---|---|")
labels = {"before": "`reachgraph summary`, before", "after": "`reachgraph summary`, after",
          "igraph": "igraph 1.0.0 (pandas read_csv, simplify, components, reciprocity)"}
for name in ["before", "after", "igraph"]:
    runs = [list(map(float, line.split())) for line in open(f"{work}/{name}.times")]
    wall = statistics.median(r[0] for r in runs)
    cpu = statistics.median(r[1] + r[2] for r in runs)
    peak = int(statistics.median(r[3] for r in runs))
    print(f"| {labels[name]} | {peak:,} | {peak / 1024:.1f} | {peak * 1024 / 1e6:.1f} | {cpu:.2f} | {wall:.2f} |")
EOF
