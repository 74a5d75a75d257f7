#!/usr/bin/env python3
"""Times two builds of reachgraph-benchmark side by side, in one run, on the same files.

Used to judge a change to the build or to a kernel: the two binaries run alternately (A B, then
B A, round after round) so both see the same load on a shared machine, and the table reports,
per task, the median over rounds of each round's median wall and CPU time, and after / before.

    python3 Benchmarks/compare-builds.py --before .build-before/release/reachgraph-benchmark \\
        --after .build/release/reachgraph-benchmark [--rounds 5] [--data Benchmarks/data]

Files: Benchmarks/data/medium.csv (1M edges: load, PageRank, k-core, approximate betweenness)
and small.csv (50k edges: exact betweenness), written by Benchmarks/generate.py. Prints a
Markdown table.
"""

import argparse
import json
import statistics
import subprocess

# (file size, tasks): exact betweenness runs on the small file, where one run takes about a second.
RUNS = [
    ("medium", "pagerank,pagerank-20,kcore,approx-betweenness"),
    ("small", "betweenness"),
]
# (size, task, threads) rows of the table, with their labels.
ROWS = [
    ("medium", "load", 1, "load, 1M edges (CSV → graph)"),
    ("medium", "pagerank", 2, "PageRank to convergence, 1M edges"),
    ("medium", "pagerank-20", 2, "PageRank, 20 iterations, 1M edges"),
    ("medium", "kcore", 2, "k-core, 1M edges"),
    ("medium", "approx-betweenness", 2, "approximate betweenness ε = 0.05, 1M edges"),
    ("small", "betweenness", 2, "exact betweenness, 50k edges, 2 threads"),
    ("small", "betweenness", 1, "exact betweenness, 50k edges, 1 thread"),
]


def run(binary, size, tasks, data, repeats):
    """One process per file, as Benchmarks/run does; the JSON lines keyed by (task, threads)."""
    output = subprocess.run(
        [binary, "--size", size, "--file", f"{data}/{size}.csv", "--repeats", str(repeats), "--tasks", tasks],
        check=True, capture_output=True, text=True,
    ).stdout
    rows = {}
    for line in output.splitlines():
        if line.startswith("{"):
            row = json.loads(line)
            if row.get("task") == "error":
                raise SystemExit(f"{binary}: {row['failed_task']} failed: {row['message']}")
            rows[(size, row["task"], row["threads"])] = row
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", required=True)
    parser.add_argument("--after", required=True)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--data", default="Benchmarks/data")
    arguments = parser.parse_args()
    sides = {"before": arguments.before, "after": arguments.after}
    times = {}  # (side, row key) -> ([wall], [cpu])
    for round_number in range(arguments.rounds):
        order = ["before", "after"] if round_number % 2 == 0 else ["after", "before"]
        for size, tasks in RUNS:
            for side in order:
                for key, row in run(sides[side], size, tasks, arguments.data, arguments.repeats).items():
                    wall, cpu = times.setdefault((side, key), ([], []))
                    wall.append(row["median_s"])
                    cpu.append(row.get("cpu_median_s", row["median_s"]))

    def cell(seconds):
        return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"

    print("| task | before, wall | after, wall | after / before | before, CPU | after, CPU | after / before |")
    print("|---|---|---|---|---|---|---|")
    for size, task, threads, label in ROWS:
        key = (size, task, threads)
        if ("before", key) not in times:
            continue
        before_wall, before_cpu = (statistics.median(values) for values in times[("before", key)])
        after_wall, after_cpu = (statistics.median(values) for values in times[("after", key)])
        print(f"| {label} | {cell(before_wall)} | {cell(after_wall)} | {after_wall / before_wall:.3f} "
              f"| {cell(before_cpu)} | {cell(after_cpu)} | {after_cpu / before_cpu:.3f} |")


if __name__ == "__main__":
    main()
