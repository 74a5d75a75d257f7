#!/usr/bin/env bash
# Exact betweenness on one thread, ReachGraph against igraph on the same files (issue #13's goal:
# ReachGraph ≤ 0.5 of igraph's time). Prints the Markdown table for BENCHMARKS.md.
#
#     Benchmarks/betweenness-one-thread.sh                 # small (50k edges) and bc250k
#     Benchmarks/betweenness-one-thread.sh small           # one file
#     Benchmarks/betweenness-one-thread.sh small,bc250k 1,2  # also ReachGraph on two threads
#
# REACHGRAPH_BENCHMARK_BIN: a release reachgraph-benchmark built already.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
sizes="${1:-small,bc250k}"
threads="${2:-1}"
venv="Benchmarks/.venv"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --upgrade pip
fi
if ! "$venv/bin/python" -c "import igraph" 2> /dev/null; then
    "$venv/bin/pip" install --quiet igraph==1.0.0
fi
"$venv/bin/python" Benchmarks/generate.py --sizes "$sizes" --out Benchmarks/data >&2
binary="${REACHGRAPH_BENCHMARK_BIN:-}"
if [ -z "$binary" ]; then
    swift build -c release --product reachgraph-benchmark >&2
    binary="$(swift build -c release --product reachgraph-benchmark --show-bin-path)/reachgraph-benchmark"
fi
echo "started $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
"$venv/bin/python" Benchmarks/betweenness_one_thread.py --benchmark "$binary" --data Benchmarks/data --sizes "$sizes" --threads "$threads"
echo "finished $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
