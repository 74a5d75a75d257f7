#!/usr/bin/env bash
# Betweenness ranking on a 250k-node power-law graph (and the real Higgs retweet network: the
# 50,000-line slice in ../shared/datasets, and the whole SNAP file, 256,491 accounts, when
# ../bench-data/higgs/higgs-retweet_network.edgelist or $HIGGS_RETWEET_NETWORK has it; fetch it
# from github trygvell/network-and-nlp-m2, gunzip outside the repository, never commit it):
# ReachGraph exact vs its default sampler vs a fixed ε = 0.01, and igraph / NetworKit, each a
# whole process under /usr/bin/time -v, top 20 compared with exact.
#
#     Benchmarks/betweenness.sh                       # everything
#     Benchmarks/betweenness.sh --datasets higgs-full # one graph
#     Benchmarks/betweenness.sh --skip igraph-exact   # leave tasks out (see betweenness.py)
#
# Prints the Markdown table that goes into BENCHMARKS.md ("Betweenness ranking").
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
venv="Benchmarks/.venv"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --upgrade pip
fi
if ! "$venv/bin/python" -c "import igraph, networkit, numpy" 2> /dev/null; then
    "$venv/bin/pip" install --quiet numpy==2.4.6 igraph==1.0.0 networkit==11.3
fi
"$venv/bin/python" Benchmarks/generate.py --sizes bc250k --out Benchmarks/data
# REACHGRAPH_BIN: a release binary built already (the build takes long on a busy machine).
binary="${REACHGRAPH_BIN:-}"
if [ -z "$binary" ]; then
    swift build -c release --product reachgraph >&2
    binary="$(swift build -c release --product reachgraph --show-bin-path)/reachgraph"
fi
echo "started $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
"$venv/bin/python" Benchmarks/betweenness.py --reachgraph "$binary" --data Benchmarks/data "$@"
echo "finished $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
