#!/usr/bin/env python3
"""Exact betweenness on one thread: ReachGraph against igraph, side by side on the same files.

For each file, one ReachGraph process per thread count (`reachgraph-benchmark --tasks betweenness
--threads N`: load, components, then Brandes with hops on N threads; N = 1 unless `--threads`
says more) and one igraph process (the CSV read through the `csv` module and a dict, as
Benchmarks/peers.py does, then `Graph.betweenness(directed=True)`, which is single-threaded C),
each under /usr/bin/time -v. Reports the kernel CPU and wall time (measured inside each process
around the betweenness call alone), the whole process's CPU time (user + sys) and peak RSS, the
load average before each run, and the ratios ReachGraph / igraph (of CPU times, and of wall
times, which differ for more than one thread). Both number ids in order of first appearance, so
the top five node indices compare.

Called by Benchmarks/betweenness-one-thread.sh, which builds the binary, the data and the venv:

    Benchmarks/.venv/bin/python Benchmarks/betweenness_one_thread.py --benchmark BIN --data DIR --sizes small,bc250k [--threads 1,2]
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

IGRAPH = r'''
import csv, json, sys, time
import igraph
path = sys.argv[1]
names = {}
edges = []
with open(path, newline="", encoding="utf-8") as data:
    rows = csv.reader(data)
    next(rows)
    for row in rows:
        edges.append((names.setdefault(row[0], len(names)), names.setdefault(row[1], len(names))))
graph = igraph.Graph(n=len(names), edges=edges, directed=True)
graph.simplify(multiple=True, loops=False)
start, wall = time.process_time(), time.perf_counter()
scores = graph.betweenness(directed=True)
kernel, wall = time.process_time() - start, time.perf_counter() - wall
n = graph.vcount()
order = sorted(range(n), key=lambda v: (-scores[v], v))[:5]
print(json.dumps({"kernel_cpu_s": kernel, "kernel_wall_s": wall, "top": order, "nodes": n, "edges": graph.ecount()}))
'''


def load_average():
    with open("/proc/loadavg", encoding="ascii") as handle:
        return " ".join(handle.read().split()[:3])


def timed(command, environment=None):
    """Runs `command` under /usr/bin/time -v: (cpu s, peak RSS MB, stdout)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        process = subprocess.run(["/usr/bin/time", "-v", "-o", report.name] + command, capture_output=True, text=True, env=environment)
        text = report.read()
    if process.returncode != 0:
        sys.exit(f"{command[0]} failed: {process.stderr.strip()[-500:]}")
    def field(name):
        return re.search(rf"{re.escape(name)}: (.*)", text).group(1).strip()
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    rss = int(field("Maximum resident set size (kbytes)")) / 1024
    return cpu, rss, process.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--benchmark", required=True, help="reachgraph-benchmark release binary")
    parser.add_argument("--data", required=True)
    parser.add_argument("--sizes", default="small,bc250k")
    parser.add_argument("--threads", default="1", help="ReachGraph thread counts, comma-separated")
    arguments = parser.parse_args()
    work = tempfile.mkdtemp(prefix="betweenness-one-thread-")
    script = os.path.join(work, "igraph_betweenness.py")
    with open(script, "w", encoding="utf-8") as handle:
        handle.write(IGRAPH)
    # One thread for anything numeric the interpreter might start.
    environment = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")
    print("| file | nodes / edges | ReachGraph threads | ReachGraph kernel CPU (wall) | igraph kernel CPU (wall) | kernel ratio CPU (wall) | ReachGraph whole process CPU (peak RSS) | igraph whole process CPU (peak RSS) | whole ratio | load average before (ReachGraph; igraph) | top 5 |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    thread_counts = [int(count) for count in arguments.threads.split(",") if count]
    for size in filter(None, arguments.sizes.split(",")):
        path = os.path.join(arguments.data, f"{size}.csv")
        runs = []
        for threads in thread_counts:
            load_ours = load_average()
            ours_cpu, ours_rss, output = timed([arguments.benchmark, "--size", size, "--file", path, "--tasks", "betweenness", "--threads", str(threads), "--repeats", "1"], environment)
            lines = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
            runs.append((threads, load_ours, ours_cpu, ours_rss, next(line for line in lines if line["task"] == "betweenness"), next(line for line in lines if line["task"] == "load")))
        load_peer = load_average()
        peer_cpu, peer_rss, output = timed([sys.executable, script, path], environment)
        peer = json.loads(output.strip().splitlines()[-1])
        for threads, load_ours, ours_cpu, ours_rss, ours, loaded in runs:
            ours_top = json.loads(ours["top"]) if isinstance(ours["top"], str) else ours["top"]
            same = "same" if ours_top == peer["top"] else f"differ: ReachGraph {ours_top}, igraph {peer['top']}"
            kernel, wall = ours["cpu_median_s"], ours["median_s"]
            ratio = f"{kernel / peer['kernel_cpu_s']:.2f} ({wall / peer['kernel_wall_s']:.2f})"
            print(f"| {size} | {loaded['nodes']:,} / {loaded['edges']:,} | {threads} | {kernel:.2f} s ({wall:.2f} s) | {peer['kernel_cpu_s']:.2f} s ({peer['kernel_wall_s']:.2f} s) | {ratio} "
                  f"| {ours_cpu:.2f} s ({ours_rss:.0f} MB) | {peer_cpu:.2f} s ({peer_rss:.0f} MB) | {ours_cpu / peer_cpu:.2f} | {load_ours}; {load_peer} | {same} {ours_top} |", flush=True)

if __name__ == "__main__":
    main()
