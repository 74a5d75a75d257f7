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

Centrality (`--tasks`, one more child per library, size and thread count) runs on the graph
ReachGraph builds, not on each peer's CSV load: ids numbered in order of first appearance (as
ReachGraph's reader does, so node indices agree across libraries and the top-ranked nodes can be
compared), parallel edges merged with their weights summed. The edge arrays are made once per file
with numpy and cached beside it (`SIZE.simple.npz`); each peer's graph is built from them untimed.
The function and settings per task are in each library class's methods below, with NetworkX's
defaults (damping 0.85, tolerance 1e-6 for PageRank and eigenvector, 1e-8 for HITS, 100
iterations) where a peer takes them. cynetdiff is timed on the independent cascade only.
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
# Centrality tasks per size. Exact betweenness and closeness (one search per node) only on the 50k
# file: at 1M edges (100k nodes) they take hours in the slower peers. Approximate betweenness is
# the 1M-edge task.
TASKS = {
    "small": "pagerank,pagerank-20,kcore,hits,eigenvector,betweenness,closeness",
    "medium": "pagerank,pagerank-20,kcore,hits,eigenvector,approx-betweenness,ic,imm,louvain",
    "large": "pagerank,pagerank-20,kcore,hits,eigenvector",
}
# Tasks whose one run takes seconds to minutes: run at most this many times in the faster peers,
# and once in NetworkX; approximate betweenness (tens of thousands of searches on 1M edges) once.
HEAVY = {"betweenness", "closeness", "approx-betweenness"}
HEAVY_REPEATS = 3
SINGLE_RUN = {"approx-betweenness"}
# A peer's task at 10M edges is skipped when its 1M-edge CPU time times this factor (the graph is
# ten times larger, and the iterative measures take a few more steps) exceeds NETWORKX_LARGE_LIMIT_S.
LARGE_SCALE = 12
# The fixed-iteration PageRank measurement, as in reachgraph-benchmark.
FIXED_ITERATIONS = 20
# Approximate betweenness settings, the same as reachgraph-benchmark's. ε = 0.05 rather than the
# default 0.01: at 0.01 Riondato–Kornaropoulos needs about 36,000 searches on the 1M-edge graph, and
# NetworKit's ApproxBetweenness (a full search per sample) had not finished after 9 minutes on one
# thread. The sample count grows as 1/ε², so 0.05 needs 25 times fewer.
EPSILON, DELTA = 0.05, 0.1
# igraph has no sampling estimator with a guarantee, only a path-length cutoff.
IGRAPH_CUTOFF = 3
# Independent cascade, as reachgraph-benchmark: runs from the most reposted accounts.
IC_RUNS, IC_SEEDS = 1000, 50
# NetworkX at 10M edges takes minutes and several GB; it runs only when its 1M-edge load (CPU time,
# which a busy machine inflates less than wall time), scaled by 10, stays under this many seconds.
# The same limit skips any peer's centrality task (or graph construction) at 10M edges whose
# 1M-edge CPU time, scaled by LARGE_SCALE, exceeds it.
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


