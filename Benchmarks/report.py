#!/usr/bin/env python3
"""Turns the JSON lines of reachgraph-benchmark and peers.py into the tables of BENCHMARKS.md.

    python3 Benchmarks/report.py RESULTS.jsonl --command "Benchmarks/run" > section.md

Only the part of BENCHMARKS.md between the `generated` markers is written by this script
(Benchmarks/run splices it in); the notes around it are written by hand.
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from collections import defaultdict

PEERS = [  # (library, threads, column title, is a CSV load)
    ("networkit", 1, "NetworKit 1 thread", True),
    ("networkit", 2, "NetworKit 2 threads", True),
    ("igraph", 1, "igraph", True),
    ("rustworkx", 1, "rustworkx", True),
    ("networkx", 1, "NetworkX", True),
    ("igraph-ncol", 1, "igraph Read_Ncol (not CSV)", False),
]
# igraph's Read_Ncol builds the same igraph graph: its components would repeat igraph's.
COMPONENT_PEERS = [peer for peer in PEERS if peer[0] != "igraph-ncol"]
SIZE_ORDER = ["small", "medium", "large"]


def machine():
    model = "unknown"
    with open("/proc/cpuinfo") as info:
        for line in info:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as info:
        total_kib = int(next(line for line in info if line.startswith("MemTotal")).split()[1])
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "ram": f"{total_kib / 1024 / 1024:.1f} GiB",
        "kernel": platform.release(),
        "swift": next((line for line in swift if "Swift version" in line), "unknown").strip(),
        "python": platform.python_version(),
    }


def seconds(value):
    if value is None:
        return "—"
    if value < 0.01:
        return f"{value * 1000:.2f} ms"
    if value < 1:
        return f"{value * 1000:.0f} ms"
    return f"{value:.2f} s"


def table(rows, key, sizes, title, skipped, peers=PEERS):
    """A Markdown table of `key` (median_s or cpu_median_s) per size, with peer / ReachGraph ratios."""
    header = ["size (edges)", "ReachGraph"] + [title_ for _, _, title_, _ in peers]
    lines = [f"**{title}**", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for size in sizes:
        ours = rows.get(("reachgraph", 1, size))
        if ours is None:
            continue
        base = ours.get(key)
        cells = [f"{size} ({ours.get('edges_in', '?')})", seconds(base)]
        for library, threads, _, _ in peers:
            peer = rows.get((library, threads, size))
            if peer is None:
                note = skipped.get((library, size))
                cells.append(f"skipped: {note}" if note else "—")
                continue
            value = peer.get(key)
            ratio = f" (×{value / base:.1f})" if value is not None and base else ""
            cells.append(seconds(value) + ratio)
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("results")
    parser.add_argument("--command", required=True)
    parser.add_argument("--load-before", default="")
    parser.add_argument("--load-after", default="")
    parser.add_argument("--datasets", default="", help="generate.py's lines describing the files")
    arguments = parser.parse_args()

    by_task = defaultdict(dict)
    skipped = {}
    versions = {}
    errors = []
    with open(arguments.results) as results:
        for line in results:
            if not line.startswith("{"):
                continue
            row = json.loads(line)
            task = row["task"]
            if task == "skipped":
                skipped[(row["library"], row["size"])] = row["message"]
                continue
            if task == "error":
                errors.append(row)
                continue
            by_task[task][(row["library"], row["threads"], row["size"])] = row
            if "version" in row:
                versions[row["library"].split("-")[0]] = row["version"]
    # Every table names the size by its edge count as read (rows of the file).
    for task_rows in by_task.values():
        for key, row in task_rows.items():
            if key[0] == "reachgraph":
                row["edges_in"] = f"{by_task['load'][key]['rows']:,}"
    sizes = [size for size in SIZE_ORDER if ("reachgraph", 1, size) in by_task["load"]]
    info = machine()
    out = []
    out.append(f"Run on {time.strftime('%Y-%m-%d %H:%M %Z')} with `{arguments.command}`.")
    out.append("")
    out.append(f"- Machine: {info['cpu']}, {info['cores']} cores (`nproc`), {info['ram']} RAM, Linux {info['kernel']}.")
    if arguments.load_before:
        out.append(f"- Load average (1, 5, 15 min) before the run: {arguments.load_before}; after: {arguments.load_after}."
                   " The machine is shared: wall times rise with the load, CPU times much less.")
    out.append(f"- {info['swift']}; Python {info['python']}; "
               + ", ".join(f"{name} {version}" for name, version in sorted(versions.items())) + ".")
    if arguments.datasets:
        out.append("- Data (Benchmarks/generate.py, seeded):")
        for line in arguments.datasets.strip().splitlines():
            size = line.split(":", 1)[0]
            ours = by_task["load"].get(("reachgraph", 1, size))
            shape = f"; {ours['nodes']:,} nodes, {ours['edges']:,} distinct edges" if ours else ""
            out.append(f"  - {line.strip()}{shape}")
    out.append("- Each cell is the median over the repeats (small 5, medium 3, large: ReachGraph 3, peers 1);"
               " in brackets the ratio peer time / ReachGraph time (above 1: ReachGraph is faster).")
    out.append("")
    out += table(by_task["load"], "median_s", sizes, "Load: CSV file → graph, wall time", skipped)
    out.append("")
    out += table(by_task["load"], "cpu_median_s", sizes, "Load: CSV file → graph, CPU time (all threads)", skipped)
    out.append("")
    goal = []
    for size in sizes:
        ours = by_task["load"][("reachgraph", 1, size)]["median_s"]
        peers = [(row["median_s"], title) for library, threads, title, is_csv in PEERS if is_csv
                 for row in [by_task["load"].get((library, threads, size))] if row]
        if peers:
            best, name = min(peers)
            verdict = "met" if ours <= best else "NOT met"
            goal.append(f"- {size}: fastest peer CSV load {name} {seconds(best)}, ReachGraph {seconds(ours)}"
                        f" ({best / ours:.1f}× faster): {verdict}.")
    out.append("Goal, load at least as fast as the fastest peer's CSV load (wall time):")
    out.append("")
    out += goal
    out.append("")
    out += table(by_task["wcc"], "median_s", sizes, "Weakly connected components, wall time", skipped, COMPONENT_PEERS)
    out.append("")
    out += table(by_task["scc"], "median_s", sizes, "Strongly connected components, wall time", skipped, COMPONENT_PEERS)
    out.append("")
    out.append("**Memory: peak resident set size of the process that loaded the file (VmHWM / ru_maxrss)**")
    out.append("")
    out.append("For the peers, in brackets: resident size before the load (interpreter and library).")
    out.append("")
    header = ["size", "ReachGraph peak", "of which graph (CSR)", "id table", "process at start"] + [t for _, _, t, _ in PEERS]
    out.append("| " + " | ".join(header) + " |")
    out.append("|" + "---|" * len(header))
    for size in sizes:
        ours = by_task["load"][("reachgraph", 1, size)]
        cells = [size, f"{ours['peak_rss_mb']:.0f} MiB", f"{ours['graph_mb']:.0f} MiB", f"{ours['ids_mb']:.0f} MiB",
                 f"{ours['rss_at_start_mb']:.0f} MiB"]
        for library, threads, _, _ in PEERS:
            peer = by_task["load"].get((library, threads, size))
            cells.append(f"{peer['peak_rss_mb']:.0f} MiB ({peer['rss_before_load_mb']:.0f})" if peer else "—")
        out.append("| " + " | ".join(cells) + " |")
    out.append("")
    out.append("Counts agree across libraries (components, largest component) — checked by the run:")
    out.append("")
    for task in ("wcc", "scc"):
        for size in sizes:
            seen = {(row["components"], row["largest"]) for key, row in by_task[task].items() if key[2] == size}
            status = "agree" if len(seen) == 1 else f"DISAGREE {sorted(seen)}"
            first = next(iter(seen)) if seen else ("?", "?")
            out.append(f"- {task} {size}: components {first[0]}, largest {first[1]} nodes: {status}.")
    for row in errors:
        out.append(f"- Error from {row['library']} on {row['size']}: {row['message'][:300]}")
    print("\n".join(out))


if __name__ == "__main__":
    sys.exit(main())
