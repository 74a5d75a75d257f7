"""The small graphs every NetworkX fixture is computed on.

Each graph is a list of (source, target, weight) with nodes 0..n-1. Shared by the fixture
scripts in this folder so that every measure is checked on the same shapes: directed, weighted,
with dangling nodes (no out-edges), disconnected, with self-loops and reciprocated pairs.
"""
import random

import networkx as nx


def _random_digraph(n, m, seed, weighted):
    rng = random.Random(seed)
    edges = set()
    while len(edges) < m:
        u, v = rng.randrange(n), rng.randrange(n)
        if u != v:
            edges.add((u, v))
    return n, [(u, v, float(rng.randint(1, 5)) if weighted else 1.0) for (u, v) in sorted(edges)]


GRAPHS = {
    # A hub that reposts nothing, a chain, a reciprocated pair and an isolated node.
    "small_directed": (7, [(0, 1, 1.0), (0, 2, 1.0), (1, 2, 1.0), (2, 0, 1.0), (2, 3, 1.0),
                           (3, 4, 1.0), (4, 3, 1.0), (1, 5, 1.0)]),
    # Weighted, with dangling nodes 4 and 5.
    "weighted_dangling": (6, [(0, 1, 3.0), (0, 2, 1.0), (1, 2, 2.0), (2, 0, 0.5), (2, 4, 4.0),
                              (3, 2, 1.0), (1, 5, 2.5), (3, 5, 1.0)]),
    # Two weakly connected parts, a self-loop and a 3-cycle.
    "disconnected": (8, [(0, 1, 1.0), (1, 2, 1.0), (2, 0, 1.0), (2, 2, 1.0), (3, 4, 2.0),
                         (4, 5, 1.0), (6, 7, 1.0), (7, 6, 3.0)]),
    # Random graphs, unweighted and weighted.
    "random_40": _random_digraph(40, 120, seed=7, weighted=False),
    "random_weighted_60": _random_digraph(60, 200, seed=11, weighted=True),
}


def networkx_graph(name):
    n, edges = GRAPHS[name]
    graph = nx.DiGraph()
    graph.add_nodes_from(range(n))
    graph.add_weighted_edges_from(edges)
    return graph


def graph_record(name):
    n, edges = GRAPHS[name]
    return {"nodes": n, "edges": [[u, v, w] for (u, v, w) in edges]}