def simple_edges(path):
    """(node count, sources, targets, summed weights) of the graph ReachGraph builds from `path`.

    Ids are numbered in order of first appearance, source before target on each row, as
    EdgeListReader does; parallel edges are merged and their weights summed, as
    EdgeList.takeGraph does. Edges come sorted by source, then target (ReachGraph's CSR order).
    Cached in SIZE.simple.npz beside the file.
    """
    import numpy

    cache = path[: -len(".csv")] + ".simple.npz"
    if os.path.exists(cache) and os.path.getmtime(cache) >= os.path.getmtime(path):
        with numpy.load(cache) as saved:
            return int(saved["nodes"]), saved["sources"], saved["targets"], saved["weights"]
    with open(path, "rb") as handle:
        next(handle)
        # Rows are `u123,u456,2`: drop the `u` prefixes and parse all numbers at once.
        text = handle.read().replace(b"u", b"").replace(b"\n", b",").decode("ascii")
    numbers = numpy.array(text.rstrip(",").split(","), dtype=numpy.int64).reshape(-1, 3)
    labels = numbers[:, :2].reshape(-1)  # s0, t0, s1, t1, ...: the order ids first appear in
    distinct, first_seen, positions = numpy.unique(labels, return_index=True, return_inverse=True)
    index_of_distinct = numpy.empty(len(distinct), dtype=numpy.int64)
    index_of_distinct[numpy.argsort(first_seen, kind="stable")] = numpy.arange(len(distinct))
    ends = index_of_distinct[positions].reshape(-1, 2)
    nodes = len(distinct)
    keys, merged = numpy.unique(ends[:, 0] * nodes + ends[:, 1], return_inverse=True)
    weights = numpy.bincount(merged, weights=numpy.asarray(numbers[:, 2], dtype=numpy.float64))
    sources, targets = keys // nodes, keys % nodes
    numpy.savez(cache + ".tmp.npz", nodes=nodes, sources=sources, targets=targets, weights=weights)
    os.replace(cache + ".tmp.npz", cache)
    return nodes, sources, targets, weights


def top(scores, count=5):
    """Indices of the `count` largest scores, ties by index (as reachgraph-benchmark reports)."""
    return sorted(range(len(scores)), key=lambda node: (-scores[node], node))[:count]


def core_summary(cores):
    largest = max(cores)
    return dict(max_core=int(largest), max_core_size=sum(1 for value in cores if value == largest))


