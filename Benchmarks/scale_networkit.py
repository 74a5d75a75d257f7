#!/usr/bin/env python3
"""NetworKit's side of Benchmarks/scale.sh: load a CSV edge list, then weakly connected
components, PageRank and k-core, each timed once; prints one JSON object per line.

    python Benchmarks/scale_networkit.py FILE [--threads 2]

The same calls and settings as the NetworKit class in Benchmarks/peers.py: `EdgeListReader` with
`continuous=False` (string ids), PageRank to NetworkX's convergence (L1 change ≤ n·1e-6, sinks
distributed), `CoreDecomposition`. The loaded graph keeps parallel edges; PageRank on it equals
PageRank on the merged graph with summed weights, but k-core counts a parallel edge once per copy,
so before k-core the parallel edges are removed (`removeMultiEdges`, timed apart) to match
ReachGraph's merged graph.
"""

import argparse
import json
import resource
import time


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux reports KiB


def timed(body):
    start, cpu = time.perf_counter(), time.process_time()
    result = body()
    return result, time.perf_counter() - start, time.process_time() - cpu


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--threads", type=int, default=2)
    arguments = parser.parse_args()
    import networkit as nk

    nk.setNumberOfThreads(arguments.threads)
    start_rss = peak_rss_mb()

    def emit(task, seconds, cpu, **extra):
        record = dict(library="networkit", task=task, threads=arguments.threads, seconds=round(seconds, 3), cpu_seconds=round(cpu, 3),
                      peak_rss_mb=round(peak_rss_mb(), 1), **extra)
        print(json.dumps(record), flush=True)

    reader = nk.graphio.EdgeListReader(",", 0, commentPrefix="source,", continuous=False, directed=True)
    graph, seconds, cpu = timed(lambda: reader.read(arguments.file))
    emit("load", seconds, cpu, nodes=graph.numberOfNodes(), edges=graph.numberOfEdges(), rss_at_start_mb=round(start_rss, 1), version=nk.__version__)

    def weak():
        algorithm = nk.components.WeaklyConnectedComponents(graph)
        algorithm.run()
        return algorithm.numberOfComponents(), max(algorithm.getComponentSizes().values())

    (count, largest), seconds, cpu = timed(weak)
    emit("wcc", seconds, cpu, components=count, largest=largest)

    def pagerank():
        algorithm = nk.centrality.PageRank(graph, damp=0.85, tol=graph.numberOfNodes() * 1e-6,
                                           distributeSinks=nk.centrality.SinkHandling.DistributeSinks)
        algorithm.norm = nk.centrality.Norm.L1_NORM
        algorithm.maxIterations = 100
        algorithm.run()
        return algorithm.numberOfIterations()

    iterations, seconds, cpu = timed(pagerank)
    emit("pagerank", seconds, cpu, iterations=iterations)

    _, seconds, cpu = timed(graph.removeMultiEdges)
    emit("merge-parallel-edges", seconds, cpu, edges=graph.numberOfEdges())

    def kcore():
        algorithm = nk.centrality.CoreDecomposition(graph)
        algorithm.run()
        scores = algorithm.scores()
        largest = max(scores)
        return int(largest), sum(1 for value in scores if value == largest)

    (core, size), seconds, cpu = timed(kcore)
    emit("kcore", seconds, cpu, max_core=core, max_core_size=size)


if __name__ == "__main__":
    main()
