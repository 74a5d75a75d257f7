"""Writes paths.json: betweenness, edge betweenness, closeness and harmonic centrality by NetworkX.

Computed on every graph of graphs.py plus a few shapes that matter for shortest paths: tied
weighted paths (1/2 + 1/2 == 1 and 2 + 2 == 4 exactly, so path counts above 1 under every length),
and the degenerate sizes n = 1 and n = 2 where NetworkX's normalisation changes.

Lengths: "hops" (weight=None), "weight" (the weight is the distance) and "inverse" (1/weight, a
NetworkX edge attribute "inv"). Edge betweenness is listed in CSR order: edges sorted by
(source, target). Run from this folder: python3 make_paths.py (NetworkX 3.x).
"""
import json

import networkx as nx

from graphs import GRAPHS

EXTRA_GRAPHS = {
    # A 4 x 4 grid flowing right and down; weights 2 on horizontal edges make inverse lengths
    # 1/2 tie with pairs of other edges, and many equal-length routes run between corners.
    "grid_ties": (16, sorted(
        [(4 * r + c, 4 * r + c + 1, 2.0) for r in range(4) for c in range(3)]
        + [(4 * r + c, 4 * (r + 1) + c, 1.0) for r in range(3) for c in range(4)]
        + [(15, 0, 4.0), (5, 5, 1.0)])),
    "single_node": (1, []),
    "pair": (2, [(0, 1, 2.0)]),
}

ALL_GRAPHS = {**GRAPHS, **EXTRA_GRAPHS}
LENGTHS = {"hops": None, "weight": "weight", "inverse": "inv"}


def networkx_graph(n, edges):
    graph = nx.DiGraph()
    graph.add_nodes_from(range(n))
    for u, v, w in edges:
        graph.add_edge(u, v, weight=w, inv=1.0 / w)
    return graph


def per_node(values, n):
    return [values[node] for node in range(n)]


cases = []
for name, (n, edges) in ALL_GRAPHS.items():
    g = networkx_graph(n, edges)
    csr_edges = sorted(g.edges())
    case = {"name": name, "graph": {"nodes": n, "edges": [[u, v, w] for (u, v, w) in edges]},
            "networkx": nx.__version__}
    for length, attribute in LENGTHS.items():
        case[length] = {
            "betweenness": per_node(nx.betweenness_centrality(g, weight=attribute), n),
            "betweenness_raw": per_node(nx.betweenness_centrality(g, normalized=False, weight=attribute), n),
            "betweenness_endpoints": per_node(
                nx.betweenness_centrality(g, endpoints=True, weight=attribute), n),
            "betweenness_endpoints_raw": per_node(
                nx.betweenness_centrality(g, normalized=False, endpoints=True, weight=attribute), n),
            "edge_betweenness": [nx.edge_betweenness_centrality(g, weight=attribute)[e] for e in csr_edges],
            "edge_betweenness_raw": [
                nx.edge_betweenness_centrality(g, normalized=False, weight=attribute)[e] for e in csr_edges],
            "closeness": per_node(nx.closeness_centrality(g, distance=attribute), n),
            "closeness_plain": per_node(nx.closeness_centrality(g, distance=attribute, wf_improved=False), n),
            "harmonic": per_node(nx.harmonic_centrality(g, distance=attribute), n),
        }
    cases.append(case)
with open("paths.json", "w") as out:
    json.dump(cases, out)
