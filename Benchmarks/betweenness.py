#!/usr/bin/env python3
"""Betweenness ranking: exact vs ReachGraph's default sampler vs a fixed epsilon vs peers.

Runs every task as a whole process under /usr/bin/time -v (wall, user + sys CPU, peak RSS),
records the load average before each, and compares every top 20 with ReachGraph's exact one
(`rank --by betweenness`, Brandes). Prints a Markdown report for BENCHMARKS.md.

Called by Benchmarks/betweenness.sh, which builds the release binary and the data:

    Benchmarks/.venv/bin/python Benchmarks/betweenness.py --reachgraph BIN --data Benchmarks/data

Peers (same file, same process accounting): igraph `Graph.betweenness` (exact, one thread),
NetworKit `Betweenness` (exact, all threads) and `KadabraBetweenness(k=20)` (adaptive top-k
sampling, Borassi & Natale 2016) where it accepts the graph. Parallel edges are merged in the
peers, as ReachGraph merges repeated relations into one weighted edge; betweenness uses hops.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

TOP = 20

PEER = r'''
import sys, time
import numpy as np
task, path, out = sys.argv[1], sys.argv[2], sys.argv[3]
names = {}
sources, targets = [], []
with open(path, encoding="utf-8") as data:
    next(data)
    for line in data:
        a, b, _ = line.rstrip("\n").split(",")
        sources.append(names.setdefault(a, len(names)))
        targets.append(names.setdefault(b, len(names)))
ids = [None] * len(names)
for name, index in names.items():
    ids[index] = name
n = len(names)
if task.startswith("igraph"):
    import igraph
    graph = igraph.Graph(n=n, edges=list(zip(sources, targets)), directed=True)
    graph.simplify(multiple=True, loops=True)
    scores = graph.betweenness(directed=True)
else:
    import networkit as nk
    graph = nk.Graph(n, weighted=False, directed=True)
    for a, b in zip(sources, targets):
        if a != b:
            graph.addEdge(a, b)
    graph.removeMultiEdges()
    if task == "networkit-exact":
        algorithm = nk.centrality.Betweenness(graph, normalized=False)
        algorithm.run()
        scores = algorithm.scores()
    else:
        algorithm = nk.centrality.KadabraBetweenness(graph, 0.01, 0.1, False, 20)
        algorithm.run()
        order = algorithm.topkNodesList()
        scores = [0.0] * n
        for position, node in enumerate(order):
            scores[node] = float(len(order) - position)
pairs = (n - 1) * (n - 2)
order = sorted(range(n), key=lambda v: (-scores[v], ids[v]))[:20]
with open(out, "w", encoding="utf-8") as result:
    for v in order:
        result.write(f"{ids[v]},{scores[v] / pairs if task.endswith('exact') else scores[v]}\n")
'''


def load_average():
    with open("/proc/loadavg", encoding="ascii") as handle:
        return " ".join(handle.read().split()[:3])


def timed(command):
    """Runs `command` under /usr/bin/time -v; returns (wall s, cpu s, peak RSS MB, stderr, status)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        process = subprocess.run(["/usr/bin/time", "-v", "-o", report.name] + command, capture_output=True, text=True)
        text = report.read()
    def field(name):
        match = re.search(rf"{re.escape(name)}: (.*)", text)
        return match.group(1).strip() if match else "0"
    wall_text = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    wall = 0.0
    for part in wall_text.split(":"):
        wall = wall * 60 + float(part)
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    rss = int(field("Maximum resident set size (kbytes)")) / 1024
    return wall, cpu, rss, process.stderr, process.returncode


def reachgraph_top(path):
    with open(path, encoding="utf-8") as handle:
        rows = [line.rstrip("\n").split(",") for line in handle][1:]
    return [(row[1], float(row[2])) for row in rows[:TOP]]


def peer_top(path):
    with open(path, encoding="utf-8") as handle:
        return [(row[0], float(row[1])) for row in (line.rstrip("\n").split(",") for line in handle)]


