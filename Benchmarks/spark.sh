#!/usr/bin/env bash
# Spark local[2] against ReachGraph on the same SYNTHETIC edge lists (Benchmarks/generate.py:
# medium = 1M edges, large = 10M edges), the same analyses: in- and out-degree and strength,
# weakly connected components, PageRank with NetworkX's defaults. ReachGraph runs as four whole
# processes, each loading the file (rank --by in-degree, rank --by in-strength, summary, rank --by
# pagerank); Spark runs spark/reachgraph_spark.py on the `export --to spark` folder of the same
# file. Wall time and peak memory from /usr/bin/time; Spark's per-step seconds from its run.json.
# BENCHMARKS.md quotes the output with this command.
#
#     Benchmarks/spark.sh [SIZES]            # default: medium,large
#
# On a machine shared with other work, run it as `nice -n -19 Benchmarks/spark.sh` (root) so both
# sides get the cores; say so beside the numbers.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
sizes="${1:-medium,large}"
skip_spark="${SKIP_SPARK:-}"  # set: time only ReachGraph
data="${BENCH_DATA:-Benchmarks/data}"
mkdir -p "$data"
bash scripts/install-spark.sh > /dev/null
swift build -c release --product reachgraph > /dev/null
reachgraph="$(swift build -c release --product reachgraph --show-bin-path)/reachgraph"
python="spark/.venv/bin/python"
export PATH="$root/spark/.venv/bin:$PATH"
# A 10M-edge run holds more than the local driver's default heap.
export PYSPARK_SUBMIT_ARGS="--driver-memory ${SPARK_DRIVER_MEMORY:-12g} pyspark-shell"

measure() { # label, command...  prints "label seconds MB"
    local label="$1"; shift
    /usr/bin/time -f "%e %M" -o "$data/time.txt" "$@" > /dev/null
    read -r seconds kilobytes < "$data/time.txt"
    printf '%-44s %9.2f s %7d MB\n' "$label" "$seconds" "$((kilobytes / 1024))"
}

echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg); nice $(nice)"
for size in ${sizes//,/ }; do
    file="$data/$size.csv"
    [ -s "$file" ] || python3 Benchmarks/generate.py --sizes "$size" --out "$data"
    echo "== $size: $(($(wc -l < "$file") - 1)) edge rows, $(du -m "$file" | cut -f1) MB"
    measure "reachgraph rank --by in-degree" "$reachgraph" rank "$file" --by in-degree --format csv -o "$data/out.csv" --quiet
    measure "reachgraph rank --by in-strength" "$reachgraph" rank "$file" --by in-strength --format csv -o "$data/out.csv" --quiet
    measure "reachgraph summary (components)" "$reachgraph" summary "$file" --table overview --format csv -o "$data/out.csv" --quiet
    measure "reachgraph rank --by pagerank" "$reachgraph" rank "$file" --by pagerank --format csv -o "$data/out.csv" --quiet
    [ -z "$skip_spark" ] || continue
    rm -rf "$data/$size-export" "$data/$size-spark"
    measure "reachgraph export --to spark" "$reachgraph" export "$file" --to spark -o "$data/$size-export" --quiet
    # The JVM is pyspark's child, not waited for by time(1): sample its resident memory instead.
    (peak=0; while sleep 1; do rss=$(ps -C java -o rss= | awk '{s += $1} END {print s + 0}'); [ "$rss" -gt "$peak" ] && peak=$rss && echo "$peak" > "$data/jvm-peak.txt"; done) &
    sampler=$!
    measure "spark degree,components,pagerank" "$python" spark/reachgraph_spark.py "$data/$size-export" "$data/$size-spark" --only degree,components,pagerank
    kill "$sampler"
    echo "spark JVM peak resident memory: $(($(cat "$data/jvm-peak.txt") / 1024)) MB"
    "$python" -c 'import json, sys; r = json.load(open(sys.argv[1])); print("spark steps (s):", r["seconds"], "rounds:", r.get("components"), "pagerank:", r.get("pagerank", {}).get("iterations"))' "$data/$size-spark/run.json"
    echo "load now: $(cut -d' ' -f1-3 /proc/loadavg)"
done
