#!/usr/bin/env bash
# The 100M-edge load of "Scale: 100M edges" (BENCHMARKS.md), builds side by side: each binary of
# reachgraph-benchmark given runs the command Benchmarks/scale.sh runs for ReachGraph, in turn, for
# ROUNDS rounds (A B, then B A, ...), each under /usr/bin/time -v with the load average before and
# after. Prints one Markdown table row per run. Each run starts PAUSE seconds (default 20) after
# the last: memory a process frees goes back to the host after a few seconds, and a run that
# starts sooner gets the last run's pages without the cost of fresh ones (docs/scaling.md,
# "Fresh pages"): the second of two back-to-back runs took about 15 % less CPU.
#
#     swift build -c release --scratch-path .build-release --product reachgraph-benchmark
#     bash Benchmarks/load-100m.sh [--rounds N] [--pause SECONDS] [--file huge.csv] BIN [BIN...]
#
# On a shared machine give the runs the cores (HELPERS.md's autogroup form):
#     setsid bash -c 'echo -19 > /proc/self/autogroup; exec bash Benchmarks/load-100m.sh BIN_A BIN_B' > out.md
# The file is Benchmarks/generate.py's `huge` size (python3 Benchmarks/generate.py --sizes huge --out DIR).
set -euo pipefail

rounds=1
pause=20
file=/work/bench-data/huge.csv
while [ $# -gt 0 ]; do
    case "$1" in
        --rounds) rounds="${2:?}"; shift 2 ;;
        --file) file="${2:?}"; shift 2 ;;
        --pause) pause="${2:?}"; shift 2 ;;
        *) break ;;
    esac
done
[ $# -gt 0 ] || { echo "usage: load-100m.sh [--rounds N] [--pause SECONDS] [--file FILE] BIN [BIN...]" >&2; exit 2; }
binaries=("$@")
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

# The last column digests every result the run printed (counts, components, cores, PageRank's
# top scores), without times and memory: equal digests, equal results.
echo "| run (UTC) | binary | load average (1 min) before → after | load wall (CPU) | reading wall (CPU) | build = load − reading, wall (CPU) | whole process wall (user + sys) | peak RSS after load / whole process | results |"
echo "|---|---|---|---|---|---|---|---|---|"
for round in $(seq 1 "$rounds"); do
    order=("${binaries[@]}")
    if [ $((round % 2)) -eq 0 ]; then
        order=()
        for ((index = ${#binaries[@]} - 1; index >= 0; index--)); do order+=("${binaries[index]}"); done
    fi
    for binary in "${order[@]}"; do
        sleep "$pause"
        started="$(date -u +%H:%M:%S)"
        before="$(cut -d' ' -f1 /proc/loadavg)"
        /usr/bin/time -v -o "$scratch/time" "$binary" --size huge --file "$file" --repeats 1 --tasks pagerank,kcore > "$scratch/json"
        after="$(cut -d' ' -f1 /proc/loadavg)"
        python3 - "$scratch" "$binary" "$started" "$before" "$after" <<'PY'
import hashlib, json, sys
scratch, binary, started, before, after = sys.argv[1:]
records = [json.loads(line) for line in open(f"{scratch}/json") if line.startswith("{")]
load = next(r for r in records if r.get("task") == "load")
timing = ("_s", "_mb", "seconds", "times", "cpu")
results = [{k: v for k, v in r.items() if not any(mark in k for mark in timing)} for r in records]
digest = hashlib.sha256(json.dumps(results, sort_keys=True).encode()).hexdigest()[:12]
fields = {}
for line in open(f"{scratch}/time"):
    key, _, value = line.strip().rpartition(": ")
    fields[key] = value
minutes, _, seconds = fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"].rpartition(":")
wall = float(seconds) + 60 * sum(float(p) * 60 ** i for i, p in enumerate(reversed(minutes.split(":"))))
user, system = float(fields["User time (seconds)"]), float(fields["System time (seconds)"])
peak = int(fields["Maximum resident set size (kbytes)"])
build, build_cpu = load["median_s"] - load["read_median_s"], load["cpu_median_s"] - load["read_cpu_median_s"]
print(f"| {started} | {binary} | {before} → {after} | {load['median_s']:.2f} s ({load['cpu_median_s']:.2f} s) | "
      f"{load['read_median_s']:.2f} s ({load['read_cpu_median_s']:.2f} s) | {build:.2f} s ({build_cpu:.2f} s) | "
      f"{wall:.1f} s ({user:.1f} + {system:.1f} s) | {load['rss_after_load_mb']:,} MiB / {peak:,} kB | {digest} |")
PY
    done
done
