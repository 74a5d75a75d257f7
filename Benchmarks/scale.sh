#!/usr/bin/env bash
# ReachGraph against NetworKit on a 100M-edge edge list: load, weakly connected components,
# PageRank and k-core, with whole-process peak RSS. Prints the Markdown table that goes into
# BENCHMARKS.md ("Scale: 100M edges").
#
#     bash Benchmarks/scale.sh               # generates Benchmarks/data/huge.csv (~2 GB), runs, deletes it
#     bash Benchmarks/scale.sh --keep        # keeps the file for a rerun
#     bash Benchmarks/scale.sh --keep large  # another size of Benchmarks/generate.py (a quick check)
#     bash Benchmarks/scale.sh --data /work/bench-data --keep   # the file and results elsewhere
#     bash Benchmarks/scale.sh --data DIR --only reachgraph      # one side; the table uses the
#                                                                # other side's last results in DIR
#
# Generating huge.csv takes about 5 minutes of CPU (mostly its binary searches; the rows are
# formatted with numpy) and about 2 GB of memory.
#
# Needs about 6 GB of disk while it runs, and memory for NetworKit's load (about 10 GB at 100M
# edges with string ids). The two sides run one after the other, each in its own process under
# /usr/bin/time -v, with the load average recorded before and after each.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
keep=false
only=both
data="Benchmarks/data"
while [ $# -gt 0 ]; do
    case "$1" in
        --keep) keep=true; shift ;;
        --data) data="${2:?--data needs a folder}"; shift 2 ;;
        --only) only="${2:?--only takes reachgraph or networkit}"; shift 2 ;;
        *) break ;;
    esac
done
size="${1:-huge}"
venv="Benchmarks/.venv"
file="$data/$size.csv"
if ! "$venv/bin/python" -c "import numpy, networkit" 2> /dev/null; then
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    # The pins of Benchmarks/run.
    "$venv/bin/pip" install --quiet numpy==2.4.6 networkit==11.3
fi
python="$venv/bin/python"
mkdir -p "$data"

dataset="$("$python" Benchmarks/generate.py --sizes "$size" --out "$data" 2>&1 >/dev/null)"
swift build -c release --product reachgraph-benchmark > /dev/null
benchmark="$(swift build -c release --product reachgraph-benchmark --show-bin-path)/reachgraph-benchmark"

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
# Each side records when it ran and the load average before and after, beside its results.
side() {
    local name="$1"; shift
    { date -u '+%Y-%m-%d %H:%M UTC'; loadavg; } > "$data/scale-$name.load"
    /usr/bin/time -v -o "$data/scale-$name.time" "$@" > "$data/scale-$name.jsonl"
    loadavg >> "$data/scale-$name.load"
}
if [ "$only" != networkit ]; then
    side reachgraph "$benchmark" --size "$size" --file "$file" --repeats 1 --tasks pagerank,kcore
fi
if [ "$only" != reachgraph ]; then
    side networkit "$python" Benchmarks/scale_networkit.py "$file" --threads 2
fi
$keep || rm -f "$file"

"$python" - "$data" "$dataset" "$(nproc)" <<'PY'
import json, os, sys

data, dataset, cores = sys.argv[1:]


def run_of(name):
    with open(os.path.join(data, f"scale-{name}.load")) as handle:
        started, before, after = handle.read().splitlines()
    return f"{started}, load average (1, 5, 15 min) {before} before and {after} after"


def lines(name):
    with open(os.path.join(data, name)) as handle:
        return {record["task"]: record for record in map(json.loads, handle) if "task" in record}


def whole_process(name):
    fields = {}
    with open(os.path.join(data, name)) as handle:
        for line in handle:
            key, _, value = line.strip().rpartition(": ")
            fields[key] = value
    minutes, _, seconds = fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"].rpartition(":")
    wall = float(seconds) + 60 * sum(float(part) * 60 ** index for index, part in enumerate(reversed(minutes.split(":"))))
    cpu = float(fields["User time (seconds)"]) + float(fields["System time (seconds)"])
    return wall, cpu, int(fields["Maximum resident set size (kbytes)"]) / 1024


