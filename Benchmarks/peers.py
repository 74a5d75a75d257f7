#!/usr/bin/env python3
"""Times the peer libraries on the generated edge lists; prints one JSON object per line.

    python3 Benchmarks/peers.py --sizes small,medium,large [--data Benchmarks/data]

Every (library, size, threads) runs in a fresh child process, so the peak RSS it reports
(ru_maxrss, which only grows) belongs to that load alone. Each child loads the CSV `repeats` times
and then runs weakly and strongly connected components `repeats` times; the median wall time is
reported, with the median process CPU time (all threads) beside it, which varies less on a busy
machine.

The load path for each peer is its fastest documented way to read a CSV edge list with string ids
into its graph (measured on the 1M-edge file when this harness was written):
- NetworkX: `read_edgelist(delimiter=",", create_using=DiGraph, data=[("weight", int)])` on the
  file with its header line skipped (parallel edges keep the last weight).
- igraph: the `csv` module, a dict from id to index, then `Graph(n, edges, directed=True,
  edge_attrs={"weight": ...})`. `Graph.TupleList` does the same work in Python at the same speed
  but keeps weights as strings; `Read_Ncol` is C but reads only whitespace-separated files, so it is
  timed separately as `igraph-ncol` on a space-separated copy (conversion not timed) for reference.
- NetworKit: `graphio.EdgeListReader(",", 0, commentPrefix="source,", continuous=False,
  directed=True)` (C++; `continuous=False` maps arbitrary string ids; the comment prefix skips the
  header). Run at 1 and 2 threads (`setNumberOfThreads`).
- rustworkx: no reader takes string ids, so the `csv` module and a dict, then
  `extend_from_weighted_edge_list` on a multigraph `PyDiGraph`.
"""

import argparse
import csv
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import time

REPEATS = {"small": 5, "medium": 3, "large": 1}
# NetworkX at 10M edges takes minutes and several GB; it runs only when its 1M-edge load (CPU time,
# which a busy machine inflates less than wall time), scaled by 10, stays under this many seconds.
NETWORKX_LARGE_LIMIT_S = 180.0


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux reports KiB


def current_rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return None


def csv_rows(path):
    """(source index, target index, weight) lists and the id count, via the csv module."""
    ids = {}
    sources, targets, weights = [], [], []
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        next(reader)
        for source, target, weight in reader:
            sources.append(ids.setdefault(source, len(ids)))
            targets.append(ids.setdefault(target, len(ids)))
            weights.append(int(weight))
    return len(ids), sources, targets, weights


class NetworkX:
    name = "networkx"

    def __init__(self, threads):
        import networkx

        self.nx = networkx
        self.version = networkx.__version__

    def load(self, path):
        with open(path, encoding="utf-8") as handle:
            next(handle)
            return self.nx.read_edgelist(handle, delimiter=",", create_using=self.nx.DiGraph, data=[("weight", int)])

    def counts(self, graph):
        return graph.number_of_nodes(), graph.number_of_edges()

    def components(self, graph, strong):
        function = self.nx.strongly_connected_components if strong else self.nx.weakly_connected_components
        sizes = [len(component) for component in function(graph)]
        return len(sizes), max(sizes)


class IGraph:
    name = "igraph"

    def __init__(self, threads):
        import igraph

        self.ig = igraph
        self.version = igraph.__version__

    def load(self, path):
        nodes, sources, targets, weights = csv_rows(path)
        return self.ig.Graph(n=nodes, edges=list(zip(sources, targets)), directed=True, edge_attrs={"weight": weights})

    def counts(self, graph):
        return graph.vcount(), graph.ecount()

    def components(self, graph, strong):
        sizes = graph.connected_components(mode="strong" if strong else "weak").sizes()
        return len(sizes), max(sizes)


class IGraphNcol(IGraph):
    name = "igraph-ncol"

    def load(self, path):
        return self.ig.Graph.Read_Ncol(ncol_copy(path), names=True, weights="if_present", directed=True)


def ncol_copy(path):
    """A space-separated copy of `path` without its header, made once, for igraph's Read_Ncol."""
    copy = path[: -len(".csv")] + ".ncol"
    if not os.path.exists(copy) or os.path.getmtime(copy) < os.path.getmtime(path):
        with open(path, encoding="utf-8") as source, open(copy + ".tmp", "w", encoding="utf-8") as target:
            next(source)
            for block in iter(lambda: source.read(1 << 22), ""):
                target.write(block.replace(",", " "))
        os.replace(copy + ".tmp", copy)
    return copy


class NetworKit:
    name = "networkit"

    def __init__(self, threads):
        import networkit

        self.nk = networkit
        self.version = networkit.__version__
        networkit.setNumberOfThreads(threads)

    def load(self, path):
        reader = self.nk.graphio.EdgeListReader(",", 0, commentPrefix="source,", continuous=False, directed=True)
        return reader.read(path)

    def counts(self, graph):
        return graph.numberOfNodes(), graph.numberOfEdges()

    def components(self, graph, strong):
        kind = self.nk.components.StronglyConnectedComponents if strong else self.nk.components.WeaklyConnectedComponents
        algorithm = kind(graph)
        algorithm.run()
        sizes = algorithm.getComponentSizes().values()
        return algorithm.numberOfComponents(), max(sizes)