class NotOffered(Exception):
    """The library has no equivalent of the task (the message says why)."""


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

    def build(self, nodes, sources, targets, weights):
        graph = self.nx.DiGraph()
        graph.add_nodes_from(range(nodes))
        graph.add_weighted_edges_from(zip(sources.tolist(), targets.tolist(), weights.tolist()))
        return graph

    def undirected(self, graph):
        """Louvain's input: reciprocal weights summed (`to_undirected` keeps one of them)."""
        undirected = self.nx.Graph()
        undirected.add_nodes_from(graph)
        for source, target, weight in graph.edges(data="weight"):
            if undirected.has_edge(source, target):
                undirected[source][target]["weight"] += weight
            else:
                undirected.add_edge(source, target, weight=weight)
        return undirected

    def scores(self, result, nodes):
        return [result[node] for node in range(nodes)]

    def pagerank(self, graph, iterations=None):
        """`nx.pagerank` (its SciPy power iteration); a fixed count via tol=0 and max_iter."""
        if iterations is None:
            return dict(top=top(self.scores(self.nx.pagerank(graph, alpha=0.85, tol=1e-6, weight="weight"), len(graph))))
        try:
            self.nx.pagerank(graph, alpha=0.85, tol=0, max_iter=iterations, weight="weight")
        except self.nx.PowerIterationFailedConvergence:
            pass
        return dict(iterations=iterations)

    def kcore(self, graph):
        return core_summary(list(self.nx.core_number(graph).values()))

    def hits(self, graph):
        """`nx.hits`: SciPy's sparse SVD (ARPACK) in NetworkX 3, not its Python power iteration."""
        hubs, authorities = self.nx.hits(graph, max_iter=100, tol=1e-8)
        return dict(top=top(self.scores(authorities, len(graph))), top_hubs=top(self.scores(hubs, len(graph))))

    def eigenvector(self, graph):
        return dict(top=top(self.scores(self.nx.eigenvector_centrality(graph, max_iter=100, tol=1e-6), len(graph))))

    def betweenness(self, graph):
        return dict(top=top(self.scores(self.nx.betweenness_centrality(graph), len(graph))))

    def closeness(self, graph):
        return dict(top=top(self.scores(self.nx.closeness_centrality(graph), len(graph))))

    def approx_betweenness(self, graph):
        raise NotOffered("only `k` source sampling, without an error bound; pure Python Brandes per source")

    def louvain(self, undirected):
        """`louvain_communities(seed=1)`."""
        communities = self.nx.community.louvain_communities(undirected, weight="weight", seed=1)
        return dict(modularity=round(self.nx.community.modularity(undirected, communities, weight="weight"), 4), communities=len(communities))


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

    def build(self, nodes, sources, targets, weights):
        edges = list(zip(sources.tolist(), targets.tolist()))
        return self.ig.Graph(n=nodes, edges=edges, directed=True, edge_attrs={"weight": weights.tolist()})

    def undirected(self, graph):
        """Louvain's input: reciprocal weights summed."""
        return graph.as_undirected(mode="collapse", combine_edges={"weight": "sum"})

    def pagerank(self, graph, iterations=None):
        """PRPACK (igraph's default): solves the linear system, no power iteration to count."""
        if iterations is not None:
            raise NotOffered("PRPACK solves directly; no iteration count to set")
        return dict(top=top(graph.pagerank(damping=0.85, weights="weight", directed=True)))

    def kcore(self, graph):
        return core_summary(graph.coreness(mode="all"))

    def hits(self, graph):
        """Two ARPACK eigenproblems, `hub_score` and `authority_score`."""
        hubs = graph.hub_score(weights="weight", scale=True)
        authorities = graph.authority_score(weights="weight", scale=True)
        return dict(top=top(authorities), top_hubs=top(hubs))

    def eigenvector(self, graph):
        return dict(top=top(graph.eigenvector_centrality(directed=True, scale=True, weights=None)))

    def betweenness(self, graph):
        return dict(top=top(graph.betweenness(directed=True)))

    def closeness(self, graph):
        return dict(top=top(graph.closeness(mode="in")))

    def approx_betweenness(self, graph):
        """No sampling estimator: betweenness counted only over paths of at most IGRAPH_CUTOFF hops."""
        return dict(top=top(graph.betweenness(directed=True, cutoff=IGRAPH_CUTOFF)), note=f"cutoff={IGRAPH_CUTOFF}")

    def louvain(self, undirected):
        """`community_multilevel` (Blondel et al.'s method, in C)."""
        membership = undirected.community_multilevel(weights="weight")
        return dict(modularity=round(undirected.modularity(membership, weights="weight"), 4), communities=len(membership))


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

    def build(self, nodes, sources, targets, weights):
        """Weighted for PageRank and HITS; an unweighted copy for the shortest-path tasks, since
        NetworKit's (approximate) betweenness and closeness take a weighted graph's weights as lengths."""
        import numpy

        weighted = self.nk.Graph(nodes, weighted=True, directed=True)
        weighted.addEdges((numpy.asarray(weights, dtype=numpy.float64), (sources, targets)))
        unweighted = self.nk.Graph(nodes, weighted=False, directed=True)
        unweighted.addEdges((sources, targets))
        return weighted, unweighted

    def undirected(self, graphs):
        """Louvain's input: each unordered pair once, its weights summed."""
        import numpy

        weighted = graphs[0]
        nodes = weighted.numberOfNodes()
        sources, targets, weights = [], [], []
        for source, target, weight in weighted.iterEdgesWeights():
            sources.append(source)
            targets.append(target)
            weights.append(weight)
        sources, targets = numpy.asarray(sources, dtype=numpy.int64), numpy.asarray(targets, dtype=numpy.int64)
        low, high = numpy.minimum(sources, targets), numpy.maximum(sources, targets)
        pairs, inverse = numpy.unique(low * nodes + high, return_inverse=True)
        summed = numpy.bincount(inverse, weights=numpy.asarray(weights, dtype=numpy.float64))
        undirected = self.nk.Graph(nodes, weighted=True, directed=False)
        undirected.addEdges((summed, ((pairs // nodes).astype(numpy.uint64), (pairs % nodes).astype(numpy.uint64))))
        return undirected

    def pagerank(self, graphs, iterations=None):
        """NetworkX's criterion exactly: L1 change ≤ n·tol (NetworKit's L1 norm is not divided by
        n), sinks distributed uniformly as NetworkX's dangling nodes."""
        graph = graphs[0]
        nodes = graph.numberOfNodes()
        tolerance = 0.0 if iterations else nodes * 1e-6
        algorithm = self.nk.centrality.PageRank(graph, damp=0.85, tol=tolerance, distributeSinks=self.nk.centrality.SinkHandling.DistributeSinks)
        algorithm.norm = self.nk.centrality.Norm.L1_NORM
        algorithm.maxIterations = iterations or 100
        algorithm.run()
        summary = dict(iterations=algorithm.numberOfIterations())
        if iterations is None:
            summary["top"] = top(algorithm.scores())
        return summary

    def kcore(self, graphs):
        algorithm = self.nk.centrality.CoreDecomposition(graphs[1])
        algorithm.run()
        return core_summary(algorithm.scores())

    def hits(self, graphs):
        raise NotOffered("NetworKit has no HITS")

    def eigenvector(self, graphs):
        """Its own power iteration (tol 1e-6 on its L2 criterion)."""
        algorithm = self.nk.centrality.EigenvectorCentrality(graphs[1], tol=1e-6)
        algorithm.run()
        return dict(top=top(algorithm.scores()))

    def betweenness(self, graphs):
        algorithm = self.nk.centrality.Betweenness(graphs[1], normalized=True)
        algorithm.run()
        return dict(top=top(algorithm.scores()))

    def closeness(self, graphs):
        """Generalised (Wasserman–Faust) closeness; NetworKit measures distances *from* each node on
        a digraph (NetworkX and ReachGraph: *to*), the same work on the reversed graph."""
        algorithm = self.nk.centrality.Closeness(graphs[1], True, self.nk.centrality.ClosenessVariant.GENERALIZED)
        algorithm.run()
        return dict(top=top(algorithm.scores()))

    def approx_betweenness(self, graphs):
        """Riondato–Kornaropoulos with the same ε, δ and constant c = 0.5 as ReachGraph."""
        algorithm = self.nk.centrality.ApproxBetweenness(graphs[1], epsilon=EPSILON, delta=DELTA, universalConstant=0.5)
        algorithm.run()
        return dict(top=top(algorithm.scores()), samples=algorithm.numberOfSamples())

    def louvain(self, undirected):
        """PLM (parallel Louvain, no refinement)."""
        algorithm = self.nk.community.PLM(undirected, refine=False)
        algorithm.run()
        partition = algorithm.getPartition()
        return dict(modularity=round(self.nk.community.Modularity().getQuality(partition, undirected), 4),
                    communities=partition.numberOfSubsets())


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

    def build(self, nodes, sources, targets, weights):
        graph = self.rx.PyDiGraph(multigraph=False)
        graph.add_nodes_from(range(nodes))
        graph.extend_from_weighted_edge_list(list(zip(sources.tolist(), targets.tolist(), weights.tolist())))
        return graph

    def scores(self, result, graph):
        return [result[node] for node in range(graph.num_nodes())]

    def pagerank(self, graph, iterations=None):
        """NetworkX's algorithm and criterion; weights through `weight_fn` (a call per edge)."""
        if iterations is None:
            return dict(top=top(self.scores(self.rx.pagerank(graph, alpha=0.85, weight_fn=float, tol=1e-6), graph)))
        try:
            self.rx.pagerank(graph, alpha=0.85, weight_fn=float, tol=0, max_iter=iterations)
        except self.rx.FailedToConverge:
            pass
        return dict(iterations=iterations)

    def kcore(self, graph):
        return core_summary(list(self.rx.core_number(graph).values()))

    def hits(self, graph):
        hubs, authorities = self.rx.hits(graph, weight_fn=float, tol=1e-8, max_iter=100)
        return dict(top=top(self.scores(authorities, graph)), top_hubs=top(self.scores(hubs, graph)))

    def eigenvector(self, graph):
        return dict(top=top(self.scores(self.rx.eigenvector_centrality(graph, max_iter=100, tol=1e-6), graph)))

    def betweenness(self, graph):
        return dict(top=top(self.scores(self.rx.betweenness_centrality(graph, normalized=True), graph)))

    def closeness(self, graph):
        return dict(top=top(self.scores(self.rx.closeness_centrality(graph, wf_improved=True), graph)))

    def approx_betweenness(self, graph):
        raise NotOffered("no sampling estimator; exact betweenness at 1M edges is 100k full searches")


class Cynetdiff:
    """Independent-cascade Monte Carlo only (no loader, no centrality): cynetdiff's C++ loop."""

    name = "cynetdiff"
    loads = False

    def __init__(self, threads):
        import cynetdiff.models
        from importlib.metadata import version

        self.models = cynetdiff.models
        self.version = version("cynetdiff")

    def build(self, nodes, sources, targets, weights):
        """Out-CSR with Kempe et al.'s weighted-cascade probabilities w(u, v) / s⁻(v), as
        ReachGraph's `.weightedCascade`; cynetdiff stores them as float32."""
        import numpy

        starts = numpy.searchsorted(sources, numpy.arange(nodes)).astype(numpy.uint32)
        in_strength = numpy.bincount(targets, weights=weights, minlength=nodes)
        probabilities = (weights / in_strength[targets]).astype(numpy.float32)
        model = self.models.IndependentCascadeModel(starts, targets.astype(numpy.uint32), activation_probs=probabilities, rng=1)
        out_degree = numpy.diff(numpy.append(starts.astype(numpy.int64), len(targets)))
        seeds = sorted(range(nodes), key=lambda node: (-out_degree[node], node))[:IC_SEEDS]
        return model, seeds

    def ic(self, graph):
        """`compute_marginal_gains(seeds, [], runs)`: the whole Monte Carlo loop in C++; its first
        value is the mean reach."""
        model, seeds = graph
        mean = model.compute_marginal_gains(seeds, [], IC_RUNS)[0]
        return dict(runs=IC_RUNS, mean_reach=round(float(mean), 1))


LIBRARIES = {kind.name: kind for kind in (NetworkX, IGraph, IGraphNcol, NetworKit, Rustworkx, Cynetdiff)}


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


def run_centrality(library_name, size, path, threads, repeats, tasks):
    """Runs in the child process: the centrality tasks for one library on one file's simple graph."""
    library = LIBRARIES[library_name](threads)
    base = dict(library=library_name, version=library.version, size=size, threads=threads)
    nodes, sources, targets, weights = simple_edges(path)
    start = time.perf_counter()
    graph = library.build(nodes, sources, targets, weights)
    emit(**base, task="build", median_s=time.perf_counter() - start, cpu_median_s=None, times_s=[])
    # A diffusion-only library offers just `ic`; the others every task but `ic`.
    measures = {task: getattr(library, task.replace("-", "_"), None) for task in
                ("pagerank", "kcore", "hits", "eigenvector", "betweenness", "closeness", "approx-betweenness", "ic", "louvain")}
    if measures["pagerank"]:
        measures["pagerank-20"] = lambda graph: library.pagerank(graph, FIXED_ITERATIONS)
    if measures["louvain"] and "louvain" in tasks:
        # The undirected copy (reciprocal weights summed) is made untimed, as ReachGraph's is.
        undirected = library.undirected(graph)
        measures["louvain"] = lambda _: library.louvain(undirected)
    for task in tasks:
        measure = measures.get(task)
        if measure is None:
            if getattr(library, "loads", True):
                emit(**base, task="skipped", skipped_task=task, message="no diffusion simulation" if task in ("ic", "imm") else "no equivalent")
            continue
        count = repeats if task not in HEAVY else 1 if library_name == "networkx" or task in SINGLE_RUN else min(repeats, HEAVY_REPEATS)
        times, cpu, summary = [], [], None
        try:
            for _ in range(count):
                gc.collect()
                start, cpu_start = time.perf_counter(), time.process_time()
                summary = measure(graph)
                times.append(time.perf_counter() - start)
                cpu.append(time.process_time() - cpu_start)
        except NotOffered as reason:
            emit(**base, task="skipped", skipped_task=task, message=str(reason))
            continue
        except Exception as error:  # a peer that fails one task (say, no convergence) still runs the rest
            emit(**base, task="error", failed_task=task, message=f"{type(error).__name__}: {error}"[:500])
            continue
        if summary.get("runs"):
            summary["runs_per_s"] = round(summary["runs"] / statistics.median(times), 1)
        emit(**base, task=task, median_s=statistics.median(times), cpu_median_s=statistics.median(cpu), times_s=times, **summary)


def child(library, size, path, threads, repeats, tasks=None):
    """Runs one measurement in a fresh interpreter; returns its JSON lines as dicts."""
    command = [sys.executable, os.path.abspath(__file__), "--one", library, "--size", size, "--file", path,
               "--threads", str(threads), "--repeats", str(repeats)]
    if tasks:
        command += ["--tasks", ",".join(tasks)]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        emit(library=library, size=size, threads=threads, task="error", message=result.stderr.strip()[-2000:])
        return []
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    for row in rows:
        emit(**row)
    return rows


def too_slow(library, threads, task, medium_cpu):
    """Whether `task` at 10M edges would exceed the limit, judged from its 1M-edge CPU time; emits
    the skip. Without a 1M-edge time the task runs."""
    seconds = medium_cpu.get((library, threads, task))
    if seconds is None or seconds * LARGE_SCALE <= NETWORKX_LARGE_LIMIT_S:
        return False
    what = "graph construction" if task == "build" else task
    emit(library=library, size="large", threads=threads, task="skipped", skipped_task=task,
         message=f"{what}: estimated {seconds * LARGE_SCALE:.0f} s from the 1M-edge run")
    return True


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
    parser.add_argument("--tasks", help="centrality tasks (default: TASKS for each size; empty: none)")
    parser.add_argument("--print-tasks", metavar="SIZE", help="print the default centrality tasks of SIZE and exit")
    arguments = parser.parse_args()
    if arguments.print_tasks:
        print(TASKS.get(arguments.print_tasks, ""))
        return
    if arguments.one:
        if arguments.tasks:
            run_centrality(arguments.one, arguments.size, arguments.file, arguments.threads, arguments.repeats, arguments.tasks.split(","))
        else:
            run_one(arguments.one, arguments.size, arguments.file, arguments.threads, arguments.repeats)
        return
    networkx_medium_load = None
    medium_cpu = {}  # (library, threads, task) -> CPU seconds at 1M edges, to decide what runs at 10M
    if arguments.previous and os.path.exists(arguments.previous):
        with open(arguments.previous) as previous:
            for line in previous:
                row = json.loads(line) if line.startswith("{") else {}
                if (row.get("library"), row.get("size"), row.get("task")) == ("networkx", "medium", "load"):
                    networkx_medium_load = row["cpu_median_s"]
                if row.get("size") == "medium" and "median_s" in row:
                    medium_cpu[(row["library"], row["threads"], row["task"])] = row["cpu_median_s"] or row["median_s"]
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
                rows = child(library, size, path, threads, repeats) if getattr(LIBRARIES[library], "loads", True) else []
                if library == "networkx" and size == "medium":
                    networkx_medium_load = next((row["cpu_median_s"] for row in rows if row["task"] == "load"), None)
                if library == "igraph-ncol":  # the same igraph graph: its centrality would repeat igraph's
                    continue
                tasks = [task for task in (TASKS.get(size, "") if arguments.tasks is None else arguments.tasks).split(",") if task]
                if not getattr(LIBRARIES[library], "loads", True):
                    tasks = [task for task in tasks if task == "ic"]
                    if not tasks:
                        continue
                if size == "large":
                    tasks = [task for task in tasks if not too_slow(library, threads, task, medium_cpu)]
                    if not tasks or too_slow(library, threads, "build", medium_cpu):
                        continue
                rows = child(library, size, path, threads, repeats, tasks)
                if size == "medium":
                    for row in rows:
                        if "median_s" in row:
                            medium_cpu[(row["library"], row["threads"], row["task"])] = row["cpu_median_s"] or row["median_s"]


if __name__ == "__main__":
    main()