ours, theirs = lines("scale-reachgraph.jsonl"), lines("scale-networkit.jsonl")
our_process, their_process = whole_process("scale-reachgraph.time"), whole_process("scale-networkit.time")


def seconds(value):
    return f"{value:.2f} s" if value >= 1 else f"{value * 1000:.0f} ms"


def row(label, our_wall, our_cpu, their_wall, their_cpu, note=""):
    ratio = f"×{their_wall / our_wall:.1f}" if our_wall > 0 else ""
    return f"| {label} | {seconds(our_wall)} ({seconds(our_cpu)} CPU) | {seconds(their_wall)} ({seconds(their_cpu)} CPU) | {ratio} |{note}"


load = ours["load"]
print(f"`bash Benchmarks/scale.sh`, {cores} cores. ReachGraph run {run_of('reachgraph')}; "
      f"NetworKit run {run_of('networkit')}.")
print(f"Data: {dataset}; {load['rows']:,} rows, {load['nodes']:,} nodes, {load['edges']:,} distinct edges. "
      f"ReachGraph on both cores where it parallelises (PageRank), NetworKit with 2 threads.")
print()
print("| step | ReachGraph wall (CPU) | NetworKit 2 threads wall (CPU) | NetworKit / ReachGraph |")
print("|---|---|---|---|")
print(row("load: CSV → graph", load["median_s"], load["cpu_median_s"], theirs["load"]["seconds"], theirs["load"]["cpu_seconds"]))
print(row("weakly connected components", ours["wcc"]["median_s"], ours["wcc"]["cpu_median_s"], theirs["wcc"]["seconds"], theirs["wcc"]["cpu_seconds"]))
print(row("PageRank to NetworkX's convergence", ours["pagerank"]["median_s"], ours["pagerank"]["cpu_median_s"], theirs["pagerank"]["seconds"], theirs["pagerank"]["cpu_seconds"]))
print(row("k-core", ours["kcore"]["median_s"], ours["kcore"]["cpu_median_s"], theirs["kcore"]["seconds"], theirs["kcore"]["cpu_seconds"]))
print(f"| whole process (`/usr/bin/time -v`) | {seconds(our_process[0])} ({seconds(our_process[1])} CPU) | "
      f"{seconds(their_process[0])} ({seconds(their_process[1])} CPU) | ×{their_process[0] / our_process[0]:.1f} |")
print(f"| peak RSS after the load | {load['peak_rss_mb']} MiB | {theirs['load']['peak_rss_mb']:.0f} MiB | |")
print(f"| peak RSS, whole process | {our_process[2]:.0f} MiB | {their_process[2]:.0f} MiB | ×{their_process[2] / our_process[2]:.1f} |")
print()
print(f"ReachGraph's load: reading {seconds(load['read_median_s'])}, graph {load['graph_mb']} MiB, id table {load['ids_mb']} MiB "
      f"({load['ids_count']:,} ids). Components agree: ReachGraph {ours['wcc']['components']} weak components, largest "
      f"{ours['wcc']['largest']:,}; NetworKit {theirs['wcc']['components']}, largest {theirs['wcc']['largest']:,}. "
      f"k-core: maximum core {ours['kcore']['max_core']} ({ours['kcore']['max_core_size']:,} nodes) against NetworKit's "
      f"{theirs['kcore']['max_core']} ({theirs['kcore']['max_core_size']:,}). PageRank iterations: ReachGraph "
      f"{ours['pagerank']['iterations']}, NetworKit {theirs['pagerank']['iterations']}. NetworKit's parallel edges were removed "
      f"before its k-core in {seconds(theirs['merge-parallel-edges']['seconds'])} (not counted above). Also measured: "
      f"strongly connected components {seconds(ours['scc']['median_s'])} ({ours['scc']['components']:,} components).")
PY
