#!/usr/bin/env python3
"""Turns the JSON lines of reachgraph-benchmark and peers.py into the tables of BENCHMARKS.md.

    python3 Benchmarks/report.py OURS.jsonl THEIRS.jsonl --command "Benchmarks/run" > section.md

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
# Centrality peers: igraph's Read_Ncol graph would repeat igraph's numbers.
CENTRALITY_PEERS = COMPONENT_PEERS
CENTRALITY_TITLES = {
    "pagerank": "PageRank to NetworkX's convergence (damping 0.85, L1 change < n·1e-6, weighted)",
    "pagerank-20": "PageRank, exactly 20 iterations",
    "kcore": "k-core (core number on in + out degree)",
    "hits": "HITS (hubs and authorities, weighted, tolerance 1e-8)",
    "eigenvector": "Eigenvector centrality (in-edges, unweighted, tolerance 1e-6)",
    "betweenness": "Exact betweenness (Brandes, hops, normalised)",
    "closeness": "Closeness (hops, Wasserman–Faust)",
    "approx-betweenness": "Approximate betweenness (ε = 0.05, δ = 0.1)",
    "louvain": "Louvain communities (undirected, reciprocal weights summed; one thread in ReachGraph, igraph and NetworkX)",
}


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


def table(rows, key, sizes, title, skipped, peers=PEERS, ours_threads=(1,), edges_in=None):
    """A Markdown table of `key` (median_s or cpu_median_s) per size, with peer / ReachGraph ratios
    (against the first of `ours_threads`)."""
    ours_titles = ["ReachGraph"] if ours_threads == (1,) else [
        f"ReachGraph {threads} thread{'s' if threads > 1 else ''}" for threads in ours_threads]
    header = ["size (edges)"] + ours_titles + [title_ for _, _, title_, _ in peers]
    lines = [f"**{title}**", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for size in sizes:
        ours = rows.get(("reachgraph", ours_threads[0], size))
        if ours is None:
            continue
        base = ours.get(key)
        label = ours.get("edges_in") or (edges_in or {}).get(size, "?")
        cells = [f"{size} ({label})", seconds(base)]
        for threads in ours_threads[1:]:
            other = rows.get(("reachgraph", threads, size))
            cells.append(seconds(other.get(key)) if other else "—")
        for library, threads, _, _ in peers:
            peer = rows.get((library, threads, size))
            if peer is None:
                note = skipped.get((library, threads, size)) or skipped.get((library, None, size))
                cells.append(f"skipped: {note}" if note else "—")
                continue
            value = peer.get(key)
            ratio = f" (×{value / base:.1f})" if value is not None and base else ""
            cells.append(seconds(value) + ratio)
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def centrality_section(by_task, skipped_tasks, bandwidth, edges_in):
    """Tables per centrality task, top-5 agreement, the PageRank bandwidth bound, the goals."""
    out = ["", "### Centrality", "",
           "Each peer runs on the graph ReachGraph builds (parallel edges merged, weights summed; node indices"
           " agree). ReachGraph runs on both cores and, for the per-source measures, also on one thread;"
           " in brackets peer time / ReachGraph time on both cores.", ""]
    ours_threads = lambda task: (2, 1) if any(key[0] == "reachgraph" and key[1] == 1 for key in by_task.get(task, {})) else (2,)
    for task, title in CENTRALITY_TITLES.items():
        rows = by_task.get(task)
        if not rows:
            continue
        sizes = [size for size in SIZE_ORDER if ("reachgraph", 2, size) in rows]
        if not sizes:
            continue
        # Skips without a thread count in the key apply to every thread count of the library.
        notes = {}
        for (library, threads, size), message in skipped_tasks.get(task, {}).items():
            notes[(library, threads, size)] = message
        out += table(rows, "median_s", sizes, f"{title}, wall time", notes, CENTRALITY_PEERS, ours_threads(task), edges_in)
        out.append("")
        out += table(rows, "cpu_median_s", sizes, f"{title}, CPU time (all threads)", notes, CENTRALITY_PEERS, ours_threads(task), edges_in)
        out.append("")
        for size in sizes:
            ours = rows[("reachgraph", 2, size)]
            facts = []
            if "iterations" in ours:
                counts = [f"ReachGraph {ours['iterations']}"] + [
                    f"{peer_title} {rows[(library, threads, size)]['iterations']}" for library, threads, peer_title, _ in CENTRALITY_PEERS
                    if "iterations" in rows.get((library, threads, size), {})]
                facts.append("iterations: " + ", ".join(counts))
            if "per_iteration_s" in ours:
                facts.append(f"one iteration (fastest 40-step run minus fastest 20-step run, /20): {ours['per_iteration_s'] * 1000:.2f} ms")
            if "samples" in ours:
                samples = [f"ReachGraph {ours['samples']:,} (vertex-diameter bound {ours['vertex_diameter_bound']})"] + [
                    f"{peer_title} {rows[(library, threads, size)]['samples']:,}" for library, threads, peer_title, _ in CENTRALITY_PEERS
                    if "samples" in rows.get((library, threads, size), {})]
                facts.append("samples: " + ", ".join(samples))
            if "top" in ours:
                same = [peer_title for library, threads, peer_title, _ in CENTRALITY_PEERS
                        if rows.get((library, threads, size), {}).get("top") == ours["top"]]
                differ = [f"{peer_title} {rows[(library, threads, size)]['top']}" for library, threads, peer_title, _ in CENTRALITY_PEERS
                          if "top" in rows.get((library, threads, size), {}) and rows[(library, threads, size)]["top"] != ours["top"]]
                facts.append(f"top 5 nodes {ours['top']}, the same in: {', '.join(same) or 'none'}"
                             + (f"; different: {'; '.join(differ)}" if differ else ""))
            if "modularity" in ours:
                found = [f"ReachGraph {ours['modularity']} ({ours['communities']} communities)"] + [
                    f"{peer_title} {rows[(library, threads, size)]['modularity']} ({rows[(library, threads, size)]['communities']})"
                    for library, threads, peer_title, _ in CENTRALITY_PEERS if "modularity" in rows.get((library, threads, size), {})]
                facts.append("modularity: " + ", ".join(found))
            if "max_core" in ours:
                same = [peer_title for library, threads, peer_title, _ in CENTRALITY_PEERS
                        if (rows.get((library, threads, size), {}).get("max_core"), rows.get((library, threads, size), {}).get("max_core_size"))
                        == (ours["max_core"], ours["max_core_size"])]
                facts.append(f"largest core {ours['max_core']} with {ours['max_core_size']} nodes, the same in: {', '.join(same) or 'none'}")
            if facts:
                out.append(f"- {size}: " + "; ".join(facts) + ".")
        out.append("")

    diffusion = [(task, library, row) for task in ("ic", "imm") for (library, _, size), row in sorted(by_task.get(task, {}).items(), reverse=True)]
    if diffusion:
        out += ["**Diffusion (weighted cascade p(u, v) = w(u, v) / s⁻(v); IMM is ReachGraph only)**", "",
                "| task | library | size | wall | CPU | result |", "|---|---|---|---|---|---|"]
        for task, library, row in diffusion:
            if task == "ic":
                result = f"{row['runs']:,} runs from the 50 most reposted accounts, {row['runs_per_s']:,.0f} runs/s, mean reach {row['mean_reach']:,.1f}"
                name = "independent cascade, Monte Carlo"
            else:
                result = f"{row['rr_sets']:,} RR sets, estimated spread {row['estimated_spread']:,.1f}"
                name = "IMM, k = 50, ε = 0.1, ℓ = 1"
            threads = " (2 threads)" if library == "reachgraph" else ""
            out.append(f"| {name} | {library}{threads} | {row['size']} | {seconds(row['median_s'])} | {seconds(row['cpu_median_s'])} | {result} |")
        out.append("")

    out += goals(by_task, bandwidth)
    return out


def goals(by_task, bandwidth):
    """The issue's speed goals, each with its numbers and verdict."""
    out = ["**Goals (wall time, medians)**", ""]

    def compare(task, size, peer, factor=1.0, ours_threads=2):
        ours = by_task.get(task, {}).get(("reachgraph", ours_threads, size))
        theirs = by_task.get(task, {}).get(peer + (size,))
        if not ours or not theirs:
            return None
        limit = factor * theirs["median_s"]
        verdict = "met" if ours["median_s"] <= limit else f"NOT met, {ours['median_s'] / limit:.2f}× the target"
        return f"ReachGraph {seconds(ours['median_s'])} vs {seconds(theirs['median_s'])} ({theirs['median_s'] / ours['median_s']:.1f}× faster): {verdict}"

    for task, name in (("pagerank", "PageRank (converged)"), ("pagerank-20", "PageRank (20 iterations)"), ("kcore", "k-core")):
        for size in SIZE_ORDER:
            line = compare(task, size, ("networkit", 2))
            if line:
                out.append(f"- {name} ≤ NetworKit 2 threads, {size}: {line}.")
    line = compare("betweenness", "small", ("igraph", 1), 0.5)
    if line:
        out.append(f"- Exact betweenness ≤ ½ igraph, small, ReachGraph on 2 threads: {line}.")
    line = compare("betweenness", "small", ("igraph", 1), 0.5, ours_threads=1)
    if line:
        out.append(f"- Exact betweenness ≤ ½ igraph, small, ReachGraph on 1 thread: {line}.")
    for peer, ours_threads in (((("networkit", 2)), 2), ((("networkit", 1)), 1)):
        line = compare("closeness", "small", peer, ours_threads=ours_threads)
        if line:
            out.append(f"- Closeness ≤ NetworKit, small, both on {ours_threads} thread{'s' if ours_threads > 1 else ''}: {line}.")

    step = by_task.get("pagerank-20", {}).get(("reachgraph", 2, "large"))
    load = by_task.get("load", {}).get(("reachgraph", 1, "large"))
    if step and load and bandwidth:
        nodes, edges = load["nodes"], load["edges"]
        # What one pull step must move at least: the in-CSR (8-byte offsets, 4-byte neighbours,
        # 8-byte weights), the rank vector read once, the new one written once.
        parts = [("offsets", 8 * (nodes + 1)), ("neighbours", 4 * edges), ("weights", 8 * edges), ("ranks read", 8 * nodes), ("ranks written", 8 * nodes)]
        total = sum(size for _, size in parts)
        out.append("")
        out.append(f"- PageRank iteration on 10M edges within 2× of the memory-bandwidth bound: one step must move at least "
                   + " + ".join(f"{name} {size / 1e6:.1f} MB" for name, size in parts) + f" = {total / 1e6:.1f} MB.")
        # The goal is judged against the machine's bandwidth (both cores, as the step runs); the
        # one-core figure is shown for reference.
        for threads in (2, 1):
            rate = bandwidth.get(("read", threads))
            if rate:
                bound = total / (rate * 1e9)
                ratio = step["per_iteration_s"] / bound
                verdict = ("met" if ratio <= 2 else f"NOT met, {ratio / 2:.2f}× the target") if threads == 2 else "reference only"
                out.append(f"  - read bandwidth on {threads} thread{'s' if threads > 1 else ''} {rate:.1f} GB/s (triad "
                           f"{bandwidth.get(('triad', threads), 0):.1f} GB/s): bound {bound * 1000:.2f} ms; measured step {step['per_iteration_s'] * 1000:.2f} ms"
                           f" on 2 threads = {ratio:.1f}× the bound: {verdict}.")
    out.append("")
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("results", nargs="+", help="JSON lines of both sides (reachgraph-benchmark, peers.py)")
    parser.add_argument("--command", required=True)
    parser.add_argument("--datasets", default="", help="generate.py's lines describing the files")
    arguments = parser.parse_args()

    by_task = defaultdict(dict)
    skipped = {}  # load and components: (library, threads or None, size) -> why
    skipped_tasks = defaultdict(dict)  # centrality: task -> (library, threads, size) -> why
    versions = {}
    errors = []
    runs = defaultdict(dict)  # side -> started, load_before, load_after
    bandwidth = {}  # (kernel, threads) -> GB/s
    for path in arguments.results:
        if not os.path.exists(path):
            continue
        with open(path) as results:
            for line in results:
                if not line.startswith("{"):
                    continue
                row = json.loads(line)
                task = row["task"]
                if task == "run":
                    runs[row["side"]].update({key: value for key, value in row.items() if key not in ("task", "side")})
                    continue
                if task == "bandwidth":
                    bandwidth[(row["kernel"], row["threads"])] = row["gb_per_s"]
                    continue
                if task == "skipped":
                    if "skipped_task" in row:
                        skipped_tasks[row["skipped_task"]][(row["library"], row["threads"], row["size"])] = row["message"]
                    else:
                        skipped[(row["library"], None, row["size"])] = row["message"]
                    continue
                if task == "error":
                    errors.append(row)
                    continue
                by_task[task][(row["library"], row["threads"], row["size"])] = row
                if "version" in row:
                    versions[row["library"].split("-")[0]] = row["version"]
    # Every table names the size by its edge count as read (rows of the file).
    edges_in = {size: f"{row['rows']:,}" for (library, _, size), row in by_task["load"].items() if library == "reachgraph"}
    sizes = [size for size in SIZE_ORDER if ("reachgraph", 1, size) in by_task["load"]]
    info = machine()
    out = []
    out.append(f"Report made on {time.strftime('%Y-%m-%d %H:%M %Z')} with `{arguments.command}`.")
    out.append("")
    out.append(f"- Machine: {info['cpu']}, {info['cores']} cores (`nproc`), {info['ram']} RAM, Linux {info['kernel']}.")
    for side, title in (("reachgraph", "ReachGraph"), ("peers", "Peers")):
        run = runs.get(side)
        if run:
            out.append(f"- {title} run started {run.get('started', '?')}; load average (1, 5, 15 min) before: "
                       f"{run.get('load_before', '?')}, after: {run.get('load_after', '?')}.")
    out.append("  The machine is shared: wall times rise with the load, CPU times much less.")
    out.append(f"- {info['swift']}; Python {info['python']}; "
               + ", ".join(f"{name} {version}" for name, version in sorted(versions.items())) + ".")
    if arguments.datasets:
        out.append("- Data (Benchmarks/generate.py, seeded):")
        for line in arguments.datasets.strip().splitlines():
            size = line.split(":", 1)[0]
            ours = by_task["load"].get(("reachgraph", 1, size))
            shape = f"; {ours['nodes']:,} nodes, {ours['edges']:,} distinct edges" if ours else ""
            out.append(f"  - {line.strip()}{shape}")
    out.append("- Each cell is the median over the repeats (small 5, medium 3, large: ReachGraph 3, peers 1; exact betweenness"
               " and closeness at most 3, NetworkX's once; approximate betweenness once);"
               " in brackets the ratio peer time / ReachGraph time (above 1: ReachGraph is faster).")
    out.append("")
    out += table(by_task["load"], "median_s", sizes, "Load: CSV file → graph, wall time", skipped, edges_in=edges_in)
    out.append("")
    out += table(by_task["load"], "cpu_median_s", sizes, "Load: CSV file → graph, CPU time (all threads)", skipped, edges_in=edges_in)
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
    out += table(by_task["wcc"], "median_s", sizes, "Weakly connected components, wall time", skipped, COMPONENT_PEERS, edges_in=edges_in)
    out.append("")
    out += table(by_task["scc"], "median_s", sizes, "Strongly connected components, wall time", skipped, COMPONENT_PEERS, edges_in=edges_in)
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
    out += centrality_section(by_task, skipped_tasks, bandwidth, edges_in)
    for row in errors:
        what = f" ({row['failed_task']})" if "failed_task" in row else ""
        out.append(f"- Error from {row['library']}{what} on {row['size']}: {row['message'][:300]}")
    print("\n".join(out))


if __name__ == "__main__":
    sys.exit(main())