def higgs_csv(source, target):
    """A Higgs retweet edge list (`A B weight`, A retweeted B; see the slice's PROVENANCE.md) as
    source,target,weight from author to retweeter, which is what `--edge-direction
    reposter-to-author` reads from the SNAP file itself."""
    if os.path.exists(target):
        return target
    temporary = target + ".tmp"
    with open(source, encoding="ascii") as lines, open(temporary, "w", encoding="ascii") as out:
        out.write("source,target,weight\n")
        for line in lines:
            retweeter, author, weight = line.split()
            out.write(f"h{author},h{retweeter},{weight}\n")
    os.replace(temporary, target)
    return target


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reachgraph", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--datasets", default="bc250k,higgs,higgs-full")
    parser.add_argument("--skip", default="", help="comma-separated task names to leave out")
    parser.add_argument("--higgs", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "datasets", "formats", "snap-higgs-edgelist", "higgs-retweet_network.head50000.edgelist"))
    parser.add_argument("--higgs-full", default=os.environ.get("HIGGS_RETWEET_NETWORK", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "bench-data", "higgs", "higgs-retweet_network.edgelist")),
                        help="the whole SNAP higgs-retweet_network.edgelist (256,491 accounts), gunzipped; never committed")
    arguments = parser.parse_args()
    skip = set(filter(None, arguments.skip.split(",")))
    files = {"bc250k": os.path.join(arguments.data, "bc250k.csv")}
    if os.path.exists(arguments.higgs):
        files["higgs"] = higgs_csv(arguments.higgs, os.path.join(arguments.data, "higgs-retweet-head50000.csv"))
    else:
        print(f"higgs: {arguments.higgs} missing, skipped", file=sys.stderr)
    if os.path.exists(arguments.higgs_full):
        files["higgs-full"] = higgs_csv(arguments.higgs_full, os.path.join(arguments.data, "higgs-retweet-full.csv"))
    else:
        print(f"higgs-full: {arguments.higgs_full} missing, skipped", file=sys.stderr)
    work = tempfile.mkdtemp(prefix="betweenness-")
    peer_script = os.path.join(work, "peer.py")
    with open(peer_script, "w", encoding="utf-8") as handle:
        handle.write(PEER)
    tasks = [
        ("reachgraph-exact", "ReachGraph `rank --by betweenness` (exact Brandes)", ["rank", "--by", "betweenness"]),
        ("reachgraph-default", "ReachGraph `rank --by betweenness-approx` (default: sampled until the top 20 is settled)", ["rank", "--by", "betweenness-approx"]),
        ("reachgraph-epsilon", "ReachGraph `rank --by betweenness-approx --epsilon 0.01` (the former default)", ["rank", "--by", "betweenness-approx", "--epsilon", "0.01"]),
        ("igraph-exact", "igraph 1.0 `betweenness` (exact, one thread)", None),
        ("networkit-exact", "NetworKit 11.3 `Betweenness` (exact, all threads)", None),
        ("networkit-kadabra", "NetworKit 11.3 `KadabraBetweenness(k=20)` (adaptive top-k)", None),
    ]
    print("| graph | task | wall | CPU (user+sys) | peak RSS | top-20 overlap with exact | load average before | note |")
    print("|---|---|---|---|---|---|---|---|")
    for dataset in filter(None, arguments.datasets.split(",")):
        path = files.get(dataset)
        if path is None:
            continue
        exact = None
        for name, label, arguments_ in tasks:
            if name in skip:
                continue
            out = os.path.join(work, f"{dataset}-{name}.csv")
            if arguments_ is not None:
                command = [arguments.reachgraph] + arguments_[:1] + [path] + arguments_[1:] + ["--top", str(TOP), "--format", "csv", "-o", out]
            else:
                command = [sys.executable, peer_script, name, path, out]
            load = load_average()
            wall, cpu, rss, errors, status = timed(command)
            if status != 0:
                message = errors.strip().splitlines()[-1] if errors.strip() else f"exit {status}"
                print(f"| {dataset} | {label} | – | – | – | – | {load} | failed: {message} |", flush=True)
                continue
            top = reachgraph_top(out) if arguments_ is not None else peer_top(out)
            if name == "reachgraph-exact":
                exact = top
            overlap = f"{len(set(i for i, _ in top) & set(i for i, _ in exact))}/{TOP}" if exact else "–"
            note = " ".join(line.strip() for line in errors.splitlines() if line.startswith(("note:", "warning:")))
            if name.endswith("exact") and exact and name != "reachgraph-exact":
                worst = max(abs(a - b) / b for (_, a), (_, b) in zip(top, exact) if b > 0)
                note = f"top-20 scores differ from ReachGraph's by at most {worst:.1e} (relative)"
            if name == "reachgraph-exact" and exact:
                note = f"largest score {exact[0][1]:.3g}, 20th {exact[-1][1]:.3g}"
            print(f"| {dataset} | {label} | {wall:.1f} s | {cpu:.1f} s | {rss:.0f} MB | {overlap} | {load} | {note} |", flush=True)


if __name__ == "__main__":
    main()