class Rustworkx:
    name = "rustworkx"

    def __init__(self, threads):
        import rustworkx

        self.rx = rustworkx
        self.version = rustworkx.__version__

    def load(self, path):
        nodes, sources, targets, weights = csv_rows(path)
        graph = self.rx.PyDiGraph(multigraph=True)
        graph.add_nodes_from(range(nodes))
        graph.extend_from_weighted_edge_list(list(zip(sources, targets, weights)))
        return graph

    def counts(self, graph):
        return graph.num_nodes(), graph.num_edges()

    def components(self, graph, strong):
        function = self.rx.strongly_connected_components if strong else self.rx.weakly_connected_components
        sizes = [len(component) for component in function(graph)]
        return len(sizes), max(sizes)


LIBRARIES = {kind.name: kind for kind in (NetworkX, IGraph, IGraphNcol, NetworKit, Rustworkx)}


def emit(**fields):
    print(json.dumps(fields), flush=True)


def run_one(library_name, size, path, threads, repeats):
    """Runs in the child process: load and components for one library on one file."""
    library = LIBRARIES[library_name](threads)
    base = dict(library=library_name, version=library.version, size=size, threads=threads)
    rss_before = current_rss_mb()
    times, cpu, graph, peak = [], [], None, None
    for attempt in range(repeats):
        graph = None
        gc.collect()
        start, cpu_start = time.perf_counter(), time.process_time()
        graph = library.load(path)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - cpu_start)
        if attempt == 0:
            peak = peak_rss_mb()
    nodes, edges = library.counts(graph)
    emit(**base, task="load", median_s=statistics.median(times), cpu_median_s=statistics.median(cpu), times_s=times,
         nodes=nodes, edges=edges, peak_rss_mb=round(peak, 1), rss_before_load_mb=rss_before)
    for task, strong in (("wcc", False), ("scc", True)):
        times, cpu = [], []
        for _ in range(repeats):
            start, cpu_start = time.perf_counter(), time.process_time()
            count, largest = library.components(graph, strong)
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - cpu_start)
        emit(**base, task=task, median_s=statistics.median(times), cpu_median_s=statistics.median(cpu), times_s=times,
             components=count, largest=largest)


def child(library, size, path, threads, repeats):
    """Runs one measurement in a fresh interpreter; returns its JSON lines as dicts."""
    command = [sys.executable, os.path.abspath(__file__), "--one", library, "--size", size, "--file", path,
               "--threads", str(threads), "--repeats", str(repeats)]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        emit(library=library, size=size, threads=threads, task="error", message=result.stderr.strip()[-2000:])
        return []
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    for row in rows:
        emit(**row)
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="small,medium,large")
    parser.add_argument("--data", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "data"))
    parser.add_argument("--libraries", default=",".join(LIBRARIES))
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--size", help=argparse.SUPPRESS)
    parser.add_argument("--file", help=argparse.SUPPRESS)
    parser.add_argument("--threads", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--repeats", type=int, help="override the per-size repeat count")
    parser.add_argument("--previous", help="JSON lines of earlier runs, for the NetworkX estimate when sizes run one at a time")
    arguments = parser.parse_args()
    if arguments.one:
        run_one(arguments.one, arguments.size, arguments.file, arguments.threads, arguments.repeats)
        return
    networkx_medium_load = None
    if arguments.previous and os.path.exists(arguments.previous):
        with open(arguments.previous) as previous:
            for line in previous:
                row = json.loads(line) if line.startswith("{") else {}
                if (row.get("library"), row.get("size"), row.get("task")) == ("networkx", "medium", "load"):
                    networkx_medium_load = row["cpu_median_s"]
    for size in arguments.sizes.split(","):
        path = os.path.join(arguments.data, f"{size}.csv")
        repeats = arguments.repeats or REPEATS.get(size, 3)
        for library in arguments.libraries.split(","):
            if library == "networkx" and size == "large":
                estimate = None if networkx_medium_load is None else networkx_medium_load * 10
                if estimate is None or estimate > NETWORKX_LARGE_LIMIT_S:
                    emit(library=library, size=size, threads=1, task="skipped",
                         message=f"estimated {estimate:.0f} s from the 1M-edge run" if estimate else "no 1M-edge run to estimate from")
                    continue
            for threads in ((1, 2) if library == "networkit" else (1,)):
                rows = child(library, size, path, threads, repeats)
                if library == "networkx" and size == "medium":
                    networkx_medium_load = next((row["cpu_median_s"] for row in rows if row["task"] == "load"), None)


if __name__ == "__main__":
    main()
