#!/usr/bin/env bash
# Issue #13's "a 2.5M-post dataset → any command ≤ 3 s and ≤ 1 GB peak": every `reachgraph`
# command that reads posts, run on the SYNTHETIC IRA-sized posts table as a new user would run it
# (default options, output to a file or discarded), each a whole process under /usr/bin/time:
# wall, CPU (user + system), peak RSS and the load average before it. Prints a Markdown table;
# BENCHMARKS.md quotes it with this command.
#
#     Benchmarks/every-command.sh                   # this checkout's release build, one round
#     ROUNDS=3 REACHGRAPH=/path/to/reachgraph Benchmarks/every-command.sh
#     COMMANDS='summary|export' Benchmarks/every-command.sh   # only rows whose label matches
#
# The file is generated into Benchmarks/data/ when missing (generate_posts.py, seeded). Outputs go
# to Benchmarks/data/out/every-command/ and are removed at the end. SCRATCH_PATH names a separate
# build folder. Rows with several rounds give the median of each column.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
python=python3
ira="$data/posts-ira-2.5m.csv"
if [ ! -s "$ira" ]; then
    peer_packages numpy==2.4.6
    "$venv/bin/python" Benchmarks/generate_posts.py --rows 2500000 --layout ira --out "$ira"
fi
reachgraph="${REACHGRAPH:-$(release_binary reachgraph)}"
rounds="${ROUNDS:-1}"
only="${COMMANDS:-.}"
out="$data/out/every-command"
rm -rf "$out"
mkdir -p "$out"
trap 'rm -rf "$out"' EXIT

# For simulate: the account that posted the file's largest cascade (cascades lists the largest first).
seed_account="$("$reachgraph" cascades "$ira" --quiet --format csv 2> /dev/null | "$python" -c '
import csv, sys
print(next(csv.DictReader(sys.stdin))["root_account"])
sys.stdin.read()')"

row() {
    local label="$1"
    shift
    [[ "$label" =~ $only ]] || return 0
    local runs=() index
    for index in $(seq "$rounds"); do
        rm -rf "$out/store.sqlite" "$out/brief" "$out/export"
        runs+=("$(measure "$@")")
    done
    printf '%s\n' "${runs[@]}" | "$python" -c '
import statistics, sys
label = sys.argv[1]
rows = [list(map(float, line.split())) for line in sys.stdin if line.strip()]
wall, cpu, peak, load = (statistics.median(column) for column in zip(*rows))
within = "yes" if wall <= 3.0 and peak <= 1000 * 1000 * 1000 / 1048576 else "no"
walls = " / ".join(f"{r[0]:.2f}" for r in rows)
print(f"| `{label}` | {walls} s | {cpu:.2f} s | {peak:.0f} MiB | {load:.2f} | {within} |")' "$label"
}

echo "Run $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $rounds round(s); $ira"
echo
echo "| command | wall | CPU (median) | peak RSS (median) | load before | ≤ 3 s and ≤ 1 GB? |"
echo "|---|---|---|---|---|---|"
row "summary" "$reachgraph" summary "$ira" --quiet
row "cascades --format csv -o" "$reachgraph" cascades "$ira" --quiet --format csv -o "$out/cascades.csv"
row "rank --by pagerank" "$reachgraph" rank "$ira" --quiet --by pagerank -o "$out/rank.txt"
row "rank --by degree" "$reachgraph" rank "$ira" --quiet --by degree -o "$out/rank.txt"
row "coordination --window 60s" "$reachgraph" coordination "$ira" --quiet --window 60s -o "$out/coordination.txt"
row "structure" "$reachgraph" structure "$ira" --quiet -o "$out/structure.txt"
for format in csv json graphml gexf dot; do
    row "export --to $format" "$reachgraph" export "$ira" --quiet --to "$format" -o "$out/export"
done
[ -n "$seed_account" ] && row "simulate --seeds (largest cascade's author)" "$reachgraph" simulate "$ira" --quiet --seeds "$seed_account" -o "$out/simulate.txt"
row "seeds --k 5" "$reachgraph" seeds "$ira" --quiet --k 5 -o "$out/seeds.txt"
row "kol" "$reachgraph" kol "$ira" --quiet -o "$out/kol.txt"
row "ingest --into" "$reachgraph" ingest "$ira" --quiet --into "$out/store.sqlite"
if [[ "trend" =~ $only ]]; then
    "$reachgraph" ingest "$ira" --quiet --into "$out/trend.sqlite" > /dev/null 2>&1
    row "trend --measure pagerank (store)" "$reachgraph" trend "$out/trend.sqlite" --quiet --measure pagerank -o "$out/trend.txt"
fi
row "brief -o DIR" "$reachgraph" brief "$ira" --quiet -o "$out/brief"
echo
echo "Load after: $(cut -d' ' -f1-3 /proc/loadavg)."
